//! Backups (`roadmap.backup`): a regular copy kept off site, with software that installs on the
//! team's computers — none named when the catalogue's does not (BorgBackup has no native Windows
//! version: its dated platform note is cited instead), urgent when there is no backup at all.

use crate::i18n::Text;

use super::super::recommend::Recommendation;
use super::super::risks::Severity;
use super::schedule::who;
use super::special::blank;
use super::team::Team;
use super::{Input, Phase, Role, Step, StepKind};

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
