//! Audits: starting one on a questionnaire (whose exact text is kept with it, shared by hash),
//! reading one back whole, its status, the question the walk resumes at, deleting one.
//!
//! An audit is always read against the questionnaire copy it was started with, never against
//! the current file: an audit started on version N stays on version N.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};

use super::error::Fail;
use super::{Store, StoreError, codec, read, write};
use crate::audit::{AnswerRecord, Audit, AuditStatus, QuestionnaireRef};
use crate::questionnaire::{self, Questionnaire};

impl Store {
    /// Start an audit of an association on `q`; a copy of `q.source` is kept with it.
    pub fn start_audit(
        &mut self,
        association_id: &str,
        trainer: &str,
        q: &Questionnaire,
    ) -> Result<String, StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| {
            insert(tx, association_id, trainer, q, &now)
        })
    }

    /// The audit with this id: profile reference, answers, notes.
    pub fn audit(&self, id: &str) -> Result<Option<Audit>, StoreError> {
        read(&self.conn, &self.shown, |c| get(c, id))
    }

    /// The questionnaire the audit was started with, parsed from the copy stored with it.
    pub fn audit_questionnaire(&self, audit_id: &str) -> Result<Questionnaire, StoreError> {
        let (hash, source) = read(&self.conn, &self.shown, |c| stored_source(c, audit_id))?;
        parse_stored(audit_id, &hash, &source)
    }

    /// Mark an audit in progress or finished (finishing sets `finished_at`).
    pub fn set_status(&mut self, audit_id: &str, status: AuditStatus) -> Result<(), StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| {
            let finished = (status == AuditStatus::Finished).then_some(now.as_str());
            let changed = tx.execute(
                "UPDATE audits SET status = ?2, finished_at = ?3, updated_at = ?4 WHERE id = ?1",
                params![audit_id, status.as_str(), finished, now],
            )?;
            if changed == 0 {
                return Err(StoreError::UnknownAudit(audit_id.to_string()).into());
            }
            Ok(())
        })
    }

    /// Remember the question the walk stands on, to resume there.
    pub fn set_cursor(&mut self, audit_id: &str, question_id: &str) -> Result<(), StoreError> {
        let q = self.questionnaire_of(audit_id)?;
        if q.question(question_id).is_none() {
            return Err(StoreError::UnknownQuestion {
                audit: audit_id.to_string(),
                question: question_id.to_string(),
            });
        }
        write(&mut self.conn, &self.shown, |tx| {
            tx.execute(
                "UPDATE audits SET cursor = ?2 WHERE id = ?1",
                params![audit_id, question_id],
            )?;
            Ok(())
        })
    }

    /// The question where the walk resumes, if one was set.
    pub fn cursor(&self, audit_id: &str) -> Result<Option<String>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            c.query_row("SELECT cursor FROM audits WHERE id = ?1", [audit_id], |r| {
                r.get::<_, Option<String>>(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::UnknownAudit(audit_id.to_string()).into())
        })
    }

    /// Delete one audit with its answers, notes and trail (the association stays).
    pub fn delete_audit(&mut self, id: &str) -> Result<(), StoreError> {
        write(&mut self.conn, &self.shown, |tx| {
            if tx.execute("DELETE FROM audits WHERE id = ?1", [id])? == 0 {
                return Err(StoreError::UnknownAudit(id.to_string()).into());
            }
            drop_unused_questionnaires(tx)?;
            Ok(())
        })
    }

    /// How many audits the association has.
    pub fn count_audits_of(&self, association_id: &str) -> Result<usize, StoreError> {
        read(&self.conn, &self.shown, |c| {
            let n: i64 = c.query_row(
                "SELECT count(*) FROM audits WHERE association_id = ?1",
                [association_id],
                |r| r.get(0),
            )?;
            Ok(usize::try_from(n).unwrap_or(0))
        })
    }

    /// The audit's questionnaire, parsed once per store and kept.
    pub(super) fn questionnaire_of(
        &mut self,
        audit_id: &str,
    ) -> Result<Arc<Questionnaire>, StoreError> {
        let cache = &mut self.questionnaires;
        read(&self.conn, &self.shown, |c| {
            questionnaire_in(c, cache, audit_id)
        })
    }
}

