//! What a host charges, as far as the catalogue states it, and how a group would split it.
//! Only stated prices are used (for organisations, associations or anyone): a yearly amount per
//! space first, then with no unit, per account, per membership; else a free-amount or donation
//! line; else nothing, and the text says « à vérifier ».

use serde::Serialize;

use crate::audit::format_number;
use crate::catalog::Host;
use crate::catalog::host_offer::{Audience, HostOffer, PriceKind, PriceUnit};
use crate::i18n::Text;

/// The price line chosen for a host.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriceNote {
    /// Euros per year, when an amount is stated (0 for free).
    pub yearly_eur: Option<f64>,
    pub per: Option<PriceUnit>,
    pub kind: Option<PriceKind>,
    /// The sentence as the source wrote it.
    pub stated: Option<Text>,
    /// Accounts the price includes, when stated.
    pub accounts: Option<u32>,
}

/// The price line of `host` that tells most about a shared space.
pub fn note(host: &Host) -> PriceNote {
    let for_orgs = |p: &&HostOffer| {
        p.audience.is_empty()
            || p.audience.iter().any(|a| {
                matches!(
                    a,
                    Audience::Anyone | Audience::Organisations | Audience::Associations
                )
            })
    };
    let rank = |p: &HostOffer| match p.per {
        Some(PriceUnit::Organisation) => 0,
        None => 1,
        Some(PriceUnit::Account) => 2,
        Some(PriceUnit::Membership) => 3,
    };
    let with_amount = host
        .offers
        .iter()
        .filter(for_orgs)
        .filter(|p| p.yearly_eur().is_some())
        .min_by_key(|p| rank(p));
    let chosen = with_amount.or_else(|| {
        host.offers
            .iter()
            .filter(for_orgs)
            .find(|p| matches!(p.kind, PriceKind::FreeAmount | PriceKind::Donation))
    });
    match chosen {
        Some(p) => PriceNote {
            yearly_eur: p.yearly_eur(),
            per: p.per,
            kind: Some(p.kind),
            stated: Some(p.stated.clone()),
            accounts: p.accounts,
        },
        None => PriceNote {
            yearly_eur: None,
            per: None,
            kind: None,
            stated: None,
            accounts: None,
        },
    }
}

/// An amount as English writes it (`16.67`).
fn eur(x: f64) -> String {
    format_number((x * 100.0).round() / 100.0)
}

/// An amount as French writes it (`16,67`).
fn eur_fr(x: f64) -> String {
    eur(x).replace('.', ",")
}

/// « ; formule limitée à 10 comptes, le groupe en compte 24 » when the group outgrows the plan.
fn quota(p: &PriceNote, accounts: Option<f64>) -> Text {
    match (p.accounts, accounts) {
        (Some(limit), Some(a)) if a > f64::from(limit) => Text::new(
            format!(
                " ; formule limitée à {limit} comptes, le groupe en compte {}",
                format_number(a)
            ),
            format!(
                "; plan limited to {limit} accounts, the group has {}",
                format_number(a)
            ),
        ),
        _ => Text::default(),
    }
}

/// The cost sentence for `n` associations sharing one space at this price; `accounts` is the
/// total of accounts they stated (`None` when one of them did not say).
pub fn split(p: &PriceNote, n: usize, accounts: Option<f64>) -> Text {
    let n_f = n.max(1) as f64;
    match (p.yearly_eur, p.per, p.kind) {
        (Some(0.0), _, _) => Text::new(
            "Coût : gratuit selon le tarif publié (à confirmer pour un groupe).",
            "Cost: free according to the published price (to confirm for a group).",
        ),
        (Some(y), Some(PriceUnit::Organisation) | None, _) => Text::new(
            format!(
                "Coût partagé : {} €/an pour l'espace commun, soit {} € par association, au lieu de {} € chacune séparément (tarif publié, à confirmer){}.",
                eur_fr(y),
                eur_fr(y / n_f),
                eur_fr(y),
                quota(p, accounts).fr
            ),
            format!(
                "Shared cost: {} EUR/year for the common space, {} EUR per association, instead of {} EUR each separately (published price, to confirm){}.",
                eur(y),
                eur(y / n_f),
                eur(y),
                quota(p, accounts).en
            ),
        ),
        (Some(y), Some(PriceUnit::Account), _) => match accounts {
            Some(a) if a > 0.0 => Text::new(
                format!(
                    "Tarif par compte ({} €/an) : {} comptes en tout, environ {} €/an, soit {} € par association en moyenne ; la mise en commun ne baisse pas ce tarif, elle simplifie l'installation.",
                    eur_fr(y),
                    format_number(a),
                    eur_fr(y * a),
                    eur_fr(y * a / n_f)
                ),
                format!(
                    "Price per account ({} EUR/year): {} accounts in all, about {} EUR/year, {} EUR per association on average; pooling does not lower this price, it simplifies the setup.",
                    eur(y),
                    format_number(a),
                    eur(y * a),
                    eur(y * a / n_f)
                ),
            ),
            _ => Text::new(
                format!(
                    "Tarif par compte ({} €/an) : total à vérifier (nombre de comptes à préciser).",
                    eur_fr(y)
                ),
                format!(
                    "Price per account ({} EUR/year): total to check (number of accounts to state).",
                    eur(y)
                ),
            ),
        },
        (Some(y), Some(PriceUnit::Membership), _) => Text::new(
            format!(
                "Adhésion à l'hébergeur : {} €/an par association ; une adhésion commune pour le groupe est à vérifier avec lui.",
                eur_fr(y)
            ),
            format!(
                "Membership of the host: {} EUR/year per association; a common membership for the group is to check with it.",
                eur(y)
            ),
        ),
        (None, _, Some(PriceKind::FreeAmount | PriceKind::Donation)) => Text::new(
            "Coût : prix libre, à fixer ensemble avec l'hébergeur et à partager.",
            "Cost: pay what you want, to set together with the host and share.",
        ),
        _ => Text::new(
            "Coût : à vérifier auprès de l'hébergeur (pas de tarif publié au catalogue).",
            "Cost: to check with the host (no published price in the catalogue).",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(y: Option<f64>, per: Option<PriceUnit>, kind: PriceKind) -> PriceNote {
        PriceNote {
            yearly_eur: y,
            per,
            kind: Some(kind),
            stated: None,
            accounts: None,
        }
    }

    #[test]
    fn a_space_price_is_divided() {
        let t = split(
            &note(Some(60.0), Some(PriceUnit::Organisation), PriceKind::Fixed),
            3,
            None,
        );
        assert!(
            t.fr.contains("60 €/an") && t.fr.contains("20 € par association"),
            "{}",
            t.fr
        );
    }

    #[test]
    fn an_account_price_is_summed() {
        let p = note(Some(12.0), Some(PriceUnit::Account), PriceKind::Fixed);
        let t = split(&p, 2, Some(10.0));
        assert!(
            t.fr.contains("120 €/an") && t.fr.contains("60 €"),
            "{}",
            t.fr
        );
        assert!(split(&p, 2, None).fr.contains("à vérifier"));
    }

    #[test]
    fn no_price_is_to_check() {
        let none = PriceNote {
            yearly_eur: None,
            per: None,
            kind: None,
            stated: None,
            accounts: None,
        };
        assert!(split(&none, 2, None).fr.contains("à vérifier"));
        let free = note(None, None, PriceKind::FreeAmount);
        assert!(split(&free, 2, None).fr.contains("prix libre"));
    }
}
