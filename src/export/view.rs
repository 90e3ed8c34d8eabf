//! The report every human-readable format renders: the association's profile (anonymised or
//! not), the audit's facts, the answers in questionnaire order, and the plan. Built once, here,
//! so that what is left out when anonymising is decided in one place and no format can leak
//! what another hides. Strings are cleaned (NFC, no control characters) but not escaped:
//! escaping belongs to each format.

use serde::Serialize;

use super::Input;
use super::Options;
use super::escape::{clean, one_line};
use super::labels::label;
use super::plan_view::{self, PlanView};
use crate::audit::{Answer, Association, AuditStatus, Value};
use crate::i18n::{Lang, typo};
use crate::plan::Plan;
use crate::questionnaire::{Kind, Question};

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub lang: &'static str,
    pub anonymised: bool,
    /// What an anonymised export keeps and leaves out, said exactly; `None` when not anonymised.
    pub banner: Option<String>,
    pub association: Profile,
    pub audit: AuditInfo,
    pub sections: Vec<SectionView>,
    pub general_note: Option<String>,
    pub plan: PlanView,
}

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    /// The name, or "activity — département" when anonymised.
    pub display_name: String,
    pub legal_form: String,
    /// Absent when it is already the name shown (anonymised) or left out.
    pub activity: Option<String>,
    pub place: Option<String>,
    pub members: Option<String>,
    pub employees: Option<String>,
    pub volunteers: Option<String>,
    pub budget: Option<String>,
    /// "Name <e-mail>"; absent when anonymised.
    pub contact: Option<String>,
    /// Absent when anonymised.
    pub trainer: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditInfo {
    pub id: String,
    pub questionnaire_id: String,
    pub questionnaire_title: String,
    pub questionnaire_version: u32,
    pub status: String,
    pub started: String,
    pub finished: Option<String>,
    pub updated: String,
    pub answered: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: String,
    pub question: String,
    pub answer: String,
    pub note: Option<String>,
}

/// A date as the reader writes it, the same in every human format (`typo::date`):
/// `24 novembre 2026`, `24 November 2026`; anything else is shown cleaned, as it is.
pub fn date(s: &str, lang: Lang) -> String {
    one_line(&typo::date(lang, s))
}

/// The association as shown: the name or, anonymised, the activity and département.
pub fn public_name(a: &Association, opts: &Options) -> String {
    match public_name_parts(a, opts) {
        (name, Some(place)) => format!("{name} — {place}"),
        (name, None) => name,
    }
}

/// [`public_name`] in its two parts: the name (or, anonymised, the activity) and, anonymised,
/// the place — apart, so a file name can shorten the first and keep the second.
pub fn public_name_parts(a: &Association, opts: &Options) -> (String, Option<String>) {
    if opts.hides_name() {
        let activity =
            public_activity(a, opts).unwrap_or_else(|| a.legal_form.label(opts.lang).to_string());
        (activity, place(a, opts))
    } else {
        let n = one_line(&a.name);
        if n.is_empty() {
            (a.legal_form.label(opts.lang).to_string(), None)
        } else {
            (n, None)
        }
    }
}

/// The activity as an export may show it: anonymised, left out when it names the association
/// (`safe_text::unless_named`, the rule of every anonymised output); else as written.
pub fn public_activity(a: &Association, opts: &Options) -> Option<String> {
    let activity = one_line(&a.activity);
    if opts.anonymise {
        crate::safe_text::unless_named(&activity, &a.name).map(str::to_string)
    } else {
        (!activity.is_empty()).then_some(activity)
    }
}

