//! Erasing an association (GDPR, right to erasure): every row about it goes in one
//! transaction (profile, audits, answers, notes, trail), then the file is scrubbed so that no
//! byte of it remains. `secure_delete` (set at open) zeroes freed content; the WAL is then
//! checkpointed and truncated, the database vacuumed (rebuilt without free pages), and the
//! WAL truncated again.
//!
//! Another process reading the file can keep the checkpoint from finishing; the rows are gone
//! all the same, and the report says the file is not yet scrubbed (SQLite finishes when the
//! last connection closes, and deletes the WAL file).

use rusqlite::{Connection, OptionalExtension};

use super::audits::drop_unused_questionnaires;
use super::error::{Fail, classify};
use super::{ErasureReport, Store, StoreError, write};

/// What scrubbing the file after an erasure needs, said before it starts (issue 12, point 15).
/// `VACUUM` writes a whole new copy of the database through the WAL, then checkpoints it into
/// the file: at the peak, the file, its WAL and SQLite's temporary copy stand side by side
/// (measured: 1.9× the file's size free; 30 to 55 s for 3 GB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrubCost {
    /// The database file's size, in bytes.
    pub file_bytes: u64,
    /// Free space needed beside it (1.9× the file).
    pub needed_bytes: u64,
    /// Free space on the file's disk, when it can be known.
    pub free_bytes: Option<u64>,
    /// Rough duration, low and high, in seconds (55 to 100 MB/s).
    pub seconds: (u64, u64),
}

impl ScrubCost {
    /// Whether the disk lacks the room the scrub needs (unknown counts as enough).
    pub fn short_of_room(&self) -> bool {
        self.free_bytes.is_some_and(|f| f < self.needed_bytes)
    }
}

impl Store {
    /// What scrubbing this file would need (`None` in memory). Reads sizes only: `stat` of
    /// the file, `statvfs` of its folder; the file itself is not opened (`locks.rs`).
    pub fn scrub_cost(&self) -> Option<ScrubCost> {
        let path = self.path.as_deref()?;
        let file_bytes = std::fs::metadata(path).ok()?.len();
        let needed_bytes = file_bytes / 10 * 19;
        let mb = file_bytes / 1_000_000;
        Some(ScrubCost {
            file_bytes,
            needed_bytes,
            free_bytes: free_space(path),
            seconds: (mb / 100, mb.div_ceil(55)),
        })
    }

    /// Remove the association with every audit, answer, note and trail entry about it, and
    /// scrub the file.
    pub fn erase_association(&mut self, id: &str) -> Result<ErasureReport, StoreError> {
        let mut report = write(&mut self.conn, &self.shown, |tx| delete_all(tx, id))?;
        // The questionnaire cache holds no personal data; nothing to forget there.
        report.scrubbed = match self.path {
            None => true,
            Some(_) => self.scrub()?,
        };
        Ok(report)
    }

    /// Checkpoint and truncate the WAL, vacuum, checkpoint again. Returns whether every step
    /// completed (false when another process holds the file open).
    pub fn scrub(&mut self) -> Result<bool, StoreError> {
        let on = |e| classify(&self.shown, e);
        if !checkpoint(&self.conn).map_err(on)? {
            return Ok(false);
        }
        self.conn.execute_batch("VACUUM").map_err(on)?;
        checkpoint(&self.conn).map_err(on)
    }
}

/// Free bytes for an unprivileged user on the disk holding `path`.
#[cfg(unix)]
fn free_space(path: &std::path::Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    };
    let c = std::ffi::CString::new(folder.as_os_str().as_bytes()).ok()?;
    // SAFETY: a zeroed `statvfs` filled by the call, from a valid C string.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c.as_ptr(), &mut s) } != 0 {
        return None;
    }
    #[allow(clippy::useless_conversion)] // u32 on some systems
    let (blocks, size) = (u64::from(s.f_bavail), u64::from(s.f_frsize));
    Some(blocks.saturating_mul(size))
}

#[cfg(not(unix))]
fn free_space(_path: &std::path::Path) -> Option<u64> {
    None
}

/// `PRAGMA wal_checkpoint(TRUNCATE)`: true when the whole WAL was copied back and truncated.
fn checkpoint(conn: &Connection) -> rusqlite::Result<bool> {
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    Ok(busy == 0)
}

fn delete_all(tx: &Connection, id: &str) -> Result<ErasureReport, Fail> {
    let name: String = tx
        .query_row("SELECT name FROM associations WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| StoreError::UnknownAssociation(id.to_string()))?;
    let count = |sql: &str| -> Result<usize, Fail> {
        let n: i64 = tx.query_row(sql, [id], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    };
    let report = ErasureReport {
        association_id: id.to_string(),
        association_name: name,
        audits: count("SELECT count(*) FROM audits WHERE association_id = ?1")?,
        answers: count(
            "SELECT count(*) FROM answers WHERE audit_id IN
                (SELECT id FROM audits WHERE association_id = ?1)",
        )?,
        notes: count(
            "SELECT count(*) FROM notes WHERE audit_id IN
                (SELECT id FROM audits WHERE association_id = ?1)",
        )?,
        trail_entries: count(
            "SELECT count(*) FROM trail WHERE audit_id IN
                (SELECT id FROM audits WHERE association_id = ?1)",
        )?,
        scrubbed: false,
    };
    // Children first, explicitly, rather than trusting ON DELETE CASCADE alone: a file whose
    // foreign keys were off when written must be erased just as well.
    for sql in [
        "DELETE FROM trail WHERE audit_id IN (SELECT id FROM audits WHERE association_id = ?1)",
        "DELETE FROM notes WHERE audit_id IN (SELECT id FROM audits WHERE association_id = ?1)",
        "DELETE FROM answers WHERE audit_id IN (SELECT id FROM audits WHERE association_id = ?1)",
        "DELETE FROM workshop_audits WHERE audit_id IN
            (SELECT id FROM audits WHERE association_id = ?1)",
        "DELETE FROM audits WHERE association_id = ?1",
        "DELETE FROM associations WHERE id = ?1",
    ] {
        tx.execute(sql, [id])?;
    }
    drop_unused_questionnaires(tx)?;
    Ok(report)
}
