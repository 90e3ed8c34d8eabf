//! Does the association fit inside Frama.space: the accounts it needs (quantity `accounts`,
//! else members + employees as an estimate) against the catalogue's accounts quota, its files
//! (quantity `storage_gb`) against the current storage quota — citing every dated quota and its
//! source —, its usual video-call size against the visio limit, and its needs against the
//! features the catalogue lists. Each check adds one `Reason` to the verdict.

use crate::audit::{Association, format_number};
use crate::catalog::{Offer, Quantity as Q, Quota};
use crate::i18n::Text;

use super::framaspace::{QuotaCheck, Reason, Status, reason};
use super::needs::NeedUse;
use super::read::{Quantity, Read};
use super::trace::Trace;

/// Cite a quota: `unit` in French and English ("comptes", "accounts").
fn quota_fact(trace: &mut Trace, q: &Quota, unit: (&str, &str)) {
    let n = format_number(q.limit);
    let fact = Text::new(
        format!("quota {n} {}", unit.0),
        format!("quota {n} {}", unit.1),
    );
    trace.add_text_fact(&fact, &q.source, q.as_of);
}

fn check(q: &Quota, needed: Option<f64>, estimated: bool) -> QuotaCheck {
    QuotaCheck {
        needed,
        estimated,
        limit: q.limit,
        hard: q.hard,
        source: q.source.clone(),
        as_of: q.as_of.to_string(),
    }
}

pub(super) fn accounts(
    read: &Read<'_>,
    association: &Association,
    offer: &Offer,
    reasons: &mut Vec<Reason>,
) -> Option<QuotaCheck> {
    let mut trace = Trace::rule("framaspace.accounts");
    let Some(quota) = offer.current_quota(Q::Accounts) else {
        reasons.push(reason(
            Status::Check,
            "Le catalogue ne donne pas le nombre de comptes de Frama.space : à vérifier.".into(),
            "The catalogue gives no account quota for Frama.space: to check.".into(),
            trace,
        ));
        return None;
    };
    quota_fact(&mut trace, quota, ("comptes", "accounts"));
    let limit = format_number(quota.limit);
    let (needed, estimated) = match read.quantity("accounts") {
        Quantity::Given(n, r) => {
            trace.add_answer(r);
            (Some(n), false)
        }
        other => {
            if let Quantity::DontKnow(r) = other {
                trace.add_answer(r);
            }
            (estimate_people(read, association, &mut trace), true)
        }
    };
    let (status, fr, en) = match needed {
        None => (
            Status::Check,
            format!(
                "Nombre de comptes nécessaires inconnu : à trouver (Frama.space en permet {limit})."
            ),
            format!("Number of accounts needed unknown: to find out (Frama.space allows {limit})."),
        ),
        Some(n) if n > quota.limit && estimated => (
            Status::Check,
            format!(
                "{} membres et salariés : si plus de {limit} personnes ont besoin d'un compte, Frama.space ne suffira pas — à vérifier (tout le monde n'a pas besoin d'un compte).",
                format_number(n)
            ),
            format!(
                "{} members and employees: if more than {limit} people need an account, Frama.space will not do — to check (not everyone needs an account).",
                format_number(n)
            ),
        ),
        Some(n) if n > quota.limit => (
            if quota.hard {
                Status::Blocks
            } else {
                Status::Check
            },
            format!(
                "{} comptes nécessaires pour {limit} possibles sur Frama.space, sans dépassement possible.",
                format_number(n)
            ),
            format!(
                "{} accounts needed for {limit} allowed on Frama.space, with no overage possible.",
                format_number(n)
            ),
        ),
        Some(n) => {
            let note_fr = if estimated {
                " (estimé d'après le nombre de membres et salariés)"
            } else {
                ""
            };
            let note_en = if estimated {
                " (estimated from members and employees)"
            } else {
                ""
            };
            let close = n > 0.8 * quota.limit;
            (
                if close { Status::Warn } else { Status::Ok },
                format!(
                    "{} comptes nécessaires{note_fr} pour {limit} possibles{}",
                    format_number(n),
                    if close {
                        " : proche de la limite, choisir qui a un compte."
                    } else {
                        "."
                    }
                ),
                format!(
                    "{} accounts needed{note_en} for {limit} allowed{}",
                    format_number(n),
                    if close {
                        ": close to the limit, choose who gets one."
                    } else {
                        "."
                    }
                ),
            )
        }
    };
    reasons.push(reason(status, fr, en, trace));
    Some(check(quota, needed, estimated))
}

