//! Follow-up audits: a new audit of an association that starts from its previous one. Starting
//! one records the link and copies **no** answer: each previous answer is shown for
//! confirmation or change (`crate::followup`), and only what the trainer confirms is saved, as
//! any answer is, with its trail entry.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, audits, codec, read, write};
use crate::questionnaire::Questionnaire;

impl Store {
    /// Start a follow-up of `previous_audit_id` for the same association, on `q` (the same
    /// questionnaire or another with the same question ids); returns the new audit's id. No
    /// answer is copied.
    pub fn start_followup(
        &mut self,
        previous_audit_id: &str,
        trainer: &str,
        q: &Questionnaire,
    ) -> Result<String, StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| {
            let association: String = tx
                .query_row(
                    "SELECT association_id FROM audits WHERE id = ?1",
                    [previous_audit_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::UnknownAudit(previous_audit_id.to_string()))?;
            let id = audits::insert(tx, &association, trainer, q, &now)?;
            tx.execute(
                "UPDATE audits SET previous_audit_id = ?2 WHERE id = ?1",
                params![id, previous_audit_id],
            )?;
            Ok(id)
        })
    }

    /// The audit this one follows, when it is a follow-up (the earlier audit may not be in
    /// this database: it may live on another laptop).
    pub fn previous_audit_id(&self, audit_id: &str) -> Result<Option<String>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            c.query_row(
                "SELECT previous_audit_id FROM audits WHERE id = ?1",
                [audit_id],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownAudit(audit_id.to_string()).into())
        })
    }

    /// The follow-ups started from an audit, oldest first.
    pub fn followups_of(&self, audit_id: &str) -> Result<Vec<String>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            let mut stmt = c.prepare(
                "SELECT id FROM audits WHERE previous_audit_id = ?1 ORDER BY started_at, id",
            )?;
            let ids = stmt
                .query_map([audit_id], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(ids)
        })
    }

    /// The audits of an association, oldest first (ids).
    pub fn audits_of(&self, association_id: &str) -> Result<Vec<String>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            let mut stmt = c.prepare(
                "SELECT id FROM audits WHERE association_id = ?1 ORDER BY started_at, id",
            )?;
            let ids = stmt
                .query_map([association_id], |r| r.get(0))?
                .collect::<Result<Vec<String>, _>>()?;
            Ok(ids)
        })
    }
}
