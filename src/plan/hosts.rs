//! Hosts: which CHATONS hosts can take the needs Frama.space does not cover (or all of them when
//! Frama.space does not fit), how each scores, and the few hosts the plan proposes.
//!
//! 1. Filters (`hosts.filter`, in `candidate`): a host that provides catalogue offers
//!    (Framasoft) is represented by those offers and left out; so is a host that left the
//!    collective, or that serves an area only and the association is outside it. For each need:
//!    one of its services lists the need and is open to this kind of organisation (not full,
//!    not ended, registration and audience accepting it; members-only when it could join); and
//!    its stated offers for this kind of organisation do not all fall short of the accounts or
//!    storage the need takes — else the host is held back for that need, "possible if the offer
//!    grows". Unknown registration, audience or caps are kept and marked « à vérifier ».
//! 2. Score (`hosts.score`, in `host_score`): a stated scale of 100 — nearness, offer, price,
//!    membership evidence, freshness — with a reason for each part.
//! 3. Choice (`hosts.set-cover`, in `cover`): hosts near the association first (same or
//!    neighbouring département; same country abroad) for what they offer, then as few other
//!    hosts as possible for the rest; a host serving its own area first only where nothing else
//!    covers the need; a host whose facts are over three years old (or whose membership is to
//!    re-check) never while a fresher host covers the need.
//! 4. Software: a host is named with the software it lists for the need, or with the need in
//!    words ("le service de courriel de X — demander quel logiciel"), never with another.
//! 5. With accounts, budget or place unknown, the picks are provisional (`HostChoice`).

use serde::{Deserialize, Serialize};

use crate::i18n::Text;

use super::candidate::{Candidate, candidate, need_index};
pub(crate) use super::host_context::Context;
use super::recommend::SoftwareRef;
use super::trace::{Shared, Trace};

/// What kind of provider a recommendation points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// Keep what the association already uses.
    Keep,
    Framaspace,
    /// A public free service (Framadate…), no account.
    Service,
    /// Installed on the association's own devices.
    Local,
    Host,
}

/// Where a host is from the association's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Nearness {
    SameDepartement,
    /// A département sharing a border with the association's.
    Neighbour,
    SameRegion,
    SameCountry,
    OtherCountry,
    /// The host's place is not stated.
    Unknown,
}

/// Why a host able to take a need is not proposed for it as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeldWhy {
    /// Its stated offers are below the accounts or storage needed.
    OfferTooSmall,
    /// It serves its own area first and another host covers the need.
    ServesItsAreaFirst,
    /// Its facts are over three years old (or its membership is to re-check) and a fresher host
    /// covers the need.
    ToRecheck,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeldBack {
    pub why: HeldWhy,
    pub text: Text,
}

/// A host's offer retained for this association, priced for its size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceFor {
    /// The offer as the source words it.
    pub stated: Text,
    /// Euros per year for the association (per-account prices multiplied); `None` when no
    /// yearly amount can be worked out.
    pub yearly_eur: Option<f64>,
    /// Stated per account.
    pub per_account: bool,
    /// The offer's stated audience takes this organisation. `false`: the source names another
    /// public or none, so the price is shown as stated, never totalled or called free.
    pub for_this_organisation: bool,
    /// The date of the offer.
    pub as_of: String,
    /// "50 € par an (2025-11)", "30 € par an par compte (2022-02)".
    pub text: Text,
}

/// A provider for one need, with its score and reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    /// Hosts only: the score of `hosts.score`, out of 100.
    pub score: Option<u32>,
    pub reasons: Shared<Vec<Text>>,
    /// Facts to check before relying on it.
    pub to_check: Shared<Vec<Text>>,
    pub url: Option<String>,
    /// The plan's choice for this need (the others are alternatives).
    pub chosen: bool,
    /// The software this provider runs for the need, as the catalogue lists it. For a host:
    /// only what its services for the need name; empty means the host names none (say the
    /// need in words, never name a software).
    #[serde(default)]
    pub software: Vec<SoftwareRef>,
    /// Hosts: the host's service for the need, as the source labels it.
    #[serde(default)]
    pub service: Option<String>,
    /// Hosts: the offer retained for this association, priced for its size.
    #[serde(default)]
    pub price: Option<PriceFor>,
    /// Hosts only: where it is from the association.
    #[serde(default)]
    pub near: Option<Nearness>,
    /// Hosts: facts over three years old or membership to re-check.
    #[serde(default)]
    pub stale: bool,
    /// Why it is listed but not proposed as is (offer too small, area first, to re-check).
    #[serde(default)]
    pub held_back: Option<HeldBack>,
    /// Hosts: a pick made with accounts, budget or place unknown (see `Plan::host_choice`).
    #[serde(default)]
    pub provisional: bool,
    /// Hosts: the service is for members of the host only (join it first).
    #[serde(default)]
    pub members_only: bool,
}

