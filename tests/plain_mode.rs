//! The line mode run as a screen reader or a script would: the real binary, answers fed from a
//! file on standard input, output read back. The end of the input saves and quits cleanly; no
//! escape sequence is ever written; a second run finds the answers.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn run(db: &Path, input: &str, extra: &[&str]) -> (String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diagasso"))
        .args(extra)
        .arg("--db")
        .arg(db)
        .env("LANG", "fr_FR.UTF-8")
        .env("DIAGASSO_TRAINER", "test")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("input written");
    let out = child.wait_with_output().expect("the binary ends");
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    (text, out.status.success())
}

const NEW_AUDIT: &str = "n
Les Amis du Quartier
2

69007
Jardin partagé
45
0
12
8 000
Camille
camille@example.org

1
18
1,2
nsp
2
note
Le trésorier garde « tout » sur sa clé.
.
";

#[test]
fn a_whole_audit_from_a_file_then_resumed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plain.db");
    // Not a terminal on stdin/stdout: line mode without asking.
    let (out, ok) = run(&db, NEW_AUDIT, &[]);
    assert!(ok, "exit status\n{out}");
    assert!(!out.contains('\u{1b}'), "no escape sequences:\n{out}");
    assert!(
        !out.contains('│') && !out.contains('─'),
        "no box drawing:\n{out}"
    );
    assert!(
        out.contains("Association « Les Amis du Quartier » enregistrée."),
        "{out}"
    );
    assert!(out.contains("Question 1/"), "{out}");
    let saves = out.matches("Enregistré ").count();
    assert_eq!(saves, 6, "five answers and a note announced:\n{out}");
    assert!(out.contains("Progression : 5 réponses"), "{out}");

    // Second run: the audit is listed with its five answers and resumes at question 6.
    let (out, ok) = run(&db, "1\np\nq\nq\n", &["--plain"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("1. Les Amis du Quartier — Pratiques numériques"),
        "{out}"
    );
    assert!(out.contains("— 5/"), "{out}");
    assert!(out.contains("Question 6/"), "{out}");
    assert!(out.contains("Tout est enregistré. Au revoir."), "{out}");
}

#[test]
fn refused_answers_are_explained_and_asked_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plain.db");
    let input = "n\nAsso\n\n\n\n\n\n\n\n\n\n\n\n9\nune seule\nbeaucoup\n-3\n\n?\n";
    let (out, ok) = run(&db, input, &["--plain", "--lang", "fr"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("Erreur : « 9 » n'est pas un choix proposé"),
        "{out}"
    );
    assert!(
        out.contains("Réponse > une seule\nEnregistré"),
        "a label's start is enough:\n{out}"
    );
    assert!(
        out.contains("Erreur : « beaucoup » n'est pas un nombre"),
        "{out}"
    );
    assert!(
        out.contains("Erreur : -3 n'est pas dans l'intervalle attendu"),
        "{out}"
    );
    assert!(
        out.contains("Réponse > \nErreur : "),
        "an empty line on a required question is refused:\n{out}"
    );
    assert!(out.contains("Commandes : nsp je ne sais pas"), "{out}");
}

#[test]
fn english_and_an_empty_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plain.db");
    let (out, ok) = run(&db, "", &["--plain", "--lang", "en"]);
    assert!(ok);
    assert!(
        out.contains("No audit yet: type n to create the association"),
        "{out}"
    );
    assert!(out.contains("Everything is saved. Goodbye."), "{out}");
}

#[test]
fn a_followup_in_line_mode_offers_each_previous_answer_and_saves_only_what_is_confirmed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plain.db");
    // The demo (a whole audit), then back to the menu.
    let (_, ok) = run(&db, "d\nq\n", &["--plain", "--lang", "fr"]);
    assert!(ok);
    // "suivi 1": a follow-up of it. `=` confirms the first answer, `nsp` changes the second,
    // `<` goes back to the second to hear how it stands.
    let (out, ok) = run(
        &db,
        "suivi 1\n=\nnsp\n<\nq\nq\n",
        &["--plain", "--lang", "fr"],
    );
    assert!(ok, "{out}");
    assert!(
        out.contains("Tapez = pour reprendre cette réponse."),
        "each previous answer is offered:\n{out}"
    );
    assert!(
        out.contains("✓ même réponse qu'au diagnostic du") || out.contains("Au diagnostic du"),
        "{out}"
    );
    assert!(
        out.contains("Au diagnostic du"),
        "the changed answer recalls the old one:\n{out}"
    );
    // Two audits now; the follow-up holds exactly the two answers given.
    let list = std::process::Command::new(env!("CARGO_BIN_EXE_diagasso"))
        .args(["--db"])
        .arg(&db)
        .args(["list", "--json"])
        .output()
        .expect("list");
    let audits: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    let audits = audits.as_array().expect("an array");
    assert_eq!(audits.len(), 2, "{audits:?}");
    let answered: Vec<u64> = audits
        .iter()
        .filter_map(|a| a["answered"].as_u64())
        .collect();
    assert!(
        answered.contains(&2),
        "the follow-up has two answers: {answered:?}"
    );
}
