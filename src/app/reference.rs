//! Short references: what every command taking an audit, an association or a workshop accepts
//! instead of the whole UUID (which stays the storage key). A reference is, in this order of
//! trust:
//!
//! - the whole id;
//! - the number `diagasso list` (or `workshop list`) shows: audits and workshops are numbered
//!   by creation, so a number does not move when an audit changes; an association answers to
//!   the number of any of its audits;
//! - the start or the end of an id, four characters at least (UUID v7 ids made in the same
//!   minute share their first eight characters, their last ones are random: `list` shows the
//!   shortest end that only one id has, eight characters at least);
//! - the exact name (of the association, or of the workshop), ignoring case and accents.
//!
//! A key that several things answer to is refused with the candidates listed (number,
//! reference, name, date); one that nothing answers to says what to type instead.

use crate::i18n::Message;
use crate::store::{RefCandidate, RefKind, Store, StoreError};

/// Shortest end of an id shown as its reference.
pub const SHORT: usize = 8;

/// Candidates listed when a key is ambiguous.
const SHOWN: usize = 10;

/// Longest part of a typed key repeated in a message.
const ECHO: usize = 60;

/// The id `key` stands for, or the message saying none or several do.
pub fn resolve(store: &Store, kind: RefKind, key: &str) -> Result<String, StoreError> {
    let key = key.trim();
    if key.is_empty() {
        return Err(not_found(kind, key));
    }
    let found = store.reference_candidates(kind, key, SHOWN + 1)?;
    let lower = key.to_ascii_lowercase();
    if let Some(exact) = found.iter().find(|c| c.id == lower) {
        return Ok(exact.id.clone());
    }
    match found.as_slice() {
        [] => Err(not_found(kind, key)),
        [one] => Ok(one.id.clone()),
        many => {
            let all = store.numbered_ids(kind)?;
            Err(ambiguous(kind, key, many, &all))
        }
    }
}

/// For each id, the shortest end that no other id of `ids` has, `SHORT` characters at least
/// (the whole id when it is shorter).
pub fn short_forms(ids: &[String]) -> Vec<String> {
    let reversed: Vec<Vec<u8>> = ids
        .iter()
        .map(|s| s.bytes().rev().collect::<Vec<u8>>())
        .collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| reversed[a].cmp(&reversed[b]));
    let common = |a: usize, b: usize| {
        reversed[a]
            .iter()
            .zip(&reversed[b])
            .take_while(|(x, y)| x == y)
            .count()
    };
    let mut need = vec![SHORT; ids.len()];
    for pair in order.windows(2) {
        let n = common(pair[0], pair[1]) + 1;
        need[pair[0]] = need[pair[0]].max(n);
        need[pair[1]] = need[pair[1]].max(n);
    }
    ids.iter()
        .zip(need)
        .map(|(id, n)| {
            let skip = id.chars().count().saturating_sub(n);
            id.chars().skip(skip).collect()
        })
        .collect()
}

/// The short form of `id` among `all` (the ids of its kind).
pub fn short_form(id: &str, all: &[String]) -> String {
    let mut n = SHORT;
    for other in all.iter().filter(|o| o.as_str() != id) {
        let same = id
            .bytes()
            .rev()
            .zip(other.bytes().rev())
            .take_while(|(a, b)| a == b)
            .count();
        n = n.max(same + 1);
    }
    let skip = id.chars().count().saturating_sub(n);
    id.chars().skip(skip).collect()
}

/// The typed key as a message repeats it: at most `ECHO` characters.
fn echo(key: &str) -> String {
    if key.chars().count() <= ECHO {
        return key.to_string();
    }
    let mut s: String = key.chars().take(ECHO - 1).collect();
    s.push('…');
    s
}

