//! Faults: each one gets its message naming the file and saying what to do, and leaves the
//! file's bytes as they were. Not a database, truncated, corrupt, another program's database,
//! a newer schema, a read-only folder, a database locked by another connection, a full disk;
//! and erasure leaving no byte of the erased association in the database or its WAL.

use std::path::{Path, PathBuf};
use std::time::Duration;

use diagasso::audit::{Answer, Association, Value};
use diagasso::i18n::Lang;
use diagasso::questionnaire::{self, Questionnaire};
use diagasso::store::{Store, StoreError, schema};

const SHORT: Duration = Duration::from_millis(200);

fn questionnaire() -> Questionnaire {
    let path = "tests/fixtures/answers/questionnaire.toml";
    let text = std::fs::read_to_string(path).expect("fixture readable");
    questionnaire::load_str(path, &text).expect("fixture loads")
}

/// A closed database file with one association, one audit and one answer.
fn filled_db(dir: &Path) -> (PathBuf, String) {
    let path = dir.join("ok.db");
    let mut store = Store::open(&path).unwrap();
    let a = store
        .create_association(&Association {
            name: "Amicale".into(),
            ..Association::default()
        })
        .unwrap();
    let audit = store.start_audit(&a, "", &questionnaire()).unwrap();
    for i in 0..50 {
        store
            .save_answer(
                &audit,
                "activity_text",
                Some(&Answer::Given(Value::Text(format!(
                    "texte {i} {}",
                    "x".repeat(300)
                )))),
            )
            .unwrap();
    }
    (path, audit)
}

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Open must fail with `want` (English message prefix after the path), leaving the bytes alone.
fn refused(path: &Path, want: &str) -> StoreError {
    let before = std::fs::read(path).unwrap();
    let err = match Store::open_with_timeout(path, SHORT) {
        Ok(_) => panic!("{} should be refused", path.display()),
        Err(e) => e,
    };
    let message = err.message();
    let expected = format!("{}: {want}", path.display());
    assert!(
        message.en.starts_with(&expected),
        "\n got  {}\n want {expected}",
        message.en
    );
    assert!(
        message.fr.starts_with(&format!("{} : ", path.display())),
        "{}",
        message.fr
    );
    assert!(!message.get(Lang::Fr).is_empty());
    assert_eq!(std::fs::read(path).unwrap(), before, "file changed");
    err
}

#[test]
fn a_file_that_is_not_a_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "Compte rendu de la réunion du 3 mars\n".repeat(40)).unwrap();
    let err = refused(
        &path,
        "this file is not a diagasso database (not even SQLite). Check the path given to --db; the file was not changed.",
    );
    assert!(matches!(err, StoreError::NotADatabase { .. }));
    // A tiny file too.
    std::fs::write(&path, b"x").unwrap();
    refused(&path, "this file is not a diagasso database");
}

#[test]
fn a_truncated_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = filled_db(dir.path());
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.len() >= 4 * 4096,
        "test db too small: {}",
        bytes.len()
    );
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = refused(&path, "truncated file (");
    assert!(matches!(err, StoreError::Truncated { .. }));
    assert!(err.message().en.contains(
        "probably an interrupted copy. Take a complete copy or a backup; the file was not changed."
    ));
    // Cut inside a page, and inside the header.
    std::fs::write(&path, &bytes[..5000]).unwrap();
    refused(&path, "truncated file (5000 bytes instead of 8192)");
    std::fs::write(&path, &bytes[..50]).unwrap();
    refused(&path, "truncated file (50 bytes instead of 512)");
}

/// Opening probes a few pages only; the whole file is checked before the first write (or on
/// demand), and a damaged one is refused then, untouched.
#[test]
fn a_corrupt_file_is_refused_before_writing_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (path, audit) = filled_db(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    // Scribble over the b-tree pages after the first one (the schema page stays readable).
    let page = 4096;
    for b in &mut bytes[page..page * 3] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let damaged = |err: &StoreError| {
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
        let want = format!("{}: damaged database (", path.display());
        assert!(err.message().en.starts_with(&want), "{}", err.message().en);
        assert!(err.message().en.contains(".recover"));
        assert!(
            err.message().fr.starts_with(&format!(
                "{} : base de données endommagée (",
                path.display()
            )),
            "{}",
            err.message().fr
        );
    };
    // The first write checks the whole file first, and writes nothing.
    let mut store = Store::open_with_timeout(&path, SHORT).expect("the probe passes");
    let err = store
        .save_answer(
            &audit,
            "uses_files",
            Some(&Answer::Given(Value::Bool(true))),
        )
        .unwrap_err();
    damaged(&err);
    let err = store
        .create_association(&Association {
            name: "Autre".into(),
            ..Association::default()
        })
        .unwrap_err();
    damaged(&err);
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "file changed");
    // Checking on demand says the same.
    let mut store = Store::open_with_timeout(&path, SHORT).expect("the probe passes");
    damaged(&store.verify().unwrap_err());
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "file changed");
}

