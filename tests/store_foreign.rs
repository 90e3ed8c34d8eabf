//! Another program on the file while a store has it open (issue 12, point 1): the `sqlite3`
//! tool's query or live backup must not checkpoint and delete the WAL under a connection of
//! this process, whatever this process opened meanwhile (a second store on the same file reads
//! nothing by hand: closing a descriptor would drop the first one's locks).
//!
//! Needs the `sqlite3` tool (CI installs it); skipped with a notice without it.

use std::path::{Path, PathBuf};
use std::process::Command;

use diagasso::audit::{Association, LegalForm};
use diagasso::questionnaire;
use diagasso::store::Store;

fn sqlite3(db: &Path, sql: &str) -> Option<String> {
    let o = Command::new("sqlite3").arg(db).arg(sql).output().ok()?;
    assert!(
        o.status.success(),
        "sqlite3 {sql}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    Some(String::from_utf8_lossy(&o.stdout).trim().to_string())
}

fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

fn association(name: &str) -> Association {
    Association {
        name: name.into(),
        legal_form: LegalForm::Association,
        country: "FR".into(),
        ..Association::default()
    }
}

/// The inode of the file at `p`.
fn inode(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(p).unwrap().ino()
}

#[test]
fn a_foreign_sqlite3_does_not_delete_the_wal_under_an_open_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    // An existing file, so that opening it reads its header.
    drop(Store::open(&db).unwrap());
    let Some(_) = sqlite3(&db, "select 1;") else {
        eprintln!("NOTICE: sqlite3 is not installed; this test does not run.");
        return;
    };
    let text = std::fs::read_to_string("tests/fixtures/answers/questionnaire.toml").unwrap();
    let q = questionnaire::load_str("q.toml", &text).unwrap();
    let mut first = Store::open(&db).unwrap();
    let a = first.create_association(&association("Première")).unwrap();
    first.start_audit(&a, "Dominique", &q).unwrap();
    let wal = inode(&side(&db, "-wal"));
    for round in 0..2 {
        // A second store in the same process (two windows of one program, a test): it must
        // not read the file by hand while the first holds SQLite's locks.
        let second = Store::open(&db).unwrap();
        assert_eq!(second.count_audits("").unwrap(), 1 + round);
        drop(second);
        let copy = dir.path().join(format!("copie-{round}.db"));
        sqlite3(&db, "select count(*) from audits;");
        sqlite3(&db, &format!(".backup '{}'", copy.display()));
        // The WAL this store writes to is still the one at the path: had sqlite3 believed it
        // was alone, it would have checkpointed and deleted it.
        assert!(
            side(&db, "-wal").exists(),
            "round {round}: the WAL was deleted"
        );
        assert_eq!(inode(&side(&db, "-wal")), wal, "round {round}: another WAL");
        first
            .start_audit(&a, "Dominique", &q)
            .expect("a write after the foreign process");
        // What the store wrote after, another process sees.
        let seen = sqlite3(&db, "select count(*) from audits;").unwrap();
        assert_eq!(seen, (2 + round).to_string(), "round {round}");
    }
}
