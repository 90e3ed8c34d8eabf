//! The `[association]` table of an answers file: the profile, every key checked (name
//! required, legal form from the list, two-letter country code, postcode as text, counts as
//! whole non-negative numbers, a plausible e-mail address). The country, postcode and e-mail
//! checks are the profile's own (`crate::audit::profile`), the same as the TUI's form.

use toml::de::DeValue;

use super::{Report, Spanned};
use crate::audit::profile;
use crate::audit::{Association, LegalForm};

const KEYS: &str = "name, legal_form, country, postcode, activity, members, employees, volunteers, budget_eur, contact_name, contact_email";

/// Read `[association]`; `None` when it is missing or has a problem (reported).
pub(super) fn association(
    r: &mut Report<'_>,
    table: Option<&Spanned<DeValue<'_>>>,
) -> Option<Association> {
    let Some(v) = table else {
        r.push(
            0,
            None,
            None,
            "il manque la table [association] avec au moins name = \"…\"".into(),
            "the [association] table is missing: add it with at least name = \"…\"".into(),
        );
        return None;
    };
    let t = r.table("association", Some(v))?;
    let before = r.problems.len();
    let mut a = Association::default();
    let mut named = false;
    let mut postcode_at = None;
    for (key, value) in t.iter() {
        let k = key.get_ref().as_ref();
        let at = value.span().start;
        let shown = Some(value.span());
        match k {
            "name" => {
                if let Some(name) = r.text(k, value) {
                    if name.is_empty() {
                        r.push(
                            at,
                            Some(k),
                            shown,
                            "le nom ne peut pas être vide".into(),
                            "the name cannot be empty".into(),
                        );
                    }
                    a.name = name;
                    named = true;
                }
            }
            "legal_form" => {
                if let Some(form) = r.text(k, value) {
                    match LegalForm::parse(&form) {
                        Some(f) => a.legal_form = f,
                        None => {
                            let all: Vec<&str> =
                                LegalForm::ALL.iter().map(|f| f.as_str()).collect();
                            let all = all.join(", ");
                            r.push(
                                at,
                                Some(k),
                                shown,
                                format!("forme juridique inconnue (possibles : {all})"),
                                format!("unknown legal form (possible: {all})"),
                            );
                        }
                    }
                }
            }
            "country" => {
                if let Some(c) = r.text(k, value) {
                    if let Some(code) = profile::country_code(&c) {
                        a.country = code;
                    } else {
                        r.push(
                            at,
                            Some(k),
                            shown,
                            "code pays à deux lettres attendu (FR, BE, CH…)".into(),
                            "two-letter country code expected (FR, BE, CH…)".into(),
                        );
                    }
                }
            }
            "postcode" => match value.get_ref() {
                DeValue::String(s) => {
                    a.postcode = s.trim().to_string();
                    postcode_at = Some((at, value.span()));
                }
                _ => r.push(
                    at,
                    Some(k),
                    shown,
                    "écrivez le code postal entre guillemets, par exemple postcode = \"01000\""
                        .into(),
                    "write the postcode in quotes, e.g. postcode = \"01000\"".into(),
                ),
            },
            "activity" => a.activity = r.text(k, value).unwrap_or_default(),
            "contact_name" => a.contact_name = r.text(k, value).unwrap_or_default(),
            "contact_email" => {
                if let Some(mail) = r.text(k, value) {
                    if mail.is_empty() || profile::plausible_email(&mail) {
                        a.contact_email = mail;
                    } else {
                        r.push(
                            at,
                            Some(k),
                            shown,
                            "adresse e-mail invalide (forme attendue : nom@domaine.fr)".into(),
                            "invalid e-mail address (expected: name@domain.org)".into(),
                        );
                    }
                }
            }
            "members" => a.members = count(r, k, value),
            "employees" => a.employees = count(r, k, value),
            "volunteers" => a.volunteers = count(r, k, value),
            "budget_eur" => {
                a.budget_eur = whole(r, k, value, i64::MAX as u64, "euros entiers", "whole euros")
            }
            other => r.push(
                key.span().start,
                None,
                None,
                format!("[association] : clé inconnue « {other} » (clés possibles : {KEYS})"),
                format!("[association]: unknown key '{other}' (known keys: {KEYS})"),
            ),
        }
    }
    if let Some((at, shown)) = postcode_at
        && profile::postcode(&a.country, &a.postcode).is_err()
    {
        r.push(
            at,
            Some("postcode"),
            Some(shown),
            "code postal français à cinq chiffres attendu, par exemple \"69007\"".into(),
            "a five-digit French postcode expected, e.g. \"69007\"".into(),
        );
    }
    if !named {
        r.push(
            v.span().start,
            None,
            None,
            "[association] doit avoir un nom : ajoutez name = \"…\"".into(),
            "[association] needs a name: add name = \"…\"".into(),
        );
    }
    (r.problems.len() == before).then_some(a)
}

fn count(r: &mut Report<'_>, key: &str, v: &Spanned<DeValue<'_>>) -> Option<u32> {
    whole(r, key, v, u64::from(u32::MAX), "personnes", "people").and_then(|n| u32::try_from(n).ok())
}

/// A whole number from 0 to `max`, or a problem.
fn whole(
    r: &mut Report<'_>,
    key: &str,
    v: &Spanned<DeValue<'_>>,
    max: u64,
    unit_fr: &str,
    unit_en: &str,
) -> Option<u64> {
    let n = match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    };
    match n.and_then(|n| u64::try_from(n).ok()).filter(|n| *n <= max) {
        Some(n) => Some(n),
        None => {
            r.push(
                v.span().start,
                Some(key),
                Some(v.span()),
                format!("nombre entier positif attendu ({unit_fr}), sans guillemets"),
                format!("a whole number of {unit_en} (0 or more) expected, without quotes"),
            );
            None
        }
    }
}
