//! Workshops: a named, dated session (place, trainer) that groups audits, usually on the express
//! questionnaire. Creating one, finding one by id, id prefix or name, adding audits (an existing
//! one, or a new association with its audit in the same transaction), listing them.
//!
//! The aggregates (dashboard, pooled needs) are computed in `crate::workshop` from the facts
//! `facts.rs` reads.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::error::Fail;
use super::{
    Created, NewAudit, Store, StoreError, answers, associations, audits, codec, read, write,
};
use crate::i18n::Message;
use crate::questionnaire::Questionnaire;
use crate::safe_text::clean_line;

/// What a new workshop is made of.
#[derive(Debug, Clone, Copy)]
pub struct NewWorkshop<'a> {
    pub name: &'a str,
    /// `YYYY-MM-DD`.
    pub date: &'a str,
    pub place: &'a str,
    pub trainer: &'a str,
    /// The questionnaire new audits of the workshop start on (`atelier-express` usually).
    pub questionnaire_id: &'a str,
}

/// A workshop as stored, with how many audits it groups.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Workshop {
    pub id: String,
    pub name: String,
    pub date: String,
    pub place: String,
    pub trainer: String,
    pub questionnaire_id: String,
    pub created_at: String,
    pub updated_at: String,
    pub audits: usize,
}

/// Which audits an aggregate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    /// The audits of one workshop (by id).
    Workshop(&'a str),
    /// Every audit of the database.
    All,
}

impl Store {
    /// Create a workshop; returns its id (UUID v7).
    pub fn create_workshop(&mut self, w: &NewWorkshop<'_>) -> Result<String, StoreError> {
        // Outside text, cleaned as every way in cleans it (`safe_text`).
        let (name, place, trainer) = (
            clean_line(w.name),
            clean_line(w.place),
            clean_line(w.trainer),
        );
        let w = &NewWorkshop {
            name: &name,
            place: &place,
            trainer: &trainer,
            ..*w
        };
        check(w)?;
        let now = codec::now();
        let id = codec::new_id();
        write(&mut self.conn, &self.shown, |tx| {
            tx.execute(
                "INSERT INTO workshops (id, name, name_fold, date, place, trainer,
                    questionnaire_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                params![
                    id,
                    w.name.trim(),
                    codec::fold(w.name.trim()),
                    w.date.trim(),
                    w.place.trim(),
                    w.trainer.trim(),
                    w.questionnaire_id.trim(),
                    now
                ],
            )?;
            Ok(id.clone())
        })
    }

    /// Every workshop, the latest date first.
    pub fn workshops(&self) -> Result<Vec<Workshop>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            let mut stmt = c.prepare(&format!(
                "SELECT {COLUMNS} FROM workshops w ORDER BY w.date DESC, w.id DESC"
            ))?;
            let rows = stmt.query_map([], row)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// The workshop named by `key`: its id, a prefix of its id that only it has, or its name
    /// (ignoring case and accents) when only one workshop has it. `Ok(None)` when nothing or
    /// several match.
    pub fn find_workshop(&self, key: &str) -> Result<Option<Workshop>, StoreError> {
        let key = key.trim();
        if key.is_empty() {
            return Ok(None);
        }
        read(&self.conn, &self.shown, |c| {
            let one = |sql: &str, arg: &str| -> Result<Option<Workshop>, Fail> {
                let mut stmt = c.prepare(&format!("SELECT {COLUMNS} FROM workshops w {sql}"))?;
                let found = stmt
                    .query_map([arg], row)?
                    .take(2)
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(if found.len() == 1 {
                    found.into_iter().next()
                } else {
                    None
                })
            };
            if let Some(w) = one("WHERE w.id = ?1", key)? {
                return Ok(Some(w));
            }
            if key.len() >= 4
                && let Some(w) = one("WHERE substr(w.id, 1, length(?1)) = ?1", key)?
            {
                return Ok(Some(w));
            }
            one("WHERE w.name_fold = ?1", &codec::fold(key))
        })
    }

