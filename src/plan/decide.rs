//! One decision per tool, after the recommendations (`decide.*`): a tool the plan keeps for one
//! need is never "moved" by another, and the recommendations say so.
//!
//! 1. Kept tools (`decide.kept`): a tool used for a need the catalogue cannot answer (HelloAsso
//!    for online payments) stays; a social network stays alongside the free one (POSSE). Every
//!    other recommendation that would move away from an account kept this way leaves it out of
//!    its `from`, says why, and becomes `keep` when nothing else is left to move. Software on a
//!    computer or paper kept for one need (`decide.kept-apart`: the Excel workbook of the tasks)
//!    does not hold the others' data: they still leave it, and say why it stays.
//! 2. Outreach (`roadmap.alongside`): a free network already used next to a commercial one is
//!    published on first, the commercial one kept — never "move everything to Mastodon". A need
//!    whose only tools stay alongside for their audience (the Facebook page that stands in for a
//!    website) gets its free tool beside them too, never "keep Facebook as your website".
//! 3. Co-editing (`decide.co-editing`): a team that edits documents together keeps a service
//!    that co-edits — Frama.space when it is recommended, else a host's online editor among the
//!    alternatives, else the online editor it uses today (kept); desktop software (LibreOffice)
//!    stays for work on one's own.
//! 4. Already in use (`decide.in-use`): free software the association already uses is extended
//!    to a new need, never "started".

use crate::catalog::{Catalog, SoftwareKind, ToolKind};
use crate::i18n::Text;

use super::framaspace::Framaspace;
use super::hosts::ProviderKind;
use super::needs::NeedUse;
use super::read::Read;
use super::recommend::{Action, Recommendation, SoftwareRef, special};
use super::route::OUTREACH;

/// A tool the plan keeps, and the need that keeps it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Kept {
    pub tool: String,
    pub name: Text,
    pub need: String,
    pub why: Text,
    /// Whether the other needs' data stays in it too (see [`holds_every_need`]).
    pub holds_every_need: bool,
    /// Kept alongside a free tool for its audience (a Facebook page), not for want of one.
    pub alongside: bool,
}

