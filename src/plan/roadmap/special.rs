//! The steps that are not one recommendation, and the caveats every step carries.
//!
//! - `find-out` (`roadmap.find-out`): answers a decision waits for (accounts, storage, budget)
//!   are found before any data moves to an account.
//! - `special-data:health|sensitive` (`roadmap.special-data`): health data goes to a certified
//!   (HDS) host or stays out of shared tools; sensitive data to a restricted folder — before any
//!   move. The caveat each moving step carries is in `caveat`.
//! - `access` (`roadmap.risk-first`): a second person for the accesses one person holds.
//! - backups: see `backup`.

use crate::catalog::{Effort, SoftwareKind, ToolKind};
use crate::i18n::Text;

use super::super::sensitive::{Holding, SpecialData, holdings};
use super::super::trace::Trace;
use super::schedule::who;
use super::team::Team;
use super::words::free_cost;
use super::{Cost, Input, Phase, Role, Step, StepKind};

pub(super) fn blank(id: &str, kind: StepKind, title: Text, who: super::Who, trace: Trace) -> Step {
    Step {
        id: id.into(),
        kind,
        need: None,
        title,
        software: None,
        provider: None,
        effort: Effort::Low,
        effort_reasons: Vec::new(),
        hours: 0.0,
        cost: free_cost(None),
        migration: Vec::new(),
        moves: Vec::new(),
        keeps: Vec::new(),
        caveats: Vec::new(),
        answers_risks: Vec::new(),
        after: Vec::new(),
        who,
        when: None,
        trace,
    }
}

/// Find out first the answers a decision waits for.
pub(super) fn find_out(input: &Input<'_>, team: &Team) -> Option<(Phase, Step)> {
    if team.blocking.is_empty() {
        return None;
    }
    let mut trace = Trace::rule("roadmap.find-out");
    trace.add_answers(
        team.blocking
            .iter()
            .map(|f| super::super::trace::AnswerRead::choice(&f.question, "dont_know")),
    );
    let mut step = blank(
        "find-out",
        StepKind::FindOut,
        Text::new(
            "Trouver d'abord les réponses qui manquent, avant de déplacer des données",
            "First find the missing answers, before moving any data",
        ),
        who(team, Role::Board, false),
        trace,
    );
    for f in &team.blocking {
        step.migration.push(Text::new(
            format!("« {} » — {}.", f.label.fr, f.why.fr),
            format!("'{}' — {}.", f.label.en, f.why.en),
        ));
    }
    if team.tools_unknown > 0 {
        let n = team.tools_unknown;
        step.migration.push(Text::new(
            format!(
                "Et les outils utilisés : {} sans réponse (voir « à trouver »).",
                crate::i18n::typo::count(crate::i18n::Lang::Fr, n, "question", "questions")
            ),
            format!(
                "And the tools in use: {} unanswered (see 'to find out').",
                crate::i18n::typo::count(crate::i18n::Lang::En, n, "question", "questions")
            ),
        ));
    }
    step.migration.push(Text::new(
        "Puis recalculer le plan : les hébergeurs et les déménagements attendent ces réponses.",
        "Then compute the plan again: hosts and moves wait for these answers.",
    ));
    step.answers_risks = input
        .risks
        .iter()
        .filter(|r| r.id == "unknowns")
        .map(|r| r.id.clone())
        .collect();
    Some((Phase::Urgent, step))
}

fn tools_in(input: &Input<'_>, h: &Holding) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    for n in input
        .needs
        .iter()
        .filter(|n| h.located.contains(&n.need.as_str()))
    {
        // Where data lives: online services and practices (paper), not the editors installed
        // on computers.
        for t in n.tools.iter().filter(|t| {
            let id = t.tool.as_deref();
            let installed_tool = id
                .and_then(|id| input.catalog.tool(id))
                .is_some_and(|x| matches!(x.kind, ToolKind::Software | ToolKind::OperatingSystem));
            let installed_free = id
                .and_then(|id| input.catalog.software(id))
                .is_some_and(|s| s.kind != SoftwareKind::Hosted);
            !installed_tool && !installed_free
        }) {
            if !out.contains(&t.name) {
                out.push(t.name.clone());
            }
        }
    }
    out
}

