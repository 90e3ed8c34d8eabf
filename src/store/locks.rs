//! The files this process has SQLite connections to, so that nothing outside SQLite opens one
//! of them while a connection lives.
//!
//! SQLite's locks are POSIX `fcntl` locks, which belong to the process and the file, not to the
//! descriptor: closing *any* descriptor of the database file drops every lock the process holds
//! on it, including the SHARED lock a WAL connection keeps for its whole life (SQLite's "How To
//! Corrupt An SQLite Database File", 2.2). Another program (the `sqlite3` tool taking a
//! backup) then believes it is the last one, checkpoints and deletes the WAL, and the answers
//! this process writes next go into a deleted file. So the store reads a file by hand (the
//! header at open, the blank side files after a full disk) only while [`Registry`] says this
//! process has no connection to it, and holds the registry's lock from that check until the
//! new connection is counted, so that no other thread connects in between.
//!
//! Files are known by device and inode, as the locks are (two paths to one file are one file).

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

/// Device and inode.
type FileId = (u64, u64);

static OPEN: Mutex<Option<HashMap<FileId, usize>>> = Mutex::new(None);

fn file_id(path: &Path) -> Option<FileId> {
    // `stat` opens nothing: it cannot release a lock.
    let m = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        None
    }
}

/// The registry, locked: what this process has open, while no other thread changes it.
pub(crate) struct Registry(MutexGuard<'static, Option<HashMap<FileId, usize>>>);

impl Registry {
    pub(crate) fn lock() -> Registry {
        // A thread that panicked while holding it left the counts as they were: still right.
        Registry(
            OPEN.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// Whether a connection of this process may be open on `path`: true when it is, and when
    /// the file cannot be identified (then nothing may be opened by hand, to be safe).
    pub(crate) fn in_use(&self, path: &Path) -> bool {
        match file_id(path) {
            Some(id) => self.0.as_ref().is_some_and(|m| m.contains_key(&id)),
            None => true,
        }
    }

    /// Count a new connection to `path` (just opened by SQLite); its [`Held`] uncounts it.
    pub(crate) fn hold(&mut self, path: &Path) -> Held {
        let id = file_id(path);
        if let Some(id) = id {
            *self
                .0
                .get_or_insert_with(HashMap::new)
                .entry(id)
                .or_insert(0) += 1;
        }
        Held(id)
    }
}

/// One connection of this process counted in the registry; dropping it uncounts it. Drop it
/// after the connection is closed.
#[derive(Debug)]
pub(crate) struct Held(Option<FileId>);

impl Drop for Held {
    fn drop(&mut self) {
        let Some(id) = self.0 else { return };
        let mut r = Registry::lock();
        if let Some(m) = r.0.as_mut()
            && let Some(n) = m.get_mut(&id)
        {
            *n -= 1;
            if *n == 0 {
                m.remove(&id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_in_use_while_a_hold_on_it_lives_whatever_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.db");
        std::fs::write(&a, b"").unwrap();
        let link = dir.path().join("lien.db");
        std::os::unix::fs::symlink(&a, &link).unwrap();
        assert!(!Registry::lock().in_use(&a));
        let first = Registry::lock().hold(&a);
        let second = Registry::lock().hold(&link);
        assert!(Registry::lock().in_use(&link));
        drop(first);
        assert!(Registry::lock().in_use(&a), "one connection is left");
        drop(second);
        assert!(!Registry::lock().in_use(&a));
        // A file that cannot be identified is never opened by hand.
        assert!(Registry::lock().in_use(&dir.path().join("absent.db")));
    }
}
