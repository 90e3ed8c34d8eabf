//! One host judged for this association (`hosts.filter`): per need to host, whether one of its
//! open services lists the need (and which software it names for it), whether one of its offers
//! fits this kind of organisation at this size, and whether its area rule accepts this place.
//! A host whose stated offers are all too small for a need is held back for that need ("possible
//! if the offer grows"); a host serving its own area only is left out elsewhere; one serving it
//! first is marked so that the set cover uses it only where nothing else covers the need.

use crate::catalog::{
    AreaFit, Host, ServiceAccess, Verdict, Why, host::Stated, host_fit::ApplicantKind,
};
use crate::i18n::Text;

use super::host_score::{self, Notes};
use super::hosts::{Context, HeldBack, HeldWhy, HostNeed, Nearness, t};
use super::trace::Shared;

/// What a host can take of one need.
pub(super) struct Cover<'a> {
    pub need: usize,
    /// Software ids the host lists for the need (open services only); empty: not named.
    pub software: Vec<&'a str>,
    /// The label of its first open service for the need, as the source gives it.
    pub service: &'a str,
    /// Only members of the host may use it.
    pub members_only: bool,
    /// The offer retained for this need (index into `host.offers`) and its verdict.
    pub offer: Option<(usize, Verdict)>,
}

pub(super) struct Candidate<'a> {
    pub host: &'a Host,
    pub covers: Vec<Cover<'a>>,
    /// Needs it lists but is held back on, offer too small: (need, the offer's index).
    pub held: Vec<(usize, usize)>,
    pub score: i32,
    pub near: Nearness,
    pub stale: bool,
    /// Outside the area it serves first: only where nothing else covers the need.
    pub outside_first: bool,
    /// The offer retained for the host as a whole (best verdict over its covers).
    pub offer: Option<usize>,
    pub reasons: Shared<Vec<Text>>,
    pub to_check: Shared<Vec<Text>>,
}

impl Candidate<'_> {
    pub fn cover(&self, need: usize) -> Option<&Cover<'_>> {
        self.covers.iter().find(|c| c.need == need)
    }
}

/// What a host's open services give one need, gathered in one pass.
struct Found<'a> {
    service: &'a str,
    software: Vec<&'a str>,
    members_only: bool,
}

/// The position of each need id among the needs to place, sorted by id for a binary search
/// (a few dozen needs: cheaper than hashing every service's need ids), built once per matching.
pub(super) struct NeedIndex<'n>(Vec<(&'n str, usize)>);

impl NeedIndex<'_> {
    fn get<'s>(&'s self, need: &'s str) -> impl Iterator<Item = usize> + 's {
        let start = self.0.partition_point(|(id, _)| *id < need);
        self.0[start..]
            .iter()
            .take_while(move |(id, _)| *id == need)
            .map(|(_, n)| *n)
    }
}

pub(super) fn need_index(needs: &[HostNeed]) -> NeedIndex<'_> {
    let mut index: Vec<(&str, usize)> = needs
        .iter()
        .enumerate()
        .map(|(n, need)| (need.need.as_str(), n))
        .collect();
    index.sort_unstable();
    NeedIndex(index)
}

