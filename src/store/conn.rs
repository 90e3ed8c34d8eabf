//! The connection a store works through, and the two ways every operation touches the file:
//! [`read`] (several queries, one state of the file) and [`write`] (one immediate transaction,
//! committed or rolled back whole).
//!
//! Opening a file costs a cheap probe only (`open::probe`: header, size, application id, schema
//! version), so read-only commands never read the whole file, and the first answer saved never
//! waits on a whole-file read after a clean close. The full check (`PRAGMA quick_check`, which
//! reads every page: 0.8 s for 10,000 audits, 5–7 s for 3 GB) runs before a connection's first
//! write, inside that write's transaction, when damage is to be feared: the last program that
//! wrote the file stopped without closing it (a "hot" WAL: `open::unclean_shutdown`), or the
//! file is not in WAL mode yet (a file from elsewhere, checked before switching it). A
//! damaged file is then refused before anything is written to it.
//!
//! Why not always: a clean close leaves a file SQLite vouched for, and every write reads the
//! pages it changes through SQLite's own checks (a damaged page met on the way fails the
//! write as a damaged database, rolled back); what a whole-file check adds there is damage on
//! pages no write touches, paid by the first answer of every session (issue 12, point 15).
//! A cut file is refused at open by its length (`open::probe`); `Store::verify` still reads
//! everything on demand.
//!
//! Damage a reader meets on its way (SQLITE_CORRUPT, SQLITE_NOTADB) is reported as a damaged
//! database, with the file's name and what to do, like the check's verdict.

use std::ops::Deref;
use std::path::Path;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::StoreError;
use super::error::Fail;

/// An open connection and what this process knows of the file's soundness.
pub(crate) struct Conn {
    inner: Connection,
    /// No whole-file check is due before writing: it passed on this connection, or the file
    /// was closed cleanly last time (always, in memory).
    verified: bool,
    /// A WAL was found at open: checkpointing it into the file on close waits until the
    /// file is verified (a reader leaves it for the next writer to check and replay).
    keep_wal: bool,
}

impl Deref for Conn {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.inner
    }
}

impl Conn {
    /// A connection to a file; `unclean`: the last program that wrote it stopped without
    /// closing it, so the whole file is checked before the first write.
    pub(crate) fn file(inner: Connection, keep_wal: bool, unclean: bool) -> Conn {
        Conn {
            inner,
            verified: !unclean,
            keep_wal,
        }
    }

    /// A connection to memory: nothing to verify.
    pub(crate) fn memory(inner: Connection) -> Conn {
        Conn {
            inner,
            verified: true,
            keep_wal: false,
        }
    }

    /// Whether no whole-file check is due before writing.
    pub(crate) fn verified(&self) -> bool {
        self.verified
    }

    /// Run the full check now, in a read transaction (asked for: even when none is due).
    pub(crate) fn verify(&mut self, shown: &Path) -> Result<(), StoreError> {
        read(&self.inner, shown, |c| check_whole(c, shown))?;
        self.verified = true;
        self.release_wal();
        Ok(())
    }

    /// Once verified, let closing checkpoint the WAL into the file again. Should SQLite refuse,
    /// the WAL stays beside the file for the next opener to replay: nothing is lost, so this
    /// is no reason to fail an operation that has already committed.
    fn release_wal(&mut self) {
        if self.verified
            && self.keep_wal
            && self
                .inner
                .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
                .is_ok()
        {
            self.keep_wal = false;
        }
    }
}

/// `PRAGMA quick_check(1)`: every page read, b-trees, CHECK and NOT NULL constraints. Anything
/// but "ok" is a damaged database named by its first finding.
fn check_whole(c: &Connection, shown: &Path) -> Result<(), Fail> {
    let verdict: String = c.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(StoreError::Corrupt {
            path: shown.to_path_buf(),
            detail: verdict,
        }
        .into());
    }
    Ok(())
}

