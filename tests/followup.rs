//! Follow-up audits: starting one copies nothing and records the link; each previous answer is
//! shown to confirm, confirmed, changed or to ask afresh (a choice the new questionnaire no
//! longer has); the comparison of the two audits gives the expected diff, scores and roadmap
//! steps done; `diagasso followup` confirms only on an explicit flag and prints what it
//! confirmed; `diagasso compare` writes Markdown and HTML with a chart.

#[path = "common/bin.rs"]
mod bin;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Output, Stdio};

use diagasso::audit::{Answer, Association, Value};
use diagasso::compare::{ChangeKind, Side, StepState, compare};
use diagasso::followup::{self, State};
use diagasso::questionnaire::{Questionnaire, load_str, shipped};
use diagasso::store::{NewAudit, Store};

fn express() -> Questionnaire {
    shipped::by_id("atelier-express").unwrap().unwrap()
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()))
}

fn number(n: f64) -> Answer {
    Answer::Given(Value::Number(n))
}

/// The audit of last year: WhatsApp and SMS, Gmail, Google Drive, 12 accounts, willingness 2.
fn last_year(store: &mut Store) -> String {
    let a = Association {
        name: "Les Jardins d'Été".into(),
        country: "FR".into(),
        postcode: "69007".into(),
        ..Association::default()
    };
    let answers = BTreeMap::from([
        ("chat_tools".to_string(), choices(&["whatsapp", "sms"])),
        ("mail_tools".to_string(), choices(&["gmail"])),
        ("files_tools".to_string(), choices(&["google_drive"])),
        ("assoc_accounts".to_string(), number(12.0)),
        ("change_willingness".to_string(), number(2.0)),
    ]);
    store
        .create_audit(&NewAudit {
            association: &a,
            trainer: "Camille",
            questionnaire: &express(),
            answers: &answers,
            notes: &BTreeMap::new(),
            note: "",
        })
        .unwrap()
        .audit_id
}

#[test]
fn a_follow_up_with_changes_gives_the_expected_diff() {
    let q = express();
    let catalog = diagasso::catalog::shipped().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let before = last_year(&mut store);
    let after = store.start_followup(&before, "Dominique", &q).unwrap();

    // Nothing copied; the link is recorded.
    let fresh = store.audit(&after).unwrap().unwrap();
    assert!(fresh.answers.is_empty());
    assert!(store.trail(&after).unwrap().is_empty());
    assert_eq!(
        store.previous_audit_id(&after).unwrap().as_deref(),
        Some(before.as_str())
    );
    assert_eq!(store.followups_of(&before).unwrap(), vec![after.clone()]);
    let old = store.audit(&before).unwrap().unwrap();
    assert_eq!(fresh.association_id, old.association_id);
    let view = followup::view(&q, &fresh, &old);
    assert_eq!(view.items.len(), 5);
    assert!(view.items.iter().all(|i| i.state == State::ToConfirm));
    assert_eq!(view.counts(), (5, 0, 0, 0));

    // This year: mail confirmed, chat, files and accounts changed, willingness not asked yet,
    // backups asked for the first time.
    for (question, answer) in [
        ("mail_tools", choices(&["gmail"])),
        ("chat_tools", choices(&["signal"])),
        ("files_tools", choices(&["nextcloud"])),
        ("assoc_accounts", number(15.0)),
        (
            "security_backups",
            Answer::Given(Value::Choice("offsite".into())),
        ),
    ] {
        store.save_answer(&after, question, Some(&answer)).unwrap();
    }
    let now = store.audit(&after).unwrap().unwrap();
    let view = followup::view(&q, &now, &old);
    let states: Vec<(&str, &State)> = view
        .items
        .iter()
        .map(|i| (i.question_id.as_str(), &i.state))
        .collect();
    assert_eq!(
        states,
        vec![
            ("assoc_accounts", &State::Changed),
            ("change_willingness", &State::ToConfirm),
            ("chat_tools", &State::Changed),
            ("mail_tools", &State::Confirmed),
            ("files_tools", &State::Changed),
        ]
    );
    assert_eq!(
        view.item("change_willingness").unwrap().previous,
        number(2.0)
    );

    let association = store.association(&now.association_id).unwrap().unwrap();
    let side = |audit| Side {
        questionnaire: &q,
        audit,
        association: &association,
    };
    let c = compare(side(&old), side(&now), &catalog);
    let diff: Vec<(&str, ChangeKind, &str, &str)> = c
        .changed()
        .map(|ch| {
            (
                ch.question_id.as_str(),
                ch.kind,
                ch.before_text.fr.as_str(),
                ch.after_text.fr.as_str(),
            )
        })
        .collect();
    assert_eq!(
        diff,
        vec![
            (
                "assoc_accounts",
                ChangeKind::Changed,
                "12 personnes",
                "15 personnes"
            ),
            ("chat_tools", ChangeKind::Changed, "WhatsApp, SMS", "Signal"),
            (
                "files_tools",
                ChangeKind::Changed,
                "Google Drive",
                "Nextcloud (Frama.space, un CHATONS…)"
            ),
            (
                "security_backups",
                ChangeKind::Added,
                "",
                "Une copie régulière, dans un autre lieu ou chez un autre hébergeur"
            ),
        ]
    );
    // Willingness is not asked again yet: its own state, not a change.
    let willingness = c
        .changes
        .iter()
        .find(|ch| ch.question_id == "change_willingness");
    assert_eq!(willingness.map(|ch| ch.kind), Some(ChangeKind::NotYetAsked));
    assert_eq!(c.not_yet_asked(), 1);
    assert_eq!(
        c.changes.len() - c.changed().count() - c.not_yet_asked(),
        1,
        "mail unchanged"
    );
    let score = |d: &str| {
        c.scores
            .iter()
            .find(|s| s.domain == d)
            .map(|s| (s.before, s.after))
    };
    assert_eq!(score("communication"), Some((Some(1), Some(4))));
    assert_eq!(score("files"), Some((Some(1), Some(4))));
    assert_eq!(score("email"), Some((Some(1), Some(1))));
    let step = |need: &str| {
        c.steps
            .iter()
            .find(|s| s.need.as_deref() == Some(need))
            .map(|s| s.state)
    };
    assert_eq!(step("team-chat"), Some(StepState::Done));
    assert_eq!(step("file-sharing"), Some(StepState::Done));
    assert_eq!(step("email"), Some(StepState::NotYet));
    assert!(c.done() >= 2);
}

