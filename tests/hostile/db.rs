//! Hostile databases: damaged, foreign, newer, unwritable, full, locked, not a file, with
//! garbage beside them or inside them, or keeping a questionnaire this build does not ship.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{assert_refused, assert_unchanged, demo_db, on_db, run_in, snapshot};

/// A folder with a database of three demo audits; (folder, db path, last audit id).
fn filled() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let id = demo_db(dir.path(), &db, 3);
    (dir, db, id)
}

/// Commands that open the database in every way: read, write, TUI-less.
const COMMANDS: [&[&str]; 3] = [&["list"], &["demo"], &["list", "--json"]];

/// Each command is refused with exactly `message` and the folder stays as it was.
#[track_caller]
fn refused_untouched(dir: &Path, db: &Path, message: &str) {
    let before = snapshot(dir);
    for args in COMMANDS {
        let r = on_db(dir, db, args);
        assert_refused(&r, message);
        assert_unchanged(&before, dir);
    }
}

#[test]
fn a_truncated_database_is_refused_untouched() {
    let (dir, db, _) = filled();
    let bytes = std::fs::read(&db).unwrap();
    // The size the header announces: page count × page size.
    let pages = u32::from_be_bytes(bytes[28..32].try_into().unwrap()) as usize;
    let page = u16::from_be_bytes(bytes[16..18].try_into().unwrap()) as usize;
    let message = |cut: usize, expected: usize| {
        format!(
            "{}: truncated file ({cut} bytes instead of {expected}), probably an interrupted copy. Take a complete copy or a backup; the file was not changed.\n",
            db.display()
        )
    };
    // Cut at a page boundary: the header's size is the one expected.
    let cut = pages / 2 * page;
    std::fs::write(&db, &bytes[..cut]).unwrap();
    refused_untouched(dir.path(), &db, &message(cut, pages * page));
    // Cut inside a page: the message names the end of that page (not the whole size).
    let cut = cut + 100;
    std::fs::write(&db, &bytes[..cut]).unwrap();
    refused_untouched(dir.path(), &db, &message(cut, cut.div_ceil(page) * page));
}

/// Zero the header of the root page of `table` (its b-tree can no longer be read).
fn break_root_page(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    let root: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [table],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(db).unwrap();
    let at = (root as usize - 1) * 4096;
    bytes[at..at + 16].fill(0);
    std::fs::write(db, &bytes).unwrap();
    root
}

/// Writing is refused with the full check's finding; reading reports the damage it meets.
/// (Read-only commands do not read the whole file first: that took 0.8 s on 10,000 audits.)
#[test]
fn a_corrupt_database_is_refused_untouched() {
    let (dir, db, _) = filled();
    let root = break_root_page(&db, "audits");
    let before = snapshot(dir.path());
    let r = on_db(dir.path(), &db, &["demo"]);
    assert_refused(
        &r,
        &format!(
            "{0}: damaged database (*** in database main ***\nTree {root} page {root}: btreeInitPage() returns error code 11). Keep this file aside and start again from a backup; `sqlite3 {0} .recover` may save part of the data. The file was not changed.\n",
            db.display()
        ),
    );
    assert_unchanged(&before, dir.path());
    for args in [&["list"][..], &["list", "--json"]] {
        assert_refused(
            &on_db(dir.path(), &db, args),
            &format!(
                "{0}: damaged database (database disk image is malformed). Keep this file aside and start again from a backup; `sqlite3 {0} .recover` may save part of the data. The file was not changed.\n",
                db.display()
            ),
        );
        assert_unchanged(&before, dir.path());
    }
}

