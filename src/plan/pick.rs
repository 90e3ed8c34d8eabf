//! From the chosen set to what the plan shows: per need the providers (the chosen host first,
//! then alternatives, then hosts held back with why), each named with the software it lists
//! for the need; the chosen hosts (`HostPick`) with what they run, their price for this
//! association and whether they are near, stale or provisional; and the `HostChoice` sentences
//! (what to find out first, no host near).

use crate::i18n::{Lang, Text};

use super::candidate::Candidate;
use super::cover::Chosen;
use super::host_score::price_for;
use super::hosts::{
    Blocking, Context, HeldBack, HostChoice, HostNeed, HostPick, Matching, PickService, Provider,
    ProviderKind, t,
};
use super::recommend::SoftwareRef;

/// Alternatives listed per need beyond the chosen host, and held-back hosts after them.
const ALTERNATIVES: usize = 3;
const HELD: usize = 1;

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
            let held_for = |i: usize| chosen.held.iter().any(|(c, m, _)| *c == i && *m == n);
            let mut list: Vec<usize> = (0..candidates.len())
                .filter(|&i| candidates[i].cover(n).is_some() && !held_for(i))
                .collect();
            list.sort_by(|&a, &b| {
                let (ca, cb) = (&candidates[a], &candidates[b]);
                (Some(b) == owner)
                    .cmp(&(Some(a) == owner))
                    .then(ctx.is_near(cb.near).cmp(&ctx.is_near(ca.near)))
                    .then(ca.stale.cmp(&cb.stale))
                    .then(cb.score.cmp(&ca.score))
                    .then(ca.host.id.cmp(&cb.host.id))
            });
            list.truncate(ALTERNATIVES + 1);
            let mut out: Vec<(usize, Option<HeldBack>)> =
                list.into_iter().map(|i| (i, None)).collect();
            let mut held: Vec<(usize, HeldBack)> = chosen
                .held
                .iter()
                .filter(|(_, m, _)| *m == n)
                .map(|(i, _, h)| (*i, h.clone()))
                .chain(candidates.iter().enumerate().flat_map(|(i, c)| {
                    c.held
                        .iter()
                        .filter(|(m, _)| *m == n)
                        .map(move |(_, h)| (i, h.clone()))
                }))
                .collect();
            held.sort_by(|a, b| {
                candidates[b.0]
                    .score
                    .cmp(&candidates[a.0].score)
                    .then(candidates[a.0].host.id.cmp(&candidates[b.0].host.id))
            });
            out.extend(held.into_iter().take(HELD).map(|(i, h)| (i, Some(h))));
            out
        })
        .collect()
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
    let mut notes = Vec::new();
    if provisional {
        let missing = |lang: Lang| {
            let items: Vec<&str> = ctx
                .find_first
                .iter()
                .map(|b| match (b, lang) {
                    (Blocking::Accounts, Lang::Fr) => "le nombre de comptes nécessaires",
                    (Blocking::Accounts, Lang::En) => "the number of accounts needed",
                    (Blocking::Budget, Lang::Fr) => "le budget d'hébergement par an",
                    (Blocking::Budget, Lang::En) => "the yearly hosting budget",
                    (Blocking::Place, Lang::Fr) => "le lieu de l'association (code postal)",
                    (Blocking::Place, Lang::En) => "where the association is (postcode)",
                })
                .collect();
            crate::i18n::typo::list(lang, &items)
        };
        notes.push(t(
            format!(
                "Choix d'hébergeur provisoire : trouvez d'abord {}, puis refaites le plan avant de déplacer des données.",
                missing(Lang::Fr)
            ),
            format!(
                "Host choice provisional: first find out {}, then run the plan again before moving any data.",
                missing(Lang::En)
            ),
        ));
    }
    if !picks.is_empty() && !near_known && !ctx.find_first.contains(&Blocking::Place) {
        notes.push(if ctx.in_france() {
            t(
                "Aucun hébergeur du catalogue dans votre département ou un département voisin ne propose ces services : ceux retenus travaillent à distance. L'annuaire chatons.org en connaît peut-être de plus proches.",
                "No host in the catalogue in your département or a neighbouring one offers these services: those chosen work remotely. The chatons.org directory may know nearer ones.",
            )
        } else {
            t(
                format!("Aucun hébergeur du catalogue dans votre pays ({}) ne propose ces services avec des informations récentes : ceux retenus travaillent à distance. L'annuaire chatons.org en connaît peut-être de plus proches.", ctx.country),
                format!("No host in the catalogue in your country ({}) offers these services with recent facts: those chosen work remotely. The chatons.org directory may know nearer ones.", ctx.country),
            )
        });
    }
    for p in picks.iter().filter(|p| p.stale) {
        notes.push(t(
            format!(
                "{} : informations de {} ou appartenance à revérifier — seul hébergeur du catalogue pour ce qu'il prend ; à revérifier avant de le recommander.",
                p.name, p.seen
            ),
            format!(
                "{}: facts from {} or membership to re-check — the only host in the catalogue for what it takes; re-check before recommending it.",
                p.name, p.seen
            ),
        ));
    }
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

