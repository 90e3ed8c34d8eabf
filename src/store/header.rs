//! What the store reads of a database file outside SQLite, and when: the header by hand and the
//! `-shm` lock probe only before this process connects to the file (`locks.rs`), the length
//! by `stat` (which opens nothing) against what SQLite reads under its lock.

use std::fs;
use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use super::StoreError;
use super::error::{Fail, io_error};
use super::open::{has_wal, side};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the header read by hand says: the page size, and the database's size in pages when
/// the header's own count is valid.
pub(crate) struct Header {
    page_size: u64,
    pages: Option<u64>,
}

/// Read the 100-byte SQLite header by hand: an SQLite file, whole header, valid page size.
/// `None` for an empty file (a new database).
///
/// Only before this process connects to the file: closing the descriptor this opens drops
/// every lock the process holds on the file (see `locks.rs`); the caller holds the
/// [`Registry`](super::locks::Registry) and has checked the file is not in use.
pub(crate) fn read_header(path: &Path) -> Result<Option<Header>, StoreError> {
    let err = |e| io_error(path, e);
    let mut file = fs::File::open(path).map_err(err)?;
    let len = file.metadata().map_err(err)?.len();
    if len == 0 {
        return Ok(None);
    }
    let mut header = Vec::with_capacity(100);
    file.by_ref()
        .take(100)
        .read_to_end(&mut header)
        .map_err(err)?;
    drop(file);
    let magic_len = header.len().min(MAGIC.len());
    if header[..magic_len] != MAGIC[..magic_len] {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    if header.len() < 100 {
        return Err(StoreError::Truncated {
            path: path.to_path_buf(),
            expected: 512,
            actual: len,
        });
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
    let word = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    // The page count in the header is valid only when the change counter matches (see the
    // SQLite file format, "In-header database size").
    let pages = u64::from(word(28));
    let valid = pages != 0 && word(24) == word(92);
    Ok(Some(Header {
        page_size,
        pages: valid.then_some(pages),
    }))
}

fn truncated(path: &Path, len: u64, expected: u64) -> StoreError {
    StoreError::Truncated {
        path: path.to_path_buf(),
        expected,
        actual: len,
    }
}

/// The file's length against the database's size, as SQLite reads it inside the probe's read
/// transaction: a file cut while being copied is refused by name.
///
/// Nothing here opens the file (its length comes from `stat`, the rest from SQLite): under the
/// read lock, either a WAL with content lies beside the file (then SQLite judges, as the file
/// may legitimately be shorter than its header says), or nothing can be writing to it.
pub(super) fn check_size(conn: &Connection, path: &Path) -> Result<(), Fail> {
    let len = fs::metadata(path).map_err(|e| io_error(path, e))?.len();
    if len == 0 {
        return Ok(());
    }
    let pragma = |name: &str| -> rusqlite::Result<u64> {
        let n: i64 = conn.pragma_query_value(None, name, |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    let page_size = pragma("page_size")?;
    if page_size == 0 {
        return Ok(());
    }
    if len % page_size != 0 {
        return Err(truncated(path, len, len.div_ceil(page_size) * page_size).into());
    }
    // SQLite's page count is the header's when valid (else the file's length).
    let pages = pragma("page_count")?;
    if !has_wal(path) && len < pages * page_size {
        return Err(truncated(path, len, pages * page_size).into());
    }
    Ok(())
}

/// When SQLite finds the file damaged at its first read (it refuses a file shorter than its
/// header says): whether the header read before connecting (if it was) shows a cut file.
pub(super) fn check_cut(path: &Path, hand: Option<&Header>) -> Result<(), StoreError> {
    let (Some(h), Ok(m)) = (hand, fs::metadata(path)) else {
        return Ok(());
    };
    let len = m.len();
    if len % h.page_size != 0 {
        return Err(truncated(
            path,
            len,
            len.div_ceil(h.page_size) * h.page_size,
        ));
    }
    match h.pages {
        Some(pages) if !has_wal(path) && len < pages * h.page_size => {
            Err(truncated(path, len, pages * h.page_size))
        }
        _ => Ok(()),
    }
}

/// Whether the last program that wrote the file stopped without closing it: a non-empty `-wal`
/// lies beside it (a clean close checkpoints and deletes it) and no process has the WAL open
/// (SQLite's "hot" WAL). SQLite's connections each hold a read lock on the `-shm` file's
/// "DMS" byte (offset 128: `(22 + SQLITE_SHM_NLOCK) * 4 + SQLITE_SHM_NLOCK`, `os_unix.c`) for
/// as long as they have the WAL open; `F_GETLK` asks whether another process holds it,
/// without taking anything.
///
/// Opens the `-shm` by hand: only before this process connects to the file (the caller holds
/// the [`Registry`](super::locks::Registry) and has checked it is not in use).
pub(crate) fn unclean_shutdown(path: &Path) -> bool {
    if !has_wal(path) {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let Ok(shm) = fs::File::open(side(path, "-shm")) else {
            // A WAL with content and no index beside it: nobody has it open.
            return true;
        };
        // SAFETY: a plain `flock` structure, zeroed then filled, passed to F_GETLK on a
        // descriptor this function owns.
        let mut lock: libc::flock = unsafe { std::mem::zeroed() };
        lock.l_type = libc::F_WRLCK as libc::c_short;
        lock.l_whence = libc::SEEK_SET as libc::c_short;
        lock.l_start = 128;
        lock.l_len = 1;
        let r = unsafe { libc::fcntl(shm.as_raw_fd(), libc::F_GETLK, &mut lock) };
        // Unknown (the call failed): take it as unclean, so the whole file is checked.
        r != 0 || lock.l_type == libc::F_UNLCK as libc::c_short
    }
    #[cfg(not(unix))]
    {
        true
    }
}
