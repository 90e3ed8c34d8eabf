//! Positions in catalogue files. A file is parsed once into toml's spanned tree; validation
//! names a place by its path (`host[3].services[1].software[0]`) and gets back file:line:column.
//! The same tree feeds a first pass that checks every date and every bilingual text of the file,
//! so all of those errors come out together, before serde stops at the first structural one.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::date::PartialDate;
use super::error::{CatalogError, ErrorKind, Location};

/// One step of a path into a TOML document.
#[derive(Debug, Clone, Copy)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> From<&'a str> for Seg<'a> {
    fn from(k: &'a str) -> Seg<'a> {
        Seg::Key(k)
    }
}

impl From<usize> for Seg<'_> {
    fn from(i: usize) -> Self {
        Seg::Index(i)
    }
}

/// Build a path: `segs!["host", i, "needs", j]`.
macro_rules! segs {
    ($($seg:expr),* $(,)?) => { &[$($crate::catalog::span::Seg::from($seg)),*][..] };
}
pub(crate) use segs;

/// Keys whose values are dates (`PartialDate`).
pub const DATE_KEYS: &[&str] = &["as_of", "seen", "joined", "left", "start", "end"];

/// A catalogue file's text and its spanned tree.
pub struct Source<'a> {
    pub file: &'a str,
    pub text: &'a str,
    line_starts: Vec<usize>,
    root: Option<Spanned<DeTable<'a>>>,
}

impl<'a> Source<'a> {
    /// Parse `text`; every TOML syntax error is returned (the tree is then unusable).
    pub fn parse(file: &'a str, text: &'a str) -> (Source<'a>, Vec<CatalogError>) {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let (root, errors) = DeTable::parse_recoverable(text);
        let mut source = Source {
            file,
            text,
            line_starts,
            root: None,
        };
        let mut errors: Vec<CatalogError> = errors.iter().map(|e| source.toml_error(e)).collect();
        errors.sort_by_key(|e| (e.line, e.column));
        if errors.is_empty() {
            source.root = Some(root);
        }
        (source, errors)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        Location {
            file: self.file.to_string(),
            line,
            column,
        }
    }

    /// The location of the value at `path`, or of its deepest existing ancestor.
    pub fn locate(&self, path: &[Seg]) -> Location {
        let Some(root) = &self.root else {
            return Location::whole(self.file);
        };
        let mut span = root.span();
        let mut here: Option<&Spanned<DeValue>> = None;
        for (n, seg) in path.iter().enumerate() {
            let next = match (n, seg, here) {
                (0, Seg::Key(k), _) => root.get_ref().get(*k),
                (_, Seg::Key(k), Some(v)) => v.get_ref().get(*k),
                (_, Seg::Index(i), Some(v)) => v.get_ref().get(*i),
                _ => None,
            };
            match next {
                Some(v) => {
                    span = v.span();
                    here = Some(v);
                }
                None => break,
            }
        }
        self.location(span.start)
    }

    /// A syntax error from the `toml` crate, placed at its span.
    pub fn toml_error(&self, e: &toml::de::Error) -> CatalogError {
        let at = match e.span() {
            Some(Range { start, .. }) => self.location(start),
            None => Location::whole(self.file),
        };
        let msg = e.message().trim_end().replace('\n', " ");
        CatalogError::new(
            ErrorKind::Syntax,
            at,
            format!(
                "TOML invalide : {msg}. Corrigez le fichier à cet endroit (voir catalog/README.md)."
            ),
            format!("invalid TOML: {msg}. Fix the file at this place (see catalog/README.md)."),
        )
    }

    /// Check every date value and every bilingual text. Returns (date errors, text errors): date
    /// errors stop the loading of this file, text errors do not.
    pub fn first_pass(&self) -> (Vec<CatalogError>, Vec<CatalogError>) {
        let mut dates = Vec::new();
        let mut texts = Vec::new();
        if let Some(root) = &self.root {
            for (k, v) in root.get_ref().iter() {
                self.walk(k.get_ref(), v, &mut dates, &mut texts);
            }
        }
        (dates, texts)
    }

