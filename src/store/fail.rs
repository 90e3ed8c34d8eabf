//! From the failures of SQLite and of the file system to [`StoreError`]s a person can act on,
//! and [`Fail`], an error inside a store operation before it is tied to the file's path.

use super::StoreError;

/// Turn an SQLite error into the store error a person can act on.
pub(crate) fn classify(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode as C;
    let path = path.to_path_buf();
    let detail = e.to_string();
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Locked { path },
        Some(C::DiskFull) => StoreError::DiskFull { path },
        Some(C::ReadOnly | C::CannotOpen | C::PermissionDenied) => {
            StoreError::ReadOnly { path, detail }
        }
        Some(C::NotADatabase) => StoreError::NotADatabase { path },
        Some(C::DatabaseCorrupt) => StoreError::Corrupt { path, detail },
        Some(C::SystemIoFailure) => StoreError::Io { path, detail },
        _ => StoreError::Sqlite { path, source: e },
    }
}

/// [`classify`], reading the operating system's error behind an SQLite I/O error met on
/// `conn`: no space left (ENOSPC), a file-size limit (EFBIG, `ulimit -f`) or a disk quota
/// (EDQUOT) is a full disk to the person, whichever step met it (writing the WAL, growing the
/// `-shm` index, syncing). SQLite itself says SQLITE_FULL only when writing the database or
/// its journal runs out of space.
pub(crate) fn classify_on(
    conn: &rusqlite::Connection,
    path: &std::path::Path,
    e: rusqlite::Error,
) -> StoreError {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::SystemIoFailure | C::CannotOpen) if out_of_room(conn) => StoreError::DiskFull {
            path: path.to_path_buf(),
        },
        _ => classify(path, e),
    }
}

/// Whether the last system error SQLite met on `conn` says the disk (or the file) is full.
fn out_of_room(conn: &rusqlite::Connection) -> bool {
    // SAFETY: `handle` is the live connection's own pointer, used only for the duration of
    // this call; `sqlite3_system_errno` reads one field of it.
    let errno = unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) };
    is_out_of_room(errno)
}

#[cfg(unix)]
fn is_out_of_room(errno: i32) -> bool {
    [libc::ENOSPC, libc::EFBIG, libc::EDQUOT].contains(&errno)
}

#[cfg(not(unix))]
fn is_out_of_room(errno: i32) -> bool {
    // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
    [39, 112].contains(&errno)
}

/// The error for an I/O failure on `path` outside SQLite (creating or probing the file).
pub(crate) fn io_error(path: &std::path::Path, e: std::io::Error) -> StoreError {
    use std::io::ErrorKind as K;
    let path = path.to_path_buf();
    match e.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => StoreError::ReadOnly {
            path,
            detail: e.to_string(),
        },
        K::StorageFull | K::FileTooLarge | K::QuotaExceeded => StoreError::DiskFull { path },
        K::IsADirectory => StoreError::NotAFile { path },
        _ => StoreError::Io {
            path,
            detail: e.to_string(),
        },
    }
}

/// An error inside a store operation, before it is tied to the file's path.
#[derive(Debug)]
pub(crate) enum Fail {
    Sql(rusqlite::Error),
    Store(StoreError),
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Fail {
        Fail::Sql(e)
    }
}

impl From<StoreError> for Fail {
    fn from(e: StoreError) -> Fail {
        Fail::Store(e)
    }
}

impl Fail {
    /// The store error, naming `path`, for a failure of an operation on the open connection
    /// `conn`. The file passed the probe when it was opened, so "not a database" met now means
    /// damage, not a wrong path.
    pub(crate) fn at(self, conn: &rusqlite::Connection, path: &std::path::Path) -> StoreError {
        match self {
            Fail::Sql(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                }
            }
            Fail::Sql(e) => classify_on(conn, path, e),
            Fail::Store(StoreError::Unreadable { detail, .. }) => StoreError::Unreadable {
                path: path.to_path_buf(),
                detail,
            },
            Fail::Store(e) => e,
        }
    }

    /// A stored value that cannot be read back.
    pub(crate) fn unreadable(detail: impl Into<String>) -> Fail {
        Fail::Store(StoreError::Unreadable {
            path: std::path::PathBuf::new(),
            detail: detail.into(),
        })
    }
}
