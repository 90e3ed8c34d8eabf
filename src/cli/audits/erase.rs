//! `diagasso erase ASSOCIATION`: the right to erasure. Asks for confirmation on a terminal
//! (default no); without a terminal it needs `--yes`. The store removes every row about the
//! association and scrubs the file; the report says what went.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::{fail, open, say};
use crate::cli::Context;
use crate::i18n::Message;
use crate::store::StoreError;

#[derive(Debug, clap::Args)]
pub struct EraseArgs {
    /// Identifiant de l'association / association id (see `diagasso show` or `list --json`).
    pub association: String,
    /// Ne pas demander de confirmation / do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
}

pub fn erase(ctx: &Context, args: &EraseArgs) -> ExitCode {
    let lang = ctx.lang;
    let mut store = match open(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let id = args.association.trim();
    let (association, audits) = match (store.association(id), store.count_audits_of(id)) {
        (Ok(Some(a)), Ok(n)) => (a, n),
        (Ok(None), _) => return fail(ctx, &StoreError::UnknownAssociation(id.to_string())),
        (Err(e), _) | (_, Err(e)) => return fail(ctx, &e),
    };
    if !args.yes {
        let name = &association.name;
        if !std::io::stdin().is_terminal() {
            return say(
                lang,
                &Message::new(
                    format!(
                        "Effacement de « {name} » non confirmé : l'entrée n'est pas un terminal. Ajoutez --yes pour confirmer."
                    ),
                    format!(
                        "Erasure of '{name}' not confirmed: input is not a terminal. Add --yes to confirm."
                    ),
                ),
            );
        }
        crate::cli::print::err(lang.pick(
            &format!("Effacer définitivement « {name} », ses {audits} audit(s), réponses et notes ? Irréversible. [o/N] "),
            &format!("Erase '{name}' with its {audits} audit(s), answers and notes for good? This cannot be undone. [y/N] "),
        ));
        let mut reply = Vec::new();
        let read = crate::bounded::read_line(&mut std::io::stdin().lock(), 1024, &mut reply);
        if !matches!(read, Ok(crate::bounded::Line::Read))
            || !is_yes(&String::from_utf8_lossy(&reply))
        {
            errln!(
                "{}",
                lang.pick("Rien n'a été effacé.", "Nothing was erased.")
            );
            return ExitCode::FAILURE;
        }
    }
    let report = match store.erase_association(id) {
        Ok(r) => r,
        Err(e) => return fail(ctx, &e),
    };
    let (name, a, w, n, t) = (
        &report.association_name,
        report.audits,
        report.answers,
        report.notes,
        report.trail_entries,
    );
    outln!(
        "{}",
        lang.pick(
            &format!("Effacé : « {name} » avec {a} audit(s), {w} réponse(s), {n} note(s) et {t} entrée(s) d'historique."),
            &format!("Erased: '{name}' with {a} audit(s), {w} answer(s), {n} note(s) and {t} history entries."),
        )
    );
    if !report.scrubbed {
        errln!(
            "{}",
            lang.pick(
                "Attention : une autre fenêtre de diagasso garde le fichier ouvert ; des traces des données effacées restent dans le fichier -wal jusqu'à sa fermeture. Fermez-la.",
                "Warning: another diagasso window keeps the file open; traces of the erased data stay in the -wal file until it closes. Close it.",
            )
        );
    }
    ExitCode::SUCCESS
}

/// « o », « oui », "y", "yes", in any case.
fn is_yes(reply: &str) -> bool {
    matches!(
        reply.trim().to_lowercase().as_str(),
        "o" | "oui" | "y" | "yes"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies() {
        assert!(is_yes("Oui\n") && is_yes(" y") && is_yes("O"));
        assert!(!is_yes("") && !is_yes("non") && !is_yes("n"));
    }
}
