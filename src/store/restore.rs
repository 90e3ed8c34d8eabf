//! Restoring an audit brought back from a JSON export (`diagasso import`): the association,
//! the questionnaire copy, the audit with its own ids and timestamps, its answers and notes,
//! in one transaction — all or nothing. Importing the same export twice changes nothing; an
//! audit that already exists with other content is refused rather than overwritten.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, associations, audits, codec, write};
use crate::audit::{Association, Audit};
use crate::i18n::Message;
use crate::questionnaire::Questionnaire;

/// What a restore did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restored {
    /// The audit (and its association, when new) was written.
    Created { association_created: bool },
    /// The very same audit was already there: nothing written.
    AlreadyThere,
}

impl Store {
    /// Write `audit` of `association` on `q` exactly as given (ids, times, answers, notes).
    /// The caller has checked the export (`export::json::parse`): answers name questions of
    /// `q`, and `audit.questionnaire.hash == q.hash`. An association already present with the
    /// same id is kept as it is (the local profile wins).
    pub fn restore_audit(
        &mut self,
        association: &Association,
        audit: &Audit,
        q: &Questionnaire,
    ) -> Result<Restored, StoreError> {
        if audit.association_id != association.id || audit.questionnaire.hash != q.hash {
            return Err(StoreError::Invalid(Message::new(
                "export incohérent (association ou questionnaire) ; rien n'a été écrit.",
                "inconsistent export (association or questionnaire); nothing was written.",
            )));
        }
        write(&mut self.conn, &self.shown, |tx| {
            if let Some(existing) = audits::get(tx, &audit.id)? {
                if &existing == audit {
                    return Ok(Restored::AlreadyThere);
                }
                return Err(StoreError::Invalid(Message::new(
                    format!("l'audit {} existe déjà dans cette base avec un autre contenu ; rien n'a été écrit.", audit.id),
                    format!("audit {} already exists in this database with other content; nothing was written.", audit.id),
                ))
                .into());
            }
            let association_created = associations::get(tx, &association.id)?.is_none();
            if association_created {
                associations::insert(tx, association, &audit.started_at)?;
            }
            tx.execute(
                "INSERT OR IGNORE INTO questionnaires (hash, id, version, question_count, source)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![q.hash, q.id, q.version, q.question_count() as i64, q.source],
            )?;
            let taken: Option<String> = tx
                .query_row("SELECT id FROM audits WHERE id = ?1", [&audit.id], |r| {
                    r.get(0)
                })
                .optional()?;
            if taken.is_some() || uuid::Uuid::parse_str(&audit.id).is_err() {
                return Err(StoreError::Invalid(Message::new(
                    format!(
                        "identifiant d'audit invalide « {} » (UUID attendu) ; rien n'a été écrit.",
                        audit.id
                    ),
                    format!(
                        "invalid audit id '{}' (a UUID is expected); nothing was written.",
                        audit.id
                    ),
                ))
                .into());
            }
            tx.execute(
                "INSERT INTO audits (id, association_id, trainer, questionnaire_hash,
                    questionnaire_id, questionnaire_version, total, status, started_at,
                    finished_at, updated_at, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    audit.id,
                    audit.association_id,
                    audit.trainer,
                    q.hash,
                    q.id,
                    q.version,
                    q.question_count() as i64,
                    audit.status.as_str(),
                    audit.started_at,
                    audit.finished_at,
                    audit.updated_at,
                    audit.note
                ],
            )?;
            for (question, record) in &audit.answers {
                let (state, value) = codec::encode(&record.answer);
                tx.execute(
                    "INSERT INTO answers (audit_id, question_id, state, value, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![audit.id, question, state, value, record.updated_at],
                )?;
                // The trail records that the answer arrived, at the time it was given.
                tx.execute(
                    "INSERT INTO trail (audit_id, question_id, old_state, old_value, new_state,
                        new_value, at)
                     VALUES (?1, ?2, NULL, NULL, ?3, ?4, ?5)",
                    params![audit.id, question, state, value, record.updated_at],
                )?;
            }
            for (question, text) in &audit.notes {
                tx.execute(
                    "INSERT INTO notes (audit_id, question_id, text, updated_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![audit.id, question, text, audit.updated_at],
                )?;
            }
            Ok(Restored::Created {
                association_created,
            })
        })
    }
}
