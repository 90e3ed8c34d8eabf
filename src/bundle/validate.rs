//! Everything a bundle's content must satisfy before one byte of it is written, checked one
//! record at a time (so a bundle of any size is checked as it streams by, see `stream`):
//! canonical UUIDs, no id twice, times in the store's exact form
//! (`2026-03-14T17:02:11.123456Z`, so that text order is time order), questionnaire copies
//! that load and match their hash, audits that name an association and a questionnaire the
//! bundle carries (records come in that order), workshops with a valid date whose links name
//! audits of the bundle.
//!
//! Every text is cleaned on its way in (`safe_text`), as the store cleans what is typed. Every
//! answer goes through the check every import shares (`questionnaire::answer_set`, with the
//! time each answer was given: what the walk keeps after a later change is kept, what it
//! would have refused is refused); the values in the trail, which were each an answer once,
//! through the rules of a value alone (`answer::check_value`). Each problem is listed (up to
//! [`MAX_LISTED`], then how many more).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value as Json;

use super::{AssociationRec, AuditRec, Content, QuestionnaireCopy, Refused, Stored, WorkshopRec};
use crate::audit::{AuditStatus, LegalForm};
use crate::i18n::typo::count;
use crate::i18n::{Lang, Message};
use crate::questionnaire::answer_set::{self, Given};
use crate::questionnaire::{Questionnaire, answer, load_str};
use crate::safe_text::{clean, clean_line};

/// The problems named one by one; past them, only their number.
pub const MAX_LISTED: usize = 100;

/// A time as the store writes it.
pub fn is_time(s: &str) -> bool {
    s.len() == 27 && chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.6fZ").is_ok()
}

/// A UUID in its canonical lower-case form.
pub fn is_id(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok_and(|u| u.to_string() == s)
}

/// An id as a number; an id that is no UUID is 0, refused where it is met ([`is_id`]).
fn key(id: &str) -> u128 {
    uuid::Uuid::parse_str(id).map_or(0, |u| u.as_u128())
}

/// A content that passed [`check`], with its questionnaire copies loaded (by hash): the only
/// thing `Store::merge_bundle` takes.
#[derive(Debug, Clone)]
pub struct Checked {
    pub content: Content,
    pub questionnaires: HashMap<String, Questionnaire>,
}

/// Check a whole content (cleaning its texts).
pub fn check(mut content: Content) -> Result<Checked, Refused> {
    let mut v = Validator::default();
    v.questionnaires(&content.questionnaires);
    for a in &mut content.associations {
        v.association(a);
    }
    for a in &mut content.audits {
        v.audit(a);
    }
    for w in &mut content.workshops {
        v.workshop(w);
    }
    v.finish().map(|questionnaires| Checked {
        content,
        questionnaires,
    })
}

/// The checks of a bundle, record by record, in the order of the content.
#[derive(Default)]
pub struct Validator {
    fr: Vec<String>,
    en: Vec<String>,
    more: usize,
    /// Ids as numbers (16 bytes each, not a string): a bundle of 100,000 audits keeps 200,000.
    seen: HashSet<u128>,
    associations: HashSet<u128>,
    audits: HashSet<u128>,
    qs: HashMap<String, Arc<Questionnaire>>,
}

impl Validator {
    fn push(&mut self, fr: String, en: String) {
        if self.fr.len() < MAX_LISTED {
            self.fr.push(fr);
            self.en.push(en);
        } else {
            self.more += 1;
        }
    }

    fn problems(&self) -> usize {
        self.fr.len() + self.more
    }

    /// The loaded copy of the questionnaire of this hash.
    pub fn questionnaire(&self, hash: &str) -> Option<&Questionnaire> {
        self.qs.get(hash).map(|q| &**q)
    }

    /// [`Validator::questionnaire`], shared.
    pub fn questionnaire_arc(&self, hash: &str) -> Option<Arc<Questionnaire>> {
        self.qs.get(hash).cloned()
    }

    /// The hashes of the copies loaded so far.
    pub fn loaded(&self) -> HashSet<String> {
        self.qs.keys().cloned().collect()
    }

    fn id(&mut self, what: (&str, &str), id: &str) {
        if !is_id(id) {
            self.push(
                format!("{} : identifiant invalide « {id} »", what.0),
                format!("{}: invalid id '{id}'", what.1),
            );
        } else if !self.seen.insert(key(id)) {
            self.push(
                format!("{} {id} présent deux fois", what.0),
                format!("{} {id} present twice", what.1),
            );
        }
    }

