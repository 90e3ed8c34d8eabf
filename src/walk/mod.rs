//! The question-by-question walk through an audit, as a pure state machine: `Walk::apply(input)`
//! changes the state and returns effects as data (save this answer, remember this position);
//! the front end carries them out against the store and feeds the results back as inputs
//! (`Saved`, `SaveFailed`). The TUI and the line mode both drive this, so they cannot disagree
//! on which question comes next, what is shown, what is refused or how far along the audit is.
//!
//! Relevance is live: after every answer the visible set is recomputed, so questions appear and
//! disappear as the answers change; answers to hidden questions are kept but not counted.

pub mod describe;
pub mod draft;
mod give;
pub mod parse;
pub mod previous;
mod progress;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use draft::Draft;
pub use progress::{Overview, Progress};

use crate::audit::Answer;
use crate::i18n::Message;

use crate::questionnaire::{Question, Questionnaire, Section};

/// Something the person (or the store) did.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// The next / previous visible question, without answering.
    Next,
    Previous,
    /// The first / last visible question of the audit.
    First,
    Last,
    /// The first visible question of a section (by index).
    JumpSection(usize),
    /// A question by id (from the review).
    JumpTo(String),
    /// Move the highlight among the options.
    Up,
    Down,
    Top,
    Bottom,
    /// Pick option `i` (radio, rating, yes/no) or tick / untick it (checkboxes); saves.
    Pick(usize),
    /// Pick the highlighted option (Space).
    PickHighlighted,
    /// "Done with this question": picks the highlighted option of an unanswered single-answer
    /// question, refuses to leave a required question unanswered, then moves on.
    Continue,
    /// The typed text of a number or text field: parsed, checked and saved (empty clears);
    /// `advance` then moves on as `Continue` does.
    SubmitText {
        text: String,
        advance: bool,
    },
    /// A ready answer (the line mode parses its own lines).
    Give(Answer),
    DontKnow,
    NotApplicable,
    /// Remove the answer: the question goes back to "not answered yet".
    Clear,
    /// The store confirmed the write, at this time (already formatted for display).
    Saved {
        question_id: String,
        at: String,
    },
    /// The store refused the write.
    SaveFailed {
        question_id: String,
        message: Message,
    },
    /// Another window changed this answer since the walk read it: nothing was written; the
    /// walk takes `current` (what is stored now) and shows `message`.
    ChangedElsewhere {
        question_id: String,
        current: Option<Answer>,
        message: Message,
    },
}

/// What the front end must do for the walk.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write this answer (`None`: remove it) over `seen`, the answer the walk held before
    /// (the store refuses to write over another window's change), then report `Saved`,
    /// `SaveFailed` or `ChangedElsewhere`.
    Save {
        question_id: String,
        answer: Option<Answer>,
        seen: Option<Answer>,
    },
    /// Remember that the walk stands on this question, to resume there.
    Cursor { question_id: String },
    /// `Next` or `Continue` on the last visible question: time for the review.
    ReachedEnd,
}

/// Where the last write stands, for the "enregistré hh:mm:ss" mark.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum SaveMark {
    #[default]
    Nothing,
    Pending(String),
    Saved {
        question_id: String,
        at: String,
    },
    Failed {
        question_id: String,
        message: Message,
    },
}

/// The walk's state. Construct with `Walk::new`; change only through `apply`.
#[derive(Debug, Clone)]
pub struct Walk {
    questionnaire: Arc<Questionnaire>,
    ids: Vec<String>,
    answers: BTreeMap<String, Answer>,
    visible: Vec<bool>,
    cursor: usize,
    draft: Draft,
    problem: Option<Message>,
    saved: SaveMark,
}