/// The summary's lines about hosts: the main ones (near, or taking several needs), those taken
/// for a single need, those to re-check, and whether the choice is provisional.
pub(super) fn summary(picks: &[HostPick], choice: &HostChoice, fs_recommended: bool) -> Vec<Text> {
    let mut out = Vec::new();
    let names = |list: &[&HostPick], lang: Lang, with_need: bool| {
        let items: Vec<String> = list
            .iter()
            .map(|p| {
                if with_need {
                    let needs: Vec<&str> = p.services.iter().map(|s| s.label.get(lang)).collect();
                    format!("{} ({})", p.name, needs.join(", "))
                } else {
                    p.name.clone()
                }
            })
            .collect();
        crate::i18n::typo::list(lang, &items)
    };
    let fresh: Vec<&HostPick> = picks.iter().filter(|p| !p.stale).collect();
    let (main, single): (Vec<&HostPick>, Vec<&HostPick>) = fresh.iter().partition(|p| {
        p.covers.len() > 1
            || p.near == super::hosts::Nearness::SameDepartement
            || p.near == super::hosts::Nearness::Neighbour
    });
    let stale: Vec<&HostPick> = picks.iter().filter(|p| p.stale).collect();
    let (fr, en) = if fs_recommended {
        ("pour le reste", "for the rest")
    } else {
        ("pour l'ensemble", "for everything")
    };
    let provisional = if choice.provisional {
        (" (provisoire)", " (provisional)")
    } else {
        ("", "")
    };
    if !main.is_empty() {
        out.push(Text::new(
            format!(
                "Hébergeurs CHATONS {fr}{} : {}.",
                provisional.0,
                names(&main, Lang::Fr, false)
            ),
            format!(
                "CHATONS hosts {en}{}: {}.",
                provisional.1,
                names(&main, Lang::En, false)
            ),
        ));
    }
    if !single.is_empty() {
        out.push(Text::new(
            format!(
                "Pour un seul besoin chacun{} : {}.",
                provisional.0,
                names(&single, Lang::Fr, true)
            ),
            format!(
                "For a single need each{}: {}.",
                provisional.1,
                names(&single, Lang::En, true)
            ),
        ));
    }
    if !stale.is_empty() {
        out.push(Text::new(
            format!(
                "À revérifier avant de recommander (seuls à couvrir ces besoins) : {}.",
                names(&stale, Lang::Fr, true)
            ),
            format!(
                "To re-check before recommending (the only ones covering these needs): {}.",
                names(&stale, Lang::En, true)
            ),
        ));
    }
    out.extend(
        choice
            .notes
            .iter()
            .filter(|_| choice.provisional)
            .take(1)
            .cloned(),
    );
    out
}