    fn times(&mut self, id: &str, list: &[&str]) {
        for t in list {
            if !is_time(t) {
                self.push(
                    format!("{id} : date « {t} » illisible"),
                    format!("{id}: unreadable time '{t}'"),
                );
            }
        }
    }

    /// Load the questionnaire copies: each must load and be what it says it is.
    pub fn questionnaires(&mut self, copies: &[QuestionnaireCopy]) {
        for c in copies {
            let name = format!("<questionnaire {} v{}>", c.id, c.version);
            match load_str(&name, &c.source) {
                Ok(q) if q.hash == c.hash && q.id == c.id && q.version == c.version => {
                    self.qs.insert(c.hash.clone(), Arc::new(q));
                }
                Ok(_) => self.push(
                    format!("copie du questionnaire {} v{} : empreinte ou identité différente de celle annoncée", c.id, c.version),
                    format!("questionnaire copy {} v{}: hash or identity differs from the one stated", c.id, c.version),
                ),
                Err(e) => self.push(
                    format!("copie du questionnaire {} v{} illisible : {e}", c.id, c.version),
                    format!("questionnaire copy {} v{} does not load: {e}", c.id, c.version),
                ),
            }
        }
    }

    /// Clean and check an association; whether it passed.
    pub fn association(&mut self, a: &mut AssociationRec) -> bool {
        let before = self.problems();
        for field in [
            &mut a.name,
            &mut a.country,
            &mut a.postcode,
            &mut a.activity,
            &mut a.contact_name,
            &mut a.contact_email,
        ] {
            *field = clean_line(field);
        }
        self.id(("association", "association"), &a.id);
        self.times(&a.id, &[&a.created_at, &a.updated_at]);
        if a.name.is_empty() || LegalForm::parse(&a.legal_form).is_none() {
            self.push(
                format!(
                    "association {} : nom vide ou forme juridique inconnue",
                    a.id
                ),
                format!("association {}: empty name or unknown legal form", a.id),
            );
        }
        if a.budget_eur.is_some_and(|b| i64::try_from(b).is_err()) {
            self.push(
                format!("association {} : budget trop grand", a.id),
                format!("association {}: budget too large", a.id),
            );
        }
        self.associations.insert(key(&a.id));
        self.problems() == before
    }

    /// Clean and check an audit, its answers, notes and trail; whether it passed.
    pub fn audit(&mut self, a: &mut AuditRec) -> bool {
        let before = self.problems();
        clean_audit(a);
        self.id(("audit", "audit"), &a.id);
        self.audits.insert(key(&a.id));
        let mut t = vec![a.started_at.as_str(), a.updated_at.as_str()];
        t.extend(a.finished_at.as_deref());
        t.extend(a.answers.iter().map(|x| x.updated_at.as_str()));
        t.extend(a.notes.iter().map(|x| x.updated_at.as_str()));
        t.extend(a.trail.iter().map(|x| x.at.as_str()));
        t.extend(a.trail.iter().filter_map(|x| x.given_at.as_deref()));
        let t: Vec<String> = t.into_iter().map(str::to_string).collect();
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        self.times(&a.id, &t);
        if !self.associations.contains(&key(&a.association_id)) {
            self.push(
                format!("audit {} : son association n'est pas dans le paquet", a.id),
                format!("audit {}: its association is not in the bundle", a.id),
            );
        }
        if AuditStatus::parse(&a.status).is_none()
            || a.previous_audit_id.as_deref().is_some_and(|x| !is_id(x))
        {
            self.push(
                format!("audit {} : état ou audit précédent invalide", a.id),
                format!("audit {}: invalid status or previous audit", a.id),
            );
        }
        let Some(q) = self.qs.get(&a.questionnaire_hash) else {
            self.push(
                format!(
                    "audit {} : son questionnaire n'est pas dans le paquet",
                    a.id
                ),
                format!("audit {}: its questionnaire is not in the bundle", a.id),
            );
            return false;
        };
        let found = answers(q, a);
        for (fr, en) in found {
            self.push(fr, en);
        }
        self.problems() == before
    }

