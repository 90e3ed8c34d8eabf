//! Recommendations: for each need, what to do and where. The route, first that applies:
//!
//! 1. `keep` — every tool named is free software: nothing to change. When free and non-free
//!    tools are mixed, generalise the free one already in use (`consolidate`).
//! 2. `framaspace` — Frama.space is recommended (eligible or probably, covers something) and
//!    covers this need.
//! 3. `local` / `service` — the best software is run by its publisher (Signal); or the need can
//!    be met on each device (passwords, office documents, backups, devices) and installed
//!    software does not leave an online service in place (KeePassXC for a shared spreadsheet,
//!    LibreOffice for Microsoft Office); or, for polls, forms, maps, big files and mailing lists, a
//!    public free service the catalogue says is maintained or kept (Framadate, Framalistes):
//!    these become the quick wins.
//! 4. `host` — the CHATONS hosts chosen by the set cover of `hosts`.
//! 5. `find` — nothing in the catalogue answers it: to be found.
//!
//! The software proposed is, in order: one the catalogue describes a migration to from the
//! association's current tools (most such tools first), one Frama.space runs for the need, one
//! the most hosts run, then by id. Hosts able to take a need routed elsewhere are still listed
//! as alternatives (useful if Framasoft declines the request).

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Software, SoftwareKind};
use crate::i18n::{Lang, Text, typo};

use super::framaspace::Framaspace;
use super::hosts::{Provider, ProviderKind};
use super::needs::NeedUse;
use super::route::{OUTREACH, Route};
use super::trace::Trace;

/// What to do about a need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Already free software: nothing to change.
    Keep,
    /// Generalise the free tool already used in place of the others.
    Consolidate,
    /// Replace the current tools.
    Replace,
    /// A new need with no tool yet.
    Adopt,
    /// Open a free presence alongside the current networks (never instead of them).
    AddAlongside,
    /// Nothing in the catalogue answers it.
    Find,
}

/// A software by id and name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SoftwareRef {
    pub id: String,
    pub name: String,
}

/// What the plan recommends for one need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub need: String,
    pub label: Text,
    pub action: Action,
    /// The current tools to move away from (names in both languages).
    pub from: Vec<Text>,
    /// The software proposed, best first.
    pub software: Vec<SoftwareRef>,
    /// The chosen provider first, then alternatives.
    pub providers: Vec<Provider>,
    pub reasons: Vec<Text>,
    pub trace: Trace,
}

impl Recommendation {
    pub fn chosen(&self) -> Option<&Provider> {
        self.providers.iter().find(|p| p.chosen)
    }
}

fn sref(s: &Software) -> SoftwareRef {
    SoftwareRef {
        id: s.id.clone(),
        name: s.name.clone(),
    }
}

pub(crate) fn special(
    id: &str,
    name: Text,
    kind: ProviderKind,
    reasons: Vec<Text>,
    url: Option<String>,
    to_check: Vec<Text>,
) -> Provider {
    Provider {
        id: id.to_string(),
        name: name.fr,
        kind,
        score: None,
        reasons: reasons.into(),
        to_check: to_check.into(),
        url,
        chosen: true,
        software: Vec::new(),
        service: None,
        price: None,
        near: None,
        stale: false,
        held_back: None,
        provisional: false,
        members_only: false,
    }
}

