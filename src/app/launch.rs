//! What every interactive start needs, whichever front end follows: the store to open and
//! whether the line mode is wanted or needed. Choosing between the full-screen interface and the line mode is the binary's dispatch (`main.rs`), since this
//! layer depends on no front end.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::i18n::Message;
use crate::store::Store;

/// Whether the line mode is wanted (`--plain`, the `plain` setting or `DIAGASSO_PLAIN=1`) or
/// needed (standard input or output not a terminal, `TERM=dumb`).
pub fn wants_plain(forced: bool) -> bool {
    forced
        || !std::io::stdout().is_terminal()
        || !std::io::stdin().is_terminal()
        || std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// A yes in an environment variable: anything but empty, `0`, `false`, `no` or `non`
/// (`DIAGASSO_PLAIN=1`, set once in a screen-reader user's shell profile).
pub fn truthy(v: &str) -> bool {
    let v = v.trim().to_ascii_lowercase();
    !(v.is_empty() || v == "0" || v == "false" || v == "no" || v == "non")
}

/// Open the store at `db`, or at the default place.
pub fn open_store(db: Option<&Path>) -> Result<(Store, PathBuf), Message> {
    let path = match db
        .map(Path::to_path_buf)
        .map_or_else(Store::default_path, Ok)
    {
        Ok(p) => p,
        Err(e) => return Err(e.message()),
    };
    let store = Store::open(&path).map_err(|e| e.message())?;
    Ok((store, path))
}

/// The line mode stopped on an input or output error.
pub fn plain_stopped(e: &std::io::Error) -> Message {
    Message::new(
        format!(
            "le mode ligne s'est arrêté : lecture ou écriture impossible ({e}). Tout ce qui a été annoncé « Enregistré » est enregistré ; relancez pour reprendre."
        ),
        format!(
            "the line mode stopped: cannot read or write ({e}). Everything announced as \"Saved\" is saved; start again to resume."
        ),
    )
}
