//! The line mode run as a screen reader or a script would: the real binary, answers fed from a
//! file on standard input, output read back. The end of the input saves and quits cleanly; no
//! escape sequence is ever written; a second run finds the answers.

#[path = "common/bin.rs"]
mod bin;

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

fn run(db: &Path, input: &str, extra: &[&str]) -> (String, bool) {
    let mut child = bin::diagasso()
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
    let saves = out.matches("Enregistré : ").count();
    assert_eq!(
        saves, 5,
        "five answers announced, each with its value:\n{out}"
    );
    assert!(out.contains("Enregistré : Je ne sais pas ("), "{out}");
    assert!(out.contains("Enregistré : Français, Anglais ("), "{out}");
    assert_eq!(out.matches("Note enregistrée (").count(), 1, "{out}");
    assert!(out.contains("réponses\u{a0}:\u{a0}5/"), "{out}");

    // Second run: the audit is listed with its five answers and resumes at question 6.
    let (out, ok) = run(&db, "1\np\nq\nq\n", &["--plain"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("1. Les Amis du Quartier — Pratiques numériques"),
        "{out}"
    );
    assert!(out.contains("réponses\u{a0}:\u{a0}5/"), "{out}");
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
    let list = bin::diagasso()
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

/// Characters a screen reader would read out as noise or not at all: box drawing, blocks,
/// geometric shapes (the TUI's bars and gauges), arrows, and any escape sequence.
fn drawing(out: &str) -> Vec<char> {
    out.chars()
        .filter(|c| {
            matches!(*c as u32, 0x2190..=0x21FF | 0x2500..=0x25FF | 0x2794..=0x27BF)
                || *c == '\u{1b}'
        })
        .collect()
}

#[test]
fn answer_then_hear_the_plan_its_reasons_and_write_the_exports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plain.db");
    let out_dir = dir.path().join("exports");
    std::fs::create_dir(&out_dir).expect("exports folder");
    // The demo (a whole audit) opens on a question: answer it, hear the plan, the reasons of
    // its fourth item, then write Markdown, HTML and the listing, not anonymised.
    let input = format!(
        "d\nnsp\nplan\npourquoi 1\npourquoi 8\npourquoi 999\nexporter\n1,2,6\n{}\nn\nq\nq\n",
        out_dir.display()
    );
    let (out, ok) = run(&db, &input, &["--plain", "--lang", "fr"]);
    assert!(ok, "{out}");
    assert!(drawing(&out).is_empty(), "{:?} in:\n{out}", drawing(&out));
    assert!(out.contains("Enregistré : Je ne sais pas ("), "{out}");
    assert!(out.contains("Calcul du plan…"), "{out}");
    assert!(
        out.contains("Synthèse."),
        "the parts are read as headings:\n{out}"
    );
    assert!(out.contains("Feuille de route."), "{out}");
    assert!(out.contains("\n1. "), "items are numbered:\n{out}");
    assert!(
        out.contains("L'élément 1, « "),
        "a summary line has no reasons:\n{out}"
    );
    assert!(out.contains("Pourquoi 8, « Partage"), "{out}");
    assert!(out.contains("Pas d'élément 999 dans le plan"), "{out}");
    assert!(out.contains("3\u{a0}fichiers écrits dans"), "{out}");
    let written: Vec<String> = std::fs::read_dir(&out_dir)
        .expect("listing")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 3, "{written:?}");
    for ext in [".md", ".html", ".txt"] {
        assert!(
            written.iter().any(|n| n.ends_with(ext)),
            "{ext}: {written:?}"
        );
    }
    // Again: the files are there; no is the answer, nothing is replaced.
    let again = format!("1\nexporter\n1\n{}\nn\nn\nq\nq\n", out_dir.display());
    let (out, ok) = run(&db, &again, &["--plain", "--lang", "fr"]);
    assert!(ok, "{out}");
    assert!(
        out.contains("Les remplacer par ce nouvel export ?"),
        "{out}"
    );
    assert!(out.contains("Rien n'a été remplacé"), "{out}");
}

