//! `diagasso erase ASSOCIATION`: the right to erasure. Asks for confirmation on a terminal
//! (default no); without a terminal it needs `--yes`. The store removes every row about the
//! association and scrubs the file; the report says what went.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::{fail, open_existing, say};
use crate::cli::Context;
use crate::i18n::Message;
use crate::store::StoreError;

#[derive(Debug, clap::Args)]
pub struct EraseArgs {
    /// L'association : son nom exact, le numéro d'un de ses audits ou sa référence dans
    /// `diagasso list`, un début d'identifiant / the association: its exact name, the number
    /// of one of its audits or its reference in `diagasso list`, an id start.
    pub association: String,
    /// Ne pas demander de confirmation / do not ask for confirmation.
    #[arg(long)]
    pub yes: bool,
    /// Sortie JSON : association, name, audits, answers, notes, trail_entries, scrubbed /
    /// JSON output: association, name, audits, answers, notes, trail_entries, scrubbed.
    #[arg(long)]
    pub json: bool,
}

pub fn erase(ctx: &Context, args: &EraseArgs) -> ExitCode {
    let lang = ctx.lang;
    let mut store = match open_existing(ctx) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let id = match super::resolve(
        ctx,
        &store,
        crate::store::RefKind::Association,
        &args.association,
    ) {
        Ok(id) => id,
        Err(code) => return code,
    };
    let id = id.as_str();
    let (association, audits) = match (store.association(id), store.count_audits_of(id)) {
        (Ok(Some(a)), Ok(n)) => (a, n),
        (Ok(None), _) => return fail(ctx, &StoreError::UnknownAssociation(id.to_string())),
        (Err(e), _) | (_, Err(e)) => return fail(ctx, &e),
    };
    // A big file takes a while and room to scrub: say so before starting, and refuse at once
    // when the disk lacks the room (rows erased but not scrubbed would linger).
    if let Some(cost) = store.scrub_cost()
        && (cost.file_bytes >= 50_000_000 || cost.short_of_room())
    {
        if cost.short_of_room() {
            return say(lang, &short_of_room(&cost));
        }
        errln!("{}", scrub_notice(&cost).get(lang));
    }
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
        crate::cli::print::err(crate::cli::counted::erase_prompt(name, audits).get(lang));
        let mut reply = Vec::new();
        let read = crate::bounded::read_line(&mut std::io::stdin().lock(), 1024, &mut reply);
        if !matches!(read, Ok(crate::bounded::Line::Read))
            || !crate::i18n::is_yes(&String::from_utf8_lossy(&reply))
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
    if args.json {
        outln!(
            "{}",
            serde_json::json!({
                "association": id, "name": name, "audits": a, "answers": w, "notes": n,
                "trail_entries": t, "scrubbed": report.scrubbed,
            })
        );
    } else {
        outln!(
            "{}",
            crate::cli::counted::erased(name, a, w, n, t).get(lang)
        );
    }
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

/// "3,1 Go" / "3.1 GB".
fn size(bytes: u64) -> (String, String) {
    let (n, fr, en) = if bytes >= 1_000_000_000 {
        (bytes as f64 / 1e9, "Go", "GB")
    } else {
        (bytes as f64 / 1e6, "Mo", "MB")
    };
    let en_n = format!("{n:.1}");
    (
        format!("{}\u{a0}{fr}", en_n.replace('.', ",")),
        format!("{en_n} {en}"),
    )
}

fn scrub_notice(c: &crate::store::ScrubCost) -> Message {
    let (file, needed) = (size(c.file_bytes), size(c.needed_bytes));
    let free = c.free_bytes.map(size);
    let (lo, hi) = c.seconds;
    Message::new(
        format!(
            "Effacement : les lignes de l'association sont supprimées en une transaction, puis le fichier est réécrit sans elles (VACUUM) pour qu'il n'en reste aucun octet. Fichier de {} : il faut {} libres sur son disque (1,9 fois sa taille{}) et environ {lo} à {hi} s.",
            file.0,
            needed.0,
            free.as_ref()
                .map(|f| format!(" ; {} libres", f.0))
                .unwrap_or_default()
        ),
        format!(
            "Erasing: the association's rows are deleted in one transaction, then the file is rewritten without them (VACUUM) so that no byte of them is left. A file of {}: it needs {} free on its disk (1.9 times its size{}) and about {lo} to {hi} s.",
            file.1,
            needed.1,
            free.as_ref()
                .map(|f| format!("; {} free", f.1))
                .unwrap_or_default()
        ),
    )
}

fn short_of_room(c: &crate::store::ScrubCost) -> Message {
    let needed = size(c.needed_bytes);
    let free = size(c.free_bytes.unwrap_or(0));
    Message::new(
        format!(
            "Pas assez de place pour effacer sans laisser de traces : réécrire le fichier (VACUUM) demande {} libres sur son disque, il y en a {}. Libérez de la place, puis recommencez ; rien n'a été effacé.",
            needed.0, free.0
        ),
        format!(
            "Not enough room to erase without leaving traces: rewriting the file (VACUUM) needs {} free on its disk, there are {}. Free some space, then try again; nothing was erased.",
            needed.1, free.1
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scrub_notice_says_size_room_and_time() {
        let c = crate::store::ScrubCost {
            file_bytes: 3_100_000_000,
            needed_bytes: 5_890_000_000,
            free_bytes: Some(12_400_000_000),
            seconds: (31, 57),
        };
        let m = scrub_notice(&c);
        assert!(m.fr.contains("Fichier de 3,1\u{a0}Go : il faut 5,9\u{a0}Go libres sur son disque (1,9 fois sa taille ; 12,4\u{a0}Go libres) et environ 31 à 57 s."), "{}", m.fr);
        assert!(m.en.contains("A file of 3.1 GB: it needs 5.9 GB free on its disk (1.9 times its size; 12.4 GB free) and about 31 to 57 s."), "{}", m.en);
        assert!(!c.short_of_room());
        let short = crate::store::ScrubCost {
            free_bytes: Some(1_000_000_000),
            ..c
        };
        assert!(short.short_of_room());
        assert!(
            short_of_room(&short)
                .en
                .contains("needs 5.9 GB free on its disk, there are 1.0 GB")
        );
    }
}