/// Département when in France ("Rhône (69)" is beyond us: "département 69"), else the country;
/// the postcode itself only when not anonymised.
pub fn place(a: &Association, opts: &Options) -> Option<String> {
    let country = one_line(&a.country);
    match a.departement() {
        Some(d) if opts.anonymise || a.postcode.trim().is_empty() => {
            Some(format!("{} {d}", label(opts.lang, "departement")))
        }
        Some(_) => Some(format!("{} ({})", one_line(&a.postcode), country)),
        None if country.is_empty() => None,
        None if opts.anonymise || a.postcode.trim().is_empty() => Some(country),
        None => Some(format!("{} ({country})", one_line(&a.postcode))),
    }
}

/// How an answer reads in a report.
pub fn answer_text(q: &Question, a: &Answer, opts: &Options) -> String {
    let lang = opts.lang;
    // Choice labels are the questionnaire's words: its typography applies.
    let choice = |id: &str| {
        q.choice(id)
            .map(|c| typo::punct(lang, &one_line(c.label.get(lang))))
            .unwrap_or_else(|| one_line(id))
    };
    match a {
        Answer::DontKnow => label(lang, "dont_know").to_string(),
        Answer::NotApplicable => label(lang, "not_applicable").to_string(),
        Answer::Given(v) => match v {
            Value::Choice(c) => choice(c),
            Value::Choices(cs) => cs.iter().map(|c| choice(c)).collect::<Vec<_>>().join(", "),
            Value::Number(n) => {
                let mut s = typo::number(lang, *n);
                if q.kind == Kind::Scale
                    && let Some(max) = q.max
                {
                    s = format!("{s} / {}", typo::number(lang, max));
                }
                if let Some(u) = &q.unit {
                    s = format!("{s} {}", one_line(u.get(lang)));
                }
                s
            }
            Value::Bool(b) => label(lang, if *b { "yes" } else { "no" }).to_string(),
            Value::Text(t) if opts.shows_notes() => one_line(t),
            Value::Text(_) => label(lang, "omitted_text").to_string(),
        },
    }
}

/// The plan with what an anonymised export must not show removed (see [`scrub_plan_value`]),
/// typed again for the human formats.
pub fn scrub_plan(input: &Input, opts: &Options) -> Plan {
    if secrets(input, opts).is_empty() {
        return input.plan.clone();
    }
    // Only strings change, so the plan reads back; should it not, nothing personal is risked by
    // showing the plan with every text replaced.
    serde_json::from_value(scrub_plan_value(input, opts)).unwrap_or_else(|_| {
        let mut p = input.plan.clone();
        p.summary.clear();
        p
    })
}

