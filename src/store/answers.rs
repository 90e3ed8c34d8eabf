//! Saving answers and notes the instant they are given. Saving one answer is one transaction
//! that writes the answer, appends its trail entry (question, old value, new value, time) and
//! touches the audit's `updated_at`: after `save_answer` returns, the answer survives a power
//! cut (WAL with `synchronous=FULL`).

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::error::Fail;
use super::{Store, StoreError, TrailEntry, audits, codec, read, write};
use crate::audit::Answer;
use crate::questionnaire::{Question, answer};

impl Store {
    /// Save (or, with `None`, clear) the answer to one question and record the change in the
    /// trail; returns the time it was saved (RFC 3339 UTC).
    ///
    /// The answer is normalised (`questionnaire::answer::normalise`) and must pass
    /// `questionnaire::answer::check` against the audit's other answers and its stored
    /// questionnaire. Saving the answer already stored changes nothing and returns the time it
    /// was saved then; clearing an answer that does not exist changes nothing either.
    pub fn save_answer(
        &mut self,
        audit_id: &str,
        question_id: &str,
        answer: Option<&Answer>,
    ) -> Result<String, StoreError> {
        let now = codec::now();
        let cache = &mut self.questionnaires;
        write(&mut self.conn, &self.shown, |tx| {
            let q = audits::questionnaire_in(tx, cache, audit_id)?;
            let question = q
                .question(question_id)
                .ok_or_else(|| StoreError::UnknownQuestion {
                    audit: audit_id.to_string(),
                    question: question_id.to_string(),
                })?;
            let new = answer.map(|a| answer::normalise(question, a.clone()));
            let old = answer_of(tx, audit_id, question_id)?;
            if let Some(new) = &new {
                let others = constraint_inputs(tx, audit_id, question)?;
                answer::check(question, new, &others).map_err(|problem| {
                    StoreError::InvalidAnswer {
                        question: question_id.to_string(),
                        problem,
                    }
                })?;
            }
            if old.as_ref().map(|(a, _)| a) == new.as_ref() {
                return Ok(old.map_or(now.clone(), |(_, at)| at));
            }
            put(
                tx,
                audit_id,
                question_id,
                old.map(|(a, _)| a).as_ref(),
                new.as_ref(),
                &now,
            )?;
            Ok(now.clone())
        })
    }

    /// Save the note on a question (`Some(id)`) or the general note on the audit (`None`); an
    /// empty (or blank) text deletes it. Returns the time it was saved.
    pub fn save_note(
        &mut self,
        audit_id: &str,
        question_id: Option<&str>,
        text: &str,
    ) -> Result<String, StoreError> {
        if let Some(question) = question_id {
            let q = self.questionnaire_of(audit_id)?;
            if q.question(question).is_none() {
                return Err(StoreError::UnknownQuestion {
                    audit: audit_id.to_string(),
                    question: question.to_string(),
                });
            }
        }
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| {
            put_note(tx, audit_id, question_id, text, &now)?;
            touch(tx, audit_id, &now)?;
            Ok(now.clone())
        })
    }

    /// Every change of every answer of the audit, oldest first (by time, then by the order
    /// written: entries merged from a bundle take their place in time).
    pub fn trail(&self, audit_id: &str) -> Result<Vec<TrailEntry>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            let exists: bool = c.query_row(
                "SELECT EXISTS (SELECT 1 FROM audits WHERE id = ?1)",
                [audit_id],
                |r| r.get(0),
            )?;
            if !exists {
                return Err(StoreError::UnknownAudit(audit_id.to_string()).into());
            }
            let mut stmt = c.prepare(
                "SELECT question_id, old_state, old_value, new_state, new_value, at
                 FROM trail WHERE audit_id = ?1 ORDER BY at, seq",
            )?;
            let rows = stmt.query_map([audit_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (question_id, os, ov, ns, nv, at) = row?;
                let side = |s: Option<String>, v: Option<String>| {
                    codec::decode_opt(s.as_deref(), v.as_deref()).map_err(|e| {
                        Fail::unreadable(format!("trail entry for '{question_id}': {e}"))
                    })
                };
                let old = side(os, ov)?;
                let new = side(ns, nv)?;
                out.push(TrailEntry {
                    question_id,
                    old,
                    new,
                    at,
                });
            }
            Ok(out)
        })
    }
}