/// Damage where a reader does not look: reading works, and the first write is refused before
/// it writes anything.
#[test]
fn damage_a_reader_does_not_meet_is_refused_at_the_first_write() {
    let (dir, db, id) = filled();
    let root = break_root_page(&db, "trail");
    let before = snapshot(dir.path());
    let r = on_db(dir.path(), &db, &["list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 4, "{}", r.stdout);
    assert_eq!(on_db(dir.path(), &db, &["show", &id]).code, 0);
    assert_unchanged(&before, dir.path());
    assert_refused(
        &on_db(dir.path(), &db, &["demo"]),
        &format!(
            "{0}: damaged database (*** in database main ***\nTree {root} page {root}: btreeInitPage() returns error code 11). Keep this file aside and start again from a backup; `sqlite3 {0} .recover` may save part of the data. The file was not changed.\n",
            db.display()
        ),
    );
    assert_unchanged(&before, dir.path());
}

#[test]
fn a_zero_byte_file_is_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vide.db");
    std::fs::write(&db, b"").unwrap();
    let r = on_db(dir.path(), &db, &["list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!(
            "No audit in {}. Create one: diagasso new --answers FILE, or diagasso demo.\n",
            db.display()
        )
    );
    assert_eq!(r.stderr, "");
    // It became a diagasso database that takes an audit.
    demo_db(dir.path(), &db, 1);
    assert_eq!(on_db(dir.path(), &db, &["list"]).stdout.lines().count(), 2);
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let (dir, db, _) = filled();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let message = format!(
        "{}: file written by a newer diagasso (schema 99, this version knows up to {}). Update diagasso; the file was not changed.\n",
        db.display(),
        diagasso::store::schema::current_version()
    );
    refused_untouched(dir.path(), &db, &message);
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("autre.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE recettes (nom TEXT); INSERT INTO recettes VALUES ('far breton');",
    )
    .unwrap();
    drop(conn);
    let message = format!(
        "{}: an SQLite database of another program, not diagasso. Choose another file with --db; this one was not changed.\n",
        db.display()
    );
    refused_untouched(dir.path(), &db, &message);
}

#[test]
fn a_folder_given_as_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    std::fs::create_dir(&db).unwrap();
    let message = format!(
        "{}: this is not a file (a folder?). Give the path of a .db file with --db.\n",
        db.display()
    );
    refused_untouched(dir.path(), &db, &message);
}

#[cfg(unix)]
#[test]
fn a_fifo_given_as_database_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tube.db");
    let c = std::ffi::CString::new(db.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let message = format!(
        "{}: this is not a regular file but a named pipe (FIFO). Give the path of a .db file with --db.\n",
        db.display()
    );
    for args in COMMANDS {
        assert_refused(&on_db(dir.path(), &db, args), &message);
    }
}

/// Makes a path read-only for the test's duration, even for root (`chattr +i`), and undoes it on
/// drop; `None` where neither chmod nor chattr can.
struct ReadOnly(PathBuf, bool, u32);

impl ReadOnly {
    fn new(path: &Path) -> Option<ReadOnly> {
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
            return Some(ReadOnly(path.to_path_buf(), false, open));
        }
        let chattr = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        let guard = ReadOnly(path.to_path_buf(), chattr, open);
        if chattr && !writable() {
            Some(guard)
        } else {
            eprintln!(
                "NOTICE: cannot make {} read-only here; case skipped",
                path.display()
            );
            None
        }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
        }
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(self.2));
    }
}

#[test]
fn a_read_only_database_file_is_refused_untouched() {
    let (dir, db, id) = filled();
    let Some(guard) = ReadOnly::new(&db) else {
        return;
    };
    let before = snapshot(dir.path());
    let message = format!(
        "{0}: cannot write, the file or its folder is read-only (file not writable). Make the folder writable (SQLite also creates {0}-wal and {0}-shm there), or copy the file elsewhere and use --db. The file was not changed.\n",
        db.display()
    );
    assert_refused(&on_db(dir.path(), &db, &["demo"]), &message);
    assert_refused(&on_db(dir.path(), &db, &["list"]), &message);
    assert_unchanged(&before, dir.path());
    drop(guard);
    assert_eq!(on_db(dir.path(), &db, &["show", &id]).code, 0);
}

#[test]
fn a_database_in_a_read_only_folder_is_refused_untouched() {
    let (dir, db, id) = filled();
    let Some(guard) = ReadOnly::new(dir.path()) else {
        return;
    };
    let before = snapshot(dir.path());
    let r = on_db(dir.path(), &db, &["demo"]);
    assert_eq!(r.code, 1);
    let start = format!(
        "{}: cannot write, the file or its folder is read-only (",
        db.display()
    );
    assert!(r.stderr.starts_with(&start), "{}", r.stderr);
    assert!(
        r.stderr.contains("Make the folder writable"),
        "{}",
        r.stderr
    );
    assert_unchanged(&before, dir.path());
    // A new file there is refused too, and not created.
    let new = dir.path().join("nouveau.db");
    let r = on_db(dir.path(), &new, &["demo"]);
    assert_eq!(r.code, 1);
    let start = format!(
        "{}: cannot write, the file or its folder is read-only (",
        new.display()
    );
    assert!(r.stderr.starts_with(&start), "{}", r.stderr);
    assert!(!new.exists());
    drop(guard);
    assert_eq!(on_db(dir.path(), &db, &["show", &id]).code, 0);
}

