//! What `--db` names (issue 12, points 10 and 16): a plain path, never an SQLite URI; a loop
//! of links, a file used as a folder, a link to nothing, a device and a pipe are each named for
//! what they are, in French and English, and nothing is created.

#[path = "common/bin.rs"]
mod bin;

use std::path::Path;

use diagasso::store::{PathProblem, Store, StoreError};

fn diagasso(dir: &Path, db: &str, lang: &str, args: &[&str]) -> (bool, String) {
    let o = bin::diagasso()
        .current_dir(dir)
        .args(["--lang", lang, "--db", db])
        .args(args)
        .env_remove("DIAGASSO_DB")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.success(), text)
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_db_path_that_looks_like_an_sqlite_uri_is_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let name = "file:x.db?mode=memory";
    let (ok, text) = diagasso(dir.path(), name, "fr", &["demo"]);
    assert!(ok, "{text}");
    // The audit is in the file of that very name (not in memory, not in `x.db`).
    let (ok, text) = diagasso(dir.path(), name, "en", &["list"]);
    assert!(ok && text.contains("Les Jardins"), "{text}");
    assert!(dir.path().join(name).is_file());
    assert!(
        names(dir.path()).iter().all(|n| n.starts_with(name)),
        "no other file: {:?}",
        names(dir.path())
    );
}

#[cfg(unix)]
#[test]
fn paths_that_cannot_lead_to_a_file_are_named_for_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::os::unix::fs::symlink("boucle-b", d.join("boucle-a")).unwrap();
    std::os::unix::fs::symlink("boucle-a", d.join("boucle-b")).unwrap();
    std::fs::write(d.join("fichier"), "x").unwrap();
    std::os::unix::fs::symlink("ailleurs/base.db", d.join("lien.db")).unwrap();
    let fifo = std::ffi::CString::new(d.join("tube.db").to_str().unwrap()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates the node.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let before = names(d);
    let cases: [(&str, PathProblem, &str, &str); 6] = [
        (
            "boucle-a",
            PathProblem::LinkLoop,
            "boucle de liens symboliques",
            "a loop of symbolic links",
        ),
        (
            "fichier/base.db",
            PathProblem::ThroughFile(d.join("fichier")),
            "fichier est un fichier, pas un dossier",
            "fichier is a file, not a folder",
        ),
        (
            "fichier/sous/base.db",
            PathProblem::ThroughFile(d.join("fichier")),
            "fichier est un fichier, pas un dossier",
            "fichier is a file, not a folder",
        ),
        (
            "lien.db",
            PathProblem::Dangling("ailleurs/base.db".into()),
            "lien symbolique vers ailleurs/base.db, qui n'existe pas",
            "a symbolic link to ailleurs/base.db, which does not exist",
        ),
        (
            "tube.db",
            PathProblem::Special("un tube nommé (FIFO)", "a named pipe (FIFO)"),
            "pas un fichier ordinaire mais un tube nommé",
            "not a regular file but a named pipe",
        ),
        (
            "/dev/full",
            PathProblem::Special("un périphérique", "a device"),
            "pas un fichier ordinaire mais un périphérique",
            "not a regular file but a device",
        ),
    ];
    for (path, problem, fr, en) in cases {
        let full = d.join(path);
        match Store::open(&full).err() {
            Some(StoreError::BadPath { problem: p, .. }) => assert_eq!(p, problem, "{path}"),
            other => panic!("{path}: {other:?}"),
        }
        for (lang, want) in [("fr", fr), ("en", en)] {
            let (ok, text) = diagasso(d, &full.display().to_string(), lang, &["list"]);
            assert!(!ok, "{path} refused");
            assert!(text.contains(want), "{path} ({lang}): {text}");
            for wrong in ["USB", "clé", "File exists", "read-only", "lecture seule"] {
                assert!(!text.contains(wrong), "{path} ({lang}): {text}");
            }
        }
    }
    assert_eq!(names(d), before, "nothing was created");
}
