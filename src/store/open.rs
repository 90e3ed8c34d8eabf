//! Opening a database file without harming it. Before SQLite writes anything, the file is
//! probed: its header is read by hand (not a database, truncated), then SQLite reads it with
//! checkpoint-on-close disabled (locked, corrupt, newer schema, another program's database).
//! Only a file that passes is switched to WAL and migrated.
//!
//! A zero-byte file is a new, empty database: that is how SQLite itself sees it, and it is
//! what `touch diagasso.db` means. New files are created with mode 0600 (and new folders with
//! 0700) before SQLite opens them; SQLite gives its `-wal` and `-shm` files the same mode.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::error::{StoreError, classify, io_error};
use super::schema;

/// How long to wait for another process to release the database before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Create the parent folders and the file itself (mode 0600) when missing; refuse a path that
/// is not a regular file.
pub(crate) fn prepare_file(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => return Ok(()),
        Ok(_) => {
            return Err(StoreError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error(path, e)),
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

/// Read the 100-byte SQLite header by hand and check the file's length against it.
pub(crate) fn check_header(path: &Path) -> Result<(), StoreError> {
    let err = |e| io_error(path, e);
    let mut file = fs::File::open(path).map_err(err)?;
    let len = file.metadata().map_err(err)?.len();
    if len == 0 {
        return Ok(());
    }
    let mut header = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut header)
        .map_err(err)?;
    let magic_len = header.len().min(MAGIC.len());
    if header[..magic_len] != MAGIC[..magic_len] {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    let truncated = |expected: u64| StoreError::Truncated {
        path: path.to_path_buf(),
        expected,
        actual: len,
    };
    if header.len() < 100 {
        return Err(truncated(512));
    }
    let raw_page = u16::from_be_bytes([header[16], header[17]]);
    let page_size = if raw_page == 1 {
        65_536
    } else {
        u64::from(raw_page)
    };
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: format!("page size {raw_page} in the header"),
        });
    }
    if len % page_size != 0 {
        return Err(truncated(len.div_ceil(page_size) * page_size));
    }
    let word = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let pages = u64::from(word(28));
    // The page count in the header is valid only when the change counter matches (see the
    // SQLite file format, "In-header database size"). With a non-empty -wal file the
    // database may legitimately be shorter: SQLite replays the WAL, so let it judge.
    let header_valid = pages != 0 && word(24) == word(92);
    if header_valid && !has_wal(path) && len < pages * page_size {
        return Err(truncated(pages * page_size));
    }
    Ok(())
}

fn has_wal(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    fs::metadata(&wal).is_ok_and(|m| m.len() > 0)
}

/// Open the connection for reading and writing, without creating anything.
pub(crate) fn connect(path: &Path, busy: Duration) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    // Until the probe passes, closing must not checkpoint a WAL into a file we do not know.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .map_err(|e| classify(path, e))?;
    conn.busy_timeout(busy).map_err(|e| classify(path, e))?;
    Ok(conn)
}

/// Read-only checks, before anything is written: writable, a diagasso database (or an empty
/// one), not newer than this build, not damaged.
pub(crate) fn probe(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let sql = |e| classify(path, e);
    if conn.is_readonly(rusqlite::MAIN_DB).map_err(sql)? {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            detail: "file not writable".into(),
        });
    }
    let version = schema::user_version(conn).map_err(sql)?;
    let known = schema::current_version();
    if version == 0 {
        if schema::table_count(conn).map_err(sql)? > 0 {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
    } else if schema::application_id(conn).map_err(sql)? != schema::APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
        });
    } else if version > known {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            known,
        });
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(sql)?;
    if verdict != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: verdict,
        });
    }
    Ok(())
}

/// Set the connection up for work: WAL (files only), full sync, foreign keys, secure delete.
pub(crate) fn configure(conn: &Connection, path: &Path, file: bool) -> Result<(), StoreError> {
    let sql = |e| classify(path, e);
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
        .map_err(sql)?;
    if file {
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(sql)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                detail: format!("cannot switch to WAL (journal mode stays '{mode}')"),
            });
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(sql)?;
    conn.pragma_update(None, "secure_delete", true)
        .map_err(sql)?;
    conn.pragma_update(None, "trusted_schema", false)
        .map_err(sql)?;
    Ok(())
}
