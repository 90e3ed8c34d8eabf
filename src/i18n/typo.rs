//! Typography, done once for every output (reports, listing, TUI, CLI, plan texts): plural
//! agreement from a count (CLDR rules through `intl_pluralrules`, never "(s)"), numbers and
//! euros with the language's separators, French spacing before « : ; ? ! » and inside « »,
//! French elision and contraction (« du », « d' »), lists joined with « et » / "and", and one
//! date format per language. Pure functions over plain strings: escaping stays with each format.
//!
//! Choices (also in `/work/coord/typography.md`):
//! - French groups thousands with a narrow no-break space (U+202F, CLDR's `fr` separator) from
//!   1 000 on, writes decimals with a comma and puts a no-break space (U+00A0) before « € »:
//!   `18 000 €`, `16,67 €`. English writes `18,000`, `16.67` and `€18,000`.
//! - French puts a no-break space (U+00A0) before « : » and inside « », a narrow one (U+202F)
//!   before « ; ? ! » (Lexique des règles typographiques de l'Imprimerie nationale).
//! - Dates: `24 novembre 2026` (`1er novembre 2026`) and `24 November 2026`, in every human
//!   format; data files (CSV, JSON) keep ISO 8601.
//! - The apostrophe stays the ASCII one, as in every catalogue and questionnaire text.

use std::sync::OnceLock;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::Lang;

/// No-break space: before « : », inside « », before « € », between a count and its noun.
pub const NBSP: char = '\u{A0}';
/// Narrow no-break space: French thousands separator, before « ; ? ! ».
pub const NNBSP: char = '\u{202F}';

/// A number a count or an amount can be given as.
pub trait Number: Copy {
    fn to_f64(self) -> f64;
}

macro_rules! number {
    ($($t:ty),*) => {$(
        impl Number for $t {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
    )*};
}
number!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

fn rules(lang: Lang) -> &'static PluralRules {
    static FR: OnceLock<PluralRules> = OnceLock::new();
    static EN: OnceLock<PluralRules> = OnceLock::new();
    let (cell, code) = match lang {
        Lang::Fr => (&FR, "fr"),
        Lang::En => (&EN, "en"),
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = code.parse().expect("a valid language id");
        PluralRules::create(id, PluralRuleType::CARDINAL).expect("CLDR has fr and en")
    })
}

/// Whether `n` takes the singular in `lang`, by CLDR's cardinal rules: in French 0, 1 and 1,5
/// do (« 0 compte », « 1,5 jour »), in English only 1 does ("0 accounts"). The number is read
/// as it is shown (two decimals at most), so « 1,00 » and « 1 » agree.
pub fn is_singular(lang: Lang, n: impl Number) -> bool {
    let shown = plain(n.to_f64().abs());
    matches!(rules(lang).select(shown.as_str()), Ok(PluralCategory::ONE))
}

/// The singular or the plural form of a word, agreeing with `n`.
pub fn plural<'a>(lang: Lang, n: impl Number, one: &'a str, other: &'a str) -> &'a str {
    if is_singular(lang, n) { one } else { other }
}

/// A count and its noun, agreeing, kept on one line: « 1 salarié », « 3 salariés »,
/// « 18 000 comptes », "1 employee".
pub fn count(lang: Lang, n: impl Number, one: &str, other: &str) -> String {
    format!("{}{NBSP}{}", number(lang, n), plural(lang, n, one, other))
}

