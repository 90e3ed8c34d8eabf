//! Questionnaires: the immutable model loaded from `questionnaires/*.toml`, the expression
//! language of `relevant` and `constraint`, and the rules an answer must follow.
//!
//! `load` parses and validates a file (every error with file:line:column), `shipped` gives the
//! files embedded in the binary, `answer` checks one answer against its question, and
//! `Questionnaire::visible` tells which questions apply given the answers so far.

pub mod answer;
pub mod answer_set;
pub mod eval;
pub mod expr;
mod lex;
pub mod load;
pub mod shipped;
mod validate;

use std::collections::HashMap;

use serde::{Serialize, Serializer};

pub use expr::Expr;
pub use load::{LoadError, LoadErrors, load_str};

use crate::audit::{Answer, Answers, Value};
use crate::i18n::Text;

/// The kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Single,
    Multiple,
    Number,
    Text,
    Scale,
    Yesno,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::Number => "number",
            Kind::Text => "text",
            Kind::Scale => "scale",
            Kind::Yesno => "yesno",
        }
    }

    pub fn has_choices(self) -> bool {
        matches!(self, Kind::Single | Kind::Multiple)
    }
}

/// A loaded, validated questionnaire. Immutable; shared by reference.
#[derive(Debug, Clone, Serialize)]
pub struct Questionnaire {
    pub id: String,
    pub version: u32,
    pub title: Text,
    pub description: Text,
    pub sections: Vec<Section>,
    /// SHA-256 of the file's bytes, hex: stored with every audit started on it.
    pub hash: String,
    /// The file's text, so an audit can keep an exact copy.
    #[serde(skip)]
    pub source: String,
    #[serde(skip)]
    index: HashMap<String, Slot>,
    /// Each question in document order, with the questions its relevance reads (its own and
    /// its section's `relevant`): worked out once, read by every `visible` call.
    #[serde(skip)]
    layout: Vec<Place>,
}

/// Where a question is: section, index in it, position in document order.
#[derive(Debug, Clone, Copy)]
struct Slot {
    section: usize,
    question: usize,
    position: usize,
}

/// A question's place and the positions its relevance reads.
#[derive(Debug, Clone)]
struct Place {
    section: usize,
    question: usize,
    reads: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub intro: Text,
    pub domain: Option<String>,
    #[serde(serialize_with = "ser_expr")]
    pub relevant: Option<Expr>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub label: Text,
    pub help: Text,
    pub required: bool,
    pub required_message: Option<Text>,
    #[serde(serialize_with = "ser_expr")]
    pub relevant: Option<Expr>,
    #[serde(serialize_with = "ser_expr")]
    pub constraint: Option<Expr>,
    pub constraint_message: Option<Text>,
    pub not_applicable: bool,
    pub domain: Option<String>,
    pub role: Option<String>,
    pub default: Option<Value>,
    pub choices: Vec<Choice>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub integer: bool,
    pub unit: Option<Text>,
    pub quantity: Option<String>,
    pub scale_labels: Option<ScaleLabels>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    pub tool: Option<String>,
    pub needs: Vec<String>,
    pub signals: Vec<String>,
    pub exclusive: bool,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct ScaleLabels {
    pub low: Text,
    pub high: Text,
}

fn ser_expr<S: Serializer>(e: &Option<Expr>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(&e.source),
        None => s.serialize_none(),
    }
}

impl Question {
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }

    /// The effective score domain: the question's own, else its section's.
    pub fn domain<'a>(&'a self, section: &'a Section) -> Option<&'a str> {
        self.domain.as_deref().or(section.domain.as_deref())
    }
}

impl Questionnaire {
    pub(crate) fn build_index(&mut self) {
        self.index.clear();
        let mut position = 0;
        for (s, section) in self.sections.iter().enumerate() {
            for (q, question) in section.questions.iter().enumerate() {
                let slot = Slot {
                    section: s,
                    question: q,
                    position,
                };
                self.index.insert(question.id.clone(), slot);
                position += 1;
            }
        }
        let mut layout = Vec::with_capacity(position);
        for (s, section) in self.sections.iter().enumerate() {
            for q in 0..section.questions.len() {
                layout.push(Place {
                    section: s,
                    question: q,
                    reads: self.reads_of(s, q),
                });
            }
        }
        self.layout = layout;
    }

