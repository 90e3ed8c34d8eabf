//! The steps that are not one recommendation, and the caveats every step carries.
//!
//! - `find-out` (`roadmap.find-out`): answers a decision waits for (accounts, storage, budget)
//!   are found before any data moves to an account.
//! - `special-data:health|sensitive` (`roadmap.special-data`): health data goes to a certified
//!   (HDS) host or stays out of shared tools; sensitive data to a restricted folder — before any
//!   move. Every step moving the data of a tool that holds it carries a `Caveat` saying what to
//!   leave out and where it goes (`sensitive::Holding::concerns`).
//! - `access` (`roadmap.risk-first`): a second person for the accesses one person holds.
//! - backups (`roadmap.backup`): a regular copy kept off site, with software that installs on
//!   the team's computers — none named when the catalogue's does not (BorgBackup on Windows).

use crate::catalog::{Effort, ToolKind};
use crate::i18n::Text;

use super::super::hosts::ProviderKind;
use super::super::recommend::Recommendation;
use super::super::risks::Severity;
use super::super::sensitive::{Holding, SpecialData, holdings};
use super::super::trace::Trace;
use super::build::free_cost;
use super::schedule::who;
use super::team::Team;
use super::{Caveat, Cost, Input, Phase, Role, Step, StepKind};

