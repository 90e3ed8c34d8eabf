//! Follow-up audits as data: what the previous audit answered to each question of the new
//! one, and where the trainer stands with it — to confirm, confirmed (the same answer given
//! again), changed, or unusable (the question changed shape since: the answer must be asked
//! afresh). Nothing is ever copied by this module: the walk, the line mode and
//! `diagasso followup` show an item, and only an answer the trainer gives (or explicitly
//! confirms) is saved, through `Store::save_answer`, with its trail entry.
//!
//! A previous answer is compared with the new questionnaire's question of the same id: it must
//! pass `questionnaire::answer::check` there (kind, choice ids, range, constraint given the
//! answers so far). Previous answers to questions the new questionnaire does not ask are listed
//! apart. Pure: no store, no clock.

use serde::Serialize;

use crate::audit::{Answer, Audit};
use crate::i18n::Text;
use crate::questionnaire::{Questionnaire, answer};

/// Where one previous answer stands in the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum State {
    /// Not answered yet in the new audit: show the previous answer for confirmation.
    ToConfirm,
    /// The new audit holds the same answer.
    Confirmed,
    /// The new audit holds another answer.
    Changed,
    /// The previous answer no longer fits the question: ask it afresh.
    Unusable { reason: Text },
}

/// One question of the new audit that the previous audit answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub question_id: String,
    pub label: Text,
    pub previous: Answer,
    /// When the previous answer was given.
    pub previous_at: String,
    pub current: Option<Answer>,
    /// Shown given the new audit's answers so far (a hidden question is confirmed when the
    /// walk reaches it).
    pub shown: bool,
    #[serde(flatten)]
    pub state: State,
}

/// The follow-up view of a new audit against the audit it follows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub previous_audit_id: String,
    pub previous_started_at: String,
    /// In the new questionnaire's order.
    pub items: Vec<Item>,
    /// Questions the previous audit answered that the new questionnaire does not ask.
    pub not_asked: Vec<String>,
}

impl FollowUp {
    /// The item of one question, for the walk to show beside it.
    pub fn item(&self, question_id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.question_id == question_id)
    }

    /// Items still waiting for the trainer.
    pub fn to_confirm(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.state == State::ToConfirm)
    }

    /// How many items are in each state: (to confirm, confirmed, changed, unusable).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut c = (0, 0, 0, 0);
        for i in &self.items {
            match i.state {
                State::ToConfirm => c.0 += 1,
                State::Confirmed => c.1 += 1,
                State::Changed => c.2 += 1,
                State::Unusable { .. } => c.3 += 1,
            }
        }
        c
    }
}

/// The follow-up view of `current` (on `q`) against `previous`.
pub fn view(q: &Questionnaire, current: &Audit, previous: &Audit) -> FollowUp {
    let answers = current.answer_map();
    let shown = q.visible(&answers);
    let mut items = Vec::new();
    for ((_, question), shown) in q.questions().zip(shown) {
        let Some(prev) = previous.answers.get(&question.id) else {
            continue;
        };
        let now = current.answers.get(&question.id).map(|r| r.answer.clone());
        let normalised = answer::normalise(question, prev.answer.clone());
        let state = match &now {
            Some(a) if *a == normalised => State::Confirmed,
            Some(_) => State::Changed,
            None => match answer::check(question, &normalised, &answers) {
                Ok(()) => State::ToConfirm,
                Err(p) => State::Unusable {
                    reason: Text::new(p.fr, p.en),
                },
            },
        };
        items.push(Item {
            question_id: question.id.clone(),
            label: question.label.clone(),
            previous: normalised,
            previous_at: prev.updated_at.clone(),
            current: now,
            shown,
            state,
        });
    }
    let not_asked = previous
        .answers
        .keys()
        .filter(|id| q.question(id).is_none())
        .cloned()
        .collect();
    FollowUp {
        previous_audit_id: previous.id.clone(),
        previous_started_at: previous.started_at.clone(),
        items,
        not_asked,
    }
}
