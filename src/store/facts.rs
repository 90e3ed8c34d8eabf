//! Everything the workshop aggregates read, fetched at once: every audit of a scope with its
//! association's public profile (never its contact), its answers, and the questionnaire copies
//! the audits were started with.
//!
//! Two queries in one read transaction: the audits with their associations, then every answer
//! of the scope in the primary key's order (by audit), each placed at its question's position
//! in the audit's questionnaire copy ([`AnswerSlots`]), so no answer needs a map of its own.
//! Ten thousand full audits (730,000 answers) load in about a third of a second; stepping
//! through the rows in SQLite is half of it (`cargo bench --bench proof -- p4`).

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;

use super::error::Fail;
use super::workshop::Scope;
use super::{Store, StoreError, audits, codec, read};
use crate::audit::{Association, AuditStatus, LegalForm};
use crate::questionnaire::Questionnaire;
use crate::workshop::facts::{AnswerSlots, AuditFacts, Facts};

impl Store {
    /// Everything the aggregates read about the audits in `scope`: each audit with its
    /// association's public profile (no contact) and its answers, and the questionnaire copies
    /// they were started with (parsed once per store). Audits in the order they were started.
    pub fn audit_facts(&mut self, scope: Scope<'_>) -> Result<Facts, StoreError> {
        let cache = &mut self.questionnaires;
        let (mut audits, questionnaires) =
            read(&self.conn, &self.shown, |c| fetch(c, cache, scope))?;
        audits.sort_by(|a, b| {
            a.started_at
                .cmp(&b.started_at)
                .then(a.audit_id.cmp(&b.audit_id))
        });
        Ok(Facts {
            audits,
            questionnaires,
        })
    }
}

type Questionnaires = HashMap<String, Arc<Questionnaire>>;

/// A question id and its position in its questionnaire.
type Id<'a> = (&'a str, usize);

/// The facts (by audit id order) and the questionnaire copies they use, by hash.
fn fetch(
    c: &Connection,
    cache: &mut Questionnaires,
    scope: Scope<'_>,
) -> Result<(Vec<AuditFacts>, Questionnaires), Fail> {
    let (audits_filter, answers_filter, arg) = match scope {
        Scope::Workshop(id) => (
            "WHERE a.id IN (SELECT audit_id FROM workshop_audits WHERE workshop_id = ?1)",
            "WHERE w.audit_id IN (SELECT audit_id FROM workshop_audits WHERE workshop_id = ?1)",
            id,
        ),
        Scope::All => ("WHERE ?1 = ?1", "WHERE ?1 = ?1", ""),
    };
    let mut audits = fetch_audits(c, audits_filter, arg)?;
    let mut questionnaires = Questionnaires::new();
    for f in &audits {
        if !questionnaires.contains_key(&f.questionnaire_hash) {
            let q = audits::questionnaire_in(c, cache, &f.audit_id)?;
            questionnaires.insert(f.questionnaire_hash.clone(), q);
        }
    }
    place_answers(c, &mut audits, &questionnaires, answers_filter, arg)?;
    Ok((audits, questionnaires))
}

