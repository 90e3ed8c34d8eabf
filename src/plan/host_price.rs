//! The price part of a host's score (`hosts.score`, 15 points) and the offer retained for this
//! association priced for its size: a price per account multiplied by the accounts it needs,
//! with the offer's date.

use crate::catalog::{Host, OfferFit, PriceKind, YearlyCost};

use super::host_score::Notes;
use super::hosts::{Context, PriceFor, t};

pub(super) fn points(
    ctx: &Context<'_>,
    host: &Host,
    offer: Option<&OfferFit<'_>>,
    notes: &mut Notes,
) -> i32 {
    let Some(price) = offer.map(|f| price_for(ctx, host, f.index)) else {
        notes.reason(|| t("prix 0/15 : non indiqué", "price 0/15: not stated"));
        notes.check(|| t("prix à demander", "price to ask"));
        return 0;
    };
    let o = &host.offers[offer.map_or(0, |f| f.index)];
    let (points, fr, en) = match (o.yearly_cost(ctx.accounts_known()), ctx.budget) {
        (YearlyCost::Free, _) => (15, "gratuit", "free"),
        (YearlyCost::Eur(y), Some(b)) if y <= b => (15, "dans votre budget", "within your budget"),
        (YearlyCost::Eur(_), Some(_)) => (0, "au-dessus de votre budget", "above your budget"),
        (YearlyCost::Eur(_) | YearlyCost::PerAccount(_), None) => (
            5,
            "budget d'hébergement à préciser",
            "hosting budget to state",
        ),
        (YearlyCost::PerAccount(_), Some(_)) => (
            5,
            "total selon le nombre de comptes, à préciser",
            "total depends on the number of accounts, to state",
        ),
        (YearlyCost::Unknown, _)
            if matches!(o.kind, PriceKind::FreeAmount | PriceKind::Donation) =>
        {
            (10, "prix libre ou dons", "pay what you want or donations")
        }
        (YearlyCost::Unknown, _) => (0, "montant à demander", "amount to ask"),
    };
    notes.reason(|| {
        t(
            format!("prix {points}/15 : {} — {fr}", price.text.fr),
            format!("price {points}/15: {} — {en}", price.text.en),
        )
    });
    if points == 0 {
        notes.check(|| t("prix à demander", "price to ask"));
    }
    points
}

/// The retained offer of `host` priced for this association: a price per account multiplied by
/// the accounts needed, with the offer's date.
pub(super) fn price_for(ctx: &Context<'_>, host: &Host, index: usize) -> PriceFor {
    let o = &host.offers[index];
    let date = o.date_or(host.seen).to_string();
    let cost = o.yearly_cost(ctx.accounts_known());
    let (yearly, fr, en) = match cost {
        YearlyCost::Free => (Some(0.0), "gratuit".to_string(), "free".to_string()),
        YearlyCost::Eur(y) => {
            let per = if o.per == Some(crate::catalog::PriceUnit::Account) {
                let n = ctx.accounts_known().unwrap_or(1.0);
                (
                    format!(" pour {} comptes", ctx.num(n, true)),
                    format!(" for {} accounts", ctx.num(n, false)),
                )
            } else {
                (String::new(), String::new())
            };
            (
                Some(y),
                format!("{}{}", ctx.eur_year(y, true), per.0),
                format!("{}{}", ctx.eur_year(y, false), per.1),
            )
        }
        YearlyCost::PerAccount(y) => (
            None,
            format!("{} par compte", ctx.eur_year(y, true)),
            format!("{} per account", ctx.eur_year(y, false)),
        ),
        YearlyCost::Unknown => (None, o.stated.fr.clone(), o.stated.en.clone()),
    };
    PriceFor {
        stated: o.stated.clone(),
        yearly_eur: yearly,
        per_account: matches!(cost, YearlyCost::PerAccount(_))
            || o.per == Some(crate::catalog::PriceUnit::Account),
        as_of: date.clone(),
        text: t(
            format!(
                "{fr} (offre vue {})",
                ctx.seen_on(o.date_or(host.seen), true)
            ),
            format!(
                "{en} (offer seen {})",
                ctx.seen_on(o.date_or(host.seen), false)
            ),
        ),
    }
}
