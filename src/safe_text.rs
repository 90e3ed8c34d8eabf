//! Outside text made safe, at both ends: [`clean`] and [`clean_line`] at every way in (answers
//! files, the command line, the line mode and the TUI through the store's writers, JSON
//! imports, bundles, ChatonsInfos files), [`terminal`] and [`Escaped`] at every way out to a
//! terminal (the CLI's printing, the line mode's writer).
//!
//! A name holding `ESC ] 52 ; c ; … BEL` would set the clipboard of a terminal that honours
//! OSC 52, `ESC [ 2 J` would clear the screen, a C1 `U+009B` is a one-character CSI for some
//! terminals, and bidi overrides reorder what a reader sees ("Trojan Source"). Cleaning drops
//! all of them from what is stored; escaping shows any that an older file still holds as
//! `\u001b` (the JSON escape, so JSON output stays valid and means the same). Only newline and
//! tab pass, where a text may hold them.
//!
//! The standard library's `char::is_control` (Unicode category Cc: C0, DEL, C1) plus the nine
//! bidi embedding, override and isolate characters is the whole rule; no crate adds to it (the
//! ANSI strippers remove sequences but let a lone BEL, C1 or bidi override through).

use std::borrow::Cow;
use std::io::{self, Write};

use unicode_normalization::UnicodeNormalization;

