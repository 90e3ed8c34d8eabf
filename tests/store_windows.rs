//! Two windows on one audit (issue 12, point 2): two stores on one file, each saving over what
//! it last read. A save over a value another window changed meanwhile writes nothing and says
//! what is stored and when; saving again over that value goes through. Answers, notes (on a
//! question and general) and the profile; then the same through two line-mode processes.

#[path = "common/bin.rs"]
mod bin;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diagasso::audit::{Answer, Association, Value};
use diagasso::questionnaire::shipped;
use diagasso::store::{Current, NewAudit, Store, StoreError};

fn choices(ids: &[&str]) -> Answer {
    Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()))
}

fn association() -> Association {
    Association {
        name: "Les Jardins d'Été".into(),
        country: "FR".into(),
        postcode: "69007".into(),
        ..Association::default()
    }
}

/// A file with one audit on the default questionnaire: (association id, audit id).
fn seeded(db: &Path) -> (String, String) {
    let q = shipped::by_id(shipped::DEFAULT_ID).unwrap().unwrap();
    let mut s = Store::open(db).unwrap();
    let created = s
        .create_audit(&NewAudit {
            association: &association(),
            trainer: "Camille",
            questionnaire: &q,
            answers: &BTreeMap::new(),
            notes: &BTreeMap::new(),
            note: "",
        })
        .unwrap();
    (created.association_id, created.audit_id)
}

fn changed(e: StoreError) -> (Current, String) {
    match e {
        StoreError::ChangedElsewhere(c) => (c.current, c.at),
        other => panic!("expected 'changed elsewhere', got {other:?}"),
    }
}

#[test]
fn an_answer_saved_over_a_stale_read_is_refused_with_what_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let (_, audit) = seeded(&db);
    let mut a = Store::open(&db).unwrap();
    let mut b = Store::open(&db).unwrap();
    let q = "assoc_languages";
    // Window A ticks French and English (it read no answer): saved.
    let at_a = a
        .save_answer_over(&audit, q, None, Some(&choices(&["fr", "en"])))
        .unwrap();
    // Window B, which also read no answer, ticks German: refused, nothing written.
    let err = b
        .save_answer_over(&audit, q, None, Some(&choices(&["de"])))
        .unwrap_err();
    let (current, at) = changed(err);
    assert_eq!(current, Current::Answer(Some(choices(&["fr", "en"]))));
    assert_eq!(at, at_a, "when A saved it");
    let stored = |s: &Store| {
        s.audit(&audit)
            .unwrap()
            .unwrap()
            .answer_map()
            .get(q)
            .cloned()
    };
    assert_eq!(stored(&b), Some(choices(&["fr", "en"])));
    assert_eq!(
        b.trail(&audit).unwrap().len(),
        1,
        "no trail entry for the refused save"
    );
    // B reloaded: it answers again over what it now holds, and that goes through.
    b.save_answer_over(
        &audit,
        q,
        Some(&choices(&["fr", "en"])),
        Some(&choices(&["fr", "en", "de"])),
    )
    .unwrap();
    let Some(Answer::Given(Value::Choices(mut ids))) = stored(&a) else {
        panic!("choices");
    };
    ids.sort();
    assert_eq!(ids, ["de", "en", "fr"]);
    // A, still holding French and English, clears the answer: refused too.
    let (current, _) = changed(
        a.save_answer_over(&audit, q, Some(&choices(&["fr", "en"])), None)
            .unwrap_err(),
    );
    assert!(matches!(current, Current::Answer(Some(_))));
    // A save that brings what is already stored is no conflict (both windows agree).
    let now = stored(&a).unwrap();
    a.save_answer_over(&audit, q, Some(&choices(&["es"])), Some(&now))
        .unwrap();
    // An answer removed elsewhere: the current value is "none", with the time of the removal.
    b.save_answer_over(&audit, q, Some(&now), None).unwrap();
    let (current, at) = changed(
        a.save_answer_over(&audit, q, Some(&now), Some(&choices(&["it"])))
            .unwrap_err(),
    );
    assert_eq!(current, Current::Answer(None));
    assert!(!at.is_empty(), "the removal's time, from the trail");
    // Saving blind (one-shot commands) still overwrites, as before.
    a.save_answer(&audit, q, Some(&choices(&["it"]))).unwrap();
    assert_eq!(stored(&b), Some(choices(&["it"])));
}

