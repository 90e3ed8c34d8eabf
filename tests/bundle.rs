//! Bundles between trainers: two databases that each changed the same audit merge with the
//! newer answer winning, both histories in the trail and the conflict listed; importing the
//! same bundle twice changes nothing; truncated, foreign, tampered, newer or inconsistent
//! bundles are refused whole and change nothing; folder mode merges every bundle of a folder
//! and names the one it refuses; a workshop travels with its audits.

#[path = "common/bin.rs"]
mod bin;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Output, Stdio};

use diagasso::audit::{Answer, Association, Value};
use diagasso::bundle::{self, Content};
use diagasso::questionnaire::{Questionnaire, shipped};
use diagasso::store::{Kept, NewAudit, NewWorkshop, Selection, Store, codec};

fn express() -> Questionnaire {
    shipped::by_id("atelier-express").unwrap().unwrap()
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()))
}

/// A database with one audit of « Les Jardins d'Été » (chat: WhatsApp, mail: Gmail, files:
/// Google Drive); returns the audit id.
fn seed(store: &mut Store) -> String {
    let q = express();
    let a = Association {
        name: "Les Jardins d'Été".into(),
        country: "FR".into(),
        postcode: "69007".into(),
        contact_email: "camille@example.org".into(),
        ..Association::default()
    };
    let answers = BTreeMap::from([
        ("chat_tools".to_string(), choices(&["whatsapp"])),
        ("mail_tools".to_string(), choices(&["gmail"])),
        ("files_tools".to_string(), choices(&["google_drive"])),
    ]);
    store
        .create_audit(&NewAudit {
            association: &a,
            trainer: "Camille",
            questionnaire: &q,
            answers: &answers,
            notes: &BTreeMap::new(),
            note: "",
        })
        .unwrap()
        .audit_id
}

/// Export everything as bundle text.
fn export(store: &Store) -> String {
    let content = store.bundle_content(Selection::All).unwrap();
    bundle::write(&content, &codec::now()).unwrap()
}

fn import(store: &mut Store, text: &str) -> diagasso::store::MergeReport {
    let checked = bundle::read(text.as_bytes()).unwrap();
    store.merge_bundle(&checked).unwrap()
}

/// Everything the database holds, as a bundle's content (times of export aside).
fn state(store: &Store) -> Content {
    store.bundle_content(Selection::All).unwrap()
}

fn answer(store: &Store, audit: &str, q: &str) -> Option<Answer> {
    store
        .audit(audit)
        .unwrap()
        .unwrap()
        .answers
        .get(q)
        .map(|r| r.answer.clone())
}

