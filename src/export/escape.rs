//! Making user-written text safe for each target format: cleaning (NFC, no control or bidi
//! override characters), HTML escaping, Markdown escaping (inline and block structure), CSV
//! formula neutralising, and file names built from association names.
//!
//! Everything an association or a trainer typed goes through [`clean`] first, then through the
//! escape of the format it lands in. Templates escape by default (see `templates.rs`), so a
//! template author has to write `|safe` to opt out.

use unicode_segmentation::UnicodeSegmentation;

/// NFC-normalise and drop characters that have no business in a report: C0/C1 controls (except
/// newline and tab), bidi embeddings, overrides and isolates (they can reorder what a reader
/// sees, "Trojan Source"), and the BOM. Right-to-left letters themselves are kept. The one rule
/// every way in uses: [`crate::safe_text::clean`].
pub fn clean(s: &str) -> String {
    crate::safe_text::clean(s)
}

/// [`clean`], then every run of whitespace (newlines included) folded into one space: for text
/// that must stay on one line (a table cell, a list item, a heading). No-break spaces are kept
/// (French puts one before `:`, `?`, `;`, and in `15 000`), unless they are all there is.
pub fn one_line(s: &str) -> String {
    let folds = |c: char| c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}';
    let out = clean(s)
        .split(folds)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if out.chars().all(char::is_whitespace) {
        String::new()
    } else {
        out
    }
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
/// cut to [`MAX_STEM_CHARS`] between words (see [`file_stem_within`]). Never empty: `fallback`
/// when nothing is left.
pub fn file_stem(s: &str, fallback: &str) -> String {
    file_stem_within(s, fallback, MAX_STEM_CHARS)
}

/// Cut a stem to `max` characters between words: at the last `-` or `_` that keeps at least
/// half of it, then without the one- or two-letter words a cut leaves dangling ("…-à-l"); by
/// characters only when there is no such place.
fn cut_between_words(stem: &str, max: usize) -> String {
    let chars: Vec<char> = stem.chars().collect();
    if chars.len() <= max {
        return stem.to_string();
    }
    if chars.get(max).is_some_and(|c| *c == '-' || *c == '_') {
        return chars[..max].iter().collect();
    }
    let head = &chars[..max];
    let Some(at) = head.iter().rposition(|c| *c == '-' || *c == '_') else {
        return head.iter().collect();
    };
    if at < max / 2 {
        return head.iter().collect();
    }
    let mut words: Vec<String> = head[..at]
        .iter()
        .collect::<String>()
        .split(['-', '_'])
        .map(str::to_string)
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| w.chars().count() <= 2) {
        words.pop();
    }
    words.join("-")
}

/// [`file_stem`] cut to `max` characters (at least 1).
pub fn file_stem_within(s: &str, fallback: &str, max: usize) -> String {
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
    while out.ends_with(['-', '_']) {
        out.pop();
    }
    let mut stem = cut_between_words(&out, max.max(1));
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
    fn one_line_folds_spaces_but_keeps_no_break_ones() {
        assert_eq!(one_line("  a \n\t b "), "a b");
        assert_eq!(one_line("\u{a0}: 15\u{a0}000"), "\u{a0}: 15\u{a0}000");
        assert_eq!(one_line(" \u{a0} "), "");
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
        // Long names are cut between words, never inside one.
        let name = "Jardinage collectif et éducation à l'environnement — département 69";
        assert_eq!(
            file_stem(name, "x"),
            "jardinage-collectif-et-éducation-à-l-environnement"
        );
        assert_eq!(
            file_stem_within(name, "x", 45),
            "jardinage-collectif-et-éducation"
        );
        assert_eq!(file_stem_within("abc-defghij", "x", 8), "abc-defg");
        assert!(!file_stem("<script>", "x").contains(['<', '>', '/']));
    }
}
