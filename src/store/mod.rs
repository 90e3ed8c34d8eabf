//! The local store: one SQLite file holding associations, audits, answers, notes and the trail
//! of every answer change. Every line of SQL in diagasso lives under this module.
//!
//! - `open`: probing a file before touching it (a few pages, whatever its size), creating it
//!   0600, WAL and pragmas;
//! - `conn`: the connection, `read` and `write`; the whole file is checked before the first
//!   write of each connection;
//! - `schema`: the migrations on `PRAGMA user_version`;
//! - `codec`: answers and folded names as columns (`crate::audit::codec`), timestamps and ids
//!   (`clock`);
//! - `associations`, `audits`, `answers`, `import`, `bulk`, `list`, `erase`: the operations,
//!   each write in one immediate transaction (so two processes on one file wait for each other
//!   instead of failing or corrupting it).
//!
//! The store is the only library module that reads the clock: every timestamp is set here.

mod answers;
mod associations;
mod audits;
mod bulk;
mod bundle;
mod bundle_merge;
mod bundle_parts;
mod clock;
mod conn;
mod each;
mod erase;
mod error;
mod facts;
mod fail;
mod followup;
mod header;
mod import;
mod list;
mod locks;
mod merge;
mod merge_answers;
mod merge_clock;
mod merge_questionnaires;
mod merge_workshop;
mod open;
mod open_audit;
mod orphans;
mod paths;
mod refs;
mod restore;
pub mod schema;
mod stale;
mod verified;
mod workshop;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::Connection;

pub use bundle::Selection;
pub use bundle_merge::{MergeStop, Merging};
pub use bundle_parts::{Parts, Records};
pub use each::EachStop;
pub use erase::ScrubCost;
pub use error::{PathProblem, StoreError};
pub use import::Created;
pub use merge::{Conflict, Kept, MergeReport};
pub use open::BUSY_TIMEOUT;
pub use open_audit::OpenAudit;
pub use orphans::Orphan;
pub use refs::{MIN_PART, RefCandidate, RefKind};
pub use restore::Restored;
pub use stale::{ChangedElsewhere, Current};
pub use workshop::{NewWorkshop, Scope, Workshop, unknown_workshop};

use crate::audit::{Answer, Association, AuditStatus};
use crate::questionnaire::Questionnaire;
use conn::{Conn, read, write};

/// How values become columns: the answer codec of the core, and the store's clock and ids.
pub mod codec {
    pub use super::clock::{new_id, now};
    pub use crate::audit::codec::*;
}

/// One line of the audit list.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditSummary {
    pub id: String,
    pub association_id: String,
    pub association_name: String,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    /// Stored answers, "je ne sais pas" and "non concerné" included.
    pub answered: usize,
    /// Questions in the audit's questionnaire (stored at start).
    pub total: usize,
    pub status: AuditStatus,
    pub updated_at: String,
}

/// One change of one answer. `None` on a side means "no answer".
#[derive(Debug, Clone, PartialEq)]
pub struct TrailEntry {
    pub question_id: String,
    pub old: Option<Answer>,
    pub new: Option<Answer>,
    pub at: String,
}

/// What an erasure removed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErasureReport {
    pub association_id: String,
    pub association_name: String,
    pub audits: usize,
    pub answers: usize,
    pub notes: usize,
    pub trail_entries: usize,
    /// The file was checkpointed and vacuumed: no byte of the erased data is left in the
    /// database or its WAL. False when another process kept the file open (its rows are gone
    /// but freed pages may linger until it closes; see `diagasso erase`).
    pub scrubbed: bool,
}

/// A whole audit to create at once (from an answers file): association, audit, answers and
/// notes in one transaction.
#[derive(Debug, Clone)]
pub struct NewAudit<'a> {
    pub association: &'a Association,
    pub trainer: &'a str,
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a BTreeMap<String, Answer>,
    pub notes: &'a BTreeMap<String, String>,
    pub note: &'a str,
}

/// The diagasso database.
pub struct Store {
    conn: Conn,
    path: Option<PathBuf>,
    /// How the file is named in messages (`:memory:` for an in-memory store).
    shown: PathBuf,
    /// Parsed questionnaire copies, by hash.
    questionnaires: HashMap<String, Arc<Questionnaire>>,
    /// The mark of a file checked and closed cleanly (`verified.rs`), written once `conn` is
    /// closed (declared after it).
    mark: Option<verified::Mark>,
    /// This connection, counted among the process's connections to the file (`locks.rs`);
    /// declared after `conn`, so uncounted once the connection is closed.
    _held: Option<locks::Held>,
}

impl Drop for Store {
    fn drop(&mut self) {
        // The fields are dropped after this: the connection closes, then the mark is written.
        if let Some(mark) = &mut self.mark {
            mark.due = self.conn.verified();
        }
    }
}