/// The questionnaire the audit was started with, in an open transaction: from `cache` (by
/// hash), else parsed from the stored copy and kept there. An unknown audit is an error.
pub(super) fn questionnaire_in(
    c: &Connection,
    cache: &mut HashMap<String, Arc<Questionnaire>>,
    audit_id: &str,
) -> Result<Arc<Questionnaire>, Fail> {
    let hash: String = c
        .prepare_cached("SELECT questionnaire_hash FROM audits WHERE id = ?1")?
        .query_row([audit_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::UnknownAudit(audit_id.to_string()))?;
    if let Some(q) = cache.get(&hash) {
        return Ok(Arc::clone(q));
    }
    let (hash, source) = stored_source(c, audit_id)?;
    let q = Arc::new(parse_stored(audit_id, &hash, &source)?);
    cache.insert(hash, Arc::clone(&q));
    Ok(q)
}

/// Insert an audit in the open transaction; returns its id.
pub(super) fn insert(
    tx: &Connection,
    association_id: &str,
    trainer: &str,
    q: &Questionnaire,
    now: &str,
) -> Result<String, Fail> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM associations WHERE id = ?1)",
        [association_id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(StoreError::UnknownAssociation(association_id.to_string()).into());
    }
    tx.execute(
        "INSERT OR IGNORE INTO questionnaires (hash, id, version, question_count, source)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![q.hash, q.id, q.version, q.question_count() as i64, q.source],
    )?;
    let id = codec::new_id();
    tx.execute(
        "INSERT INTO audits (id, association_id, trainer, questionnaire_hash, questionnaire_id,
            questionnaire_version, total, status, started_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'in_progress', ?8, ?8)",
        params![
            id,
            association_id,
            crate::safe_text::clean_line(trainer),
            q.hash,
            q.id,
            q.version,
            q.question_count() as i64,
            now
        ],
    )?;
    Ok(id)
}

pub(super) fn get(c: &Connection, id: &str) -> Result<Option<Audit>, Fail> {
    type Head = (Audit, String);
    let head: Option<Head> = c
        .query_row(
            "SELECT id, association_id, trainer, questionnaire_id, questionnaire_version,
                questionnaire_hash, status, started_at, finished_at, updated_at, note
             FROM audits WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    Audit {
                        id: r.get(0)?,
                        association_id: r.get(1)?,
                        trainer: r.get(2)?,
                        questionnaire: QuestionnaireRef {
                            id: r.get(3)?,
                            version: r.get(4)?,
                            hash: r.get(5)?,
                        },
                        status: AuditStatus::default(),
                        started_at: r.get(7)?,
                        finished_at: r.get(8)?,
                        updated_at: r.get(9)?,
                        answers: BTreeMap::new(),
                        notes: BTreeMap::new(),
                        note: r.get(10)?,
                    },
                    r.get(6)?,
                ))
            },
        )
        .optional()?;
    let Some((mut audit, status)) = head else {
        return Ok(None);
    };
    audit.status = AuditStatus::parse(&status)
        .ok_or_else(|| Fail::unreadable(format!("unknown audit status '{status}'")))?;
    let mut stmt = c.prepare_cached(
        "SELECT question_id, state, value, updated_at FROM answers WHERE audit_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (question, state, value, updated_at) = row?;
        let answer = codec::decode(&state, value.as_deref())
            .map_err(|e| Fail::unreadable(format!("answer to '{question}': {e}")))?;
        audit
            .answers
            .insert(question, AnswerRecord { answer, updated_at });
    }
    let mut stmt = c.prepare_cached("SELECT question_id, text FROM notes WHERE audit_id = ?1")?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    for row in rows {
        let (question, text): (String, String) = row?;
        audit.notes.insert(question, text);
    }
    Ok(Some(audit))
}

fn stored_source(c: &Connection, audit_id: &str) -> Result<(String, String), Fail> {
    c.query_row(
        "SELECT q.hash, q.source FROM audits a JOIN questionnaires q ON q.hash = a.questionnaire_hash
         WHERE a.id = ?1",
        [audit_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| StoreError::UnknownAudit(audit_id.to_string()).into())
}

fn parse_stored(audit_id: &str, hash: &str, source: &str) -> Result<Questionnaire, StoreError> {
    let name = format!("<questionnaire of audit {audit_id}>");
    let q =
        questionnaire::load_str(&name, source).map_err(|e| StoreError::StoredQuestionnaire {
            audit: audit_id.to_string(),
            detail: e.to_string(),
        })?;
    if q.hash != hash {
        return Err(StoreError::StoredQuestionnaire {
            audit: audit_id.to_string(),
            detail: format!("content hash {} differs from the recorded {hash}", q.hash),
        });
    }
    Ok(q)
}

/// Remove questionnaire copies no audit uses any more.
pub(super) fn drop_unused_questionnaires(tx: &Connection) -> rusqlite::Result<usize> {
    tx.execute(
        "DELETE FROM questionnaires
         WHERE NOT EXISTS (SELECT 1 FROM audits WHERE questionnaire_hash = questionnaires.hash)",
        [],
    )
}
