//! Answering the current question: picking or ticking an option, typing a number or a text,
//! "je ne sais pas", "non concerné", clearing; each answer normalised and checked
//! (`questionnaire::answer`) before it is kept and handed out as a `Save` effect, and the
//! visible set recomputed at once. Part of `Walk`'s implementation.

use std::sync::Arc;

use super::{Effect, SaveMark, Walk, parse};
use crate::audit::Answer;
use crate::i18n::Message;
use crate::questionnaire::Kind;
use crate::questionnaire::answer::{check, normalise, required_problem};

impl Walk {
    pub(super) fn pick(&mut self, which: Option<usize>) -> Vec<Effect> {
        let qn = Arc::clone(&self.questionnaire);
        let Some(question) = self.current_id().and_then(|id| qn.question(id)) else {
            return Vec::new();
        };
        let picked = match which {
            Some(i) => self.draft.pick(question, i),
            None => self.draft.pick_highlighted(question),
        };
        match picked {
            Some(answer) => self.give(answer),
            None => Vec::new(),
        }
    }

    pub(super) fn continue_(&mut self) -> Vec<Effect> {
        let Some(kind) = self.current().map(|(_, q)| q.kind) else {
            return Vec::new();
        };
        // A refused value typed earlier is no longer on the table.
        self.problem = None;
        let mut effects = Vec::new();
        if self.current_answer().is_none()
            && matches!(kind, Kind::Single | Kind::Scale | Kind::Yesno)
        {
            effects = self.pick(None);
        }
        self.advance_after(effects)
    }

    pub(super) fn advance_after(&mut self, mut effects: Vec<Effect>) -> Vec<Effect> {
        if self.problem.is_some() {
            return effects;
        }
        if let Some((_, q)) = self.current()
            && q.required
            && self.current_answer().is_none()
        {
            let p = required_problem(q);
            self.problem = Some(Message::new(p.fr, p.en));
            return effects;
        }
        effects.extend(self.go_next());
        effects
    }

    pub(super) fn submit_text(&mut self, text: &str, advance: bool) -> Vec<Effect> {
        let qn = Arc::clone(&self.questionnaire);
        let Some(q) = self.current_id().and_then(|id| qn.question(id)) else {
            return Vec::new();
        };
        let effects = if text.trim().is_empty() {
            if self.current_answer().is_some_and(|a| a.value().is_some()) {
                self.give(None)
            } else {
                self.problem = None;
                Vec::new()
            }
        } else {
            match parse::parse_answer(q, text) {
                Ok(answer) => self.give(Some(answer)),
                Err(message) => {
                    self.problem = Some(message);
                    Vec::new()
                }
            }
        };
        if advance {
            self.advance_after(effects)
        } else {
            effects
        }
    }

    /// Check, record and ask to save an answer to the current question (`None` clears it).
    pub(super) fn give(&mut self, answer: Option<Answer>) -> Vec<Effect> {
        let qn = Arc::clone(&self.questionnaire);
        let Some(q) = self.current_id().and_then(|id| qn.question(id)) else {
            return Vec::new();
        };
        let answer = match answer {
            Some(a) => {
                let a = normalise(q, a);
                if let Err(p) = check(q, &a, &self.answers) {
                    self.problem = Some(Message::new(p.fr, p.en));
                    return Vec::new();
                }
                Some(a)
            }
            None => None,
        };
        self.problem = None;
        if self.answers.get(&q.id) == answer.as_ref() {
            return Vec::new();
        }
        let seen = match &answer {
            Some(a) => self.answers.insert(q.id.clone(), a.clone()),
            None => self.answers.remove(&q.id),
        };
        self.visible = qn.visible(&self.answers);
        let highlight = self.draft.highlight;
        self.reset_draft();
        self.draft.highlight = highlight.or(self.draft.highlight);
        self.saved = SaveMark::Pending(q.id.clone());
        vec![Effect::Save {
            question_id: q.id.clone(),
            answer,
            seen,
        }]
    }

    /// Another window saved `current` to `question_id` meanwhile: take it, go back to that
    /// question when it is shown (to be answered again), and say so in the save mark.
    pub(super) fn changed_elsewhere(
        &mut self,
        question_id: String,
        current: Option<Answer>,
        message: Message,
    ) -> Vec<Effect> {
        self.reload(&question_id, current);
        let back = self
            .questionnaire
            .position(&question_id)
            .filter(|&p| self.visible[p]);
        let effects = self.go_to(back);
        self.saved = SaveMark::Failed {
            question_id,
            message,
        };
        effects
    }

    /// Take the answer another window saved to `question_id`: the visible set follows, and
    /// the draft of the current question starts again from it.
    fn reload(&mut self, question_id: &str, current: Option<Answer>) {
        let qn = Arc::clone(&self.questionnaire);
        if qn.question(question_id).is_none() {
            return;
        }
        match current {
            Some(a) => self.answers.insert(question_id.to_string(), a),
            None => self.answers.remove(question_id),
        };
        self.visible = qn.visible(&self.answers);
        if self.current_id() == Some(question_id) {
            self.reset_draft();
        }
    }
}