/// Members + employees, from the profile, else from the answers.
fn estimate_people(read: &Read<'_>, association: &Association, trace: &mut Trace) -> Option<f64> {
    let mut total = None;
    for (field, profile) in [
        ("members", association.members),
        ("employees", association.employees),
    ] {
        let value = match profile {
            Some(v) => {
                trace.add_profile(field, v.to_string());
                Some(f64::from(v))
            }
            None => match read.quantity(field) {
                Quantity::Given(n, r) => {
                    trace.add_answer(r);
                    Some(n)
                }
                _ => None,
            },
        };
        if let Some(v) = value {
            total = Some(total.unwrap_or(0.0) + v);
        }
    }
    total
}

pub(super) fn storage(
    read: &Read<'_>,
    offer: &Offer,
    reasons: &mut Vec<Reason>,
) -> Option<QuotaCheck> {
    let mut trace = Trace::rule("framaspace.storage");
    let Some(quota) = offer.current_quota(Q::StorageGb) else {
        reasons.push(reason(
            Status::Check,
            "Le catalogue ne donne pas l'espace de stockage de Frama.space : à vérifier.".into(),
            "The catalogue gives no storage quota for Frama.space: to check.".into(),
            trace,
        ));
        return None;
    };
    let mut history: Vec<&Quota> = offer
        .quotas
        .iter()
        .filter(|q| q.quantity == Q::StorageGb)
        .collect();
    history.sort_by_key(|q| q.as_of);
    for q in &history {
        quota_fact(&mut trace, q, ("Go", "GB"));
    }
    let cite = |lang_fr: bool| {
        history
            .iter()
            .map(|q| {
                format!(
                    "{} {} ({}, {})",
                    format_number(q.limit),
                    if lang_fr { "Go" } else { "GB" },
                    short_source(&q.source),
                    q.as_of
                )
            })
            .collect::<Vec<_>>()
            .join(if lang_fr { " puis " } else { " then " })
    };
    let limit = format_number(quota.limit);
    let needed = match read.quantity("storage_gb") {
        Quantity::Given(n, r) => {
            trace.add_answer(r);
            Some(n)
        }
        Quantity::DontKnow(r) => {
            trace.add_answer(r);
            None
        }
        Quantity::Missing => None,
    };
    let (status, fr, en) = match needed {
        None => (
            Status::Check,
            format!(
                "Volume de fichiers inconnu : à vérifier (Frama.space : {}).",
                cite(true)
            ),
            format!(
                "Volume of files unknown: to check (Frama.space: {}).",
                cite(false)
            ),
        ),
        Some(n) if n > quota.limit => (
            if quota.hard {
                Status::Blocks
            } else {
                Status::Check
            },
            format!(
                "{} Go de fichiers pour {limit} Go sur Frama.space, sans dépassement possible (quota : {}).",
                format_number(n),
                cite(true)
            ),
            format!(
                "{} GB of files for {limit} GB on Frama.space, with no overage possible (quota: {}).",
                format_number(n),
                cite(false)
            ),
        ),
        Some(n) => {
            let close = n > 0.8 * quota.limit;
            (
                if close { Status::Warn } else { Status::Ok },
                format!(
                    "{} Go de fichiers pour {limit} Go{} (quota : {}).",
                    format_number(n),
                    if close { ", proche de la limite" } else { "" },
                    cite(true)
                ),
                format!(
                    "{} GB of files for {limit} GB{} (quota: {}).",
                    format_number(n),
                    if close { ", close to the limit" } else { "" },
                    cite(false)
                ),
            )
        }
    };
    reasons.push(reason(status, fr, en, trace));
    Some(check(quota, needed, false))
}

