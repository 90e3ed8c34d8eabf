//! The price part of a host's score (`hosts.score`, 15 points) and the offer retained for this
//! association priced for its size: a price per account multiplied by the accounts it needs,
//! with the offer's date.

use crate::catalog::{Host, OfferFit, PriceKind, Verdict, YearlyCost};

use super::host_score::Notes;
use super::hosts::{Context, PriceFor, t};

pub(super) fn points(
    ctx: &Context<'_>,
    host: &Host,
    offer: Option<&OfferFit<'_>>,
    notes: &mut Notes,
) -> i32 {
    let Some(fit) = offer else {
        notes.reason(|| t("prix 0/15 : non indiqué", "price 0/15: not stated"));
        notes.check(|| t("prix à demander", "price to ask"));
        return 0;
    };
    let price = price_for(ctx, host, fit.index);
    let o = fit.offer;
    let cost = o.yearly_cost(ctx.accounts_known());
    let (points, fr, en) = match (cost, ctx.budget) {
        // Pay what you can (an amount only suggested): the budget question does not arise.
        (_, _) if o.kind == PriceKind::Suggested => (
            10,
            "prix libre, montant suggéré",
            "pay what you can, amount suggested",
        ),
        // An amount seen for another public, or for a public the source does not name, is not
        // this organisation's price: neither free nor within its budget until confirmed.
        (YearlyCost::Free | YearlyCost::Eur(_) | YearlyCost::PerAccount(_), _)
            if !price.for_this_organisation =>
        {
            (5, "", "")
        }
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
        if fr.is_empty() {
            // The price text already says what is to confirm.
            return t(
                format!("prix {points}/15 : {}", price.text.fr),
                format!("price {points}/15: {}", price.text.en),
            );
        }
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
    let for_this_organisation = o.audience_fit(ctx.kind) == Verdict::Yes;
    if !for_this_organisation && !matches!(cost, YearlyCost::Unknown) {
        // Not known to be offered to this organisation: the price as stated, never totalled
        // for its accounts (an individual's yearly fee times 110 is no federation's price).
        return PriceFor {
            stated: o.stated.clone(),
            yearly_eur: None,
            per_account: o.per == Some(crate::catalog::PriceUnit::Account),
            for_this_organisation,
            as_of: date,
            text: t(
                format!(
                    "« {} » — public de l'offre non précisé, à confirmer (vu {})",
                    o.stated.fr,
                    ctx.seen_on(o.date_or(host.seen), true)
                ),
                format!(
                    "'{}' — the offer's public not stated, to confirm (seen {})",
                    o.stated.en,
                    ctx.seen_on(o.date_or(host.seen), false)
                ),
            ),
        };
    }
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
        for_this_organisation,
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
