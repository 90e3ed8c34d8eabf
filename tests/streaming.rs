//! What is written or read one audit at a time (issue 12, point 14) gives what the whole
//! version gives: the CSV of every audit (`Store::each_audit` + `csv::Rows`) the bytes of
//! `csv::render` over every audit loaded; the pooled needs read audit by audit
//! (`Store::each_latest_facts` + `PoolsBuilder`) the pools of the facts loaded whole; a bundle
//! written from the store's parts the bytes of `bundle::write` of the whole content, and read
//! back as a stream, the same content. Memory and time are measured by `benches/proof` P9.

use std::collections::BTreeMap;

use diagasso::answers_file;
use diagasso::audit::{Answer, Association, Value};
use diagasso::bundle;
use diagasso::export::csv::{CsvOptions, Rows, render};
use diagasso::export::{Input, Options};
use diagasso::questionnaire::shipped;
use diagasso::store::{NewAudit, Scope, Selection, Store};
use diagasso::workshop::{PoolsBuilder, pools};

const DEMO: &str = include_str!("../questionnaires/examples/demo.toml");
const TOWNS: [(&str, &str); 4] = [
    ("Lyon", "69004"),
    ("Villeurbanne", "69100"),
    ("Brest", "29200"),
    ("Quimper", "29000"),
];

/// A store of audits on both shipped questionnaires, in four towns, some associations audited
/// twice (a follow-up).
fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let demo = answers_file::parse_shipped("demo.toml", DEMO.as_bytes()).unwrap();
    let express = shipped::by_id("atelier-express").unwrap().unwrap();
    for i in 0..24 {
        let (town, postcode) = TOWNS[i % 4];
        let mut file = demo.clone();
        file.association.name = format!("Les Amis de {town} n° {i}");
        file.association.postcode = postcode.into();
        if i % 3 == 0 {
            file.answers.insert(
                "uses_pain_point".into(),
                Answer::Given(Value::Text(format!(
                    "Un texte, « {i} »; avec des ; et des \""
                ))),
            );
        }
        if i % 2 == 0 {
            let created = store.create_audit(&file.new_audit()).unwrap();
            if i % 4 == 0 {
                store
                    .start_followup(&created.audit_id, "Dominique", &file.questionnaire)
                    .unwrap();
            }
        } else {
            let a = Association {
                name: file.association.name.clone(),
                country: "FR".into(),
                postcode: postcode.into(),
                ..Association::default()
            };
            let answers = BTreeMap::from([(
                "chat_tools".to_string(),
                Answer::Given(Value::Choices(vec!["whatsapp".into()])),
            )]);
            store
                .create_audit(&NewAudit {
                    association: &a,
                    trainer: "Camille",
                    questionnaire: &express,
                    answers: &answers,
                    notes: &BTreeMap::new(),
                    note: "",
                })
                .unwrap();
        }
    }
    store
}

#[test]
fn the_csv_written_row_by_row_is_the_csv_of_every_audit_loaded() {
    let store = store();
    let null = serde_json::Value::Null;
    for (anonymise, semicolon) in [(false, false), (true, true)] {
        let opts = Options {
            anonymise,
            ..Options::default()
        };
        let csv_opts = CsvOptions {
            semicolon,
            bom: semicolon,
        };
        // Whole: every audit of the list, loaded.
        let summaries = store.list_audits("", 0, usize::MAX).unwrap();
        let loaded: Vec<_> = summaries
            .iter()
            .map(|s| {
                let audit = store.audit(&s.id).unwrap().unwrap();
                let q = store.audit_questionnaire(&s.id).unwrap();
                let a = store.association(&audit.association_id).unwrap().unwrap();
                (q, audit, a)
            })
            .collect();
        let inputs: Vec<Input> = loaded
            .iter()
            .map(|(q, audit, a)| Input {
                questionnaire: q,
                audit,
                association: a,
                plan: &null,
            })
            .collect();
        let whole = render(&inputs, &opts, &csv_opts).unwrap();
        // Streamed.
        let qs = store.audit_questionnaires().unwrap();
        let mut rows = Rows::new(Vec::new(), qs.iter().map(|q| &**q), &opts, &csv_opts).unwrap();
        store
            .each_audit(|audit, association, questionnaire| {
                rows.row(&Input {
                    questionnaire,
                    audit,
                    association,
                    plan: &null,
                })
            })
            .unwrap();
        let streamed = rows.finish().unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(whole).unwrap()
        );
    }
}

#[test]
fn pools_read_audit_by_audit_are_the_pools_of_the_whole_facts() {
    let mut store = store();
    let catalog = diagasso::catalog::load_effective(None).unwrap();
    let facts = store.audit_facts(Scope::All).unwrap();
    let whole = pools(&facts, &catalog);
    assert!(!whole.groups.is_empty(), "the data makes groups");
    let mut b = PoolsBuilder::new(&catalog);
    store
        .each_latest_facts(Scope::All, |f, q| b.add(f, q))
        .unwrap();
    assert_eq!(b.finish(), whole);
}

#[test]
fn a_bundle_written_from_the_parts_is_the_bundle_of_the_whole_content() {
    let store = store();
    let content = store.bundle_content(Selection::All).unwrap();
    let at = "2026-03-14T10:00:00.000000Z";
    let whole = bundle::write(&content, at).unwrap();
    let streamed = store
        .bundle_parts(Selection::All, |parts| {
            let mut out = Vec::new();
            let n = bundle::write::write_to(
                &mut out,
                at,
                bundle::write::Parts {
                    questionnaires: &parts.questionnaires,
                    associations: &parts.associations,
                    audits: parts.audits,
                    workshops: &parts.workshops,
                },
            )
            .unwrap();
            assert_eq!(n, content.audits.len());
            out
        })
        .unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), whole);
    // Read back as a stream: the same content, checked.
    let back = bundle::read(whole.as_bytes()).unwrap();
    assert_eq!(back.content, content);
    // The checksum is that of the content's exact bytes.
    let v: serde_json::Value = serde_json::from_str(&whole).unwrap();
    let start = whole.find("\"content\": ").unwrap() + "\"content\": ".len();
    let end = whole.rfind(",\n  \"checksum\"").unwrap();
    assert_eq!(
        v["checksum"],
        bundle::checksum(&whole.as_bytes()[start..end])
    );
}
