//! The bridges through the real binary: the XLSForm of both shipped questionnaires converted
//! by pyxform (PyPI) without error or warning; KoboToolbox and Nextcloud Forms exports of the
//! express questionnaire imported into audits whose plans match the plan of the same answers
//! given as an answers file, every refused value listed with its row and column; the blank
//! paper questionnaire and the answers-file template.
//!
//! pyxform is installed by `.ci/run`; when `xls2xform` is missing the test tries
//! `python3 -m pip install pyxform` once, then fails, saying so: it never passes without
//! having converted the forms.

#[path = "common/bin.rs"]
mod bin;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const EXPRESS_DEMO: &str = "questionnaires/examples/express-demo.toml";

fn run(db: &Path, args: &[&str]) -> Output {
    bin::diagasso()
        .args(args)
        .env("DIAGASSO_DB", db)
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("diagasso runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn xls2xform() -> PathBuf {
    let found = || {
        Command::new("xls2xform")
            .arg("--help")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !found() {
        let _ = Command::new("python3")
            .args(["-m", "pip", "install", "--quiet", "pyxform"])
            .status();
    }
    assert!(
        found(),
        "pyxform's xls2xform is missing and `python3 -m pip install pyxform` did not bring it: \
         install pyxform (PyPI) to run this test"
    );
    PathBuf::from("xls2xform")
}

#[test]
fn xlsform_of_both_questionnaires_converts_with_pyxform() {
    let tool = xls2xform();
    let dir = tempfile::tempdir().unwrap();
    for id in ["atelier-express", "pratiques-numeriques"] {
        let out = bin::diagasso()
            .args([
                "questionnaire",
                "export",
                id,
                "--format",
                "xlsform",
                "--out",
            ])
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let xlsx = dir.path().join(format!("{id}-v1.xlsx"));
        assert!(xlsx.is_file(), "{}", text(&out.stdout));
        let xml = dir.path().join(format!("{id}.xml"));
        let conv = Command::new(&tool)
            .arg("--json")
            .arg(&xlsx)
            .arg(&xml)
            .output()
            .unwrap();
        // pyxform writes its JSON verdict on standard error.
        let said: serde_json::Value = serde_json::from_slice(&conv.stderr).unwrap_or_else(|_| {
            panic!("pyxform said: {}{}", text(&conv.stdout), text(&conv.stderr))
        });
        assert_eq!(said["code"], 100, "pyxform refused {id}: {said}");
        assert_eq!(said["warnings"], serde_json::json!([]), "{id}: {said}");
        let form = std::fs::read_to_string(&xml).unwrap();
        assert!(form.contains("lang=\"Français (fr)\"") && form.contains("lang=\"English (en)\""));
        // Every question of the questionnaire is a field of the XForm, with its relevance.
        let shown = bin::diagasso()
            .args(["questionnaire", "show", id, "--json"])
            .output()
            .unwrap();
        let q: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
        for s in q["sections"].as_array().unwrap() {
            for question in s["questions"].as_array().unwrap() {
                let qid = question["id"].as_str().unwrap();
                let bind = format!("/{}/{qid}\"", s["id"].as_str().unwrap());
                assert!(form.contains(&bind), "{id}: no field {qid}");
                if question["relevant"].is_string() {
                    let at = form.find(&format!(
                        "nodeset=\"/data/{}/{qid}\"",
                        s["id"].as_str().unwrap()
                    ));
                    let bind_line = &form[at.unwrap()..][..form[at.unwrap()..].find('>').unwrap()];
                    assert!(
                        bind_line.contains("relevant="),
                        "{id}: {qid} lost its relevance"
                    );
                }
            }
        }
    }
}

fn demo_plan(db: &Path) -> serde_json::Value {
    let out = run(db, &["plan", "--answers", EXPRESS_DEMO, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Import `file`; the first data row is the demo's answers, the second has three refused
/// values. Returns the created audit's plan and what was said.
fn import(file: &str) -> (serde_json::Value, serde_json::Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let out = run(&db, &["import-submissions", file, "--json"]);
    assert_eq!(out.status.code(), Some(1), "a row is refused: exit code 1");
    let said: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        said["questionnaire"]["id"], "atelier-express",
        "found from the columns"
    );
    let created = said["created"].as_array().unwrap();
    assert_eq!(created.len(), 1, "{said}");
    let audit = created[0]["audit"].as_str().unwrap();
    let plan = run(&db, &["plan", audit, "--json"]);
    assert!(plan.status.success(), "{}", text(&plan.stderr));
    let human = run(&db, &["import-submissions", file, "--dry-run"]);
    (
        serde_json::from_slice(&plan.stdout).unwrap(),
        said,
        text(&human.stderr),
    )
}

#[test]
fn kobo_csv_imports_into_the_plan_of_the_same_answers() {
    let (plan, said, human) = import("tests/fixtures/submissions/kobo-express.csv");
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(plan, demo_plan(&dir.path().join("x.db")));
    let refused = said["refused"].as_array().unwrap();
    let at: Vec<(u64, &str, &str)> = refused
        .iter()
        .map(|r| {
            (
                r["row"].as_u64().unwrap(),
                r["column"].as_str().unwrap(),
                r["question"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        at,
        vec![
            (3, "O", "assoc_accounts"),
            (3, "Q", "uses_main"),
            (3, "AI", "change_willingness"),
        ]
    );
    assert_eq!(refused[0]["value"], "beaucoup");
    assert!(
        human.contains("kobo-express.csv:ligne 3, colonne Q (express_association/uses_main)"),
        "{human}"
    );
    assert!(human.contains("marketing"), "{human}");
    assert!(human.contains("rien d'enregistré"), "{human}");
}

#[test]
fn nextcloud_forms_csv_imports_into_the_plan_of_the_same_answers() {
    let (plan, said, _) = import("tests/fixtures/submissions/nextcloud-express.csv");
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(plan, demo_plan(&dir.path().join("x.db")));
    let rows: Vec<(u64, &str)> = said["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["row"].as_u64().unwrap(), r["column"].as_str().unwrap()))
        .collect();
    // Row 2 of a Nextcloud export is its hidden id row: data starts on row 3.
    assert_eq!(rows, vec![(4, "H"), (4, "V"), (4, "Z")]);
}

#[test]
fn a_refused_row_stores_nothing_of_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let out = run(
        &db,
        &[
            "import-submissions",
            "tests/fixtures/submissions/kobo-express.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let list = run(&db, &["list", "--json"]);
    let audits: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let names: Vec<&str> = audits
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["association"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Rayons Libres, atelier vélo étudiant"]);
}

#[test]
fn paper_questionnaire_in_html_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin::diagasso()
        .args([
            "--lang",
            "fr",
            "questionnaire",
            "print",
            "atelier-express",
            "--format",
            "html,pdf",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("atelier-express-v1-vierge.html")).unwrap();
    // files_storage_gb (question 11) is asked only when a file tool other than « Aucun » is ticked.
    assert!(
        html.contains("Seulement si Q10\u{a0}: au moins une case cochée et Q10\u{a0}: «\u{a0}Nous n’avons presque pas de fichiers\u{a0}» non coché\u{a0}; sinon, passez à la question 12."),
        "{html}"
    );
    assert!(html.contains("☐</span>Je ne sais pas"));
    let pdf = std::fs::read(dir.path().join("atelier-express-v1-vierge.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let q = diagasso::questionnaire::shipped::by_id("atelier-express")
        .unwrap()
        .unwrap();
    let sheet = diagasso::bridge::paper::sheet(&q, diagasso::i18n::Lang::Fr);
    let texts = diagasso::export::paper::texts(&sheet, diagasso::i18n::Lang::Fr).join("\n");
    assert!(texts.contains("22. "), "every question numbered");
    assert!(texts.contains("☐ Je ne sais pas"));
}

#[test]
fn template_is_an_answers_file_once_named() {
    for id in ["atelier-express", "pratiques-numeriques"] {
        let out = bin::diagasso()
            .args(["--lang", "fr", "questionnaire", "template", id])
            .output()
            .unwrap();
        assert!(out.status.success());
        let t = text(&out.stdout);
        let q = diagasso::questionnaire::shipped::by_id(id)
            .unwrap()
            .unwrap();
        for (_, question) in q.questions() {
            assert!(
                t.contains(&format!("\n# {} = ", question.id)),
                "{id}: {}",
                question.id
            );
        }
        // As given, the name is empty: refused with the reason.
        assert!(diagasso::answers_file::parse_shipped("t.toml", t.as_bytes()).is_err());
        let named = t.replacen("name = \"\"", "name = \"Les Amis du Lavoir\"", 1);
        let file = diagasso::answers_file::parse_shipped("t.toml", named.as_bytes())
            .unwrap_or_else(|p| panic!("{id}: {p}"));
        assert!(file.answers.is_empty());
        // Each example value, uncommented alone, is an answer the check takes or refuses
        // only for its relevance: the syntax is always right.
        let first = q.questions().next().unwrap().1;
        let line = t
            .lines()
            .find(|l| l.starts_with(&format!("# {} = ", first.id)))
            .unwrap();
        let one = named.replacen(line, &line[2..], 1);
        diagasso::answers_file::parse_shipped("t.toml", one.as_bytes())
            .unwrap_or_else(|p| panic!("{id}: {p}"));
    }
}

#[test]
fn nextcloud_forms_xlsx_reads_like_its_csv() {
    // The same export as a workbook: row 2 holds the ids (hidden in Nextcloud's file), the
    // counts are numbers, not texts, as PhpSpreadsheet writes them.
    let csv = std::fs::read("tests/fixtures/submissions/nextcloud-express.csv").unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&csv[3..]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let bytes = diagasso::bridge::xlsx::write(&[("Réponses", &rows)]).unwrap();
    let back = diagasso::bridge::xlsx::first_sheet(&bytes).unwrap();
    assert_eq!(back, rows, "written and read back whole");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reponses.xlsx");
    std::fs::write(&file, &bytes).unwrap();
    let db = dir.path().join("a.db");
    let out = run(
        &db,
        &["import-submissions", file.to_str().unwrap(), "--json"],
    );
    let said: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(said["created"].as_array().unwrap().len(), 1, "{said}");
    assert_eq!(said["refused"].as_array().unwrap().len(), 3, "{said}");
}

#[test]
fn questionnaire_commands_write_one_file_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let in_dir = |args: &[&str]| {
        bin::diagasso()
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let html = in_dir(&[
        "--lang",
        "fr",
        "questionnaire",
        "print",
        "atelier-express",
        "--format",
        "html",
        "--out",
        "-",
    ]);
    assert!(html.status.success(), "{}", text(&html.stderr));
    assert!(text(&html.stdout).starts_with("<!DOCTYPE html>"));
    assert!(text(&html.stdout).contains("☐</span>Je ne sais pas"));
    // A PDF goes to a pipe too (a terminal would be refused).
    let pdf = in_dir(&[
        "questionnaire",
        "print",
        "atelier-express",
        "-f",
        "pdf",
        "--out",
        "-",
    ]);
    assert!(pdf.status.success(), "{}", text(&pdf.stderr));
    assert!(pdf.stdout.starts_with(b"%PDF-"));
    let xlsx = in_dir(&["questionnaire", "export", "atelier-express", "--out", "-"]);
    assert!(xlsx.status.success(), "{}", text(&xlsx.stderr));
    assert!(xlsx.stdout.starts_with(b"PK"), "an xlsx is a zip");
    let template = in_dir(&[
        "--lang",
        "fr",
        "questionnaire",
        "template",
        "atelier-express",
        "--out",
        "-",
    ]);
    assert!(template.status.success(), "{}", text(&template.stderr));
    let default = in_dir(&[
        "--lang",
        "fr",
        "questionnaire",
        "template",
        "atelier-express",
    ]);
    assert_eq!(template.stdout, default.stdout, "--out - is the default");
    // Two formats cannot share standard output: refused, nothing written, no folder `-`.
    let both = in_dir(&[
        "--lang",
        "fr",
        "questionnaire",
        "print",
        "atelier-express",
        "--out",
        "-",
    ]);
    assert_eq!(both.status.code(), Some(1));
    assert!(both.stdout.is_empty());
    assert!(
        text(&both.stderr).contains("--out - (la sortie standard) ne prend qu'un fichier"),
        "{}",
        text(&both.stderr)
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(names.is_empty(), "nothing written beside: {names:?}");
}
