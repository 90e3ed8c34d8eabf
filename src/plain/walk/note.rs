//! `note` and `note g` in the line mode: a note read line by line, then saved over the note as
//! this window last read it (never over another window's change: then the stored one is kept
//! and said).

use std::io::{self, BufRead, Write};

use super::super::Plain;
use super::{Flow, State};
use crate::i18n::ui::Ui;
use crate::tui::action::{Action, Effect};

/// Read a note (lines until one holding only "."), then save it.
pub(super) fn note<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    st: &mut State,
    general: bool,
) -> io::Result<Flow> {
    let lang = p.lang;
    let question_id = if general {
        None
    } else {
        st.walk.current_id().map(str::to_string)
    };
    p.ui(Ui::PlainNoteStart)?;
    let mut lines = Vec::new();
    let mut flow = Flow::Menu;
    loop {
        let Some(line) = p.ask("")? else {
            flow = Flow::Eof;
            break;
        };
        if line.trim() == "." {
            break;
        }
        lines.push(line);
    }
    let text = lines.join("\n");
    let seen = match &question_id {
        Some(id) => st.notes.get(id).cloned().unwrap_or_default(),
        None => st.note.clone(),
    };
    let effect = Effect::SaveNote {
        audit_id: st.audit_id.clone(),
        question_id: question_id.clone(),
        text: text.clone(),
        seen,
    };
    for action in p.effect(effect)? {
        let (kept, said) = match action {
            Action::NoteSaved { at, .. } => (text.clone(), Ui::PlainSaved.fill(lang, &[&at])),
            // Another window saved this note meanwhile: nothing written; shown as stored.
            Action::NoteChanged {
                current, message, ..
            } => (current, Ui::PlainNotSaved.fill(lang, &[&message.get(lang)])),
            _ => continue,
        };
        match &question_id {
            Some(id) => {
                st.notes.insert(id.clone(), kept.trim().to_string());
            }
            None => st.note = kept.trim().to_string(),
        }
        p.say(said)?;
    }
    Ok(flow)
}
