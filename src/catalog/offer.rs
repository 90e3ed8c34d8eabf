//! Offers that are not CHATONS hosts' own: Frama.space (Framasoft's free Nextcloud space for
//! associations) and Framasoft's remaining free services (Framadate, Framaforms…). Every fact
//! carries its `source` and the date it was true (`as_of`); quotas are data, never constants.

use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use crate::i18n::Text;

/// Whether an offer is a space of one's own or a shared public service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OfferKind {
    /// A space opened for one organisation (Frama.space).
    Space,
    /// A public web service anyone may use (Framadate).
    Service,
}

/// A legal form an offer accepts (and that a questionnaire's profile can be mapped to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegalForm {
    Association,
    Foundation,
    Union,
    Collective,
    Cooperative,
    Company,
    PublicBody,
    Individual,
}

/// What an offer limits, named like the questionnaire's `quantity` tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    Accounts,
    StorageGb,
    VisioParticipants,
}

/// One dated limit of an offer. Several may exist for one quantity (40 GB in 2022, 50 GB in
/// 2025): the newest `as_of` is the current one (`Offer::current_quota`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quota {
    pub quantity: Quantity,
    pub limit: f64,
    /// The source gives an order of magnitude ("about ten people").
    #[serde(default)]
    pub approximate: bool,
    /// No overage possible: past the limit the association must choose.
    #[serde(default)]
    pub hard: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub source: String,
    pub as_of: PartialDate,
}

/// Who may ask for the offer, and how requests are handled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    pub audience: Text,
    /// Legal forms named by the source; an empty list means the source names none.
    #[serde(default)]
    pub legal_forms: Vec<LegalForm>,
    /// ISO 639-1 codes of the languages the offer is run in.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Requests are reviewed by the provider before anything opens: a tool can only say
    /// "probably eligible", never "accepted".
    pub reviewed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub source: String,
    pub as_of: PartialDate,
}

/// A need the offer covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    pub need: String,
    #[serde(default)]
    pub software: Vec<String>,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Text>,
    pub source: String,
    pub as_of: PartialDate,
}

/// A need the offer does not cover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub need: String,
    /// True when no source says so outright: the need is merely absent from the feature lists.
    pub inferred: bool,
    pub note: Text,
    /// Offer ids or software ids to look at instead.
    #[serde(default)]
    pub instead: Vec<String>,
    pub source: String,
    pub as_of: PartialDate,
}

/// What the offer costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    pub eur_per_year: f64,
    /// A clause that reads inside a step's line (« effort faible, gratuit, financé par les
    /// dons, mois 3 »): no capital, no final full stop.
    pub note: Text,
    pub source: String,
    pub as_of: PartialDate,
}

/// How to ask for the offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Apply {
    pub url: String,
    pub how: Text,
    pub source: String,
    pub as_of: PartialDate,
}

/// Whether a service is still there, as far as the dated sources say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceState {
    /// Said to be maintained at `as_of`.
    Maintained,
    /// Announced as kept (2019 plan), not confirmed since: "à vérifier".
    Kept,
    /// Open to existing users only.
    Restricted,
    /// A closing date was announced.
    ClosurePlanned,
    Closed,
    /// The sources say nothing.
    Unknown,
}

impl ServiceState {
    /// Whether the plan may point new users to it (possibly with "à vérifier").
    pub fn recommendable(self) -> bool {
        matches!(self, ServiceState::Maintained | ServiceState::Kept)
    }
}

impl ServiceStatus {
    /// A closure was announced for a day that is not after `day`: the service is most likely
    /// gone, whatever `state` still says.
    pub fn closure_passed(&self, day: &PartialDate) -> bool {
        matches!(
            self.state,
            ServiceState::ClosurePlanned | ServiceState::Closed
        ) && self.closes.is_some_and(|c| !c.is_after(day))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceStatus {
    pub state: ServiceState,
    /// The closing date announced (`closure-planned`) or the day it closed (`closed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<PartialDate>,
    pub note: Text,
    pub source: String,
    pub as_of: PartialDate,
}

/// Who needs an account on a public service: the person who creates (a form, a list), the
/// people who take part (answer, subscribe, vote), as a dated source says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountRule {
    /// Creating needs an account on the service.
    pub to_create: bool,
    /// Taking part needs one.
    pub to_take_part: bool,
    pub note: Text,
    pub source: String,
    pub as_of: PartialDate,
}

/// Any other dated fact worth showing (growth figures, no end-to-end encryption…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedNote {
    pub text: Text,
    pub source: String,
    pub as_of: PartialDate,
}

/// Frama.space or one of Framasoft's services.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub provider: String,
    pub kind: OfferKind,
    pub website: String,
    pub description: Text,
    /// Software ids the offer runs.
    #[serde(default)]
    pub software: Vec<String>,
    /// Need ids it serves (for a space, the union of its features' needs is used as well).
    #[serde(default)]
    pub needs: Vec<String>,
    /// The tool ids of the Dégooglisons map it was meant to replace.
    #[serde(default)]
    pub replaces: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<Eligibility>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotas: Vec<Quota>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<Feature>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_covered: Vec<Gap>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply: Option<Apply>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ServiceStatus>,
    /// Whether using the service needs an account (absent: the sources say nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<AccountRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<DatedNote>,
}

impl Offer {
    /// The newest quota for `quantity` (by `as_of`), if any.
    pub fn current_quota(&self, quantity: Quantity) -> Option<&Quota> {
        self.quotas
            .iter()
            .filter(|q| q.quantity == quantity)
            .max_by(|a, b| a.as_of.cmp(&b.as_of))
    }

    /// Every need id the offer serves: `needs` plus the features' needs, without repeats.
    pub fn covered_needs(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let all = self
            .needs
            .iter()
            .map(String::as_str)
            .chain(self.features.iter().map(|f| f.need.as_str()));
        for need in all {
            if !out.contains(&need) {
                out.push(need);
            }
        }
        out
    }
}
