//! The store from the outside: creating a file (mode 0600, schema version), associations and
//! audits round-tripping, answers with their trail (and a property test that any sequence of
//! changes reads back as the last value with a complete trail), notes, the cursor, the stored
//! questionnaire copy, listing with paging, ordering and accent-blind filtering, deletion, and
//! the kill-safety property (what was committed is there after reopening).

use std::collections::BTreeMap;
use std::path::Path;

use diagasso::audit::{Answer, Association, AuditStatus, LegalForm, Value};
use diagasso::questionnaire::{self, Questionnaire};
use diagasso::store::{Store, StoreError, schema};
use proptest::prelude::*;

const QUESTIONNAIRE: &str = "tests/fixtures/answers/questionnaire.toml";

fn questionnaire() -> Questionnaire {
    let text = std::fs::read_to_string(QUESTIONNAIRE).expect("fixture readable");
    questionnaire::load_str(QUESTIONNAIRE, &text).expect("fixture loads")
}

fn association(name: &str) -> Association {
    Association {
        name: name.to_string(),
        legal_form: LegalForm::Association,
        country: "FR".into(),
        postcode: "69007".into(),
        activity: "Jardins partagés".into(),
        members: Some(25),
        employees: Some(0),
        volunteers: Some(20),
        budget_eur: Some(4000),
        contact_name: "Camille Martin".into(),
        contact_email: "camille@example.org".into(),
        ..Association::default()
    }
}

fn given(v: Value) -> Answer {
    Answer::Given(v)
}

/// An association with one audit on the fixture questionnaire: (association id, audit id).
fn seeded(store: &mut Store, name: &str) -> (String, String) {
    let a = store
        .create_association(&association(name))
        .expect("association");
    let audit = store
        .start_audit(&a, "Dominique", &questionnaire())
        .expect("audit");
    (a, audit)
}

#[test]
fn a_new_file_is_created_0600_at_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep/er/diagasso.db");
    let mut store = Store::open(&path).expect("open");
    assert_eq!(store.path(), Some(path.as_path()));
    seeded(&mut store, "Droits");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600, "file mode {:o}", mode(&path));
        // SQLite gives its side files the database's mode.
        for suffix in ["-wal", "-shm"] {
            let mut side = path.as_os_str().to_owned();
            side.push(suffix);
            assert_eq!(mode(Path::new(&side)), 0o600, "{suffix}");
        }
        let parent = std::fs::metadata(path.parent().unwrap()).unwrap();
        assert_eq!(parent.permissions().mode() & 0o777, 0o700);
    }
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::current_version());
    assert_eq!(version as usize, schema::MIGRATIONS.len());
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

/// The interface may keep the store on another thread than the one drawing.
#[test]
fn the_store_can_move_between_threads() {
    fn send<T: Send>() {}
    send::<Store>();
}

#[test]
fn a_zero_byte_file_is_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let mut store = Store::open(&path).expect("zero-byte file opens as new");
    seeded(&mut store, "Vide");
    assert_eq!(store.count_audits("").unwrap(), 1);
}

#[test]
fn reopening_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    let (_, audit) = seeded(&mut Store::open(&path).unwrap(), "Une");
    for _ in 0..3 {
        let store = Store::open(&path).expect("reopen");
        assert!(store.audit(&audit).unwrap().is_some());
    }
}

#[test]
fn associations_round_trip_and_update() {
    let mut store = Store::open_in_memory().unwrap();
    let mut a = association("Les Jardins d'Été");
    let id = store.create_association(&a).unwrap();
    assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 7);
    a.id = id.clone();
    assert_eq!(store.association(&id).unwrap(), Some(a.clone()));
    a.name = "Jardins d'été".into();
    a.legal_form = LegalForm::Collectif;
    a.budget_eur = None;
    a.contact_email.clear();
    store.update_association(&a).unwrap();
    assert_eq!(store.association(&id).unwrap(), Some(a.clone()));
    assert_eq!(store.association("nope").unwrap(), None);
    a.id = "0190a0a0-0000-7000-8000-000000000000".into();
    assert!(matches!(
        store.update_association(&a),
        Err(StoreError::UnknownAssociation(_))
    ));
    let blank = Association::default();
    let err = store.create_association(&blank).unwrap_err();
    assert!(
        err.message().en.contains("needs a name"),
        "{}",
        err.message().en
    );
}

