//! Follow-up audits in the walk: the audit a follow-up starts from, and where the new answer to
//! a question stands against the previous one — to confirm, the same, changed, or no previous
//! answer. Both front ends (TUI and line mode) show this beside each question; the previous
//! answer is saved only when the trainer gives it again (`Input::Give`), checked like any
//! answer.

use std::collections::BTreeMap;

use crate::audit::Answer;
use crate::i18n::Lang;
use crate::questionnaire::Question;
use crate::questionnaire::answer::normalise;

use super::describe::answer_text;

/// The audit a follow-up starts from: its answers are shown beside each question, to confirm
/// or change; none is copied until the trainer confirms it.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousAudit {
    pub audit_id: String,
    /// When it was started, as a local date ("12/03/2025").
    pub date: String,
    pub answers: BTreeMap<String, Answer>,
}

/// Where one question stands against the previous audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// The previous audit did not answer it.
    NoPrevious,
    /// Not answered yet: the previous answer (as text) waits for confirmation.
    ToConfirm(String),
    /// Answered as before.
    Same,
    /// Answered otherwise; the previous answer as text.
    Changed(String),
}

impl PreviousAudit {
    /// The previous answer to `q`.
    pub fn answer(&self, q: &Question) -> Option<&Answer> {
        self.answers.get(&q.id)
    }

    /// Where `q` stands, given its answer in the new audit.
    pub fn standing(&self, q: &Question, now: Option<&Answer>, lang: Lang) -> Standing {
        let Some(before) = self.answers.get(&q.id) else {
            return Standing::NoPrevious;
        };
        match now {
            None => Standing::ToConfirm(answer_text(q, before, lang)),
            Some(now) if *now == normalise(q, before.clone()) => Standing::Same,
            Some(_) => Standing::Changed(answer_text(q, before, lang)),
        }
    }
}
