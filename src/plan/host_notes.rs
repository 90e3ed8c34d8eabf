//! What the plan says about its host choice as a whole, in sentences: what to find out first
//! when the picks are provisional, that no host near the association is known, which picks are
//! to re-check; and the summary's host lines (main hosts, those for a single need, those to
//! re-check).

use crate::i18n::{Lang, Text, typo};

use super::hosts::{Blocking, Context, HostChoice, HostPick, t};

pub(super) fn notes(ctx: &Context<'_>, picks: &[HostPick], near_known: bool) -> Vec<Text> {
    let mut notes = Vec::new();
    let provisional = !ctx.find_first.is_empty();
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
        let recheck = ctx
            .catalog
            .host(&p.id)
            .is_some_and(|h| h.membership_evidence.recheck.is_some());
        let (fr, en) = if recheck {
            (
                "appartenance aux CHATONS à revérifier".to_string(),
                "CHATONS membership to re-check".to_string(),
            )
        } else {
            let seen = ctx.catalog.host(&p.id).map(super::host_score::newest_fact);
            (
                seen.map_or_else(
                    || "informations anciennes".to_string(),
                    |d| format!("informations vues {}", ctx.seen_on(d, true)),
                ),
                seen.map_or_else(
                    || "old facts".to_string(),
                    |d| format!("facts seen {}", ctx.seen_on(d, false)),
                ),
            )
        };
        notes.push(t(
            format!(
                "{} : {fr} — seul hébergeur du catalogue pour ce qu'il prend ; à revérifier avant de le recommander.",
                p.name
            ),
            format!(
                "{}: {en} — the only host in the catalogue for what it takes; re-check before recommending it.",
                p.name
            ),
        ));
    }
    notes
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
                "{} CHATONS {fr}{} : {}.",
                typo::plural(Lang::Fr, main.len(), "Hébergeur", "Hébergeurs"),
                provisional.0,
                names(&main, Lang::Fr, false)
            ),
            format!(
                "CHATONS {} {en}{}: {}.",
                typo::plural(Lang::En, main.len(), "host", "hosts"),
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
    out
}
