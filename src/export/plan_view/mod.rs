//! The plan as the exports show it: read from the plan's serialised form (`serde_json::Value`)
//! into plain, localised, cleaned strings (`read`). Reading the serialised form keeps the exports
//! independent of the plan's Rust types and tolerant of fields it does not know; a text is
//! either a string or a `{fr, en}` pair, wherever it sits (`text`). Every item carries a short
//! "Pourquoi ?" (`why`), and what a block leaves out is gathered in an annex (`annex`).

mod annex;
mod read;
mod text;
mod why;

pub use annex::AnnexEntry;
pub use read::read;
pub use text::{safe_url, text};
pub use why::{MAX_ANSWERS, MAX_SOURCES, Why};

use serde::Serialize;

use super::Options;
use crate::i18n::Lang;
use crate::questionnaire::Questionnaire;

/// How the plan is read: language, questionnaire (for labels), privacy options.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub lang: Lang,
    pub q: &'a Questionnaire,
    pub opts: &'a Options,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanView {
    /// A few sentences that sum the plan up.
    pub summary: Vec<String>,
    pub framaspace: Framaspace,
    pub needs: Vec<Need>,
    pub scores: Vec<Score>,
    pub recommendations: Vec<Recommendation>,
    pub roadmap: Vec<Phase>,
    /// The rule that orders the roadmap, in words, said once above it.
    pub roadmap_rule: Option<String>,
    pub risks: Vec<Risk>,
    /// The hosts picked to cover what Frama.space does not.
    pub hosts: Vec<Provider>,
    pub catalog_as_of: Option<String>,
    /// The full lists the "Pourquoi ?" blocks leave out (Markdown and PDF).
    pub annex: Vec<AnnexEntry>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Framaspace {
    /// `None` when the plan says nothing.
    pub eligible: Option<bool>,
    /// The plan's own wording of the verdict, when it gives one.
    pub verdict: Option<String>,
    pub reasons: Vec<Reason>,
}

/// One line of reasoning with its own "Pourquoi ?", shown apart (annex, `<details>`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reason {
    pub text: String,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Need {
    pub id: String,
    pub label: String,
    pub tools: Vec<String>,
    pub dependency: Option<String>,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    pub domain: String,
    pub label: String,
    pub level: f64,
    pub max: f64,
    /// The level as people write it ("2", "2.5").
    pub shown: String,
    pub max_shown: String,
    /// The level in words ("plutôt dépendant"), when the plan names it.
    pub word: Option<String>,
    /// The level as a ten-cell text bar, for plain text ("██████····").
    pub text_bar: String,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Recommendation {
    pub need: String,
    /// What to do: keep, replace, adopt...
    pub action: Option<String>,
    pub software: String,
    pub providers: Vec<Provider>,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub score: Option<String>,
    pub reasons: Vec<String>,
    /// An `http(s)` address, already checked by [`safe_url`].
    pub url: Option<String>,
    /// Why this host was picked (the hosts list only; empty under a recommendation).
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Phase {
    pub title: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Step {
    pub title: String,
    pub effort: Option<String>,
    pub cost: Option<String>,
    pub howto: Option<String>,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Risk {
    pub title: String,
    pub detail: Option<String>,
    pub action: Option<String>,
    pub why: Why,
}