    /// Positions of the questions read by the relevance of question `q` of section `s` (its
    /// section's and its own), each once.
    fn reads_of(&self, s: usize, q: usize) -> Vec<usize> {
        let section = &self.sections[s];
        let question = &section.questions[q];
        let mut out = Vec::new();
        for expr in [section.relevant.as_ref(), question.relevant.as_ref()]
            .into_iter()
            .flatten()
        {
            for id in expr.references() {
                if let Some(p) = self.position(id)
                    && !out.contains(&p)
                {
                    out.push(p);
                }
            }
        }
        out
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        let slot = self.index.get(id)?;
        Some(&self.sections[slot.section].questions[slot.question])
    }

    /// The section holding a question.
    pub fn section_of(&self, id: &str) -> Option<&Section> {
        let slot = self.index.get(id)?;
        Some(&self.sections[slot.section])
    }

    /// Every question in order, with its section.
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }

    /// Position of a question in document order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|slot| slot.position)
    }

    /// Which questions are shown given `answers`, in document order (one flag per question).
    ///
    /// A hidden question's answer is kept but reads as no value in other expressions, as in
    /// XLSForm; since relevance is acyclic (checked at load), this resolves in one pass over a
    /// memo.
    pub fn visible<A: Answers + ?Sized>(&self, answers: &A) -> Vec<bool> {
        let n = self.question_count();
        let mut memo: Vec<Option<bool>> = vec![None; n];
        for i in 0..n {
            self.visible_at(i, answers, &mut memo, 0);
        }
        memo.into_iter().map(|v| v.unwrap_or(false)).collect()
    }

    /// Whether one question is shown.
    pub fn is_visible<A: Answers + ?Sized>(&self, id: &str, answers: &A) -> bool {
        let Some(pos) = self.position(id) else {
            return false;
        };
        let mut memo = vec![None; self.question_count()];
        self.visible_at(pos, answers, &mut memo, 0)
    }

    fn visible_at<A: Answers + ?Sized>(
        &self,
        pos: usize,
        answers: &A,
        memo: &mut [Option<bool>],
        depth: usize,
    ) -> bool {
        if let Some(v) = memo[pos] {
            return v;
        }
        let n = memo.len();
        let computed: Vec<usize>;
        let (section, question, reads) = match self.layout.get(pos) {
            Some(place) if self.layout.len() == n => {
                let section = &self.sections[place.section];
                (
                    section,
                    &section.questions[place.question],
                    &place.reads[..],
                )
            }
            // Sections changed since loading (not done by this crate): work it out.
            _ => {
                let (s, q) = self.nth(pos);
                computed = self.reads_of(s, q);
                let section = &self.sections[s];
                (section, &section.questions[q], &computed[..])
            }
        };
        // Acyclicity is checked at load time; the depth bound keeps a bug from recursing forever.
        let result = depth <= n && {
            for &r in reads {
                self.visible_at(r, answers, memo, depth + 1);
            }
            let filtered = VisibleAnswers {
                q: self,
                answers,
                memo,
            };
            [section.relevant.as_ref(), question.relevant.as_ref()]
                .into_iter()
                .flatten()
                .all(|expr| {
                    let scope = eval::Scope {
                        answers: &filtered,
                        current: None,
                    };
                    scope.eval(&expr.root).truthy()
                })
        };
        memo[pos] = Some(result);
        result
    }

    /// (section, question) indices of a position in document order.
    fn nth(&self, mut pos: usize) -> (usize, usize) {
        for (s, section) in self.sections.iter().enumerate() {
            if pos < section.questions.len() {
                return (s, pos);
            }
            pos -= section.questions.len();
        }
        unreachable!("position beyond the questionnaire")
    }
}

/// Answers seen through visibility: a hidden question reads as unanswered. The questions an
/// expression reads have their visibility in `memo` before it is evaluated.
struct VisibleAnswers<'a, A: Answers + ?Sized> {
    q: &'a Questionnaire,
    answers: &'a A,
    memo: &'a [Option<bool>],
}

impl<A: Answers + ?Sized> Answers for VisibleAnswers<'_, A> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        let pos = self.q.position(question)?;
        let shown = self.memo.get(pos).copied().flatten().unwrap_or(true);
        if shown {
            self.answers.answer(question)
        } else {
            None
        }
    }
}
