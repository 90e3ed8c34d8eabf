//! The score of a host for this association (`hosts.score`), on a stated scale of 100, each
//! part with its reason in plain words:
//!
//! | part | points |
//! |---|---|
//! | nearness | 30 same département, 25 neighbouring département (or, for an association outside France, the same country), 15 same region, 10 same country, 0 elsewhere or unknown |
//! | offer | 25 a stated offer open to this kind of organisation that fits its size, 15 one to check (caps or audience not stated, size unknown) or an association offer said to exist without terms, 0 none stated |
//! | price | 15 free or within the hosting budget, 10 pay what you want or donations, 5 an amount but no budget known (or per account, accounts unknown), 0 above the budget or not stated |
//! | membership | 15 stated by the host or the collective, 8 by a third party, 0 implied or to re-check |
//! | freshness | 15 newest fact within 12 months, 8 within 36, 0 older (then « à revérifier avant de recommander ») |
//!
//! The score orders hosts that can take the same need; it never outweighs nearness or breadth in
//! the choice of the set (`cover`). Unknown facts score 0 and are listed « à vérifier ».

use crate::catalog::host::Stated;
use crate::catalog::{
    Host, MembershipBasis, OfferFit, PartialDate, Verdict, Why, host_fit::ApplicantKind,
};
use crate::i18n::Text;

use super::geo::{neighbours, region_of, same_region};
use super::hosts::{Context, Nearness, t};

/// Facts older than this many months are to re-check before recommending the host.
pub(crate) const RECHECK_AFTER_MONTHS: i64 = 36;

/// The reasons and facts to check of a host's score, written only when they will be shown: most
/// hosts are scored only to be compared.
pub(super) struct Notes {
    pub on: bool,
    pub reasons: Vec<Text>,
    pub to_check: Vec<Text>,
}

impl Notes {
    pub fn new(on: bool) -> Notes {
        Notes {
            on,
            reasons: Vec::new(),
            to_check: Vec::new(),
        }
    }

    pub fn reason(&mut self, text: impl FnOnce() -> Text) {
        if self.on {
            self.reasons.push(text());
        }
    }

    pub fn check(&mut self, text: impl FnOnce() -> Text) {
        if self.on {
            self.to_check.push(text());
        }
    }
}

pub(super) struct Scored {
    pub score: i32,
    pub near: Nearness,
    /// Facts older than three years, or membership to re-check.
    pub stale: bool,
}

/// The score of `host` with `offer` retained for this association.
pub(super) fn score(
    ctx: &Context<'_>,
    host: &Host,
    offer: Option<&OfferFit<'_>>,
    notes: &mut Notes,
) -> Scored {
    let near = nearness(ctx, host);
    let mut total = near_points(ctx, near, host, notes);
    total += offer_points(ctx, host, offer, notes);
    total += super::host_price::points(ctx, host, offer, notes);
    let (points, recheck) = membership_points(host, notes);
    total += points;
    let (points, old) = freshness_points(ctx, host, notes);
    total += points;
    Scored {
        score: total,
        near,
        stale: recheck || old,
    }
}

/// Where the host is from the association's point of view.
pub(super) fn nearness(ctx: &Context<'_>, host: &Host) -> Nearness {
    let place = &host.place;
    let host_country = place
        .country
        .as_deref()
        .map(str::trim)
        .or((!place.departements.is_empty()).then_some("FR"));
    if let Some(dep) = ctx.departement.as_deref() {
        if place.departements.iter().any(|d| d == dep) {
            return Nearness::SameDepartement;
        }
        if place.departements.iter().any(|d| neighbours(d, dep)) {
            return Nearness::Neighbour;
        }
        if let Some(region) = region_of(dep) {
            let same = place
                .region
                .as_deref()
                .is_some_and(|r| same_region(r, region))
                || place
                    .departements
                    .iter()
                    .any(|d| region_of(d) == Some(region));
            if same {
                return Nearness::SameRegion;
            }
        }
    }
    match host_country {
        Some(c) if !ctx.country.is_empty() && c.eq_ignore_ascii_case(&ctx.country) => {
            Nearness::SameCountry
        }
        Some(_) => Nearness::OtherCountry,
        None => Nearness::Unknown,
    }
}

