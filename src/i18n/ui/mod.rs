//! Every string of the interactive front ends (TUI and line mode), in French and English, in
//! one table written one file per screen (`keys`, `home`, `workshop`, `profile`, `walk`,
//! `plan`, `plain`), gathered into one `Ui` enum. Templates take `{0}`, `{1}`… filled by `Ui::fill`, and counted words agree with
//! their number there, never with « (s) »: `{0|réponse changée|réponses changées}` gives
//! « 1 réponse changée », « 2 réponses changées » (number, no-break space, the agreeing form,
//! by `typo::count`: 0 is singular in French, plural in English); `{1?section|sections}` gives
//! the agreeing form alone. Unit tests check that no entry is blank, that both languages use
//! the same placeholders and that no entry writes a plural in brackets.

use std::fmt::Display;

use super::{Lang, typo};

macro_rules! table {
    ($($name:ident => $fr:literal, $en:literal;)*) => {
        /// A string of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Ui { $($name),* }

        impl Ui {
            pub const ALL: &[Ui] = &[$(Ui::$name),*];

            /// The string in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(Ui::$name => lang.pick($fr, $en)),* }
            }
        }
    };
}

/// A piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Text as written.
    Text(&'a str),
    /// `{i}`: the argument as it displays.
    Arg(usize),
    /// `{i|one|other}` (`number` true: « 3 réponses ») or `{i?one|other}` (the form alone).
    Counted {
        arg: usize,
        one: &'a str,
        other: &'a str,
        number: bool,
    },
}

/// The pieces of a template, in order. A brace that opens no well-formed placeholder is text.
pub(crate) fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let parsed = rest[open + 1..]
            .find('}')
            .and_then(|close| placeholder(&rest[open + 1..open + 1 + close]).map(|p| (p, close)));
        let Some((piece, close)) = parsed else {
            out.push(Piece::Text(&rest[..=open]));
            rest = &rest[open + 1..];
            continue;
        };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        out.push(piece);
        rest = &rest[open + close + 2..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// What is between the braces: `0`, `0|one|other` or `0?one|other`.
fn placeholder(inner: &str) -> Option<Piece<'_>> {
    let digits = inner
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(inner.len());
    let arg = inner[..digits].parse().ok()?;
    let tail = &inner[digits..];
    if tail.is_empty() {
        return Some(Piece::Arg(arg));
    }
    let number = tail.starts_with('|');
    if !number && !tail.starts_with('?') {
        return None;
    }
    let (one, other) = tail[1..].split_once('|')?;
    (!one.is_empty() && !other.is_empty() && !other.contains('|')).then_some(Piece::Counted {
        arg,
        one,
        other,
        number,
    })
}

impl Ui {
    /// The string in `lang` with its placeholders filled from `args` (a placeholder with no
    /// argument stays as written). A counted placeholder reads its argument as a number (the
    /// counts given are integers); one that does not read as a number takes the plural.
    pub fn fill(self, lang: Lang, args: &[&dyn Display]) -> String {
        fill(self.get(lang), lang, args)
    }
}

fn fill(template: &str, lang: Lang, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for piece in pieces(template) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Arg(i) => match args.get(i) {
                Some(a) => out.push_str(&a.to_string()),
                None => out.push_str(&format!("{{{i}}}")),
            },
            Piece::Counted {
                arg,
                one,
                other,
                number,
            } => {
                let Some(a) = args.get(arg) else {
                    let sep = if number { '|' } else { '?' };
                    out.push_str(&format!("{{{arg}{sep}{one}|{other}}}"));
                    continue;
                };
                let shown = a.to_string();
                match (shown.trim().parse::<f64>(), number) {
                    (Ok(n), true) => out.push_str(&typo::count(lang, n, one, other)),
                    (Ok(n), false) => out.push_str(typo::plural(lang, n, one, other)),
                    (Err(_), true) => out.push_str(&format!("{shown}{}{other}", typo::NBSP)),
                    (Err(_), false) => out.push_str(other),
                }
            }
        }
    }
    out
}

/// Hands the entries of each part (`keys!`, `home!`, …, one file per screen) on to the next,
/// then all of them to `table!`: one `Ui` enum, one file per screen.
macro_rules! gather {
    ([$part:ident $($rest:ident)*] $($entries:tt)*) => { $part! { [$($rest)*] $($entries)* } };
    ([] $($entries:tt)*) => { table! { $($entries)* } };
}

#[macro_use]
mod keys;
#[macro_use]
mod home;
#[macro_use]
mod workshop;
#[macro_use]
mod profile;
#[macro_use]
mod walk;
#[macro_use]
mod plan;
#[macro_use]
mod plain;

gather! { [keys home workshop profile walk plan plain] }

#[cfg(test)]
mod tests;
