//! Making user-written text safe for each target format: cleaning (NFC, no control or bidi
//! override characters), HTML escaping, Markdown escaping (inline and block structure), CSV
//! formula neutralising, and file names built from association names.
//!
//! Everything an association or a trainer typed goes through [`clean`] first, then through the
//! escape of the format it lands in. Templates escape by default (see `templates.rs`), so a
//! template author has to write `|safe` to opt out.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// NFC-normalise and drop characters that have no business in a report: C0/C1 controls (except
/// newline and tab), bidi embeddings, overrides and isolates (they can reorder what a reader
/// sees, "Trojan Source"), and the BOM. Right-to-left letters themselves are kept.
pub fn clean(s: &str) -> String {
    s.nfc()
        .filter(|&c| match c {
            '\n' | '\t' => true,
            '\r' => false,
            c if c.is_control() => false,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => false,
            _ => true,
        })
        .collect()
}

/// [`clean`], then every run of whitespace (newlines included) folded into one space: for text
/// that must stay on one line (a table cell, a list item, a heading).
pub fn one_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escape for HTML text and attribute values (double- or single-quoted).
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '/' => out.push_str("&#x2f;"),
            c => out.push(c),
        }
    }
    out
}

/// Escape user text for Markdown so that it can only ever be a run of plain text: it is folded
/// onto one line, inline syntax (emphasis, code, links, raw HTML, tables, strikethrough) is
/// backslash-escaped, and a leading block marker (`#`, `>`, `-`, `+`, `=`, `1.`) is escaped too,
/// since user text can sit at the start of a line or of a list item.
pub fn markdown(s: &str) -> String {
    let text = one_line(s);
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let at_start = i == 0;
        let next = chars.get(i + 1).copied();
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '&' if next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#') => {
                out.push_str("\\&");
            }
            '!' if next == Some('[') => out.push_str("\\!"),
            '#' | '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')'
                if i > 0
                    && i < 10
                    && chars[..i].iter().all(char::is_ascii_digit)
                    && next.is_none_or(|n| n == ' ') =>
            {
                // "1. foo" or "1) foo" at the start would open an ordered list.
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Neutralise a CSV cell that a spreadsheet would run as a formula (it begins, possibly after
/// spaces, with `=`, `+`, `-`, `@`, or begins with a tab or carriage return) by prefixing `'`.
/// Control characters other than newline are dropped first.
pub fn csv_cell(s: &str) -> String {
    let text = clean(s);
    let starts_bad = s.starts_with(['\t', '\r'])
        || text
            .trim_start()
            .starts_with(['=', '+', '-', '@', '\t', '\r']);
    if starts_bad { format!("'{text}") } else { text }
}

/// The longest file-name stem we make, in characters (the whole name stays well under the 255
/// bytes most file systems allow, even with accents).
pub const MAX_STEM_CHARS: usize = 60;

/// A file-name stem from free text (an association's name): NFC, only letters, digits, `-` and
/// `_` survive (so no `..`, no separators, no control characters, no shell metacharacters),
/// runs of anything else become one `-`, Windows device names are avoided, and the result is
/// cut to [`MAX_STEM_CHARS`] on a character boundary. Never empty: `fallback` when nothing is
/// left.
pub fn file_stem(s: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for g in clean(s).graphemes(true) {
        let keep = g.chars().all(|c| c.is_alphanumeric() || c == '_')
            && g.chars().next().is_some_and(char::is_alphanumeric);
        if keep {
            out.push_str(g);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    let mut stem: String = out.chars().take(MAX_STEM_CHARS).collect();
    while stem.ends_with(['-', '_']) {
        stem.pop();
    }
    let stem = stem.to_lowercase();
    const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];
    let reserved = RESERVED.contains(&stem.as_str())
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if stem.is_empty() {
        fallback.to_string()
    } else if reserved {
        format!("{stem}-{fallback}")
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_controls_and_bidi_overrides_keeps_rtl() {
        assert_eq!(clean("a\u{0}b\u{1b}[31mc"), "ab[31mc");
        assert_eq!(clean("x\u{202E}gnp.exe"), "xgnp.exe");
        assert_eq!(clean("جمعية"), "جمعية");
        assert_eq!(clean("e\u{301}"), "é");
    }

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html("<script>alert('x')</script>&"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;&#x2f;script&gt;&amp;"
        );
    }

    #[test]
    fn markdown_cannot_open_structure() {
        assert_eq!(markdown("# Titre"), "\\# Titre");
        assert_eq!(markdown("> cite"), "\\> cite");
        assert_eq!(markdown("- item"), "\\- item");
        assert_eq!(markdown("1. un"), "1\\. un");
        assert_eq!(markdown("12.5 Go"), "12.5 Go");
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(markdown("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(markdown("`code` *em* _u_"), "\\`code\\` \\*em\\* \\_u\\_");
        assert_eq!(markdown("l1\n# l2"), "l1 # l2");
        assert_eq!(markdown("<b>"), "\\<b\\>");
        assert_eq!(markdown("&amp; & x"), "\\&amp; & x");
        assert_eq!(markdown("Vélo & Cie"), "Vélo & Cie");
    }

    #[test]
    fn csv_neutralises_formulas() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(csv_cell("+33 6"), "'+33 6");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("  =1"), "'  =1");
        assert_eq!(csv_cell("Les Amis"), "Les Amis");
    }

    #[test]
    fn file_stems_are_tame() {
        assert_eq!(file_stem("../../etc/passwd", "x"), "etc-passwd");
        assert_eq!(file_stem("Les Amis du Vélo !", "x"), "les-amis-du-vélo");
        assert_eq!(file_stem("...", "association"), "association");
        assert_eq!(file_stem("CON", "association"), "con-association");
        assert_eq!(file_stem("a\u{0}b/c\\d", "x"), "ab-c-d");
        assert_eq!(file_stem("🚲 vélo", "x"), "vélo");
        let long = "é".repeat(300);
        assert_eq!(file_stem(&long, "x").chars().count(), MAX_STEM_CHARS);
        assert!(!file_stem("<script>", "x").contains(['<', '>', '/']));
    }
}
