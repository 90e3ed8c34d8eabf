//! Roadmap: the recommendations put in order, in four phases (`roadmap.phase`):
//!
//! 1. **Premiers pas** (quick wins): what needs no account — public services (Framadate…) and
//!    software installed on devices (KeePassXC).
//! 2. **Le cœur** (core move): files, calendars, contacts, office, projects, membership — on
//!    Frama.space (first step: ask for the space) or a host.
//! 3. **Communication**: e-mail, domain name, lists, newsletter, website.
//! 4. **Rayonnement** (outreach): Mastodon, Mobilizon, PeerTube **alongside** the current
//!    networks (`roadmap.alongside`) — never "close your Facebook page".
//!
//! Each step says its effort (the hardest catalogue migration from the tools it replaces; low
//! for a new use; medium when the catalogue has no guide), an indicative cost, how to move the
//! data (the catalogue's migration notes), who should do it (from the skills answers and
//! signals), and the answers behind it. Needs already on free software get no step.

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Effort, Software, ToolKind};
use crate::i18n::Text;

use super::framaspace::Framaspace;
use super::hosts::{HostPick, ProviderKind};
use super::needs::NeedUse;
use super::read::Read;
use super::recommend::{Action, Recommendation};
use super::route::{OUTREACH, SERVICE_NEEDS};
use super::trace::Trace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    QuickWins,
    Core,
    Communication,
    Outreach,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Phase::QuickWins,
        Phase::Core,
        Phase::Communication,
        Phase::Outreach,
    ];

    pub fn title(self) -> Text {
        match self {
            Phase::QuickWins => Text::new(
                "Premiers pas, sans compte à créer",
                "First steps, no account needed",
            ),
            Phase::Core => Text::new(
                "Le cœur : fichiers, agendas, documents",
                "The core: files, calendars, documents",
            ),
            Phase::Communication => {
                Text::new("Courriel, listes et site web", "E-mail, lists and website")
            }
            Phase::Outreach => Text::new(
                "Réseaux libres, en plus des réseaux actuels",
                "Free networks, alongside current ones",
            ),
        }
    }
}

/// Indicative cost of a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// Euros per year when known (0 for free).
    pub eur_per_year: Option<f64>,
    pub text: Text,
}

/// One step of the roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The need it serves (`None` for the step that opens Frama.space).
    pub need: Option<String>,
    pub title: Text,
    pub software: Option<String>,
    pub provider: Option<String>,
    pub effort: Effort,
    pub cost: Cost,
    /// How to move the data, one line per tool left.
    pub migration: Vec<Text>,
    pub who: Text,
    pub trace: Trace,
}

/// One phase and its steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhasePlan {
    pub phase: Phase,
    pub title: Text,
    pub steps: Vec<Step>,
}

fn phase_of(reco: &Recommendation, catalog: &Catalog) -> Phase {
    let need = reco.need.as_str();
    if OUTREACH.contains(&need) {
        return Phase::Outreach;
    }
    if [
        "email",
        "domain-name",
        "mailing-list",
        "newsletter",
        "website",
    ]
    .contains(&need)
    {
        return Phase::Communication;
    }
    match reco.chosen().map(|p| p.kind) {
        Some(ProviderKind::Local) => Phase::QuickWins,
        Some(ProviderKind::Service) if SERVICE_NEEDS.contains(&need) => Phase::QuickWins,
        // A free service run by its publisher (Signal) needs no one to set anything up.
        Some(ProviderKind::Service)
            if reco
                .chosen()
                .is_some_and(|p| catalog.software(&p.id).is_some()) =>
        {
            Phase::QuickWins
        }
        _ => Phase::Core,
    }
}

/// What decides who does the steps, read once.
struct People {
    skills: Option<u8>,
    single_admin: bool,
    wants_support: bool,
}

