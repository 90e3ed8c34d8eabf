//! What a short reference typed by a person can stand for: the candidates among audits,
//! associations or workshops for a key that may be a whole id, a number, the start or end of an
//! id, or an exact name (ignoring case and accents). Choosing among them, and saying so when
//! there is none or several, is the application layer's (`app::reference`).
//!
//! Numbers follow creation: audits by start time, then id (UUID v7, so by creation); workshops
//! by creation time, then id. An audit keeps its number when it or another one changes; erasing
//! an audit, or importing one started earlier, moves the numbers after it.

use rusqlite::{Connection, params};

use super::error::Fail;
use super::{Store, StoreError, codec, read};

/// What a reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Audit,
    Association,
    Workshop,
}

/// One thing a key may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefCandidate {
    pub id: String,
    /// The audit's or workshop's number; for an association, the number of its first audit.
    pub number: Option<usize>,
    /// The association's name (audits and associations), or the workshop's.
    pub name: String,
    /// When it started (audit), was created (association) or takes place (workshop).
    pub date: String,
}

/// Shortest key matched as the start or end of an id.
pub const MIN_PART: usize = 4;

const AUDITS: &str = "WITH n AS (SELECT a.id, a.association_id, a.started_at AS at,
        row_number() OVER (ORDER BY a.started_at, a.id) AS num FROM audits a)
    SELECT n.id, n.num, s.name, n.at FROM n JOIN associations s ON s.id = n.association_id
    WHERE n.id = ?1 OR n.num = ?2
       OR (?3 AND (substr(n.id, 1, length(?1)) = ?1 OR substr(n.id, -length(?1)) = ?1))
       OR s.name_fold = ?4
    ORDER BY n.num LIMIT ?5";

const ASSOCIATIONS: &str = "WITH n AS (SELECT a.association_id,
        row_number() OVER (ORDER BY a.started_at, a.id) AS num FROM audits a)
    SELECT s.id, (SELECT min(num) FROM n WHERE n.association_id = s.id), s.name, s.created_at
    FROM associations s
    WHERE s.id = ?1 OR EXISTS (SELECT 1 FROM n WHERE n.association_id = s.id AND n.num = ?2)
       OR (?3 AND (substr(s.id, 1, length(?1)) = ?1 OR substr(s.id, -length(?1)) = ?1))
       OR s.name_fold = ?4
    ORDER BY s.created_at, s.id LIMIT ?5";

const WORKSHOPS: &str = "WITH n AS (SELECT w.id, w.name, w.name_fold, w.date,
        row_number() OVER (ORDER BY w.created_at, w.id) AS num FROM workshops w)
    SELECT n.id, n.num, n.name, n.date FROM n
    WHERE n.id = ?1 OR n.num = ?2
       OR (?3 AND (substr(n.id, 1, length(?1)) = ?1 OR substr(n.id, -length(?1)) = ?1))
       OR n.name_fold = ?4
    ORDER BY n.num LIMIT ?5";

impl Store {
    /// At most `limit` things of `kind` that `key` may stand for, by number.
    pub fn reference_candidates(
        &self,
        kind: RefKind,
        key: &str,
        limit: usize,
    ) -> Result<Vec<RefCandidate>, StoreError> {
        let key = key.trim();
        let id = key.to_ascii_lowercase();
        // A number has no leading zero, so "0193" stays the start of an id.
        let number: i64 = if !key.starts_with('0') && key.bytes().all(|b| b.is_ascii_digit()) {
            key.parse().unwrap_or(-1)
        } else {
            -1
        };
        let part = key.len() >= MIN_PART && key.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
        let folded = codec::fold(key);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let sql = match kind {
            RefKind::Audit => AUDITS,
            RefKind::Association => ASSOCIATIONS,
            RefKind::Workshop => WORKSHOPS,
        };
        read(&self.conn, &self.shown, |c| {
            let mut stmt = c.prepare_cached(sql)?;
            let rows = stmt
                .query_map(params![id, number, part, folded, limit], |r| {
                    let number: Option<i64> = r.get(1)?;
                    Ok(RefCandidate {
                        id: r.get(0)?,
                        number: number.and_then(|n| usize::try_from(n).ok()),
                        name: r.get(2)?,
                        date: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Every id of `kind` in creation order; for audits and workshops, the number of `ids[i]`
    /// is `i + 1` (associations have no numbers of their own: they answer to their audits').
    pub fn numbered_ids(&self, kind: RefKind) -> Result<Vec<String>, StoreError> {
        read(&self.conn, &self.shown, |c| ids(c, kind))
    }
}

fn ids(c: &Connection, kind: RefKind) -> Result<Vec<String>, Fail> {
    let sql = match kind {
        RefKind::Audit => "SELECT id FROM audits ORDER BY started_at, id",
        RefKind::Workshop => "SELECT id FROM workshops ORDER BY created_at, id",
        RefKind::Association => "SELECT id FROM associations ORDER BY created_at, id",
    };
    let mut stmt = c.prepare_cached(sql)?;
    let ids = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(ids)
}