impl Walk {
    /// A walk over `answers`, standing on `resume` when it is shown, else on the first
    /// unanswered shown question, else on the first shown one.
    pub fn new(
        questionnaire: Arc<Questionnaire>,
        answers: BTreeMap<String, Answer>,
        resume: Option<&str>,
    ) -> Walk {
        let ids = questionnaire
            .questions()
            .map(|(_, q)| q.id.clone())
            .collect();
        let visible = questionnaire.visible(&answers);
        let mut walk = Walk {
            questionnaire,
            ids,
            answers,
            visible,
            cursor: 0,
            draft: Draft::default(),
            problem: None,
            saved: SaveMark::Nothing,
        };
        let resumed = resume.and_then(|id| walk.questionnaire.position(id));
        walk.cursor = resumed
            .and_then(|p| walk.first_visible_from(p))
            .or_else(|| {
                (0..walk.ids.len())
                    .find(|&p| walk.visible[p] && !walk.answers.contains_key(&walk.ids[p]))
            })
            .or_else(|| walk.first_visible_from(0))
            .unwrap_or(0);
        walk.reset_draft();
        walk
    }

    pub fn questionnaire(&self) -> &Questionnaire {
        &self.questionnaire
    }

    pub fn answers(&self) -> &BTreeMap<String, Answer> {
        &self.answers
    }

    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.get(id)
    }

    /// One flag per question, in document order.
    pub fn visible(&self) -> &[bool] {
        &self.visible
    }

    /// The position of the current question in document order.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The current question and its section; `None` only when no question is shown at all.
    pub fn current(&self) -> Option<(&Section, &Question)> {
        if !self.visible.get(self.cursor).copied().unwrap_or(false) {
            return None;
        }
        let id = self.ids.get(self.cursor)?;
        Some((
            self.questionnaire.section_of(id)?,
            self.questionnaire.question(id)?,
        ))
    }

    pub fn current_id(&self) -> Option<&str> {
        self.current().map(|(_, q)| q.id.as_str())
    }

    pub fn current_answer(&self) -> Option<&Answer> {
        self.current_id().and_then(|id| self.answers.get(id))
    }

    /// The index of the current question's section.
    pub fn section_index(&self) -> usize {
        let mut pos = self.cursor;
        for (i, s) in self.questionnaire.sections.iter().enumerate() {
            if pos < s.questions.len() {
                return i;
            }
            pos -= s.questions.len();
        }
        0
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The message under the answer: a refused value or a required answer missing.
    pub fn problem(&self) -> Option<&Message> {
        self.problem.as_ref()
    }

    pub fn save_mark(&self) -> &SaveMark {
        &self.saved
    }

    /// Whether no shown question comes after the current one.
    pub fn at_end(&self) -> bool {
        self.next_visible(self.cursor).is_none()
    }

    /// Progress over the whole audit: shown questions that have an answer (including "je ne
    /// sais pas" and "non concerné") out of shown questions.
    pub fn progress(&self) -> Progress {
        Progress::count(&self.ids, &self.visible, &self.answers, 0..self.ids.len())
    }

    /// Sections done of sections, and questions answered of questions shown.
    pub fn overview(&self) -> Overview {
        Overview::with_visible(&self.questionnaire, &self.visible, &self.answers)
    }

    /// Progress within section `i`.
    pub fn section_progress(&self, i: usize) -> Progress {
        let start: usize = self.questionnaire.sections[..i.min(self.questionnaire.sections.len())]
            .iter()
            .map(|s| s.questions.len())
            .sum();
        let len = self
            .questionnaire
            .sections
            .get(i)
            .map_or(0, |s| s.questions.len());
        Progress::count(&self.ids, &self.visible, &self.answers, start..start + len)
    }

    /// The 1-based number of the current question among the shown ones, and how many are shown.
    pub fn number(&self) -> (usize, usize) {
        let shown = self.visible.iter().filter(|v| **v).count();
        let before = self.visible[..self.cursor.min(self.visible.len())]
            .iter()
            .filter(|v| **v)
            .count();
        (before + 1, shown)
    }

    /// Apply one input; return what the front end must do.
    pub fn apply(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Saved { question_id, at } => {
                self.saved = SaveMark::Saved { question_id, at };
                Vec::new()
            }
            Input::SaveFailed {
                question_id,
                message,
            } => {
                self.saved = SaveMark::Failed {
                    question_id,
                    message,
                };
                Vec::new()
            }
            Input::ChangedElsewhere {
                question_id,
                current,
                message,
            } => {
                // Back to that question when it is shown, to be answered again.
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
            Input::Next => self.go_next(),
            Input::Previous => {
                let target = (0..self.cursor).rev().find(|&p| self.visible[p]);
                self.go_to(target)
            }
            Input::First => self.go_to(self.first_visible_from(0)),
            Input::Last => self.go_to((0..self.ids.len()).rev().find(|&p| self.visible[p])),
            Input::JumpSection(i) => self.jump_section(i),
            Input::JumpTo(id) => match self.questionnaire.position(&id) {
                Some(p) if self.visible[p] => self.go_to(Some(p)),
                _ => {
                    self.problem = Some(Message::new(
                        "cette question n'est pas posée avec les réponses actuelles",
                        "this question is not asked given the current answers",
                    ));
                    Vec::new()
                }
            },
            Input::Up => self.with_question(|q, d| d.step(q, -1)),
            Input::Down => self.with_question(|q, d| d.step(q, 1)),
            Input::Top => self.with_question(|q, d| d.edge(q, false)),
            Input::Bottom => self.with_question(|q, d| d.edge(q, true)),
            Input::Pick(i) => self.pick(Some(i)),
            Input::PickHighlighted => self.pick(None),
            Input::Continue => self.continue_(),
            Input::SubmitText { text, advance } => self.submit_text(&text, advance),
            Input::Give(answer) => self.give(Some(answer)),
            Input::DontKnow => self.give(Some(Answer::DontKnow)),
            Input::NotApplicable => self.give(Some(Answer::NotApplicable)),
            Input::Clear => self.give(None),
        }
    }

    fn first_visible_from(&self, start: usize) -> Option<usize> {
        (start..self.ids.len()).find(|&p| self.visible[p])
    }

    fn next_visible(&self, after: usize) -> Option<usize> {
        self.first_visible_from(after + 1)
    }

    fn go_next(&mut self) -> Vec<Effect> {
        match self.next_visible(self.cursor) {
            Some(p) => self.go_to(Some(p)),
            None => {
                self.problem = None;
                vec![Effect::ReachedEnd]
            }
        }
    }

    fn go_to(&mut self, target: Option<usize>) -> Vec<Effect> {
        let Some(p) = target else {
            return Vec::new();
        };
        self.problem = None;
        if p == self.cursor {
            return Vec::new();
        }
        self.cursor = p;
        self.reset_draft();
        vec![Effect::Cursor {
            question_id: self.ids[p].clone(),
        }]
    }

    fn jump_section(&mut self, i: usize) -> Vec<Effect> {
        let Some(start) = self
            .questionnaire
            .sections
            .get(i)
            .map(|_| self.section_start(i))
        else {
            return Vec::new();
        };
        let len = self.questionnaire.sections[i].questions.len();
        match (start..start + len).find(|&p| self.visible[p]) {
            Some(p) => self.go_to(Some(p)),
            None => {
                self.problem = Some(Message::new(
                    "cette section ne s'applique pas avec les réponses actuelles",
                    "this section does not apply given the current answers",
                ));
                Vec::new()
            }
        }
    }

    fn section_start(&self, i: usize) -> usize {
        self.questionnaire.sections[..i]
            .iter()
            .map(|s| s.questions.len())
            .sum()
    }

    fn reset_draft(&mut self) {
        self.draft = match self.current() {
            Some((_, q)) => Draft::for_question(q, self.answers.get(&q.id)),
            None => Draft::default(),
        };
    }

    fn with_question(&mut self, f: impl FnOnce(&Question, &mut Draft)) -> Vec<Effect> {
        let qn = Arc::clone(&self.questionnaire);
        if let Some(question) = self.current_id().and_then(|id| qn.question(id)) {
            f(question, &mut self.draft);
        }
        Vec::new()
    }
}
