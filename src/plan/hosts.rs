//! Hosts: which CHATONS hosts can take the needs Frama.space does not cover (or all of them when
//! Frama.space does not fit), how each scores, and the smallest set of hosts that covers them.
//!
//! 1. Hard filters (`hosts.filter`). A host that provides catalogue offers (Framasoft) is
//!    represented by those offers and left out. Per service: it runs the proposed software or
//!    answers the need; the host has not left the collective and is not `away`; the service is not `full`,
//!    not ended; registration accepts this kind of organisation — open or paying is fine,
//!    members-only only when the association could join (the host is an association,
//!    collective or cooperative, and the association is not a company), a specific public
//!    never. Unknown registration is kept, marked « à vérifier ».
//! 2. Score (`hosts.score`), each point with its reason: +10 per need to host it covers with
//!    the software named (+6 when only the need is), then the rest in `host_score` (nearness,
//!    price against budget, association offer, membership evidence, age of the facts). Floor 0.
//! 3. Set cover (`hosts.set-cover`): the smallest set of hosts that covers every need a host
//!    can take, and among sets of that size the best total score. Hosts whose coverage is
//!    contained in another's (and score no better) are dropped first; the exact search then
//!    runs over at most 20 hosts (far fewer with the shipped catalogue), else the greedy answer
//!    is kept (most needs still uncovered, then score, then id). Each need goes to the chosen
//!    host that runs the software named, then the best score.

use serde::{Deserialize, Serialize};

use crate::audit::{Association, LegalForm};
use crate::catalog::host::{RegistrationLoad, ServiceRegistration};
use crate::catalog::{Access, Catalog, Host, HostService, OrgType, StatusLevel};
use crate::i18n::Text;

use super::trace::Trace;

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

/// A provider for one need, with its score and reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    /// Hosts only: the score of `hosts.score`.
    pub score: Option<u32>,
    pub reasons: Vec<Text>,
    /// Facts to check before relying on it.
    pub to_check: Vec<Text>,
    pub url: Option<String>,
    /// The plan's choice for this need (the others are alternatives).
    pub chosen: bool,
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
}

/// A need to place with a host, and the software acceptable for it. Needs with `cover` false
/// are already placed elsewhere (Frama.space, a public service): their candidates are listed as
/// alternatives but they do not drive the set cover.
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
}

pub(super) struct Candidate<'a> {
    pub host: &'a Host,
    /// (need index, matched by software id or only by need).
    pub covers: Vec<(usize, Option<String>)>,
    pub score: i32,
    pub reasons: Vec<Text>,
    pub to_check: Vec<Text>,
}

pub(crate) struct Context<'a> {
    pub association: &'a Association,
    pub catalog: &'a Catalog,
    pub budget: Option<f64>,
    pub trace: Trace,
}

pub(crate) fn matching(ctx: &Context<'_>, needs: &[HostNeed]) -> Matching {
    // A host that is also the provider of catalogue offers (Framasoft) is represented by those
    // offers (Frama.space, Framadate…): matching it again would double-count it, and bring a
    // Frama.space that does not fit back through the back door.
    let mut candidates: Vec<Candidate> = ctx
        .catalog
        .hosts
        .iter()
        .filter(|h| !ctx.catalog.offers.iter().any(|o| o.provider == h.name))
        .filter_map(|h| candidate(ctx, h, needs))
        .collect();
    let chosen = super::cover::choose(&candidates, needs);
    let remaining = needs.iter().filter(|n| n.cover).count();
    let k = chosen.len();
    let picks = chosen
        .iter()
        .enumerate()
        .map(|(rank, (i, gained))| pick(ctx, &candidates[*i], needs, gained, rank, remaining, k))
        .collect();
    let per_need = needs
        .iter()
        .enumerate()
        .map(|(n, _)| {
            let owner = chosen
                .iter()
                .find(|(_, g)| g.contains(&n))
                .map(|(i, _)| candidates[*i].host.id.as_str());
            let mut list: Vec<Provider> = candidates
                .iter()
                .filter(|c| c.covers.iter().any(|(m, _)| *m == n))
                .map(|c| provider(c, Some(c.host.id.as_str()) == owner))
                .collect();
            list.sort_by(|a, b| {
                b.chosen
                    .cmp(&a.chosen)
                    .then(b.score.cmp(&a.score))
                    .then(a.id.cmp(&b.id))
            });
            list.truncate(4);
            list
        })
        .collect();
    candidates.clear();
    Matching { picks, per_need }
}

fn provider(c: &Candidate<'_>, chosen: bool) -> Provider {
    Provider {
        id: c.host.id.clone(),
        name: c.host.name.clone(),
        kind: ProviderKind::Host,
        score: Some(c.score.max(0) as u32),
        reasons: c.reasons.clone(),
        to_check: c.to_check.clone(),
        url: c.host.website.clone(),
        chosen,
    }
}

