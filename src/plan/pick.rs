//! From the chosen set to what the plan shows: per need the providers (the chosen host first,
//! then alternatives, then hosts held back with why), each named with the software it lists
//! for the need; the chosen hosts (`HostPick`) with what they run, their price for this
//! association and whether they are near, stale or provisional; and the `HostChoice` sentences
//! (what to find out first, no host near).

use crate::i18n::{Lang, Text};

use super::candidate::Candidate;
use super::cover::Chosen;
use super::host_price::price_for;
use super::hosts::{
    Context, HeldBack, HeldWhy, HostChoice, HostNeed, HostPick, Matching, PickService, Provider,
    ProviderKind,
};
use super::recommend::SoftwareRef;

/// Alternatives listed per need beyond the chosen host, and held-back hosts after them.
const ALTERNATIVES: usize = 3;
const HELD: usize = 1;

/// Why a host is set aside for a need, before its sentence is written.
#[derive(Clone, Copy)]
enum Held {
    Set(HeldWhy),
    /// Its offer (index) is too small.
    Small(usize),
}

/// Per need: (candidate, held back for it) in the order shown.
pub(super) type Shown = Vec<Vec<(usize, Option<HeldBack>)>>;

pub(super) fn shown(
    ctx: &Context<'_>,
    candidates: &[Candidate<'_>],
    needs: &[HostNeed],
    chosen: &Chosen,
) -> Shown {
    (0..needs.len())
        .map(|n| {
            let owner = chosen
                .set
                .iter()
                .find(|(_, g)| g.contains(&n))
                .map(|(i, _)| *i);
            let set_aside = &chosen.held[n];
            let order = |a: &usize, b: &usize| {
                let (ca, cb) = (&candidates[*a], &candidates[*b]);
                (Some(*b) == owner)
                    .cmp(&(Some(*a) == owner))
                    .then(ctx.is_near(cb.near).cmp(&ctx.is_near(ca.near)))
                    .then(ca.stale.cmp(&cb.stale))
                    .then(cb.score.cmp(&ca.score))
                    .then(ca.host.id.cmp(&cb.host.id))
            };
            // Set aside for this need, by candidate (thousands of hosts may be).
            let mut aside = vec![false; candidates.len()];
            for &(i, _) in set_aside {
                aside[i] = true;
            }
            let list = top(
                (0..candidates.len()).filter(|&i| !aside[i] && candidates[i].cover(n).is_some()),
                ALTERNATIVES + 1,
                order,
            );
            let mut out: Vec<(usize, Option<HeldBack>)> =
                list.into_iter().map(|i| (i, None)).collect();
            // Hosts set aside for this need: by the choice, or their offer is too small. Their
            // sentence is written only for the one shown.
            let held = top(
                set_aside.iter().map(|&(i, why)| (i, Held::Set(why))).chain(
                    candidates.iter().enumerate().flat_map(|(i, c)| {
                        c.held
                            .iter()
                            .filter(|(m, _)| *m == n)
                            .map(move |&(_, offer)| (i, Held::Small(offer)))
                    }),
                ),
                HELD,
                |a, b| {
                    let (ca, cb) = (&candidates[a.0], &candidates[b.0]);
                    ctx.is_near(cb.near)
                        .cmp(&ctx.is_near(ca.near))
                        .then(cb.score.cmp(&ca.score))
                        .then(ca.host.id.cmp(&cb.host.id))
                },
            );
            out.extend(held.into_iter().map(|(i, h)| {
                let c = &candidates[i];
                let text = match h {
                    Held::Set(HeldWhy::ServesItsAreaFirst) => super::cover::area_first(c),
                    Held::Set(_) => super::cover::to_recheck(ctx, c),
                    Held::Small(offer) => {
                        super::candidate::too_small(ctx, c.host, &needs[n].need, offer)
                    }
                };
                (i, Some(text))
            }));
            out
        })
        .collect()
}

/// The first `k` items of `items` in `order`, without sorting them all (a catalogue of
/// thousands of hosts lists a few per need).
fn top<T>(
    items: impl Iterator<Item = T>,
    k: usize,
    order: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Vec<T> {
    let mut best: Vec<T> = Vec::with_capacity(k + 1);
    for item in items {
        let at = best.partition_point(|x| order(x, &item) != std::cmp::Ordering::Greater);
        if at < k {
            best.insert(at, item);
            best.truncate(k);
        }
    }
    best
}

pub(super) fn assemble(
    ctx: &Context<'_>,
    candidates: &[Candidate<'_>],
    needs: &[HostNeed],
    chosen: &Chosen,
    shown: &Shown,
) -> Matching {
    let provisional = !ctx.find_first.is_empty();
    let far_count = chosen
        .set
        .iter()
        .filter(|(i, _)| !ctx.is_near(candidates[*i].near))
        .count();
    let picks: Vec<HostPick> = chosen
        .set
        .iter()
        .map(|(i, given)| pick(ctx, &candidates[*i], needs, given, far_count))
        .collect();
    let per_need = shown
        .iter()
        .enumerate()
        .map(|(n, list)| {
            let owner = chosen
                .set
                .iter()
                .find(|(_, g)| g.contains(&n))
                .map(|(i, _)| *i);
            list.iter()
                .map(|(i, held)| {
                    provider(
                        ctx,
                        &candidates[*i],
                        n,
                        needs,
                        Some(*i) == owner,
                        held.clone(),
                    )
                })
                .collect()
        })
        .collect();
    let near_known = picks.iter().any(|p| ctx.is_near(p.near));
    let notes = super::host_notes::notes(ctx, &picks, near_known);
    Matching {
        picks,
        per_need,
        choice: HostChoice {
            provisional,
            find_first: ctx.find_first.clone(),
            near_known,
            notes,
        },
    }
}

/// The software a host lists for a need on the services open to the association (all its
/// services for the need when it is held back), best-ranked first.
fn software_refs(
    ctx: &Context<'_>,
    c: &Candidate<'_>,
    n: usize,
    need: &HostNeed,
) -> Vec<SoftwareRef> {
    let mut ids: Vec<&str> = match c.cover(n) {
        Some(cover) => cover.software.clone(),
        None => c.host.software_for(&need.need),
    };
    ids.sort_by_key(|id| {
        need.software
            .iter()
            .position(|s| s == id)
            .unwrap_or(usize::MAX)
    });
    ids.into_iter()
        .filter_map(|id| ctx.catalog.software(id))
        .map(|s| SoftwareRef {
            id: s.id.clone(),
            name: s.name.clone(),
        })
        .collect()
}

fn provider(
    ctx: &Context<'_>,
    c: &Candidate<'_>,
    n: usize,
    needs: &[HostNeed],
    chosen: bool,
    held: Option<HeldBack>,
) -> Provider {
    let cover = c.cover(n);
    let offer = cover.and_then(|c| c.offer.map(|o| o.0)).or(c.offer);
    let members = cover.is_some_and(|c| c.members_only);
    Provider {
        id: c.host.id.clone(),
        name: c.host.name.clone(),
        kind: ProviderKind::Host,
        score: Some(c.score.max(0) as u32),
        reasons: c.reasons.clone(),
        to_check: c.to_check.clone(),
        url: c.host.website.clone(),
        chosen: chosen && held.is_none(),
        software: software_refs(ctx, c, n, &needs[n]),
        service: cover.map(|c| c.service.to_string()).or_else(|| {
            c.host
                .services_for(&needs[n].need)
                .next()
                .map(|s| s.label.clone())
        }),
        price: offer.map(|i| price_for(ctx, c.host, i)),
        near: Some(c.near),
        stale: c.stale,
        held_back: held,
        provisional: !ctx.find_first.is_empty(),
        members_only: members,
    }
}

fn pick(
    ctx: &Context<'_>,
    c: &Candidate<'_>,
    needs: &[HostNeed],
    given: &[usize],
    far_count: usize,
) -> HostPick {
    let names = |lang: Lang| {
        let items: Vec<&str> = given.iter().map(|n| needs[*n].label.get(lang)).collect();
        crate::i18n::typo::list(lang, &items)
    };
    let mut why = if ctx.is_near(c.near) {
        Text::new(
            format!("Proche de vous, il prend : {}.", names(Lang::Fr)),
            format!("Near you, it takes: {}.", names(Lang::En)),
        )
    } else {
        Text::new(
            format!(
                "Pour ce qu'aucun hébergeur proche ne propose, le plus petit ensemble d'hébergeurs en compte {far_count} ; celui-ci prend : {}.",
                names(Lang::Fr)
            ),
            format!(
                "For what no nearby host offers, the smallest set of hosts has {far_count}; this one takes: {}.",
                names(Lang::En)
            ),
        )
    };
    if c.stale {
        why = Text::new(
            format!(
                "{} À revérifier avant de recommander : seul hébergeur du catalogue à couvrir ces besoins.",
                why.fr
            ),
            format!(
                "{} To re-check before recommending: the only host in the catalogue covering these needs.",
                why.en
            ),
        );
    }
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
    if let Some(i) = c.offer {
        let o = &c.host.offers[i];
        trace.add_text_fact(
            &o.stated,
            o.source
                .as_deref()
                .or(c.host.sources.first().map(String::as_str))
                .unwrap_or(""),
            o.date_or(c.host.seen),
        );
    }
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
        covers: given.iter().map(|n| needs[*n].need.clone()).collect(),
        why,
        website: c.host.website.clone(),
        place: (!place_text.is_empty()).then_some(place_text),
        seen: c.host.seen.to_string(),
        trace,
        services: given
            .iter()
            .map(|&n| PickService {
                need: needs[n].need.clone(),
                label: needs[n].label.clone(),
                software: software_refs(ctx, c, n, &needs[n]),
                service: c
                    .cover(n)
                    .map_or_else(String::new, |c| c.service.to_string()),
            })
            .collect(),
        near: c.near,
        stale: c.stale,
        price: c.offer.map(|i| price_for(ctx, c.host, i)),
        provisional: !ctx.find_first.is_empty(),
    }
}
