//! The keyboard, a paste, the smallest terminal and a new profile left half-done, as a person
//! meets them: the real binary in a real terminal (tmux), keys sent, the screen read back, the
//! store read with `diagasso show --json`. Skipped, with a notice, when tmux is missing.
//!
//! - a paste of three lines into a text field lands whole on one line, never read as keys;
//! - every key the hint bar shows on a choice question, on a number question (field not
//!   entered, then entered) and on a text question does what its hint says;
//! - 80×22 shows the whole walk; smaller, « trop petit » is shown and no key answers;
//! - Esc on a new association's profile asks whether to abandon it, and yes leaves nothing;
//! - `s` replaces an answer with a notice, `u` puts it back.

#[path = "common/bin.rs"]
mod bin;

mod tmux;

use std::path::Path;
use std::time::Duration;

use diagasso::i18n::Lang;
use diagasso::tui::keymap::{self, Mode};
use tmux::{Tmux, available, binary};

const WAIT: Duration = Duration::from_secs(15);

fn skip() -> bool {
    if !available() {
        eprintln!("NOTICE: tmux is not installed; the end-to-end test is skipped.");
        return true;
    }
    false
}

/// The demo database: one whole audit.
fn demo(db: &Path) {
    let out = bin::diagasso()
        .arg("--db")
        .arg(db)
        .arg("demo")
        .output()
        .expect("demo");
    assert!(out.status.success(), "{out:?}");
}

/// The demo audit as `show --json` gives it.
fn show(db: &Path) -> serde_json::Value {
    let list = bin::diagasso()
        .arg("--db")
        .arg(db)
        .args(["list", "--json"])
        .output()
        .expect("list");
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    let id = list[0]["id"].as_str().expect("an audit").to_string();
    let out = bin::diagasso()
        .arg("--db")
        .arg(db)
        .args(["show", &id, "--json"])
        .output()
        .expect("show");
    serde_json::from_slice(&out.stdout).expect("json")
}

fn answer(db: &Path, question: &str) -> serde_json::Value {
    show(db)["answers"][question].clone()
}

fn wait(t: &Tmux, needle: &str) -> String {
    match t.wait_for(needle, WAIT) {
        Some(s) => s,
        None => panic!("waited for {needle:?}; the screen shows:\n{}", t.screen()),
    }
}

fn press(t: &Tmux, keys: &[&str]) {
    t.keys(keys);
    std::thread::sleep(Duration::from_millis(200));
}

fn start(name: &str, width: u16, height: u16, db: &Path, dir: &Path) -> Tmux {
    let command = format!("{} --db '{}'", binary().display(), db.display());
    let t = Tmux::start(name, width, height, &dir.join("pid"), &command);
    wait(&t, "diagasso");
    t
}

/// The demo, opened on question `n` (its review's numbering is the walk's order).
fn on_question(t: &Tmux, n: usize) {
    wait(t, "Diagnostics");
    press(t, &["Enter"]);
    wait(t, "Question 1/");
    for _ in 1..n {
        press(t, &["Right"]);
    }
    wait(t, &format!("Question {n}/"));
}

/// Back to question `n` from anywhere in the walk (Left until it shows).
fn on_question_of(t: &Tmux, n: usize) {
    for _ in 0..120 {
        if t.screen().contains(&format!("Question {n}/")) {
            return;
        }
        press(t, &["Left"]);
    }
    panic!("question {n} not reached:\n{}", t.screen());
}

#[test]
fn a_paste_of_three_lines_lands_whole_in_a_text_field() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("e2e.db");
    demo(&db);
    let t = start("paste", 100, 30, &db, dir.path());
    on_question(&t, 1);
    let n = walk_to(&t, Mode::WalkTyped);
    press(&t, &["Enter"]);
    // Empty the field (Ctrl-U clears before the cursor), then paste.
    press(&t, &["C-u"]);
    wait(&t, "Tapez la réponse");
    // Three lines, each of which would be a command if read as keys: n (notes), q (home),
    // 1 (a number).
    t.run(&[
        "set-buffer",
        "-b",
        "p",
        "note pour plus tard\nquitter\n12 personnes",
    ]);
    t.run(&["paste-buffer", "-p", "-b", "p", "-t", "paste"]);
    let screen = wait(&t, "note pour plus tard quitter 12 personnes");
    assert!(
        screen.contains(&format!("Question {n}/")),
        "still on the question:\n{screen}"
    );
    assert!(!screen.contains("Notes ·"), "no command ran:\n{screen}");
    press(&t, &["Enter"]);
    wait(&t, &format!("Question {}/", n + 1));
    let saved = show(&db)["answers"]
        .as_object()
        .expect("answers")
        .values()
        .any(|a| a["value"] == "note pour plus tard quitter 12 personnes");
    assert!(saved, "the pasted text is saved on one line");
    // On a list, a paste is refused (never read as keys).
    on_question_of(&t, 1);
    t.run(&["set-buffer", "-b", "p", "q\n2"]);
    t.run(&["paste-buffer", "-p", "-b", "p", "-t", "paste"]);
    let screen = wait(&t, "Collage ignoré");
    assert!(screen.contains("Question 1/"), "{screen}");
}