#[test]
fn a_follow_up_not_yet_answered_changes_nothing_and_no_step_is_dropped() {
    let q = express();
    let catalog = diagasso::catalog::shipped().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let before = last_year(&mut store);
    let after = store.start_followup(&before, "Dominique", &q).unwrap();
    let old = store.audit(&before).unwrap().unwrap();
    let new = store.audit(&after).unwrap().unwrap();
    let association = store.association(&new.association_id).unwrap().unwrap();
    let side = |audit| Side {
        questionnaire: &q,
        audit,
        association: &association,
    };
    let c = compare(side(&old), side(&new), &catalog);
    assert_eq!(
        c.changed().count(),
        0,
        "{:?}",
        c.changed().collect::<Vec<_>>()
    );
    assert_eq!(c.not_yet_asked(), 5);
    assert!(!c.steps.is_empty());
    assert!(
        c.steps.iter().all(|s| s.state != StepState::NoLongerNeeded),
        "{:?}",
        c.steps
    );
    assert!(c.steps.iter().any(|s| s.state == StepState::NotYetReviewed));
}

#[test]
fn an_answer_the_new_questionnaire_cannot_hold_is_asked_afresh() {
    let express = express();
    // Next year's questionnaire no longer offers WhatsApp in the chat question.
    let source: String = express
        .source
        .lines()
        .filter(|l| !l.contains("{ id = \"whatsapp\""))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("version = 1", "version = 2");
    let next = load_str("atelier-express v2", &source).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let before = last_year(&mut store);
    let after = store.start_followup(&before, "", &next).unwrap();
    let view = followup::view(
        &next,
        &store.audit(&after).unwrap().unwrap(),
        &store.audit(&before).unwrap().unwrap(),
    );
    let chat = view.item("chat_tools").unwrap();
    assert!(
        matches!(&chat.state, State::Unusable { reason } if reason.fr.contains("whatsapp")),
        "{chat:?}"
    );
    assert_eq!(view.item("mail_tools").unwrap().state, State::ToConfirm);
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin::diagasso()
        .args(["--lang", "fr", "--db"])
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .env_remove("DIAGASSO_DB")
        .output()
        .expect("binary runs")
}