/// The stored answer to one question, with the time it was saved.
fn answer_of(
    c: &Connection,
    audit_id: &str,
    question_id: &str,
) -> Result<Option<(Answer, String)>, Fail> {
    let mut stmt = c.prepare_cached(
        "SELECT state, value, updated_at FROM answers WHERE audit_id = ?1 AND question_id = ?2",
    )?;
    let row = stmt
        .query_row(params![audit_id, question_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    let Some((state, value, at)) = row else {
        return Ok(None);
    };
    let answer = codec::decode(&state, value.as_deref())
        .map_err(|e| Fail::unreadable(format!("answer to '{question_id}': {e}")))?;
    Ok(Some((answer, at)))
}

/// What the question's constraint reads besides the answer itself: the stored answers of the
/// other questions it names (`${id}`), and nothing more. An expression reads answers only
/// through the ids it names (`Expr::references`), so this is exactly what checking against
/// every answer of the audit would read.
fn constraint_inputs(
    c: &Connection,
    audit_id: &str,
    question: &Question,
) -> Result<BTreeMap<String, Answer>, Fail> {
    let mut out = BTreeMap::new();
    let Some(constraint) = &question.constraint else {
        return Ok(out);
    };
    for id in constraint.references() {
        // The question's own stored answer is the one being replaced: never an input.
        if id == question.id || out.contains_key(id) {
            continue;
        }
        if let Some((answer, _)) = answer_of(c, audit_id, id)? {
            out.insert(id.to_string(), answer);
        }
    }
    Ok(out)
}

/// Write `new` over `old` (both already known) with its trail entry, in the open transaction.
pub(super) fn put(
    tx: &Connection,
    audit_id: &str,
    question_id: &str,
    old: Option<&Answer>,
    new: Option<&Answer>,
    now: &str,
) -> Result<(), Fail> {
    match new {
        Some(a) => {
            let (state, value) = codec::encode(a);
            tx.prepare_cached(
                "INSERT INTO answers (audit_id, question_id, state, value, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (audit_id, question_id)
                 DO UPDATE SET state = excluded.state, value = excluded.value,
                    updated_at = excluded.updated_at",
            )?
            .execute(params![audit_id, question_id, state, value, now])?;
        }
        None => {
            tx.prepare_cached("DELETE FROM answers WHERE audit_id = ?1 AND question_id = ?2")?
                .execute(params![audit_id, question_id])?;
        }
    }
    let (old_state, old_value) = codec::encode_opt(old);
    let (new_state, new_value) = codec::encode_opt(new);
    tx.prepare_cached(
        "INSERT INTO trail (audit_id, question_id, old_state, old_value, new_state, new_value, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        audit_id,
        question_id,
        old_state,
        old_value,
        new_state,
        new_value,
        now
    ])?;
    touch(tx, audit_id, now)
}

/// Write or delete a note in the open transaction.
pub(super) fn put_note(
    tx: &Connection,
    audit_id: &str,
    question_id: Option<&str>,
    text: &str,
    now: &str,
) -> Result<(), Fail> {
    let text: String = crate::safe_text::clean(text).trim().to_string();
    let text = text.as_str();
    match question_id {
        None => {
            tx.execute(
                "UPDATE audits SET note = ?2 WHERE id = ?1",
                params![audit_id, text],
            )?;
        }
        Some(q) if text.is_empty() => {
            tx.execute(
                "DELETE FROM notes WHERE audit_id = ?1 AND question_id = ?2",
                params![audit_id, q],
            )?;
        }
        Some(q) => {
            tx.execute(
                "INSERT INTO notes (audit_id, question_id, text, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (audit_id, question_id)
                 DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                params![audit_id, q, text, now],
            )?;
        }
    }
    Ok(())
}

/// Set the audit's `updated_at`; an unknown audit is an error.
fn touch(tx: &Connection, audit_id: &str, now: &str) -> Result<(), Fail> {
    let changed = tx
        .prepare_cached("UPDATE audits SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![audit_id, now])?;
    if changed == 0 {
        return Err(StoreError::UnknownAudit(audit_id.to_string()).into());
    }
    Ok(())
}