/// Apply the decisions to the recommendations; returns the tools kept.
pub(crate) fn decide(
    read: &Read<'_>,
    catalog: &Catalog,
    needs: &[NeedUse],
    fs: &Framaspace,
    recos: &mut [Recommendation],
) -> Vec<Kept> {
    let need_of = |r: &Recommendation| needs.iter().find(|n| n.need == r.need);
    for r in recos.iter_mut() {
        if r.action == Action::Consolidate
            && let Some(need) = need_of(r)
        {
            consolidate_onto(catalog, need, r);
        }
        if OUTREACH.contains(&r.need.as_str()) && r.action == Action::Consolidate {
            r.action = Action::AddAlongside;
            r.trace.add_rule("roadmap.alongside");
            // "Use it instead of Facebook" no longer holds: both stay.
            r.reasons.clear();
            r.reasons.push(Text::new(
                format!(
                    "Publiez d'abord là, en gardant {} en parallèle : votre public y est encore.",
                    Text::list(&r.from).fr
                ),
                format!(
                    "Publish there first, keeping {} alongside: your audience is still there.",
                    Text::list(&r.from).en
                ),
            ));
        }
    }
    co_editing(read, catalog, fs, recos);
    platforms(read, catalog, recos);
    let mut kept: Vec<Kept> = Vec::new();
    // Needs nothing answers first: their reason is the one a kept tool shows.
    let mut order: Vec<&Recommendation> = recos.iter().collect();
    order.sort_by_key(|r| r.action != Action::Find);
    for r in order {
        let why = match r.action {
            Action::Find if !r.from.is_empty() => Text::new(
                format!("aucune solution libre au catalogue pour « {} »", r.label.fr),
                format!("no free answer in the catalogue for '{}'", r.label.en),
            ),
            Action::AddAlongside => Text::new(
                "gardé en parallèle : votre public y est",
                "kept alongside: your audience is there",
            ),
            Action::Keep if !r.from.is_empty() => Text::new(
                "gardé pour rédiger à plusieurs, faute d'autre service au catalogue",
                "kept for writing together, for want of another service in the catalogue",
            ),
            _ => continue,
        };
        let Some(need) = need_of(r) else { continue };
        for t in need.proprietary_tools() {
            let Some(id) = &t.tool else { continue };
            if !kept.iter().any(|k| &k.tool == id) {
                kept.push(Kept {
                    tool: id.clone(),
                    name: t.name.clone(),
                    need: r.need.clone(),
                    why: why.clone(),
                    holds_every_need: holds_every_need(catalog, id),
                    alongside: r.action == Action::AddAlongside,
                });
            }
        }
    }
    for r in recos.iter_mut() {
        if !matches!(r.action, Action::Replace | Action::Consolidate) {
            continue;
        }
        let Some(need) = need_of(r) else { continue };
        let (here, apart): (Vec<&Kept>, Vec<&Kept>) = kept
            .iter()
            .filter(|k| {
                k.need != r.need
                    && need
                        .proprietary_tools()
                        .any(|t| t.tool.as_deref() == Some(k.tool.as_str()))
            })
            .partition(|k| k.holds_every_need);
        // Software on a computer, or paper, kept for one need keeps that need's files only:
        // this need's data still leaves it, and the plan says why the tool stays anyway.
        for k in apart {
            r.trace.add_rule("decide.kept-apart");
            r.reasons.push(Text::new(
                format!(
                    "{} reste en usage ({}) ; seules les données de ce besoin-ci le quittent.",
                    k.name.fr, k.why.fr
                ),
                format!(
                    "{} stays in use ({}); only this need's data leaves it.",
                    k.name.en, k.why.en
                ),
            ));
        }
        if here.is_empty() {
            continue;
        }
        // Every tool of this need stays alongside for its audience (the Facebook page that
        // stands in for a website): the free tool comes beside it, as for the networks.
        if r.action == Action::Replace
            && here.iter().all(|k| k.alongside)
            && r.from.iter().all(|f| here.iter().any(|k| &k.name == f))
        {
            let from = Text::list(&r.from);
            r.action = Action::AddAlongside;
            r.trace.add_rule("roadmap.alongside");
            r.reasons.push(Text::new(
                format!("En plus de {}, pas à la place : gardez votre public là où il est et invitez-le peu à peu.", from.fr),
                format!("Alongside {}, not instead: keep your audience where it is and invite it over time.", from.en),
            ));
            continue;
        }
        r.trace.add_rule("decide.kept");
        for k in &here {
            r.from.retain(|f| f != &k.name);
            r.reasons.push(Text::new(
                format!(
                    "{} reste ({}) : seules les autres données changent de place.",
                    k.name.fr, k.why.fr
                ),
                format!(
                    "{} stays ({}): only the other data moves.",
                    k.name.en, k.why.en
                ),
            ));
        }
        if r.from.is_empty() && r.action == Action::Replace {
            keep_only(r, &here);
        }
    }
    in_use(needs, recos);
    kept
}

/// Whether keeping `tool` for one need keeps every other need's data in it too: an account at
/// an online service (the HelloAsso kept for payments holds the members' forms too) or an
/// operating system does; software installed on a computer (an Excel workbook per need) or a
/// practice (paper) does not.
fn holds_every_need(catalog: &Catalog, tool: &str) -> bool {
    catalog
        .tool(tool)
        .is_none_or(|t| !matches!(t.kind, ToolKind::Software | ToolKind::Practice))
}

/// Of several free tools in use, the one to generalise is the one the catalogue describes a move
/// to from the tools left (Element for Discord, with its bridge), then the first named.
fn consolidate_onto(catalog: &Catalog, need: &NeedUse, r: &mut Recommendation) {
    if r.software.len() < 2 {
        return;
    }
    let moves_to = |id: &str| {
        catalog.software(id).map_or(0, |s| {
            need.proprietary_tools()
                .filter(|t| {
                    t.tool
                        .as_deref()
                        .is_some_and(|x| s.migration_from(x).is_some())
                })
                .count()
        })
    };
    r.software
        .sort_by_key(|s| std::cmp::Reverse(moves_to(&s.id)));
    let target = r.software[0].name.clone();
    let from = Text::list(&r.from);
    r.reasons.clear();
    r.reasons.push(Text::new(
        format!(
            "Vous utilisez déjà {target} (libre) : généralisez-le à la place {}.",
            crate::i18n::typo::de(&from.fr)
        ),
        format!(
            "You already use {target} (free): use it instead of {}.",
            from.en
        ),
    ));
}

