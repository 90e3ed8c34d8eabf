//! A parser for Java-style `.properties` files as ChatonsInfos uses them: UTF-8 text, one
//! `key = value` or `key: value` per line, `#` and `!` comment lines, a trailing backslash
//! continuing a line, `\t \n \r \f \\ \uXXXX` escapes. Unlike Java it refuses a line with no
//! separator or with a space inside the key (both are typing mistakes in practice), so that
//! every malformed line is reported as `file:line: message`; and a value wholly inside one pair
//! of single or double quotes loses them, as real files write them (YunoHost's `chatonsinfos`
//! app: `subs.nextcloud = 'https://…/nextcloud.properties'`). It never panics, whatever the
//! bytes.

use crate::i18n::Lang;

/// One problem in an input file; `line` is 1-based, 0 for the whole file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct InputError {
    pub file: String,
    pub line: usize,
    pub fr: String,
    pub en: String,
}

impl InputError {
    pub fn new(file: &str, line: usize, fr: impl Into<String>, en: impl Into<String>) -> Self {
        InputError {
            file: file.to_string(),
            line,
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// `file:line: message` (`file: message` for whole-file errors), in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let text = lang.pick(&self.fr, &self.en);
        if self.line == 0 {
            format!("{}: {}", self.file, text)
        } else {
            format!("{}:{}: {}", self.file, self.line, text)
        }
    }
}

/// Every problem found in the input files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct InputErrors(pub Vec<InputError>);

impl InputErrors {
    pub fn message(&self, lang: Lang) -> String {
        self.0
            .iter()
            .map(|e| e.message(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// One `key = value` of a file, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub value: String,
    pub line: usize,
}

/// A parsed `.properties` file. Keys keep their case; a repeated key's last value wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Properties {
    pub file: String,
    pub entries: Vec<Entry>,
}

impl Properties {
    /// The last entry with this key (keys compared without regard to ASCII case).
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .rev()
            .find(|e| e.key.eq_ignore_ascii_case(key))
    }

    /// The trimmed value of `key`, `None` when absent or blank.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entry(key)
            .map(|e| e.value.trim())
            .filter(|v| !v.is_empty())
    }

    /// Entries whose key starts with `prefix` (case-insensitive), as (rest of the key, entry),
    /// last value per key, in file order.
    pub fn with_prefix<'a>(&'a self, prefix: &str) -> Vec<(&'a str, &'a Entry)> {
        let mut out: Vec<(&str, &Entry)> = Vec::new();
        for e in &self.entries {
            let Some(head) = e.key.get(..prefix.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(prefix) {
                continue;
            }
            let rest = e.key.get(prefix.len()..).unwrap_or("");
            out.retain(|(r, _)| !r.eq_ignore_ascii_case(rest));
            out.push((rest, e));
        }
        out
    }
}

/// Parse a file's bytes. Invalid UTF-8 is reported with the line where it starts.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Properties, InputErrors> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_str(file, text),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = bytes
                .get(..valid)
                .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count())
                + 1;
            Err(InputErrors(vec![InputError::new(
                file,
                line,
                "texte UTF-8 invalide ; réenregistrez le fichier en UTF-8",
                "invalid UTF-8 text; save the file again as UTF-8",
            )]))
        }
    }
}

/// Parse a file's text.
pub fn parse_str(file: &str, text: &str) -> Result<Properties, InputErrors> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut lines = text.split('\n').enumerate().peekable();
    while let Some((index, raw)) = lines.next() {
        let first_line = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let start = line.trim_start_matches([' ', '\t', '\u{c}']);
        if start.is_empty() || start.starts_with('#') || start.starts_with('!') {
            continue;
        }
        // Join continuation lines (an odd number of trailing backslashes).
        let mut logical = String::from(start);
        while ends_with_odd_backslashes(&logical) {
            logical.pop();
            match lines.next() {
                Some((_, next)) => {
                    let next = next.strip_suffix('\r').unwrap_or(next);
                    logical.push_str(next.trim_start_matches([' ', '\t', '\u{c}']));
                }
                None => break,
            }
        }
        match split_line(&logical) {
            // Outside text: cleaned as every way in cleans it (`safe_text::clean`), after
            // the `\uXXXX` escapes are read, so none can smuggle a control character in.
            Ok((key, value)) => entries.push(Entry {
                key: crate::safe_text::clean(&key),
                value: crate::safe_text::clean(&value),
                line: first_line,
            }),
            Err(problem) => errors.push(problem.at(file, first_line)),
        }
    }
    if errors.is_empty() {
        Ok(Properties {
            file: file.to_string(),
            entries,
        })
    } else {
        Err(InputErrors(errors))
    }
}