/// A check of one hinted key: keys to press first, the key, what then appears, the keys that
/// come back to the question.
type Check = (
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static [&'static str],
);

/// What each hinted key of `mode` must show when pressed.
fn expected(mode: Mode) -> Vec<Check> {
    match mode {
        Mode::Walk => vec![
            (&[], "Enter", "Question 2/", &["Left"]),
            // Space picks the highlighted choice: move it off the answer first.
            (&["Down"], "Space", "enregistré", &[]),
            (&[], "u", "Annulé", &[]),
            (&[], "n", "Notes", &["Escape"]),
            (&[], "q", "Diagnostics", &["Enter"]),
            (&[], "?", "Aide : touches", &["Escape"]),
        ],
        Mode::WalkNumber => vec![
            (&[], "Enter", "Tapez un nombre", &["Escape"]),
            (&[], "7", "Tapez un nombre", &["Escape"]),
            (&[], "u", "Annulé", &[]),
            (&[], "n", "Notes", &["Escape"]),
            (&[], "q", "Diagnostics", &["Enter"]),
            (&[], "?", "Aide : touches", &["Escape"]),
        ],
        Mode::Field => vec![
            (&["Enter"], "Enter", "/94 ", &["Left"]),
            (&["Enter"], "Escape", "Entrée pour écrire la réponse", &[]),
            (&["Enter"], "F4", "Notes", &["Escape"]),
            (&["Enter"], "F1", "Aide : touches", &["Escape", "Escape"]),
        ],
        Mode::WalkTyped => vec![
            (&[], "Enter", "Tapez la réponse", &["Escape"]),
            // Something to undo on this question: a letter added to its text.
            (&["Enter", "x", "Escape"], "u", "Annulé", &[]),
            (&[], "n", "Notes", &["Escape"]),
            (&[], "q", "Diagnostics", &["Enter"]),
            (&[], "?", "Aide : touches", &["Escape"]),
        ],
        _ => Vec::new(),
    }
}

/// Move along the walk to the first question whose hint bar reads as `mode`'s (`Right` from
/// where it stands); returns its number.
fn walk_to(t: &Tmux, mode: Mode) -> usize {
    for _ in 0..120 {
        let screen = t.screen();
        let bar = screen
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let found = match mode {
            Mode::WalkNumber => bar.contains("chiffres écrire le nombre"),
            Mode::WalkTyped => {
                bar.contains("Entrée écrire la réponse") && !bar.contains("chiffres")
            }
            _ => bar.contains("Espace choisir"),
        };
        if found
            && let Some(n) = screen
                .split("Question ")
                .nth(1)
                .and_then(|r| r.split('/').next())
                .and_then(|n| n.parse().ok())
        {
            return n;
        }
        press(t, &["Right"]);
    }
    panic!("no question for {mode:?}:\n{}", t.screen());
}

/// The tmux name of the key a hint shows.
fn tmux_key(shown: &str) -> &str {
    match shown {
        "Entrée" => "Enter",
        "Espace" => "Space",
        "Échap" => "Escape",
        "chiffres" => "7",
        other => other,
    }
}

#[test]
fn every_hinted_key_on_a_choice_a_number_and_a_text_question_does_what_it_says() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("e2e.db");
    demo(&db);
    let t = start("hints", 100, 30, &db, dir.path());
    on_question(&t, 1);
    for (mode, find) in [
        (Mode::Walk, Mode::Walk),
        (Mode::WalkNumber, Mode::WalkNumber),
        (Mode::Field, Mode::WalkNumber),
        (Mode::WalkTyped, Mode::WalkTyped),
    ] {
        let n = walk_to(&t, find);
        let checks = expected(mode);
        // Every key the hint bar shows has a check here, and the other way round.
        let mut hinted: Vec<String> = keymap::hints(mode, Lang::Fr)
            .into_iter()
            .map(|(_, key, _)| tmux_key(&key).to_string())
            .collect();
        let mut listed: Vec<String> = checks.iter().map(|(_, k, _, _)| k.to_string()).collect();
        hinted.sort();
        listed.sort();
        assert_eq!(hinted, listed, "{mode:?}: the hints and this test agree");
        for (prep, key, shows, back) in checks {
            for k in prep {
                press(&t, &[k]);
            }
            let before = t.screen();
            press(&t, &[key]);
            let after = wait(&t, shows);
            assert_ne!(before, after, "{mode:?}: {key} changed nothing");
            // Back on the question, for the next key.
            for k in back {
                press(&t, &[k]);
            }
            let screen = wait(&t, &format!("Question {n}/"));
            assert!(
                !screen.contains("Tapez"),
                "{mode:?} after {key}: out of the field\n{screen}"
            );
        }
    }
}

