//! Merging bundles (issue 12, points 3 and 12): what each side changed since the last exchange
//! decides, not the clocks; dates in the future are brought back to the import's time and
//! said; a questionnaire under an id and version already known with other content is refused.

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
    let mut both = bundle::parse(export(&here).as_bytes()).unwrap();
    let other = bundle::parse(export(&there).as_bytes()).unwrap();
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