#[test]
fn notes_and_the_profile_are_saved_over_what_the_window_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let (association_id, audit) = seeded(&db);
    let mut a = Store::open(&db).unwrap();
    let mut b = Store::open(&db).unwrap();
    for question in [Some("assoc_languages"), None] {
        a.save_note_over(&audit, question, "", "Vu avec la trésorière")
            .unwrap();
        let (current, at) = changed(
            b.save_note_over(&audit, question, "", "Autre chose")
                .unwrap_err(),
        );
        assert_eq!(current, Current::Note("Vu avec la trésorière".into()));
        assert!(!at.is_empty());
        // B reloaded and writes over it: fine. Blank space and decomposed accents are no
        // change of their own.
        b.save_note_over(
            &audit,
            question,
            "Vu avec la trésorière  ",
            "Vu avec la tre\u{301}sorière et le président",
        )
        .unwrap();
    }
    let audit_row = a.audit(&audit).unwrap().unwrap();
    assert_eq!(audit_row.note, "Vu avec la trésorière et le président");
    assert_eq!(
        audit_row.notes["assoc_languages"],
        "Vu avec la trésorière et le président"
    );

    // The profile: B's stale copy must not blank A's postcode.
    let read = a.association(&association_id).unwrap().unwrap();
    let mut by_a = read.clone();
    by_a.postcode = "69003".into();
    a.update_association_over(&read, &by_a).unwrap();
    let mut by_b = read.clone();
    by_b.activity = "Jardinage".into();
    let (current, _) = changed(b.update_association_over(&read, &by_b).unwrap_err());
    let Current::Association(current) = current else {
        panic!("a profile");
    };
    assert_eq!(current.postcode, "69003");
    assert_eq!(
        b.association(&association_id).unwrap().unwrap().postcode,
        "69003"
    );
    // Over the reloaded profile, B's change goes through and keeps A's postcode.
    let mut by_b = (*current).clone();
    by_b.activity = "Jardinage".into();
    b.update_association_over(&current, &by_b).unwrap();
    let now = a.association(&association_id).unwrap().unwrap();
    assert_eq!(
        (now.postcode.as_str(), now.activity.as_str()),
        ("69003", "Jardinage")
    );
}

/// A line-mode process on `db`, its output gathered by a thread.
struct Line {
    child: std::process::Child,
    out: Arc<Mutex<Vec<u8>>>,
}

impl Line {
    fn start(db: &Path) -> Line {
        let mut child = bin::diagasso()
            .args(["--lang", "fr", "--plain", "--db"])
            .arg(db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .env_remove("DIAGASSO_DB")
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let out = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&out);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        });
        Line { child, out }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.out.lock().unwrap()).into_owned()
    }

    /// Send `line`, then wait until `needle` has appeared `count` times.
    fn send(&mut self, line: &str, needle: &str, count: usize) {
        writeln!(self.child.stdin.as_mut().unwrap(), "{line}").unwrap();
        let start = Instant::now();
        while self.text().matches(needle).count() < count {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waiting for {needle:?} ×{count}:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

impl Drop for Line {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn two_line_mode_windows_on_one_audit_do_not_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let (_, audit) = seeded(&db);
    let mut a = Line::start(&db);
    let mut b = Line::start(&db);
    for w in [&mut a, &mut b] {
        w.send("1", "Réponse > ", 1);
        // On to the languages (question 3), skipping what comes before (the second window
        // resumes where the first one stands).
        while !w
            .text()
            .rsplit("Question ")
            .next()
            .unwrap_or("")
            .starts_with("3/")
        {
            let prompts = w.text().matches("Réponse > ").count();
            w.send(">", "Réponse > ", prompts + 1);
        }
    }
    // A: French and English. B, which read no answer: German.
    a.send("1,2", "Enregistré ", 1);
    b.send("3", "NON enregistré", 1);
    let start = Instant::now();
    while b.text().matches("Question 3/").count() < 2 && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let said = b.text();
    assert!(
        said.contains("modifié dans une autre fenêtre à ") && said.contains("réponse mise à jour"),
        "{said}"
    );
    // B is asked again, holding A's answer; its answer now goes through.
    assert!(said.matches("Question 3/").count() >= 2, "{said}");
    b.send("1,2,3", "Enregistré ", 1);
    drop((a, b));
    let s = Store::open(&db).unwrap();
    let stored = s.audit(&audit).unwrap().unwrap().answer_map()["assoc_languages"].clone();
    let Answer::Given(Value::Choices(mut ids)) = stored else {
        panic!("{stored:?}");
    };
    ids.sort();
    assert_eq!(ids, ["de", "en", "fr"]);
}