#[test]
fn an_audit_keeps_its_questionnaire_copy() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, audit) = seeded(&mut store, "Copie");
    let got = store.audit(&audit).unwrap().expect("audit");
    let q = questionnaire();
    assert_eq!(got.association_id, a);
    assert_eq!(got.trainer, "Dominique");
    assert_eq!(got.questionnaire.id, "essai");
    assert_eq!(got.questionnaire.version, 2);
    assert_eq!(got.questionnaire.hash, q.hash);
    assert_eq!(got.status, AuditStatus::InProgress);
    assert!(got.finished_at.is_none());
    let stored = store.audit_questionnaire(&audit).unwrap();
    assert_eq!(stored.source, q.source);
    assert_eq!(stored.hash, q.hash);
    // A second audit on the same questionnaire shares the copy; another version gets its own.
    let next = q.source.replace("version = 2", "version = 3");
    let q3 = questionnaire::load_str("v3", &next).unwrap();
    let audit3 = store.start_audit(&a, "", &q3).unwrap();
    assert_eq!(store.audit_questionnaire(&audit3).unwrap().version, 3);
    assert_eq!(store.audit_questionnaire(&audit).unwrap().version, 2);
    let summaries = store.list_audits("", 0, 10).unwrap();
    assert_eq!(summaries.len(), 2);
    assert!(summaries.iter().all(|s| s.total == 8));
    assert!(matches!(
        store.start_audit("missing", "", &q),
        Err(StoreError::UnknownAssociation(_))
    ));
}

#[test]
fn answers_are_saved_read_and_trailed() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, audit) = seeded(&mut store, "Réponses");
    let at = store
        .save_answer(&audit, "members_count", Some(&given(Value::Number(25.0))))
        .unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(&at).is_ok(), "{at}");
    store
        .save_answer(
            &audit,
            "activity_text",
            Some(&given(Value::Text("  Café  ".into()))),
        )
        .unwrap();
    store
        .save_answer(&audit, "storage_gb", Some(&Answer::NotApplicable))
        .unwrap();
    store
        .save_answer(&audit, "members_count", Some(&Answer::DontKnow))
        .unwrap();
    // The same answer again changes nothing and returns the first save's time.
    let again = store
        .save_answer(&audit, "storage_gb", Some(&Answer::NotApplicable))
        .unwrap();
    let got = store.audit(&audit).unwrap().unwrap();
    assert_eq!(got.answers["storage_gb"].updated_at, again);
    assert_eq!(got.answers["members_count"].answer, Answer::DontKnow);
    // Text is trimmed and NFC-normalised on the way in.
    assert_eq!(
        got.answers["activity_text"].answer,
        given(Value::Text("Café".into()))
    );
    store.save_answer(&audit, "activity_text", None).unwrap();
    let trail = store.trail(&audit).unwrap();
    let summary: Vec<(&str, Option<&Answer>, Option<&Answer>)> = trail
        .iter()
        .map(|t| (t.question_id.as_str(), t.old.as_ref(), t.new.as_ref()))
        .collect();
    let n25 = given(Value::Number(25.0));
    let cafe = given(Value::Text("Café".into()));
    assert_eq!(
        summary,
        vec![
            ("members_count", None, Some(&n25)),
            ("activity_text", None, Some(&cafe)),
            ("storage_gb", None, Some(&Answer::NotApplicable)),
            ("members_count", Some(&n25), Some(&Answer::DontKnow)),
            ("activity_text", Some(&cafe), None),
        ]
    );
    assert_eq!(store.audit(&audit).unwrap().unwrap().answers.len(), 2);
}