/// Whether `c` may never reach a terminal as itself: a control character other than newline and
/// tab (C0, DEL, C1), or a bidi embedding, override or isolate.
pub fn is_forbidden(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// NFC-normalise and drop what has no business in a stored text: controls other than newline
/// and tab (a carriage return is dropped, so `\r\n` becomes `\n`), bidi embeddings, overrides
/// and isolates, and the byte-order mark. Right-to-left letters themselves are kept. For the
/// texts that may span lines (notes, text answers).
pub fn clean(s: &str) -> String {
    s.nfc()
        .filter(|&c| !is_forbidden(c) && c != '\u{FEFF}')
        .collect()
}

/// [`clean`], with each line break or tab (and the spaces around it) made one space, and
/// trimmed: for the texts that are one line (a name, a place, an activity, a contact, a
/// trainer). Spaces typed between words are left as typed.
pub fn clean_line(s: &str) -> String {
    let breaks = |c: char| matches!(c, '\n' | '\r' | '\t');
    let mut out = String::with_capacity(s.len());
    let mut after_break = false;
    for c in clean(s).chars() {
        if breaks(c) {
            out.truncate(out.trim_end_matches(' ').len());
            out.push(' ');
            after_break = true;
        } else if !(after_break && c == ' ') {
            out.push(c);
            after_break = false;
        }
    }
    out.trim().to_string()
}

/// `s` as it may be written to a terminal: every forbidden character ([`is_forbidden`]) as a
/// JSON-style escape (`\u001b`, `\u009b`, `\u202e`). Borrowed when there is nothing to escape.
pub fn terminal(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_forbidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_forbidden(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `text` contains the association's `name`, ignoring case, accents and ligatures (the
/// search's folding). An empty name is contained nowhere.
pub fn mentions(text: &str, name: &str) -> bool {
    let name = crate::store::codec::fold(name.trim());
    !name.is_empty() && crate::store::codec::fold(text).contains(&name)
}

/// What an anonymised document may show of a profile text (the activity): the text, unless it
/// is empty or names the association ([`mentions`]) — « Jardinage avec Zébulon » of the
/// association « Zébulon » would give the name away, in the text and in the file name made of
/// it. The one rule for every anonymised output (exports, the workshop's joint listing).
pub fn unless_named<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let t = text.trim();
    (!t.is_empty() && !mentions(t, name)).then_some(t)
}

/// A writer that passes everything written through [`terminal`]. Bytes that are not UTF-8
/// are shown as `\xNN`; a character cut between two writes is waited for.
pub struct Escaped<W: Write> {
    inner: W,
    /// The start of a character whose end has not been written yet (at most 3 bytes).
    pending: Vec<u8>,
}

impl<W: Write> Escaped<W> {
    pub fn new(inner: W) -> Escaped<W> {
        Escaped {
            inner,
            pending: Vec::new(),
        }
    }

    /// Escape and pass on the complete part of `bytes`, keeping a cut character for later.
    fn pass(&mut self, mut bytes: &[u8], last: bool) -> io::Result<()> {
        let mut out = String::new();
        while !bytes.is_empty() {
            match std::str::from_utf8(bytes) {
                Ok(s) => {
                    out.push_str(&terminal(s));
                    bytes = &[];
                }
                Err(e) => {
                    let (good, rest) = bytes.split_at(e.valid_up_to());
                    out.push_str(&terminal(std::str::from_utf8(good).unwrap_or_default()));
                    match e.error_len() {
                        Some(n) => {
                            for b in &rest[..n] {
                                out.push_str(&format!("\\x{b:02x}"));
                            }
                            bytes = &rest[n..];
                        }
                        // A character cut at the end: wait for the rest, unless nothing follows.
                        None if !last => {
                            self.pending.extend_from_slice(rest);
                            bytes = &[];
                        }
                        None => {
                            for b in rest {
                                out.push_str(&format!("\\x{b:02x}"));
                            }
                            bytes = &[];
                        }
                    }
                }
            }
        }
        self.inner.write_all(out.as_bytes())
    }

    /// The writer inside (what was written but not passed on yet is lost: flush first).
    pub fn into_inner(self) -> W {
        self.inner
    }
}

impl<W: Write> Write for Escaped<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        self.pass(&bytes, false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() {
            self.pass(&pending, true)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// What a terminal could act on, byte by byte once encoded: what the properties below
    /// check that no output ever holds.
    fn dangerous(s: &str) -> bool {
        s.chars().any(is_forbidden)
    }

    #[test]
    fn clean_drops_escapes_c1_and_bidi_keeps_newlines_and_rtl() {
        assert_eq!(clean("a\u{1b}]52;c;aGk=\u{7}b"), "a]52;c;aGk=b");
        assert_eq!(clean("x\u{1b}[2Jy"), "x[2Jy");
        assert_eq!(clean("x\u{9b}31my"), "x31my");
        assert_eq!(clean("x\u{202E}gnp.exe"), "xgnp.exe");
        assert_eq!(clean("l1\r\nl2\tz\u{7f}"), "l1\nl2\tz");
        assert_eq!(clean("\u{feff}جمعية"), "جمعية");
        assert_eq!(clean("e\u{301}"), "é");
    }

    #[test]
    fn clean_line_is_one_trimmed_line() {
        assert_eq!(
            clean_line("  Les\nAmis\tdu \u{1b}[2JVélo \r\n"),
            "Les Amis du [2JVélo"
        );
    }

    #[test]
    fn terminal_escapes_what_a_terminal_would_act_on_and_nothing_else() {
        assert_eq!(terminal("ok é 🚲\n\tx"), "ok é 🚲\n\tx");
        assert!(matches!(terminal("plain"), Cow::Borrowed(_)));
        assert_eq!(
            terminal("a\u{1b}]52;c;aGk=\u{7}b"),
            "a\\u001b]52;c;aGk=\\u0007b"
        );
        assert_eq!(terminal("\u{9b}2J\u{7f}\r"), "\\u009b2J\\u007f\\u000d");
        assert_eq!(terminal("\u{202e}cba"), "\\u202ecba");
    }

    #[test]
    fn terminal_keeps_json_valid_and_equal() {
        let v = serde_json::json!({ "name": "a\u{9b}b\u{202e}c\u{7f}" });
        let text = serde_json::to_string(&v).unwrap();
        assert!(
            dangerous(&text),
            "serde_json leaves C1, DEL and bidi as they are"
        );
        let shown = terminal(&text);
        assert!(!dangerous(&shown));
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn the_writer_waits_for_a_cut_character_and_shows_bad_bytes() {
        let mut w = Escaped::new(Vec::new());
        let csi = "\u{9b}".as_bytes();
        w.write_all(&[b'a', csi[0]]).unwrap();
        w.write_all(&[csi[1], b'b', 0xff, b'\x1b']).unwrap();
        w.write_all(&[0xc3]).unwrap();
        w.flush().unwrap();
        assert_eq!(
            String::from_utf8(w.into_inner()).unwrap(),
            "a\\u009bb\\xff\\u001b\\xc3"
        );
    }

    #[test]
    fn mentions_ignores_case_and_accents() {
        assert!(mentions("Jardinage avec ZÉBULON, Lyon", "Zébulon"));
        assert!(mentions("Les amis de l'Œuvre", "les Amis de l'oeuvre"));
        assert!(!mentions("Jardinage", "Zébulon"));
        assert!(!mentions("Jardinage", "  "));
    }

    #[test]
    fn a_profile_text_naming_the_association_is_left_out() {
        let name = "Zébulon";
        assert_eq!(unless_named("Gardening with ZEBULON", name), None);
        assert_eq!(unless_named("  ", name), None);
        assert_eq!(
            unless_named(" Jardinage partagé ", name),
            Some("Jardinage partagé")
        );
        // The check can fail: a name it does not hold is no reason to drop the text.
        assert_eq!(unless_named("Gardening", "Zebulon"), Some("Gardening"));
    }

    #[test]
    fn the_check_of_the_properties_sees_a_raw_escape() {
        // The properties below would pass vacuously if `dangerous` saw nothing.
        assert!(dangerous("\u{1b}[2J"));
        assert!(dangerous("\u{9b}"));
        assert!(dangerous("\u{2067}"));
        assert!(!dangerous("a\nb\tc"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn nothing_cleaned_or_escaped_can_act_on_a_terminal(s in "\\PC*|[\\x00-\\x{a0}\\x{2028}-\\x{206f}a-z]*") {
            prop_assert!(!dangerous(&clean(&s)));
            prop_assert!(!dangerous(&clean_line(&s)));
            prop_assert!(!clean_line(&s).contains(['\n', '\t']));
            prop_assert!(!dangerous(&terminal(&s)));
            // Cleaning is idempotent, and clean text is written as it is.
            prop_assert_eq!(clean(&clean(&s)), clean(&s));
            let c = clean(&s);
            prop_assert_eq!(terminal(&c), c.as_str());
        }

        #[test]
        fn the_writer_escapes_like_terminal_whatever_the_cuts(s in "[\\x00-\\x{a0}\\x{202a}-\\x{202e}é🚲a-z]*", cut in 0usize..64) {
            let bytes = s.as_bytes();
            let at = cut.min(bytes.len());
            let mut w = Escaped::new(Vec::new());
            w.write_all(&bytes[..at]).unwrap();
            w.write_all(&bytes[at..]).unwrap();
            w.flush().unwrap();
            prop_assert_eq!(String::from_utf8(w.into_inner()).unwrap(), terminal(&s).into_owned());
        }
    }
}
