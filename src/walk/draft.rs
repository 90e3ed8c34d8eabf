//! The answer being composed for the current question, before and while it is given: which
//! option is highlighted and which boxes are ticked. Options are the choices of `single` and
//! `multiple`, the five points of `scale`, and yes / no; `number` and `text` have none (their
//! text lives in the front end's field). Nothing here is saved: the walk turns a draft into an
//! `Answer` when the person picks or ticks.

use crate::audit::{Answer, Value};
use crate::questionnaire::{Kind, Question};

/// Highlight and ticks for the current question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    /// The highlighted option; `None` until the person moves, so that Enter on an untouched
    /// question never answers for them.
    pub highlight: Option<usize>,
    /// For `multiple`: one flag per choice.
    pub ticked: Vec<bool>,
}

/// How many options a question of this kind shows.
pub fn option_count(q: &Question) -> usize {
    match q.kind {
        Kind::Single | Kind::Multiple => q.choices.len(),
        Kind::Scale => 5,
        Kind::Yesno => 2,
        Kind::Number | Kind::Text => 0,
    }
}

/// The option index an existing value stands for (single, scale, yes/no).
fn index_of(q: &Question, value: &Value) -> Option<usize> {
    match (q.kind, value) {
        (Kind::Single, Value::Choice(id)) => q.choices.iter().position(|c| &c.id == id),
        (Kind::Scale, Value::Number(n)) if (1.0..=5.0).contains(n) => Some(*n as usize - 1),
        (Kind::Yesno, Value::Bool(b)) => Some(if *b { 0 } else { 1 }),
        _ => None,
    }
}

impl Draft {
    /// The draft for `q` given its current answer (or its default when unanswered).
    pub fn for_question(q: &Question, answer: Option<&Answer>) -> Draft {
        let value = match answer {
            Some(a) => a.value(),
            None => q.default.as_ref(),
        };
        let ticked = q
            .choices
            .iter()
            .map(|c| {
                q.kind == Kind::Multiple
                    && matches!(value, Some(Value::Choices(ids)) if ids.contains(&c.id))
            })
            .collect();
        let highlight = match value {
            Some(Value::Choices(ids)) => ids
                .first()
                .and_then(|first| q.choices.iter().position(|c| &c.id == first)),
            Some(v) => index_of(q, v),
            None => None,
        };
        Draft { highlight, ticked }
    }

    /// Move the highlight by `delta` options, clamped to the list; from nothing, any move lands
    /// on the first option.
    pub fn step(&mut self, q: &Question, delta: isize) {
        let n = option_count(q);
        if n == 0 {
            return;
        }
        self.highlight = Some(match self.highlight {
            None => 0,
            Some(h) => h.saturating_add_signed(delta).min(n - 1),
        });
    }

    /// Highlight the first (`false`) or last (`true`) option.
    pub fn edge(&mut self, q: &Question, last: bool) {
        let n = option_count(q);
        if n > 0 {
            self.highlight = Some(if last { n - 1 } else { 0 });
        }
    }

    /// The answer picking option `i` means: a choice, a rating or yes/no; for `multiple`, the
    /// ticks after toggling `i` (`None` when nothing is left ticked).
    pub fn pick(&mut self, q: &Question, i: usize) -> Option<Option<Answer>> {
        if i >= option_count(q) {
            return None;
        }
        self.highlight = Some(i);
        let value = match q.kind {
            Kind::Single => Value::Choice(q.choices[i].id.clone()),
            Kind::Scale => Value::Number((i + 1) as f64),
            Kind::Yesno => Value::Bool(i == 0),
            Kind::Multiple => return Some(self.toggle(q, i)),
            Kind::Number | Kind::Text => return None,
        };
        Some(Some(Answer::Given(value)))
    }

    /// Pick the highlighted option, if any.
    pub fn pick_highlighted(&mut self, q: &Question) -> Option<Option<Answer>> {
        self.highlight.and_then(|i| self.pick(q, i))
    }

    /// Tick or untick choice `i` of a `multiple`. An exclusive choice ("aucun") clears the
    /// others, and ticking another clears the exclusive ones.
    fn toggle(&mut self, q: &Question, i: usize) -> Option<Answer> {
        if self.ticked.len() != q.choices.len() {
            self.ticked = vec![false; q.choices.len()];
        }
        let on = !self.ticked[i];
        self.ticked[i] = on;
        if on {
            let exclusive = q.choices[i].exclusive;
            for (j, c) in q.choices.iter().enumerate() {
                if j != i && (exclusive || c.exclusive) {
                    self.ticked[j] = false;
                }
            }
        }
        let ids: Vec<String> = q
            .choices
            .iter()
            .zip(&self.ticked)
            .filter(|(_, t)| **t)
            .map(|(c, _)| c.id.clone())
            .collect();
        (!ids.is_empty()).then_some(Answer::Given(Value::Choices(ids)))
    }
}
