//! The effort of a step, sized to the team (`roadmap.effort`): the catalogue's migration effort,
//! raised for the volume of files (100 GB and more is at least medium, 250 GB and more high),
//! for the number of accounts to open on a shared space (50 and more) or of devices to equip
//! (20 people and more), and one level for a team that rates its skills 1 or 2 out of 5 — each
//! raise with its reason in words.
//!
//! Hours are the plan's own estimate, for scheduling only: 1.5 for a low effort, 4 for a medium
//! one, 10 for a high one; half that for a step anyone does alone on a public service (a first
//! poll on Framadate), one more hour for a team of beginners.

use crate::catalog::Effort;
use crate::i18n::{Lang, Text, typo};

use super::super::hosts::ProviderKind;
use super::team::Team;
use super::{Input, Step, StepKind};

/// The needs whose move carries the association's files.
const FILE_NEEDS: &[&str] = &["file-sharing", "photos", "big-files"];

fn raise(e: Effort) -> Effort {
    match e {
        Effort::Low => Effort::Medium,
        _ => Effort::High,
    }
}

pub(super) fn hours(e: Effort) -> f64 {
    match e {
        Effort::Low => 1.5,
        Effort::Medium => 4.0,
        Effort::High => 10.0,
    }
}

/// Size one step: effort, its reasons, hours.
pub(super) fn size(input: &Input<'_>, team: &Team, step: &mut Step) {
    let mut effort = step.effort;
    let mut reasons: Vec<Text> = Vec::new();
    let need = step.need.as_deref().unwrap_or("");
    let moves_files =
        FILE_NEEDS.contains(&need) && !step.moves.is_empty() || step.kind == StepKind::Backup;
    if let (true, Some(gb)) = (moves_files, team.storage_gb) {
        let floor = if gb >= 250.0 {
            Effort::High
        } else if gb >= 100.0 {
            Effort::Medium
        } else {
            Effort::Low
        };
        if floor > effort {
            effort = floor;
            reasons.push(Text::new(
                format!("{} Go de fichiers à copier", typo::number(Lang::Fr, gb)),
                format!("{} GB of files to copy", typo::number(Lang::En, gb)),
            ));
        }
    }
    let provider = step
        .need
        .as_deref()
        .and_then(|n| input.recos.iter().find(|r| r.need == n))
        .and_then(|r| r.chosen())
        .map(|p| p.kind);
    if let Some(n) = team.accounts {
        let shared = matches!(
            provider,
            Some(ProviderKind::Framaspace | ProviderKind::Host)
        ) && matches!(
            step.kind,
            StepKind::Move | StepKind::Start | StepKind::Extend
        );
        // Software on each person's computer (an office suite) or phone (a chat app); not a
        // password vault or a backup, which a few people run.
        let devices = (provider == Some(ProviderKind::Local)
            && !matches!(need, "passwords" | "backups"))
            || (need == "team-chat" && team.phones && !step.moves.is_empty());
        if (shared && n >= 50.0) || (devices && n >= 20.0) {
            let before = effort;
            effort = effort.max(Effort::Medium);
            if effort != before {
                reasons.push(if shared {
                    Text::new(
                        typo::count(Lang::Fr, n, "compte à ouvrir", "comptes à ouvrir"),
                        typo::count(Lang::En, n, "account to open", "accounts to open"),
                    )
                } else {
                    Text::new(
                        typo::count(Lang::Fr, n, "personne à équiper", "personnes à équiper"),
                        typo::count(Lang::En, n, "person to equip", "people to equip"),
                    )
                });
            }
        }
    }
    let hands_on = !matches!(
        step.kind,
        StepKind::FindOut | StepKind::Find | StepKind::OpenSpace
    ) && step.who.role != super::Role::Anyone;
    if team.beginners() && hands_on {
        let before = effort;
        effort = raise(effort);
        if effort != before {
            reasons.push(Text::new(
                "une équipe qui se dit peu à l'aise avec le numérique",
                "a team that says it is not at ease with computers",
            ));
        }
    }
    if !reasons.is_empty() {
        step.trace.add_rule("roadmap.effort");
    }
    step.effort = effort;
    step.effort_reasons = reasons;
    let base = if step.who.role == super::Role::Anyone {
        hours(effort) / 2.0
    } else {
        hours(effort)
    };
    step.hours = base
        + if team.beginners() && hands_on {
            1.0
        } else {
            0.0
        };
}