/// The audits of the scope with their associations, by id, answers not read yet.
fn fetch_audits(c: &Connection, filter: &str, arg: &str) -> Result<Vec<AuditFacts>, Fail> {
    let mut stmt = c.prepare(&format!(
        "SELECT a.id, a.questionnaire_hash, a.status, a.started_at, a.updated_at,
            s.id, s.name, s.legal_form, s.country, s.postcode, s.activity, s.members,
            s.employees, s.volunteers, s.budget_eur, a.previous_audit_id
         FROM audits a JOIN associations s ON s.id = a.association_id {filter}
         ORDER BY a.id"
    ))?;
    let raw = stmt
        .query_map([arg], |r| {
            let budget: Option<i64> = r.get(14)?;
            Ok((
                AuditFacts {
                    audit_id: r.get(0)?,
                    questionnaire_hash: r.get(1)?,
                    status: AuditStatus::default(),
                    started_at: r.get(3)?,
                    updated_at: r.get(4)?,
                    previous_audit_id: r.get(15)?,
                    association: Association {
                        id: r.get(5)?,
                        name: r.get(6)?,
                        legal_form: LegalForm::default(),
                        country: r.get(8)?,
                        postcode: r.get(9)?,
                        activity: r.get(10)?,
                        members: r.get(11)?,
                        employees: r.get(12)?,
                        volunteers: r.get(13)?,
                        budget_eur: budget.and_then(|b| u64::try_from(b).ok()),
                        contact_name: String::new(),
                        contact_email: String::new(),
                    },
                    answers: AnswerSlots::default(),
                },
                r.get::<_, String>(2)?,
                r.get::<_, String>(7)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    raw.into_iter()
        .map(|(mut f, status, form)| {
            f.status = AuditStatus::parse(&status)
                .ok_or_else(|| Fail::unreadable(format!("unknown audit status '{status}'")))?;
            f.association.legal_form = LegalForm::parse(&form)
                .ok_or_else(|| Fail::unreadable(format!("unknown legal form '{form}'")))?;
            Ok(f)
        })
        .collect()
}

/// Read every answer of the scope, in the primary key's order (by audit, then question), and
/// put each at its question's position in its audit's questionnaire. An answer to a question
/// the copy does not have (a hand-edited file) is left out: nothing could read it.
///
/// Stepping through the rows (half the time) and decoding their values overlap: this thread
/// reads the rows into batches of raw text, another decodes them and places the answers
/// (decoding in order all the same, so the first bad value is the one reported).
fn place_answers(
    c: &Connection,
    audits: &mut [AuditFacts],
    questionnaires: &Questionnaires,
    filter: &str,
    arg: &str,
) -> Result<(), Fail> {
    // Each questionnaire's question ids in byte order, the order the rows come in.
    let sorted: HashMap<&str, Vec<Id<'_>>> = questionnaires
        .iter()
        .map(|(hash, q)| {
            let mut ids: Vec<Id<'_>> = q
                .questions()
                .enumerate()
                .map(|(p, (_, question))| (question.id.as_str(), p))
                .collect();
            ids.sort_unstable();
            (hash.as_str(), ids)
        })
        .collect();
    let view: &[AuditFacts] = audits;
    let fresh = || -> Vec<AnswerSlots> {
        view.iter()
            .map(|f| {
                let questions = questionnaires.get(&f.questionnaire_hash);
                AnswerSlots::new(questions.map_or(0, |q| q.question_count()))
            })
            .collect()
    };
    let decoded: Option<Result<Vec<AnswerSlots>, Fail>> = std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<'_>>(4);
        let mut slots = fresh();
        let decoder = std::thread::Builder::new().spawn_scoped(s, move || {
            for batch in rx {
                batch.place(&mut slots)?;
            }
            Ok::<_, Fail>(slots)
        });
        // No thread to be had: the rows are decoded below, on this one.
        let decoder = decoder.ok()?;
        // A send fails only when the decoder stopped on an error: it says which.
        let scanned = scan_rows(c, view, &sorted, filter, arg, &mut |batch| {
            tx.send(batch).is_ok()
        });
        drop(tx);
        let decoded = decoder
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Some(decoded.and_then(|slots| scanned.map(|()| slots)))
    });
    let slots = match decoded {
        Some(slots) => slots?,
        None => {
            let mut slots = fresh();
            let mut failed = None;
            let scanned = scan_rows(c, view, &sorted, filter, arg, &mut |batch| match batch
                .place(&mut slots)
            {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
            scanned?;
            slots
        }
    };
    for (f, answers) in audits.iter_mut().zip(slots) {
        f.answers = answers;
    }
    Ok(())
}

/// Step through the answer rows of the scope, matching each to its audit and question, and
/// hand them over in batches; stop early when `send` says no.
fn scan_rows<'q>(
    c: &Connection,
    audits: &[AuditFacts],
    sorted: &'q HashMap<&str, Vec<Id<'q>>>,
    filter: &str,
    arg: &str,
    send: &mut dyn FnMut(Batch<'q>) -> bool,
) -> Result<(), Fail> {
    let mut stmt = c.prepare(&format!(
        "SELECT w.audit_id, w.question_id, w.state, w.value FROM answers w {filter}
         ORDER BY w.audit_id, w.question_id"
    ))?;
    let mut rows = stmt.query([arg])?;
    let text = |e: rusqlite::types::FromSqlError| Fail::unreadable(format!("answers: {e}"));
    let mut i = 0;
    // The audit the last row belonged to, its questionnaire's sorted ids, and how far along
    // them its rows have come (None: an audit outside the scope).
    let mut current: Option<(usize, &[Id<'q>], usize)> = None;
    let mut batch = Batch::default();
    while let Some(r) = rows.next()? {
        // Ids are compared as bytes: both sides come from the same column.
        let audit = r.get_ref(0)?.as_bytes().map_err(text)?;
        let same = current.is_some_and(|(at, _, _)| audits[at].audit_id.as_bytes() == audit);
        if !same {
            while audits.get(i).is_some_and(|f| f.audit_id.as_bytes() < audit) {
                i += 1;
            }
            current = audits
                .get(i)
                .filter(|f| f.audit_id.as_bytes() == audit)
                .and_then(|f| sorted.get(f.questionnaire_hash.as_str()))
                .map(|ids| (i, &ids[..], 0));
        }
        let Some((at, ids, next)) = current.as_mut() else {
            continue;
        };
        // A merge: the audit's rows and its questionnaire's ids are both in byte order. A
        // row whose id the questionnaire does not have (a hand-edited file) finds no match.
        let question = r.get_ref(1)?.as_bytes().map_err(text)?;
        while ids
            .get(*next)
            .is_some_and(|(id, _)| id.as_bytes() < question)
        {
            *next += 1;
        }
        let Some(&(question, position)) =
            ids.get(*next).filter(|(id, _)| id.as_bytes() == question)
        else {
            continue;
        };
        let state = r.get_ref(2)?.as_bytes().map_err(text)?;
        let value = r.get_ref(3)?.as_bytes_or_null().map_err(text)?;
        batch.push(*at, position, question, state, value);
        if batch.rows.len() == BATCH && !send(std::mem::take(&mut batch)) {
            return Ok(());
        }
    }
    send(batch);
    Ok(())
}

/// Rows per batch handed from the reading thread to the decoding one.
const BATCH: usize = 4096;

/// Answer rows read but not decoded: their state and value texts in one buffer.
#[derive(Default)]
struct Batch<'q> {
    text: Vec<u8>,
    rows: Vec<Raw<'q>>,
}

/// One answer row: its audit (index), its question (position and id), where its texts lie.
struct Raw<'q> {
    at: usize,
    position: usize,
    question: &'q str,
    state: std::ops::Range<usize>,
    value: Option<std::ops::Range<usize>>,
}

impl<'q> Batch<'q> {
    fn push(
        &mut self,
        at: usize,
        position: usize,
        question: &'q str,
        state: &[u8],
        value: Option<&[u8]>,
    ) {
        let mut keep = |bytes: &[u8]| {
            let start = self.text.len();
            self.text.extend_from_slice(bytes);
            start..self.text.len()
        };
        let state = keep(state);
        let value = value.map(keep);
        self.rows.push(Raw {
            at,
            position,
            question,
            state,
            value,
        });
    }

    /// Decode every row and put its answer in place.
    fn place(&self, slots: &mut [AnswerSlots]) -> Result<(), Fail> {
        let text = |range: &std::ops::Range<usize>| {
            std::str::from_utf8(&self.text[range.clone()])
                .map_err(|e| Fail::unreadable(format!("answers: {e}")))
        };
        for raw in &self.rows {
            let state = text(&raw.state)?;
            let value = raw.value.as_ref().map(text).transpose()?;
            let answer = codec::decode(state, value)
                .map_err(|e| Fail::unreadable(format!("answer to '{}': {e}", raw.question)))?;
            if let Some(slot) = slots.get_mut(raw.at) {
                slot.set(raw.position, answer);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::audit::Answer;
    use crate::store::NewAudit;

    /// Two audits on the express questionnaire, one of them with a row for a question its
    /// copy does not have: each answer lands at its question's place, the stray one nowhere.
    #[test]
    fn answers_are_placed_by_question_position() {
        let mut store = Store::open_in_memory().unwrap();
        let q = crate::questionnaire::shipped::by_id("atelier-express")
            .unwrap()
            .unwrap();
        let ids: Vec<String> = q.questions().map(|(_, x)| x.id.clone()).collect();
        let mut made = Vec::new();
        for (n, picks) in [[0usize, 3], [1, 4]].into_iter().enumerate() {
            let answers: BTreeMap<String, Answer> = picks
                .iter()
                .map(|&p| (ids[p].clone(), Answer::DontKnow))
                .collect();
            let association = Association {
                name: format!("Association {n}"),
                ..Association::default()
            };
            let created = store
                .create_audit(&NewAudit {
                    association: &association,
                    trainer: "",
                    questionnaire: &q,
                    answers: &answers,
                    notes: &BTreeMap::new(),
                    note: "",
                })
                .unwrap();
            made.push((created.audit_id, picks));
        }
        store
            .conn
            .execute(
                "INSERT INTO answers (audit_id, question_id, state, value, updated_at)
                 VALUES (?1, 'not_in_the_copy', 'answered', '{\"bool\":true}', '')",
                [&made[1].0],
            )
            .unwrap();
        let facts = store.audit_facts(Scope::All).unwrap();
        assert_eq!(facts.audits.len(), 2);
        for (audit_id, picks) in made {
            let f = facts
                .audits
                .iter()
                .find(|f| f.audit_id == audit_id)
                .unwrap();
            assert_eq!(f.answers.count(), 2, "{audit_id}");
            for p in 0..ids.len() {
                let want = picks.contains(&p).then_some(&Answer::DontKnow);
                assert_eq!(f.answers.at(p), want, "{audit_id} at {p}");
            }
        }
    }
}
