//! The words `catalog show`, `catalog stale` and `catalog list` print for the catalogue's codes
//! and dates: labels of access, audience and membership codes in French and English, partial
//! dates in the language's long form with their age, an offer's price in words, and whether a
//! host's service takes new users.

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalog::host_offer::HostOffer;
use crate::catalog::{HostService, PartialDate};
use crate::export::escape::one_line;
use crate::i18n::{Lang, Text, typo};

/// The serde name of a value (`open_to_all_free`), for codes we have no label for.
pub fn code<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => "?".into(),
    }
}

/// A French and an English label for the codes the host model uses.
pub fn label(lang: Lang, code: &str) -> String {
    let (fr, en) = match code {
        "open_to_all_free" => ("ouvert à tous, gratuit", "open to all, free"),
        "members" => ("adhérents", "members"),
        "paying_clients" => ("clients payants", "paying clients"),
        "specific_public" | "specific" => ("public désigné", "a named public"),
        "anyone" => ("tout le monde", "anyone"),
        "individuals" => ("particuliers", "individuals"),
        "organisations" => ("organisations", "organisations"),
        "associations" => ("associations", "associations"),
        "first" => ("d'abord", "first"),
        "only" => ("seulement", "only"),
        "stated_by_host" => ("déclaré par l'hébergeur", "stated by the host"),
        "stated_by_collective" => ("déclaré par le collectif", "stated by the collective"),
        "stated_by_third_party" => ("selon un tiers", "stated by a third party"),
        "implied" => ("implicite (à vérifier)", "implied (to check)"),
        other => return other.replace('_', " "),
    };
    lang.pick(fr, en).to_string()
}

pub fn labels<T: Serialize>(lang: Lang, items: &[T]) -> String {
    let v: Vec<String> = items.iter().map(|i| label(lang, &code(i))).collect();
    typo::list(lang, &v)
}

/// A partial date as the language writes it: `4 décembre 2025`, `décembre 2025`, `2025`.
pub fn human(lang: Lang, d: PartialDate) -> String {
    match (d.month, d.day) {
        (Some(_), Some(_)) => typo::date(lang, &d.to_string()),
        (Some(m), None) => {
            let mid = typo::date(lang, &format!("{:04}-{m:02}-15", d.year));
            mid.trim_start_matches("15").trim_start().to_string()
        }
        _ => d.to_string(),
    }
}

/// `décembre 2025, il y a 12 mois` / `December 2025, 12 months ago`.
pub fn dated(lang: Lang, d: PartialDate, today: NaiveDate) -> String {
    let age = d.age_in_months(today);
    match lang {
        Lang::Fr => format!(
            "{}, il y a {}",
            human(lang, d),
            typo::count(lang, age, "mois", "mois")
        ),
        Lang::En => format!(
            "{}, {} ago",
            human(lang, d),
            typo::count(lang, age, "month", "months")
        ),
    }
}

pub fn t(lang: Lang, text: &Text) -> String {
    one_line(text.get(lang))
}

/// Whether a host's service takes new users, as far as its data says.
pub fn service_open(s: &HostService, today: &PartialDate) -> bool {
    use crate::catalog::StatusLevel as S;
    s.load != Some(crate::catalog::host::RegistrationLoad::Full)
        && s.end.is_none_or(|e| e.is_after(today))
        && !matches!(s.status, Some(S::Over | S::Void | S::Off | S::Draft))
}

pub fn price(lang: Lang, o: &HostOffer) -> String {
    let kind = code(&o.kind);
    let mut out = match (kind.as_str(), o.amount_eur) {
        ("free", _) => lang.pick("gratuit", "free").to_string(),
        (_, Some(a)) => typo::eur(lang, a),
        ("free-amount", None) => lang.pick("prix libre", "pay what you want").to_string(),
        ("donation", None) => lang
            .pick("financé par les dons", "donation-funded")
            .to_string(),
        _ => lang
            .pick("payant, montant non lu", "paid, no amount read")
            .to_string(),
    };
    if kind == "minimum" {
        out = format!("{} {out}", lang.pick("à partir de", "from"));
    }
    if let Some(p) = o.period {
        out.push_str(match code(&p).as_str() {
            "year" => lang.pick(" par an", " a year"),
            "month" => lang.pick(" par mois", " a month"),
            _ => lang.pick(" une fois", " once"),
        });
    }
    if let Some(u) = o.per {
        out.push_str(match code(&u).as_str() {
            "account" => lang.pick(" par compte", " per account"),
            "membership" => lang.pick(" (adhésion)", " (membership)"),
            _ => lang.pick(" pour l'organisation", " for the organisation"),
        });
    }
    out
}
