//! Hostile bundles given to `diagasso bundle import`, beside those of `tests/bundle.rs`
//! (truncated, foreign, tampered, newer, inconsistent): one that is not UTF-8, through the
//! binary, and one carrying a megabyte of note, which must arrive whole.

use std::ffi::OsStr;

use super::{assert_refused, assert_unchanged, demo_db, on_db, run_in, snapshot};

#[test]
fn a_bundle_that_is_not_utf8_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    demo_db(dir.path(), &db, 1);
    let f = dir.path().join("latin1.diagasso.json");
    std::fs::write(
        &f,
        b"{\"format\": \"diagasso-bundle\", \"name\": \"caf\xe9\"}",
    )
    .unwrap();
    let before = snapshot(dir.path());
    let r = on_db(dir.path(), &db, &["bundle", "import", f.to_str().unwrap()]);
    assert_refused(
        &r,
        &format!(
            "{}: bundle refused, nothing of it was written: not a diagasso bundle (not UTF-8 text)\n",
            f.display()
        ),
    );
    assert_unchanged(&before, dir.path());
}

#[test]
fn a_megabyte_note_travels_whole_in_a_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("depart.db");
    let to = dir.path().join("arrivee.db");
    let note = "Compte rendu de l'atelier, mot pour mot. ".repeat(26_000);
    let answers = dir.path().join("note.toml");
    std::fs::write(
        &answers,
        format!("note = \"{note}\"\n[association]\nname = \"Les Amis\"\n"),
    )
    .unwrap();
    let r = run_in(
        dir.path(),
        &[
            OsStr::new("--db"),
            from.as_os_str(),
            OsStr::new("new"),
            OsStr::new("--answers"),
            answers.as_os_str(),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id = r.stdout.lines().last().unwrap().to_string();
    let f = dir.path().join("paquet.diagasso.json");
    let r = on_db(
        dir.path(),
        &from,
        &["bundle", "export", "--all", f.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = on_db(dir.path(), &to, &["bundle", "import", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value =
        serde_json::from_str(&on_db(dir.path(), &to, &["show", &id, "--json"]).stdout).unwrap();
    assert_eq!(v["note"], note.trim());
}
