//! The records a bundle carries, read from the store one at a time: an audit with its answers,
//! notes and whole trail, an association with its times. Which ones, and in what order, is
//! `bundle_parts`; merging a bundle back is in `merge` and `bundle_merge`.

use rusqlite::{Connection, OptionalExtension, params};

use super::codec;
use super::error::Fail;
use crate::bundle::{AnswerRec, AssociationRec, AuditRec, NoteRec, Stored, TrailRec};

/// Which audits a bundle carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection<'a> {
    /// Every audit of one association.
    Association(&'a str),
    /// The audits of one workshop (by id).
    Workshop(&'a str),
    /// Everything.
    All,
}

fn stored(state: Option<String>, value: Option<String>) -> Result<Option<Stored>, Fail> {
    let answer = codec::decode_opt(state.as_deref(), value.as_deref()).map_err(Fail::unreadable)?;
    Ok(answer.as_ref().map(Stored::of))
}

pub(super) fn column(c: &Connection, sql: &str, arg: &str) -> Result<Vec<String>, Fail> {
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt
        .query_map([arg], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(rows)
}

/// An association's row with its times, when there is one.
pub(super) fn association(c: &Connection, id: &str) -> Result<Option<AssociationRec>, Fail> {
    Ok(c.query_row(
        "SELECT id, name, legal_form, country, postcode, activity, members, employees,
            volunteers, budget_eur, contact_name, contact_email, created_at, updated_at
         FROM associations WHERE id = ?1",
        [id],
        |r| {
            let budget: Option<i64> = r.get(9)?;
            Ok(AssociationRec {
                id: r.get(0)?,
                name: r.get(1)?,
                legal_form: r.get(2)?,
                country: r.get(3)?,
                postcode: r.get(4)?,
                activity: r.get(5)?,
                members: r.get(6)?,
                employees: r.get(7)?,
                volunteers: r.get(8)?,
                budget_eur: budget.and_then(|b| u64::try_from(b).ok()),
                contact_name: r.get(10)?,
                contact_email: r.get(11)?,
                created_at: r.get(12)?,
                updated_at: r.get(13)?,
            })
        },
    )
    .optional()?)
}

pub(super) fn audit(c: &Connection, id: &str) -> Result<AuditRec, Fail> {
    let mut a = c.query_row(
        "SELECT id, association_id, trainer, questionnaire_hash, status, started_at,
            finished_at, updated_at, note, previous_audit_id
         FROM audits WHERE id = ?1",
        [id],
        |r| {
            Ok(AuditRec {
                id: r.get(0)?,
                association_id: r.get(1)?,
                trainer: r.get(2)?,
                questionnaire_hash: r.get(3)?,
                status: r.get(4)?,
                started_at: r.get(5)?,
                finished_at: r.get(6)?,
                updated_at: r.get(7)?,
                note: r.get(8)?,
                previous_audit_id: r.get(9)?,
                answers: Vec::new(),
                notes: Vec::new(),
                trail: Vec::new(),
            })
        },
    )?;
    let mut stmt = c.prepare_cached(
        "SELECT question_id, state, value, updated_at FROM answers WHERE audit_id = ?1
         ORDER BY question_id",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (question_id, state, value, updated_at) in rows {
        let s = stored(Some(state), value)?.ok_or_else(|| Fail::unreadable("empty answer"))?;
        a.answers.push(AnswerRec {
            question_id,
            state: s.state,
            value: s.value,
            updated_at,
        });
    }
    let mut stmt = c.prepare_cached(
        "SELECT question_id, text, updated_at FROM notes WHERE audit_id = ?1 ORDER BY question_id",
    )?;
    a.notes = stmt
        .query_map([id], |r| {
            Ok(NoteRec {
                question_id: r.get(0)?,
                text: r.get(1)?,
                updated_at: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut stmt = c.prepare_cached(
        "SELECT question_id, old_state, old_value, new_state, new_value, at, given_at
         FROM trail WHERE audit_id = ?1 ORDER BY at, seq",
    )?;
    let rows = stmt
        .query_map(params![id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (question_id, os, ov, ns, nv, at, given_at) in rows {
        a.trail.push(TrailRec {
            question_id,
            old: stored(os, ov)?,
            new: stored(ns, nv)?,
            at,
            given_at,
        });
    }
    Ok(a)
}
