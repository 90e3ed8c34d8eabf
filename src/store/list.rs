//! Listing audits, newest first, a page at a time, optionally filtered by association name
//! (ignoring case and accents: "ecole" finds « École »).
//!
//! "Newest" is the last change (`updated_at`), ties broken by id (UUID v7, so by creation).
//! The `audits_by_update` index serves the order, so a page costs the same with 10 or 10,000
//! audits; the filter compares a folded copy of the name kept beside it.

use rusqlite::{Connection, Row, params};

use super::error::Fail;
use super::{AuditSummary, Store, StoreError, codec, read};
use crate::audit::AuditStatus;

const COLUMNS: &str = "a.id, a.association_id, s.name, a.questionnaire_id,
    a.questionnaire_version,
    (SELECT count(*) FROM answers w WHERE w.audit_id = a.id),
    a.total, a.status, a.updated_at
    FROM audits a JOIN associations s ON s.id = a.association_id";

impl Store {
    /// A page of audits (`offset`, at most `limit`), newest first, whose association name
    /// contains `filter` (empty: all).
    pub fn list_audits(
        &self,
        filter: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<AuditSummary>, StoreError> {
        let folded = codec::fold(filter.trim());
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let offset = i64::try_from(offset).unwrap_or(i64::MAX);
        read(&self.conn, &self.shown, |c| page(c, &folded, offset, limit))
    }

    /// How many audits `list_audits` would go through with this filter.
    pub fn count_audits(&self, filter: &str) -> Result<usize, StoreError> {
        let folded = codec::fold(filter.trim());
        read(&self.conn, &self.shown, |c| {
            let n: i64 = if folded.is_empty() {
                c.query_row("SELECT count(*) FROM audits", [], |r| r.get(0))?
            } else {
                c.query_row(
                    "SELECT count(*) FROM audits a JOIN associations s ON s.id = a.association_id
                     WHERE instr(s.name_fold, ?1) > 0",
                    [&folded],
                    |r| r.get(0),
                )?
            };
            Ok(usize::try_from(n).unwrap_or(0))
        })
    }
}

fn page(c: &Connection, folded: &str, offset: i64, limit: i64) -> Result<Vec<AuditSummary>, Fail> {
    // Without a filter, `?1 = ''` is true for every row and SQLite walks the index in order.
    let mut stmt = c.prepare(&format!(
        "SELECT {COLUMNS} WHERE ?1 = '' OR instr(s.name_fold, ?1) > 0
         ORDER BY a.updated_at DESC, a.id DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let raw = stmt
        .query_map(params![folded, limit, offset], row)?
        .collect::<Result<Vec<_>, _>>()?;
    raw.into_iter()
        .map(|(summary, status)| {
            let status = AuditStatus::parse(&status)
                .ok_or_else(|| Fail::unreadable(format!("unknown audit status '{status}'")))?;
            Ok(AuditSummary { status, ..summary })
        })
        .collect()
}

fn row(r: &Row<'_>) -> rusqlite::Result<(AuditSummary, String)> {
    let answered: i64 = r.get(5)?;
    let total: i64 = r.get(6)?;
    Ok((
        AuditSummary {
            id: r.get(0)?,
            association_id: r.get(1)?,
            association_name: r.get(2)?,
            questionnaire_id: r.get(3)?,
            questionnaire_version: r.get(4)?,
            answered: usize::try_from(answered).unwrap_or(0),
            total: usize::try_from(total).unwrap_or(0),
            status: AuditStatus::default(),
            updated_at: r.get(8)?,
        },
        r.get(7)?,
    ))
}