#[test]
fn two_databases_that_changed_the_same_audit_merge_with_the_newer_answer_and_a_conflict() {
    let mut a = Store::open_in_memory().unwrap();
    let mut b = Store::open_in_memory().unwrap();
    let audit = seed(&mut a);
    let first = import(&mut b, &export(&a));
    assert_eq!((first.audits_added, first.associations_added), (1, 1));
    assert!(first.conflicts.is_empty());

    // They diverge: A changes the chat (first), B changes the chat (later) and the mail, A
    // changes the files (last).
    a.save_answer(&audit, "chat_tools", Some(&choices(&["signal"])))
        .unwrap();
    b.save_answer(&audit, "chat_tools", Some(&choices(&["element"])))
        .unwrap();
    b.save_answer(&audit, "mail_tools", Some(&choices(&["chatons"])))
        .unwrap();
    a.save_answer(&audit, "files_tools", Some(&choices(&["nextcloud"])))
        .unwrap();

    // B merges A's bundle.
    let r = import(&mut b, &export(&a));
    assert_eq!(r.audits_updated, 1);
    assert_eq!(r.answers_taken, 1, "files only");
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    let c = &r.conflicts[0];
    assert_eq!(c.question_id, "chat_tools");
    assert_eq!(c.association, "Les Jardins d'Été");
    assert_eq!(c.kept, Kept::Here, "B's change is the newer one");
    assert_eq!(c.here, Some(choices(&["element"])));
    assert_eq!(c.bundle, Some(choices(&["signal"])));
    assert!(c.here_at > c.bundle_at);
    assert_eq!(
        answer(&b, &audit, "chat_tools"),
        Some(choices(&["element"]))
    );
    assert_eq!(
        answer(&b, &audit, "mail_tools"),
        Some(choices(&["chatons"]))
    );
    assert_eq!(
        answer(&b, &audit, "files_tools"),
        Some(choices(&["nextcloud"]))
    );
    // Both histories are in B's trail, in time order.
    let trail: Vec<(String, Option<Answer>)> = b
        .trail(&audit)
        .unwrap()
        .into_iter()
        .filter(|e| e.question_id == "chat_tools")
        .map(|e| (e.at, e.new))
        .collect();
    let news: Vec<_> = trail.iter().map(|(_, n)| n.clone()).collect();
    assert_eq!(
        news,
        vec![
            Some(choices(&["whatsapp"])),
            Some(choices(&["signal"])),
            Some(choices(&["element"]))
        ]
    );
    assert!(trail.windows(2).all(|w| w[0].0 <= w[1].0));

    // A merges B's bundle: B already settled the chat, so no conflict on A's side; both
    // databases now agree.
    let back = import(&mut a, &export(&b));
    assert!(back.conflicts.is_empty(), "{:?}", back.conflicts);
    assert_eq!(back.answers_taken, 2, "chat and mail");
    let (sa, sb) = (state(&a), state(&b));
    assert_eq!(sa.audits[0].answers, sb.audits[0].answers);
    assert_eq!(sa.audits[0].trail, sb.audits[0].trail);
    assert_eq!(sa.associations, sb.associations);
}

#[test]
fn importing_the_same_bundle_twice_changes_nothing() {
    let mut a = Store::open_in_memory().unwrap();
    let mut b = Store::open_in_memory().unwrap();
    let audit = seed(&mut a);
    import(&mut b, &export(&a));
    b.save_answer(&audit, "chat_tools", Some(&choices(&["element"])))
        .unwrap();
    a.save_answer(&audit, "chat_tools", Some(&choices(&["signal"])))
        .unwrap();
    a.save_note(
        &audit,
        Some("chat_tools"),
        "Le groupe WhatsApp reste pour l'instant",
    )
    .unwrap();
    let text = export(&a);
    let once = import(&mut b, &text);
    assert!(once.changed());
    let before = state(&b);
    let twice = import(&mut b, &text);
    assert!(!twice.changed(), "{twice:?}");
    assert!(twice.conflicts.is_empty());
    assert_eq!(twice, diagasso::store::MergeReport::default());
    assert_eq!(state(&b), before);
    // A's own bundle back into A changes nothing either.
    let own = import(&mut a, &text);
    assert!(!own.changed(), "{own:?}");
}

