//! One step per recommendation that changes something, and the step that asks for the
//! Frama.space space: its kind and title from the action, what it moves (the tools the
//! recommendation leaves, to its chosen provider) and what stays, its phase (a step that
//! answers a high risk, or leaves a tool that no longer exists, comes first), the notes on how
//! to move the data, who does it and an indicative cost.

use crate::catalog::{Catalog, Effort, ToolKind};
use crate::i18n::Text;

use super::super::hosts::ProviderKind;
use super::super::needs::ToolUse;
use super::super::recommend::{Action, Recommendation};
use super::super::risks::Severity;
use super::super::route::{OUTREACH, SERVICE_NEEDS};
use super::schedule::who;
use super::team::Team;
use super::words::{cost, free_cost, from_phrase, names, title};
use super::{DataMove, Input, KeptTool, Phase, Step, StepKind};

/// The risks a step on a need answers.
const ANSWERS: &[(&str, &[&str])] = &[
    ("passwords", &["shared-passwords", "single-admin"]),
    ("backups", &["no-backups"]),
    ("file-sharing", &["personal-accounts"]),
    ("email", &["personal-accounts"]),
    ("members-accounting", &["accounting-records"]),
];

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
        // Installed on devices, or already in place: no account to open.
        Some(ProviderKind::Local | ProviderKind::Keep) => Phase::QuickWins,
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

/// The step that asks for the Frama.space space, when a need goes there.
pub(super) fn framaspace(input: &Input<'_>, team: &Team) -> Option<(Phase, Step)> {
    let uses = input.recos.iter().any(|r| {
        r.action != Action::Keep
            && r.chosen()
                .is_some_and(|p| p.kind == ProviderKind::Framaspace)
    });
    let offer = input
        .fs
        .offer
        .as_deref()
        .and_then(|id| input.catalog.offer(id))
        .filter(|_| uses)?;
    let mut trace = input.fs.trace.clone();
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
    let blocked = !team.blocking.is_empty();
    let step = Step {
        id: "framaspace".into(),
        kind: StepKind::OpenSpace,
        need: None,
        title: Text::new(
            format!(
                "Demander un espace {} (Framasoft examine la demande)",
                offer.name
            ),
            format!(
                "Request a space on {} (Framasoft reviews the request)",
                offer.name
            ),
        ),
        software: None,
        provider: Some(offer.name.clone()),
        effort: Effort::Low,
        effort_reasons: Vec::new(),
        hours: 0.0,
        cost: free_cost(offer.cost.as_ref().map(|c| c.note.clone())),
        migration: vec![how],
        moves: Vec::new(),
        keeps: Vec::new(),
        caveats: Vec::new(),
        answers_risks: Vec::new(),
        after: if blocked {
            vec!["find-out".into()]
        } else {
            Vec::new()
        },
        who: who(team, super::Role::Board, false),
        when: None,
        trace,
    };
    Some((if blocked { Phase::Later } else { Phase::Core }, step))
}

