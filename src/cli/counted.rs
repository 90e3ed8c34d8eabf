//! The command line's messages that carry a count, in both languages: each noun, adjective
//! and participle agrees with its number through `typo` (« 1 réponse confirmée telle quelle »,
//! « 2 réponses confirmées telles quelles », « 0 erreur », "0 errors"), never with « (s) ».
//! Pure functions, so the tests render each with 0, 1 and 2.

use crate::i18n::typo::{count, list, plural};
use crate::i18n::{Lang, Message};
use crate::store::MergeReport;

/// Both languages of a message built by `f` from the language.
fn both(f: impl Fn(Lang) -> String) -> Message {
    Message::new(f(Lang::Fr), f(Lang::En))
}

/// A file refused whole: « fichier.toml : 2 problèmes, rien n'a été enregistré. »
pub fn nothing_saved(name: &str, problems: usize) -> Message {
    both(|l| match l {
        Lang::Fr => format!(
            "{name} : {}, rien n'a été enregistré.",
            count(l, problems, "problème", "problèmes")
        ),
        Lang::En => format!(
            "{name}: {}, nothing was saved.",
            count(l, problems, "problem", "problems")
        ),
    })
}

/// A questionnaire file with errors: « q.toml : 1 erreur ».
pub fn file_errors(name: &str, errors: usize) -> Message {
    both(|l| {
        let n = count(
            l,
            errors,
            l.pick("erreur", "error"),
            l.pick("erreurs", "errors"),
        );
        format!("{name}{} {n}", l.pick(" :", ":"))
    })
}

/// Answers refused at import, after their list (`lines`, per language).
pub fn answers_refused(lines: impl Fn(Lang) -> String, shown: &str, n: usize) -> Message {
    both(|l| match l {
        Lang::Fr => format!(
            "{}{shown} : {} (ce que le questionnaire n'accepte pas) ; rien n'a été importé.",
            lines(l),
            count(l, n, "réponse refusée", "réponses refusées")
        ),
        Lang::En => format!(
            "{}{shown}: {} refused (what the questionnaire does not accept); nothing was imported.",
            lines(l),
            count(l, n, "answer", "answers")
        ),
    })
}

/// The question before erasing an association.
pub fn erase_prompt(name: &str, audits: usize) -> Message {
    both(|l| match l {
        Lang::Fr => format!(
            "Effacer définitivement « {name} » avec {}, ses réponses et ses notes ? Irréversible. [o/N] ",
            count(l, audits, "audit", "audits")
        ),
        Lang::En => format!(
            "Erase '{name}' with {}, its answers and notes for good? This cannot be undone. [y/N] ",
            count(l, audits, "audit", "audits")
        ),
    })
}

/// What an erasure removed.
pub fn erased(name: &str, audits: usize, answers: usize, notes: usize, trail: usize) -> Message {
    both(|l| {
        let parts = [
            count(l, audits, "audit", "audits"),
            count(
                l,
                answers,
                l.pick("réponse", "answer"),
                l.pick("réponses", "answers"),
            ),
            count(l, notes, "note", "notes"),
            count(
                l,
                trail,
                l.pick("entrée d'historique", "history entry"),
                l.pick("entrées d'historique", "history entries"),
            ),
        ];
        match l {
            Lang::Fr => format!("Effacé : « {name} » avec {}.", list(l, &parts)),
            Lang::En => format!("Erased: '{name}' with {}.", list(l, &parts)),
        }
    })
}

/// A follow-up just started (`questionnaire` is « id vN »).
pub fn followup_started(questionnaire: &str, to_confirm: usize) -> Message {
    both(|l| match l {
        Lang::Fr => format!(
            "Audit de suivi commencé ({questionnaire}) : {} à confirmer ou changer, aucune recopiée. Voyez `diagasso followup show`.",
            count(l, to_confirm, "réponse précédente", "réponses précédentes")
        ),
        Lang::En => format!(
            "Follow-up audit started ({questionnaire}): {} to confirm or change, none copied. See `diagasso followup show`.",
            count(l, to_confirm, "previous answer", "previous answers")
        ),
    })
}

/// Where a follow-up stands: previous answers to confirm, confirmed, changed, to ask afresh.
pub fn followup_state(
    previous: &str,
    started: &str,
    [to_confirm, confirmed, changed, afresh]: [usize; 4],
) -> Message {
    both(|l| match l {
        Lang::Fr => format!(
            "Suivi de l'audit {previous} (commencé le {started}) : {to_confirm} à confirmer, {confirmed} {}, {changed} {}, {afresh} à reprendre.",
            plural(l, confirmed, "confirmée", "confirmées"),
            plural(l, changed, "changée", "changées"),
        ),
        Lang::En => format!(
            "Follow-up of audit {previous} (started {started}): {to_confirm} to confirm, {confirmed} confirmed, {changed} changed, {afresh} to ask afresh."
        ),
    })
}

