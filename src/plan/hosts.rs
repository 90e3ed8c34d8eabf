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

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::audit::{Association, LegalForm};
use crate::catalog::host::{RegistrationLoad, ServiceRegistration};
use crate::catalog::{Access, Catalog, Host, HostService, OrgType, StatusLevel};
use crate::i18n::{Lang, Text};

use super::host_score::Notes;
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

/// A provider for one need, with its score and reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    pub kind: ProviderKind,
    /// Hosts only: the score of `hosts.score`.
    pub score: Option<u32>,
    pub reasons: Shared<Vec<Text>>,
    /// Facts to check before relying on it.
    pub to_check: Shared<Vec<Text>>,
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
    pub covers: Vec<(usize, Option<&'a str>)>,
    pub score: i32,
    pub reasons: Shared<Vec<Text>>,
    pub to_check: Shared<Vec<Text>>,
}

pub(crate) struct Context<'a> {
    pub association: &'a Association,
    pub catalog: &'a Catalog,
    pub budget: Option<f64>,
    /// The association's French département and country, read once.
    pub departement: Option<String>,
    pub country: String,
    pub trace: Trace,
}

pub(crate) fn matching(ctx: &Context<'_>, needs: &[HostNeed]) -> Matching {
    // A host that is also the provider of catalogue offers (Framasoft) is represented by those
    // offers (Frama.space, Framadate…): matching it again would double-count it, and bring a
    // Frama.space that does not fit back through the back door.
    let index = NeedIndex::new(needs);
    let mut candidates: Vec<Candidate> = ctx
        .catalog
        .hosts
        .iter()
        .filter(|h| !ctx.catalog.offers.iter().any(|o| o.provider == h.name))
        .filter_map(|h| candidate(ctx, h, needs, &index, false))
        .collect();
    let chosen = super::cover::choose(&candidates, needs);
    // Rank per need on scores alone, then write the reasons of the hosts that will be shown.
    let shown: Vec<Vec<usize>> = (0..needs.len())
        .map(|n| {
            let owner = chosen.iter().find(|(_, g)| g.contains(&n)).map(|(i, _)| *i);
            let mut list: Vec<usize> = (0..candidates.len())
                .filter(|&i| candidates[i].covers.iter().any(|(m, _)| *m == n))
                .collect();
            list.sort_by(|&a, &b| {
                (Some(b) == owner)
                    .cmp(&(Some(a) == owner))
                    .then(candidates[b].score.cmp(&candidates[a].score))
                    .then(candidates[a].host.id.cmp(&candidates[b].host.id))
            });
            list.truncate(4);
            list
        })
        .collect();
    for (i, slot) in candidates.iter_mut().enumerate() {
        let used = chosen.iter().any(|(c, _)| *c == i) || shown.iter().any(|l| l.contains(&i));
        if used && let Some(c) = candidate(ctx, slot.host, needs, &index, true) {
            *slot = c;
        }
    }
    // The needs some host can take (others are « à trouver »).
    let remaining = chosen.iter().map(|(_, g)| g.len()).sum();
    let k = chosen.len();
    let picks = chosen
        .iter()
        .enumerate()
        .map(|(rank, (i, gained))| pick(ctx, &candidates[*i], needs, gained, rank, remaining, k))
        .collect();
    let per_need = shown
        .iter()
        .enumerate()
        .map(|(n, list)| {
            let owner = chosen.iter().find(|(_, g)| g.contains(&n)).map(|(i, _)| *i);
            list.iter()
                .map(|&i| provider(&candidates[i], Some(i) == owner))
                .collect()
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
    let evidence = &c.host.membership_evidence.evidence;
    trace.add_text_fact(
        &Text::new(
            format!("{} : {}", c.host.name, evidence.get(Lang::Fr)),
            format!("{}: {}", c.host.name, evidence.get(Lang::En)),
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
        reasons: c.reasons.to_vec(),
        to_check: c.to_check.to_vec(),
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
/// Which needs each software id and each need id can answer, built once per matching so that
/// a host's services are checked with a few lookups.
pub(crate) struct NeedIndex<'n> {
    by_software: HashMap<&'n str, Vec<usize>>,
    by_need: HashMap<&'n str, Vec<usize>>,
}

impl<'n> NeedIndex<'n> {
    fn new(needs: &'n [HostNeed]) -> NeedIndex<'n> {
        let mut index = NeedIndex {
            by_software: HashMap::new(),
            by_need: HashMap::new(),
        };
        for (n, need) in needs.iter().enumerate() {
            index.by_need.entry(need.need.as_str()).or_default().push(n);
            for s in &need.software {
                index.by_software.entry(s.as_str()).or_default().push(n);
            }
        }
        index
    }
}

fn candidate<'a>(
    ctx: &Context<'_>,
    host: &'a Host,
    needs: &[HostNeed],
    index: &NeedIndex<'_>,
    explain: bool,
) -> Option<Candidate<'a>> {
    if host.membership_evidence.left.is_some() || host.status == Some(StatusLevel::Away) {
        return None;
    }
    let mut notes = Notes::new(explain);
    // For each need: matched by a named software (best) or by the need only.
    let mut best: Vec<Option<Option<&'a str>>> = vec![None; needs.len()];
    let mut member_note = false;
    for service in &host.services {
        let exact = service
            .software
            .iter()
            .filter_map(|s| index.by_software.get(s.as_str()).map(|ns| (s, ns)));
        let loose = service
            .needs
            .iter()
            .filter_map(|x| index.by_need.get(x.as_str()));
        let mut hits: Vec<(usize, Option<&'a str>)> = Vec::new();
        for (s, ns) in exact {
            hits.extend(ns.iter().map(|&n| (n, Some(s.as_str()))));
        }
        for ns in loose {
            hits.extend(ns.iter().map(|&n| (n, None)));
        }
        if hits.is_empty() {
            continue;
        }
        match access(ctx, host, service) {
            Access2::No => continue,
            Access2::Member => member_note = true,
            Access2::Unknown | Access2::Yes => {}
        }
        for (n, m) in hits {
            if best[n].is_none_or(|b| b.is_none() && m.is_some()) {
                best[n] = Some(m);
            }
        }
    }
    let covers: Vec<(usize, Option<&'a str>)> = best
        .into_iter()
        .enumerate()
        .filter_map(|(n, b)| b.map(|m| (n, m)))
        .collect();
    if covers.is_empty() {
        return None;
    }
    let mut score = 0i32;
    let counted = covers.iter().filter(|(n, _)| needs[*n].cover);
    let exact = counted.clone().filter(|(_, m)| m.is_some()).count() as i32;
    let loose = counted.count() as i32 - exact;
    score += 10 * exact + 6 * loose;
    notes.reason(|| {
        t(
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
        )
    });
    if loose > 0 {
        notes.check(|| {
            t(
                "le logiciel exact n'est pas indiqué pour tous les services",
                "the exact software is not named for every service",
            )
        });
    }
    if member_note {
        notes.reason(|| {
            t(
                "+0 : adhésion à l'hébergeur nécessaire pour certains services",
                "+0: membership of the host needed for some services",
            )
        });
    }
    if host.registration.who.is_empty() && host.services.iter().all(|s| s.registration.is_empty()) {
        notes.check(|| {
            t(
                "qui peut s'inscrire n'est pas indiqué",
                "who may register is not stated",
            )
        });
    }
    super::host_score::score(ctx, host, &mut score, &mut notes);
    if let Some(c) = &host.caveats {
        notes.check(|| c.clone());
    }
    Some(Candidate {
        host,
        covers,
        score: score.max(0),
        reasons: notes.reasons.into(),
        to_check: notes.to_check.into(),
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
