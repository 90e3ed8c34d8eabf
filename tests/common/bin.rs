//! The built binary for the tests that run it, one way for all: `bin::diagasso()` is a
//! `Command` whose environment cannot leak the user's own. Loaded with
//! `#[path = "common/bin.rs"] mod bin;` (not through `common`, the TUI fixtures).
//!
//! - `DIAGASSO_CONFIG` names a settings file that does not exist (the user's real settings
//!   — language, trainer, export folder, anonymise — would change what the binary prints);
//!   a test of the settings sets its own.
//! - The locale is French (`LANG=fr_FR.UTF-8`; `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` removed),
//!   and `DIAGASSO_DB`, `DIAGASSO_TRAINER`, `DIAGASSO_PLAIN`, `NO_COLOR` are removed: a test
//!   that wants one sets it after, which wins.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_diagasso");

/// A settings file that does not exist: under the tests' own temporary folder, in a folder
/// nothing creates. A test that wrote it (a `config set` without its own `DIAGASSO_CONFIG`)
/// makes every later one fail here, saying so.
pub fn absent_settings() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("no-settings")
        .join("config.toml");
    assert!(
        !path.exists(),
        "{} exists: a test wrote settings without giving its own DIAGASSO_CONFIG",
        path.display()
    );
    path
}

/// The binary with a known environment (see the module's comment).
pub fn diagasso() -> Command {
    let mut c = Command::new(BIN);
    c.env("DIAGASSO_CONFIG", absent_settings())
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("DIAGASSO_DB")
        .env_remove("DIAGASSO_TRAINER")
        .env_remove("DIAGASSO_PLAIN")
        .env_remove("NO_COLOR");
    c
}
