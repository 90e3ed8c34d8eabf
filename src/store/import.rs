//! Creating a whole audit at once (the `new` and `demo` commands): the association, the audit,
//! its answers with their trail entries, and its notes, in one transaction. The caller has
//! validated the answers (see `answers_file`); question ids are checked again here.

use rusqlite::Connection;

use super::error::Fail;
use super::{NewAudit, Store, StoreError, answers, associations, audits, codec, write};

/// The ids of what [`Store::create_audit`] made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub association_id: String,
    pub audit_id: String,
}

impl Store {
    /// Create the association, its audit, answers and notes in one transaction: all or nothing.
    pub fn create_audit(&mut self, new: &NewAudit<'_>) -> Result<Created, StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| insert(tx, new, &now))
    }
}

/// Write one whole audit in the open transaction.
pub(super) fn insert(tx: &Connection, new: &NewAudit<'_>, now: &str) -> Result<Created, Fail> {
    let association_id = associations::insert(tx, new.association, now)?;
    let audit_id = audits::insert(tx, &association_id, new.trainer, new.questionnaire, now)?;
    let unknown = |question: &str| -> Fail {
        StoreError::UnknownQuestion {
            audit: audit_id.clone(),
            question: question.to_string(),
        }
        .into()
    };
    for (question, answer) in new.answers {
        if new.questionnaire.question(question).is_none() {
            return Err(unknown(question));
        }
        answers::put(tx, &audit_id, question, None, Some(answer), now)?;
    }
    for (question, text) in new.notes {
        if new.questionnaire.question(question).is_none() {
            return Err(unknown(question));
        }
        answers::put_note(tx, &audit_id, Some(question), text, now)?;
    }
    answers::put_note(tx, &audit_id, None, new.note, now)?;
    Ok(Created {
        association_id,
        audit_id,
    })
}