#[test]
fn at_80x22_the_walk_is_whole_and_smaller_nothing_is_answered() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("e2e.db");
    demo(&db);
    let before = answer(&db, "assoc_organisation");
    let t = start("small", 80, 22, &db, dir.path());
    on_question(&t, 1);
    let screen = t.screen();
    for part in [
        "Section 1/",
        "Question 1/",
        "Entrée valider",
        "? aide",
        "1  ",
        "s je ne sais pas",
    ] {
        assert!(screen.contains(part), "{part:?} at 80×22:\n{screen}");
    }
    // One row less: the notice, and keys answer nothing.
    t.resize(80, 21);
    wait(&t, "Terminal trop petit");
    press(&t, &["2", "Space", "s", "Enter"]);
    t.resize(80, 22);
    let screen = wait(&t, "Question 1/");
    assert!(!screen.contains("Terminal trop petit"), "{screen}");
    assert_eq!(
        answer(&db, "assoc_organisation"),
        before,
        "nothing was answered"
    );
}

#[test]
fn esc_on_a_new_profile_asks_and_abandoning_leaves_nothing() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("e2e.db");
    let t = start("abandon", 80, 24, &db, dir.path());
    wait(&t, "Bienvenue dans diagasso");
    press(&t, &["a"]);
    wait(&t, "Nouvelle association");
    t.text("Les Amis du Quartier");
    // Down to the contact's e-mail (each field left is saved: the association exists).
    for _ in 0..10 {
        press(&t, &["Tab"]);
    }
    t.text("contact@amis.example");
    press(&t, &["Tab"]);
    wait(&t, "enregistré");
    press(&t, &["Escape"]);
    wait(&t, "Abandonner cette nouvelle association");
    // No: back to the form, nothing lost.
    press(&t, &["n"]);
    wait(&t, "contact@amis.example");
    press(&t, &["Escape"]);
    wait(&t, "Abandonner cette nouvelle association");
    press(&t, &["o"]);
    wait(&t, "Bienvenue dans diagasso");
    let list = bin::diagasso()
        .arg("--db")
        .arg(&db)
        .arg("list")
        .output()
        .expect("list");
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(!text.contains("Amis"), "nothing left behind:\n{text}");
    let bytes = std::fs::read(&db).expect("db");
    assert!(
        !bytes
            .windows(b"contact@amis".len())
            .any(|w| w == b"contact@amis"),
        "the contact is not in the file"
    );
}

#[test]
fn s_replaces_an_answer_with_a_notice_and_u_puts_it_back() {
    if skip() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("e2e.db");
    demo(&db);
    let before = answer(&db, "assoc_languages");
    assert_eq!(before["state"], "answered");
    let t = start("undo", 100, 30, &db, dir.path());
    // The languages (several choices ticked).
    on_question(&t, 1);
    while !t.screen().contains("langues") {
        press(&t, &["Right"]);
    }
    press(&t, &["s"]);
    wait(&t, "remplacée : u pour la remettre");
    assert_eq!(answer(&db, "assoc_languages")["state"], "dont_know");
    press(&t, &["u"]);
    wait(&t, "Annulé");
    wait(&t, "Question 3/");
    assert_eq!(answer(&db, "assoc_languages")["value"], before["value"]);
    // u again redoes.
    press(&t, &["u"]);
    wait(&t, "Annulé");
    assert_eq!(answer(&db, "assoc_languages")["state"], "dont_know");
}
