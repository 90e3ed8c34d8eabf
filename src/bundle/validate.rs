//! Everything a bundle's content must satisfy before one byte of it is written: canonical
//! UUIDs, no id twice, times in the store's exact form (`2026-03-14T17:02:11.123456Z`, so that
//! text order is time order), questionnaire copies that load and match their hash, audits that
//! name an association and a questionnaire the bundle carries, answers, notes and trail entries
//! that name questions of that questionnaire with values of the right shape, workshops with a
//! valid date whose links name audits of the bundle. The first problems found (at most ten)
//! are reported together.
//!
//! Answers are checked for shape (kind, choice ids, "non concerné" only where offered), not
//! against constraints between answers: a set of answers that the store accepted one at a time
//! may no longer satisfy every constraint as a whole, and refusing it would lose data.

use std::collections::{HashMap, HashSet};

use super::{Content, Refused, Stored};
use crate::audit::{Answer, AuditStatus, LegalForm, Value};
use crate::i18n::Message;
use crate::questionnaire::{Kind, Question, Questionnaire, load_str};

const MAX_PROBLEMS: usize = 10;

/// A time as the store writes it.
pub fn is_time(s: &str) -> bool {
    s.len() == 27 && chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.6fZ").is_ok()
}

/// A UUID in its canonical lower-case form.
pub fn is_id(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok_and(|u| u.to_string() == s)
}

/// Whether an answer has the shape its question expects.
pub fn fits(q: &Question, a: &Answer) -> bool {
    match a {
        Answer::DontKnow => true,
        Answer::NotApplicable => q.not_applicable,
        Answer::Given(v) => match (q.kind, v) {
            (Kind::Single, Value::Choice(c)) => q.choice(c).is_some(),
            (Kind::Multiple, Value::Choices(cs)) => cs.iter().all(|c| q.choice(c).is_some()),
            (Kind::Number | Kind::Scale, Value::Number(n)) => n.is_finite(),
            (Kind::Text, Value::Text(_)) => true,
            (Kind::Yesno, Value::Bool(_)) => true,
            _ => false,
        },
    }
}

struct Problems(Vec<String>, Vec<String>);

impl Problems {
    fn push(&mut self, fr: String, en: String) {
        if self.0.len() < MAX_PROBLEMS {
            self.0.push(fr);
            self.1.push(en);
        }
    }
}

/// A content that passed [`check`], with its questionnaire copies loaded (by hash): the only
/// thing `Store::merge_bundle` takes.
#[derive(Debug, Clone)]
pub struct Checked {
    pub content: Content,
    pub questionnaires: HashMap<String, Questionnaire>,
}

fn load(content: &Content, p: &mut Problems) -> HashMap<String, Questionnaire> {
    let mut out = HashMap::new();
    for c in &content.questionnaires {
        let name = format!("<questionnaire {} v{}>", c.id, c.version);
        match load_str(&name, &c.source) {
            Ok(q) if q.hash == c.hash && q.id == c.id && q.version == c.version => {
                out.insert(c.hash.clone(), q);
            }
            Ok(_) => p.push(
                format!("copie du questionnaire {} v{} : empreinte ou identité différente de celle annoncée", c.id, c.version),
                format!("questionnaire copy {} v{}: hash or identity differs from the one stated", c.id, c.version),
            ),
            Err(e) => p.push(
                format!("copie du questionnaire {} v{} illisible : {e}", c.id, c.version),
                format!("questionnaire copy {} v{} does not load: {e}", c.id, c.version),
            ),
        }
    }
    out
}

fn finish(p: Problems) -> Result<(), Refused> {
    if p.0.is_empty() {
        Ok(())
    } else {
        Err(Refused(Message::new(p.0.join(" ; "), p.1.join("; "))))
    }
}

/// Check a whole content.
pub fn check(content: Content) -> Result<Checked, Refused> {
    let mut p = Problems(Vec::new(), Vec::new());
    let qs = load(&content, &mut p);
    let problems = problems(&content, &qs, p);
    finish(problems).map(|()| Checked {
        content,
        questionnaires: qs,
    })
}

