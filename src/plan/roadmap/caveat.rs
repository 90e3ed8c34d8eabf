//! The caveat every step carries when it moves data a tool holding special data keeps
//! (`roadmap.special-data`): what to leave out and where it goes, typed (`Caveat`), located when
//! the answers say this tool holds it, « à vérifier » when they only say the association holds
//! such data (`sensitive::Holding::concerns`). A backup copies everything: it carries one too.

use crate::i18n::{Text, typo};

use super::super::hosts::ProviderKind;
use super::super::sensitive::{SpecialData, holdings};
use super::team::Team;
use super::{Caveat, Input, Step, StepKind};

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
                            "les dossiers et réponses {} qui contiennent des données de santé",
                            typo::de(&name.fr)
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
                            "toute donnée de santé {} contiendrait : vérifier avant de copier",
                            typo::elide("que", &name.fr)
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
                        format!("les dossiers sensibles {}", typo::de(&name.fr)),
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
                            "toute donnée sensible {} contiendrait : vérifier avant de copier",
                            typo::elide("que", &name.fr)
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