/// `followup confirm` stopped on a question with nothing to confirm, after `done` others.
pub fn nothing_to_confirm(id: &str, audit: &str, done: usize) -> Message {
    both(|l| match l {
        Lang::Fr => format!(
            "« {id} » n'a pas de réponse précédente à confirmer (voyez `diagasso followup show {audit}`) ; {done} {} avant.",
            plural(l, done, "confirmée", "confirmées")
        ),
        Lang::En => format!(
            "'{id}' has no previous answer to confirm (see `diagasso followup show {audit}`); {done} confirmed before."
        ),
    })
}

/// Previous answers confirmed by `followup confirm`.
pub fn confirmed(done: usize) -> Message {
    both(|l| match l {
        Lang::Fr => format!(
            "{} {}.",
            count(l, done, "réponse confirmée", "réponses confirmées"),
            plural(l, done, "telle quelle", "telles quelles")
        ),
        Lang::En => format!(
            "{} as {}.",
            count(l, done, "answer confirmed", "answers confirmed"),
            plural(l, done, "it was", "they were")
        ),
    })
}

/// What a bundle holds once written (its path follows on the next line).
pub fn bundle_written(audits: usize, associations: usize, workshops: usize) -> Message {
    both(|l| {
        let parts = [
            count(l, audits, "audit", "audits"),
            count(l, associations, "association", "associations"),
            count(
                l,
                workshops,
                l.pick("atelier", "workshop"),
                l.pick("ateliers", "workshops"),
            ),
        ];
        let parts = list(l, &parts);
        match l {
            Lang::Fr => format!("{parts} écrits dans le paquet :"),
            Lang::En => format!("{parts} written to the bundle:"),
        }
    })
}

/// What importing a bundle changed (one line, ending with a line break).
pub fn bundle_merged(name: &str, r: &MergeReport) -> Message {
    let conflicts = r.conflicts.len();
    both(|l| match l {
        Lang::Fr => format!(
            "{name} : {}, {} ; {}, {} {} ; {} du paquet ; {} ; {} ; {}.\n",
            count(l, r.audits_added, "audit ajouté", "audits ajoutés"),
            count(l, r.audits_updated, "mis à jour", "mis à jour"),
            count(
                l,
                r.associations_added,
                "association ajoutée",
                "associations ajoutées"
            ),
            r.associations_updated,
            plural(l, r.associations_updated, "mise à jour", "mises à jour"),
            count(l, r.answers_taken, "réponse reprise", "réponses reprises"),
            count(
                l,
                r.trail_added,
                "entrée d'historique ajoutée",
                "entrées d'historique ajoutées"
            ),
            count(l, r.workshops_added, "atelier ajouté", "ateliers ajoutés"),
            count(l, conflicts, "conflit", "conflits"),
        ),
        Lang::En => format!(
            "{name}: {} added, {} updated; {} added, {} updated; {} taken from the bundle; {} added; {} added; {}.\n",
            count(l, r.audits_added, "audit", "audits"),
            r.audits_updated,
            count(l, r.associations_added, "association", "associations"),
            r.associations_updated,
            count(l, r.answers_taken, "answer", "answers"),
            count(l, r.trail_added, "trail entry", "trail entries"),
            count(l, r.workshops_added, "workshop", "workshops"),
            count(l, conflicts, "conflict", "conflicts"),
        ),
    })
}

/// The follow-up comparison's count of answers that did not change.
pub fn unchanged(l: Lang, n: usize) -> String {
    count(
        l,
        n,
        l.pick("réponse inchangée", "answer unchanged"),
        l.pick("réponses inchangées", "answers unchanged"),
    )
}

/// The follow-up comparison's count of questions not asked again yet.
pub fn not_asked_yet(l: Lang, n: usize) -> String {
    match l {
        Lang::Fr => format!(
            "{} dans le suivi",
            count(
                l,
                n,
                "question pas encore reposée",
                "questions pas encore reposées"
            )
        ),
        Lang::En => format!(
            "{} not asked again yet in the follow-up",
            count(l, n, "question", "questions")
        ),
    }
}

#[cfg(test)]
mod tests;