fn pick(
    ctx: &Context<'_>,
    c: &Candidate<'_>,
    needs: &[HostNeed],
    gained: &[usize],
    rank: usize,
    total: usize,
    set_size: usize,
) -> HostPick {
    let names = |fr: bool| {
        gained
            .iter()
            .map(|n| {
                if fr {
                    needs[*n].label.fr.as_str()
                } else {
                    needs[*n].label.en.as_str()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let why = if rank == 0 {
        Text::new(
            format!(
                "Le plus petit ensemble d'hébergeurs qui couvre les {total} besoins à héberger en compte {set_size} ; celui-ci prend : {}.",
                names(true)
            ),
            format!(
                "The smallest set of hosts covering the {total} needs to host has {set_size}; this one takes: {}.",
                names(false)
            ),
        )
    } else {
        Text::new(
            format!("Complète l'ensemble pour : {}.", names(true)),
            format!("Completes the set for: {}.", names(false)),
        )
    };
    let mut trace = ctx.trace.clone();
    trace.add_rule("hosts.set-cover");
    trace.add_fact(
        format!(
            "{} : {}",
            c.host.name, c.host.membership_evidence.evidence.fr
        ),
        c.host.sources.first().map_or("", String::as_str),
        c.host.seen,
    );
    let place = &c.host.place;
    let place_text = [
        place.city.as_deref(),
        place.area.as_deref(),
        place.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    HostPick {
        id: c.host.id.clone(),
        name: c.host.name.clone(),
        score: c.score.max(0) as u32,
        reasons: c.reasons.clone(),
        to_check: c.to_check.clone(),
        covers: gained.iter().map(|n| needs[*n].need.clone()).collect(),
        why,
        website: c.host.website.clone(),
        place: (!place_text.is_empty()).then_some(place_text),
        seen: c.host.seen.to_string(),
        trace,
    }
}

pub(super) fn t(fr: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(fr, en)
}

/// Whether a host can be used at all, and what it covers.
fn candidate<'a>(ctx: &Context<'_>, host: &'a Host, needs: &[HostNeed]) -> Option<Candidate<'a>> {
    if host.membership_evidence.left.is_some() || host.status == Some(StatusLevel::Away) {
        return None;
    }
    let mut to_check = Vec::new();
    let mut covers: Vec<(usize, Option<String>)> = Vec::new();
    let mut member_note = false;
    for (n, need) in needs.iter().enumerate() {
        let mut best: Option<Option<String>> = None;
        for service in &host.services {
            let by_software = service.software.iter().find(|s| need.software.contains(s));
            let by_need = service.needs.iter().any(|x| x == &need.need);
            if by_software.is_none() && !by_need {
                continue;
            }
            match access(ctx, host, service) {
                Access2::No => continue,
                Access2::Member => member_note = true,
                Access2::Unknown | Access2::Yes => {}
            }
            let m = by_software.cloned();
            if best.as_ref().is_none_or(|b| b.is_none() && m.is_some()) {
                best = Some(m);
            }
        }
        if let Some(m) = best {
            covers.push((n, m));
        }
    }
    if covers.is_empty() {
        return None;
    }
    let mut score = 0i32;
    let mut reasons = Vec::new();
    let counted = covers.iter().filter(|(n, _)| needs[*n].cover);
    let exact = counted.clone().filter(|(_, m)| m.is_some()).count() as i32;
    let loose = counted.count() as i32 - exact;
    score += 10 * exact + 6 * loose;
    reasons.push(t(
        format!(
            "+{} : couvre {} besoin(s) à héberger{}",
            10 * exact + 6 * loose,
            exact + loose,
            if loose > 0 {
                " (logiciel pas toujours précisé)"
            } else {
                ""
            }
        ),
        format!(
            "+{}: covers {} need(s) to host{}",
            10 * exact + 6 * loose,
            exact + loose,
            if loose > 0 {
                " (software not always named)"
            } else {
                ""
            }
        ),
    ));
    if loose > 0 {
        to_check.push(t(
            "le logiciel exact n'est pas indiqué pour tous les services",
            "the exact software is not named for every service",
        ));
    }
    if member_note {
        reasons.push(t(
            "+0 : adhésion à l'hébergeur nécessaire pour certains services",
            "+0: membership of the host needed for some services",
        ));
    }
    if host.registration.who.is_empty() && host.services.iter().all(|s| s.registration.is_empty()) {
        to_check.push(t(
            "qui peut s'inscrire n'est pas indiqué",
            "who may register is not stated",
        ));
    }
    super::host_score::score(ctx, host, &mut score, &mut reasons, &mut to_check);
    if let Some(c) = &host.caveats {
        to_check.push(c.clone());
    }
    Some(Candidate {
        host,
        covers,
        score: score.max(0),
        reasons,
        to_check,
    })
}

enum Access2 {
    Yes,
    Member,
    Unknown,
    No,
}

/// Hard filters on one service of a host.
fn access(ctx: &Context<'_>, host: &Host, service: &HostService) -> Access2 {
    if service.load == Some(RegistrationLoad::Full)
        || service.end.is_some_and(|e| !e.is_after(&ctx.catalog.as_of))
        || matches!(service.status, Some(StatusLevel::Over | StatusLevel::Void))
    {
        return Access2::No;
    }
    let company = ctx.association.legal_form == LegalForm::Entreprise;
    let can_join = !company
        && matches!(
            host.org_type,
            Some(OrgType::Association | OrgType::Collective | OrgType::Cooperative) | None
        );
    if !service.registration.is_empty() {
        let open = service.registration.iter().any(|r| {
            matches!(
                r,
                ServiceRegistration::None | ServiceRegistration::Free | ServiceRegistration::Client
            )
        });
        return if open {
            Access2::Yes
        } else if can_join {
            Access2::Member
        } else {
            Access2::No
        };
    }
    let who = &host.registration.who;
    if who.is_empty() {
        return Access2::Unknown;
    }
    if who
        .iter()
        .any(|a| matches!(a, Access::OpenToAllFree | Access::PayingClients))
    {
        Access2::Yes
    } else if who.contains(&Access::Members) && can_join {
        Access2::Member
    } else {
        Access2::No
    }
}
