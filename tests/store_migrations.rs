//! Migrations: a database of every past schema version (`tests/fixtures/db/vN.sql`, dumps
//! written by that version) opens with the current store, is migrated to the current version
//! and reads back the same data; the questionnaire copy kept with an audit is the one it was
//! started with, whatever the current files say.

use std::path::{Path, PathBuf};

use diagasso::audit::{Answer, AuditStatus, LegalForm, Value};
use diagasso::store::{Store, schema};

const ASSOCIATION: &str = "01a20b5a-649c-701a-8c97-86f3263bb8b9";
const AUDIT: &str = "01a20b5a-649c-701a-8c97-86f43c677290";

fn fixture(version: u32) -> PathBuf {
    PathBuf::from(format!("tests/fixtures/db/v{version}.sql"))
}

fn build(sql: &Path, into: &Path) {
    let script = std::fs::read_to_string(sql).expect("fixture readable");
    let conn = rusqlite::Connection::open(into).unwrap();
    conn.execute_batch(&script).expect("fixture builds");
}

#[test]
fn there_is_a_fixture_for_every_schema_version() {
    for v in 1..=schema::current_version() {
        assert!(fixture(v).is_file(), "missing {}", fixture(v).display());
    }
    assert!(!fixture(schema::current_version() + 1).exists());
}

#[test]
fn every_past_version_migrates_and_reads_back() {
    for v in 1..=schema::current_version() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(format!("v{v}.db"));
        build(&fixture(v), &db);
        let mut store = Store::open(&db).unwrap_or_else(|e| panic!("v{v}: {}", e.message().en));
        let conn = rusqlite::Connection::open(&db).unwrap();
        let now: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(now, schema::current_version(), "v{v} migrated");

        let a = store
            .association(ASSOCIATION)
            .unwrap()
            .expect("association");
        assert_eq!(a.name, "Les Jardins d'Été");
        assert_eq!(a.legal_form, LegalForm::Collectif);
        assert_eq!((a.members, a.budget_eur), (Some(25), Some(4000)));
        assert_eq!(a.contact_email, "camille@example.org");

        let audit = store.audit(AUDIT).unwrap().expect("audit");
        assert_eq!(audit.status, AuditStatus::Finished);
        assert_eq!(audit.trainer, "Dominique");
        assert_eq!(
            (audit.questionnaire.id.as_str(), audit.questionnaire.version),
            ("essai", 2)
        );
        let answers = audit.answer_map();
        assert_eq!(answers.len(), 7);
        assert_eq!(
            answers["files_main"],
            Answer::Given(Value::Choice("google_drive".into()))
        );
        assert_eq!(
            answers["files_tools"],
            Answer::Given(Value::Choices(vec!["google_drive".into(), "usb".into()]))
        );
        assert_eq!(answers["members_count"], Answer::Given(Value::Number(25.0)));
        assert_eq!(answers["uses_files"], Answer::Given(Value::Bool(true)));
        assert_eq!(answers["files_satisfaction"], Answer::DontKnow);
        assert_eq!(answers["storage_gb"], Answer::NotApplicable);
        assert!(!answers.contains_key("accounts_count"), "cleared");
        assert_eq!(audit.notes["files_tools"], "La clé USB du trésorier");
        assert_eq!(audit.note, "Visite du 12 mars");
        assert_eq!(store.cursor(AUDIT).unwrap().as_deref(), Some("storage_gb"));
        let trail = store.trail(AUDIT).unwrap();
        assert_eq!(trail.len(), 10);
        assert_eq!(trail[9].question_id, "accounts_count");
        assert_eq!(trail[9].new, None);

        // The stored copy is what the audit reads with, even though no file of that
        // questionnaire ships with diagasso.
        let q = store.audit_questionnaire(AUDIT).unwrap();
        assert_eq!((q.id.as_str(), q.version), ("essai", 2));
        assert_eq!(q.hash, audit.questionnaire.hash);
        assert_eq!(store.list_audits("", 0, 10).unwrap().len(), 2);

        // And it keeps working: a new answer lands with its trail entry.
        store
            .save_answer(
                AUDIT,
                "accounts_count",
                Some(&Answer::Given(Value::Number(3.0))),
            )
            .unwrap();
        assert_eq!(store.trail(AUDIT).unwrap().len(), 11);
    }
}

#[test]
fn a_version_0_file_is_an_empty_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v0.db");
    // An SQLite file with nothing in it (user_version 0, no tables): migrated from scratch.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 0; VACUUM;")
        .unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(store.count_audits("").unwrap(), 0);
}

const WORKSHOP: &str = "01a20b82-5493-71ee-810e-6b12d5c6abeb";
const SECOND_AUDIT: &str = "01a20b5a-64a3-719a-af0a-83bd86f09a25";

#[test]
fn workshops_and_follow_up_links_read_back_from_version_2_on() {
    for v in 1..=schema::current_version() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(format!("v{v}.db"));
        build(&fixture(v), &db);
        let mut store = Store::open(&db).unwrap_or_else(|e| panic!("v{v}: {}", e.message().en));
        if v == 1 {
            // A version-1 file gains the tables, empty.
            assert!(store.workshops().unwrap().is_empty());
            assert_eq!(store.previous_audit_id(SECOND_AUDIT).unwrap(), None);
            continue;
        }
        let w = store.find_workshop(WORKSHOP).unwrap().expect("workshop");
        assert_eq!(
            (w.name.as_str(), w.date.as_str(), w.audits),
            ("Atelier d'Été", "2026-06-21", 1)
        );
        assert_eq!(
            store.find_workshop("atelier d'ete").unwrap().unwrap().id,
            WORKSHOP
        );
        assert_eq!(
            store.workshop_audit_ids(WORKSHOP).unwrap(),
            vec![AUDIT.to_string()]
        );
        // The earlier audit of the second one lives on another laptop.
        assert_eq!(
            store.previous_audit_id(SECOND_AUDIT).unwrap().as_deref(),
            Some("01a20b5a-0000-7000-8000-000000000001")
        );
        assert_eq!(store.previous_audit_id(AUDIT).unwrap(), None);
        // And it keeps working: a follow-up of the first audit, added to the workshop.
        let q = store.audit_questionnaire(AUDIT).unwrap();
        let next = store.start_followup(AUDIT, "Camille", &q).unwrap();
        assert!(store.add_to_workshop(WORKSHOP, &next).unwrap());
        assert_eq!(store.followups_of(AUDIT).unwrap(), vec![next]);
    }
}

/// From version 3 on, the trail has one index (by audit, question and time): saving an answer
/// writes one b-tree fewer, and every lookup by audit still finds it.
#[test]
fn the_trail_keeps_one_index_from_version_3_on() {
    for v in 1..=schema::current_version() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(format!("v{v}.db"));
        build(&fixture(v), &db);
        let store = Store::open(&db).unwrap_or_else(|e| panic!("v{v}: {}", e.message().en));
        drop(store);
        let conn = rusqlite::Connection::open(&db).unwrap();
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'trail'")
            .unwrap();
        let names: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(names, ["trail_by_question"], "v{v}");
        let plan: String = conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM trail WHERE audit_id = ?1",
                [AUDIT],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("trail_by_question"), "v{v}: {plan}");
    }
}
