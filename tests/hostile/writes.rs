//! Files written (issue 12, points 5, 6 and 7): a symbolic link planted under the name of an
//! export, a comparison, a workshop dashboard or a bundle is refused without `--force`, and
//! replaced — never followed — with it, its target untouched; a full disk leaves nothing under
//! the final name (nor a temporary beside it) and says "disk full"; files with personal data
//! are created 0600, the data folder 0700 whoever creates it.

use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::{demo_db, on_db};

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// The process's umask (what a file created 0666 ends with), from /proc.
fn umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Umask:"))
                .and_then(|l| u32::from_str_radix(l.split_whitespace().nth(1)?, 8).ok())
        })
        .unwrap_or(0o022)
}

/// Names `args` would write into a fresh folder, each file's name.
fn names_written(home: &Path, db: &Path, args: &[&str]) -> Vec<String> {
    let scratch = home.join("scratch");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir(&scratch).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--out", scratch.to_str().unwrap()]);
    let r = on_db(home, db, &all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut names: Vec<String> = std::fs::read_dir(&scratch)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Plant, in `out`, a link under each of `names` to a file outside it; the outside files.
fn plant_links(home: &Path, out: &Path, names: &[String]) -> Vec<PathBuf> {
    std::fs::create_dir_all(out).unwrap();
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let outside = home.join(format!("precieux-{i}.txt"));
            std::fs::write(&outside, "à ne pas écraser").unwrap();
            std::os::unix::fs::symlink(&outside, out.join(name)).unwrap();
            outside
        })
        .collect()
}

#[track_caller]
fn untouched(outside: &[PathBuf]) {
    for f in outside {
        assert_eq!(std::fs::read_to_string(f).unwrap(), "à ne pas écraser");
    }
}

