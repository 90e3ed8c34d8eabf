//! Scores: one level per domain of the questionnaire, from 1 « dépendant » to 4 « autonome »,
//! with the answers that set it; no level ("inconnu") when nothing usable was answered.
//!
//! The rules, in the order they apply:
//!
//! - **Tool domains** (all but security, data protection and skills), rule `scores.tools`:
//!   1. Take the tools named in the domain's visible answers (choices with a `tool`) that the
//!      catalogue knows; none → no level.
//!   2. Base level = 1 + round(3 × share of free tools): none free → 1, a third → 2, two
//!      thirds → 3, all → 4.
//!   3. Mean `lock-in` rating of the domain ≥ 4 → −1 ("leaving would be hard"); ≤ 2 is noted
//!      as good news but does not raise the level (easy to leave is not autonomous yet).
//!   4. Mean `satisfaction` ≤ 2 while at least half the tools are free → −1 (the free tools are
//!      not adopted yet: a risk of going back).
//!   5. Clamp to 1–4; level 4 only when every tool named is free.
//! - **Security and data protection**, rule `scores.signals`: start at 2, add the weight of each
//!   signal present anywhere in the answers (security: `password-manager` +1, `backups-offsite`
//!   +1, `shared-passwords` −1, `single-admin` −1, `no-backups` −1; data protection:
//!   `gdpr-register` +2, `no-gdpr-register` −1, `personal-accounts` −1), clamp to 1–4. No level
//!   when the domain has no answer and no such signal.
//! - **Skills**, rule `scores.skills`: the mean `skills` rating (1–5) rounded, 5 counting as 4;
//!   `can-self-host` adds 1 (or gives 3 with no rating).

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Domain};
use crate::i18n::{Lang, Text, typo};

use super::needs::is_free;
use super::read::{Read, mean};
use super::trace::Trace;

/// The level of one domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DomainScore {
    pub domain: String,
    pub label: Text,
    /// 1 dépendant … 4 autonome; `None` when unknown.
    pub level: Option<u8>,
    pub level_label: Text,
    pub reasons: Vec<Text>,
    pub trace: Trace,
}

/// The name of a level.
pub fn level_label(level: Option<u8>) -> Text {
    match level {
        Some(1) => Text::new("dépendant", "dependent"),
        Some(2) => Text::new("plutôt dépendant", "mostly dependent"),
        Some(3) => Text::new("plutôt autonome", "mostly autonomous"),
        Some(_) => Text::new("autonome", "autonomous"),
        None => Text::new("inconnu", "unknown"),
    }
}

/// The name of a score domain.
pub fn domain_label(domain: &str) -> Text {
    let (fr, en) = match domain {
        "communication" => ("Communication interne", "Internal communication"),
        "email" => ("Courriel", "E-mail"),
        "lists" => ("Listes de diffusion", "Mailing lists"),
        "files" => ("Fichiers", "Files"),
        "office" => ("Bureautique", "Office documents"),
        "calendar" => ("Agendas et contacts", "Calendars and contacts"),
        "visio" => ("Visioconférence", "Video calls"),
        "forms" => ("Sondages et formulaires", "Polls and forms"),
        "projects" => ("Gestion de projet", "Project management"),
        "website" => ("Site web", "Website"),
        "social" => (
            "Réseaux sociaux et événements",
            "Social networks and events",
        ),
        "membership" => ("Adhésions et comptabilité", "Membership and accounting"),
        "devices" => ("Ordinateurs et téléphones", "Computers and phones"),
        "security" => ("Sécurité", "Security"),
        "data-protection" => ("Protection des données", "Data protection"),
        "skills" => ("Compétences", "Skills"),
        other => (other, other),
    };
    Text::new(fr, en)
}

const SECURITY: &[(&str, i32, &str, &str)] = &[
    (
        "password-manager",
        1,
        "un gestionnaire de mots de passe est utilisé",
        "a password manager is used",
    ),
    (
        "backups-offsite",
        1,
        "des sauvegardes sont gardées ailleurs",
        "backups are kept elsewhere",
    ),
    (
        "shared-passwords",
        -1,
        "des mots de passe circulent en clair",
        "passwords are shared in clear",
    ),
    (
        "single-admin",
        -1,
        "une seule personne détient tous les accès",
        "one person holds every access",
    ),
    ("no-backups", -1, "pas de sauvegarde", "no backups"),
];

const DATA_PROTECTION: &[(&str, i32, &str, &str)] = &[
    (
        "gdpr-register",
        2,
        "un registre des traitements (RGPD) est tenu",
        "a GDPR record of processing is kept",
    ),
    (
        "no-gdpr-register",
        -1,
        "pas de registre des traitements (RGPD)",
        "no GDPR record of processing",
    ),
    (
        "personal-accounts",
        -1,
        "des données de l'association sont dans des comptes personnels",
        "association data sits in personal accounts",
    ),
];

/// One score per domain the questionnaire uses, in the catalogue's domain order.
pub(crate) fn scores(read: &Read<'_>, catalog: &Catalog) -> Vec<DomainScore> {
    let mut domains: Vec<&str> = Vec::new();
    for (section, question) in read.questionnaire.questions() {
        if let Some(d) = question.domain(section)
            && !domains.contains(&d)
        {
            domains.push(d);
        }
    }
    domains.sort_by_key(|d| {
        Domain::ALL
            .iter()
            .position(|x| x.id() == *d)
            .unwrap_or(usize::MAX)
    });
    domains
        .into_iter()
        .map(|d| match d {
            "security" => by_signals(read, d, SECURITY),
            "data-protection" => by_signals(read, d, DATA_PROTECTION),
            "skills" => skills(read, d),
            _ => by_tools(read, catalog, d),
        })
        .collect()
}

