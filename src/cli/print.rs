//! Everything the commands print goes through here: standard output and standard error, each
//! line passed through [`crate::safe_text::terminal`], so no byte of stored or outside text
//! reaches a terminal as a control sequence (the `outln!`, `out!` and `errln!` macros of
//! `cli`). JSON output stays valid JSON with the same meaning (the escapes are JSON's).
//!
//! A write that fails (a closed pipe, a full disk behind a redirection) is dropped, as a
//! shell's `echo` would: the command's own work is done and its exit code says how it went.

use std::io::Write;

use crate::safe_text::terminal;

/// Write `s` to standard output, escaped.
pub fn out(s: &str) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(terminal(s).as_bytes());
    let _ = o.flush();
}

/// Write `s` to standard error, escaped.
pub fn err(s: &str) {
    let mut o = std::io::stderr().lock();
    let _ = o.write_all(terminal(s).as_bytes());
    let _ = o.flush();
}
