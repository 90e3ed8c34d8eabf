//! The fixed words of every export, French first then English, looked up by key. Templates
//! read them as `t.key`; the PDF and CSV writers call [`label`]. One table, so a word is
//! translated once and the formats never disagree.

use std::collections::BTreeMap;

use crate::i18n::Lang;

/// (key, French, English).
const LABELS: &[(&str, &str, &str)] = &[
    (
        "report_title",
        "Diagnostic numérique et plan de transition",
        "Digital diagnostic and transition plan",
    ),
    (
        "generated_by",
        "Document produit avec diagasso, hors ligne, à partir des réponses au questionnaire",
        "Produced with diagasso, offline, from the questionnaire answers",
    ),
    ("contents", "Sommaire", "Contents"),
    ("profile", "Profil de l'association", "Association profile"),
    ("name", "Nom", "Name"),
    ("legal_form", "Forme", "Legal form"),
    ("activity", "Activité", "Activity"),
    ("place", "Lieu", "Place"),
    ("departement", "département", "département"),
    ("members", "Adhérents", "Members"),
    ("employees", "Salariés", "Employees"),
    ("volunteers", "Bénévoles", "Volunteers"),
    ("budget", "Budget annuel", "Annual budget"),
    ("contact", "Contact", "Contact"),
    ("trainer", "Accompagnement", "Trainer"),
    (
        "anonymised_note",
        "Version anonymisée : le nom, le contact, la personne qui accompagne et les notes libres sont omis.",
        "Anonymised version: name, contact, trainer and free-text notes are left out.",
    ),
    ("audit", "Diagnostic", "Diagnostic"),
    ("questionnaire", "Questionnaire", "Questionnaire"),
    ("version", "version", "version"),
    ("status", "État", "Status"),
    ("status_in_progress", "en cours", "in progress"),
    ("status_finished", "terminé", "finished"),
    ("started", "Commencé le", "Started on"),
    ("finished", "Terminé le", "Finished on"),
    ("updated", "Mis à jour le", "Updated on"),
    ("answered", "Questions répondues", "Questions answered"),
    (
        "scores",
        "Autonomie numérique par domaine",
        "Digital autonomy by domain",
    ),
    (
        "scores_intro",
        "Niveau de 0 (forte dépendance à des services fermés) à 4 (autonome, outils libres maîtrisés).",
        "Level from 0 (heavily dependent on closed services) to 4 (autonomous, free tools mastered).",
    ),
    ("domain", "Domaine", "Domain"),
    ("level", "Niveau", "Level"),
    (
        "chart_radar",
        "Radar des niveaux par domaine",
        "Radar of levels by domain",
    ),
    ("chart_bars", "Niveaux par domaine", "Levels by domain"),
    (
        "chart_table",
        "Les mêmes données en tableau",
        "The same data as a table",
    ),
    ("framaspace", "Frama.space", "Frama.space"),
    (
        "fs_eligible",
        "Probablement éligible à Frama.space (la demande est examinée par Framasoft)",
        "Probably eligible for Frama.space (Framasoft reviews each request)",
    ),
    (
        "fs_not_eligible",
        "Frama.space ne convient pas en l'état",
        "Frama.space does not fit as things stand",
    ),
    (
        "fs_unknown",
        "Éligibilité à Frama.space non déterminée",
        "Frama.space eligibility not determined",
    ),
    ("reasons", "Raisons", "Reasons"),
    ("needs", "Besoins repérés", "Needs found"),
    ("need", "Besoin", "Need"),
    ("current_tools", "Outils actuels", "Current tools"),
    ("dependency", "Dépendance", "Dependency"),
    ("recommendations", "Recommandations", "Recommendations"),
    ("software", "Logiciel libre", "Free software"),
    ("providers", "Où l'héberger", "Where to host it"),
    ("score", "score", "score"),
    ("why", "Pourquoi", "Why"),
    ("roadmap", "Feuille de route", "Roadmap"),
    ("effort", "effort", "effort"),
    ("cost", "coût", "cost"),
    ("howto", "Comment", "How"),
    ("risks", "Points de vigilance", "Risks"),
    ("summary", "En bref", "In short"),
    (
        "hosts",
        "Hébergeurs CHATONS proposés",
        "Suggested CHATONS hosts",
    ),
    ("action", "Action", "Action"),
    ("what_to_do", "Que faire", "What to do"),
    (
        "answers",
        "Réponses au questionnaire",
        "Questionnaire answers",
    ),
    ("question", "Question", "Question"),
    ("answer", "Réponse", "Answer"),
    ("note", "Note", "Note"),
    ("general_note", "Note générale", "General note"),
    ("dont_know", "Je ne sais pas", "Don't know"),
    ("not_applicable", "Non concerné", "Not applicable"),
    ("yes", "Oui", "Yes"),
    ("no", "Non", "No"),
    ("omitted_text", "(texte libre omis)", "(free text left out)"),
    ("sources", "Sources", "Sources"),
    (
        "catalog_as_of",
        "Catalogue des hébergeurs et logiciels à jour au",
        "Catalogue of hosts and software as of",
    ),
    (
        "catalog_unknown",
        "date du catalogue inconnue",
        "catalogue date unknown",
    ),
    (
        "traces",
        "D'où viennent ces recommandations",
        "Where these recommendations come from",
    ),
    (
        "traces_intro",
        "Chaque recommandation est calculée par des règles à partir des réponses ; voici les règles appliquées et les réponses lues.",
        "Each recommendation is computed by rules from the answers; here are the rules applied and the answers read.",
    ),
    ("rule", "Règle", "Rule"),
    ("answers_read", "réponses lues", "answers read"),
    ("none", "aucun", "none"),
    ("page", "Page", "Page"),
    ("of", "sur", "of"),
    ("eur_per_year", "€ par an", "€ per year"),
];

/// The word for `key` in `lang`; the key itself when missing (a visible, harmless fallback).
pub fn label(lang: Lang, key: &'static str) -> &'static str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, fr, en)| lang.pick(fr, en))
        .unwrap_or(key)
}

/// Every word in `lang`, for templates.
pub fn all(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|(k, fr, en)| (*k, lang.pick(fr, en)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_both_languages_present() {
        let mut seen = std::collections::BTreeSet::new();
        for (k, fr, en) in LABELS {
            assert!(seen.insert(*k), "duplicate key {k}");
            assert!(!fr.is_empty() && !en.is_empty(), "{k}");
        }
    }
}
