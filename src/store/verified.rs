//! The mark of a file diagasso checked and closed cleanly, so that the next session's first
//! answer need not wait on a whole-file check (issue 12, point 15).
//!
//! Beside `X.db`, `X.db-verified` holds the database file's inode, length and modification
//! time as they were when a connection that had checked the file (or found it marked) closed.
//! At the next open, the mark matching the file exactly means nobody changed it since (a copy,
//! an edit, a restore change at least one of the three), and no hot WAL means nothing was left
//! half-written: the whole-file check is not due. Anything else (no mark, another file, a
//! crash) and the file is checked before the first write, as before. The mark is a separate
//! small file, never the database or its side files (see `locks.rs`); failing to write it
//! only means the next session checks again.

use std::path::{Path, PathBuf};

fn mark_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-verified");
    PathBuf::from(p)
}

/// Inode, length and modification time (ns) of the database file, as one line.
fn fingerprint(db: &Path) -> Option<String> {
    let m = std::fs::metadata(db).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mtime = i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec());
        Some(format!(
            "diagasso-verified 1 {} {} {} {mtime}\n",
            m.dev(),
            m.ino(),
            m.len()
        ))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        None
    }
}

/// Whether the mark beside `db` matches the file as it is now.
pub(crate) fn matches(db: &Path) -> bool {
    let Some(now) = fingerprint(db) else {
        return false;
    };
    std::fs::read(mark_path(db)).is_ok_and(|m| m.len() < 256 && m == now.as_bytes())
}

/// Written when the store is dropped, after its connection closed, if the file was verified
/// (checked, or found marked) on that connection.
#[derive(Debug)]
pub(crate) struct Mark {
    db: PathBuf,
    /// Set by the store just before it is dropped.
    pub(crate) due: bool,
}

impl Mark {
    pub(crate) fn new(db: &Path) -> Mark {
        Mark {
            db: db.to_path_buf(),
            due: false,
        }
    }
}

impl Drop for Mark {
    fn drop(&mut self) {
        if !self.due {
            return;
        }
        let Some(now) = fingerprint(&self.db) else {
            return;
        };
        let path = mark_path(&self.db);
        if std::fs::read(&path).is_ok_and(|m| m == now.as_bytes()) {
            return;
        }
        // Best effort, through a temporary name (never a half-written mark), never through a
        // link planted at the mark's name: the rename replaces it.
        let tmp = {
            let mut p = path.as_os_str().to_owned();
            p.push(format!(".{}.tmp", std::process::id()));
            PathBuf::from(p)
        };
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let written = options.open(&tmp).and_then(|mut f| {
            use std::io::Write;
            f.write_all(now.as_bytes())
        });
        if written.and_then(|()| std::fs::rename(&tmp, &path)).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_matches_until_the_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        std::fs::write(&db, b"contenu").unwrap();
        assert!(!matches(&db), "no mark yet");
        drop(Mark::new(&db));
        assert!(!matches(&db), "a mark not due is not written");
        let mut m = Mark::new(&db);
        m.due = true;
        drop(m);
        assert!(matches(&db));
        std::fs::write(&db, "contenu changé").unwrap();
        assert!(!matches(&db), "another length, another time");
    }

    use crate::audit::Association;
    use crate::store::Store;

    fn association() -> Association {
        Association {
            name: "Essai".into(),
            ..Association::default()
        }
    }

    /// After a clean close, the next session's first write does not wait on a whole-file
    /// check; after the file changed (its time here), or with a hot WAL, it does.
    #[test]
    fn only_a_file_changed_or_left_unclosed_since_its_last_check_is_checked_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("base.db");
        let mut store = Store::open(&db).unwrap();
        assert!(
            store.conn.verified(),
            "a new file is checked as it is created"
        );
        store.create_association(&association()).unwrap();
        drop(store);
        assert!(matches(&db), "marked at close");
        let mut store = Store::open(&db).unwrap();
        assert!(store.conn.verified(), "no check due");
        store.create_association(&association()).unwrap();
        drop(store);
        assert!(matches(&db), "the mark follows the file's own changes");

        // Changed outside diagasso (only its time, here): checked again.
        let file = std::fs::File::options().write(true).open(&db).unwrap();
        file.set_modified(std::time::SystemTime::UNIX_EPOCH)
            .unwrap();
        drop(file);
        let store = Store::open(&db).unwrap();
        assert!(!store.conn.verified(), "the file changed since its mark");
        drop(store);
        assert!(!matches(&db), "nothing checked, nothing marked");

        // A copy taken while a store writes (the file and its WAL, as a crash leaves them):
        // a hot WAL, whatever the mark says.
        let mut store = Store::open(&db).unwrap();
        store.verify().unwrap();
        store.create_association(&association()).unwrap();
        let copy = dir.path().join("copie.db");
        std::fs::copy(&db, &copy).unwrap();
        std::fs::copy(
            dir.path().join("base.db-wal"),
            dir.path().join("copie.db-wal"),
        )
        .unwrap();
        assert!(super::super::open::unclean_shutdown(&copy));
        let mut mark = Mark::new(&copy);
        mark.due = true;
        drop(mark);
        assert!(matches(&copy));
        let copied = Store::open(&copy).unwrap();
        assert!(!copied.conn.verified(), "a hot WAL: checked before writing");
        assert_eq!(copied.count_audits("").unwrap(), 0);
    }
}