/// Who should do a step: anyone for a public service; for software to install, the person in
/// charge of digital tools (or a volunteer with help) who then shows the others; the person
/// running the social accounts for outreach; otherwise by skills. Two people when one holds
/// every access; the host's support when it was wished for.
fn who(people: &People, phase: Phase, installed: bool) -> Text {
    let referent = people.skills.is_some_and(|s| s >= 3);
    let (fr, en) = match (phase, installed, referent) {
        (Phase::QuickWins, false, _) => ("N'importe qui dans l'équipe", "Anyone in the team"),
        (Phase::QuickWins, true, true) => (
            "La personne référente numérique installe, puis montre aux autres",
            "The person in charge of digital tools installs it, then shows the others",
        ),
        (Phase::QuickWins, true, false) => (
            "Un ou une bénévole à l'aise avec le numérique installe, puis montre aux autres",
            "A volunteer at ease with computers installs it, then shows the others",
        ),
        (Phase::Outreach, _, _) => (
            "La personne qui anime vos réseaux",
            "The person who runs your social accounts",
        ),
        (_, _, true) => (
            "La personne référente numérique",
            "The person in charge of digital tools",
        ),
        (_, _, false) => (
            "Un ou une bénévole à l'aise avec le numérique, avec l'aide du formateur ou de l'hébergeur",
            "A volunteer at ease with computers, helped by the trainer or the host",
        ),
    };
    let (mut fr, mut en) = (fr.to_string(), en.to_string());
    let simple = phase == Phase::QuickWins && !installed;
    if !simple && people.single_admin {
        fr.push_str(", à deux pour que les accès ne reposent plus sur une seule personne");
        en.push_str(", in pairs so access no longer rests on one person");
    }
    if !simple && people.wants_support {
        fr.push_str(" ; l'accompagnement souhaité peut être demandé à l'hébergeur");
        en.push_str("; the support wished for can be asked of the host");
    }
    fr.push('.');
    en.push('.');
    Text::new(fr, en)
}

pub(crate) fn roadmap(
    read: &Read<'_>,
    catalog: &Catalog,
    needs: &[NeedUse],
    recos: &[Recommendation],
    fs: &Framaspace,
    picks: &[HostPick],
    skills: Option<u8>,
) -> Vec<PhasePlan> {
    let people = People {
        skills,
        single_admin: read.has_signal("single-admin"),
        wants_support: read.has_signal("wants-support"),
    };
    let mut phases: Vec<PhasePlan> = Phase::ALL
        .iter()
        .map(|&phase| PhasePlan {
            phase,
            title: phase.title(),
            steps: Vec::new(),
        })
        .collect();
    let uses_fs = recos.iter().any(|r| {
        r.chosen()
            .is_some_and(|p| p.kind == ProviderKind::Framaspace)
    });
    if uses_fs && let Some(offer) = fs.offer.as_deref().and_then(|id| catalog.offer(id)) {
        let mut trace = fs.trace.clone();
        trace.add_rule("roadmap.phase");
        let how = offer
            .apply
            .as_ref()
            .map(|a| a.how.clone())
            .unwrap_or_else(|| {
                Text::new(
                    "Faire la demande sur le site de Frama.space.",
                    "Apply on the Frama.space website.",
                )
            });
        phases[1].steps.push(Step {
            need: None,
            title: Text::new(
                format!(
                    "Demander un espace {} (Framasoft examine la demande)",
                    offer.name
                ),
                format!(
                    "Ask for a {} space (Framasoft reviews the request)",
                    offer.name
                ),
            ),
            software: None,
            provider: Some(offer.name.clone()),
            effort: Effort::Low,
            cost: free_cost(offer.cost.as_ref().map(|c| c.note.clone())),
            migration: vec![how],
            who: Text::new(
                "Le bureau ou la personne référente numérique.",
                "The board or the person in charge of digital tools.",
            ),
            trace,
        });
    }
    for reco in recos {
        if matches!(reco.action, Action::Keep) {
            continue;
        }
        let phase = phase_of(reco, catalog);
        let need = needs.iter().find(|n| n.need == reco.need);
        let step = step(&people, catalog, reco, need, picks, phase);
        phases[phase as usize].steps.push(step);
    }
    phases
}