fn run(db: &Path, args: &[&str]) -> Output {
    bin::diagasso()
        .args(["--lang", "en", "--db"])
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .env_remove("DIAGASSO_DB")
        .output()
        .expect("binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_truncated_bundle_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let mut a = Store::open_in_memory().unwrap();
    seed(&mut a);
    let text = export(&a);
    let cut = dir.path().join("cut.diagasso.json");
    std::fs::write(&cut, &text.as_bytes()[..text.len() * 2 / 3]).unwrap();

    // Into no database at all: refused, and no database file is created.
    let o = run(&db, &["bundle", "import", cut.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cut.diagasso.json"), "{}", stderr(&o));
    assert!(stderr(&o).contains("truncated"), "{}", stderr(&o));
    assert!(!db.exists());

    // Into a database with data: refused, nothing changes.
    let mut b = Store::open(&db).unwrap();
    let other = seed(&mut b);
    let before = state(&b);
    drop(b);
    let o = run(&db, &["bundle", "import", cut.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("nothing of it was written"),
        "{}",
        stderr(&o)
    );
    let b = Store::open(&db).unwrap();
    assert_eq!(state(&b), before);
    assert_eq!(b.list_audits("", 0, 10).unwrap().len(), 1);
    assert!(b.audit(&other).unwrap().is_some());
}

#[test]
fn foreign_tampered_newer_and_inconsistent_bundles_are_refused_whole() {
    let mut a = Store::open_in_memory().unwrap();
    seed(&mut a);
    let text = export(&a);
    let refused = |bytes: &[u8]| bundle::read(bytes).unwrap_err().0;

    assert!(
        refused(b"{\"hello\": 1}")
            .en
            .contains("not a diagasso bundle")
    );
    assert!(
        refused(b"PK\x03\x04 zip")
            .en
            .contains("not a diagasso bundle")
    );
    assert!(refused(&[0xff, 0xfe, 0x00]).en.contains("not UTF-8"));
    assert!(refused(b"").en.contains("empty"));
    let tampered = text.replacen("Les Jardins", "Les Jardinz", 1);
    assert!(refused(tampered.as_bytes()).en.contains("checksum"));
    let newer = text.replacen("\"version\": 1,", "\"version\": 2,", 1);
    assert!(refused(newer.as_bytes()).en.contains("newer diagasso"));

    // Well-formed, right checksum, but inconsistent inside.
    let mut content = a.bundle_content(Selection::All).unwrap();
    content.associations.clear();
    let text = bundle::write(&content, &codec::now()).unwrap();
    assert!(
        refused(text.as_bytes())
            .en
            .contains("association is not in the bundle")
    );
    let mut content = a.bundle_content(Selection::All).unwrap();
    content.audits[0].answers[0].question_id = "no_such_question".into();
    content.audits[0].started_at = "yesterday".into();
    let text = bundle::write(&content, &codec::now()).unwrap();
    let m = refused(text.as_bytes());
    assert!(
        m.en.contains("no_such_question = [\"whatsapp\"]: no question 'no_such_question'"),
        "{}",
        m.en
    );
    assert!(m.en.contains("unreadable time 'yesterday'"), "{}", m.en);
}

#[test]
fn a_bundle_that_contradicts_the_database_is_refused_in_one_piece() {
    let mut a = Store::open_in_memory().unwrap();
    let mut b = Store::open_in_memory().unwrap();
    let first = seed(&mut a);
    import(&mut b, &export(&a));
    // A second association and audit in A, then a bundle where the first audit claims to
    // belong to the second association: B must refuse it all, the new audit included.
    let second = seed(&mut a);
    let mut content = a.bundle_content(Selection::All).unwrap();
    let other_association = content
        .audits
        .iter()
        .find(|x| x.id == second)
        .unwrap()
        .association_id
        .clone();
    for x in &mut content.audits {
        if x.id == first {
            x.association_id = other_association.clone();
        }
    }
    let checked = bundle::read(bundle::write(&content, &codec::now()).unwrap().as_bytes()).unwrap();
    let before = state(&b);
    let e = b.merge_bundle(&checked).unwrap_err();
    assert!(
        e.message().en.contains("another association"),
        "{}",
        e.message().en
    );
    assert_eq!(state(&b), before);
    assert!(b.audit(&second).unwrap().is_none());
}

#[test]
fn folder_mode_merges_every_bundle_and_names_the_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("Nextcloud/diagasso");
    std::fs::create_dir_all(&shared).unwrap();
    let (db1, db2, db3) = (
        dir.path().join("camille.db"),
        dir.path().join("dominique.db"),
        dir.path().join("team.db"),
    );
    let mut s1 = Store::open(&db1).unwrap();
    let a1 = seed(&mut s1);
    drop(s1);
    let mut s2 = Store::open(&db2).unwrap();
    let a2 = seed(&mut s2);
    drop(s2);
    let out1 = shared.join("camille.diagasso.json");
    let o = run(&db1, &["bundle", "export", "--all", out1.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&db1, &["bundle", "export", "--all", out1.to_str().unwrap()]);
    assert!(!o.status.success(), "no overwrite without --force");
    let o = run(
        &db1,
        &[
            "bundle",
            "export",
            "--all",
            "--force",
            out1.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out2 = shared.join("dominique.diagasso.json");
    assert!(
        run(&db2, &["bundle", "export", "--all", out2.to_str().unwrap()])
            .status
            .success()
    );
    std::fs::write(
        shared.join("half.diagasso.json"),
        "{\"format\": \"diagasso-bun",
    )
    .unwrap();
    std::fs::write(shared.join("notes.txt"), "not a bundle, not read").unwrap();
    std::fs::write(shared.join(".camille.diagasso.json.part-12"), "partial").unwrap();
    assert!(
        !std::fs::read_dir(&shared)
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().contains(".part-")
                && e.file_name() != ".camille.diagasso.json.part-12"),
        "no temporary file left behind"
    );

    let o = run(&db3, &["bundle", "import", shared.to_str().unwrap()]);
    assert!(!o.status.success(), "one bundle was refused");
    let err = stderr(&o);
    assert!(err.contains("half.diagasso.json"), "{err}");
    assert!(
        !err.contains("notes.txt") && !err.contains("part-12"),
        "{err}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("camille.diagasso.json") && out.contains("dominique.diagasso.json"),
        "{out}"
    );
    let s3 = Store::open(&db3).unwrap();
    assert!(s3.audit(&a1).unwrap().is_some());
    assert!(s3.audit(&a2).unwrap().is_some());
    drop(s3);
    // Again: nothing new from the two good ones.
    let o = run(
        &db3,
        &["bundle", "import", shared.to_str().unwrap(), "--json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ok: Vec<&serde_json::Value> = report
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ok"] == true)
        .collect();
    assert_eq!(ok.len(), 2);
    assert!(
        ok.iter()
            .all(|r| r["report"]["audits_added"] == 0 && r["report"]["trail_added"] == 0)
    );
}

#[test]
fn a_workshop_travels_with_its_audits() {
    let mut a = Store::open_in_memory().unwrap();
    let mut b = Store::open_in_memory().unwrap();
    let w = a
        .create_workshop(&NewWorkshop {
            name: "Atelier Animafac",
            date: "2026-03-14",
            place: "Rennes",
            trainer: "Maël",
            questionnaire_id: "atelier-express",
        })
        .unwrap();
    let inside = seed(&mut a);
    let outside = seed(&mut a);
    a.add_to_workshop(&w, &inside).unwrap();
    let content = a.bundle_content(Selection::Workshop(&w)).unwrap();
    assert_eq!(content.audits.len(), 1);
    assert_eq!(content.workshops.len(), 1);
    let checked = bundle::read(bundle::write(&content, &codec::now()).unwrap().as_bytes()).unwrap();
    let r = b.merge_bundle(&checked).unwrap();
    assert_eq!(
        (r.workshops_added, r.links_added, r.audits_added),
        (1, 1, 1)
    );
    assert_eq!(b.workshop_audit_ids(&w).unwrap(), vec![inside.clone()]);
    assert!(b.audit(&outside).unwrap().is_none());
    // The association's bundle carries the workshop with the link to its audit only.
    let content = a
        .bundle_content(Selection::Association(
            &a.audit(&outside).unwrap().unwrap().association_id,
        ))
        .unwrap();
    assert!(content.workshops.is_empty());
}

#[test]
fn past_the_listed_problems_the_rest_are_counted_in_words_that_agree() {
    let mut a = Store::open_in_memory().unwrap();
    seed(&mut a);
    let with_bad_ids = |extra: usize| {
        let mut content = a.bundle_content(Selection::All).unwrap();
        let model = content.associations[0].clone();
        for i in 0..bundle::validate::MAX_LISTED + extra {
            let mut x = model.clone();
            x.id = format!("pas-un-identifiant-{i}");
            content.associations.push(x);
        }
        let text = bundle::write(&content, &codec::now()).unwrap();
        bundle::read(text.as_bytes()).unwrap_err().0
    };
    let one = with_bad_ids(1);
    assert!(one.fr.contains("et 1\u{a0}autre problème"), "{}", one.fr);
    assert!(one.en.contains("and 1\u{a0}more problem"), "{}", one.en);
    assert!(!one.en.contains("problems") && !one.fr.contains("(s)"));
    let three = with_bad_ids(3);
    assert!(
        three.fr.contains("et 3\u{a0}autres problèmes"),
        "{}",
        three.fr
    );
    assert!(
        three.en.contains("and 3\u{a0}more problems"),
        "{}",
        three.en
    );
}
