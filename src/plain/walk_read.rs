//! What the line mode reads back during the walk: help, progress, the numbered review (and
//! the question a number or "prochaine obligatoire" leads to), sections, notes, finishing.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use super::Plain;
use super::walk::Flow;
use crate::app::effect::{Effect, Event};
use crate::audit::AuditStatus;
use crate::i18n::ui::Ui;
use crate::walk::Walk;
use crate::walk::describe::answer_text;

pub fn help<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, w: &Walk) -> io::Result<()> {
    if let Some((_, q)) = w.current()
        && !q.help.get(p.lang).is_empty()
    {
        let text = format!("{}{}", Ui::HelpLabel.get(p.lang), q.help.get(p.lang));
        p.say(text)?;
    }
    p.ui(Ui::PlainWalkHelp)
}

/// Progress as everywhere: sections done of sections, then answers of questions shown.
pub fn progress<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, w: &Walk) -> io::Result<()> {
    let o = w.overview();
    let line = Ui::ProgressLine.fill(
        p.lang,
        &[&o.sections_done, &o.sections_total, &o.answered, &o.shown],
    );
    p.say(Ui::PlainProgress.fill(p.lang, &[&line]))
}

/// The questions shown, in order: their ids, numbered from 1 by the review.
fn shown_ids(w: &Walk) -> Vec<String> {
    w.questionnaire()
        .questions()
        .enumerate()
        .filter(|(pos, _)| w.visible()[*pos])
        .map(|(_, (_, q))| q.id.clone())
        .collect()
}

/// Every question shown, numbered, with its answer; `aller N` goes to number N.
pub fn review<R: BufRead, W: Write>(p: &mut Plain<'_, R, W>, w: &Walk) -> io::Result<()> {
    let lang = p.lang;
    for (n, id) in shown_ids(w).iter().enumerate() {
        let Some(q) = w.questionnaire().question(id) else {
            continue;
        };
        let state = match w.answer(id) {
            Some(a) => answer_text(q, a, lang),
            None if q.required => Ui::ReviewRequiredMissing.get(lang).to_string(),
            None => Ui::ReviewUnanswered.get(lang).to_string(),
        };
        p.say(format!("{}. {} : {state}", n + 1, q.label.get(lang)))?;
    }
    progress(p, w)?;
    p.ui(Ui::PlainReviewHint)
}

/// The id of question `n` as the review numbers them.
pub fn goto(w: &Walk, n: usize) -> Option<String> {
    shown_ids(w).get(n.checked_sub(1)?).cloned()
}

/// The next required question still unanswered, after the current one (then from the start).
pub fn next_required(w: &Walk) -> Option<String> {
    let ids = shown_ids(w);
    let here = w
        .current_id()
        .and_then(|id| ids.iter().position(|i| i == id))
        .unwrap_or(0);
    let missing = |id: &String| {
        w.questionnaire().question(id).is_some_and(|q| q.required) && w.answer(id).is_none()
    };
    ids.iter()
        .skip(here + 1)
        .chain(ids.iter().take(here + 1))
        .find(|id| missing(id))
        .cloned()
}

pub fn sections<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    w: &Walk,
) -> io::Result<Option<usize>> {
    let lang = p.lang;
    for (i, s) in w.questionnaire().sections.iter().enumerate() {
        let pr = w.section_progress(i);
        p.say(format!(
            "  {}. {} ({}/{})",
            i + 1,
            s.title.get(lang),
            pr.answered,
            pr.total
        ))?;
    }
    let Some(line) = p.ask(Ui::PlainSectionPrompt.get(lang))? else {
        return Ok(None);
    };
    Ok(line
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1)))
}

/// Read a note (lines until one holding only "."), then save it.
pub fn note<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    notes: &mut BTreeMap<String, String>,
    general_note: &mut String,
    audit_id: &str,
    w: &Walk,
    general: bool,
) -> io::Result<Flow> {
    let lang = p.lang;
    let question_id = if general {
        None
    } else {
        w.current_id().map(str::to_string)
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
        Some(id) => notes.get(id).cloned().unwrap_or_default(),
        None => general_note.clone(),
    };
    let effect = Effect::SaveNote {
        audit_id: audit_id.to_string(),
        question_id: question_id.clone(),
        text: text.clone(),
        seen,
    };
    for action in p.effect(effect)? {
        let (kept, said) = match action {
            Event::NoteSaved { at, .. } => (text.clone(), Ui::PlainNoteSaved.fill(lang, &[&at])),
            // Another window saved this note meanwhile: nothing written; shown as stored.
            Event::NoteChanged {
                current, message, ..
            } => (current, Ui::PlainNotSaved.fill(lang, &[&message.get(lang)])),
            _ => continue,
        };
        match &question_id {
            Some(id) => {
                notes.insert(id.clone(), kept.trim().to_string());
            }
            None => *general_note = kept.trim().to_string(),
        }
        p.say(said)?;
    }
    Ok(flow)
}

pub fn finish<R: BufRead, W: Write>(
    p: &mut Plain<'_, R, W>,
    audit_id: &str,
    w: &Walk,
) -> io::Result<Flow> {
    let lang = p.lang;
    let missing = w
        .questionnaire()
        .questions()
        .enumerate()
        .filter(|(pos, (_, q))| w.visible()[*pos] && q.required && w.answer(&q.id).is_none())
        .count();
    if missing > 0 {
        p.say(Ui::FinishMissing.fill(lang, &[&missing]))?;
    } else {
        p.ui(Ui::FinishBody)?;
    }
    let Some(line) = p.ask(Ui::PlainConfirm.get(lang))? else {
        return Ok(Flow::Eof);
    };
    if !crate::i18n::is_yes(&line) {
        return Ok(Flow::Menu);
    }
    let effect = Effect::SetStatus {
        audit_id: audit_id.to_string(),
        status: AuditStatus::Finished,
    };
    let done = p.effect(effect)?;
    if done.iter().any(|a| matches!(a, Event::StatusSaved(_))) {
        p.ui(Ui::PlainFinished)?;
    }
    Ok(Flow::Menu)
}
