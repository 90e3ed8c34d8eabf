//! The walk screen's helpers for choices: numbers past the ninth (two digits, picked as soon
//! as no longer number starts with them, or on Enter), and « Lequel ? » after an "other"
//! choice, whose answer is kept as a line of the question's note.

use super::super::keymap::Cmd;
use super::super::state::{Ctx, Outcome};
use super::walk::WalkView;
use crate::app::effect::Effect;
use crate::audit::{Answer, Value};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::questionnaire::Question;

/// A digit typed on a list of `count` options, `pending` holding the digits typed before:
/// the option to pick (0-based), or `None` while more digits may follow (or the number fits no
/// option: then nothing is picked and the digits are dropped).
pub fn digit(pending: &mut String, count: usize, d: u8) -> Option<usize> {
    pending.push(char::from(b'0' + d));
    let n: usize = pending.parse().unwrap_or(0);
    if n == 0 || n > count {
        pending.clear();
        // A digit that starts no number of this list may start a new one.
        if d > 0 && usize::from(d) <= count && n > count {
            pending.push(char::from(b'0' + d));
            if usize::from(d) * 10 > count {
                pending.clear();
                return Some(usize::from(d) - 1);
            }
        }
        return None;
    }
    if n * 10 > count {
        pending.clear();
        return Some(n - 1);
    }
    None
}

/// The pending number, picked (Enter).
pub fn take_pending(pending: &mut String, count: usize) -> Option<usize> {
    let n: usize = std::mem::take(pending).parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}

/// A choice that stands for "something else" (`other`, `other_…`).
pub fn is_other(id: &str) -> bool {
    id == "other" || id.starts_with("other_") || id == "autre"
}

/// Whether `after` picks an "other" choice that `before` did not.
pub fn newly_other(q: &Question, before: Option<&Answer>, after: Option<&Answer>) -> bool {
    let others = |a: Option<&Answer>| -> Vec<String> {
        let ids: Vec<&str> = match a.and_then(Answer::value) {
            Some(Value::Choice(id)) => vec![id.as_str()],
            Some(Value::Choices(ids)) => ids.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        ids.into_iter()
            .filter(|id| is_other(id) && q.choices.iter().any(|c| c.id == *id))
            .map(str::to_string)
            .collect()
    };
    let (b, a) = (others(before), others(after));
    a.iter().any(|id| !b.contains(id))
}

/// The note with its « Autre : … » line set to `text` (replaced when there is one, added
/// otherwise; an empty `text` removes it).
pub fn with_other(note: &str, text: &str, lang: Lang) -> String {
    let prefix = Ui::OtherNote.fill(lang, &[&""]);
    let mut lines: Vec<String> = note
        .lines()
        .filter(|l| !l.starts_with(&prefix))
        .map(str::to_string)
        .collect();
    if !text.trim().is_empty() {
        lines.push(Ui::OtherNote.fill(lang, &[&text.trim()]));
    }
    lines.join("\n")
}

/// The « Autre : … » text already in a note, to edit it again.
pub fn other_text(note: &str, lang: Lang) -> String {
    let prefix = Ui::OtherNote.fill(lang, &[&""]);
    note.lines()
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_default()
        .to_string()
}

/// Commands while « Lequel ? » is asked: Enter keeps the text in the note, Esc skips.
pub fn other_cmd(view: &mut WalkView, cx: &mut Ctx, cmd: Cmd) -> Outcome {
    let Some(s) = cx.session.as_mut() else {
        return Outcome::none();
    };
    match cmd {
        Cmd::Enter => {
            let Some(input) = view.other.take() else {
                return Outcome::none();
            };
            let Some(id) = s.walk.current_id().map(str::to_string) else {
                return Outcome::none();
            };
            let before = s.notes.get(&id).cloned().unwrap_or_default();
            let text = with_other(&before, &input.value(), cx.lang);
            if text == before {
                return Outcome::none();
            }
            s.notes.insert(id.clone(), text.clone());
            Outcome::from(vec![Effect::SaveNote {
                audit_id: s.audit_id.clone(),
                question_id: Some(id),
                text,
                seen: before,
            }])
        }
        Cmd::Back => {
            view.other = None;
            Outcome::none()
        }
        _ => Outcome::none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digit_numbers_pick_when_unambiguous() {
        let mut p = String::new();
        // Nine options or fewer: one digit picks at once.
        assert_eq!(digit(&mut p, 9, 3), Some(2));
        assert_eq!(digit(&mut p, 9, 0), None);
        assert!(p.is_empty());
        // Twelve options: 1 waits (1, 10, 11, 12), 2 then picks 12; 3 picks at once.
        assert_eq!(digit(&mut p, 12, 1), None);
        assert_eq!(digit(&mut p, 12, 2), Some(11));
        assert_eq!(digit(&mut p, 12, 3), Some(2));
        assert_eq!(digit(&mut p, 12, 1), None);
        assert_eq!(
            take_pending(&mut p, 12),
            Some(0),
            "Enter picks the pending 1"
        );
        // 1 then 5 on twelve: no 15, so 5 picks the fifth.
        assert_eq!(digit(&mut p, 12, 1), None);
        assert_eq!(digit(&mut p, 12, 5), Some(4));
        assert!(p.is_empty());
    }

    #[test]
    fn the_other_line_is_replaced_not_repeated() {
        let lang = Lang::Fr;
        let note = with_other("à revoir", "Zoom", lang);
        assert_eq!(note, "à revoir\nAutre : Zoom");
        let note = with_other(&note, "Jitsi", lang);
        assert_eq!(note, "à revoir\nAutre : Jitsi");
        assert_eq!(other_text(&note, lang), "Jitsi");
        assert_eq!(with_other(&note, "", lang), "à revoir");
    }
}