/// A number as the language writes it: at most two decimals, none when whole; thousands
/// grouped (`18 000` with U+202F, `18,000`); decimal comma in French.
pub fn number(lang: Lang, n: impl Number) -> String {
    let x = n.to_f64();
    if !x.is_finite() {
        return "?".to_string();
    }
    let s = plain(x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let (group, point) = match lang {
        Lang::Fr => (NNBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(s.len() + 8);
    if x < 0.0 && s != "0" {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// `x` with at most two decimals, trailing zeros dropped, no grouping: the form the plural
/// rules read.
fn plain(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        let s = format!("{rounded:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// An amount in euros: `18 000 €`, `16,67 €`; `€18,000`, `€16.67`. Cents only when there are
/// some, always two of them then (`16,50 €`).
pub fn eur(lang: Lang, amount: impl Number) -> String {
    let x = amount.to_f64();
    let mut n = number(lang, x);
    if x.fract() != 0.0 && n.rsplit([',', '.']).next().is_some_and(|d| d.len() == 1) {
        n.push('0');
    }
    match lang {
        Lang::Fr => format!("{n}{NBSP}€"),
        Lang::En if n.starts_with('-') => format!("-€{}", &n[1..]),
        Lang::En => format!("€{n}"),
    }
}

/// An amount per year: `18 000 € par an`, `€18,000 a year`.
pub fn eur_per_year(lang: Lang, amount: impl Number) -> String {
    format!("{} {}", eur(lang, amount), lang.pick("par an", "a year"))
}

/// A span of values: « 50 à 100 », "50–100" (the noun after it agrees with the upper bound).
pub fn range(lang: Lang, low: impl Number, high: impl Number) -> String {
    match lang {
        Lang::Fr => format!("{}{NBSP}à {}", number(lang, low), number(lang, high)),
        Lang::En => format!("{}–{}", number(lang, low), number(lang, high)),
    }
}

/// When a step happens, counted in months from the start: « mois 1 », « mois 2 à 4 »,
/// "month 1", "months 2–4".
pub fn months(lang: Lang, from: u32, to: u32) -> String {
    let (from, to) = (from.min(to), from.max(to));
    match (lang, from == to) {
        (Lang::Fr, true) => format!("mois{NBSP}{from}"),
        (Lang::Fr, false) => format!("mois{NBSP}{from} à {to}"),
        (Lang::En, true) => format!("month{NBSP}{from}"),
        (Lang::En, false) => format!("months{NBSP}{from}–{to}"),
    }
}

/// Items joined as a sentence: « A, B et C », "A, B and C".
pub fn list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let and = lang.pick(" et ", " and ");
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{}{and}{}", head.join(", "), last.as_ref())
        }
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as the language writes it in prose and tables: `24 novembre 2026`, `1er mars 2027`,
/// `24 November 2026`. Reads the leading `YYYY-MM-DD` of an ISO date or timestamp; anything
/// else comes back trimmed, as it is.
pub fn date(lang: Lang, iso: &str) -> String {
    let parsed = iso.trim().get(..10).and_then(|d| {
        let b = d.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y: u32 = d[..4].parse().ok()?;
        let m: usize = d[5..7].parse().ok()?;
        let day: u32 = d[8..10].parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&day)).then_some((y, m, day))
    });
    let Some((y, m, d)) = parsed else {
        return iso.trim().to_string();
    };
    match lang {
        Lang::Fr if d == 1 => format!("1er{NBSP}{} {y}", MONTHS_FR[m - 1]),
        Lang::Fr => format!("{d}{NBSP}{} {y}", MONTHS_FR[m - 1]),
        Lang::En => format!("{d}{NBSP}{} {y}", MONTHS_EN[m - 1]),
    }
}

/// Spacing and quotes as the language wants them, for texts we write (labels, catalogue,
/// plan), not for what a person typed. French: a no-break space before « : » and inside « »,
/// a narrow one before « ; ? ! » (a plain space there is replaced, a missing one added when
/// the mark ends a word: `Pourquoi?` → `Pourquoi ?`; `https://`, `10:30` and `?id=` are left
/// alone). English: no space before those marks, and « x » becomes “x”.
pub fn punct(lang: Lang, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let spaceish = |c: char| c == ' ' || c == NBSP || c == NNBSP;
    for (i, &c) in chars.iter().enumerate() {
        // What was written last, so a space this function added counts as one.
        let prev = out.chars().next_back();
        let next = chars.get(i + 1).copied();
        // The mark closes a word: followed by a space, a closing sign or nothing.
        let closes = next.is_none_or(|n| n.is_whitespace() || "»)\"”'?!".contains(n));
        match lang {
            Lang::Fr => match c {
                ':' | ';' | '?' | '!' if closes => {
                    let space = if c == ':' { NBSP } else { NNBSP };
                    match prev {
                        Some(p) if spaceish(p) => {
                            out.pop();
                            out.push(space);
                        }
                        Some(p) if p.is_alphanumeric() || "»)\"”".contains(p) => out.push(space),
                        _ => {}
                    }
                    out.push(c);
                }
                '»' => {
                    match prev {
                        Some(p) if spaceish(p) => {
                            out.pop();
                            out.push(NBSP);
                        }
                        Some(_) => out.push(NBSP),
                        None => {}
                    }
                    out.push(c);
                }
                '«' => {
                    out.push(c);
                    if next.is_some_and(|n| !spaceish(n)) {
                        out.push(NBSP);
                    }
                }
                c if spaceish(c) && prev == Some('«') => out.push(NBSP),
                _ => out.push(c),
            },
            Lang::En => match c {
                ':' | ';' | '?' | '!' if closes => {
                    if prev.is_some_and(spaceish) {
                        out.pop();
                    }
                    out.push(c);
                }
                '«' => out.push('“'),
                '»' => {
                    if prev.is_some_and(spaceish) {
                        out.pop();
                    }
                    out.push('”');
                }
                c if spaceish(c) && prev == Some('“') => {}
                _ => out.push(c),
            },
        }
    }
    out
}

/// Words starting with an « h aspiré »: no elision before them (« de haut », « le hameau »).
const H_ASPIRE: &[&str] = &[
    "hache",
    "haie",
    "haine",
    "hall",
    "halte",
    "hameau",
    "hamac",
    "hanche",
    "handicap",
    "hangar",
    "harcèlement",
    "hardi",
    "haricot",
    "hasard",
    "hâte",
    "haut",
    "hauteur",
    "hérisson",
    "héros",
    "hibou",
    "hiérarchie",
    "hockey",
    "homard",
    "honte",
    "hors",
    "hublot",
    "hurler",
];

/// Whether a French word takes the elided form before it (« d'association », « l'hébergeur »,
/// but « de haut », « de Frama.space », « de 12 comptes »).
pub fn elides(word: &str) -> bool {
    let lower = word.trim_start().to_lowercase();
    let Some(first) = lower.chars().next() else {
        return false;
    };
    if "aâàäeéèêëiîïoôöuùûü".contains(first) {
        return true;
    }
    first == 'h'
        && !H_ASPIRE.iter().any(|h| {
            lower.starts_with(h)
                && lower[h.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphabetic() || c == 's')
        })
}

/// A French particle (`de`, `que`, `le`, `la`, `je`, `ne`, `se`) before a word, elided when
/// the word asks for it: `elide("de", "association")` → « d'association ».
pub fn elide(particle: &str, word: &str) -> String {
    if elides(word) && (particle.ends_with('e') || particle == "la") {
        format!("{}'{word}", &particle[..particle.len() - 1])
    } else {
        format!("{particle} {word}")
    }
}

/// « de » before a French noun phrase, contracted and elided: « du plan » (le plan), « des
/// outils » (les outils), « de la charte », « de l'hébergeur », « d'Emancip'Asso »,
/// « de Frama.space ».
pub fn de(phrase: &str) -> String {
    contract(phrase, "du", "des", "de la", "de l'", "de")
}

/// « à » before a French noun phrase, contracted: « au bureau », « aux membres », « à la
/// présidente », « à l'équipe », « à Frama.space ».
pub fn a(phrase: &str) -> String {
    contract(phrase, "au", "aux", "à la", "à l'", "à")
}

fn contract(phrase: &str, le: &str, les: &str, la: &str, l: &str, bare: &str) -> String {
    let p = phrase.trim_start();
    let lower = p.to_lowercase();
    for (article, with) in [("les ", les), ("le ", le), ("la ", la)] {
        if lower.starts_with(article) {
            return format!("{with} {}", &p[article.len()..]);
        }
    }
    for apostrophe in ["l'", "l’"] {
        if lower.starts_with(apostrophe) {
            return format!("{l}{}", &p[apostrophe.len()..]);
        }
    }
    if bare == "de" {
        elide("de", p)
    } else {
        format!("{bare} {p}")
    }
}

#[cfg(test)]
#[path = "typo_tests.rs"]
mod tests;
