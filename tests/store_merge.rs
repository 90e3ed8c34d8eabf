//! Merging bundles (issue 12, points 3 and 12): what each side changed since the last exchange
//! decides, not the clocks; dates in the future are brought back to the import's time and
//! said; a questionnaire under an id and version already known with other content is refused.

#[path = "common/bin.rs"]
mod bin;

use std::collections::BTreeMap;

use diagasso::audit::{Answer, Association, Value};
use diagasso::bundle;
use diagasso::questionnaire::{self, Questionnaire, shipped};
use diagasso::store::{NewAudit, Selection, Store, codec};

fn express() -> Questionnaire {
    shipped::by_id("atelier-express").unwrap().unwrap()
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()))
}

/// One audit of `name` on `q` with a chat answer; its id.
fn seed(store: &mut Store, name: &str, q: &Questionnaire) -> String {
    let a = Association {
        name: name.into(),
        country: "FR".into(),
        ..Association::default()
    };
    let answers = BTreeMap::from([("chat_tools".to_string(), choices(&["whatsapp"]))]);
    store
        .create_audit(&NewAudit {
            association: &a,
            trainer: "Camille",
            questionnaire: q,
            answers: &answers,
            notes: &BTreeMap::new(),
            note: "",
        })
        .unwrap()
        .audit_id
}

fn export(store: &Store) -> String {
    let content = store.bundle_content(Selection::All).unwrap();
    bundle::write(&content, &codec::now()).unwrap()
}

#[test]
fn a_second_questionnaire_under_a_known_id_and_version_is_refused_naming_both_hashes() {
    let q = express();
    let edited_source = format!("{}\n# modifié sans changer de version\n", q.source);
    let edited = questionnaire::load_str("express.toml", &edited_source).unwrap();
    assert_eq!(
        (edited.id.as_str(), edited.version),
        (q.id.as_str(), q.version)
    );
    assert_ne!(edited.hash, q.hash);

    let mut here = Store::open_in_memory().unwrap();
    seed(&mut here, "Ici", &q);
    let mut there = Store::open_in_memory().unwrap();
    seed(&mut there, "Là-bas", &edited);
    let before = here.bundle_content(Selection::All).unwrap();
    let checked = bundle::read(export(&there).as_bytes()).unwrap();
    let err = here.merge_bundle(&checked).unwrap_err();
    let m = err.message();
    for text in [&m.fr, &m.en] {
        assert!(
            text.contains(&q.hash) && text.contains(&edited.hash),
            "{text}"
        );
    }
    assert!(m.en.contains("nothing was written"), "{}", m.en);
    assert_eq!(here.bundle_content(Selection::All).unwrap(), before);

    // The same copy as here is no problem: a bundle of this very database merges.
    let mut copy = Store::open_in_memory().unwrap();
    let checked = bundle::read(export(&here).as_bytes()).unwrap();
    copy.merge_bundle(&checked).unwrap();
    let again = bundle::read(export(&here).as_bytes()).unwrap();
    assert!(!copy.merge_bundle(&again).unwrap().changed());

    // Two copies under one name inside one bundle are refused just the same.
    let mut both = bundle::read(export(&here).as_bytes()).unwrap().content;
    let other = bundle::read(export(&there).as_bytes()).unwrap().content;
    both.questionnaires.extend(other.questionnaires);
    both.associations.extend(other.associations);
    both.audits.extend(other.audits);
    let text = bundle::write(&both, &codec::now()).unwrap();
    let checked = bundle::read(text.as_bytes()).unwrap();
    let mut empty = Store::open_in_memory().unwrap();
    let err = empty.merge_bundle(&checked).unwrap_err();
    assert!(
        err.message().en.contains("another one in the same bundle"),
        "{}",
        err.message().en
    );
    assert_eq!(empty.count_audits("").unwrap(), 0);
}

use diagasso::bundle::Stored;
use diagasso::bundle::{Content, TrailRec};