#[test]
fn answers_breaking_the_rules_are_refused_and_nothing_is_written() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, audit) = seeded(&mut store, "Règles");
    store
        .save_answer(&audit, "members_count", Some(&given(Value::Number(10.0))))
        .unwrap();
    let cases: Vec<(&str, Answer, &str)> = vec![
        (
            "members_count",
            given(Value::Number(2.5)),
            "answer refused for 'members_count': a whole number is expected (got 2.5); nothing was written.",
        ),
        (
            "accounts_count",
            given(Value::Number(12.0)),
            "answer refused for 'accounts_count': No more accounts than members.; nothing was written.",
        ),
        (
            "files_tools",
            given(Value::Choices(vec!["none".into(), "usb".into()])),
            "answer refused for 'files_tools': 'None' cannot be combined with other choices; nothing was written.",
        ),
        (
            "uses_files",
            given(Value::Text("yes".into())),
            "answer refused for 'uses_files': expected answer: yes or no; nothing was written.",
        ),
        (
            "members_count",
            Answer::NotApplicable,
            "answer refused for 'members_count': 'not applicable' is not offered for this question; nothing was written.",
        ),
    ];
    for (question, answer, want) in cases {
        let err = store
            .save_answer(&audit, question, Some(&answer))
            .unwrap_err();
        assert_eq!(err.message().en, want);
    }
    let err = store
        .save_answer(&audit, "no_such_question", Some(&Answer::DontKnow))
        .unwrap_err();
    assert!(matches!(err, StoreError::UnknownQuestion { .. }), "{err}");
    let err = store
        .save_answer("no-such-audit", "members_count", Some(&Answer::DontKnow))
        .unwrap_err();
    assert!(matches!(err, StoreError::UnknownAudit(_)), "{err}");
    assert_eq!(store.trail(&audit).unwrap().len(), 1);
}

/// Saving checks a constraint against the stored answers it names, as they are at that moment.
#[test]
fn a_constraint_reads_the_stored_answers_it_names() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, audit) = seeded(&mut store, "Contraintes");
    let number = |n: f64| given(Value::Number(n));
    store
        .save_answer(&audit, "members_count", Some(&number(10.0)))
        .unwrap();
    store
        .save_answer(&audit, "accounts_count", Some(&number(8.0)))
        .unwrap();
    store
        .save_answer(&audit, "members_count", Some(&number(5.0)))
        .unwrap();
    let err = store
        .save_answer(&audit, "accounts_count", Some(&number(7.0)))
        .unwrap_err();
    assert_eq!(
        err.message().en,
        "answer refused for 'accounts_count': No more accounts than members.; nothing was written."
    );
    store
        .save_answer(&audit, "accounts_count", Some(&number(5.0)))
        .unwrap();
    // "Don't know" is never refused by a constraint.
    store
        .save_answer(&audit, "accounts_count", Some(&Answer::DontKnow))
        .unwrap();
    let got = store.audit(&audit).unwrap().unwrap();
    assert_eq!(got.answers["accounts_count"].answer, Answer::DontKnow);
    assert_eq!(got.answers["members_count"].answer, number(5.0));
    assert_eq!(store.trail(&audit).unwrap().len(), 5);
}