pub(super) fn coverage(
    read: &Read<'_>,
    offer: &Offer,
    needs: &[NeedUse],
    reasons: &mut Vec<Reason>,
) -> (Vec<String>, Vec<String>) {
    let offered = offer.covered_needs();
    let mut covers = Vec::new();
    let mut not = Vec::new();
    let mut trace = Trace::rule("framaspace.needs");
    // A visio limit (about ten people) below the usual meeting size moves visio out.
    let visio_too_big = match (
        offer.current_quota(Q::VisioParticipants),
        read.quantity("visio_participants"),
    ) {
        (Some(q), Quantity::Given(n, r)) if n > q.limit => {
            trace.add_answer(r);
            quota_fact(&mut trace, q, ("participants", "participants"));
            Some((n, q.limit))
        }
        _ => None,
    };
    for need in needs {
        trace.add_answers(need.trace.answers.iter().cloned());
        let too_big = need.need == "visio" && visio_too_big.is_some();
        if offered.contains(&need.need.as_str()) && !too_big {
            covers.push(need.need.clone());
        } else {
            not.push(need.need.clone());
        }
    }
    for f in offer.features.iter().filter(|f| covers.contains(&f.need)) {
        trace.add_text_fact(&f.label, &f.source, f.as_of);
    }
    let names = |ids: &[String], fr: bool| {
        ids.iter()
            .map(|id| {
                needs
                    .iter()
                    .find(|n| &n.need == id)
                    .map_or(id.as_str(), |n| {
                        if fr {
                            n.label.fr.as_str()
                        } else {
                            n.label.en.as_str()
                        }
                    })
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if needs.is_empty() {
        reasons.push(reason(
            Status::Check,
            "Besoins pas encore connus : impossible de dire ce que Frama.space couvrirait.".into(),
            "Needs not known yet: cannot tell what Frama.space would cover.".into(),
            trace,
        ));
        return (covers, not);
    }
    if covers.is_empty() {
        reasons.push(reason(
            Status::Warn,
            "Frama.space ne couvre aucun des besoins relevés.".into(),
            "Frama.space covers none of the needs found.".into(),
            trace.clone(),
        ));
    } else {
        reasons.push(reason(
            Status::Ok,
            format!("Couvre : {}.", names(&covers, true)),
            format!("Covers: {}.", names(&covers, false)),
            trace.clone(),
        ));
    }
    if !not.is_empty() {
        let mut gap_trace = trace;
        let mut inferred = false;
        for gap in offer.not_covered.iter().filter(|g| not.contains(&g.need)) {
            gap_trace.add_text_fact(&gap.note, &gap.source, gap.as_of);
            inferred |= gap.inferred;
        }
        let (nfr, nen) = if inferred {
            (
                " (déduit des listes de fonctionnalités publiées)",
                " (inferred from the published feature lists)",
            )
        } else {
            ("", "")
        };
        let mut fr = format!(
            "Ne couvre pas : {}{nfr} — à trouver ailleurs.",
            names(&not, true)
        );
        let mut en = format!(
            "Does not cover: {}{nen} — to be found elsewhere.",
            names(&not, false)
        );
        if let Some((n, l)) = visio_too_big {
            fr.push_str(&format!(
                " Visio : {} personnes d'habitude, Frama.space en gère environ {}.",
                format_number(n),
                format_number(l)
            ));
            en.push_str(&format!(
                " Video calls: usually {} people, Frama.space handles about {}.",
                format_number(n),
                format_number(l)
            ));
        }
        reasons.push(reason(Status::Info, fr, en, gap_trace));
    }
    (covers, not)
}

/// A source named briefly for a sentence: the site of a URL, or the text before its first
/// comma or parenthesis ("Framablog"). The full source stays in the trace.
fn short_source(source: &str) -> &str {
    let s = source.trim();
    if let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    {
        return rest.split('/').next().unwrap_or(rest);
    }
    s.split([',', '(', ';']).next().map_or(s, str::trim)
}