fn ends_with_odd_backslashes(s: &str) -> bool {
    s.bytes().rev().take_while(|b| *b == b'\\').count() % 2 == 1
}

/// What is wrong with a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    NoSeparator,
    EmptyKey,
    SpaceInKey,
    BadUnicodeEscape,
}

impl Problem {
    fn at(self, file: &str, line: usize) -> InputError {
        let (fr, en) = match self {
            Problem::NoSeparator => (
                "ligne mal formée : ni `=` ni `:` ; écrivez `clé = valeur` ou commentez la ligne avec `#`",
                "malformed line: no `=` or `:`; write `key = value` or comment the line out with `#`",
            ),
            Problem::EmptyKey => (
                "ligne mal formée : clé vide avant le séparateur",
                "malformed line: empty key before the separator",
            ),
            Problem::SpaceInKey => (
                "ligne mal formée : espace dans la clé ; les clés s'écrivent comme `organization.name`",
                "malformed line: space inside the key; keys are written like `organization.name`",
            ),
            Problem::BadUnicodeEscape => (
                "ligne mal formée : séquence `\\u` invalide (attendu `\\u` suivi de 4 chiffres hexadécimaux)",
                "malformed line: invalid `\\u` escape (expected `\\u` and 4 hex digits)",
            ),
        };
        InputError::new(file, line, fr, en)
    }
}

/// Split a logical line into its unescaped key and value.
fn split_line(line: &str) -> Result<(String, String), Problem> {
    let mut sep = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '=' || c == ':' {
            sep = Some(i);
            break;
        }
    }
    let sep = sep.ok_or(Problem::NoSeparator)?;
    let raw_key = line.get(..sep).unwrap_or("").trim_end();
    let raw_value = line.get(sep + 1..).unwrap_or("");
    if raw_key.is_empty() {
        return Err(Problem::EmptyKey);
    }
    if raw_key.contains([' ', '\t']) {
        return Err(Problem::SpaceInKey);
    }
    let key = unescape(raw_key)?;
    let value = unescape(raw_value.trim_start_matches([' ', '\t', '\u{c}']))?;
    Ok((key, unquote(value.trim_end()).to_string()))
}

/// A value that opens and closes with the same quote, without that pair (`'a'` → `a`,
/// `"a"` → `a`, `'chez l'ami'` → `chez l'ami`, a French apostrophe being no closing quote);
/// any other value as it is (`'a`, `a'b'`, `'a"`).
fn unquote(value: &str) -> &str {
    for q in ['\'', '"'] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner.trim();
        }
    }
    value
}