/// Set health or sensitive data apart before any move.
pub(super) fn special_data(input: &Input<'_>, team: &Team) -> Vec<(Phase, Step)> {
    holdings(input.read)
        .into_iter()
        .map(|h| {
            let mut trace = Trace::rule("roadmap.special-data");
            trace.add_answers(h.answers.iter().cloned());
            let tools = Text::list(&tools_in(input, &h));
            let (id, title, lines, risk) = match h.data {
                SpecialData::Health => (
                    "special-data:health",
                    Text::new(
                        "Données de santé : les mettre à part avant tout déménagement",
                        "Health data: set it apart before any move",
                    ),
                    vec![
                        Text::new(
                            "Les confier à un hébergeur certifié HDS (liste publiée par l'Agence du numérique en santé) ou au logiciel de santé agréé s'il y en a un, ou les garder hors des outils partagés ; jamais sur Frama.space ni chez un hébergeur non certifié.",
                            "Hand it to a certified HDS host (list published by the French digital health agency) or to the approved health software if there is one, or keep it out of shared tools; never on Frama.space nor at an uncertified host.",
                        ),
                        Text::new(
                            "Ne déplacer le reste qu'ensuite : chaque étape dit ce qu'elle laisse de côté.",
                            "Move the rest only afterwards: each step says what it leaves out.",
                        ),
                    ],
                    "health-data",
                ),
                SpecialData::Sensitive => (
                    "special-data:sensitive",
                    Text::new(
                        "Données sensibles : les mettre à part avant tout déménagement",
                        "Sensitive data: set it apart before any move",
                    ),
                    vec![
                        Text::new(
                            "Ne garder que le nécessaire, les ranger dans un dossier réservé aux personnes qui en ont besoin (jamais de lien public), chez un hébergeur en Europe, et le noter au registre RGPD.",
                            "Keep only what is needed, store it in a folder reserved to the people who need it (never a public link), with a host in Europe, and record it in the GDPR register.",
                        ),
                        Text::new(
                            "Ne déplacer le reste qu'ensuite : chaque étape dit ce qu'elle laisse de côté.",
                            "Move the rest only afterwards: each step says what it leaves out.",
                        ),
                    ],
                    "sensitive-data",
                ),
            };
            let mut step = blank(id, StepKind::SpecialData, title, who(team, Role::Board, false), trace);
            let mut migration = Vec::new();
            if !h.located.is_empty() {
                migration.push(Text::new(
                    format!("Repérer dans {} les dossiers et réponses qui en contiennent.", tools.fr),
                    format!("Find in {} the folders and answers that hold it.", tools.en),
                ));
            }
            if h.unlocated {
                migration.push(Text::new(
                    "Les réponses ne disent pas toutes où sont ces données : faire le tour des outils (fichiers, courriel, formulaires, adhérents) avant de déplacer quoi que ce soit.",
                    "The answers do not all say where this data is: go through the tools (files, mail, forms, members) before moving anything.",
                ));
            }
            migration.extend(lines);
            step.migration = migration;
            step.effort = Effort::Medium;
            step.cost = Cost {
                eur_per_year: None,
                text: Text::new("à estimer", "to be estimated"),
            };
            step.answers_risks = input
                .risks
                .iter()
                .filter(|r| r.id == risk)
                .map(|r| r.id.clone())
                .collect();
            (Phase::Urgent, step)
        })
        .collect()
}

/// A second person for the accesses one person holds, first.
pub(super) fn access(
    input: &Input<'_>,
    team: &Team,
    _steps: &[(Phase, Step)],
) -> Option<(Phase, Step)> {
    let risk = input.risks.iter().find(|r| r.id == "single-admin")?;
    let mut trace = Trace::rule("roadmap.risk-first");
    trace.merge(&risk.trace);
    let mut step = blank(
        "access",
        StepKind::Access,
        Text::new(
            "Accès : qu'une deuxième personne puisse ouvrir chaque compte de l'association",
            "Access: a second person able to open every account of the association",
        ),
        who(team, Role::Board, false),
        trace,
    );
    step.migration = vec![
        Text::new(
            "Lister les comptes (courriel, fichiers, réseaux sociaux, paiements en ligne, nom de domaine, banque) et qui y a accès.",
            "List the accounts (mail, files, social networks, online payments, domain name, bank) and who can reach them.",
        ),
        Text::new(
            "Ajouter une deuxième personne administratrice partout où le service le permet, et ranger les autres accès dans un gestionnaire de mots de passe partagé à deux.",
            "Add a second administrator wherever the service allows it, and keep the other logins in a password manager shared by two.",
        ),
    ];
    step.answers_risks = vec![risk.id.clone()];
    Some((Phase::Urgent, step))
}