#[test]
fn notes_status_and_cursor() {
    let mut store = Store::open_in_memory().unwrap();
    let (_, audit) = seeded(&mut store, "Notes");
    store
        .save_note(&audit, Some("uses_files"), "Demander à la trésorière")
        .unwrap();
    store.save_note(&audit, None, "Visite du 12 mars").unwrap();
    let got = store.audit(&audit).unwrap().unwrap();
    assert_eq!(got.notes["uses_files"], "Demander à la trésorière");
    assert_eq!(got.note, "Visite du 12 mars");
    store.save_note(&audit, Some("uses_files"), "  ").unwrap();
    store.save_note(&audit, None, "").unwrap();
    let got = store.audit(&audit).unwrap().unwrap();
    assert!(got.notes.is_empty());
    assert_eq!(got.note, "");
    assert!(matches!(
        store.save_note(&audit, Some("nope"), "x"),
        Err(StoreError::UnknownQuestion { .. })
    ));

    assert_eq!(store.cursor(&audit).unwrap(), None);
    store.set_cursor(&audit, "files_tools").unwrap();
    assert_eq!(
        store.cursor(&audit).unwrap().as_deref(),
        Some("files_tools")
    );
    assert!(store.set_cursor(&audit, "nope").is_err());
    assert!(matches!(
        store.cursor("nope"),
        Err(StoreError::UnknownAudit(_))
    ));

    store.set_status(&audit, AuditStatus::Finished).unwrap();
    let got = store.audit(&audit).unwrap().unwrap();
    assert_eq!(got.status, AuditStatus::Finished);
    assert!(got.finished_at.is_some());
    store.set_status(&audit, AuditStatus::InProgress).unwrap();
    assert!(store.audit(&audit).unwrap().unwrap().finished_at.is_none());
}

#[test]
fn listing_pages_newest_first_and_filters_without_accents() {
    let mut store = Store::open_in_memory().unwrap();
    let names = [
        "École des Parents",
        "Jardins partagés",
        "Ecolo Vélo",
        "Théâtre",
        "Œuvre Sociale",
    ];
    let mut ids = Vec::new();
    for name in names {
        ids.push(seeded(&mut store, name).1);
    }
    let all = store.list_audits("", 0, 100).unwrap();
    let listed: Vec<&str> = all.iter().map(|s| s.id.as_str()).collect();
    let newest_first: Vec<&str> = ids.iter().rev().map(String::as_str).collect();
    assert_eq!(listed, newest_first);
    // Touching an old audit moves it to the top.
    store
        .save_answer(&ids[0], "uses_files", Some(&given(Value::Bool(true))))
        .unwrap();
    let top = &store.list_audits("", 0, 1).unwrap()[0];
    assert_eq!(top.id, ids[0]);
    assert_eq!(top.answered, 1);
    assert_eq!(top.association_name, "École des Parents");
    // Pages follow each other without gaps or repeats.
    let mut paged = Vec::new();
    for offset in (0..5).step_by(2) {
        paged.extend(store.list_audits("", offset, 2).unwrap());
    }
    assert_eq!(paged, store.list_audits("", 0, 10).unwrap());
    assert!(store.list_audits("", 10, 10).unwrap().is_empty());
    // Case and accents do not matter.
    let found = |f: &str| -> Vec<String> {
        store
            .list_audits(f, 0, 10)
            .unwrap()
            .into_iter()
            .map(|s| s.association_name)
            .collect()
    };
    // (École was touched last, so it comes first.)
    assert_eq!(found("ECOL"), vec!["École des Parents", "Ecolo Vélo"]);
    assert_eq!(found("velo"), vec!["Ecolo Vélo"]);
    assert_eq!(found("oeuvre"), vec!["Œuvre Sociale"]);
    assert_eq!(found("théatre"), vec!["Théâtre"]);
    assert!(found("zzz").is_empty());
    assert_eq!(store.count_audits("").unwrap(), 5);
    assert_eq!(store.count_audits("ecol").unwrap(), 2);
}

#[test]
fn deleting_an_audit_keeps_the_association() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, audit) = seeded(&mut store, "Supprimée");
    store
        .save_answer(&audit, "uses_files", Some(&given(Value::Bool(false))))
        .unwrap();
    store.delete_audit(&audit).unwrap();
    assert_eq!(store.audit(&audit).unwrap(), None);
    assert!(store.association(&a).unwrap().is_some());
    assert!(matches!(
        store.delete_audit(&audit),
        Err(StoreError::UnknownAudit(_))
    ));
    assert_eq!(store.count_audits("").unwrap(), 0);
}