fn blank(id: &str, kind: StepKind, title: Text, who: super::Who, trace: Trace) -> Step {
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
            t.tool
                .as_deref()
                .and_then(|id| input.catalog.tool(id))
                .is_none_or(|x| x.kind != ToolKind::Software && x.kind != ToolKind::OperatingSystem)
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

/// Every step moving data that a tool holding special data keeps: what it leaves out and where
/// that goes. A backup copies everything: it carries the caveat too.
pub(super) fn caveats(input: &Input<'_>, _team: &Team, step: &mut Step) {
    let Some(need) = step.need.clone() else {
        return;
    };
    for h in holdings(input.read) {
        let Some(located) = h.concerns(&need) else {
            continue;
        };
        // "Not there" names a place (Frama.space, a host, a service), never what is kept.
        let provider = input
            .recos
            .iter()
            .find(|r| r.need == need)
            .and_then(|r| r.chosen())
            .filter(|p| {
                matches!(
                    p.kind,
                    ProviderKind::Framaspace | ProviderKind::Host | ProviderKind::Service
                )
            })
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let targets: Vec<(Option<String>, Text)> = if step.kind == StepKind::Backup {
            vec![(None, Text::new("la copie de sauvegarde", "the backup copy"))]
        } else {
            step.moves
                .iter()
                .map(|m| (m.tool.clone(), m.name.clone()))
                .collect()
        };
        if targets.is_empty() {
            continue;
        }
        let special = format!(
            "special-data:{}",
            match h.data {
                SpecialData::Health => "health",
                SpecialData::Sensitive => "sensitive",
            }
        );
        let not_there = |fr: bool| match (provider.is_empty(), fr) {
            (true, _) => String::new(),
            (false, true) => format!(", pas {provider}"),
            (false, false) => format!(", not {provider}"),
        };
        for (tool, name) in targets {
            let backup = step.kind == StepKind::Backup;
            let (leave_out, goes_to) = match (h.data, located) {
                (SpecialData::Health, _) if backup => (
                    Text::new(
                        "les dossiers contenant des données de santé",
                        "the folders holding health data",
                    ),
                    Text::new(
                        "la sauvegarde de l'hébergeur certifié HDS qui les garde (étape « Données de santé »)",
                        "the backup of the certified HDS host that keeps them (step 'Health data')",
                    ),
                ),
                (SpecialData::Sensitive, _) if backup => (
                    Text::new(
                        "les dossiers sensibles, sauf sur un disque chiffré",
                        "the sensitive folders, unless on an encrypted disk",
                    ),
                    Text::new(
                        "une copie chiffrée, gardée par une personne qui y a déjà accès",
                        "an encrypted copy, kept by someone who already has access",
                    ),
                ),
                (SpecialData::Health, true) => (
                    Text::new(
                        format!(
                            "les dossiers et réponses de {} qui contiennent des données de santé",
                            name.fr
                        ),
                        format!(
                            "the folders and answers in {} that hold health data",
                            name.en
                        ),
                    ),
                    Text::new(
                        format!(
                            "un hébergeur certifié HDS ou le logiciel de santé agréé (étape « Données de santé »){}",
                            not_there(true)
                        ),
                        format!(
                            "a certified HDS host or the approved health software (step 'Health data'){}",
                            not_there(false)
                        ),
                    ),
                ),
                (SpecialData::Health, false) => (
                    Text::new(
                        format!(
                            "toute donnée de santé que {} contiendrait : vérifier avant de copier",
                            name.fr
                        ),
                        format!("any health data {} may hold: check before copying", name.en),
                    ),
                    Text::new(
                        "un hébergeur certifié HDS (étape « Données de santé »)",
                        "a certified HDS host (step 'Health data')",
                    ),
                ),
                (SpecialData::Sensitive, true) => (
                    Text::new(
                        format!("les dossiers sensibles de {}", name.fr),
                        format!("the sensitive folders in {}", name.en),
                    ),
                    Text::new(
                        "un dossier à accès restreint, réservé aux personnes qui en ont besoin (étape « Données sensibles »)",
                        "a restricted folder, reserved to the people who need it (step 'Sensitive data')",
                    ),
                ),
                (SpecialData::Sensitive, false) => (
                    Text::new(
                        format!(
                            "toute donnée sensible que {} contiendrait : vérifier avant de copier",
                            name.fr
                        ),
                        format!(
                            "any sensitive data {} may hold: check before copying",
                            name.en
                        ),
                    ),
                    Text::new(
                        "un dossier à accès restreint (étape « Données sensibles »)",
                        "a restricted folder (step 'Sensitive data')",
                    ),
                ),
            };
            step.caveats.push(Caveat {
                data: h.data,
                located,
                tool,
                tool_name: name,
                leave_out,
                goes_to,
            });
        }
        step.trace.add_rule("roadmap.special-data");
        step.trace.add_answers(h.answers.iter().cloned());
        if !step.after.contains(&special) {
            step.after.push(special);
        }
    }
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

/// Backups: a regular copy kept off site, with software that installs on the team's computers.
pub(super) fn backup(input: &Input<'_>, team: &Team, reco: &Recommendation) -> (Phase, Step) {
    let mut trace = reco.trace.clone();
    trace.add_rule("roadmap.backup");
    let sw = reco
        .software
        .iter()
        .filter_map(|s| input.catalog.software(&s.id))
        .find(|s| s.kind != crate::catalog::SoftwareKind::Hosted);
    let fits = sw.filter(|s| team.can_install(s.platforms()));
    let mut migration = Vec::new();
    let no_backups = input.risks.iter().find(|r| r.id == "no-backups");
    if no_backups.is_some() {
        migration.push(Text::new(
            "Avant toute migration : une copie complète des fichiers de l'association sur un disque externe.",
            "Before any move: a full copy of the association's files on an external disk.",
        ));
    }
    match (fits, sw) {
        (Some(s), _) => migration.push(Text::new(
            format!("Installer {} sur l'ordinateur qui garde les fichiers et programmer une copie chiffrée chaque semaine.", s.name),
            format!("Install {} on the computer that holds the files and schedule an encrypted copy every week.", s.name),
        )),
        (None, Some(s)) => {
            if let Some(p) = &s.platforms {
                trace.add_text_fact(&p.note, &p.source, p.as_of);
                migration.push(p.note.clone());
            }
            migration.push(Text::new(
                "Utiliser l'outil de sauvegarde intégré aux ordinateurs, ou copier chaque mois les fichiers sur un disque externe, en notant la date.",
                "Use the backup tool built into the computers, or copy the files to an external disk every month, noting the date.",
            ));
        }
        (None, None) => migration.push(Text::new(
            "Copier chaque mois les fichiers sur un disque externe, en notant la date.",
            "Copy the files to an external disk every month, noting the date.",
        )),
    }
    migration.push(Text::new(
        "La copie vit hors du local : chez une deuxième personne du bureau, ou chez un hébergeur différent de celui des fichiers ; une synchronisation (Drive, Nextcloud) n'est pas une sauvegarde.",
        "The copy lives off site: with a second board member, or at a host other than the files' one; a sync (Drive, Nextcloud) is not a backup.",
    ));
    migration.push(Text::new(
        "Deux fois par an, vérifier qu'on sait récupérer un fichier depuis la copie.",
        "Twice a year, check that a file can be restored from the copy.",
    ));
    let high = no_backups.is_some_and(|r| r.severity == Severity::High);
    let role = if team.skills.is_some_and(|s| s >= 3) {
        Role::Referent
    } else {
        Role::Volunteer
    };
    let mut step = blank(
        "need:backups",
        StepKind::Backup,
        match fits {
            Some(s) => Text::new(
                format!(
                    "Sauvegardes : une copie régulière gardée hors du local, avec {}",
                    s.name
                ),
                format!("Backups: a regular copy kept off site, with {}", s.name),
            ),
            None => Text::new(
                "Sauvegardes : une copie régulière gardée hors du local",
                "Backups: a regular copy kept off site",
            ),
        },
        who(team, role, false),
        trace,
    );
    step.need = Some("backups".into());
    step.software = fits.map(|s| s.name.clone());
    step.migration = migration;
    step.answers_risks = no_backups.map(|r| vec![r.id.clone()]).unwrap_or_default();
    (
        if high {
            Phase::Urgent
        } else {
            Phase::QuickWins
        },
        step,
    )
}
