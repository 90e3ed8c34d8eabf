//! The store commands through the real binary, each on a database in a temporary folder:
//! `new` (audit id on the last line; a bad file writes nothing, not even the database), `list`,
//! `show`, `erase` (confirmation), `demo`, the default path under `$XDG_DATA_HOME`,
//! `DIAGASSO_DB`, a fault's message and exit code, and several processes writing one file at
//! once.

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

/// The last line of standard output, which must be an audit id (a UUID v7).
fn last_id(o: &Output) -> String {
    assert!(o.status.success(), "failed: {}", stderr(o));
    let out = stdout(o);
    let last = out.lines().last().expect("some output").to_string();
    let uuid = uuid::Uuid::parse_str(&last).expect("last line is a UUID");
    assert_eq!(uuid.get_version_num(), 7);
    last
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "failed: {}", stderr(o));
    serde_json::from_str(&stdout(o)).expect("JSON output")
}

#[test]
fn new_list_show_erase() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data/diagasso.db");
    let audit = last_id(&run(&db, &["new", "--answers", MINIMAL]));
    let demo = last_id(&run(&db, &["demo"]));

    let list = json(&run(&db, &["list", "--json"]));
    let list = list.as_array().expect("array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], demo, "newest first");
    assert_eq!(list[1]["id"], audit);
    assert_eq!(list[1]["association"]["name"], "Amicale");
    assert_eq!(list[1]["questionnaire"]["id"], "pratiques-numeriques");
    assert_eq!(list[1]["answered"], 0);
    assert_eq!(list[1]["status"], "in_progress");
    assert!(list[0]["answered"].as_u64().unwrap() > 0);
    assert_eq!(list[0]["total"], list[1]["total"]);
    for key in [
        "id",
        "association",
        "questionnaire",
        "answered",
        "total",
        "status",
        "updated_at",
    ] {
        assert!(list[0].get(key).is_some(), "{key}");
    }
    let filtered = json(&run(&db, &["list", "--json", "--filter", "AMICALE"]));
    assert_eq!(filtered.as_array().unwrap().len(), 1);

    let table = stdout(&run(&db, &["list"]));
    assert!(table.starts_with("NO.  REF."), "{table}");
    assert!(
        table.contains("Amicale") && table.contains(&demo[demo.len() - 8..]),
        "{table}"
    );

    let shown = json(&run(&db, &["show", &demo, "--json"]));
    assert_eq!(shown["id"], demo);
    assert_eq!(
        shown["association"]["name"],
        "Les Jardins Partagés de la Croix-Rousse"
    );
    assert_eq!(shown["association"]["legal_form"], "association");
    assert_eq!(shown["questionnaire"]["version"], 1);
    let answers = shown["answers"].as_object().unwrap();
    assert_eq!(answers.len() as u64, shown["answered"].as_u64().unwrap());
    let one = answers.values().next().unwrap();
    assert!(one.get("state").is_some() && one.get("updated_at").is_some());
    let text = stdout(&run(&db, &["show", &demo]));
    assert!(
        text.starts_with(&format!("Audit {demo} · in progress")),
        "{text}"
    );
    assert!(text.contains("## "), "sections are titled: {text}");
    // Numbers as the documents write them (the demo's budget is 18000).
    assert!(text.contains("Annual budget: €18,000"), "{text}");
    let fr = bin::diagasso()
        .args(["--lang", "fr", "--db"])
        .arg(&db)
        .args(["show", &demo])
        .output()
        .unwrap();
    assert!(
        stdout(&fr).contains("Budget annuel\u{a0}: 18\u{202f}000\u{a0}€"),
        "{}",
        stdout(&fr)
    );

    let association = shown["association"]["id"].as_str().unwrap().to_string();
    // No --yes and no terminal: refused, nothing erased.
    let o = run(&db, &["erase", &association]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not confirmed: input is not a terminal. Add --yes to confirm."));
    assert_eq!(
        json(&run(&db, &["list", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let o = run(&db, &["erase", &association, "--yes"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .starts_with("Erased: 'Les Jardins Partagés de la Croix-Rousse' with 1\u{a0}audit, ")
    );
    let list = json(&run(&db, &["list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
    // --json: what was erased, counted, for the association's records.
    let other = list[0]["association"]["id"].as_str().unwrap().to_string();
    let erased = json(&run(&db, &["erase", &other, "--yes", "--json"]));
    assert_eq!(erased["association"], other.as_str());
    assert_eq!(erased["audits"], 1);
    assert!(erased["answers"].is_u64() && erased["trail_entries"].is_u64());
    assert_eq!(erased["scrubbed"], true);
    let o = run(&db, &["erase", &association, "--yes"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with(&format!("no association matches '{association}'")));
    let o = run(&db, &["show", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "no audit matches 'nope': give the number or the reference `diagasso list` shows, the start of the id, or the association's exact name.\n"
    );
}

#[test]
fn a_bad_answers_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.db");
    let o = run(
        &db,
        &["new", "--answers", "tests/fixtures/answers/several.toml"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    // Checked against the shipped questionnaire, which has no 'essai' version.
    assert!(
        err.contains("several.toml:2:17: questionnaire = \"essai\": unknown questionnaire 'essai'"),
        "{err}"
    );
    assert!(
        err.contains("several.toml:6:14: legal_form = \"ONG\""),
        "{err}"
    );
    assert!(err.ends_with("problems, nothing was saved.\n"), "{err}");
    assert!(stdout(&o).is_empty());
    assert!(!db.exists(), "no database created for a bad file");
    let o = run(
        &db,
        &[
            "new",
            "--answers",
            "tests/fixtures/answers/several.toml",
            "--json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["problems"][0]["line"], 2);
    let o = run(&db, &["new", "--answers", "no/such/file.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("no/such/file.toml: cannot read ("));
}

#[test]
fn new_with_json_reports_the_ids() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("j.db");
    let o = json(&run(&db, &["new", "--answers", MINIMAL, "--json"]));
    assert_eq!(o["ok"], true);
    assert_eq!(o["association"]["name"], "Amicale");
    let audit = o["audit"].as_str().unwrap();
    assert_eq!(json(&run(&db, &["show", audit, "--json"]))["id"], audit);
}

#[test]
fn a_fault_is_a_message_and_exit_code_1_with_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "pas une base\n").unwrap();
    for args in [
        &["list"][..],
        &["demo"],
        &["show", "x"],
        &["erase", "x", "--yes"],
    ] {
        let o = run(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&o),
            format!(
                "{}: this file is not a diagasso database (not even SQLite). Check the path given to --db; the file was not changed.\n",
                db.display()
            )
        );
    }
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "pas une base\n");
    let o = bin::diagasso()
        .args(["--lang", "fr", "--db"])
        .arg(&db)
        .arg("list")
        .output()
        .unwrap();
    assert!(stderr(&o).contains("ce fichier n'est pas une base diagasso"));
}

#[test]
fn the_default_database_lives_in_the_xdg_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let o = bin::diagasso()
        .args(["--lang", "en", "demo"])
        .env_remove("DIAGASSO_DB")
        .env("XDG_DATA_HOME", dir.path())
        .env("HOME", dir.path())
        .output()
        .unwrap();
    last_id(&o);
    assert!(dir.path().join("diagasso/diagasso.db").is_file());
    // DIAGASSO_DB wins over the default.
    let other = dir.path().join("env.db");
    let o = bin::diagasso()
        .args(["--lang", "en", "demo"])
        .env("DIAGASSO_DB", &other)
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .unwrap();
    last_id(&o);
    assert!(other.is_file());
}

/// Several processes adding audits to one file at the same time: all land, none is lost, the
/// file stays sound.
#[test]
fn processes_writing_one_file_at_once_never_corrupt_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    // The file does not exist yet: the racers also race on creating and migrating it.
    let children: Vec<_> = (0..6)
        .map(|_| {
            bin::diagasso()
                .args(["--lang", "en", "--db"])
                .arg(&db)
                .arg("demo")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ids = Vec::new();
    for child in children {
        ids.push(last_id(&child.wait_with_output().unwrap()));
    }
    let list = json(&run(&db, &["list", "--json"]));
    let listed: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed.len(), 6);
    for id in &ids {
        assert!(listed.contains(&id.as_str()), "{id} lost");
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}
