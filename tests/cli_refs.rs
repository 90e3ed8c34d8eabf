//! Short references through the real binary, each on a database in a temporary folder: the
//! number `list` shows, a unique start or end of an id, an exact name (case and accents
//! ignored), an ambiguous start (two audits made the same minute) listing both candidates, an
//! unknown key; and the CLI's edges: a reading command on a missing database creates nothing,
//! `list --filter` without a match says so, `export --out -`.

#[path = "common/bin.rs"]
mod bin;

use std::path::Path;
use std::process::{Output, Stdio};

const MINIMAL: &str = "tests/fixtures/answers/minimal.toml";

fn run(db: &Path, args: &[&str]) -> Output {
    bin::diagasso()
        .arg("--lang")
        .arg("en")
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .env_remove("DIAGASSO_DB")
        .output()
        .expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn last_id(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}", stderr(o));
    stdout(o).lines().last().expect("an id").to_string()
}

fn shown_id(db: &Path, key: &str) -> Result<String, String> {
    let o = run(db, &["show", key, "--json"]);
    if !o.status.success() {
        return Err(stderr(&o));
    }
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    Ok(v["id"].as_str().expect("id").to_string())
}

/// Two audits made one after the other (so in the same minute, sharing a start), and the
/// demonstration audit.
fn three(db: &Path) -> (String, String, String) {
    let a = last_id(&run(db, &["new", "--answers", MINIMAL]));
    let b = last_id(&run(db, &["new", "--answers", MINIMAL]));
    let demo = last_id(&run(db, &["demo"]));
    (a, b, demo)
}

#[test]
fn numbers_follow_creation_and_stay_when_an_audit_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let (a, b, demo) = three(&db);
    assert_eq!(shown_id(&db, "1").unwrap(), a);
    assert_eq!(shown_id(&db, "2").unwrap(), b);
    assert_eq!(shown_id(&db, "3").unwrap(), demo);
    // A follow-up of audit 1 is a new audit, listed first (last changed first) with number 4;
    // the others keep theirs.
    let o = run(&db, &["followup", "start", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&run(&db, &["list", "--json"]))).unwrap();
    let numbers: Vec<(String, u64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["id"].as_str().unwrap().to_string(),
                v["number"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(list[0]["number"], 4);
    for (id, n) in [(&a, 1), (&b, 2), (&demo, 3)] {
        assert!(numbers.contains(&(id.clone(), n)), "{numbers:?}");
    }
    assert_eq!(shown_id(&db, "1").unwrap(), a, "still number 1");
    // The table shows the number and the reference a person types.
    let table = stdout(&run(&db, &["list"]));
    assert!(table.starts_with("NO."), "{table}");
    let reference = list[0]["ref"].as_str().unwrap();
    assert!(reference.len() >= 8 && table.contains(reference), "{table}");
    assert_eq!(
        shown_id(&db, reference).unwrap(),
        list[0]["id"].as_str().unwrap()
    );
}

#[test]
fn a_start_two_audits_share_is_refused_with_both_listed_and_a_longer_one_found() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let (a, b, demo) = three(&db);
    let common: String = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect();
    assert!(
        common.len() >= 8,
        "UUID v7 made together share a start: {a} {b}"
    );
    let err = shown_id(&db, &common[..8]).unwrap_err();
    assert!(err.contains("matches several audits"), "{err}");
    assert!(
        err.contains("  1 · ref. ") && err.contains("  2 · ref. "),
        "{err}"
    );
    assert_eq!(err.matches("Amicale").count(), 2, "{err}");
    // The end of an id, or a start long enough, names one.
    assert_eq!(shown_id(&db, &a[a.len() - 8..]).unwrap(), a);
    // The demo was made in the same moment too: b's start must differ from both.
    let shared = |x: &str| x.chars().zip(b.chars()).take_while(|(p, q)| p == q).count();
    let unique = shared(&a).max(shared(&demo)) + 1;
    assert_eq!(shown_id(&db, &b[..unique]).unwrap(), b);
    assert_eq!(shown_id(&db, &b.to_uppercase()).unwrap(), b);
}

#[test]
fn exact_names_ignore_case_and_accents_and_unknown_keys_say_what_to_type() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let (_, _, demo) = three(&db);
    assert_eq!(
        shown_id(&db, "les jardins partages de la CROIX-ROUSSE").unwrap(),
        demo
    );
    // Two audits of associations named Amicale: ambiguous by name.
    let err = shown_id(&db, "amicale").unwrap_err();
    assert!(err.contains("'amicale' matches several audits"), "{err}");
    // An association by name, for the commands that take one.
    let o = run(
        &db,
        &["erase", "Les Jardins Partagés de la Croix-Rousse", "--yes"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(shown_id(&db, "3").is_err(), "erased");
    let err = shown_id(&db, "personne").unwrap_err();
    assert_eq!(
        err,
        "no audit matches 'personne': give the number or the reference `diagasso list` shows, the start of the id, or the association's exact name.\n"
    );
    let o = bin::diagasso()
        .args(["--lang", "fr", "--db"])
        .arg(&db)
        .args(["plan", "personne"])
        .output()
        .unwrap();
    assert!(
        stderr(&o).starts_with("aucun audit ne correspond à «\u{a0}personne\u{a0}»\u{a0}: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn reading_commands_on_a_missing_database_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let o = run(&db, &["list"]);
    assert!(o.status.success());
    assert!(
        stdout(&o).starts_with("No database yet at "),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("diagasso demo"));
    assert_eq!(stdout(&run(&db, &["list", "--json"])).trim(), "[]");
    for args in [
        &["show", "1"][..],
        &["plan", "1"],
        &["export", "1", "--format", "md", "--out", "-"],
        &["workshop", "list"],
        &["erase", "1", "--yes"],
    ] {
        let o = run(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).starts_with("No database yet at "), "{args:?}");
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing created"
    );
}

#[test]
fn a_filter_without_a_match_is_not_an_empty_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    last_id(&run(&db, &["demo"]));
    let o = run(&db, &["list", "--filter", "zzz"]);
    assert!(o.status.success());
    assert!(
        stdout(&o).starts_with("No association matches 'zzz'"),
        "{}",
        stdout(&o)
    );
    let o = bin::diagasso()
        .args(["--lang", "fr", "--db"])
        .arg(&db)
        .args(["list", "--filter", "zzz"])
        .output()
        .unwrap();
    assert!(stdout(&o).starts_with("Aucune association ne correspond à «\u{a0}zzz\u{a0}»"));
    let empty = dir.path().join("e.db");
    last_id(&run(&empty, &["new", "--answers", MINIMAL]));
    run(&empty, &["erase", "Amicale", "--yes"]);
    assert!(stdout(&run(&empty, &["list"])).starts_with("No audit in "));
}

#[test]
fn out_dash_is_standard_output_for_one_file_and_refused_for_several() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    last_id(&run(&db, &["demo"]));
    let o = bin::diagasso()
        .args(["--lang", "en", "--db"])
        .arg(&db)
        .args(["export", "1", "--format", "md", "--out", "-"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("# "), "{}", stdout(&o));
    assert!(stdout(&o).contains("Croix-Rousse"));
    let o = bin::diagasso()
        .args(["--lang", "en", "--db"])
        .arg(&db)
        .args(["export", "1", "--format", "md,html", "--out", "-"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("--out - (standard output) takes one file"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("-").exists(), "no folder named -");
}