fn near_points(ctx: &Context<'_>, near: Nearness, host: &Host, notes: &mut Notes) -> i32 {
    let dep = ctx.departement.as_deref().unwrap_or("");
    let country = host.place.country.as_deref().unwrap_or("");
    let (points, fr, en) = match near {
        Nearness::SameDepartement => (
            30,
            format!("même département ({dep})"),
            format!("same département ({dep})"),
        ),
        Nearness::Neighbour => (
            25,
            format!("département voisin du vôtre ({dep})"),
            format!("département next to yours ({dep})"),
        ),
        Nearness::SameRegion => (15, "même région".into(), "same region".into()),
        Nearness::SameCountry if ctx.departement.is_none() && !ctx.in_france() => (
            25,
            format!("même pays ({country})"),
            format!("same country ({country})"),
        ),
        Nearness::SameCountry => (
            10,
            format!(
                "même pays ({}), loin de chez vous ou lieu précis inconnu",
                ctx.country
            ),
            format!(
                "same country ({}), far from you or exact place unknown",
                ctx.country
            ),
        ),
        Nearness::OtherCountry => (
            0,
            format!("autre pays ({country})"),
            format!("another country ({country})"),
        ),
        Nearness::Unknown => (0, "lieu non indiqué".into(), "place not stated".into()),
    };
    notes.reason(|| {
        t(
            format!("proximité {points}/30 : {fr}"),
            format!("nearness {points}/30: {en}"),
        )
    });
    if near == Nearness::Unknown {
        notes.check(|| {
            t(
                "lieu à vérifier (utile pour un accompagnement sur place)",
                "place to check (useful for on-site support)",
            )
        });
    }
    points
}

fn offer_points(
    ctx: &Context<'_>,
    host: &Host,
    offer: Option<&OfferFit<'_>>,
    notes: &mut Notes,
) -> i32 {
    match offer {
        Some(f) if f.verdict == Verdict::Yes => {
            notes.reason(|| {
                t(
                    format!(
                        "offre 25/25 : « {} » convient à votre taille",
                        f.offer.stated.fr
                    ),
                    format!("offer 25/25: '{}' fits your size", f.offer.stated.en),
                )
            });
            25
        }
        Some(f) => {
            notes.reason(|| {
                t(
                    format!("offre 15/25 : « {} », à vérifier", f.offer.stated.fr),
                    format!("offer 15/25: '{}', to check", f.offer.stated.en),
                )
            });
            for w in &f.why {
                notes.check(|| why_text(ctx, w));
            }
            15
        }
        None if ctx.kind == ApplicantKind::NonProfit
            && host.association_offer.offered == Stated::Yes =>
        {
            notes.reason(|| {
                t(
                    "offre 15/25 : dit proposer une offre pour les associations, conditions à demander",
                    "offer 15/25: says it has an offer for associations, terms to ask",
                )
            });
            15
        }
        None if host.offers.is_empty() => {
            notes.reason(|| {
                t(
                    "offre 0/25 : aucune offre ni formule indiquée",
                    "offer 0/25: no offer or plan stated",
                )
            });
            notes.check(|| t("offre et conditions à demander", "offer and terms to ask"));
            0
        }
        None => {
            notes.reason(|| {
                t(
                    "offre 0/25 : aucune offre indiquée pour votre type de structure",
                    "offer 0/25: no offer stated for your kind of organisation",
                )
            });
            notes.check(|| t("offre et conditions à demander", "offer and terms to ask"));
            0
        }
    }
}