#[test]
fn a_sound_file_passes_the_check_and_takes_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, audit) = filled_db(dir.path());
    let mut store = Store::open(&path).unwrap();
    store.verify().unwrap();
    store
        .save_answer(
            &audit,
            "uses_files",
            Some(&Answer::Given(Value::Bool(true))),
        )
        .unwrap();
    assert_eq!(store.trail(&audit).unwrap().len(), 51);
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE recettes (nom TEXT); INSERT INTO recettes VALUES ('crêpes');")
        .unwrap();
    drop(conn);
    let err = refused(
        &path,
        "an SQLite database of another program, not diagasso. Choose another file with --db; this one was not changed.",
    );
    assert!(matches!(err, StoreError::Foreign { .. }));
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('v99');")
        .unwrap();
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let known = schema::current_version();
    let err = refused(
        &path,
        &format!(
            "file written by a newer diagasso (schema 99, this version knows up to {known}). Update diagasso; the file was not changed."
        ),
    );
    assert!(matches!(err, StoreError::NewerSchema { found: 99, .. }));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["future.db"], "nothing left beside it");
    // Still the future's file.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let v: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 99);
}

#[test]
fn a_newer_schema_with_a_pending_wal_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .unwrap();
    conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    conn.execute_batch("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('v7');")
        .unwrap();
    conn.pragma_update(None, "user_version", 7).unwrap();
    drop(conn);
    let wal = side(&path, "-wal");
    let wal_before = std::fs::read(&wal).unwrap();
    assert!(!wal_before.is_empty(), "the WAL holds the changes");
    refused(&path, "file written by a newer diagasso (schema 7");
    assert_eq!(std::fs::read(&wal).unwrap(), wal_before, "WAL changed");
}

#[test]
fn a_folder_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open(dir.path()).err().expect("a folder is refused");
    assert!(matches!(err, StoreError::NotAFile { .. }));
    assert!(
        err.message()
            .en
            .ends_with("this is not a file (a folder?). Give the path of a .db file with --db.")
    );
}

#[cfg(unix)]
/// Makes a folder or a file read-only for the test's duration, even for root (by
/// `chattr +i`), and undoes it on drop. `None` when neither works here.
struct ReadOnlyDir(PathBuf, bool, u32);

#[cfg(unix)]
impl ReadOnlyDir {
    fn new(path: &Path) -> Option<ReadOnlyDir> {
        use std::os::unix::fs::PermissionsExt;
        let is_dir = path.is_dir();
        let (locked, open) = if is_dir {
            (0o500, 0o700)
        } else {
            (0o400, 0o600)
        };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(locked)).ok()?;
        let writable = || {
            if is_dir {
                let probe = path.join(".probe");
                let ok = std::fs::write(&probe, b"x").is_ok();
                let _ = std::fs::remove_file(&probe);
                ok
            } else {
                std::fs::OpenOptions::new().append(true).open(path).is_ok()
            }
        };
        if !writable() {
            return Some(ReadOnlyDir(path.to_path_buf(), false, open));
        }
        // Root ignores permissions; the immutable attribute stops root too.
        let ok = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        let guard = ReadOnlyDir(path.to_path_buf(), true, open);
        if ok && !writable() { Some(guard) } else { None }
    }
}