fn problems(content: &Content, qs: &HashMap<String, Questionnaire>, mut p: Problems) -> Problems {
    let mut seen: HashSet<String> = HashSet::new();
    let mut ids = |p: &mut Problems, what: (&str, &str), id: &str| {
        if !is_id(id) {
            p.push(
                format!("{} : identifiant invalide « {id} »", what.0),
                format!("{}: invalid id '{id}'", what.1),
            );
        } else if !seen.insert(id.to_string()) {
            p.push(
                format!("{} {id} présent deux fois", what.0),
                format!("{} {id} present twice", what.1),
            );
        }
    };
    let times = |p: &mut Problems, id: &str, list: &[&str]| {
        for t in list {
            if !is_time(t) {
                p.push(
                    format!("{id} : date « {t} » illisible"),
                    format!("{id}: unreadable time '{t}'"),
                );
            }
        }
    };
    let mut associations = HashSet::new();
    for a in &content.associations {
        ids(&mut p, ("association", "association"), &a.id);
        times(&mut p, &a.id, &[&a.created_at, &a.updated_at]);
        if a.name.trim().is_empty() || LegalForm::parse(&a.legal_form).is_none() {
            p.push(
                format!(
                    "association {} : nom vide ou forme juridique inconnue",
                    a.id
                ),
                format!("association {}: empty name or unknown legal form", a.id),
            );
        }
        if a.budget_eur.is_some_and(|b| i64::try_from(b).is_err()) {
            p.push(
                format!("association {} : budget trop grand", a.id),
                format!("association {}: budget too large", a.id),
            );
        }
        associations.insert(a.id.as_str());
    }
    let mut audits = HashSet::new();
    for a in &content.audits {
        ids(&mut p, ("audit", "audit"), &a.id);
        audits.insert(a.id.as_str());
        let mut t = vec![a.started_at.as_str(), a.updated_at.as_str()];
        t.extend(a.finished_at.as_deref());
        t.extend(a.answers.iter().map(|x| x.updated_at.as_str()));
        t.extend(a.notes.iter().map(|x| x.updated_at.as_str()));
        t.extend(a.trail.iter().map(|x| x.at.as_str()));
        t.extend(a.trail.iter().filter_map(|x| x.given_at.as_deref()));
        times(&mut p, &a.id, &t);
        if !associations.contains(a.association_id.as_str()) {
            p.push(
                format!("audit {} : son association n'est pas dans le paquet", a.id),
                format!("audit {}: its association is not in the bundle", a.id),
            );
        }
        if AuditStatus::parse(&a.status).is_none()
            || a.previous_audit_id.as_deref().is_some_and(|x| !is_id(x))
        {
            p.push(
                format!("audit {} : état ou audit précédent invalide", a.id),
                format!("audit {}: invalid status or previous audit", a.id),
            );
        }
        let Some(q) = qs.get(&a.questionnaire_hash) else {
            p.push(
                format!(
                    "audit {} : son questionnaire n'est pas dans le paquet",
                    a.id
                ),
                format!("audit {}: its questionnaire is not in the bundle", a.id),
            );
            continue;
        };
        let answer = |p: &mut Problems, question: &str, s: Option<&Stored>| {
            let Some(qu) = q.question(question) else {
                p.push(
                    format!("audit {} : question inconnue « {question} »", a.id),
                    format!("audit {}: unknown question '{question}'", a.id),
                );
                return;
            };
            let Some(s) = s else { return };
            match s.answer() {
                Ok(ans) if fits(qu, &ans) => {}
                Ok(_) => p.push(
                    format!(
                        "audit {} : réponse à « {question} » d'une forme inattendue",
                        a.id
                    ),
                    format!(
                        "audit {}: answer to '{question}' has an unexpected shape",
                        a.id
                    ),
                ),
                Err(e) => p.push(
                    format!("audit {} : réponse à « {question} » illisible ({e})", a.id),
                    format!("audit {}: unreadable answer to '{question}' ({e})", a.id),
                ),
            }
        };
        let mut once = HashSet::new();
        for x in &a.answers {
            let s = Stored {
                state: x.state.clone(),
                value: x.value.clone(),
            };
            answer(&mut p, &x.question_id, Some(&s));
            if !once.insert(x.question_id.as_str()) {
                p.push(
                    format!("audit {} : deux réponses à « {} »", a.id, x.question_id),
                    format!("audit {}: two answers to '{}'", a.id, x.question_id),
                );
            }
        }
        for x in &a.notes {
            answer(&mut p, &x.question_id, None);
        }
        for x in &a.trail {
            answer(&mut p, &x.question_id, x.old.as_ref());
            answer(&mut p, &x.question_id, x.new.as_ref());
        }
    }
    for w in &content.workshops {
        ids(&mut p, ("atelier", "workshop"), &w.id);
        let mut t = vec![w.created_at.as_str(), w.updated_at.as_str()];
        t.extend(w.audits.iter().map(|l| l.added_at.as_str()));
        times(&mut p, &w.id, &t);
        if w.name.trim().is_empty()
            || chrono::NaiveDate::parse_from_str(&w.date, "%Y-%m-%d").is_err()
            || w.audits
                .iter()
                .any(|l| !audits.contains(l.audit_id.as_str()))
        {
            p.push(
                format!(
                    "atelier {} : nom vide, date invalide ou audit absent du paquet",
                    w.id
                ),
                format!(
                    "workshop {}: empty name, invalid date or audit missing from the bundle",
                    w.id
                ),
            );
        }
    }
    p
}