/// A need a chosen host takes, with the software it lists for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickService {
    pub need: String,
    pub label: Text,
    /// Empty: the host names no software for this need.
    pub software: Vec<SoftwareRef>,
    /// The host's service as the source labels it.
    pub service: String,
}

/// A host of the chosen set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HostPick {
    pub id: String,
    pub name: String,
    pub score: u32,
    pub reasons: Vec<Text>,
    pub to_check: Vec<Text>,
    /// The needs the plan gives it.
    pub covers: Vec<String>,
    /// Why it is in the set.
    pub why: Text,
    pub website: Option<String>,
    pub place: Option<String>,
    pub seen: String,
    pub trace: Trace,
    /// What it runs for each need it takes.
    #[serde(default)]
    pub services: Vec<PickService>,
    #[serde(default = "unknown_place")]
    pub near: Nearness,
    /// Facts over three years old or membership to re-check: « à revérifier avant de
    /// recommander »; never in the headline while a fresher host covers the need.
    #[serde(default)]
    pub stale: bool,
    #[serde(default)]
    pub price: Option<PriceFor>,
    #[serde(default)]
    pub provisional: bool,
}

fn unknown_place() -> Nearness {
    Nearness::Unknown
}

/// A fact the host choice waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Blocking {
    /// How many people need an account.
    Accounts,
    /// The yearly hosting budget.
    Budget,
    /// Where the association is (postcode, country).
    Place,
}

/// What the plan says about its host choice as a whole.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HostChoice {
    /// The picks hold only once these are known.
    pub provisional: bool,
    pub find_first: Vec<Blocking>,
    /// A host near the association (same or neighbouring département; same country abroad)
    /// takes at least one need.
    pub near_known: bool,
    /// Sentences for the trainer: what to find out first, no host near, hosts held back.
    pub notes: Vec<Text>,
}

/// A need to place with a host, and the software acceptable for it (ranked). Needs with
/// `cover` false are already placed elsewhere (Frama.space, a public service): their
/// candidates are listed as alternatives but they do not drive the choice.
pub(crate) struct HostNeed {
    pub need: String,
    pub label: Text,
    pub software: Vec<String>,
    pub cover: bool,
}

/// The result of matching.
pub(crate) struct Matching {
    pub picks: Vec<HostPick>,
    /// For each need (same order as the input), the candidates, chosen first, best first.
    pub per_need: Vec<Vec<Provider>>,
    pub choice: HostChoice,
}

pub(crate) fn matching(ctx: &Context<'_>, needs: &[HostNeed]) -> Matching {
    // A host that is also the provider of catalogue offers (Framasoft) is represented by those
    // offers (Frama.space, Framadate…): matching it again would double-count it, and bring a
    // Frama.space that does not fit back through the back door.
    let index = need_index(needs);
    let mut providers: Vec<&str> = ctx
        .catalog
        .offers
        .iter()
        .map(|o| o.provider.as_str())
        .collect();
    providers.sort_unstable();
    providers.dedup();
    let mut candidates: Vec<Candidate> = ctx
        .catalog
        .hosts
        .iter()
        .filter(|h| !providers.contains(&h.name.as_str()))
        .filter_map(|h| candidate(ctx, h, needs, &index, false))
        .collect();
    let chosen = super::cover::choose(ctx, &candidates, needs);
    let shown = super::pick::shown(ctx, &candidates, needs, &chosen);
    for (i, slot) in candidates.iter_mut().enumerate() {
        let used = chosen.set.iter().any(|(c, _)| *c == i)
            || shown.iter().any(|l| l.iter().any(|(c, _)| *c == i));
        if used && let Some(c) = candidate(ctx, slot.host, needs, &index, true) {
            *slot = c;
        }
    }
    super::pick::assemble(ctx, &candidates, needs, &chosen, &shown)
}

pub(super) fn t(fr: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(fr, en)
}