fn score(domain: &str, level: Option<u8>, reasons: Vec<Text>, trace: Trace) -> DomainScore {
    DomainScore {
        domain: domain.to_string(),
        label: domain_label(domain),
        level,
        level_label: level_label(level),
        reasons,
        trace,
    }
}

fn by_tools(read: &Read<'_>, catalog: &Catalog, domain: &str) -> DomainScore {
    let mut trace = Trace::rule("scores.tools");
    let mut reasons = Vec::new();
    let (mut free, mut known) = (0u32, 0u32);
    let mut seen: Vec<&str> = Vec::new();
    for (item, choice) in read.choices() {
        let Some(tool) = choice.tool.as_deref() else {
            continue;
        };
        if item.domain() != Some(domain) || seen.contains(&tool) {
            continue;
        }
        seen.push(tool);
        let tagged = choice.signals.iter().any(|s| s == "free-software");
        if let Some(is) = is_free(catalog, tool, tagged) {
            known += 1;
            free += u32::from(is);
            trace.add_answer(item.read_choice(choice));
        }
    }
    if known == 0 {
        let why = if read.domain_answered(domain) {
            Text::new(
                "aucun outil connu du catalogue n'est cité",
                "no tool known to the catalogue is named",
            )
        } else {
            Text::new("pas encore de réponse", "no answer yet")
        };
        return score(domain, None, vec![why], trace);
    }
    let share = f64::from(free) / f64::from(known);
    let mut level = 1 + (3.0 * share).round() as i32;
    reasons.push(Text::new(
        format!(
            "{} sur {known}",
            typo::count(Lang::Fr, free, "outil libre", "outils libres")
        ),
        format!(
            "{} out of {known}",
            typo::count(Lang::En, free, "free tool", "free tools")
        ),
    ));
    let lock = read.role("lock-in", Some(domain));
    if let Some(m) = mean(&lock) {
        if m >= 4.0 {
            level -= 1;
            reasons.push(Text::new(
                "partir serait difficile",
                "leaving would be hard",
            ));
        } else if m <= 2.0 {
            // Noted, but easy leaving is not autonomy yet: the level does not rise.
            reasons.push(Text::new(
                "partir serait facile (bon point pour la suite)",
                "leaving would be easy (good for what comes next)",
            ));
        }
        trace.add_answers(lock.into_iter().map(|(_, r)| r));
    }
    let satisfaction = read.role("satisfaction", Some(domain));
    if let Some(m) = mean(&satisfaction)
        && m <= 2.0
        && share >= 0.5
    {
        level -= 1;
        reasons.push(Text::new(
            "outils libres peu satisfaisants : risque de retour en arrière",
            "free tools not satisfying: a risk of going back",
        ));
        trace.add_answers(satisfaction.into_iter().map(|(_, r)| r));
    }
    let top = if free == known { 4 } else { 3 };
    score(domain, Some(level.clamp(1, top) as u8), reasons, trace)
}

fn by_signals(read: &Read<'_>, domain: &str, table: &[(&str, i32, &str, &str)]) -> DomainScore {
    let mut trace = Trace::rule("scores.signals");
    let mut reasons = Vec::new();
    let mut level = 2;
    let mut any = false;
    for (signal, weight, fr, en) in table {
        let reads = read.signal(signal);
        if reads.is_empty() {
            continue;
        }
        any = true;
        level += weight;
        reasons.push(Text::new(*fr, *en));
        trace.add_answers(reads);
    }
    if !any {
        let why = if read.domain_answered(domain) {
            Text::new(
                "aucune pratique relevée dans les réponses",
                "no practice found in the answers",
            )
        } else {
            Text::new("pas encore de réponse", "no answer yet")
        };
        return score(domain, None, vec![why], trace);
    }
    score(domain, Some(level.clamp(1, 4) as u8), reasons, trace)
}

fn skills(read: &Read<'_>, domain: &str) -> DomainScore {
    let mut trace = Trace::rule("scores.skills");
    let mut reasons = Vec::new();
    let ratings = read.role("skills", None);
    let mut level = mean(&ratings).map(|m| (m.round() as i32).clamp(1, 4));
    if let Some(m) = mean(&ratings) {
        reasons.push(Text::new(
            format!("autonomie déclarée : {:.1} sur 5", m),
            format!("stated autonomy: {:.1} out of 5", m),
        ));
        trace.add_answers(ratings.into_iter().map(|(_, r)| r));
    }
    let host = read.signal("can-self-host");
    if !host.is_empty() {
        level = Some(level.map_or(3, |l| (l + 1).min(4)));
        reasons.push(Text::new(
            "quelqu'un sait installer et maintenir un serveur",
            "someone can install and maintain a server",
        ));
        trace.add_answers(host);
    }
    if level.is_none() {
        reasons.push(Text::new("pas encore de réponse", "no answer yet"));
    }
    score(domain, level.map(|l| l as u8), reasons, trace)
}