fn out(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_command_line_confirms_only_when_told_and_says_what() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let mut store = Store::open(&db).unwrap();
    let before = last_year(&mut store);
    drop(store);
    let started = out(&run(
        &db,
        &["followup", "start", &before, "--trainer", "Dominique"],
    ));
    let after = started.lines().last().unwrap().to_string();
    assert!(started.contains("aucune recopiée"), "{started}");
    let shown = out(&run(&db, &["followup", "show", &after]));
    assert!(shown.contains("5 à confirmer"), "{shown}");
    assert!(shown.contains("WhatsApp, SMS"), "{shown}");

    // No flag, no confirmation.
    let o = run(&db, &["followup", "confirm", &after]);
    assert!(!o.status.success());
    assert!(
        Store::open(&db)
            .unwrap()
            .audit(&after)
            .unwrap()
            .unwrap()
            .answers
            .is_empty()
    );

    let one = out(&run(
        &db,
        &["followup", "confirm", &after, "--question", "mail_tools"],
    ));
    assert!(one.contains("Confirmée mail_tools : Gmail"), "{one}");
    let again = run(
        &db,
        &["followup", "confirm", &after, "--question", "mail_tools"],
    );
    assert!(!again.status.success(), "already confirmed");
    let all = out(&run(
        &db,
        &["followup", "confirm", &after, "--all-unchanged"],
    ));
    assert!(
        all.contains("4\u{a0}réponses confirmées telles quelles."),
        "{all}"
    );
    assert!(
        all.contains("Confirmée chat_tools : WhatsApp, SMS"),
        "{all}"
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.audit(&after).unwrap().unwrap().answers.len(), 5);
    assert_eq!(
        store.trail(&after).unwrap().len(),
        5,
        "each confirmation in the trail"
    );
    drop(store);

    let text = out(&run(&db, &["compare", &before, &after]));
    assert!(text.contains("Réponses modifiées (0)"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&out(&run(&db, &["compare", &before, &after, "--json"]))).unwrap();
    assert_eq!(json["before_audit"], before.as_str());
    let dir_out = dir.path().join("exports");
    std::fs::create_dir(&dir_out).unwrap();
    let written = out(&run(
        &db,
        &[
            "compare",
            &before,
            &after,
            "--format",
            "md,html",
            "--out",
            dir_out.to_str().unwrap(),
        ],
    ));
    let files: Vec<&str> = written.lines().collect();
    assert_eq!(files.len(), 2, "{written}");
    let html =
        std::fs::read_to_string(files.iter().find(|f| f.ends_with(".html")).unwrap()).unwrap();
    assert!(
        html.contains("<svg") && html.contains("Scores par domaine"),
        "{html}"
    );
    assert!(!html.contains("<script"));
    let md = std::fs::read_to_string(files.iter().find(|f| f.ends_with(".md")).unwrap()).unwrap();
    assert!(
        md.starts_with("# Suivi : ce qui a changé — Les Jardins d'Été"),
        "{md}"
    );
    // The counts agree with their words, in the terminal and in both files.
    for (what, doc) in [("text", &text), ("md", &md), ("html", &html)] {
        let agreed = |one: &str, other: &str| {
            let line = doc.lines().find(|l| l.contains(one) || l.contains(other));
            let line = line.unwrap_or_else(|| panic!("{what}: no « {other} » in {doc}"));
            let at = line.find('\u{a0}').expect("a count before its noun");
            let digits: String = line[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect();
            let n: usize = digits.chars().rev().collect::<String>().parse().unwrap();
            let form = if n <= 1 { one } else { other };
            assert!(line.contains(&format!("{n}\u{a0}{form}")), "{what}: {line}");
        };
        agreed("réponse inchangée", "réponses inchangées");
        if what != "text" {
            agreed("étape faite sur", "étapes faites sur");
        }
        assert!(!doc.contains("(s)"), "{what}: {doc}");
    }
    let again = run(
        &db,
        &[
            "compare",
            &before,
            &after,
            "--format",
            "md",
            "--out",
            dir_out.to_str().unwrap(),
        ],
    );
    assert!(!again.status.success(), "no overwrite without --force");
    // `--out -`: one format to standard output, the same document as the file; two refused,
    // nothing written, no folder named « - ».
    let piped = run(
        &db,
        &["compare", &before, &after, "--format", "md", "--out", "-"],
    );
    assert!(piped.status.success());
    assert_eq!(out(&piped), md);
    let cwd = dir.path().join("cwd");
    std::fs::create_dir(&cwd).unwrap();
    let two = bin::diagasso()
        .current_dir(&cwd)
        .args(["--lang", "fr", "--db"])
        .arg(&db)
        .args([
            "compare", &before, &after, "--format", "md,html", "--out", "-",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!two.status.success());
    assert!(
        String::from_utf8_lossy(&two.stderr).contains("--out -"),
        "{}",
        String::from_utf8_lossy(&two.stderr)
    );
    assert_eq!(std::fs::read_dir(&cwd).unwrap().count(), 0);
}