#[test]
fn a_database_locked_by_another_process_is_reported_after_five_seconds() {
    let (dir, db, _) = filled();
    // Snapshot first: reading the file from this process while it holds SQLite's lock would
    // release the lock (POSIX record locks belong to the process, and closing any descriptor
    // of the file drops them).
    let before = snapshot(dir.path());
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let started = std::time::Instant::now();
    let r = on_db(dir.path(), &db, &["demo"]);
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(4),
        "it waited: {r:?}"
    );
    assert_refused(
        &r,
        &format!(
            "{}: database busy in another program (another diagasso window?). Close it and try again; nothing was written.\n",
            db.display()
        ),
    );
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert_unchanged(&before, dir.path());
}

/// Run `diagasso demo` on a copy of `db` in a `size`-byte tmpfs left with about `room` bytes
/// free, in a private mount namespace (`unshare -rm`, no root needed, nothing left mounted).
/// Returns (the run, the files left in the tmpfs, the database copied back out), or `None`
/// where user namespaces are not available.
fn on_a_full_disk(dir: &Path, db: &Path, room_kb: u64) -> Option<(super::Run, String, Vec<u8>)> {
    let ok = Command::new("unshare")
        .args(["-rm", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("NOTICE: unshare -rm is not available here; full-disk case skipped");
        return None;
    }
    let mnt = dir.join("disque");
    std::fs::create_dir(&mnt).unwrap();
    let out = dir.join("sortie");
    std::fs::create_dir(&out).unwrap();
    let size_kb = std::fs::metadata(db).unwrap().len() / 1024 + room_kb + 4;
    let fill = if room_kb == 0 { 1_000_000 } else { 0 };
    let script = format!(
        r#"set -e
mount -t tmpfs -o size={size_kb}k tmpfs "$M"
cp "$DB" "$M/base.db"
if [ {fill} -gt 0 ]; then dd if=/dev/zero of="$M/plein" bs=1k count={fill} 2>/dev/null || true; fi
set +e
"$BIN" --lang en --db "$M/base.db" demo > "$O/stdout" 2> "$O/stderr"
echo $? > "$O/rc"
ls -A "$M" > "$O/files"
cp "$M/base.db" "$O/base.db"
"#
    );
    let status = Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .env("M", &mnt)
        .env("DB", db)
        .env("BIN", super::BIN)
        .env("O", &out)
        .env_remove("DIAGASSO_DB")
        .status()
        .unwrap();
    assert!(status.success());
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    let stderr = read("stderr");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let run = super::Run {
        code: read("rc").trim().parse().unwrap(),
        stdout: read("stdout"),
        stderr: stderr.replace(&mnt.display().to_string(), "DISK"),
    };
    Some((
        run,
        read("files"),
        std::fs::read(out.join("base.db")).unwrap(),
    ))
}

#[test]
fn a_full_disk_is_reported_and_the_file_is_untouched() {
    let (dir, db, _) = filled();
    let before = std::fs::read(&db).unwrap();
    // Room for the -shm index, not for the WAL of a whole demo audit.
    let Some((r, files, after)) = on_a_full_disk(dir.path(), &db, 60) else {
        return;
    };
    assert_refused(
        &r,
        "DISK/base.db: disk full, nothing was written. Free some space and repeat the last action; answers saved before are intact.\n",
    );
    assert!(after == before, "the database changed");
    assert_eq!(files, "base.db\n", "nothing left beside it");
}

/// With no byte free at all, SQLite cannot even grow its 32 KB `-shm` index: it says "disk I/O
/// error", and the system error behind it (ENOSPC) makes it "disk full". The empty `-wal` and
/// `-shm` files SQLite made and could not clean up are removed.
#[test]
fn a_completely_full_disk_is_reported_and_the_file_is_untouched() {
    let (dir, db, _) = filled();
    let before = std::fs::read(&db).unwrap();
    let Some((r, files, after)) = on_a_full_disk(dir.path(), &db, 0) else {
        return;
    };
    assert_refused(
        &r,
        "DISK/base.db: disk full, nothing was written. Free some space and repeat the last action; answers saved before are intact.\n",
    );
    assert!(after == before, "the database changed");
    assert_eq!(files, "base.db\nplein\n", "nothing left beside it");
}

/// A file-size limit (`ulimit -f`, EFBIG) is a full disk to the person; the file is untouched.
#[test]
fn a_file_size_limit_is_reported_and_the_file_is_untouched() {
    let (dir, db, _) = filled();
    let before = snapshot(dir.path());
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 64; exec \"$BIN\" --lang en --db \"$DB\" demo")
        .env("BIN", super::BIN)
        .env("DB", &db)
        .env_remove("DIAGASSO_DB")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "{}: disk full, nothing was written. Free some space and repeat the last action; answers saved before are intact.\n",
            db.display()
        )
    );
    assert_unchanged(&before, dir.path());
}