#[cfg(unix)]
impl Drop for ReadOnlyDir {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(self.2));
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = filled_db(dir.path());
    let Some(_guard) = ReadOnlyDir::new(&path) else {
        return;
    };
    let err = refused(&path, "cannot write, the file or its folder is read-only (");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (path, audit) = filled_db(dir.path());
    let before = std::fs::read(&path).unwrap();
    let Some(_guard) = ReadOnlyDir::new(dir.path()) else {
        // Neither chmod nor chattr can make a folder read-only here: a path below a regular
        // file cannot be created either.
        let err = Store::open(&path.join("sub/x.db")).err().expect("refused");
        assert!(
            err.message().en.contains("cannot create the folder"),
            "{}",
            err.message().en
        );
        return;
    };
    eprintln!(
        "read-only folder made with {}",
        if _guard.1 { "chattr +i" } else { "chmod 500" }
    );
    // A new file in the read-only folder.
    let new = dir.path().join("new.db");
    let err = Store::open(&new).err().expect("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    let want = format!(
        "{}: cannot write, the file or its folder is read-only (",
        new.display()
    );
    assert!(err.message().en.starts_with(&want), "{}", err.message().en);
    assert!(!new.exists());
    // An existing database in it: SQLite cannot make its -wal and -shm files.
    let err = Store::open_with_timeout(&path, SHORT)
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(
        err.message().en.contains("Make the folder writable"),
        "{}",
        err.message().en
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(_guard);
    let store = Store::open(&path).unwrap();
    assert!(store.audit(&audit).unwrap().is_some());
}

#[test]
fn a_database_locked_by_another_process_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (path, audit) = filled_db(dir.path());
    let mut store = Store::open_with_timeout(&path, SHORT).unwrap();
    // Another connection (as another process would) holds the write lock.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let err = store
        .save_answer(
            &audit,
            "uses_files",
            Some(&Answer::Given(Value::Bool(true))),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    assert_eq!(
        err.message().en,
        format!(
            "{}: database busy in another program (another diagasso window?). Close it and try again; nothing was written.",
            path.display()
        )
    );
    other.execute_batch("ROLLBACK").unwrap();
    // Once released, the same save goes through.
    store
        .save_answer(
            &audit,
            "uses_files",
            Some(&Answer::Given(Value::Bool(true))),
        )
        .unwrap();
    // A connection in exclusive locking mode blocks even opening (once it is the only one).
    drop(store);
    other
        .pragma_update(None, "locking_mode", "EXCLUSIVE")
        .unwrap();
    other.execute_batch("BEGIN EXCLUSIVE; COMMIT;").unwrap();
    let err = Store::open_with_timeout(&path, SHORT)
        .err()
        .expect("locked");
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
}

#[test]
fn a_full_disk_is_reported_and_saved_answers_stay() {
    let dir = tempfile::tempdir().unwrap();
    let (path, audit) = filled_db(dir.path());
    let mut store = Store::open(&path).unwrap();
    store.limit_growth_for_tests(0).unwrap();
    let big = Answer::Given(Value::Text("y".repeat(9000)));
    let err = store
        .save_answer(&audit, "activity_text", Some(&big))
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    assert_eq!(
        err.message().en,
        format!(
            "{}: disk full, nothing was written. Free some space and repeat the last action; answers saved before are intact.",
            path.display()
        )
    );
    drop(store);
    let store = Store::open(&path).unwrap();
    let got = store.audit(&audit).unwrap().unwrap();
    let Answer::Given(Value::Text(t)) = &got.answers["activity_text"].answer else {
        panic!("answer lost");
    };
    assert!(t.starts_with("texte 49 "));
    assert_eq!(store.trail(&audit).unwrap().len(), 50);
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn file_bytes(path: &Path) -> Vec<u8> {
    let mut all = std::fs::read(path).unwrap_or_default();
    all.extend(std::fs::read(side(path, "-wal")).unwrap_or_default());
    all
}

#[test]
fn erasure_leaves_no_canary_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gdpr.db");
    let mut store = Store::open(&path).unwrap();
    let q = questionnaire();
    let canaries = [
        "zqxcanaryname",
        "zqxcanarymail",
        "zqxcanarytext",
        "zqxcanarynote",
    ];
    let keep = store
        .create_association(&Association {
            name: "Association gardée".into(),
            contact_email: "garde@example.org".into(),
            ..Association::default()
        })
        .unwrap();
    let kept_audit = store.start_audit(&keep, "Dominique", &q).unwrap();
    store
        .save_answer(
            &kept_audit,
            "activity_text",
            Some(&Answer::Given(Value::Text("gardé".into()))),
        )
        .unwrap();
    let gone = store
        .create_association(&Association {
            name: format!("Asso {}", canaries[0]),
            contact_name: "Camille".into(),
            contact_email: format!("{}@example.org", canaries[1]),
            ..Association::default()
        })
        .unwrap();
    for _ in 0..2 {
        let audit = store.start_audit(&gone, "Dominique", &q).unwrap();
        for i in 0..20 {
            let text = format!("{} {i}", canaries[2]);
            store
                .save_answer(
                    &audit,
                    "activity_text",
                    Some(&Answer::Given(Value::Text(text))),
                )
                .unwrap();
        }
        store
            .save_note(&audit, Some("uses_files"), canaries[3])
            .unwrap();
        store.save_note(&audit, None, canaries[3]).unwrap();
    }
    let before = file_bytes(&path);
    for c in canaries {
        assert!(
            contains(&before, c),
            "{c} should be in the file before erasure"
        );
    }
    let report = store.erase_association(&gone).unwrap();
    assert_eq!(report.audits, 2);
    assert_eq!(report.answers, 2);
    assert_eq!(report.notes, 2);
    assert_eq!(report.trail_entries, 40);
    assert!(report.scrubbed);
    let after = file_bytes(&path);
    for c in canaries {
        assert!(!contains(&after, c), "{c} left in the file while open");
    }
    assert_eq!(store.association(&gone).unwrap(), None);
    assert_eq!(store.count_audits("").unwrap(), 1);
    drop(store);
    let after = file_bytes(&path);
    for c in canaries {
        assert!(!contains(&after, c), "{c} left in the file after closing");
    }
    let store = Store::open(&path).unwrap();
    assert!(store.audit(&kept_audit).unwrap().is_some());
    assert!(matches!(
        Store::open(&path).unwrap().erase_association(&gone),
        Err(StoreError::UnknownAssociation(_))
    ));
}

