//! The walk screen's helpers for what the store reports: a save confirmed, refused, or found
//! changed in another window (the walk takes the stored answer), and `u`'s last change found in
//! the trail (its question shown, its old answer given back).

use super::super::state::{Ctx, Outcome};
use super::walk::{WalkView, drive};
use crate::app::effect::{Effect, Event};
use crate::i18n::ui::Ui;
use crate::walk::Input;
use crate::walk::describe::answer_text;

/// The last change found in the trail: go to its question and put its old answer back
/// (checked and saved like any answer, so it lands in the trail too: `u` again redoes).
fn undo(
    view: &mut WalkView,
    cx: &mut Ctx,
    question_id: String,
    old: Option<crate::audit::Answer>,
) -> Outcome {
    let lang = cx.lang;
    let Some(s) = cx.session.as_mut() else {
        return Outcome::none();
    };
    let Some(q) = s.walk.questionnaire().question(&question_id) else {
        return Outcome::none();
    };
    let label = q.label.get(lang).to_string();
    let words = match &old {
        Some(a) => answer_text(q, a, lang),
        None => Ui::NoAnswerYet.get(lang).to_string(),
    };
    let give = match old {
        Some(a) => Input::Give(a),
        None => Input::Clear,
    };
    let out = drive(view, s, lang, vec![Input::JumpTo(question_id), give]);
    view.sync(&s.walk, true);
    if s.walk.problem().is_none() {
        out.with_notice(Ui::Undone.fill(lang, &[&label, &words]))
    } else {
        out
    }
}

/// Store results for the walk.
pub fn result(view: &mut WalkView, cx: &mut Ctx, event: Event) -> Outcome {
    if let Event::UndoFound { question_id, old } = event {
        return undo(view, cx, question_id, old);
    }
    if let Event::NothingToUndo = event {
        return Outcome::none().with_notice(Ui::NothingToUndo.get(cx.lang));
    }
    let Some(s) = cx.session.as_mut() else {
        return Outcome::none();
    };
    let (input, reload) = match event {
        Event::AnswerSaved { question_id, at } => (Input::Saved { question_id, at }, false),
        Event::AnswerFailed {
            question_id,
            message,
        } => (
            Input::SaveFailed {
                question_id,
                message,
            },
            false,
        ),
        Event::AnswerChanged {
            question_id,
            current,
            message,
        } => (
            Input::ChangedElsewhere {
                question_id,
                current,
                message,
            },
            true,
        ),
        _ => return Outcome::none(),
    };
    // A reload goes back to its question: the cursor is remembered as for any move.
    let audit_id = s.audit_id.clone();
    let effects: Vec<Effect> = s
        .walk
        .apply(input)
        .into_iter()
        .map(|effect| Effect::Walk {
            audit_id: audit_id.clone(),
            effect,
        })
        .collect();
    if reload {
        view.sync(&s.walk, true);
    }
    Outcome::from(effects)
}