fn free_cost(note: Option<Text>) -> Cost {
    Cost {
        eur_per_year: Some(0.0),
        text: note.unwrap_or_else(|| Text::new("gratuit", "free of charge")),
    }
}

fn step(
    people: &People,
    catalog: &Catalog,
    reco: &Recommendation,
    need: Option<&NeedUse>,
    picks: &[HostPick],
    phase: Phase,
) -> Step {
    let mut trace = reco.trace.clone();
    trace.add_rule("roadmap.phase");
    let software = reco.software.first();
    let provider = reco.chosen();
    // The destination as the recommendation names it: the software its provider runs for the
    // need, or the host's service in words when it names none.
    let target = reco.target();
    let sw_name = target.text.fr.clone();
    let sw_name_en = target.text.en.clone();
    let at = |fr: bool| match target.at {
        Some(p) if p.kind != ProviderKind::Service || catalog.offer(&p.id).is_some() => {
            format!(" {} {}", if fr { "chez" } else { "at" }, p.name)
        }
        _ => String::new(),
    };
    let title = match reco.action {
        Action::Consolidate => Text::new(
            format!("{} : tout passer sur {sw_name}", reco.label.fr),
            format!("{}: move everything to {sw_name_en}", reco.label.en),
        ),
        Action::AddAlongside => {
            trace.add_rule("roadmap.alongside");
            Text::new(
                format!(
                    "Ouvrir {sw_name}{} en plus de {} (sans rien fermer)",
                    at(true),
                    reco.from.join(", ")
                ),
                format!(
                    "Open {sw_name_en}{} alongside {} (closing nothing)",
                    at(false),
                    reco.from.join(", ")
                ),
            )
        }
        Action::Replace => Text::new(
            format!(
                "{} : passer de {} {}{}",
                reco.label.fr,
                reco.from.join(", "),
                crate::i18n::typo::a(&sw_name),
                at(true)
            ),
            format!(
                "{}: move from {} to {sw_name_en}{}",
                reco.label.en,
                reco.from.join(", "),
                at(false)
            ),
        ),
        Action::Find => Text::new(
            format!("{} : trouver un hébergeur pour {sw_name}", reco.label.fr),
            format!("{}: find a host for {sw_name_en}", reco.label.en),
        ),
        Action::Adopt | Action::Keep => Text::new(
            format!("{} : commencer avec {sw_name}{}", reco.label.fr, at(true)),
            format!("{}: start with {sw_name_en}{}", reco.label.en, at(false)),
        ),
    };
    // Effort and migration notes from the catalogue.
    let mut migration = Vec::new();
    let mut effort: Option<Effort> = None;
    let mut missing_guide = false;
    if let (Some(need), Some(sw)) = (need, software.and_then(|s| catalog.software(&s.id))) {
        let from_tools: Vec<_> = if reco.action == Action::Consolidate {
            need.tools.iter().filter(|t| t.free != Some(true)).collect()
        } else {
            need.proprietary_tools().collect()
        };
        // The guide may be written for an app of the software (Nextcloud Talk for Nextcloud) or
        // for another software proposed for the need.
        let family: Vec<&Software> = std::iter::once(sw)
            .chain(
                catalog
                    .software
                    .iter()
                    .filter(|s| s.part_of.as_deref() == Some(sw.id.as_str())),
            )
            .chain(reco.software.iter().filter_map(|r| catalog.software(&r.id)))
            .collect();
        for tool in from_tools {
            let Some(id) = tool.tool.as_deref() else {
                continue;
            };
            let practice = catalog
                .tool(id)
                .is_some_and(|t| t.kind == ToolKind::Practice);
            let found = family
                .iter()
                .find_map(|s| s.migration_from(id).map(|m| (s, m)));
            match found {
                Some((s, m)) => {
                    effort = effort.max(Some(m.effort));
                    let (fr, en) = if s.id == sw.id {
                        (
                            format!("Depuis {} : {}", tool.name, m.how.fr),
                            format!("From {}: {}", tool.name, m.how.en),
                        )
                    } else {
                        (
                            format!("Depuis {} ({}) : {}", tool.name, s.name, m.how.fr),
                            format!("From {} ({}): {}", tool.name, s.name, m.how.en),
                        )
                    };
                    migration.push(Text::new(fr, en));
                }
                None if practice => {
                    effort = effort.max(Some(Effort::Low));
                    migration.push(Text::new(
                        format!("Depuis {} : reprendre dans {} ce qui sert encore, au fil de l'eau ; garder les originaux.", tool.name, sw.name),
                        format!("From {}: copy into {} what is still in use, as you go; keep the originals.", tool.name, sw.name),
                    ));
                }
                None => {
                    missing_guide = true;
                    migration.push(Text::new(
                        format!("Depuis {} : pas de guide au catalogue — exporter les données (fichiers, CSV) puis les importer dans {}.", tool.name, sw.name),
                        format!("From {}: no guide in the catalogue — export the data (files, CSV) then import it into {}.", tool.name, sw.name),
                    ));
                }
            }
        }
    }
    let effort = match (effort, missing_guide) {
        (Some(e), true) => e.max(Effort::Medium),
        (Some(e), false) => e,
        (None, true) => Effort::Medium,
        (None, false) if reco.action == Action::Find => Effort::Medium,
        (None, false) => Effort::Low,
    };
    Step {
        need: Some(reco.need.clone()),
        title,
        software: software.map(|s| s.name.clone()),
        provider: provider.map(|p| p.name.clone()),
        effort,
        cost: cost(provider, picks),
        migration,
        who: who(
            people,
            phase,
            provider.is_some_and(|p| p.kind == ProviderKind::Local),
        ),
        trace,
    }
}

