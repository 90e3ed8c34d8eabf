//! Frama.space's language criterion. The association's own answer comes first: the question
//! tagged `languages` (a `multiple` whose choice ids are ISO 639-1 codes, plus `other`) against
//! the languages the catalogue says the offer runs in — none of them spoken blocks, some of
//! them is fine (with a caution for the others), all of them fits. When the questionnaire has no
//! such question, or it is unanswered or "je ne sais pas", the country decides: francophone
//! fits, partly francophone (Belgium, Switzerland, Luxembourg, Canada outside Québec) and any
//! other country are to check.

use crate::audit::Association;
use crate::catalog::Offer;
use crate::i18n::{Lang, Text};
use crate::questionnaire::{Choice, Question};

use super::framaspace::{Reason, Status, reason};
use super::read::Read;
use super::trace::Trace;

/// The tag of the question that asks which languages the association works in.
pub(crate) const LANGUAGES_TAG: &str = "languages";

/// Countries where French is the (or an) everyday language of associations: ISO 3166-1 codes
/// of France and its overseas territories, Monaco, and the countries where French is official.
const FRANCOPHONE: &[&str] = &[
    "FR", "MC", "RE", "GP", "MQ", "GF", "YT", "PM", "NC", "PF", "WF", "BL", "MF", "SN", "CI", "ML",
    "BF", "NE", "TG", "BJ", "GN", "CM", "CD", "CG", "GA", "TD", "CF", "DJ", "KM", "MG", "HT", "RW",
    "BI", "SC", "VU",
];
/// Countries with a French-speaking part.
const PARTLY_FRANCOPHONE: &[&str] = &["BE", "CH", "LU", "CA"];

pub(super) fn language(read: &Read<'_>, association: &Association, offer: &Offer) -> Reason {
    let mut trace = Trace::rule("framaspace.language");
    let mut offered: Vec<String> = Vec::new();
    if let Some(e) = &offer.eligibility
        && !e.languages.is_empty()
    {
        offered = e
            .languages
            .iter()
            .map(|l| l.trim().to_ascii_lowercase())
            .collect();
        let codes = e.languages.join(", ");
        let fact = Text::new(format!("langues : {codes}"), format!("languages: {codes}"));
        trace.add_text_fact(&fact, &e.source, e.as_of);
    }
    if let Some(item) = read
        .items
        .iter()
        .find(|i| i.question.tags.iter().any(|t| t == LANGUAGES_TAG))
    {
        trace.add_answer(item.read());
        let spoken: Vec<&Choice> = item.selected().collect();
        if !spoken.is_empty() {
            return by_answer(item.question, &spoken, &offered, trace);
        }
    }
    by_country(association, trace)
}

/// A language by its choice label ("néerlandais", "Dutch"), else by its code.
fn name(q: &Question, code: &str, lang: Lang) -> String {
    let label = q.choice(code).map_or(code, |c| c.label.get(lang));
    match lang {
        Lang::Fr => label.to_lowercase(),
        Lang::En => label.to_string(),
    }
}

fn names<'a>(q: &Question, codes: impl Iterator<Item = &'a str>, lang: Lang) -> String {
    codes
        .map(|c| name(q, c, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The verdict from the languages the association said it works in.
fn by_answer(q: &Question, spoken: &[&Choice], offered: &[String], trace: Trace) -> Reason {
    let all = |lang| names(q, spoken.iter().map(|c| c.id.as_str()), lang);
    let runs_in = |lang| names(q, offered.iter().map(String::as_str), lang);
    let (fit, other): (Vec<&Choice>, Vec<&Choice>) = spoken
        .iter()
        .copied()
        .partition(|c| offered.contains(&c.id.to_ascii_lowercase()));
    let (status, fr, en) = if offered.is_empty() {
        (
            Status::Check,
            format!(
                "Langues de travail : {} — le catalogue ne dit pas dans quelles langues Frama.space fonctionne : à vérifier.",
                all(Lang::Fr)
            ),
            format!(
                "Working languages: {} — the catalogue does not say which languages Frama.space runs in: to check.",
                all(Lang::En)
            ),
        )
    } else if fit.is_empty() {
        (
            Status::Blocks,
            format!(
                "Langues de travail : {} — Frama.space fonctionne en {} et s'adresse aux structures francophones : il ne convient pas à l'association.",
                all(Lang::Fr),
                runs_in(Lang::Fr)
            ),
            format!(
                "Working languages: {} — Frama.space runs in {} and is meant for French-speaking organisations: it does not suit the association.",
                all(Lang::En),
                runs_in(Lang::En)
            ),
        )
    } else if other.is_empty() {
        (
            Status::Ok,
            format!(
                "Langues de travail : {} — Frama.space fonctionne en {}.",
                all(Lang::Fr),
                runs_in(Lang::Fr)
            ),
            format!(
                "Working languages: {} — Frama.space runs in {}.",
                all(Lang::En),
                runs_in(Lang::En)
            ),
        )
    } else {
        let others = |lang| names(q, other.iter().map(|c| c.id.as_str()), lang);
        (
            Status::Warn,
            format!(
                "Langues de travail : {} — Frama.space fonctionne en {} : prévoir l'accompagnement des personnes qui travaillent en {}.",
                all(Lang::Fr),
                runs_in(Lang::Fr),
                others(Lang::Fr)
            ),
            format!(
                "Working languages: {} — Frama.space runs in {}: plan support for the people who work in {}.",
                all(Lang::En),
                runs_in(Lang::En),
                others(Lang::En)
            ),
        )
    };
    reason(status, fr, en, trace)
}

/// The verdict from the country, when the working languages are not known.
fn by_country(association: &Association, mut trace: Trace) -> Reason {
    let country = association.country.trim().to_ascii_uppercase();
    trace.add_profile("country", country.clone());
    let quebec = country == "CA"
        && matches!(
            association
                .postcode
                .trim()
                .chars()
                .next()
                .map(|c| c.to_ascii_uppercase()),
            Some('G' | 'H' | 'J')
        );
    if country == "CA" {
        trace.add_profile("postcode", association.postcode.trim());
    }
    let (status, fr, en) = if country.is_empty() {
        (
            Status::Check,
            "Pays non renseigné : Frama.space est réservé aux structures francophones, à vérifier."
                .to_string(),
            "Country not given: Frama.space is for French-speaking organisations, to check."
                .to_string(),
        )
    } else if FRANCOPHONE.contains(&country.as_str()) || quebec {
        (
            Status::Ok,
            format!("Pays : {country} — francophone, Frama.space fonctionne en français."),
            format!("Country: {country} — French-speaking, Frama.space runs in French."),
        )
    } else if PARTLY_FRANCOPHONE.contains(&country.as_str()) {
        (
            Status::Check,
            format!(
                "Pays : {country} — en partie francophone : Frama.space ne convient que si l'association fonctionne en français ; ses langues de travail ne sont pas connues, à vérifier."
            ),
            format!(
                "Country: {country} — partly French-speaking: Frama.space suits only an association that works in French; its working languages are not known, to check."
            ),
        )
    } else {
        (
            Status::Check,
            format!(
                "Pays : {country} — Frama.space est réservé aux structures francophones : à vérifier, seulement si l'association fonctionne en français."
            ),
            format!(
                "Country: {country} — Frama.space is for French-speaking organisations: to check, only if the association works in French."
            ),
        )
    };
    reason(status, fr, en, trace)
}