    /// Clean and check a workshop; whether it passed.
    pub fn workshop(&mut self, w: &mut WorkshopRec) -> bool {
        let before = self.problems();
        for field in [&mut w.name, &mut w.place, &mut w.trainer] {
            *field = clean_line(field);
        }
        self.id(("atelier", "workshop"), &w.id);
        let mut t = vec![w.created_at.clone(), w.updated_at.clone()];
        t.extend(w.audits.iter().map(|l| l.added_at.clone()));
        let t: Vec<&str> = t.iter().map(String::as_str).collect();
        self.times(&w.id, &t);
        if w.name.is_empty()
            || chrono::NaiveDate::parse_from_str(&w.date, "%Y-%m-%d").is_err()
            || w.audits
                .iter()
                .any(|l| !self.audits.contains(&key(&l.audit_id)))
        {
            self.push(
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
        self.problems() == before
    }

    /// A problem found while reading (the order of the records, their shape).
    pub fn refuse(&mut self, fr: String, en: String) {
        self.push(fr, en);
    }

    /// The loaded questionnaires when nothing was found wrong; else every problem.
    pub fn finish(self) -> Result<HashMap<String, Questionnaire>, Refused> {
        if self.fr.is_empty() {
            return Ok(self
                .qs
                .into_iter()
                .map(|(h, q)| (h, Arc::try_unwrap(q).unwrap_or_else(|q| (*q).clone())))
                .collect());
        }
        let (mut fr, mut en) = (self.fr, self.en);
        if self.more > 0 {
            let n = self.more;
            fr.push(format!(
                "et {}",
                count(Lang::Fr, n, "autre problème", "autres problèmes")
            ));
            en.push(format!(
                "and {}",
                count(Lang::En, n, "more problem", "more problems")
            ));
        }
        let list = |items: Vec<String>| {
            if items.len() == 1 {
                items.concat()
            } else {
                items
                    .iter()
                    .map(|x| format!("\n  - {x}"))
                    .collect::<String>()
            }
        };
        Err(Refused(Message::new(list(fr), list(en))))
    }
}

/// The text of a stored value (`{"text": "…"}`), cleaned.
fn clean_stored(value: &mut Option<Json>) {
    if let Some(Json::Object(m)) = value
        && let Some(Json::String(t)) = m.get_mut("text")
    {
        *t = clean(t);
    }
}

fn clean_audit(a: &mut AuditRec) {
    a.trainer = clean_line(&a.trainer);
    a.note = clean(&a.note);
    for n in &mut a.notes {
        n.text = clean(&n.text);
    }
    for x in &mut a.answers {
        clean_stored(&mut x.value);
    }
    for t in &mut a.trail {
        for side in [&mut t.old, &mut t.new].into_iter().flatten() {
            clean_stored(&mut side.value);
        }
    }
}

/// The problems of an audit's answers, notes and trail on its questionnaire.
fn answers(q: &Questionnaire, a: &AuditRec) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut decoded = Vec::new();
    for x in &a.answers {
        let s = Stored {
            state: x.state.clone(),
            value: x.value.clone(),
        };
        match s.answer() {
            Ok(ans) => decoded.push((x.question_id.as_str(), ans, x.updated_at.as_str())),
            Err(e) => out.push((
                format!(
                    "audit {} : réponse à « {} » illisible ({e})",
                    a.id, x.question_id
                ),
                format!(
                    "audit {}: unreadable answer to '{}' ({e})",
                    a.id, x.question_id
                ),
            )),
        }
    }
    let given: Vec<Given<'_>> = decoded
        .iter()
        .map(|(question, answer, at)| Given {
            question,
            answer,
            at: is_time(at).then_some(*at),
        })
        .collect();
    for r in answer_set::check(q, &given) {
        out.push((
            format!(
                "audit {} : {} = {} : {}",
                a.id, r.question, r.value, r.problem.fr
            ),
            format!(
                "audit {}: {} = {}: {}",
                a.id, r.question, r.value, r.problem.en
            ),
        ));
    }
    let unknown = |question: &str| {
        (
            format!("audit {} : question inconnue « {question} »", a.id),
            format!("audit {}: unknown question '{question}'", a.id),
        )
    };
    for n in &a.notes {
        if q.question(&n.question_id).is_none() {
            out.push(unknown(&n.question_id));
        }
    }
    for t in &a.trail {
        let Some(question) = q.question(&t.question_id) else {
            out.push(unknown(&t.question_id));
            continue;
        };
        for side in [&t.old, &t.new].into_iter().flatten() {
            let problem = match side.answer() {
                Ok(ans) => answer::check_value(question, &ans)
                    .err()
                    .map(|p| (p.fr, p.en)),
                Err(e) => Some((format!("illisible ({e})"), format!("unreadable ({e})"))),
            };
            if let Some((fr, en)) = problem {
                out.push((
                    format!(
                        "audit {} : historique de « {} » : {fr}",
                        a.id, t.question_id
                    ),
                    format!("audit {}: trail of '{}': {en}", a.id, t.question_id),
                ));
            }
        }
    }
    out
}