impl Store {
    /// `$XDG_DATA_HOME/diagasso/diagasso.db` (`~/.local/share/diagasso/diagasso.db`), or the
    /// platform's data folder elsewhere.
    pub fn default_path() -> Result<PathBuf, StoreError> {
        use etcetera::BaseStrategy;
        let strategy =
            etcetera::choose_base_strategy().map_err(|e| StoreError::NoDataDir(e.to_string()))?;
        Ok(strategy.data_dir().join("diagasso").join("diagasso.db"))
    }

    /// Open (or create) the database at `path`: parent folders and a 0600 file are created when
    /// missing, the file is probed, then migrated. On any error the file is left as it was.
    ///
    /// The probe is cheap (header, size, application id, schema version). The whole file is
    /// checked (`PRAGMA quick_check`) before the first write only when the last program that
    /// wrote it stopped without closing it (a hot WAL), or before switching a file to WAL
    /// (see `conn.rs`); [`Store::verify`] checks it on demand.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with_timeout(path, BUSY_TIMEOUT)
    }

    /// [`Store::open`] with another busy timeout (tests use a short one).
    pub fn open_with_timeout(path: &Path, busy: Duration) -> Result<Store, StoreError> {
        open::prepare_file(path)?;
        let sides = open::SideFiles::before(path);
        // Read by hand only what no connection of this process holds locks on, and count the
        // new connection before another thread may look (`locks.rs`).
        let mut registry = locks::Registry::lock();
        let (hand, unclean) = if registry.in_use(path) {
            // Another connection of this process has the file: it was probed (and checked
            // when due) by the first one. (Where files cannot be identified, check.)
            (None, cfg!(not(unix)))
        } else {
            let unclean = open::unclean_shutdown(path) || !verified::matches(path);
            (open::read_header(path)?, unclean)
        };
        let (conn, keep_wal) = open::connect(path, busy)?;
        let held = registry.hold(path);
        drop(registry);
        let mut conn = Conn::file(conn, keep_wal, unclean);
        if let Err(e) = Store::set_up(&mut conn, path, busy, hand.as_ref()) {
            drop(conn);
            drop(held);
            if matches!(e, StoreError::DiskFull { .. }) {
                let registry = locks::Registry::lock();
                if !registry.in_use(path) {
                    sides.remove_new_blank();
                }
            }
            return Err(e);
        }
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            shown: path.to_path_buf(),
            questionnaires: HashMap::new(),
            mark: Some(verified::Mark::new(path)),
            _held: Some(held),
        })
    }

    /// Probe the newly connected file, switch it to WAL and migrate it. Both change the file,
    /// so they come after the full check (the switch, on a file not yet in WAL; migrations,
    /// as every write, inside their transaction).
    fn set_up(
        conn: &mut Conn,
        path: &Path,
        busy: Duration,
        hand: Option<&header::Header>,
    ) -> Result<(), StoreError> {
        let probed = open::probe(conn, path, hand)?;
        if !probed.wal && !probed.empty {
            conn.verify(path)?;
        }
        open::configure(conn, path, Some(busy))?;
        if probed.version < schema::current_version() {
            write(conn, path, |tx| Ok(schema::apply(tx)?))?;
        }
        Ok(())
    }

    /// A store in memory, for tests and trials: same schema, gone when dropped.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let shown = PathBuf::from(":memory:");
        let on = |e| error::classify(&shown, e);
        let mut conn = Connection::open_in_memory().map_err(on)?;
        open::configure(&conn, &shown, None)?;
        schema::migrate(&mut conn).map_err(on)?;
        Ok(Store {
            conn: Conn::memory(conn),
            path: None,
            shown,
            questionnaires: HashMap::new(),
            mark: None,
            _held: None,
        })
    }

    /// Check the whole file now (`PRAGMA quick_check`, which reads every page), as the first
    /// write does anyway: for a caller that would rather refuse a damaged file at once than
    /// at its first save. Once per store; nothing to do in memory.
    pub fn verify(&mut self) -> Result<(), StoreError> {
        self.conn.verify(&self.shown)
    }

    /// The file, or `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Change how long a write waits for another process.
    pub fn set_busy_timeout(&mut self, busy: Duration) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(busy)
            .map_err(|e| error::classify(&self.shown, e))
    }

    /// Testing aid: cap the file at its current size plus `extra_pages`, so the next writes
    /// fail as on a full disk (SQLITE_FULL).
    #[doc(hidden)]
    pub fn limit_growth_for_tests(&self, extra_pages: u32) -> Result<(), StoreError> {
        let run = || -> rusqlite::Result<()> {
            let count: i64 = self
                .conn
                .pragma_query_value(None, "page_count", |r| r.get(0))?;
            let limit = count.max(1) + i64::from(extra_pages);
            let _: i64 = self
                .conn
                .pragma_update_and_check(None, "max_page_count", limit, |r| r.get(0))?;
            Ok(())
        };
        run().map_err(|e| error::classify(&self.shown, e))
    }
}