fn why_text(ctx: &Context<'_>, w: &Why) -> Text {
    match *w {
        Why::AudienceNotStated => t(
            "à qui s'adresse l'offre n'est pas indiqué",
            "who the offer is for is not stated",
        ),
        Why::AssociationsOnly => t(
            "offre réservée aux associations : vérifier qu'elle vous est ouverte",
            "offer for associations only: check it is open to you",
        ),
        Why::AccountsUnknown { cap } => t(
            format!(
                "{} comptes au plus : nombre de comptes nécessaires à préciser",
                ctx.num(f64::from(cap), true)
            ),
            format!(
                "at most {} accounts: number of accounts needed to state",
                ctx.num(f64::from(cap), false)
            ),
        ),
        Why::StorageUnknown { cap } => t(
            format!("{} Go : volume de fichiers à préciser", ctx.num(cap, true)),
            format!("{} GB: volume of files to state", ctx.num(cap, false)),
        ),
        Why::CapsNotStated => t(
            "nombre de comptes et espace compris non indiqués",
            "accounts and storage included not stated",
        ),
        Why::Individuals | Why::SpecificPublic => {
            t("offre pour un autre public", "offer for another public")
        }
        Why::AccountsBelow { .. } | Why::StorageBelow { .. } => {
            t("offre trop petite", "offer too small")
        }
    }
}

fn membership_points(host: &Host, notes: &mut Notes) -> (i32, bool) {
    if host.membership_evidence.recheck.is_some() {
        notes.reason(|| {
            t(
                "CHATONS 0/15 : appartenance à revérifier (absent du dernier fichier de la fédération)",
                "CHATONS 0/15: membership to re-check (absent from the latest federation file)",
            )
        });
        notes.check(|| {
            t(
                "appartenance aux CHATONS à revérifier avant de recommander",
                "CHATONS membership to re-check before recommending",
            )
        });
        return (0, true);
    }
    let (points, fr, en) = match host.membership_evidence.basis {
        MembershipBasis::StatedByHost | MembershipBasis::StatedByCollective => (
            15,
            "membre, dit par l'hébergeur ou le collectif",
            "member, stated by the host or the collective",
        ),
        MembershipBasis::StatedByThirdParty => (
            8,
            "membre selon une source tierce",
            "member according to a third party",
        ),
        MembershipBasis::Implied => (
            0,
            "appartenance seulement supposée",
            "membership only implied",
        ),
    };
    notes.reason(|| {
        t(
            format!("CHATONS {points}/15 : {fr}"),
            format!("CHATONS {points}/15: {en}"),
        )
    });
    if points == 0 {
        notes.check(|| {
            t(
                "appartenance aux CHATONS à vérifier",
                "CHATONS membership to check",
            )
        });
    }
    (points, false)
}

/// The newest dated fact of a host: its `seen` or an offer's date.
pub(crate) fn newest_fact(host: &Host) -> PartialDate {
    host.offers
        .iter()
        .filter_map(|o| o.as_of)
        .fold(host.seen, PartialDate::max)
}

fn freshness_points(ctx: &Context<'_>, host: &Host, notes: &mut Notes) -> (i32, bool) {
    let newest = newest_fact(host);
    let age = newest.age_in_months(ctx.catalog.as_of.first_day());
    let (points, old) = if age <= 12 {
        (15, false)
    } else if age <= RECHECK_AFTER_MONTHS {
        (8, false)
    } else {
        (0, true)
    };
    notes.reason(|| {
        t(
            format!(
                "fraîcheur {points}/15 : informations vues {}",
                ctx.seen_on(newest, true)
            ),
            format!(
                "freshness {points}/15: facts seen {}",
                ctx.seen_on(newest, false)
            ),
        )
    });
    if old {
        notes.check(|| {
            t(
                format!(
                    "informations vues {} : à revérifier avant de recommander",
                    ctx.seen_on(newest, true)
                ),
                format!(
                    "facts seen {}: to re-check before recommending",
                    ctx.seen_on(newest, false)
                ),
            )
        });
    }
    (points, old)
}