    fn walk(
        &self,
        key: &str,
        value: &Spanned<DeValue>,
        dates: &mut Vec<CatalogError>,
        texts: &mut Vec<CatalogError>,
    ) {
        match value.get_ref() {
            DeValue::Table(t) if t.get("fr").is_some() || t.get("en").is_some() => {
                self.check_text(key, value.span().start, t, texts);
            }
            DeValue::Table(t) => {
                for (k, v) in t.iter() {
                    self.walk(k.get_ref(), v, dates, texts);
                }
            }
            DeValue::Array(items) => {
                for v in items.iter() {
                    self.walk(key, v, dates, texts);
                }
            }
            DeValue::String(s) if DATE_KEYS.contains(&key) => {
                self.check_date(key, s, value.span().start, dates)
            }
            DeValue::Datetime(d) if DATE_KEYS.contains(&key) => {
                self.check_date(key, &d.to_string(), value.span().start, dates)
            }
            DeValue::Integer(i) if DATE_KEYS.contains(&key) => {
                self.check_date(key, i.as_str(), value.span().start, dates)
            }
            _ => {}
        }
    }

    fn check_date(&self, key: &str, text: &str, offset: usize, out: &mut Vec<CatalogError>) {
        if let Err(e) = text.parse::<PartialDate>() {
            out.push(CatalogError::new(
                ErrorKind::BadDate,
                self.location(offset),
                format!(
                    "date `{key}` invalide « {text} » : {} ; écrivez par exemple \"2025\", \"2025-12\" ou \"2025-12-04\"",
                    e.reason_fr
                ),
                format!(
                    "invalid date `{key}` \"{text}\": {}; write e.g. \"2025\", \"2025-12\" or \"2025-12-04\"",
                    e.reason_en
                ),
            ));
        }
    }

    fn check_text(&self, key: &str, offset: usize, t: &DeTable, out: &mut Vec<CatalogError>) {
        let at = || self.location(offset);
        for (k, _) in t.iter() {
            let k = k.get_ref();
            if k != "fr" && k != "en" {
                out.push(CatalogError::new(
                    ErrorKind::MissingTranslation,
                    at(),
                    format!("clé `{k}` inattendue dans le texte bilingue `{key}` : seules `fr` et `en` sont permises"),
                    format!("unexpected key `{k}` in the bilingual text `{key}`: only `fr` and `en` are allowed"),
                ));
            }
        }
        for (lang, fr_name, en_name) in [("fr", "français", "French"), ("en", "anglais", "English")]
        {
            let present = t
                .get(lang)
                .and_then(|v| v.get_ref().as_str())
                .is_some_and(|s| !s.trim().is_empty());
            if !present {
                out.push(CatalogError::new(
                    ErrorKind::MissingTranslation,
                    at(),
                    format!("texte `{key}` sans {fr_name} : ajoutez `{lang} = \"…\"`"),
                    format!("text `{key}` has no {en_name}: add `{lang} = \"…\"`"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_paths_and_offsets() {
        let text = "a = 1\n[[host]]\nid = \"x\"\nneeds = [\"p\", \"q\"]\n";
        let (src, errors) = Source::parse("f.toml", text);
        assert!(errors.is_empty());
        let at = src.locate(segs!["host", 0, "needs", 1]);
        assert_eq!((at.line, at.column), (4, 15));
        let at = src.locate(segs!["host", 0, "missing"]);
        assert_eq!(at.line, 2);
    }

    #[test]
    fn reports_all_syntax_errors() {
        let (_, errors) = Source::parse("f.toml", "a = \nb = = 2\n");
        assert!(!errors.is_empty());
        assert!(errors.iter().all(|e| e.kind == ErrorKind::Syntax));
        assert_eq!(errors[0].line, 1, "{errors:?}");
    }

    #[test]
    fn first_pass_finds_every_bad_date_and_text() {
        let text = "as_of = \"2025-13\"\nseen = \"soon\"\nlabel = { fr = \"x\" }\nnote = { fr = \" \", en = \"y\", de = \"z\" }\n";
        let (src, _) = Source::parse("f.toml", text);
        let (dates, texts) = src.first_pass();
        assert_eq!(dates.len(), 2);
        assert_eq!(texts.len(), 3);
        assert_eq!(
            texts[0].message(crate::i18n::Lang::En),
            "f.toml:3:9: text `label` has no English: add `en = \"…\"`"
        );
    }
}
