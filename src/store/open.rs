//! Opening a database file without harming it. Before SQLite writes anything, the file is
//! probed: its header is read by hand (not a database) when this process has no connection to
//! it yet (never after: `locks.rs`, `header.rs`), then SQLite reads it, with checkpoint-on-close
//! disabled when a WAL lies beside it, in one read transaction (size against the header,
//! locked, newer schema, another program's database). The probe reads a few pages whatever the
//! file's size; the whole file is checked (`PRAGMA quick_check`) before the first write when
//! damage is to be feared (`conn.rs`). Only a file that passes is switched to WAL and migrated.
//!
//! A zero-byte file is a new, empty database: that is how SQLite itself sees it, and it is
//! what `touch diagasso.db` means. New files are created with mode 0600 (and new folders with
//! 0700) before SQLite opens them; SQLite gives its `-wal` and `-shm` files the same mode.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::error::{Fail, StoreError, classify, classify_on, io_error};
use super::header::{Header, check_cut, check_size};
pub(crate) use super::header::{read_header, unclean_shutdown};
use super::{paths, schema};

/// How long to wait for another process to release the database before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Create the parent folders and the file itself (mode 0600) when missing; refuse a path that
/// is not a regular file.
pub(crate) fn prepare_file(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => return Ok(()),
        Ok(m) => {
            return Err(match paths::special(&m) {
                Some((fr, en)) => StoreError::BadPath {
                    path: path.to_path_buf(),
                    problem: paths::PathProblem::Special(fr, en),
                },
                None => StoreError::NotAFile {
                    path: path.to_path_buf(),
                },
            });
        }
        Err(e) => {
            if let Some(named) = paths::diagnose(path, &e) {
                return Err(named);
            }
            if e.kind() != std::io::ErrorKind::NotFound {
                return Err(io_error(path, e));
            }
        }
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(parent).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::ReadOnly {
                    path: parent.to_path_buf(),
                    detail: e.to_string(),
                }
            }
            _ => StoreError::CreateFolder {
                path: parent.to_path_buf(),
                source: e,
            },
        })?;
    }
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        // Another process created it in the meantime: open theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_error(path, e)),
    }
}