fn unescape(s: &str) -> Result<String, Problem> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    let mut high: Option<u32> = None;
    while let Some(c) = chars.next() {
        if c != '\\' {
            if high.take().is_some() {
                return Err(Problem::BadUnicodeEscape);
            }
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            break;
        };
        if e != 'u' && high.take().is_some() {
            return Err(Problem::BadUnicodeEscape);
        }
        match e {
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'f' => out.push('\u{c}'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = (hex.len() == 4)
                    .then(|| u32::from_str_radix(&hex, 16).ok())
                    .flatten()
                    .ok_or(Problem::BadUnicodeEscape)?;
                match (high.take(), code) {
                    (None, 0xD800..=0xDBFF) => high = Some(code),
                    (Some(h), 0xDC00..=0xDFFF) => {
                        let c = 0x10000 + ((h - 0xD800) << 10) + (code - 0xDC00);
                        out.push(char::from_u32(c).ok_or(Problem::BadUnicodeEscape)?);
                    }
                    (None, _) => out.push(char::from_u32(code).ok_or(Problem::BadUnicodeEscape)?),
                    (Some(_), _) => return Err(Problem::BadUnicodeEscape),
                }
            }
            other => out.push(other),
        }
    }
    if high.is_some() {
        return Err(Problem::BadUnicodeEscape);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Properties {
        match parse_str("t.properties", text) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn reads_keys_values_comments_and_separators() {
        let p = ok("# comment\n! other comment\n\n  a.b = 1\nc:2\nd =\ne\\:f = x\\=y \r\n");
        assert_eq!(p.get("a.b"), Some("1"));
        assert_eq!(p.get("c"), Some("2"));
        assert_eq!(p.get("d"), None);
        assert_eq!(p.entry("d").map(|e| e.line), Some(6));
        assert_eq!(p.get("e:f"), Some("x=y"));
        assert_eq!(p.get("A.B"), Some("1"), "keys ignore ASCII case");
    }

    #[test]
    fn joins_continuations_and_unescapes() {
        let p = ok("k = un \\\n    deux\nu = \\u00e9t\\u00E9 \\uD83D\\uDE00\nt = a\\tb\\\\\n");
        assert_eq!(p.get("k"), Some("un deux"));
        assert_eq!(p.entry("u").map(|e| e.line), Some(3));
        assert_eq!(p.get("u"), Some("été 😀"));
        assert_eq!(p.get("t"), Some("a\tb\\"));
    }

    #[test]
    fn last_value_wins_and_prefixes_list_each_key_once() {
        let p = ok("subs.a = 1\nsubs.b = 2\nsubs.a = 3\nother = 4\n");
        assert_eq!(p.get("subs.a"), Some("3"));
        let subs: Vec<(&str, &str)> = p
            .with_prefix("subs.")
            .into_iter()
            .map(|(k, e)| (k, e.value.as_str()))
            .collect();
        assert_eq!(subs, vec![("b", "2"), ("a", "3")]);
    }

    #[test]
    fn reports_every_malformed_line_with_its_number() {
        let text = "ok = 1\nno separator here\n = empty key\nspace key = 1\nbad = \\u12G4\nlone = \\uD83D\n";
        let err = parse_str("f.properties", text).unwrap_err();
        let lines: Vec<usize> = err.0.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 6]);
        assert_eq!(
            err.0[0].to_string(),
            "f.properties:2: malformed line: no `=` or `:`; write `key = value` or comment the line out with `#`"
        );
        assert_eq!(
            err.0[0].message(Lang::Fr),
            "f.properties:2: ligne mal formée : ni `=` ni `:` ; écrivez `clé = valeur` ou commentez la ligne avec `#`"
        );
    }

    #[test]
    fn reports_invalid_utf8_with_its_line() {
        let err = parse("f.properties", b"a = 1\nb = caf\xe9\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.properties:2: invalid UTF-8 text; save the file again as UTF-8"
        );
    }

    #[test]
    fn values_lose_one_pair_of_matching_quotes() {
        let p = ok(
            "a = 'https://x.example.org/a.properties'\nb = \"deux mots\"\nc = 'x\nd = l'ami\ne = 'chez l'ami'\nf = ''\ng = '  z '\nh = '\n",
        );
        assert_eq!(p.get("a"), Some("https://x.example.org/a.properties"));
        assert_eq!(p.get("b"), Some("deux mots"));
        assert_eq!(p.get("c"), Some("'x"));
        assert_eq!(p.get("d"), Some("l'ami"));
        assert_eq!(p.get("e"), Some("chez l'ami"));
        assert_eq!(p.get("f"), None);
        assert_eq!(p.get("g"), Some("z"));
        assert_eq!(p.get("h"), Some("'"), "one quote alone is no pair");
    }

    #[test]
    fn strips_a_byte_order_mark() {
        assert_eq!(ok("\u{feff}a = 1\n").get("a"), Some("1"));
    }
}
