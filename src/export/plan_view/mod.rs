//! The plan as the exports show it: the typed `plan::Plan` read into plain, localised, cleaned
//! strings (`read`), so a renamed plan field fails to compile here rather than silently dropping
//! a section. What a board reads first is composed here once for every format (`brief`): the
//! short "En bref", the page "Ce que nous vous proposons" (first actions with who and when, the
//! yearly cost, the one place to contact). Every item carries a short "Pourquoi ?" (`why`), and
//! what a block leaves out is gathered in an annex (`annex`).

mod annex;
mod brief;
mod read;
mod text;
mod why;

pub use annex::AnnexEntry;
pub use read::read;
pub use text::safe_url;
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
    /// A few sentences that sum the plan up ("En bref"), counts agreeing.
    pub summary: Vec<String>,
    /// The page "Ce que nous vous proposons".
    pub proposal: Proposal,
    pub framaspace: Framaspace,
    pub needs: Vec<Need>,
    /// Domain levels, lowest first (unknown last): the order of the bar chart.
    pub scores: Vec<Score>,
    pub recommendations: Vec<Recommendation>,
    pub roadmap: Vec<Phase>,
    /// The rule that orders the roadmap, in words, said once above it.
    pub roadmap_rule: Option<String>,
    /// What « à deux » and « * » in the steps' "who" mean, said once.
    pub who_note: Option<String>,
    /// High severity first.
    pub risks: Vec<Risk>,
    /// "Je ne sais pas" answers the plan needs.
    pub to_find: Vec<ToFind>,
    /// The hosts picked to cover what Frama.space does not.
    pub hosts: Vec<Provider>,
    /// Every host the plan weighed, once, best score first (annex).
    pub compared: Vec<Compared>,
    pub catalog_as_of: Option<String>,
    /// The full lists the "Pourquoi ?" blocks leave out.
    pub annex: Vec<AnnexEntry>,
}

/// What the board is asked to decide on, on one page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Proposal {
    /// The first 3–5 steps of the roadmap, in order.
    pub actions: Vec<Step>,
    /// Steps after those, counted ("et 14 autres étapes dans la feuille de route").
    pub more: Option<String>,
    /// What the plan costs a year, with what is still to be priced.
    pub yearly_cost: String,
    /// The one place to contact first.
    pub contact: Option<Contact>,
}

/// Where to go first: Frama.space when the plan relies on it, else the host taking most needs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    pub name: String,
    /// An `http(s)` address, already checked by [`safe_url`].
    pub url: Option<String>,
    /// What to ask there.
    pub what: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Framaspace {
    /// `None` when the catalogue has no Frama.space.
    pub eligible: Option<bool>,
    /// The verdict, worded once for every format.
    pub verdict: String,
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
    /// 1–4, or 0 when unknown.
    pub level: f64,
    pub max: f64,
    pub known: bool,
    /// The level as people write it ("2"), "?" when unknown.
    pub shown: String,
    pub max_shown: String,
    /// The level in words ("plutôt dépendant").
    pub word: Option<String>,
    /// The one-line reason of the level.
    pub reason: Option<String>,
    /// The level as a text bar on the 1–4 scale, for plain text ("███·").
    pub text_bar: String,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Recommendation {
    pub need: String,
    /// What to do: keep, replace, adopt...
    pub action: Option<String>,
    /// The software proposed, best first (names).
    pub software: String,
    /// The chosen provider's name ("Frama.space", a host, "sur vos appareils").
    pub place: Option<String>,
    pub providers: Vec<Provider>,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    /// Hosts: the points of `hosts.score` ("56 points").
    pub score: Option<String>,
    pub reasons: Vec<String>,
    /// An `http(s)` address, already checked by [`safe_url`].
    pub url: Option<String>,
    /// Why this host was picked (the hosts list only; empty under a recommendation).
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Phase {
    pub number: usize,
    pub title: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Step {
    /// "2.3": phase and rank, the same in every format.
    pub number: String,
    pub title: String,
    /// Said with the step, never dropped: « Ne pas emporter : … → … », « Reste : … ».
    pub notes: Vec<String>,
    /// Who does it, short: the role, « à deux », « * » (see `PlanView::who_note`).
    pub who: Option<String>,
    /// Who does it, whole (a file sorted by rows, like `plan.csv`, has no note to point to).
    pub who_full: Option<String>,
    pub when: Option<String>,
    pub effort: Option<String>,
    pub cost: Option<String>,
    /// Euros per year when the plan knows them (0 for free), for a spreadsheet to add up.
    pub cost_eur: Option<f64>,
    /// The provider or place ("Frama.space", a host).
    pub place: Option<String>,
    pub howto: Option<String>,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Risk {
    /// `high`, `medium` or `low`: a CSS class and a sort key.
    pub severity: &'static str,
    /// The severity in words ("important").
    pub severity_label: String,
    pub title: String,
    pub detail: Option<String>,
    pub action: Option<String>,
    pub why: Why,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ToFind {
    pub question: String,
    pub why: Option<String>,
    /// It changes a decision, not only a detail.
    pub blocking: bool,
}

/// A host the plan weighed for one or more needs, with its points and reasons, said once.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Compared {
    pub name: String,
    pub score: Option<String>,
    pub url: Option<String>,
    /// One of the hosts the plan picked.
    pub picked: bool,
    /// The needs it was weighed for.
    pub needs: Vec<String>,
    pub reasons: Vec<String>,
}
