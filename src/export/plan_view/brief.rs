//! What a board reads first, composed once for every format from the typed plan and the view:
//! "En bref" (a few sentences, counts agreeing) and "Ce que nous vous proposons" (the first
//! steps with who and when, the yearly cost with what is still to be priced, the one place to
//! contact and its link).

use super::{Contact, Ctx, PlanView, safe_url};
use crate::export::escape::one_line;
use crate::i18n::{Lang, typo};
use crate::plan::{Plan, ProviderKind};

/// The first actions shown on the proposal page: at most this many.
pub const FIRST_ACTIONS: usize = 5;

/// "En bref": the plan's own synthèse, the one the TUI and the CLI show (counts agreeing, the
/// pace the roadmap was sized to, data set apart, what to find out), in the reader's language
/// with its typography.
fn summary(plan: &Plan, lang: Lang) -> Vec<String> {
    plan.summary
        .iter()
        .map(|line| typo::punct(lang, &one_line(line.get(lang))))
        .filter(|line| !line.is_empty())
        .collect()
}

/// What the plan costs a year: each provider counted once (one subscription covers several
/// needs), and what is still to be priced named.
fn yearly_cost(plan: &Plan, lang: Lang) -> String {
    let mut priced: Vec<(String, f64)> = Vec::new();
    let mut unpriced: Vec<String> = Vec::new();
    for s in plan.roadmap.iter().flat_map(|p| &p.steps) {
        let who = s.provider.as_deref().map(one_line).unwrap_or_default();
        match s.cost.eur_per_year {
            Some(x) => match priced.iter_mut().find(|(p, _)| *p == who) {
                Some((_, y)) => *y = y.max(x),
                None => priced.push((who, x)),
            },
            None if !who.is_empty() && !unpriced.contains(&who) => unpriced.push(who),
            None => {}
        }
    }
    let total: f64 = priced.iter().map(|(_, x)| x).sum();
    let base = if total == 0.0 {
        lang.pick("gratuit", "free").to_string()
    } else {
        typo::eur_per_year(lang, total)
    };
    if unpriced.is_empty() {
        let about = if total == 0.0 {
            ""
        } else {
            lang.pick("environ ", "about ")
        };
        return format!("{about}{base}");
    }
    match lang {
        Lang::Fr => {
            let of: Vec<String> = unpriced.iter().map(|n| typo::de(n)).collect();
            let ask = typo::plural(lang, unpriced.len(), "à lui demander", "à leur demander");
            let at_least = if total == 0.0 { "" } else { "au moins " };
            format!(
                "{at_least}{base}, plus le prix {} ({ask})",
                typo::list(lang, &of)
            )
        }
        Lang::En => format!(
            "{}{base}, plus the price to ask {}",
            if total == 0.0 { "" } else { "at least " },
            typo::list(lang, &unpriced)
        ),
    }
}

fn contact(plan: &Plan, lang: Lang) -> Option<Contact> {
    let fs = &plan.framaspace;
    let uses_fs = plan.recommendations.iter().any(|r| {
        r.chosen()
            .is_some_and(|p| p.kind == ProviderKind::Framaspace)
    });
    if uses_fs {
        return Some(Contact {
            name: "Frama.space".to_string(),
            url: fs.apply_url.as_deref().and_then(safe_url),
            what: lang
                .pick(
                    "demander un espace (Framasoft examine chaque demande)",
                    "ask for a space (Framasoft reviews each request)",
                )
                .to_string(),
        });
    }
    let h = plan
        .hosts
        .iter()
        .max_by_key(|h| (h.covers.len(), h.score))?;
    Some(Contact {
        name: one_line(&h.name),
        url: h.website.as_deref().and_then(safe_url),
        what: typo::count(
            lang,
            h.covers.len(),
            lang.pick("besoin à lui confier", "need to entrust to it"),
            lang.pick("besoins à lui confier", "needs to entrust to it"),
        ),
    })
}

/// Fill the summary and the proposal of the view.
pub(super) fn compose(view: &mut PlanView, plan: &Plan, c: Ctx) {
    let lang = c.lang;
    view.summary = summary(plan, lang);
    let all: Vec<_> = view.roadmap.iter().flat_map(|p| &p.steps).collect();
    view.proposal.actions = all
        .iter()
        .take(FIRST_ACTIONS)
        .map(|s| (*s).clone())
        .collect();
    let rest = all.len().saturating_sub(FIRST_ACTIONS);
    view.proposal.more = (rest > 0).then(|| {
        typo::count(
            lang,
            rest,
            lang.pick(
                "autre étape dans la feuille de route",
                "more step in the roadmap",
            ),
            lang.pick(
                "autres étapes dans la feuille de route",
                "more steps in the roadmap",
            ),
        )
    });
    view.proposal.yearly_cost = yearly_cost(plan, lang);
    view.proposal.contact = contact(plan, lang);
}
