//! The workshop commands through the real binary: new (id on the last line), add (an answers
//! file, an existing audit; a bad file writes nothing), list, show --json, export html and csv
//! (never replacing a file without --force), pool and annonce.

#[path = "common/bin.rs"]
mod bin;

use std::path::Path;
use std::process::{Output, Stdio};

fn run(db: &Path, args: &[&str]) -> Output {
    bin::diagasso()
        .args(["--lang", "fr", "--db"])
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .env_remove("DIAGASSO_DB")
        .env("DIAGASSO_CATALOG", "/nonexistent/diagasso-catalogue.toml")
        .output()
        .expect("binary runs")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn last(o: &Output) -> String {
    ok(o).lines().last().unwrap_or_default().to_string()
}

fn answers(dir: &Path, name: &str, postcode: &str) -> String {
    let path = dir.join(format!("{postcode}-{}.toml", name.len()));
    std::fs::write(
        &path,
        format!(
            "questionnaire = \"atelier-express\"\n[association]\nname = \"{name}\"\ncountry = \"FR\"\npostcode = \"{postcode}\"\nactivity = \"Atelier de {name}\"\n[answers]\nmail_tools = [\"gmail\"]\nchat_tools = [\"whatsapp\"]\n"
        ),
    )
    .unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn a_workshop_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let w = last(&run(
        &db,
        &[
            "workshop",
            "new",
            "--name",
            "Atelier de Rennes",
            "--date",
            "2026-03-14",
            "--place",
            "Rennes",
        ],
    ));
    assert!(uuid::Uuid::parse_str(&w).is_ok());
    let bad = run(
        &db,
        &["workshop", "new", "--name", "x", "--date", "14 mars"],
    );
    assert!(!bad.status.success());

    for name in ["Vélo", "Jardin", "Chorale"] {
        let file = answers(dir.path(), name, "35000");
        ok(&run(
            &db,
            &["workshop", "add", "atelier de rennes", "--answers", &file],
        ));
    }
    let broken = dir.path().join("broken.toml");
    std::fs::write(
        &broken,
        "[association]\nname = \"X\"\n[answers]\nmail_tools = [\"pigeon\"]\n",
    )
    .unwrap();
    let o = run(
        &db,
        &["workshop", "add", &w, "--answers", broken.to_str().unwrap()],
    );
    assert!(!o.status.success());
    let demo = last(&run(&db, &["demo"]));
    ok(&run(&db, &["workshop", "add", &w[..8], "--audit", &demo]));
    let again = ok(&run(&db, &["workshop", "add", &w, "--audit", &demo]));
    assert!(again.contains("déjà"), "{again}");

    let list = ok(&run(&db, &["workshop", "list"]));
    assert!(
        list.contains("Atelier de Rennes") && list.contains("4\u{a0}audits"),
        "{list}"
    );
    let show: serde_json::Value =
        serde_json::from_str(&ok(&run(&db, &["workshop", "show", &w, "--json"]))).unwrap();
    assert_eq!(show["dashboard"]["associations"], 4);
    assert_eq!(show["dashboard"]["progress"].as_array().unwrap().len(), 4);
    let text = ok(&run(&db, &["workshop", "show", &w]));
    assert!(
        text.contains("Outils utilisés") && text.contains("Gmail"),
        "{text}"
    );

    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let written = ok(&run(
        &db,
        &[
            "workshop",
            "export",
            &w,
            "--format",
            "html,csv",
            "--out",
            out.to_str().unwrap(),
            "--anonymise",
        ],
    ));
    let files: Vec<&str> = written.lines().collect();
    assert_eq!(files.len(), 2, "{written}");
    let html = std::fs::read_to_string(files[0]).unwrap();
    assert!(html.contains("<svg") && !html.contains("Vélo") && html.contains("Association 1"));
    // In French, as an audit's CSV: `;` and a BOM, so that a spreadsheet opens it right.
    let csv = std::fs::read_to_string(files[1]).unwrap();
    assert!(csv.starts_with("\u{feff}section;id;label"), "{csv}");
    assert!(csv.contains("tool;gmail;Gmail;4;non"), "{csv}");
    let o = run(
        &db,
        &[
            "workshop",
            "export",
            &w,
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success(), "no overwrite without --force");

    let pool = ok(&run(&db, &["workshop", "pool", &w]));
    assert!(
        pool.contains("email@dep-35") && pool.contains("3 associations"),
        "{pool}"
    );
    assert!(
        pool.contains(&format!(
            "diagasso workshop annonce --workshop {w} email@dep-35"
        )),
        "{pool}"
    );
    let annonce = ok(&run(
        &db,
        &["workshop", "annonce", "--workshop", &w, "email@dep-35"],
    ));
    assert!(
        annonce.contains("3\u{a0}associations, département 35"),
        "{annonce}"
    );
    assert!(!annonce.contains("Chorale\""), "{annonce}");
    let unknown = run(
        &db,
        &["workshop", "annonce", "--workshop", &w, "nothing@nowhere"],
    );
    assert!(!unknown.status.success());
    let all: serde_json::Value =
        serde_json::from_str(&ok(&run(&db, &["workshop", "pool", "--all", "--json"]))).unwrap();
    assert!(
        all["groups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["id"] == "email@dep-35")
    );
}
