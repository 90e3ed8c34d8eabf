//! What `diagasso` does with no subcommand: open the store, then the full-screen interface, or
//! the line mode when asked (`--plain`, `--screen-reader`) or when the terminal cannot hold a
//! full screen (standard input or output not a terminal, `TERM=dumb`).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use super::theme::{Theme, ThemeName};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::safe_text::{Escaped, terminal};
use crate::store::Store;

pub struct Launch {
    pub lang: Lang,
    pub db: Option<PathBuf>,
    pub theme: Option<ThemeName>,
    pub plain: bool,
}

/// The trainer's name recorded with new audits: `DIAGASSO_TRAINER`, else the login name.
pub fn trainer() -> String {
    ["DIAGASSO_TRAINER", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_default()
}

/// Whether the line mode is wanted or needed.
pub fn wants_plain(forced: bool) -> bool {
    forced
        || !std::io::stdout().is_terminal()
        || !std::io::stdin().is_terminal()
        || std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

pub fn start(l: Launch) -> ExitCode {
    let fail = |m: crate::i18n::Message| {
        eprintln!("{}", terminal(m.get(l.lang)));
        ExitCode::FAILURE
    };
    let path = match l.db.clone().map_or_else(Store::default_path, Ok) {
        Ok(p) => p,
        Err(e) => return fail(e.message()),
    };
    let mut store = match Store::open(&path) {
        Ok(s) => s,
        Err(e) => return fail(e.message()),
    };
    if wants_plain(l.plain) {
        let stdin = std::io::stdin();
        let echo = !stdin.is_terminal();
        let result = crate::plain::run(
            &mut store,
            l.lang,
            trainer(),
            stdin.lock(),
            // Everything the line mode writes is escaped (stored names, echoed input).
            Escaped::new(std::io::stdout().lock()),
            echo,
        );
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            // A closed output (a pipe to `head`) is not an error worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => fail(crate::i18n::Message::new(
                format!(
                    "le mode ligne s'est arrêté : lecture ou écriture impossible ({e}). Tout ce qui a été annoncé « Enregistré » est enregistré ; relancez pour reprendre."
                ),
                format!(
                    "the line mode stopped: cannot read or write ({e}). Everything announced as \"Saved\" is saved; start again to resume."
                ),
            )),
        };
    }
    let no_color = std::env::var("NO_COLOR").is_ok_and(|v| !v.is_empty());
    let options = super::Options {
        lang: l.lang,
        theme: Theme::pick(l.theme, no_color),
        trainer: trainer(),
    };
    match super::run(&mut store, options) {
        Ok(()) => {
            println!(
                "{}",
                terminal(&Ui::Goodbye.fill(l.lang, &[&path.display()]))
            );
            ExitCode::SUCCESS
        }
        Err(m) => fail(m),
    }
}