/// A recommendation whose every current tool stays: nothing to move.
fn keep_only(r: &mut Recommendation, kept: &[&Kept]) {
    r.action = Action::Keep;
    r.software.clear();
    for p in &mut r.providers {
        p.chosen = false;
    }
    let names = Text::list(&kept.iter().map(|k| k.name.clone()).collect::<Vec<_>>());
    r.providers.insert(
        0,
        special(
            "keep",
            names,
            ProviderKind::Keep,
            Vec::new(),
            None,
            Vec::new(),
        ),
    );
}

/// Office documents for a team that co-edits stay on a service that co-edits.
fn co_editing(read: &Read<'_>, catalog: &Catalog, fs: &Framaspace, recos: &mut [Recommendation]) {
    let answers = read.signal("co-editing");
    if answers.is_empty() {
        return;
    }
    let Some(r) = recos.iter_mut().find(|r| r.need == "office-docs") else {
        return;
    };
    let online = |id: &str| {
        catalog
            .software(id)
            .is_some_and(|s| s.kind == SoftwareKind::Hosted)
    };
    // A free online editor already in use: it comes first, nothing else changes.
    if matches!(r.action, Action::Keep | Action::Consolidate)
        && let Some(i) = r.software.iter().position(|s| online(&s.id))
    {
        let sw = r.software.remove(i);
        r.software.insert(0, sw);
        return;
    }
    let target = r.software.first().map(|s| s.id.clone());
    let desktop_target = target.as_deref().is_some_and(|id| !online(id))
        || r.chosen().is_some_and(|p| p.kind == ProviderKind::Local);
    if !desktop_target || !matches!(r.action, Action::Consolidate | Action::Replace) {
        return;
    }
    r.trace.add_rule("decide.co-editing");
    r.trace.add_answers(answers);
    let desktop: Vec<SoftwareRef> = r
        .software
        .iter()
        .filter(|s| !online(&s.id))
        .cloned()
        .collect();
    let desktop_names = desktop
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let fs_feature = fs
        .offer
        .as_deref()
        .and_then(|id| catalog.offer(id))
        .filter(|_| fs.recommended && fs.covers.iter().any(|n| n == "office-docs"));
    let host = r
        .providers
        .iter()
        .position(|p| p.kind == ProviderKind::Host);
    let (software, provider) = if let Some(offer) = fs_feature {
        let sw = offer
            .features
            .iter()
            .find(|f| f.need == "office-docs")
            .and_then(|f| f.software.first())
            .and_then(|id| catalog.software(id));
        let mut p = special(
            &offer.id,
            Text::new(offer.name.clone(), offer.name.clone()),
            ProviderKind::Framaspace,
            vec![Text::new(
                "Couvert par Frama.space, qui permet de rédiger à plusieurs en ligne.",
                "Covered by Frama.space, where documents can be edited together online.",
            )],
            Some(offer.website.clone()),
            vec![Text::new(
                "Framasoft examine chaque demande",
                "Framasoft reviews each request",
            )],
        );
        p.software = sw
            .map(|s| SoftwareRef {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .into_iter()
            .collect();
        (
            sw.map(|s| SoftwareRef {
                id: s.id.clone(),
                name: s.name.clone(),
            }),
            Some(p),
        )
    } else if let Some(i) = host {
        let mut p = r.providers.remove(i);
        p.chosen = true;
        // Only the software the host lists for the need; none named when it names none.
        let sw = p.software.first().cloned();
        (sw, Some(p))
    } else {
        (None, None)
    };
    match provider {
        Some(p) => {
            for q in &mut r.providers {
                q.chosen = false;
            }
            r.providers.insert(0, p);
            r.software = software.into_iter().chain(desktop).collect();
            r.action = if r.from.is_empty() {
                Action::Adopt
            } else {
                Action::Replace
            };
            // The "use LibreOffice instead" of the earlier route no longer holds.
            r.reasons.clear();
            r.trace.rules.retain(|x| x != "reco.keep");
            r.reasons.push(Text::new(
                format!("L'équipe rédige à plusieurs : les documents partagés vont sur un service qui le permet ; {desktop_names} reste pour le travail de chacun."),
                format!("The team writes together: shared documents go to a service that allows it; {desktop_names} stays for individual work."),
            ));
        }
        None => {
            r.reasons.push(Text::new(
                "L'équipe rédige à plusieurs et le catalogue ne propose pas ici de service libre qui le permette : gardez l'outil en ligne actuel pour les documents partagés.",
                "The team writes together and the catalogue offers no free service here that allows it: keep the current online tool for shared documents.",
            ));
            r.action = Action::Keep;
        }
    }
}

/// Installed software only where it installs (`decide.platforms`): BorgBackup is not proposed
/// to a team whose computers all run Windows, nor to a team whose computers are not known (the
/// express questionnaire does not ask): unknown stays unknown until the trainer checks.
fn platforms(read: &Read<'_>, catalog: &Catalog, recos: &mut [Recommendation]) {
    let computers: Vec<&str> = read
        .choices()
        .filter_map(|(_, c)| c.tool.as_deref())
        .filter(|t| matches!(*t, "windows" | "macos" | "linux" | "chromeos"))
        .collect();
    let unknown = computers.is_empty();
    for r in recos.iter_mut() {
        let unfit: Vec<&crate::catalog::Software> = r
            .software
            .iter()
            .filter_map(|s| catalog.software(&s.id))
            .filter(|s| {
                !s.platforms().is_empty()
                    && (unknown
                        || !computers
                            .iter()
                            .any(|c| s.platforms().iter().any(|p| p == c)))
            })
            .collect();
        if unfit.is_empty() {
            continue;
        }
        r.trace.add_rule("decide.platforms");
        if unknown {
            r.reasons.push(Text::new(
                "Les systèmes de vos ordinateurs ne sont pas connus : un logiciel à installer n'est proposé qu'une fois vérifié qu'il s'installe sur vos machines.",
                "Your computers' systems are not known: software to install is proposed only once it is checked to install on your machines.",
            ));
        }
        for s in &unfit {
            if let Some(p) = &s.platforms {
                r.trace.add_text_fact(&p.note, &p.source, p.as_of);
                r.reasons.push(p.note.clone());
            }
        }
        let ids: Vec<String> = unfit.iter().map(|s| s.id.clone()).collect();
        r.software.retain(|s| !ids.contains(&s.id));
        let was_local = r
            .chosen()
            .is_some_and(|p| p.kind == ProviderKind::Local && ids.contains(&p.id));
        if was_local {
            // What is left was ranked below the installed software (a storage service no host
            // offers): the need is met without naming a software.
            r.software.clear();
            r.reasons.push(if r.need == "backups" {
                Text::new(
                    "Une copie régulière sur un disque externe gardé hors du local répond au besoin sans logiciel à installer (voir la feuille de route).",
                    "A regular copy on an external disk kept off site meets the need with no software to install (see the roadmap).",
                )
            } else {
                Text::new(
                    "Aucun logiciel du catalogue pour ce besoin ne s'installe sur ces ordinateurs : à voir avec le formateur.",
                    "No software in the catalogue for this need installs on these computers: to see with the trainer.",
                )
            });
        }
        for p in &mut r.providers {
            if p.kind == ProviderKind::Local && ids.contains(&p.id) {
                p.chosen = false;
            }
        }
        r.providers
            .retain(|p| p.kind != ProviderKind::Local || !ids.contains(&p.id));
        // The copy on an external disk is the answer, on the team's own devices: the
        // recommendation says where, as the roadmap's step does (not « à trouver »).
        if was_local && r.need == "backups" {
            r.providers.insert(
                0,
                special(
                    "external-disk",
                    Text::new("un disque externe", "an external disk"),
                    ProviderKind::Local,
                    Vec::new(),
                    None,
                    Vec::new(),
                ),
            );
        }
    }
}

/// Free software the association already uses is extended to a new need, never "started".
fn in_use(needs: &[NeedUse], recos: &mut [Recommendation]) {
    let used: Vec<&str> = needs
        .iter()
        .flat_map(|n| n.tools.iter())
        .filter(|t| t.free == Some(true))
        .filter_map(|t| t.tool.as_deref())
        .collect();
    for r in recos.iter_mut().filter(|r| r.action == Action::Adopt) {
        let Some(sw) = r.software.first() else {
            continue;
        };
        if used.contains(&sw.id.as_str()) {
            r.action = Action::Consolidate;
            r.trace.add_rule("decide.in-use");
            r.reasons.push(Text::new(
                format!("{} est déjà utilisé : il sert aussi à ce besoin.", sw.name),
                format!("{} is already in use: it serves this need too.", sw.name),
            ));
        }
    }
}
