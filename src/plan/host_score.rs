//! The score of a host for this association (`hosts.score`), each point with its reason in
//! plain words: nearness (+15 same département, +10 same region, +5 same country), stated price
//! against the hosting budget (+10 free or within budget, −10 above, +5 pay what you want), a
//! stated offer for associations (+10), how its CHATONS membership is evidenced (+10 by the host
//! or the collective, +5 by a third party, 0 implied), and the age of its facts measured against
//! the catalogue's date (+5 within 12 months, −5 beyond 36). Unknown facts score 0 and are
//! listed « à vérifier ».

use crate::audit::format_number;
use crate::catalog::host::Stated;
use crate::catalog::{Host, MembershipBasis, PriceKind};
use crate::i18n::Text;

use super::geo::{region_of, same_region};
use super::hosts::{Context, t};

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

/// Add the score of `host` beyond its coverage.
pub(super) fn score(ctx: &Context<'_>, host: &Host, score: &mut i32, notes: &mut Notes) {
    nearness(ctx, host, score, notes);
    price(ctx.budget, host, score, notes);
    if host.association_offer.offered == Stated::Yes {
        *score += 10;
        notes.reason(|| {
            t(
                "+10 : offre pour les associations",
                "+10: offer for associations",
            )
        });
    }
    match host.membership_evidence.basis {
        MembershipBasis::StatedByHost | MembershipBasis::StatedByCollective => {
            *score += 10;
            notes.reason(|| {
                t(
                    "+10 : membre des CHATONS (dit par l'hébergeur ou le collectif)",
                    "+10: CHATONS member (stated by the host or the collective)",
                )
            });
        }
        MembershipBasis::StatedByThirdParty => {
            *score += 5;
            notes.reason(|| {
                t(
                    "+5 : membre des CHATONS selon une source tierce",
                    "+5: CHATONS member according to a third party",
                )
            });
        }
        MembershipBasis::Implied => {
            notes.reason(|| {
                t(
                    "+0 : appartenance aux CHATONS seulement supposée",
                    "+0: CHATONS membership only implied",
                )
            });
            notes.check(|| {
                t(
                    "appartenance aux CHATONS à vérifier",
                    "CHATONS membership to check",
                )
            });
        }
    }
    let age = host.seen.age_in_months(ctx.catalog.as_of.first_day());
    if age <= 12 {
        *score += 5;
        notes.reason(|| {
            t(
                format!("+5 : informations récentes ({})", host.seen),
                format!("+5: recent facts ({})", host.seen),
            )
        });
    } else if age > 36 {
        *score -= 5;
        notes.reason(|| {
            t(
                format!("−5 : informations anciennes ({})", host.seen),
                format!("−5: old facts ({})", host.seen),
            )
        });
        notes.check(|| {
            t(
                format!(
                    "informations de {} : vérifier que le service existe encore",
                    host.seen
                ),
                format!("facts from {}: check the service still exists", host.seen),
            )
        });
    }
}

fn nearness(ctx: &Context<'_>, host: &Host, score: &mut i32, notes: &mut Notes) {
    let place = &host.place;
    let country = ctx.country.as_str();
    let host_country = place.country.as_deref().map(str::trim);
    if let Some(dep) = ctx.departement.as_deref() {
        if place.departements.iter().any(|d| d == dep) {
            *score += 15;
            notes.reason(|| {
                t(
                    format!("+15 : même département ({dep})"),
                    format!("+15: same département ({dep})"),
                )
            });
            return;
        }
        if let Some(region) = region_of(dep) {
            let host_region = place
                .region
                .as_deref()
                .is_some_and(|r| same_region(r, region))
                || place
                    .departements
                    .iter()
                    .any(|d| region_of(d) == Some(region));
            if host_region {
                *score += 10;
                notes.reason(|| {
                    t(
                        format!("+10 : même région ({region})"),
                        format!("+10: same region ({region})"),
                    )
                });
                return;
            }
        }
    }
    match host_country {
        Some(c) if !country.is_empty() && c.eq_ignore_ascii_case(country) => {
            *score += 5;
            notes.reason(|| {
                t(
                    format!("+5 : même pays ({c})"),
                    format!("+5: same country ({c})"),
                )
            });
        }
        Some(c) => notes.reason(|| {
            t(
                format!("+0 : autre pays ({c})"),
                format!("+0: another country ({c})"),
            )
        }),
        None => {
            notes.reason(|| t("+0 : lieu non indiqué", "+0: place not stated"));
            notes.check(|| {
                t(
                    "lieu à vérifier (utile pour un accompagnement sur place)",
                    "place to check (useful for on-site support)",
                )
            });
        }
    }
}

fn price(budget: Option<f64>, host: &Host, score: &mut i32, notes: &mut Notes) {
    let yearly = super::host_score::cheapest(host);
    let as_of = host
        .offers
        .iter()
        .filter_map(|p| p.as_of)
        .max()
        .map_or_else(|| host.seen.to_string(), |d| d.to_string());
    match (yearly, budget) {
        (Some(p), _) if p <= 0.0 => {
            *score += 10;
            notes.reason(|| {
                t(
                    format!("+10 : une formule gratuite est indiquée (source de {as_of})"),
                    format!("+10: a free plan is stated (source of {as_of})"),
                )
            });
            notes.check(|| {
                t(
                    "vérifier que la formule gratuite convient à une association (place, comptes)",
                    "check the free plan suits an association (storage, accounts)",
                )
            });
        }
        (Some(p), Some(b)) if p <= b => {
            *score += 10;
            notes.reason(|| {
                t(
                    format!(
                        "+10 : à partir de {} €/an ({as_of}), dans le budget de {} €/an",
                        format_number(p),
                        format_number(b)
                    ),
                    format!(
                        "+10: from {} €/year ({as_of}), within the budget of {} €/year",
                        format_number(p),
                        format_number(b)
                    ),
                )
            });
        }
        (Some(p), Some(b)) => {
            *score -= 10;
            notes.reason(|| {
                t(
                    format!(
                        "−10 : à partir de {} €/an ({as_of}), au-dessus du budget de {} €/an",
                        format_number(p),
                        format_number(b)
                    ),
                    format!(
                        "−10: from {} €/year ({as_of}), above the budget of {} €/year",
                        format_number(p),
                        format_number(b)
                    ),
                )
            });
        }
        (Some(p), None) => {
            notes.reason(|| {
                t(
                    format!(
                        "+0 : à partir de {} €/an ({as_of}) ; budget d'hébergement à préciser",
                        format_number(p)
                    ),
                    format!(
                        "+0: from {} €/year ({as_of}); hosting budget to set",
                        format_number(p)
                    ),
                )
            });
        }
        (None, _)
            if host.offers.iter().any(|p| {
                matches!(
                    p.kind,
                    PriceKind::FreeAmount | PriceKind::Donation | PriceKind::Suggested
                )
            }) =>
        {
            *score += 5;
            notes.reason(|| {
                t(
                    "+5 : prix libre ou dons",
                    "+5: pay what you want or donations",
                )
            });
        }
        (None, _) => {
            notes.reason(|| t("+0 : prix non indiqué", "+0: price not stated"));
            notes.check(|| t("prix à demander", "price to ask"));
        }
    }
}

pub(crate) fn cheapest(host: &Host) -> Option<f64> {
    host.offers
        .iter()
        .filter(|p| p.audience.is_empty() || p.audience.iter().any(|a| !matches!(a, crate::catalog::Audience::Individuals | crate::catalog::Audience::Specific)))
        .filter_map(crate::catalog::HostOffer::yearly_eur)
        .min_by(f64::total_cmp)
}