/// Judge `host`; `None` when it can take none of the needs and is held back on none.
pub(super) fn candidate<'a>(
    ctx: &Context<'_>,
    host: &'a Host,
    needs: &[HostNeed],
    index: &NeedIndex<'_>,
    explain: bool,
) -> Option<Candidate<'a>> {
    if host.has_left() {
        return None;
    }
    let area = host.area_fit(ctx.departement.as_deref(), &ctx.country);
    if area == AreaFit::OutsideOnly {
        return None;
    }
    let today = ctx.catalog.as_of;
    // One pass over the host's services: each open one adds its label and software to the
    // needs it lists (looked up by id), so a host is read once whatever the number of needs.
    let mut found: Vec<Option<Found<'a>>> = (0..needs.len()).map(|_| None).collect();
    let mut unknown_access = false;
    for s in &host.services {
        let mut access = None;
        for need in &s.needs {
            let mut positions = index.get(need.as_str()).peekable();
            if positions.peek().is_none() {
                continue;
            }
            let a = *access.get_or_insert_with(|| host.service_access(s, ctx.kind, &today));
            if a == ServiceAccess::Closed {
                break;
            }
            unknown_access |= a == ServiceAccess::Unknown;
            for n in positions {
                let f = found[n].get_or_insert_with(|| Found {
                    service: s.label.as_str(),
                    software: Vec::new(),
                    members_only: true,
                });
                f.members_only &= a == ServiceAccess::Members;
                for id in &s.software {
                    if !f.software.contains(&id.as_str()) {
                        f.software.push(id);
                    }
                }
            }
        }
    }
    let mut covers: Vec<Cover<'a>> = Vec::new();
    let mut held: Vec<(usize, usize)> = Vec::new();
    let mut member_note = false;
    for (n, f) in found.into_iter().enumerate() {
        let Some(f) = f else { continue };
        let need = &needs[n].need;
        let fits = if host.offers.is_empty() {
            Vec::new()
        } else {
            host.offers_for(&ctx.applicant(need), need)
        };
        let retained = fits.iter().find(|f| f.verdict != Verdict::No);
        if retained.is_none()
            && let Some(small) = fits.iter().find(|f| f.too_small())
        {
            held.push((n, small.index));
            continue;
        }
        member_note |= f.members_only;
        covers.push(Cover {
            need: n,
            software: f.software,
            service: f.service,
            members_only: f.members_only,
            offer: retained.map(|f| (f.index, f.verdict)),
        });
    }
    if covers.is_empty() && held.is_empty() {
        return None;
    }
    let mut notes = Notes::new(explain);
    let best = covers
        .iter()
        .filter_map(|c| c.offer)
        .min_by_key(|(i, v)| (*v, *i));
    let offer_fit = best.and_then(|(i, _)| {
        let need = covers
            .iter()
            .find(|c| c.offer.is_some_and(|o| o.0 == i))?
            .need;
        host.offers_for(&ctx.applicant(&needs[need].need), &needs[need].need)
            .into_iter()
            .find(|f| f.index == i)
    });
    let scored = host_score::score(ctx, host, offer_fit.as_ref(), &mut notes);
    if member_note {
        notes.reason(|| {
            t(
                "adhésion à l'hébergeur nécessaire pour certains services",
                "membership of the host needed for some services",
            )
        });
    }
    if unknown_access {
        notes.check(|| {
            t(
                "qui peut s'inscrire n'est pas indiqué",
                "who may register is not stated",
            )
        });
    }
    let outside_first = area == AreaFit::OutsideFirst;
    if outside_first {
        notes.reason(|| serves_first(host));
    } else if area == AreaFit::Unknown {
        notes.check(|| {
            t(
                "sert d'abord sa région : votre lieu est à préciser",
                "serves its own area first: your place is to state",
            )
        });
    }
    if ctx.kind == ApplicantKind::Company && host.association_offer.offered == Stated::Yes {
        notes.check(|| {
            t(
                "son offre pour les associations ne s'applique pas à une entreprise : conditions à demander",
                "its offer for associations does not apply to a company: terms to ask",
            )
        });
    }
    if let Some(c) = &host.caveats {
        notes.check(|| c.clone());
    }
    Some(Candidate {
        host,
        covers,
        held,
        score: scored.score,
        near: scored.near,
        stale: scored.stale,
        outside_first,
        offer: best.map(|(i, _)| i),
        reasons: notes.reasons.into(),
        to_check: notes.to_check.into(),
    })
}

/// "Serves Alsace first": the sentence for a host outside the area it serves first.
pub(super) fn serves_first(host: &Host) -> Text {
    let area = host
        .registration
        .area
        .as_ref()
        .map(|a| {
            a.departements
                .iter()
                .chain(a.countries.iter())
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    t(
        format!(
            "sert d'abord son territoire ({area}) : proposé hors de celui-ci seulement quand aucun autre hébergeur ne couvre le besoin"
        ),
        format!(
            "serves its own area first ({area}): proposed outside it only when no other host covers the need"
        ),
    )
}

/// "Possible if the offer grows": the caps of offer `index` that fall short for `need`.
pub(super) fn too_small(ctx: &Context<'_>, host: &Host, need: &str, index: usize) -> HeldBack {
    let fits = host.offers_for(&ctx.applicant(need), need);
    let Some(fit) = fits.iter().find(|f| f.index == index) else {
        return HeldBack {
            why: HeldWhy::OfferTooSmall,
            text: t(
                "possible si l'offre s'agrandit",
                "possible if the offer grows",
            ),
        };
    };
    let lang_parts = |fr: bool| {
        fit.why
            .iter()
            .filter_map(|w| match *w {
                Why::AccountsBelow { cap, needed } => Some(if fr {
                    format!(
                        "{} comptes au plus pour {} nécessaires",
                        ctx.num(f64::from(cap), true),
                        ctx.num(needed, true)
                    )
                } else {
                    format!(
                        "at most {} accounts for {} needed",
                        ctx.num(f64::from(cap), false),
                        ctx.num(needed, false)
                    )
                }),
                Why::StorageBelow { cap, needed } => Some(if fr {
                    format!(
                        "{} Go pour {} Go de fichiers",
                        ctx.num(cap, true),
                        ctx.num(needed, true)
                    )
                } else {
                    format!(
                        "{} GB for {} GB of files",
                        ctx.num(cap, false),
                        ctx.num(needed, false)
                    )
                }),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(if fr { " ; " } else { "; " })
    };
    HeldBack {
        why: HeldWhy::OfferTooSmall,
        text: t(
            format!(
                "possible si l'offre s'agrandit : son offre prévoit {}",
                lang_parts(true)
            ),
            format!(
                "possible if the offer grows: its offer allows {}",
                lang_parts(false)
            ),
        ),
    }
}