/// Each writer with `--force`: planted links refused without it, replaced with it.
#[test]
fn a_planted_link_is_refused_then_replaced_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("base.db");
    let audit = demo_db(home, &db, 1);
    let r = on_db(
        home,
        &db,
        &[
            "workshop",
            "new",
            "--name",
            "Atelier",
            "--date",
            "2026-03-14",
        ],
    );
    let workshop = r.stdout.lines().last().unwrap().to_string();
    on_db(
        home,
        &db,
        &["workshop", "add", &workshop, "--audit", &audit],
    );
    let cases: Vec<Vec<&str>> = vec![
        vec!["export", &audit, "--format", "md,html,json,csv,annonce"],
        vec!["compare", &audit, &audit, "--format", "md,html"],
        vec!["workshop", "export", &workshop, "--format", "html,csv"],
    ];
    for (k, args) in cases.iter().enumerate() {
        let names = names_written(home, &db, args);
        assert!(!names.is_empty());
        let out = home.join(format!("sortie-{k}"));
        let outside = plant_links(home, &out, &names);
        let mut run: Vec<&str> = args.clone();
        run.extend(["--out", out.to_str().unwrap()]);
        let r = on_db(home, &db, &run);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stdout);
        assert!(
            r.stderr
                .contains("already exists; nothing was replaced (add --force"),
            "{}",
            r.stderr
        );
        untouched(&outside);
        run.push("--force");
        let r = on_db(home, &db, &run);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        untouched(&outside);
        for name in &names {
            let p = out.join(name);
            let meta = std::fs::symlink_metadata(&p).unwrap();
            assert!(meta.is_file(), "{name} is still a link");
            assert_ne!(std::fs::read(&p).unwrap(), "à ne pas écraser".as_bytes());
        }
        // Nothing but the files: no temporary left.
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), names.len());
    }
    // A bundle, the same way.
    let out = home.join("paquets");
    let name = "equipe.diagasso.json".to_string();
    let outside = plant_links(home, &out, std::slice::from_ref(&name));
    let target = out.join(&name);
    let r = on_db(
        home,
        &db,
        &["bundle", "export", "--all", target.to_str().unwrap()],
    );
    assert_eq!(r.code, 1);
    untouched(&outside);
    let r = on_db(
        home,
        &db,
        &[
            "bundle",
            "export",
            "--all",
            target.to_str().unwrap(),
            "--force",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    untouched(&outside);
    assert!(std::fs::symlink_metadata(&target).unwrap().is_file());
}

#[test]
fn private_files_are_0600_the_others_follow_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("base.db");
    let audit = demo_db(home, &db, 1);
    let out = home.join("sortie");
    let r = on_db(
        home,
        &db,
        &[
            "export",
            &audit,
            "--format",
            "md,json,csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in r.stdout.lines() {
        assert_eq!(mode(Path::new(line)), 0o600, "{line}");
    }
    let anon = home.join("anonyme");
    let r = on_db(
        home,
        &db,
        &[
            "export",
            &audit,
            "--format",
            "md,json",
            "--anonymise",
            "--out",
            anon.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in r.stdout.lines() {
        assert_eq!(mode(Path::new(line)), 0o666 & !umask(), "{line}");
    }
    let bundle = home.join("b.diagasso.json");
    let r = on_db(
        home,
        &db,
        &["bundle", "export", "--all", bundle.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(mode(&bundle), 0o600);
    let r = on_db(
        home,
        &db,
        &[
            "export",
            "--all",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(mode(&out.join("diagnostics.csv")), 0o600);
}

#[test]
fn the_data_folder_is_0700_whoever_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let f = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/chatonsinfos/chaton-exemple.properties");
    // No DIAGASSO_CATALOG: the user catalogue goes to the data folder, created here.
    let r = super::run_in(
        home,
        &[
            OsStr::new("catalog"),
            OsStr::new("import"),
            f.as_os_str(),
            OsStr::new("--yes"),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(home.join("data/diagasso/catalogue.toml").is_file());
    assert_eq!(mode(&home.join("data/diagasso")), 0o700);
    assert_eq!(mode(&home.join("data")), 0o700);
    // The database, first, creates it the same way.
    let other = tempfile::tempdir().unwrap();
    let r = super::run_in(other.path(), &["demo"], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(mode(&other.path().join("data/diagasso")), 0o700);
    assert_eq!(mode(&other.path().join("data/diagasso/diagasso.db")), 0o600);
}

#[test]
fn out_on_a_device_is_not_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let audit = demo_db(dir.path(), &db, 1);
    let r = on_db(
        dir.path(),
        &db,
        &["export", &audit, "--format", "md", "--out", "/dev/full"],
    );
    super::assert_refused(
        &r,
        "/dev/full is not a folder: give --out a folder (it is created when missing)\n",
    );
}

/// A named pipe at `path` (`mkfifo`).
fn fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[track_caller]
fn still_a_fifo(path: &Path) {
    use std::os::unix::fs::FileTypeExt;
    let t = std::fs::symlink_metadata(path).unwrap().file_type();
    assert!(t.is_fifo(), "{} is no longer a pipe: {t:?}", path.display());
}

/// A device or a named pipe under the name of a bundle or an export: said for what it is
/// (not "already exists"), never written to nor replaced, even with `--force` (run as root,
/// `--force` used to rename a file over `/dev/full`). With `--force` the case is a pipe made
/// in a temporary folder, never a device of the machine.
#[test]
fn a_device_or_a_pipe_under_the_name_is_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let audit = demo_db(dir.path(), &db, 1);
    if std::fs::symlink_metadata("/dev/full").is_ok_and(|m| m.file_type().is_char_device()) {
        let r = on_db(dir.path(), &db, &["bundle", "export", "--all", "/dev/full"]);
        super::assert_refused(
            &r,
            "/dev/full is a device, not a file: nothing was written to it or replaced. Choose another file name.\n",
        );
        let t = std::fs::symlink_metadata("/dev/full").unwrap().file_type();
        assert!(t.is_char_device(), "/dev/full: {t:?}");
    }
    let pipe = dir.path().join("tout.diagasso.json");
    fifo(&pipe);
    for force in [false, true] {
        let mut args = vec!["bundle", "export", "--all", pipe.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        let r = on_db(dir.path(), &db, &args);
        super::assert_refused(
            &r,
            &format!(
                "{} is a named pipe (FIFO), not a file: nothing was written to it or replaced. Choose another file name.\n",
                pipe.display()
            ),
        );
        still_a_fifo(&pipe);
    }
    // An export whose file name is taken by a pipe: refused before any file is written.
    let names = names_written(dir.path(), &db, &["export", &audit, "--format", "md,csv"]);
    assert!(names.len() >= 2, "{names:?}");
    let out = dir.path().join("sortie");
    std::fs::create_dir(&out).unwrap();
    let piped = out.join(&names[names.len() - 1]);
    fifo(&piped);
    for force in [false, true] {
        let o = out.to_str().unwrap();
        let mut args = vec!["export", &audit, "--format", "md,csv", "--out", o];
        if force {
            args.push("--force");
        }
        let r = on_db(dir.path(), &db, &args);
        assert_ne!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stderr.contains("is a named pipe (FIFO), not a file"),
            "{}",
            r.stderr
        );
        still_a_fifo(&piped);
        let left: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
        assert_eq!(left.len(), 1, "nothing else written: {left:?}");
    }
}

/// Run `diagasso ARGS` (with `--db DB`) writing into a `size_kb` tmpfs nearly full, in a
/// private mount namespace (`unshare -rm`); `DISK` in `args` is the tmpfs. Returns (exit code,
/// stderr, what is left in the tmpfs), or `None` where user namespaces are not available.
fn on_a_full_disk(dir: &Path, db: &Path, args: &[&str]) -> Option<(i32, String, String)> {
    let ok = Command::new("unshare")
        .args(["-rm", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("NOTICE: unshare -rm is not available here; full-disk case skipped");
        return None;
    }
    std::fs::create_dir_all(dir).unwrap();
    let mnt = dir.join("disque");
    std::fs::create_dir(&mnt).unwrap();
    let out = dir.join("resultat");
    std::fs::create_dir(&out).unwrap();
    let quoted: Vec<String> = args
        .iter()
        .map(|a| format!("\"{}\"", a.replace("DISK", "$M")))
        .collect();
    let script = format!(
        r#"set -e
mount -t tmpfs -o size=64k tmpfs "$M"
dd if=/dev/zero of="$M/plein" bs=1k count=40 2>/dev/null || true
set +e
"$BIN" --lang en --db "$DB" {} > "$O/stdout" 2> "$O/stderr"
echo $? > "$O/rc"
rm -f "$M/plein"
ls -A "$M" > "$O/files"
"#,
        quoted.join(" ")
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
    Some((
        read("rc").trim().parse().unwrap(),
        read("stderr").replace(&mnt.display().to_string(), "DISK"),
        read("files"),
    ))
}

#[test]
fn a_full_disk_leaves_nothing_under_the_final_name_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let audit = demo_db(dir.path(), &db, 1);
    // The PDF alone is larger than the room left.
    let Some((code, stderr, files)) = on_a_full_disk(
        dir.path(),
        &db,
        &["export", &audit, "--format", "pdf", "--out", "DISK"],
    ) else {
        return;
    };
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("disk full, the file was not written (nothing was left under that name)"),
        "{stderr}"
    );
    assert_eq!(files, "", "nothing left on the disk");
    let Some((code, stderr, files)) = on_a_full_disk(
        &dir.path().join("b"),
        &db,
        &["bundle", "export", "--all", "DISK/equipe.diagasso.json"],
    ) else {
        return;
    };
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("disk full"), "{stderr}");
    assert_eq!(files, "");
    let Some((code, stderr, files)) = on_a_full_disk(
        &dir.path().join("c"),
        &db,
        &["export", "--all", "--format", "csv", "--out", "DISK"],
    ) else {
        return;
    };
    // One demo audit's CSV fits in the room left: then it is whole.
    if code == 0 {
        assert_eq!(files, "diagnostics.csv\n");
    } else {
        assert!(stderr.contains("disk full"), "{stderr}");
        assert_eq!(files, "");
    }
}