/// Kill safety: once `save_answer` returned, a new process opening the file sees the answer,
/// even if this one never closes its connection cleanly (it is leaked here, as after kill -9).
#[test]
fn what_was_committed_is_there_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kill.db");
    let mut store = Store::open(&path).unwrap();
    let (_, audit) = seeded(&mut store, "Coupure");
    store
        .save_answer(&audit, "members_count", Some(&given(Value::Number(7.0))))
        .unwrap();
    std::mem::forget(store);
    copy_and_check(&path, &audit);
}

/// Copy the db and its WAL as they are on disk (what survives a crash) and read the copy.
fn copy_and_check(path: &Path, audit: &str) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    std::fs::copy(path, &copy).unwrap();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let mut wal_copy = copy.as_os_str().to_owned();
    wal_copy.push("-wal");
    if Path::new(&wal).exists() {
        std::fs::copy(&wal, &wal_copy).unwrap();
    }
    let store = Store::open(&copy).unwrap();
    let got = store.audit(audit).unwrap().expect("audit survived");
    assert_eq!(
        got.answers["members_count"].answer,
        given(Value::Number(7.0))
    );
}

#[derive(Debug, Clone)]
enum Change {
    Set(&'static str, Answer),
    Clear(&'static str),
}

fn change() -> impl Strategy<Value = Change> {
    let number = (0u32..200).prop_map(|n| given(Value::Number(f64::from(n))));
    let text = "[a-zé ]{0,12}".prop_map(|t| given(Value::Text(t)));
    let multi = proptest::sample::subsequence(vec!["google_drive", "nextcloud", "usb"], 1..=3)
        .prop_map(|ids| given(Value::Choices(ids.into_iter().map(String::from).collect())));
    let special = prop_oneof![Just(Answer::DontKnow), Just(Answer::NotApplicable)];
    prop_oneof![
        number.prop_map(|a| Change::Set("members_count", a)),
        text.prop_map(|a| Change::Set("activity_text", a)),
        multi.prop_map(|a| Change::Set("files_tools", a)),
        special.prop_map(|a| Change::Set("storage_gb", a)),
        any::<bool>().prop_map(|b| Change::Set("uses_files", given(Value::Bool(b)))),
        prop_oneof![
            Just("members_count"),
            Just("activity_text"),
            Just("files_tools"),
            Just("storage_gb"),
            Just("uses_files")
        ]
        .prop_map(Change::Clear),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of answer changes reads back as the last value of each question, and the
    /// trail holds exactly the real changes, each from the value before to the value after.
    #[test]
    fn any_sequence_of_changes_reads_back_as_the_last(changes in proptest::collection::vec(change(), 0..40)) {
        let mut store = Store::open_in_memory().unwrap();
        let (_, audit) = seeded(&mut store, "Propriété");
        let q = questionnaire();
        let mut model: BTreeMap<String, Answer> = BTreeMap::new();
        let mut expected_trail = Vec::new();
        for c in &changes {
            let (id, new) = match c {
                Change::Set(id, a) => (*id, Some(a.clone())),
                Change::Clear(id) => (*id, None),
            };
            let new = new.map(|a| questionnaire::answer::normalise(q.question(id).unwrap(), a));
            store.save_answer(&audit, id, new.as_ref()).unwrap();
            let old = model.get(id).cloned();
            if old != new {
                expected_trail.push((id.to_string(), old, new.clone()));
            }
            match new {
                Some(a) => { model.insert(id.to_string(), a); }
                None => { model.remove(id); }
            }
        }
        let got = store.audit(&audit).unwrap().unwrap();
        prop_assert_eq!(got.answer_map(), model);
        let trail: Vec<_> = store
            .trail(&audit)
            .unwrap()
            .into_iter()
            .map(|t| (t.question_id, t.old, t.new))
            .collect();
        prop_assert_eq!(trail, expected_trail);
    }
}