/// Assemble one recommendation.
pub(crate) fn recommend(
    catalog: &Catalog,
    need: &NeedUse,
    fs: &Framaspace,
    ranked: &[&Software],
    route: &Route,
    alternatives: Vec<Provider>,
) -> Recommendation {
    let mut trace = need.trace.clone();
    trace.add_rule("reco.software");
    let from: Vec<Text> = need.proprietary_tools().map(|t| t.name.clone()).collect();
    let from_list = Text::list(&from);
    let outreach = OUTREACH.contains(&need.need.as_str());
    let mut reasons = Vec::new();
    let local = matches!(route, Route::Local);
    let mut ordered: Vec<&Software> = ranked.to_vec();
    if !local {
        ordered.sort_by_key(|s| s.kind != SoftwareKind::Hosted);
    }
    let mut software: Vec<SoftwareRef> = ordered.iter().take(3).map(|s| sref(s)).collect();
    let mut providers = Vec::new();
    let action = match route {
        Route::Keep => {
            trace.add_rule("reco.keep");
            let free: Vec<Text> = need
                .tools
                .iter()
                .filter(|t| t.free == Some(true))
                .map(|t| t.name.clone())
                .collect();
            let free_list = Text::list(&free);
            software = need
                .tools
                .iter()
                .filter(|t| t.free == Some(true))
                .filter_map(|t| {
                    t.tool.as_ref().map(|id| SoftwareRef {
                        id: id.clone(),
                        name: t.name.fr.clone(),
                    })
                })
                .collect();
            // Named after the free tools themselves (software names read the same in both
            // languages), never a French phrase.
            providers.push(special(
                "keep",
                free_list.clone(),
                ProviderKind::Keep,
                Vec::new(),
                None,
                Vec::new(),
            ));
            if from.is_empty() {
                reasons.push(Text::new(
                    format!(
                        "Déjà en logiciel libre ({}) : rien à changer.",
                        free_list.fr
                    ),
                    format!(
                        "Already free software ({}): nothing to change.",
                        free_list.en
                    ),
                ));
                Action::Keep
            } else {
                reasons.push(Text::new(
                    format!(
                        "Vous utilisez déjà {} (libre) : généralisez-le à la place {}.",
                        free_list.fr,
                        typo::list(
                            Lang::Fr,
                            &from.iter().map(|t| typo::de(&t.fr)).collect::<Vec<_>>()
                        )
                    ),
                    format!(
                        "You already use {} (free): use it instead of {}.",
                        free_list.en, from_list.en
                    ),
                ));
                Action::Consolidate
            }
        }
        _ => {
            let (provider, reason) =
                chosen_provider(catalog, fs, need, ranked, route, &alternatives, &mut trace);
            if let Some(sw) = provider
                .as_ref()
                .and_then(|p| fs_software(catalog, fs, need, ranked, p))
            {
                software.retain(|s| s.id != sw.id);
                software.insert(0, sw);
            }
            if let Some(p) = provider.as_ref().filter(|p| p.kind == ProviderKind::Local)
                && let Some(i) = software.iter().position(|s| s.id == p.id)
            {
                let sw = software.remove(i);
                software.insert(0, sw);
            }
            // A host is named only with the software it lists for the need (none: the need in
            // words, see `Recommendation::target`).
            if let Some(p) = provider.as_ref().filter(|p| p.kind == ProviderKind::Host) {
                software = p.software.clone();
            }
            reasons.extend(reason);
            match provider {
                Some(p) => providers.push(p),
                None => {
                    trace.add_rule("hosts.none");
                    reasons.push(Text::new(
                        format!("Aucun hébergeur du catalogue ne propose « {} » : à chercher (annuaire chatons.org, hébergeurs proches).", need.label.fr),
                        format!("No host in the catalogue offers '{}': to be found (chatons.org directory, nearby hosts).", need.label.en),
                    ));
                    if let Some(gap) = fs
                        .offer
                        .as_deref()
                        .and_then(|id| catalog.offer(id))
                        .and_then(|o| o.not_covered.iter().find(|g| g.need == need.need))
                    {
                        trace.add_text_fact(&gap.note, &gap.source, gap.as_of);
                        reasons.push(gap.note.clone());
                    }
                    if !from.is_empty() {
                        reasons.push(Text::new(
                            format!("En attendant, gardez {} : rien ne presse tant qu'une solution n'est pas trouvée.", from_list.fr),
                            format!("Meanwhile, keep {}: no hurry until an answer is found.", from_list.en),
                        ));
                    }
                }
            }
            if providers.is_empty() {
                Action::Find
            } else if outreach && !from.is_empty() {
                trace.add_rule("roadmap.alongside");
                reasons.push(Text::new(
                    format!("En plus de {}, pas à la place : gardez votre public là où il est et invitez-le peu à peu.", from_list.fr),
                    format!("Alongside {}, not instead: keep your audience where it is and invite it over time.", from_list.en),
                ));
                Action::AddAlongside
            } else if from.is_empty() {
                Action::Adopt
            } else {
                Action::Replace
            }
        }
    };
    for alt in alternatives {
        if !providers.iter().any(|p| p.id == alt.id) {
            providers.push(Provider {
                chosen: false,
                ..alt
            });
        }
    }
    Recommendation {
        need: need.need.clone(),
        label: need.label.clone(),
        action,
        from,
        software,
        providers,
        reasons,
        trace,
    }
}

/// The software Frama.space uses for a need: the best-ranked one that is, or is an app of, the
/// software its feature names (Nextcloud Talk for visio), else the feature's software.
fn fs_software(
    catalog: &Catalog,
    fs: &Framaspace,
    need: &NeedUse,
    ranked: &[&Software],
    p: &Provider,
) -> Option<SoftwareRef> {
    if p.kind != ProviderKind::Framaspace {
        return None;
    }
    let offer = catalog.offer(fs.offer.as_deref()?)?;
    let named = &offer
        .features
        .iter()
        .find(|f| f.need == need.need)?
        .software;
    let family = |s: &&&Software| {
        named.contains(&s.id) || s.part_of.as_ref().is_some_and(|x| named.contains(x))
    };
    match ranked.iter().find(family) {
        Some(s) => Some(sref(s)),
        None => catalog.software(named.first()?).map(sref),
    }
}