#[test]
fn review_is_numbered_and_leads_to_a_question_or_the_next_required_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plain.db");
    let input = "d\nrelire\naller 3\nquestion\nobligatoire\nlangue\n?\nq\nq\n";
    let (out, ok) = run(&db, input, &["--plain", "--lang", "fr"]);
    assert!(ok, "{out}");
    assert!(out.contains("\n1. "), "{out}");
    assert!(
        out.contains("aller et un numéro : revenir à cette question"),
        "{out}"
    );
    assert!(
        out.contains("Question 3/"),
        "aller 3 leads to the third question:\n{out}"
    );
    assert!(
        out.matches("Question 3/").count() >= 2,
        "question says it again:\n{out}"
    );
    assert!(
        out.contains("Every required question has an answer.")
            || out.contains("Toutes les questions obligatoires ont une réponse.")
            || out.contains("Question "),
        "{out}"
    );
    assert!(
        out.contains("Langue : français.") || out.contains("Language: English."),
        "{out}"
    );
    assert!(
        out.contains("Commands: dk don't know"),
        "the help after the switch is English:\n{out}"
    );
}

#[test]
fn menu_numbers_stay_put_and_an_association_without_an_audit_is_listed_then_erased() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plain.db");
    // The demo; then an association whose audit is never started (the end of the input comes
    // while its questionnaire is chosen).
    let (_, ok) = run(&db, "d\nq\n", &["--plain", "--lang", "fr"]);
    assert!(ok);
    let (_, ok) = run(
        &db,
        "n\nLes Sans Audit\n\n\n\n\n\n\n\n\n\nana@ex.org\n",
        &["--plain", "--lang", "fr"],
    );
    assert!(ok);
    // Listed with a number; the demo keeps its number 1 after being resumed and changed.
    let (out, ok) = run(
        &db,
        "1\nnsp\nq\neffacer 2\no\nq\n",
        &["--plain", "--lang", "fr"],
    );
    assert!(ok, "{out}");
    assert!(out.contains("2. Les Sans Audit — sans diagnostic"), "{out}");
    let lists: Vec<&str> = out.split("Diagnostics : ").skip(1).collect();
    assert!(lists.len() >= 2, "{out}");
    for l in &lists[..2] {
        assert!(
            l.contains("\n  1. Les Jardins"),
            "the demo stays number 1:\n{l}"
        );
    }
    assert!(out.contains("« Les Sans Audit » effacée"), "{out}");
    let (out, _) = run(&db, "q\n", &["--plain", "--lang", "fr"]);
    assert!(!out.contains("Les Sans Audit"), "{out}");
}

#[test]
fn a_workshop_in_line_mode_adds_an_association_whose_audit_starts_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("plain.db");
    let made = bin::diagasso()
        .arg("--db")
        .arg(&db)
        .args(["workshop", "new", "--name", "Forum", "--date", "2026-09-12"])
        .output()
        .expect("workshop new");
    assert!(made.status.success(), "{made:?}");
    let input = "ateliers\n1\na\nBDE Sciences\n\n\n\n\n\n\n\n\n\n\n3\nq\nateliers\n1\n\nq\n";
    let (out, ok) = run(&db, input, &["--plain", "--lang", "fr"]);
    assert!(ok, "{out}");
    assert!(out.contains("1. Forum — 2026-09-12"), "{out}");
    assert!(
        out.contains("Atelier « Forum », 2026-09-12 : 0\u{a0}association."),
        "{out}"
    );
    assert!(
        out.contains("Association « BDE Sciences » enregistrée."),
        "{out}"
    );
    assert!(
        out.contains("Enregistré : "),
        "the first answer is saved:\n{out}"
    );
    assert!(
        out.contains("1. BDE Sciences — 1/"),
        "the dashboard lists it:\n{out}"
    );
    assert!(drawing(&out).is_empty(), "{out}");
}
