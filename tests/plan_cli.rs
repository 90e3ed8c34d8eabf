//! `diagasso plan` end to end: from an answers file with no database, and from an audit in a
//! database; text and JSON; exit codes and messages on errors.

#[path = "common/bin.rs"]
mod bin;

mod plan_common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use diagasso::questionnaire::shipped;
use diagasso::store::{NewAudit, Store};

/// The binary, with no user catalogue (a path that does not exist) whatever the machine has.
fn bin() -> Command {
    let mut c = bin::diagasso();
    c.env(
        "DIAGASSO_CATALOG",
        std::env::temp_dir().join("diagasso-plan-tests-no-catalogue.toml"),
    );
    c
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plans")
        .join(format!("{name}.toml"))
        .display()
        .to_string()
}

#[test]
fn plan_of_an_answers_file_as_text_and_json() {
    let out = bin()
        .args([
            "--lang",
            "fr",
            "plan",
            "--answers",
            &fixture("mail-et-site"),
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for part in [
        "== Synthèse ==",
        "Frama.space : éligible a priori",
        "== Feuille de route ==",
        "Framasoft examine chaque demande",
    ] {
        assert!(text.contains(part), "missing {part}:\n{text}");
    }
    let out = bin()
        .args(["plan", "--json", "--answers", &fixture("federation-400")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["framaspace"]["eligible"], "no");
    assert_eq!(json["version"], 2);
}

#[test]
fn why_shows_the_rules_and_answers() {
    let out = bin()
        .args([
            "--lang",
            "en",
            "plan",
            "--why",
            "--answers",
            &fixture("donnees-sante"),
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Why:"), "{text}");
    assert!(
        text.contains("Health data needs a certified host (HDS)"),
        "{text}"
    );
}

#[test]
fn plan_of_a_stored_audit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("d.db");
    let qs = shipped::all().expect("questionnaires");
    let (mut loaded, q) = plan_common::load(Path::new(&fixture("petite-asso-benevole")), &qs);
    loaded.association.id = String::new(); // the store gives the id
    let answers: BTreeMap<_, _> = loaded
        .audit
        .answers
        .iter()
        .map(|(k, r)| (k.clone(), r.answer.clone()))
        .collect();
    let created = {
        let mut store = Store::open(&db).expect("store");
        store
            .create_audit(&NewAudit {
                association: &loaded.association,
                trainer: "test",
                questionnaire: &q,
                answers: &answers,
                notes: &BTreeMap::new(),
                note: "",
            })
            .expect("created")
    };
    let out = bin()
        .args([
            "--db",
            &db.display().to_string(),
            "plan",
            &created.audit_id,
            "--json",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["framaspace"]["eligible"], "yes");
    assert_eq!(json["framaspace"]["recommended"], true);

    let out = bin()
        .args([
            "--db",
            &db.display().to_string(),
            "--lang",
            "fr",
            "plan",
            "pas-un-audit",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("aucun audit ne correspond à «\u{a0}"));
}

#[test]
fn bad_answers_files_are_refused_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        (
            "unknown-question.toml",
            "[association]\nname = \"A\"\n[answers]\nnot_a_question = 1\n",
            "pas de question « not_a_question »",
        ),
        (
            "bad-choice.toml",
            "[association]\nname = \"A\"\n[answers]\nfiles_tools = [\"floppy\"]\n",
            "bad-choice.toml:4:15: files_tools = [\"floppy\"]: choix inconnu « floppy »",
        ),
        (
            "bad-form.toml",
            "[association]\nname = \"A\"\nlegal_form = \"club\"\n",
            "forme juridique inconnue",
        ),
        ("bad-toml.toml", "questionnaire = \n", "TOML invalide"),
    ];
    for (name, body, message) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, body).expect("write");
        let out = bin()
            .args([
                "--lang",
                "fr",
                "plan",
                "--answers",
                &path.display().to_string(),
            ])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{name}: {err}");
    }
    let out = bin().args(["plan"]).output().expect("runs");
    assert!(!out.status.success(), "an audit or --answers is required");
}

/// A host set aside for the same reason under several needs is explained once: the text plan
/// (and the line mode, which reads it aloud) names it again without repeating the reason.
#[test]
fn a_host_set_aside_for_one_reason_is_explained_once() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/plan-cases/epicerie-solidaire.toml");
    let out = bin()
        .args(["--lang", "fr", "plan", "--answers"])
        .arg(&case)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let aside: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("Écarté ici"))
        .collect();
    let full: Vec<&&str> = aside.iter().filter(|l| l.contains(" — ")).collect();
    let mut unique = full.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(full.len(), unique.len(), "a reason said twice: {aside:#?}");
    assert!(
        aside
            .iter()
            .any(|l| l.ends_with("(même raison que plus haut)")),
        "{aside:#?}"
    );
}