fn chosen_provider(
    catalog: &Catalog,
    fs: &Framaspace,
    need: &NeedUse,
    ranked: &[&Software],
    route: &Route,
    alternatives: &[Provider],
    trace: &mut Trace,
) -> (Option<Provider>, Vec<Text>) {
    match route {
        Route::Framaspace => {
            trace.add_rule("reco.framaspace");
            // The verdict's reasons, without the coverage one (it reads every need's answers).
            for r in fs
                .reasons
                .iter()
                .filter(|r| !r.trace.rules.iter().any(|x| x == "framaspace.needs"))
            {
                trace.merge(&r.trace);
            }
            let offer = fs.offer.as_deref().and_then(|id| catalog.offer(id));
            let limit = offer
                .and_then(|o| o.features.iter().find(|f| f.need == need.need))
                .and_then(|f| f.limit.clone());
            let mut reasons = vec![Text::new(
                "Couvert par Frama.space, gratuit, pour lequel l'association semble éligible.",
                "Covered by Frama.space, free, for which the association seems eligible.",
            )];
            reasons.extend(limit);
            let p = special(
                fs.offer.as_deref().unwrap_or("frama-space"),
                Text::new(
                    offer.map_or("Frama.space", |o| o.name.as_str()),
                    offer.map_or("Frama.space", |o| o.name.as_str()),
                ),
                ProviderKind::Framaspace,
                reasons,
                offer.map(|o| o.website.clone()),
                vec![Text::new(
                    "Framasoft examine chaque demande",
                    "Framasoft reviews each request",
                )],
            );
            (Some(p), Vec::new())
        }
        Route::Local => {
            trace.add_rule("reco.local");
            let Some(s) = ranked
                .iter()
                .find(|s| s.kind == SoftwareKind::CentralService)
                .or_else(|| ranked.iter().find(|s| s.kind != SoftwareKind::Hosted))
            else {
                return (None, Vec::new());
            };
            let (kind, fr, en) = if s.kind == SoftwareKind::CentralService {
                (
                    ProviderKind::Service,
                    "Service libre géré par son éditeur : rien à héberger.",
                    "Free service run by its publisher: nothing to host.",
                )
            } else {
                (
                    ProviderKind::Local,
                    "S'installe sur vos ordinateurs ou téléphones : pas d'hébergeur, pas de compte.",
                    "Installed on your computers or phones: no host, no account.",
                )
            };
            let p = special(
                &s.id,
                Text::new(s.name.clone(), s.name.clone()),
                kind,
                vec![Text::new(fr, en)],
                Some(s.website.clone()),
                Vec::new(),
            );
            (Some(p), Vec::new())
        }
        Route::Service(id) => {
            trace.add_rule("reco.service");
            let Some(o) = catalog.offer(id) else {
                return (None, Vec::new());
            };
            // What the catalogue says about accounts, never more: creating a form or a list
            // on a Framasoft service needs one, answering or subscribing does not.
            let mut reasons = match &o.account {
                Some(a) => {
                    trace.add_text_fact(&a.note, &a.source, a.as_of);
                    vec![Text::new(
                        format!("Service en ligne libre et gratuit. {}", a.note.fr),
                        format!("Free online service. {}", a.note.en),
                    )]
                }
                None => vec![Text::new(
                    "Service en ligne libre et gratuit.",
                    "Free online service.",
                )],
            };
            let mut to_check = Vec::new();
            if let Some(st) = &o.status {
                trace.add_text_fact(&st.note, &st.source, st.as_of);
                reasons.push(st.note.clone());
                if st.state != crate::catalog::ServiceState::Maintained {
                    to_check.push(Text::new(
                        format!("vérifier que {} est toujours ouvert ({})", o.name, st.as_of),
                        format!("check {} is still open ({})", o.name, st.as_of),
                    ));
                }
            }
            let p = special(
                &o.id,
                Text::new(o.name.clone(), o.name.clone()),
                ProviderKind::Service,
                reasons,
                Some(o.website.clone()),
                to_check,
            );
            (Some(p), Vec::new())
        }
        Route::Host => {
            trace.add_rule("hosts.filter");
            trace.add_rule("hosts.score");
            trace.add_rule("hosts.set-cover");
            let chosen = alternatives.iter().find(|p| p.chosen).cloned();
            if chosen.is_some() {
                return (chosen, Vec::new());
            }
            // No host runs it: installed software, when there is one, still answers the need.
            let Some(s) = ranked
                .iter()
                .find(|s| !matches!(s.kind, SoftwareKind::Hosted))
            else {
                return (None, Vec::new());
            };
            trace.add_rule("reco.local");
            let p = special(
                &s.id,
                Text::new(s.name.clone(), s.name.clone()),
                ProviderKind::Local,
                vec![Text::new(
                    "Aucun hébergeur du catalogue ne propose la version en ligne : ce logiciel s'installe sur vos ordinateurs.",
                    "No host in the catalogue offers the online version: this software is installed on your computers.",
                )],
                Some(s.website.clone()),
                Vec::new(),
            );
            (Some(p), Vec::new())
        }
        Route::Keep => (None, Vec::new()),
    }
}
