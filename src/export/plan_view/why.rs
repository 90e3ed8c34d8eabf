//! The "Pourquoi ?" of plan items as the documents lay it out. What an item's "Pourquoi ?" holds
//! is decided by the plan's one function, `Plan::why(ItemRef)` (the same for the CLI, the TUI
//! and the exports): the item's own rules, answers and dated facts, and where the rest is ("voir
//! Frama.space", "voir la recommandation « Fichiers »"). Here it is put in words
//! (`Trace::summary`): the item's own reasons, its rules, the pointers, at most [`MAX_ANSWERS`]
//! answers and [`MAX_SOURCES`] dated sources, the rest counted ("et 3 autres réponses") for the
//! annex (Markdown, PDF) or a nested `<details>` (HTML).
//!
//! Traces are the plan's own (`plan::Trace`), made private as the options ask: a
//! free-text answer is not quoted when notes are hidden, and a personal profile field (postcode,
//! name, contact) is named without its value when anonymising.

use std::sync::Arc;

use serde::Serialize;

use super::Ctx;
use crate::export::escape::one_line;
use crate::export::labels::label;
use crate::i18n::typo;
use crate::plan::{self, Plan, trace::Trace};
use crate::questionnaire::Kind;

/// Answers shown in a "Pourquoi ?" block before "et N autres réponses".
pub const MAX_ANSWERS: usize = 5;
/// Sources shown in a block before "et N autres sources".
pub const MAX_SOURCES: usize = 2;

/// The personal profile fields a trace may quote.
const PERSONAL_FIELDS: [&str; 4] = ["postcode", "name", "contact_name", "contact_email"];

/// One item's "Pourquoi ?".
#[derive(Debug, Clone, Default, Serialize)]
pub struct Why {
    /// The item's own reasons, then its rules in plain words, then — for an item that builds on
    /// another — where the rest is; one paragraph.
    pub text: String,
    /// "Question → answer", at most [`MAX_ANSWERS`].
    pub answers: Vec<String>,
    /// The answers not shown in the block.
    pub more: Vec<String>,
    /// "3 autres réponses", to open `more` (HTML).
    pub more_label: Option<String>,
    /// Dated sources, at most [`MAX_SOURCES`].
    pub sources: Vec<String>,
    /// The sources not shown in the block.
    pub more_sources: Vec<String>,
    /// The annex entry with the full list ("A1"), set by [`super::annex`].
    pub annex: Option<String>,
    /// "et 3 autres réponses (annexe A1)": what the block leaves to the annex.
    pub rest: Option<String>,
    /// Every answer and every source with its facts, for the annex.
    #[serde(skip)]
    pub(crate) full: Full,
}

/// Everything a trace read, in words, for the annex.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Full {
    pub answers: Vec<String>,
    pub sources: Vec<String>,
    /// Question ids (and `profile:<field>`) read, for checks.
    pub keys: Vec<String>,
}

impl Why {
    /// Whether the block says nothing.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.answers.is_empty() && self.sources.is_empty()
    }

    /// Whether the annex holds more than the block.
    pub fn is_cut(&self) -> bool {
        !self.more.is_empty() || !self.more_sources.is_empty()
    }

    /// The question ids (and `profile:<field>`) this item's trace read.
    pub fn keys(&self) -> &[String] {
        &self.full.keys
    }
}

fn private(mut t: Trace, c: Ctx) -> Trace {
    if !c.opts.shows_notes() {
        let omitted: Arc<str> = Arc::from(label(c.lang, "omitted_text"));
        for a in &mut t.answers {
            if c.q
                .question(&a.question)
                .is_some_and(|q| q.kind == Kind::Text)
            {
                a.value = omitted.clone();
            }
        }
    }
    if c.opts.anonymise {
        for p in &mut t.profile {
            if PERSONAL_FIELDS.contains(&p.field.as_ref()) {
                p.value.clear();
            }
        }
    }
    t
}

fn count(n: usize, one: &'static str, many: &'static str, c: Ctx) -> String {
    typo::count(c.lang, n, label(c.lang, one), label(c.lang, many))
}

/// The block of one item: its `reasons` (sentences from the plan) and its `Plan::why`.
pub fn why(reasons: Vec<String>, item: plan::why::Why, plan: &Plan, c: Ctx) -> Why {
    let see: Vec<String> = item
        .see
        .iter()
        .map(|s| one_line(s.text(plan).get(c.lang)))
        .collect();
    let own = private(item.trace, c);
    let s = own.summary(c.q, c.lang);
    let mut sentences = reasons;
    // A rule the plan did not explain (an id, no words) is named as such.
    let rule = label(c.lang, "rule").to_lowercase();
    sentences.extend(s.rules.iter().map(|r| {
        let r = one_line(r);
        if r.contains(' ') {
            r
        } else {
            format!("({rule} {r})")
        }
    }));
    sentences.extend(see);
    let arrow = label(c.lang, "answer_arrow");
    let said: Vec<String> = s
        .answers
        .iter()
        .map(|a| {
            let (l, v) = (one_line(&a.label), one_line(&a.value));
            if v.is_empty() {
                l
            } else {
                format!("{l}{arrow}{v}")
            }
        })
        .collect();
    let sources: Vec<String> = s.sources.iter().map(|x| one_line(&x.line)).collect();
    let colon = label(c.lang, "colon");
    let full = Full {
        answers: said.clone(),
        sources: s
            .sources
            .iter()
            .map(|x| {
                let line = one_line(&x.line);
                if x.facts.is_empty() {
                    line
                } else {
                    let facts: Vec<String> = x.facts.iter().map(|f| one_line(f)).collect();
                    format!("{line}{colon} {}", facts.join(" ; "))
                }
            })
            .collect(),
        keys: s.answers.iter().map(|a| a.key.clone()).collect(),
    };
    let cut = |v: Vec<String>, n: usize| {
        let more = v.get(n..).map(<[String]>::to_vec).unwrap_or_default();
        (v.into_iter().take(n).collect::<Vec<_>>(), more)
    };
    let (answers, more) = cut(said, MAX_ANSWERS);
    let (sources, more_sources) = cut(sources, MAX_SOURCES);
    let more_label =
        (!more.is_empty()).then(|| count(more.len(), "other_answer", "other_answers", c));
    Why {
        text: sentences.join(" "),
        answers,
        more,
        more_label,
        sources,
        more_sources,
        annex: None,
        rest: None,
        full,
    }
}