#[test]
fn erasure_with_another_reader_open_reports_an_unfinished_scrub() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.db");
    let mut store = Store::open_with_timeout(&path, SHORT).unwrap();
    let canary = "zqxreadercanary";
    let a = store
        .create_association(&Association {
            name: format!("Lue ailleurs {canary}"),
            ..Association::default()
        })
        .unwrap();
    let audit = store.start_audit(&a, "", &questionnaire()).unwrap();
    for i in 0..10 {
        let text = Answer::Given(Value::Text(format!("{canary} {i}")));
        store
            .save_answer(&audit, "activity_text", Some(&text))
            .unwrap();
    }
    // Another window reading: the checkpoint cannot finish while it holds its snapshot.
    let reader = rusqlite::Connection::open(&path).unwrap();
    reader
        .execute_batch("BEGIN; SELECT count(*) FROM audits;")
        .unwrap();
    let report = store.erase_association(&a).unwrap();
    assert!(!report.scrubbed);
    assert_eq!(store.association(&a).unwrap(), None);
    // When the other window is done, scrubbing completes; and closing leaves nothing either
    // (what the message of `diagasso erase` promises).
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    drop(store);
    assert!(
        !contains(&file_bytes(&path), canary),
        "traces after the last close"
    );
    let mut store = Store::open(&path).unwrap();
    assert!(store.scrub().unwrap());
}

/// Switching a new file to WAL upgrades a read lock to a write lock, and SQLite does not wait
/// for an upgrade: a process writing the same new file at that moment made opening fail at
/// once with "busy" (seen with several processes creating one file together). Opening now
/// waits for it like for any other lock.
#[test]
fn opening_a_new_file_another_process_is_writing_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    std::fs::write(&path, b"").unwrap();
    // Another process, still in rollback mode, starts writing the new file and holds its
    // write lock a while.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
        other
    });
    let store = Store::open_with_timeout(&path, Duration::from_secs(5));
    let other = release.join().unwrap();
    drop(other);
    let mut store = store.unwrap_or_else(|e| panic!("{}", e.message().en));
    let a = store
        .create_association(&Association {
            name: "Premier".into(),
            ..Association::default()
        })
        .unwrap();
    assert!(store.association(&a).unwrap().is_some());
}

/// Before erasing, the store says what scrubbing needs: 1.9× the file free, the disk's free
/// space, a duration; in memory, nothing.
#[test]
fn the_scrub_cost_is_known_before_erasing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = filled_db(dir.path());
    let store = Store::open(&path).unwrap();
    let cost = store.scrub_cost().expect("a file");
    assert_eq!(cost.file_bytes, std::fs::metadata(&path).unwrap().len());
    assert_eq!(cost.needed_bytes, cost.file_bytes / 10 * 19);
    assert!(cost.free_bytes.is_some_and(|f| f > 0));
    assert!(cost.seconds.0 <= cost.seconds.1);
    assert!(Store::open_in_memory().unwrap().scrub_cost().is_none());
}