/// The step of one recommendation, if it changes anything.
pub(super) fn step(input: &Input<'_>, team: &Team, reco: &Recommendation) -> Option<(Phase, Step)> {
    let catalog = input.catalog;
    let kind = match reco.action {
        Action::Keep => return None,
        // A need the catalogue cannot answer while a tool serves it: the tool stays, no step.
        Action::Find if !reco.from.is_empty() => return None,
        Action::Find => StepKind::Find,
        Action::Replace => StepKind::Move,
        Action::Consolidate => StepKind::Extend,
        Action::Adopt => StepKind::Start,
        Action::AddAlongside => StepKind::Alongside,
    };
    if reco.need == "backups" {
        return Some(super::backup::backup(input, team, reco));
    }
    let need = input.needs.iter().find(|n| n.need == reco.need)?;
    let provider = reco.chosen();
    // Only the software the chosen provider runs for the need (`Recommendation::target`).
    let software = reco.target().software;
    let sw = software.and_then(|s| catalog.software(&s.id));
    let mut trace = reco.trace.clone();
    trace.add_rule("roadmap.phase");
    // The tools this step leaves: those the recommendation moves away from.
    let left: Vec<&ToolUse> = if kind == StepKind::Alongside {
        Vec::new()
    } else {
        need.tools
            .iter()
            .filter(|t| t.free != Some(true) && reco.from.contains(&t.name))
            .collect()
    };
    let to = provider.map_or_else(String::new, |p| p.id.clone());
    // An office editor installed on computers holds no data of its own (the files live in the
    // file space): leaving it moves nothing.
    let editor = |t: &ToolUse| {
        reco.need == "office-docs"
            && t.tool
                .as_deref()
                .and_then(|id| catalog.tool(id))
                .is_some_and(|x| x.kind == ToolKind::Software)
    };
    let moves: Vec<DataMove> = left
        .iter()
        .filter(|t| !editor(t))
        .map(|t| DataMove {
            tool: t.tool.clone(),
            name: t.name.clone(),
            need: reco.need.clone(),
            to: to.clone(),
        })
        .collect();
    let mut keeps: Vec<KeptTool> = input
        .kept
        .iter()
        .filter(|k| {
            k.need != reco.need
                && k.holds_every_need
                && need
                    .tools
                    .iter()
                    .any(|t| t.tool.as_deref() == Some(k.tool.as_str()))
        })
        .map(|k| KeptTool {
            tool: k.tool.clone(),
            name: k.name.clone(),
            why: k.why.clone(),
        })
        .collect();
    if kind == StepKind::Alongside {
        for t in need.proprietary_tools() {
            if let Some(id) = &t.tool
                && !keeps.iter().any(|k| &k.tool == id)
            {
                keeps.push(KeptTool {
                    tool: id.clone(),
                    name: t.name.clone(),
                    why: Text::new(
                        "gardé en parallèle : votre public y est",
                        "kept alongside: your audience is there",
                    ),
                });
            }
        }
    }
    let (editors, data): (Vec<&ToolUse>, Vec<&ToolUse>) = left.iter().partition(|t| editor(t));
    let notes = super::notes::notes(catalog, &reco.need, sw, &data);
    let mut migration = notes.lines;
    // Editors on computers: the desktop software proposed beside the online one replaces them.
    let desktop = reco
        .software
        .iter()
        .filter_map(|s| catalog.software(&s.id))
        .find(|s| s.kind == crate::catalog::SoftwareKind::Desktop);
    let editor_notes = super::notes::notes(catalog, &reco.need, desktop.or(sw), &editors);
    migration.extend(editor_notes.lines);
    if reco.need == "passwords" && input.risks.iter().any(|r| r.id == "shared-passwords") {
        let name = sw.map_or("", |s| s.name.as_str());
        migration.push(Text::new(
            format!("Les mots de passe qui circulent (fichier partagé, messages, papier) : les ranger dans {name}, puis les changer."),
            format!("Passwords going around (shared file, messages, paper): store them in {name}, then change them."),
        ));
    }
    // A kept tool whose data is imported (HelloAsso's exports into Paheko) keeps its note.
    if let Some(sw) = sw {
        for k in &keeps {
            if let Some(m) = sw.migration_from(&k.tool).filter(|m| m.moves(&reco.need)) {
                migration.push(Text::new(
                    format!("{} : {}", k.name.fr, m.how.fr),
                    format!("{}: {}", k.name.en, m.how.en),
                ));
            }
        }
    }
    let effort = match (
        notes.effort.max(editor_notes.effort),
        notes.missing_guide || editor_notes.missing_guide,
    ) {
        (Some(e), true) => e.max(Effort::Medium),
        (Some(e), false) => e,
        (None, true) => Effort::Medium,
        (None, false) if kind == StepKind::Find => Effort::Medium,
        (None, false) => Effort::Low,
    };
    let provider_ref = provider.map(|p| (p.kind, p.name.as_str(), p.id.as_str()));
    // What is kept is named by the tools themselves, in both languages (a provider's name is
    // one string).
    let free = Text::list(
        &need
            .tools
            .iter()
            .filter(|t| t.free == Some(true))
            .map(|t| t.name.clone())
            .collect::<Vec<_>>(),
    );
    let title = match (desktop, editors.is_empty(), data.is_empty()) {
        // Office editors on computers give way to the desktop software; shared documents go
        // to the online editor.
        (Some(d), false, false) if kind == StepKind::Move => {
            let t = title(kind, reco, &names(&data), provider_ref, &free, catalog);
            let e = from_phrase(&names(&editors));
            Text::new(
                format!("{} ; {} à la place {}", t.fr, d.name, e.fr),
                format!("{}; {} instead of {}", t.en, d.name, e.en),
            )
        }
        _ => title(kind, reco, &reco.from, provider_ref, &free, catalog),
    };
    let discontinued: Vec<&ToolUse> = left
        .iter()
        .copied()
        .filter(|t| {
            t.tool
                .as_deref()
                .and_then(|id| catalog.tool(id))
                .is_some_and(|x| x.is_discontinued(&catalog.as_of))
        })
        .collect();
    let answers_risks: Vec<String> = ANSWERS
        .iter()
        .filter(|(n, _)| *n == reco.need)
        .flat_map(|(_, ids)| ids.iter())
        .filter(|id| input.risks.iter().any(|r| r.id == **id))
        .map(|id| id.to_string())
        .collect();
    let high = answers_risks.iter().any(|id| {
        input
            .risks
            .iter()
            .any(|r| &r.id == id && r.severity == Severity::High)
    }) && matches!(reco.need.as_str(), "passwords" | "backups");
    let mut phase = phase_of(reco, catalog);
    if high || !discontinued.is_empty() {
        phase = Phase::Urgent;
        trace.add_rule("roadmap.risk-first");
    }
    for t in &discontinued {
        if let Some(d) = t
            .tool
            .as_deref()
            .and_then(|id| catalog.tool(id))
            .and_then(|x| x.discontinued.as_ref())
        {
            trace.add_text_fact(&d.note, &d.source, d.on);
            migration.insert(0, d.note.clone());
        }
    }
    let mut after = Vec::new();
    if provider.is_some_and(|p| p.kind == ProviderKind::Framaspace) {
        after.push("framaspace".to_string());
    }
    let to_account =
        provider.is_some_and(|p| matches!(p.kind, ProviderKind::Framaspace | ProviderKind::Host));
    if !team.blocking.is_empty() && to_account && phase != Phase::Urgent {
        after.insert(0, "find-out".to_string());
        phase = Phase::Later;
        trace.add_rule("roadmap.find-out");
    }
    let installed = provider.is_some_and(|p| p.kind == ProviderKind::Local);
    let role = super::schedule::role(team, phase, kind, installed, provider.map(|p| p.kind));
    // A host may take on the support the team asked for; Framasoft opens Frama.space spaces
    // but does not accompany each association (that is what Emancip'Asso's structures do).
    let host_help = provider.is_some_and(|p| p.kind == ProviderKind::Host);
    Some((
        phase,
        Step {
            id: format!("need:{}", reco.need),
            kind,
            need: Some(reco.need.clone()),
            title,
            software: software.map(|s| s.name.clone()),
            provider: provider.map(|p| p.name.clone()),
            effort,
            effort_reasons: Vec::new(),
            hours: 0.0,
            cost: cost(provider, input.picks),
            migration,
            moves,
            keeps,
            caveats: Vec::new(),
            answers_risks,
            after,
            who: who(team, role, host_help),
            when: None,
            trace,
        },
    ))
}