#[test]
fn garbage_in_the_wal_and_shm_files_is_ignored_and_nothing_is_lost() {
    let (dir, db, id) = filled();
    let listed = on_db(dir.path(), &db, &["list", "--json"]).stdout;
    let before = std::fs::read(&db).unwrap();
    let junk: Vec<u8> = (0..70_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    for side in ["-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(side);
        std::fs::write(PathBuf::from(p), &junk).unwrap();
    }
    let r = on_db(dir.path(), &db, &["list", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, listed, "the same audits");
    assert_eq!(on_db(dir.path(), &db, &["show", &id]).code, 0);
    assert!(
        std::fs::read(&db).unwrap() == before,
        "the database changed"
    );
}

/// Change the file behind the store's back, as a hand edit or another program would.
fn edit(db: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn a_stored_name_that_is_not_utf8_is_reported() {
    let (dir, db, id) = filled();
    edit(
        &db,
        "UPDATE associations SET name = CAST(X'4C6573FF20416D6973' AS TEXT)",
    );
    let before = snapshot(dir.path());
    assert_refused(
        &on_db(dir.path(), &db, &["list"]),
        &format!(
            "{}: unexpected SQLite error (invalid utf-8 sequence of 1 bytes from index 3 at index 2). Please report it with the command you ran; the file was not changed.\n",
            db.display()
        ),
    );
    assert_eq!(on_db(dir.path(), &db, &["show", &id]).code, 1);
    assert_unchanged(&before, dir.path());
}

#[test]
fn a_stored_answer_that_is_not_json_is_reported() {
    let (dir, db, id) = filled();
    edit(
        &db,
        "UPDATE answers SET value = '{pas du json' WHERE question_id = 'assoc_accounts'",
    );
    let before = snapshot(dir.path());
    assert_refused(
        &on_db(dir.path(), &db, &["show", &id]),
        &format!(
            "{}: unreadable stored data (answer to 'assoc_accounts': value {{pas du json: key must be a string at line 1 column 2). Was the file edited by hand or by a newer version? Update diagasso.\n",
            db.display()
        ),
    );
    // The list does not read values: it still works.
    assert_eq!(on_db(dir.path(), &db, &["list"]).code, 0);
    assert_unchanged(&before, dir.path());
}

/// The full check before writing finds the broken CHECK constraint; a reader meets the value
/// it cannot read.
#[test]
fn a_stored_status_outside_the_schema_is_reported_as_damage() {
    let (dir, db, _) = filled();
    edit(
        &db,
        "PRAGMA ignore_check_constraints = 1; UPDATE audits SET status = 'perdu';",
    );
    let before = snapshot(dir.path());
    assert_refused(
        &on_db(dir.path(), &db, &["demo"]),
        &format!(
            "{0}: damaged database (CHECK constraint failed in audits). Keep this file aside and start again from a backup; `sqlite3 {0} .recover` may save part of the data. The file was not changed.\n",
            db.display()
        ),
    );
    assert_unchanged(&before, dir.path());
    for args in [&["list"][..], &["list", "--json"]] {
        assert_refused(
            &on_db(dir.path(), &db, args),
            &format!(
                "{}: unreadable stored data (unknown audit status 'perdu'). Was the file edited by hand or by a newer version? Update diagasso.\n",
                db.display()
            ),
        );
        assert_unchanged(&before, dir.path());
    }
}

#[test]
fn a_stored_questionnaire_copy_that_no_longer_loads_is_reported() {
    let (dir, db, id) = filled();
    edit(&db, "UPDATE questionnaires SET source = 'id = [pas fini'");
    let before = snapshot(dir.path());
    let r = on_db(dir.path(), &db, &["show", &id]);
    assert_refused(
        &r,
        &format!(
            "the questionnaire copy kept with audit {id} no longer loads (<questionnaire of audit {id}>:1:15: invalid TOML: unclosed array, expected `]`. Fix the syntax at this place.). Please report it: the audit is unchanged.\n"
        ),
    );
    assert_unchanged(&before, dir.path());
}

/// An audit started on a questionnaire version this build does not ship (a newer file on
/// another laptop, or an older one since replaced) is read with the copy kept beside it.
#[test]
fn an_audit_on_an_unknown_questionnaire_version_shows_from_its_stored_copy() {
    use diagasso::audit::{Answer, Association, Value};
    use diagasso::questionnaire::{load_str, shipped};
    use diagasso::store::{NewAudit, Store};
    use std::collections::BTreeMap;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ancienne.db");
    let (_, text) = shipped::FILES[0];
    let text = text.replacen("version = 1\n", "version = 7\n", 1).replace(
        "Comment l’association est-elle organisée ?",
        "Comment votre association s’organise-t-elle (version 7) ?",
    );
    assert!(text.contains("version = 7\n") && text.contains("(version 7)"));
    let q = load_str("pratiques-numeriques.toml", &text).unwrap();
    let first = q.questions().next().unwrap().1;
    let answers = BTreeMap::from([(
        first.id.clone(),
        Answer::Given(Value::Choice(first.choices[0].id.clone())),
    )]);
    let id = {
        let mut store = Store::open(&db).unwrap();
        store
            .create_audit(&NewAudit {
                association: &Association {
                    name: "Les Amis d'hier".into(),
                    ..Association::default()
                },
                trainer: "Camille",
                questionnaire: &q,
                answers: &answers,
                notes: &BTreeMap::new(),
                note: "",
            })
            .unwrap()
            .audit_id
    };
    let before = snapshot(dir.path());
    let r = run_in(
        dir.path(),
        &[
            OsStr::new("--lang"),
            OsStr::new("fr"),
            OsStr::new("--db"),
            db.as_os_str(),
            OsStr::new("show"),
            OsStr::new(&id),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("(version 7)"),
        "labels of the stored copy:\n{}",
        r.stdout
    );
    let r = on_db(dir.path(), &db, &["show", &id, "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["questionnaire"]["version"], 7);
    assert_eq!(v["questionnaire"]["hash"], q.hash.as_str());
    assert_eq!(
        v["answers"][&first.id]["value"],
        first.choices[0].id.as_str()
    );
    let r = on_db(dir.path(), &db, &["list"]);
    assert!(r.stdout.contains("pratiques-numeriques v7"), "{}", r.stdout);
    let r = on_db(dir.path(), &db, &["plan", &id]);
    assert_eq!(r.code, 0, "the plan reads the stored copy: {}", r.stderr);
    assert_unchanged(&before, dir.path());
    let out = dir.path().join("exports");
    std::fs::create_dir(&out).unwrap();
    let r = run_in(
        dir.path(),
        &[
            OsStr::new("--lang"),
            OsStr::new("fr"),
            OsStr::new("--db"),
            db.as_os_str(),
            OsStr::new("export"),
            OsStr::new(&id),
            OsStr::new("--format"),
            OsStr::new("md"),
            OsStr::new("--out"),
            out.as_os_str(),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "the export reads the stored copy: {}", r.stderr);
    let md = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .next()
        .unwrap();
    assert!(md.contains("(version 7)"), "{md}");
}

#[test]
fn an_unknown_audit_id_is_reported() {
    let (dir, db, _) = filled();
    let before = snapshot(dir.path());
    assert_refused(
        &on_db(dir.path(), &db, &["show", "0193-inconnu"]),
        "no audit matches '0193-inconnu': give the number or the reference `diagasso list` shows, the start of the id, or the association's exact name.\n",
    );
    let long = "x".repeat(100_000);
    let r = on_db(dir.path(), &db, &["show", &long]);
    assert_refused(
        &r,
        &format!(
            "no audit matches '{}…': give the number or the reference `diagasso list` shows, the start of the id, or the association's exact name.\n",
            &long[..59]
        ),
    );
    assert_unchanged(&before, dir.path());
}

#[cfg(unix)]
#[test]
fn a_database_path_that_is_not_utf8_works() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(OsStr::from_bytes(b"base-\xff\xfe.db"));
    let id = demo_db(dir.path(), &db, 1);
    assert!(db.is_file());
    let r = run_in(
        dir.path(),
        &[
            OsStr::new("--db"),
            db.as_os_str(),
            OsStr::new("show"),
            OsStr::new(&id),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Through the environment too.
    let r = run_in(dir.path(), &["list"], &[("DIAGASSO_DB", db.as_os_str())]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(&id[id.len() - 8..]), "{}", r.stdout);
}
