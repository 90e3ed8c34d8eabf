//! `diagasso catalog stale [--months N] [--json]`: what a trainer should re-check before a
//! workshop — host entries, their stated offers, and the status, audience and quotas of
//! Frama.space and Framasoft's services whose facts are older than N months (36 by default, the
//! line past which a host is « à revérifier avant de recommander »), oldest first, each with the
//! source to look at; then the closures whose announced date has passed.

use std::process::ExitCode;

use serde_json::json;

use super::labels::{dated, human};
use super::{Context, effective, today};
use crate::catalog::freshness::{self, StaleKind};
use crate::catalog::{PartialDate, ServiceState};
use crate::export::escape::one_line;
use crate::i18n::{Lang, typo};

fn kind(lang: Lang, k: StaleKind) -> &'static str {
    match k {
        StaleKind::Host => lang.pick("hébergeur", "host"),
        StaleKind::HostOffer => lang.pick("offre", "offer"),
        StaleKind::Offer => lang.pick("service Framasoft", "Framasoft service"),
    }
}

/// Cut a long offer wording to one short line (whole characters).
fn short(s: &str) -> String {
    let s = one_line(s);
    match s.char_indices().nth(90) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or(&s)),
        None => s,
    }
}

pub fn run(ctx: &Context, months: i64, json: bool) -> ExitCode {
    let cat = match effective(ctx) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let today = today();
    let day = PartialDate::day(today);
    let items = freshness::stale(&cat, today, months);
    let passed: Vec<_> = cat
        .offers
        .iter()
        .filter_map(|o| o.status.as_ref().map(|s| (o, s)))
        .filter(|(_, s)| s.closure_passed(&day) && s.state == ServiceState::ClosurePlanned)
        .collect();
    if json {
        let closures: Vec<_> = passed
            .iter()
            .map(|(o, s)| json!({ "id": o.id, "name": o.name, "closes": s.closes.map(|d| d.to_string()), "source": s.source }))
            .collect();
        let out = json!({
            "today": today.to_string(),
            "months": months,
            "items": items,
            "closure_dates_passed": closures,
        });
        outln!("{out}");
        return ExitCode::SUCCESS;
    }
    let l = ctx.lang;
    let hosts = items.iter().filter(|i| i.kind == StaleKind::Host).count();
    outln!(
        "{}",
        match l {
            Lang::Fr => format!(
                "À revérifier avant un atelier : {} de plus de {} ({}), les plus anciennes d'abord.",
                typo::count(l, items.len(), "information", "informations"),
                typo::count(l, months, "mois", "mois"),
                typo::count(l, hosts, "fiche d'hébergeur", "fiches d'hébergeur"),
            ),
            Lang::En => format!(
                "To re-check before a workshop: {} older than {} ({}), oldest first.",
                typo::count(l, items.len(), "fact", "facts"),
                typo::count(l, months, "month", "months"),
                typo::count(l, hosts, "host entry", "host entries"),
            ),
        }
    );
    for i in &items {
        let undated = if i.undated {
            l.pick(
                " (date reprise de la fiche)",
                " (date carried over from the entry)",
            )
        } else {
            ""
        };
        outln!(
            "- {} · {} {} ({}) · {}{undated}\n  {} {}",
            dated(l, i.as_of, today),
            kind(l, i.kind),
            one_line(&i.name),
            i.id,
            short(i.what.get(l)),
            l.pick("voir :", "see:"),
            one_line(&i.source)
        );
    }
    for (o, s) in &passed {
        let when = s.closes.map(|d| human(l, d)).unwrap_or_default();
        outln!(
            "- {} {} ({}) : {} {when} — {} {}",
            kind(l, StaleKind::Offer),
            one_line(&o.name),
            o.id,
            l.pick("fermeture annoncée pour le", "closure announced for"),
            l.pick(
                "date passée, à vérifier ; voir :",
                "date passed, to check; see:"
            ),
            one_line(&s.source)
        );
    }
    if items.is_empty() && passed.is_empty() {
        outln!("{}", l.pick("Rien à revérifier.", "Nothing to re-check."));
    }
    ExitCode::SUCCESS
}