/// Run `f` in an immediate (write-locking) transaction and commit it; roll back on error. The
/// connection's first write checks the whole file first, under the same lock.
pub(crate) fn write<T>(
    conn: &mut Conn,
    shown: &Path,
    f: impl FnOnce(&Transaction<'_>) -> Result<T, Fail>,
) -> Result<T, StoreError> {
    let Conn {
        inner, verified, ..
    } = conn;
    let run = || -> Result<T, Fail> {
        let tx = inner.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !*verified {
            check_whole(&tx, shown)?;
            *verified = true;
        }
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    };
    let out = run().map_err(|e| e.at(&conn.inner, shown));
    if let Err(e) = &out
        && matches!(
            e,
            StoreError::DiskFull { .. }
                | StoreError::Io { .. }
                | StoreError::Corrupt { .. }
                | StoreError::Sqlite { .. }
        )
    {
        // The file met trouble: check it again before the next write, and leave no mark
        // saying it was sound (`verified.rs`).
        conn.verified = false;
    }
    conn.release_wal();
    out
}

/// Run `f` in a read transaction, so that several queries see one state of the file.
pub(crate) fn read<T>(
    conn: &Connection,
    shown: &Path,
    f: impl FnOnce(&Connection) -> Result<T, Fail>,
) -> Result<T, StoreError> {
    let run = || -> Result<T, Fail> {
        let tx = conn.unchecked_transaction()?;
        let out = f(&tx)?;
        tx.finish()?;
        Ok(out)
    };
    run().map_err(|e| e.at(conn, shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error SQLite gives for `code`, with its own message.
    fn failure(code: std::ffi::c_int) -> Fail {
        let message = rusqlite::ffi::code_to_str(code).to_string();
        Fail::Sql(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            Some(message),
        ))
    }

    /// The file passed the probe when it was opened: "not a database" met by an operation
    /// afterwards is damage, and says so with the file's name and what to do.
    #[test]
    fn not_a_database_met_after_opening_is_a_damaged_database() {
        let conn = Connection::open_in_memory().unwrap();
        let err = failure(rusqlite::ffi::SQLITE_NOTADB).at(&conn, Path::new("base.db"));
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
        assert!(
            err.message()
                .en
                .starts_with("base.db: damaged database (file is not a database)."),
            "{}",
            err.message().en
        );
        let err = failure(rusqlite::ffi::SQLITE_CORRUPT).at(&conn, Path::new("base.db"));
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    }

    /// An I/O error is a full disk only when the system error behind it says so; none was
    /// met on this connection.
    #[test]
    fn an_io_error_without_a_full_disk_behind_it_stays_an_io_error() {
        let conn = Connection::open_in_memory().unwrap();
        let err = failure(rusqlite::ffi::SQLITE_IOERR_WRITE).at(&conn, Path::new("base.db"));
        assert!(matches!(err, StoreError::Io { .. }), "{err:?}");
    }

    #[test]
    fn writes_in_memory_need_no_check_and_reads_see_them() {
        let mut conn = Conn::memory(Connection::open_in_memory().unwrap());
        let shown = Path::new(":memory:");
        write(&mut conn, shown, |tx| {
            tx.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7);")?;
            Ok(())
        })
        .unwrap();
        let x: i64 = read(&conn, shown, |c| {
            Ok(c.query_row("SELECT x FROM t", [], |r| r.get(0))?)
        })
        .unwrap();
        assert_eq!(x, 7);
        // A failing write leaves nothing behind.
        let err = write(&mut conn, shown, |tx| {
            tx.execute_batch("INSERT INTO t VALUES (8);")?;
            Err::<(), _>(Fail::unreadable("stop"))
        })
        .unwrap_err();
        assert!(matches!(err, StoreError::Unreadable { .. }), "{err:?}");
        let n: i64 = read(&conn, shown, |c| {
            Ok(c.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?)
        })
        .unwrap();
        assert_eq!(n, 1);
    }
}