/// Nothing answers to `key`.
pub fn not_found(kind: RefKind, key: &str) -> StoreError {
    let key = echo(key);
    let (fr, en) = match kind {
        RefKind::Audit => (
            format!(
                "aucun audit ne correspond à «\u{a0}{key}\u{a0}»\u{a0}: donnez le numéro ou la référence que montre `diagasso list`, le début de l'identifiant, ou le nom exact de l'association."
            ),
            format!(
                "no audit matches '{key}': give the number or the reference `diagasso list` shows, the start of the id, or the association's exact name."
            ),
        ),
        RefKind::Association => (
            format!(
                "aucune association ne correspond à «\u{a0}{key}\u{a0}»\u{a0}: donnez le numéro d'un de ses audits ou la référence que montre `diagasso list`, le début de l'identifiant, ou son nom exact."
            ),
            format!(
                "no association matches '{key}': give the number of one of its audits or the reference `diagasso list` shows, the start of the id, or its exact name."
            ),
        ),
        RefKind::Workshop => (
            format!(
                "aucun atelier ne correspond à «\u{a0}{key}\u{a0}»\u{a0}: donnez le numéro ou la référence que montre `diagasso workshop list`, le début de l'identifiant, ou son nom exact."
            ),
            format!(
                "no workshop matches '{key}': give the number or the reference `diagasso workshop list` shows, the start of the id, or its exact name."
            ),
        ),
    };
    StoreError::Invalid(Message::new(fr, en))
}

/// Several things answer to `key`: the message lists them (at most `SHOWN`).
fn ambiguous(kind: RefKind, key: &str, many: &[RefCandidate], all: &[String]) -> StoreError {
    let key = echo(key);
    let (what_fr, what_en) = match kind {
        RefKind::Audit => ("plusieurs audits", "several audits"),
        RefKind::Association => ("plusieurs associations", "several associations"),
        RefKind::Workshop => ("plusieurs ateliers", "several workshops"),
    };
    let mut fr = format!(
        "«\u{a0}{key}\u{a0}» désigne {what_fr}\u{a0}; donnez le numéro ou la référence de l'un d'eux\u{a0}:"
    );
    let mut en = format!("'{key}' matches {what_en}; give the number or the reference of one:");
    for c in many.iter().take(SHOWN) {
        let short = short_form(&c.id, all);
        let when = when(&c.date);
        let number = c.number.map(|n| format!("{n} · ")).unwrap_or_default();
        fr.push_str(&format!("\n  {number}réf. {short} · {} · {when}", c.name));
        en.push_str(&format!("\n  {number}ref. {short} · {} · {when}", c.name));
    }
    if many.len() > SHOWN {
        fr.push_str("\n  … et d'autres encore\u{a0}: tapez une référence plus longue.");
        en.push_str("\n  … and more: type a longer reference.");
    }
    StoreError::Invalid(Message::new(fr, en))
}

/// A stored time as local "YYYY-MM-DD HH:MM"; a plain date stays as it is.
fn when(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| stored.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn short_forms_are_the_shortest_unique_ends_of_eight_characters_at_least() {
        let all = ids(&[
            "0193a1b2-0000-7000-8000-aaaa12345678",
            "0193a1b2-0000-7000-8000-bbbb12345678",
            "0193a1b2-0000-7000-8000-00000000abcd",
        ]);
        let short = short_forms(&all);
        assert_eq!(short, ["a12345678", "b12345678", "0000abcd"]);
        for (id, s) in all.iter().zip(&short) {
            assert_eq!(&short_form(id, &all), s);
            let matching = all.iter().filter(|i| i.ends_with(s.as_str())).count();
            assert_eq!(matching, 1, "{s}");
        }
        assert_eq!(short_forms(&ids(&["abc"])), ["abc"]);
    }

    #[test]
    fn a_long_key_is_cut_in_the_message() {
        let key = "x".repeat(10_000);
        let m = not_found(RefKind::Audit, &key).message();
        assert!(m.en.len() < 400, "{}", m.en);
        assert!(m.fr.contains("ne correspond à «\u{a0}xxx"));
    }
}
