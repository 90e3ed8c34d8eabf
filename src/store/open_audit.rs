//! Opening an audit: the audit, its association and the questionnaire it was started with,
//! read in one transaction. Every front end opens an audit this way, so there is one shape
//! (`OpenAudit`), one questionnaire cache (the store's, by hash) and one "not found" message
//! (`StoreError::UnknownAudit`).

use std::sync::Arc;

use rusqlite::OptionalExtension;

use super::audits::{self, questionnaire_in};
use super::{Store, StoreError, associations, read};
use crate::audit::{Association, Audit};
use crate::questionnaire::Questionnaire;

/// An audit with its association and the questionnaire it was started with.
#[derive(Debug, Clone)]
pub struct OpenAudit {
    pub audit: Audit,
    pub association: Association,
    pub questionnaire: Arc<Questionnaire>,
}

impl Store {
    /// The audit `id` with its association and questionnaire (parsed once per store). An
    /// audit that does not exist (deleted, or an id mistyped) is `StoreError::UnknownAudit`.
    pub fn open_audit(&mut self, id: &str) -> Result<OpenAudit, StoreError> {
        let cache = &mut self.questionnaires;
        read(&self.conn, &self.shown, |c| {
            let unknown = || StoreError::UnknownAudit(id.to_string());
            let audit = audits::get(c, id)?.ok_or_else(unknown)?;
            // The schema's foreign key keeps an audit's association: none means the audit is
            // not whole, as good as unknown.
            let association = associations::get(c, &audit.association_id)?.ok_or_else(unknown)?;
            let questionnaire = questionnaire_in(c, cache, id)?;
            Ok(OpenAudit {
                audit,
                association,
                questionnaire,
            })
        })
    }

    /// When an audit was started (`None`: not in this database, e.g. the audit a follow-up
    /// follows, left on another laptop). One indexed read, for lists.
    pub fn audit_started(&self, id: &str) -> Result<Option<String>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            Ok(
                c.prepare_cached("SELECT started_at FROM audits WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))
                    .optional()?,
            )
        })
    }

    /// The questionnaire the audit was started with, parsed once per store and kept.
    pub fn questionnaire(&mut self, audit_id: &str) -> Result<Arc<Questionnaire>, StoreError> {
        self.questionnaire_of(audit_id)
    }
}