/// Whether a non-empty `-wal` file lies beside the database (changes not yet checkpointed).
pub(crate) fn has_wal(path: &Path) -> bool {
    fs::metadata(side(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

pub(super) fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Which of the `-wal` and `-shm` files existed before SQLite opened the database.
pub(crate) struct SideFiles {
    new: Vec<PathBuf>,
}

impl SideFiles {
    pub(crate) fn before(path: &Path) -> SideFiles {
        SideFiles {
            new: ["-wal", "-shm"]
                .into_iter()
                .map(|s| side(path, s))
                .filter(|p| fs::symlink_metadata(p).is_err())
                .collect(),
        }
    }

    /// Remove the side files SQLite created and left blank: on a disk too full for it to
    /// write them, it cannot clean them up either. Only files made by this open, and only
    /// blank ones: an empty `-wal`, a `-shm` of zeros (SQLite cut it to 3 bytes and could not
    /// write its index; a `-shm` in use starts with the index's version number). A file
    /// with content, or one that was there before, is never touched.
    pub(crate) fn remove_new_blank(&self) {
        for p in &self.new {
            if is_blank(p) {
                // Best effort: a blank file left behind is harmless, and the error being
                // reported (a full disk) is the one the person needs.
                let _ = fs::remove_file(p);
            }
        }
    }
}

/// A regular file of at most 64 kB holding only zero bytes (or none).
fn is_blank(p: &Path) -> bool {
    let small = fs::symlink_metadata(p).is_ok_and(|m| m.is_file() && m.len() <= 65_536);
    small && fs::read(p).is_ok_and(|bytes| bytes.iter().all(|&b| b == 0))
}

/// Open the connection for reading and writing, without creating anything. Returns it, and
/// whether a WAL was found beside the file.
///
/// When a non-empty WAL was found beside the file, closing must not checkpoint it into a
/// database the probe may refuse, or that was not verified yet: checkpoint-on-close is off
/// until the file passes the full check (`conn.rs`). Without one, the normal close removes
/// the empty `-wal` and `-shm` files that reading created.
pub(crate) fn connect(path: &Path, busy: Duration) -> Result<(Connection, bool), StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let keep_wal = has_wal(path);
    let conn = Connection::open_with_flags(paths::for_sqlite(path), flags)
        .map_err(|e| classify(path, e))?;
    if keep_wal {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(|e| classify(path, e))?;
    }
    conn.busy_timeout(busy).map_err(|e| classify(path, e))?;
    Ok((conn, keep_wal))
}

/// What the probe found.
pub(crate) struct Probed {
    /// Schema version (0: a new, empty database).
    pub version: u32,
    /// No table at all: a new database.
    pub empty: bool,
    /// Already in WAL mode.
    pub wal: bool,
}

/// Read-only checks, before anything is written, in one read transaction (one state of the
/// file, even while other processes create or migrate it): writable, whole (length against
/// header), a diagasso database (or an empty one), not newer than this build.
pub(crate) fn probe(
    conn: &Connection,
    path: &Path,
    hand: Option<&Header>,
) -> Result<Probed, StoreError> {
    if conn
        .is_readonly(rusqlite::MAIN_DB)
        .map_err(|e| classify(path, e))?
    {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            detail: "file not writable".into(),
        });
    }
    let run = || -> Result<Probed, Fail> {
        let tx = conn.unchecked_transaction()?;
        // The first read takes SQLite's lock; the length is compared under it. SQLite
        // itself refuses a file shorter than its header says (as damaged): say it is cut.
        let version = match schema::user_version(&tx) {
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
                check_cut(path, hand)?;
                return Err(e.into());
            }
            version => version?,
        };
        check_size(&tx, path)?;
        let known = schema::current_version();
        let empty = schema::table_count(&tx)? == 0;
        let foreign = if version == 0 {
            !empty
        } else {
            schema::application_id(&tx)? != schema::APPLICATION_ID
        };
        if foreign {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            }
            .into());
        }
        if version > known {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                known,
            }
            .into());
        }
        let mode: String = tx.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        tx.finish()?;
        Ok(Probed {
            version,
            empty,
            wal: mode.eq_ignore_ascii_case("wal"),
        })
    };
    run().map_err(|e| match e {
        Fail::Sql(e) => classify_on(conn, path, e),
        Fail::Store(e) => e,
    })
}

/// Set the connection up for work: WAL (files only), full sync, foreign keys, secure delete.
/// The caller has checked the whole file first unless it was in WAL mode already or empty:
/// switching to WAL writes the file's header.
pub(crate) fn configure(
    conn: &Connection,
    path: &Path,
    wal: Option<Duration>,
) -> Result<(), StoreError> {
    let sql = |e| classify(path, e);
    if let Some(busy) = wal {
        switch_to_wal(conn, path, busy)?;
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(sql)?;
    conn.pragma_update(None, "secure_delete", true)
        .map_err(sql)?;
    conn.pragma_update(None, "trusted_schema", false)
        .map_err(sql)?;
    // Every operation's statements stay prepared (`prepare_cached`) for the next call.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// `PRAGMA journal_mode = WAL`, waiting up to `busy` for other processes.
///
/// Switching reads the header, then upgrades its read lock to a write lock to change it, and
/// SQLite's busy handler never waits for an upgrade: it fails at once when another process
/// holds a lock at that moment — several processes creating one new file together do. So
/// the wait is here. (Once the file is in WAL mode, switching again changes nothing.)
fn switch_to_wal(conn: &Connection, path: &Path, busy: Duration) -> Result<(), StoreError> {
    let started = Instant::now();
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0)) {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(mode) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    detail: format!("cannot switch to WAL (journal mode stays '{mode}')"),
                });
            }
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && started.elapsed() < busy =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(classify_on(conn, path, e)),
        }
    }
}