fn content(store: &Store) -> Content {
    store.bundle_content(Selection::All).unwrap()
}

fn import(store: &mut Store, c: &Content) -> diagasso::store::MergeReport {
    let text = bundle::write(c, &codec::now()).unwrap();
    store
        .merge_bundle(&bundle::read(text.as_bytes()).unwrap())
        .unwrap()
}

fn chat(store: &Store, audit: &str) -> Option<Answer> {
    store
        .audit(audit)
        .unwrap()
        .unwrap()
        .answer_map()
        .get("chat_tools")
        .cloned()
}

/// `c` as a laptop would send it after changing the chat answer to `to`, dated `at`.
fn changed_on_laptop(mut c: Content, to: &[&str], at: &str) -> Content {
    let a = &mut c.audits[0];
    let x = a
        .answers
        .iter_mut()
        .find(|x| x.question_id == "chat_tools")
        .unwrap();
    let before = Stored {
        state: x.state.clone(),
        value: x.value.clone(),
    };
    let after = Stored::of(&choices(to));
    x.value = after.value.clone();
    x.updated_at = at.into();
    a.trail.push(TrailRec {
        question_id: "chat_tools".into(),
        old: Some(before),
        new: Some(after),
        at: at.into(),
        given_at: None,
    });
    a.updated_at = at.into();
    c
}

const FAR: &str = "2099-01-01T00:00:00.000000Z";

/// A laptop whose clock says 2099: its change is taken (it follows what this side had), but
/// dated now; a later correction here is not undone by importing the same bundle again, and
/// the laptop takes the correction back.
#[test]
fn an_answer_dated_in_the_future_does_not_win_for_ever() {
    let mut here = Store::open_in_memory().unwrap();
    let audit = seed(&mut here, "Horloge", &express());
    let future = changed_on_laptop(content(&here), &["signal"], FAR);
    let mut laptop = Store::open_in_memory().unwrap();
    import(&mut laptop, &future);

    let r = import(&mut here, &future);
    assert_eq!(r.answers_taken, 1);
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    assert!(r.future_dates >= 2, "the entry and the answer: {r:?}");
    assert_eq!(r.latest_future.as_deref(), Some(FAR));
    assert_eq!(chat(&here, &audit), Some(choices(&["signal"])));
    let now = codec::now();
    let stored = content(&here);
    let entry = stored.audits[0]
        .trail
        .iter()
        .find(|t| t.given_at.is_some())
        .unwrap();
    assert_eq!(
        entry.given_at.as_deref(),
        Some(FAR),
        "the date given is kept"
    );
    assert!(entry.at <= now, "stored at the import's time: {}", entry.at);
    assert!(
        stored.audits[0].updated_at <= now
            && stored.audits[0].answers.iter().all(|x| x.updated_at <= now)
    );

    // Corrected here; the laptop's bundle again changes nothing.
    here.save_answer(&audit, "chat_tools", Some(&choices(&["element"])))
        .unwrap();
    let again = import(&mut here, &future);
    assert_eq!(
        (again.answers_taken, again.trail_added),
        (0, 0),
        "{again:?}"
    );
    assert!(again.conflicts.is_empty());
    assert_eq!(chat(&here, &audit), Some(choices(&["element"])));

    // The laptop takes the correction: this side's history holds its 2099 change.
    let back = import(&mut laptop, &content(&here));
    assert!(back.conflicts.is_empty(), "{:?}", back.conflicts);
    assert_eq!(chat(&laptop, &audit), Some(choices(&["element"])));
}

/// A laptop whose clock is in the past: its change follows what this side had, so it is
/// taken all the same (by clocks it was dropped).
#[test]
fn an_answer_dated_in_the_past_after_the_last_exchange_is_taken() {
    let mut here = Store::open_in_memory().unwrap();
    let audit = seed(&mut here, "Pile plate", &express());
    let past = changed_on_laptop(content(&here), &["signal"], "2001-01-01T00:00:00.000000Z");
    let r = import(&mut here, &past);
    assert_eq!(
        (r.answers_taken, r.conflicts.len(), r.future_dates),
        (1, 0, 0),
        "{r:?}"
    );
    assert_eq!(chat(&here, &audit), Some(choices(&["signal"])));
}