/// The plan's serialised form with what an anonymised export must not show removed: when
/// anonymising, every personal string (name, contact, postcode, trainer) is replaced wherever
/// the plan quotes it; when notes are hidden, the free-text answers and notes too. Works on
/// every string whatever the plan's shape, so a new field cannot leak.
pub fn scrub_plan_value(input: &Input, opts: &Options) -> serde_json::Value {
    let secrets = secrets(input, opts);
    fn walk(v: &mut serde_json::Value, secrets: &[String]) {
        match v {
            serde_json::Value::String(s) => {
                for secret in secrets {
                    if s.contains(secret.as_str()) {
                        *s = s.replace(secret.as_str(), "[…]");
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|i| walk(i, secrets)),
            serde_json::Value::Object(m) => m.values_mut().for_each(|i| walk(i, secrets)),
            _ => {}
        }
    }
    let mut plan = serde_json::to_value(input.plan).unwrap_or(serde_json::Value::Null);
    if !secrets.is_empty() {
        walk(&mut plan, &secrets);
    }
    plan
}

/// The personal strings an export with these options must not show, longest first.
fn secrets(input: &Input, opts: &Options) -> Vec<String> {
    let (a, audit) = (input.association, input.audit);
    let mut secrets: Vec<String> = Vec::new();
    if opts.anonymise {
        secrets.extend([
            a.contact_name.clone(),
            a.contact_email.clone(),
            a.postcode.clone(),
            audit.trainer.clone(),
        ]);
        if opts.hides_name() {
            secrets.push(a.name.clone());
        }
    }
    if !opts.shows_notes() {
        secrets.push(audit.note.clone());
        secrets.extend(audit.notes.values().cloned());
        for r in audit.answers.values() {
            if let Answer::Given(Value::Text(t)) = &r.answer {
                secrets.push(t.clone());
                // Traces may quote a text answer cut short.
                secrets.push(t.chars().take(80).collect());
            }
        }
    }
    let mut secrets: Vec<String> = secrets
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| s.chars().count() >= 3)
        .collect();
    // Longest first, so a secret containing another is replaced whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    secrets.dedup();
    secrets
}

/// Build the report.
pub fn build(input: &Input, opts: &Options) -> Report {
    let (a, audit, q, lang) = (
        input.association,
        input.audit,
        input.questionnaire,
        opts.lang,
    );
    let opt = |s: &str| {
        let s = one_line(s);
        (!s.is_empty()).then_some(s)
    };
    let contact = if opts.anonymise {
        None
    } else {
        match (opt(&a.contact_name), opt(&a.contact_email)) {
            (Some(n), Some(e)) => Some(format!("{n} <{e}>")),
            (n, e) => n.or(e),
        }
    };
    let association = Profile {
        display_name: public_name(a, opts),
        legal_form: a.legal_form.label(lang).to_string(),
        // Said once: not again when the name shown is the activity.
        activity: public_activity(a, opts).filter(|_| !opts.hides_name()),
        place: place(a, opts),
        members: a.members.map(|n| typo::number(lang, n)),
        employees: a.employees.map(|n| typo::number(lang, n)),
        volunteers: a.volunteers.map(|n| typo::number(lang, n)),
        budget: a.budget_eur.map(|b| typo::eur_per_year(lang, b)),
        contact,
        trainer: if opts.anonymise {
            None
        } else {
            opt(&audit.trainer)
        },
    };
    let sections: Vec<SectionView> = q
        .sections
        .iter()
        .map(|s| SectionView {
            id: s.id.clone(),
            title: typo::punct(lang, &one_line(s.title.get(lang))),
            items: s
                .questions
                .iter()
                .filter_map(|qq| {
                    let rec = audit.answers.get(&qq.id)?;
                    Some(Item {
                        id: qq.id.clone(),
                        question: typo::punct(lang, &one_line(qq.label.get(lang))),
                        answer: answer_text(qq, &rec.answer, opts),
                        note: audit
                            .notes
                            .get(&qq.id)
                            .filter(|_| opts.shows_notes())
                            .map(|n| one_line(n))
                            .filter(|n| !n.is_empty()),
                    })
                })
                .collect(),
        })
        .filter(|s| !s.items.is_empty())
        .collect();
    let answered = sections.iter().map(|s| s.items.len()).sum();
    Report {
        lang: lang.code(),
        anonymised: opts.anonymise,
        banner: super::privacy::banner(a, opts),
        association,
        audit: AuditInfo {
            // Anonymised, no id: a UUID v7 tells when the audit was made and leads back to it.
            id: if opts.anonymise {
                String::new()
            } else {
                one_line(&audit.id)
            },
            questionnaire_id: one_line(&q.id),
            questionnaire_title: one_line(q.title.get(lang)),
            questionnaire_version: q.version,
            status: label(
                lang,
                match audit.status {
                    AuditStatus::InProgress => "status_in_progress",
                    AuditStatus::Finished => "status_finished",
                },
            )
            .to_string(),
            started: date(&audit.started_at, lang),
            finished: audit.finished_at.as_deref().map(|d| date(d, lang)),
            updated: date(&audit.updated_at, lang),
            answered,
            total: q.question_count(),
        },
        sections,
        general_note: Some(clean(audit.note.trim()))
            .filter(|n| !n.is_empty() && opts.shows_notes()),
        plan: plan_view::read(&scrub_plan(input, opts), plan_view::Ctx { lang, q, opts }),
    }
}