    /// Put an existing audit in a workshop. Returns false when it already was.
    pub fn add_to_workshop(
        &mut self,
        workshop_id: &str,
        audit_id: &str,
    ) -> Result<bool, StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| {
            link(tx, workshop_id, audit_id, &now)
        })
    }

    /// Create an association with its audit, answers and notes, in the workshop: one
    /// transaction, all or nothing.
    pub fn create_audit_in_workshop(
        &mut self,
        workshop_id: &str,
        new: &NewAudit<'_>,
    ) -> Result<Created, StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| {
            let association_id = associations::insert(tx, new.association, &now)?;
            let audit_id =
                audits::insert(tx, &association_id, new.trainer, new.questionnaire, &now)?;
            for (question, answer) in new.answers {
                if new.questionnaire.question(question).is_none() {
                    return Err(StoreError::UnknownQuestion {
                        audit: audit_id.clone(),
                        question: question.clone(),
                    }
                    .into());
                }
                answers::put(tx, &audit_id, question, None, Some(answer), &now)?;
            }
            for (question, text) in new.notes {
                answers::put_note(tx, &audit_id, Some(question), text, &now)?;
            }
            answers::put_note(tx, &audit_id, None, new.note, &now)?;
            link(tx, workshop_id, &audit_id, &now)?;
            Ok(Created {
                association_id,
                audit_id,
            })
        })
    }

    /// Start an audit of an existing association inside a workshop, on `q`: one transaction,
    /// so the audit is never left outside the workshop it was started in.
    pub fn start_audit_in_workshop(
        &mut self,
        workshop_id: &str,
        association_id: &str,
        trainer: &str,
        q: &Questionnaire,
    ) -> Result<String, StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| {
            let audit_id = audits::insert(tx, association_id, trainer, q, &now)?;
            link(tx, workshop_id, &audit_id, &now)?;
            Ok(audit_id)
        })
    }

    /// The ids of the audits of a workshop, in the order they were added.
    pub fn workshop_audit_ids(&self, workshop_id: &str) -> Result<Vec<String>, StoreError> {
        read(&self.conn, &self.shown, |c| audit_ids(c, workshop_id))
    }
}

const COLUMNS: &str = "w.id, w.name, w.date, w.place, w.trainer, w.questionnaire_id,
    w.created_at, w.updated_at,
    (SELECT count(*) FROM workshop_audits l WHERE l.workshop_id = w.id)";

fn row(r: &Row<'_>) -> rusqlite::Result<Workshop> {
    let n: i64 = r.get(8)?;
    Ok(Workshop {
        id: r.get(0)?,
        name: r.get(1)?,
        date: r.get(2)?,
        place: r.get(3)?,
        trainer: r.get(4)?,
        questionnaire_id: r.get(5)?,
        created_at: r.get(6)?,
        updated_at: r.get(7)?,
        audits: usize::try_from(n).unwrap_or(0),
    })
}

fn check(w: &NewWorkshop<'_>) -> Result<(), StoreError> {
    if w.name.trim().is_empty() {
        return Err(StoreError::Invalid(Message::new(
            "un atelier doit avoir un nom ; rien n'a été écrit.",
            "a workshop needs a name; nothing was written.",
        )));
    }
    if chrono::NaiveDate::parse_from_str(w.date.trim(), "%Y-%m-%d").is_err() {
        return Err(StoreError::Invalid(Message::new(
            format!(
                "date d'atelier invalide « {} » : écrivez-la AAAA-MM-JJ (par exemple 2026-03-14) ; rien n'a été écrit.",
                w.date
            ),
            format!(
                "invalid workshop date '{}': write it YYYY-MM-DD (for example 2026-03-14); nothing was written.",
                w.date
            ),
        )));
    }
    Ok(())
}

/// Link an audit to a workshop in the open transaction; false when already linked.
pub(super) fn link(
    tx: &Connection,
    workshop_id: &str,
    audit_id: &str,
    now: &str,
) -> Result<bool, Fail> {
    let exists =
        |sql: &str, id: &str| -> rusqlite::Result<bool> { tx.query_row(sql, [id], |r| r.get(0)) };
    if !exists(
        "SELECT EXISTS (SELECT 1 FROM workshops WHERE id = ?1)",
        workshop_id,
    )? {
        return Err(unknown_workshop(workshop_id).into());
    }
    if !exists(
        "SELECT EXISTS (SELECT 1 FROM audits WHERE id = ?1)",
        audit_id,
    )? {
        return Err(StoreError::UnknownAudit(audit_id.to_string()).into());
    }
    let added = tx.execute(
        "INSERT OR IGNORE INTO workshop_audits (workshop_id, audit_id, added_at)
         VALUES (?1, ?2, ?3)",
        params![workshop_id, audit_id, now],
    )?;
    if added > 0 {
        tx.execute(
            "UPDATE workshops SET updated_at = ?2 WHERE id = ?1",
            params![workshop_id, now],
        )?;
    }
    Ok(added > 0)
}

/// The error for a workshop id nobody knows.
pub fn unknown_workshop(key: &str) -> StoreError {
    StoreError::Invalid(Message::new(
        format!(
            "atelier inconnu « {key} » : voyez `diagasso workshop list` (identifiant, début d'identifiant ou nom exact)."
        ),
        format!(
            "unknown workshop '{key}': see `diagasso workshop list` (id, start of an id, or exact name)."
        ),
    ))
}

pub(super) fn audit_ids(c: &Connection, workshop_id: &str) -> Result<Vec<String>, Fail> {
    let mut stmt = c.prepare(
        "SELECT audit_id FROM workshop_audits WHERE workshop_id = ?1 ORDER BY added_at, audit_id",
    )?;
    let ids = stmt
        .query_map([workshop_id], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(ids)
}

/// The workshop with exactly this id, in an open connection.
pub(super) fn get(c: &Connection, id: &str) -> Result<Option<Workshop>, Fail> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM workshops w WHERE w.id = ?1"),
        [id],
        row,
    )
    .optional()?)
}
