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
        "Version anonymisée\u{a0}: le nom, le contact, la personne qui accompagne et les notes libres sont omis.",
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
        "Chaque barre va de 1 à 4\u{a0}: 1 dépendant (outils fermés, pratiques fragiles), 2 plutôt dépendant, 3 plutôt autonome, 4 autonome (outils libres, pratiques sûres)\u{202f}; la raison de chaque niveau est donnée à côté. Les domaines les plus dépendants sont en haut\u{202f}; «\u{a0}?\u{a0}»\u{a0}: pas assez de réponses pour le dire.",
        "Each bar runs from 1 to 4: 1 dependent (closed tools, fragile habits), 2 mostly dependent, 3 mostly autonomous, 4 autonomous (free tools, safe habits); the reason for each level is given beside it. The most dependent domains come first; \"?\": not enough answers to tell.",
    ),
    ("domain", "Domaine", "Domain"),
    ("level", "Niveau", "Level"),
    ("level_word", "Lecture", "Reading"),
    (
        "chart_radar",
        "Radar des niveaux par domaine",
        "Radar of levels by domain",
    ),
    ("chart_bars", "Niveaux par domaine", "Levels by domain"),
    ("scale_low", "1 = dépendant", "1 = dependent"),
    ("scale_high", "4 = autonome", "4 = autonomous"),
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
    ("why_q", "Pourquoi\u{a0}?", "Why?"),
    // Typography: French puts a no-break space before a colon, English none.
    ("colon", "\u{a0}:", ":"),
    ("quote_open", "«\u{a0}", "“"),
    ("quote_close", "\u{a0}»", "”"),
    ("answer_arrow", " → ", " → "),
    ("and_more", "et", "and"),
    ("other_answer", "autre réponse", "other answer"),
    ("other_answers", "autres réponses", "other answers"),
    ("other_source", "autre source", "other source"),
    ("other_sources", "autres sources", "other sources"),
    ("annex", "Annexe", "Annex"),
    (
        "annex_title",
        "Annexe\u{a0}: le détail des «\u{a0}Pourquoi\u{a0}?\u{a0}»",
        "Annex: the details behind \"Why?\"",
    ),
    (
        "annex_intro",
        "Chaque entrée donne toutes les réponses lues et toutes les sources utilisées pour les éléments nommés ; le texte y renvoie par son numéro.",
        "Each entry gives every answer read and every source used for the items named; the report refers to it by its number.",
    ),
    ("source", "Source", "Source"),
    (
        "same_answers",
        "Les mêmes réponses que {}.",
        "The same answers as {}.",
    ),
    ("to_check", "à vérifier", "to check"),
    ("to_find", "À trouver", "To find out"),
    (
        "same_detail",
        "détail\u{a0}: voir «\u{a0}{}\u{a0}» plus haut",
        "details: see \"{}\" above",
    ),
    ("leave_out", "Ne pas emporter", "Leave out"),
    (
        "answers_not_repeated",
        "Les réponses déjà citées dans le détail des «\u{a0}Pourquoi\u{a0}?\u{a0}» ne sont pas répétées ici.",
        "Answers already quoted in the detailed \"Why?\" are not repeated here.",
    ),
    (
        "role_anyone",
        "N'importe qui dans l'équipe",
        "Anyone in the team",
    ),
    (
        "role_referent",
        "La personne référente numérique",
        "The person in charge of digital tools",
    ),
    (
        "role_volunteer",
        "Un ou une bénévole à l'aise avec le numérique, avec l'aide du formateur",
        "A volunteer at ease with computers, helped by the trainer",
    ),
    (
        "role_social_media",
        "La personne qui anime vos réseaux",
        "The person who runs your social accounts",
    ),
    ("role_board", "Le bureau", "The board"),
    (
        "who_in_pairs",
        "«\u{a0}À deux\u{a0}»\u{a0}: pour que les accès ne reposent plus sur une seule personne.",
        "\"In pairs\": so access no longer rests on one person.",
    ),
    (
        "who_host_support",
        "«\u{a0}*\u{a0}»\u{a0}: l'accompagnement souhaité peut être demandé à l'hébergeur.",
        "\"*\": the support wished for can be asked of the host.",
    ),
    ("stays", "Reste", "Stays"),
    ("see_step", "voir {}", "see {}"),
    ("proposal", "Ce que nous vous proposons", "What we suggest"),
    (
        "proposal_intro",
        "Les premières étapes, à décider à votre prochaine réunion de bureau ou de conseil d'administration.",
        "The first steps, for your next board meeting to decide.",
    ),
    ("first_actions", "Premières actions", "First actions"),
    ("who", "Qui", "Who"),
    ("when", "Quand", "When"),
    ("effort_h", "Effort", "Effort"),
    ("cost_h", "Coût", "Cost"),
    ("place_h", "Où", "Where"),
    ("step_h", "Étape", "Step"),
    ("yearly_cost", "Coût annuel estimé", "Estimated yearly cost"),
    (
        "contact_first",
        "Où s'adresser d'abord",
        "Where to go first",
    ),
    ("severity", "Gravité", "Severity"),
    (
        "to_find_title",
        "À trouver avant de décider",
        "To find out before deciding",
    ),
    (
        "recos_short",
        "Que faire pour chaque besoin",
        "What to do for each need",
    ),
    ("scores_short", "Niveaux", "Levels"),
    (
        "place_keep",
        "ce que vous utilisez déjà",
        "what you already use",
    ),
    ("place_local", "sur vos appareils", "on your devices"),
    (
        "trainer_annex",
        "Annexe — Pour le formateur ou la formatrice",
        "Annex — For the trainer",
    ),
    (
        "trainer_annex_intro",
        "Le détail derrière les pages précédentes\u{a0}: les hébergeurs comparés, comment migrer, les besoins repérés, les «\u{a0}Pourquoi\u{202f}?\u{a0}» détaillés et les réponses au questionnaire.",
        "The details behind the previous pages: the hosts compared, how to move, the needs found, each \"Why?\" in full and the questionnaire answers.",
    ),
    ("hosts_compared", "Hébergeurs comparés", "Hosts compared"),
    (
        "score_scale",
        "Score\u{a0}: la somme des points donnés sous chaque hébergeur (besoins qu'il peut prendre, proximité, prix au regard du budget, offre pour les associations, appartenance aux CHATONS, fraîcheur des informations)\u{202f}; plus il est haut, mieux l'hébergeur convient, sans maximum fixe. Les hébergeurs retenus sont marqués «\u{a0}retenu\u{a0}».",
        "Score: the sum of the points listed under each host (needs it can take, nearness, price against the budget, offer for associations, CHATONS membership, how recent the facts are); the higher, the better the fit, with no fixed maximum. The hosts picked are marked \"picked\".",
    ),
    ("picked", "retenu", "picked"),
    ("answers_read_h", "Réponses lues", "Answers read"),
    (
        "answer_quoted",
        "réponse déjà citée plus haut",
        "answer quoted above",
    ),
    (
        "answers_quoted",
        "réponses déjà citées plus haut",
        "answers quoted above",
    ),
    ("candidate_for", "Peut prendre", "Can take"),
    (
        "howto_title",
        "Comment migrer, étape par étape",
        "How to move, step by step",
    ),
    (
        "why_detail",
        "Le détail des «\u{a0}Pourquoi\u{202f}?\u{a0}»",
        "Why, in detail",
    ),
    (
        "why_detail_intro",
        "Pour chaque élément, les raisons, les réponses lues et les sources\u{202f}; une phrase déjà donnée plus haut n'est pas répétée.",
        "For each item, the reasons, the answers read and the sources; a sentence already given above is not repeated.",
    ),
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