/// Both sides changed the question since they last exchanged: a conflict, listed; a side
/// dated in the future does not win it by its date.
#[test]
fn both_sides_changing_a_question_is_a_conflict_the_future_does_not_win() {
    let mut here = Store::open_in_memory().unwrap();
    let audit = seed(&mut here, "Conflit", &express());
    let base = content(&here);
    here.save_answer(&audit, "chat_tools", Some(&choices(&["element"])))
        .unwrap();
    let r = import(
        &mut here,
        &changed_on_laptop(base.clone(), &["signal"], FAR),
    );
    assert_eq!(r.conflicts.len(), 1, "{r:?}");
    let c = &r.conflicts[0];
    assert_eq!(c.question_id, "chat_tools");
    assert_eq!(
        c.kept,
        diagasso::store::Kept::Here,
        "a date in the future never wins"
    );
    assert_eq!(chat(&here, &audit), Some(choices(&["element"])));
    // Dated in the past, the bundle's change is still a conflict, not silently dropped.
    let mut other = Store::open_in_memory().unwrap();
    import(&mut other, &base);
    other
        .save_answer(&audit, "chat_tools", Some(&choices(&["element"])))
        .unwrap();
    let r = import(
        &mut other,
        &changed_on_laptop(base, &["signal"], "2001-01-01T00:00:00.000000Z"),
    );
    assert_eq!(r.conflicts.len(), 1, "{r:?}");
}

/// Any parseable date was accepted (9999-12-31): brought back to the import's time, said.
#[test]
fn the_year_9999_is_brought_back_to_the_import_and_said() {
    let mut laptop = Store::open_in_memory().unwrap();
    seed(&mut laptop, "Fin des temps", &express());
    let mut c = content(&laptop);
    let end = "9999-12-31T23:59:59.999999Z";
    c.audits[0].started_at = end.into();
    c.audits[0].updated_at = end.into();
    c.associations[0].updated_at = end.into();
    let mut here = Store::open_in_memory().unwrap();
    let r = import(&mut here, &c);
    assert_eq!(r.audits_added, 1);
    assert_eq!((r.future_dates, r.latest_future.as_deref()), (3, Some(end)));
    let now = codec::now();
    let stored = content(&here);
    assert!(stored.audits[0].started_at <= now && stored.audits[0].updated_at <= now);
    assert!(stored.associations[0].updated_at <= now);
}

/// Through the binary: `bundle import` says how many dates lay in the future, up to when.
#[test]
fn bundle_import_says_the_dates_in_the_future() {
    let dir = tempfile::tempdir().unwrap();
    let mut laptop = Store::open_in_memory().unwrap();
    seed(&mut laptop, "Horloge", &express());
    let file = dir.path().join("paquet.diagasso.json");
    let future = changed_on_laptop(content(&laptop), &["signal"], FAR);
    std::fs::write(&file, bundle::write(&future, &codec::now()).unwrap()).unwrap();
    let db = dir.path().join("base.db");
    for (lang, want) in [
        (
            "fr",
            "Dates dans le futur : 3 (jusqu'à 2099-01-01T00:00:00.000000Z)",
        ),
        (
            "en",
            "Dates in the future: 3 (up to 2099-01-01T00:00:00.000000Z)",
        ),
    ] {
        let _ = std::fs::remove_file(&db);
        let o = bin::diagasso()
            .args(["--lang", lang, "--db"])
            .arg(&db)
            .args(["bundle", "import"])
            .arg(&file)
            .env_remove("DIAGASSO_DB")
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(o.status.success(), "{all}");
        assert!(all.contains(want), "{all}");
    }
}
