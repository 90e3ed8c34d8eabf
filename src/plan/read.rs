//! Reading the answers once: the visible questions that have an answer, with their section and
//! effective domain, so every rule of the plan reads tags (`needs`, `tool`, `signals`,
//! `quantity`, `role`, `domain`) and never wording. A hidden question's answer is ignored, as
//! everywhere else; "je ne sais pas" is kept apart because the plan reports it.

use crate::audit::{Answer, Audit, Value};
use crate::questionnaire::{Choice, Question, Questionnaire, Section};

use super::trace::AnswerRead;

/// One visible question and its answer.
pub(crate) struct Item<'a> {
    pub section: &'a Section,
    pub question: &'a Question,
    pub answer: &'a Answer,
}

impl<'a> Item<'a> {
    /// The score domain of the question (its own, else its section's).
    pub fn domain(&self) -> Option<&'a str> {
        self.question
            .domain
            .as_deref()
            .or(self.section.domain.as_deref())
    }

    /// The choices selected in a `single` or `multiple` answer.
    pub fn selected(&self) -> impl Iterator<Item = &'a Choice> + 'a {
        let question = self.question;
        let ids: &'a [String] = match self.answer {
            Answer::Given(Value::Choice(c)) => std::slice::from_ref(c),
            Answer::Given(Value::Choices(cs)) => cs.as_slice(),
            _ => &[],
        };
        ids.iter().filter_map(move |id| question.choice(id))
    }

    /// The number given, for `number` and `scale` questions.
    pub fn number(&self) -> Option<f64> {
        match self.answer {
            Answer::Given(Value::Number(n)) if n.is_finite() => Some(*n),
            _ => None,
        }
    }

    pub fn read(&self) -> AnswerRead {
        AnswerRead::of(&self.question.id, self.answer)
    }

    pub fn read_choice(&self, choice: &Choice) -> AnswerRead {
        AnswerRead::choice(&self.question.id, &choice.id)
    }
}

/// What a numeric quantity reads as.
pub(crate) enum Quantity {
    /// A number was given.
    Given(f64, AnswerRead),
    /// The question was shown and answered "je ne sais pas".
    DontKnow(AnswerRead),
    /// No visible question measures it, or it is not answered yet.
    Missing,
}

/// The answers of one audit as the plan reads them.
pub(crate) struct Read<'a> {
    pub questionnaire: &'a Questionnaire,
    /// Visible questions with an answer (given, "je ne sais pas" or "non concerné"), in order.
    pub items: Vec<Item<'a>>,
}

impl<'a> Read<'a> {
    pub fn new(q: &'a Questionnaire, audit: &'a Audit) -> Read<'a> {
        let visible = q.visible(audit);
        let items = q
            .questions()
            .zip(visible)
            .filter(|(_, shown)| *shown)
            .filter_map(|((section, question), _)| {
                audit.answers.get(&question.id).map(|r| Item {
                    section,
                    question,
                    answer: &r.answer,
                })
            })
            .collect();
        Read {
            questionnaire: q,
            items,
        }
    }

    /// Items with a given value.
    pub fn given(&self) -> impl Iterator<Item = &Item<'a>> {
        self.items
            .iter()
            .filter(|i| matches!(i.answer, Answer::Given(_)))
    }

    /// Items answered "je ne sais pas".
    pub fn dont_know(&self) -> impl Iterator<Item = &Item<'a>> {
        self.items
            .iter()
            .filter(|i| matches!(i.answer, Answer::DontKnow))
    }

    /// Every selected choice with its item.
    pub fn choices(&self) -> impl Iterator<Item = (&Item<'a>, &'a Choice)> {
        self.given().flat_map(|i| i.selected().map(move |c| (i, c)))
    }

    /// The answers carrying a signal (one per selected choice that carries it).
    pub fn signal(&self, signal: &str) -> Vec<AnswerRead> {
        self.choices()
            .filter(|(_, c)| c.signals.iter().any(|s| s == signal))
            .map(|(i, c)| i.read_choice(c))
            .collect()
    }

    pub fn has_signal(&self, signal: &str) -> bool {
        self.choices()
            .any(|(_, c)| c.signals.iter().any(|s| s == signal))
    }

    /// The first visible question measuring `quantity`: its number, or "je ne sais pas".
    pub fn quantity(&self, quantity: &str) -> Quantity {
        let mut dont_know = None;
        for item in &self.items {
            if item.question.quantity.as_deref() != Some(quantity) {
                continue;
            }
            match (item.answer, item.number()) {
                (_, Some(n)) => return Quantity::Given(n, item.read()),
                (Answer::DontKnow, _) if dont_know.is_none() => dont_know = Some(item.read()),
                _ => {}
            }
        }
        match dont_know {
            Some(r) => Quantity::DontKnow(r),
            None => Quantity::Missing,
        }
    }

    /// The numbers given to questions with `role` in `domain` (any domain when `None`).
    pub fn role(&self, role: &str, domain: Option<&str>) -> Vec<(f64, AnswerRead)> {
        self.given()
            .filter(|i| i.question.role.as_deref() == Some(role))
            .filter(|i| domain.is_none() || i.domain() == domain)
            .filter_map(|i| i.number().map(|n| (n, i.read())))
            .collect()
    }

    /// Whether any question of `domain` was answered (given, don't know or n/a).
    pub fn domain_answered(&self, domain: &str) -> bool {
        self.items.iter().any(|i| i.domain() == Some(domain))
    }
}

/// The mean of some ratings, if any.
pub(crate) fn mean(values: &[(f64, AnswerRead)]) -> Option<f64> {
    if values.is_empty() {
        None
    } else {
        Some(values.iter().map(|(v, _)| v).sum::<f64>() / values.len() as f64)
    }
}