fn cost(provider: Option<&super::hosts::Provider>, picks: &[HostPick]) -> Cost {
    match provider.map(|p| (p.kind, p)) {
        Some((ProviderKind::Host, p)) => {
            // The host's offer retained for this association, priced for its size.
            let yearly = p.price.as_ref().and_then(|x| x.yearly_eur);
            let shared = picks.iter().any(|x| x.id == p.id && x.covers.len() > 1);
            let (fr, en) = if shared {
                (
                    " (un seul abonnement pour plusieurs besoins)",
                    " (one subscription for several needs)",
                )
            } else {
                ("", "")
            };
            match (yearly, &p.price) {
                (Some(y), _) if y <= 0.0 => free_cost(None),
                (Some(y), _) => Cost {
                    eur_per_year: Some(y),
                    text: Text::new(
                        format!(
                            "{}, indicatif{fr}",
                            crate::i18n::typo::eur_per_year(crate::i18n::Lang::Fr, y)
                        ),
                        format!(
                            "{}, indicative{en}",
                            crate::i18n::typo::eur_per_year(crate::i18n::Lang::En, y)
                        ),
                    ),
                },
                (None, Some(price)) => Cost {
                    eur_per_year: None,
                    text: Text::new(
                        format!("{} — à confirmer avec l'hébergeur", price.text.fr),
                        format!("{} — to confirm with the host", price.text.en),
                    ),
                },
                (None, None) => Cost {
                    eur_per_year: None,
                    text: Text::new("prix à demander à l'hébergeur", "price to ask the host"),
                },
            }
        }
        Some((ProviderKind::Framaspace, _)) => free_cost(Some(Text::new(
            "gratuit (Frama.space est financé par les dons)",
            "free of charge (Frama.space is funded by donations)",
        ))),
        Some(_) => free_cost(None),
        None => Cost {
            eur_per_year: None,
            text: Text::new("à estimer", "to be estimated"),
        },
    }
}
