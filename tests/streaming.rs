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
use diagasso::export::Options;
use diagasso::export::csv::{CsvOptions, Record, Rows};
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
        let mut whole = Rows::new(
            Vec::new(),
            loaded.iter().map(|(q, _, _)| q),
            &opts,
            &csv_opts,
        )
        .unwrap();
        for (q, audit, a) in &loaded {
            whole
                .row(&Record {
                    questionnaire: q,
                    audit,
                    association: a,
                })
                .unwrap();
        }
        let whole = whole.finish().unwrap();
        // Streamed.
        let qs = store.audit_questionnaires().unwrap();
        let mut rows = Rows::new(Vec::new(), qs.iter().map(|q| &**q), &opts, &csv_opts).unwrap();
        store
            .each_audit(|audit, association, questionnaire| {
                rows.row(&Record {
                    questionnaire,
                    audit,
                    association,
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
                    associations: parts.associations,
                    audits: parts.audits,
                    workshops: parts.workshops,
                },
            )
            .unwrap();
            assert_eq!(n.audits, content.audits.len());
            assert_eq!(n.associations, content.associations.len());
            assert_eq!(n.workshops, content.workshops.len());
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

/// A store of 1,100 associations (one in five audited twice) on the express questionnaire,
/// more than two pages of ids of each (`store/bundle_parts.rs` reads 512 at a time); three
/// workshops: every other audit added newest first (more than a page), every seventh, and one empty.
fn paged_store() -> (Store, [String; 3]) {
    let mut store = Store::open_in_memory().unwrap();
    let express = shipped::by_id("atelier-express").unwrap().unwrap();
    let answers = BTreeMap::from([(
        "chat_tools".to_string(),
        Answer::Given(Value::Choices(vec!["whatsapp".into()])),
    )]);
    let mut ids = Vec::new();
    for i in 0..1100 {
        let a = Association {
            name: format!("Association n° {i}"),
            country: "FR".into(),
            postcode: "29200".into(),
            ..Association::default()
        };
        let created = store
            .create_audit(&NewAudit {
                association: &a,
                trainer: "Camille",
                questionnaire: &express,
                answers: &answers,
                notes: &BTreeMap::new(),
                note: "",
            })
            .unwrap();
        ids.push(created.audit_id.clone());
        if i % 5 == 0 {
            let next = store
                .start_followup(&created.audit_id, "Dominique", &express)
                .unwrap();
            ids.push(next);
        }
    }
    let workshop = |store: &mut Store, name: &str| {
        store
            .create_workshop(&diagasso::store::NewWorkshop {
                name,
                date: "2026-03-14",
                place: "Brest",
                trainer: "Camille",
                questionnaire_id: "atelier-express",
            })
            .unwrap()
    };
    let w = [
        workshop(&mut store, "Tiers"),
        workshop(&mut store, "Septièmes"),
        workshop(&mut store, "Vide"),
    ];
    for id in ids.iter().step_by(2).rev() {
        store.add_to_workshop(&w[0], id).unwrap();
    }
    for id in ids.iter().step_by(7) {
        store.add_to_workshop(&w[1], id).unwrap();
    }
    (store, w)
}

/// The part of the whole database's bundle that carries `audits` (in that order): their
/// associations by id, their questionnaires, the workshops with links to them only.
fn expected_part(all: &bundle::Content, audits: &[String], whole: Option<&str>) -> bundle::Content {
    let by_id: BTreeMap<&str, &bundle::AuditRec> =
        all.audits.iter().map(|a| (a.id.as_str(), a)).collect();
    let audits: Vec<bundle::AuditRec> =
        audits.iter().map(|id| by_id[id.as_str()].clone()).collect();
    let carried: std::collections::BTreeSet<&str> = audits.iter().map(|a| a.id.as_str()).collect();
    let owners: std::collections::BTreeSet<&str> =
        audits.iter().map(|a| a.association_id.as_str()).collect();
    let hashes: std::collections::BTreeSet<&str> = audits
        .iter()
        .map(|a| a.questionnaire_hash.as_str())
        .collect();
    bundle::Content {
        questionnaires: all
            .questionnaires
            .iter()
            .filter(|q| hashes.contains(q.hash.as_str()))
            .cloned()
            .collect(),
        associations: all
            .associations
            .iter()
            .filter(|a| owners.contains(a.id.as_str()))
            .cloned()
            .collect(),
        audits: audits.clone(),
        workshops: all
            .workshops
            .iter()
            .map(|w| {
                let mut w = w.clone();
                w.audits.retain(|l| carried.contains(l.audit_id.as_str()));
                w
            })
            .filter(|w| !w.audits.is_empty() || whole == Some(w.id.as_str()))
            .collect(),
    }
}

#[test]
fn a_bundle_read_by_pages_of_ids_carries_every_record_once_in_order_for_each_selection() {
    let (store, w) = paged_store();
    let all = store.bundle_content(Selection::All).unwrap();
    // The whole database: every audit once, by id, across pages.
    assert_eq!(all.audits.len(), 1320);
    assert_eq!(all.associations.len(), 1100);
    assert!(all.audits.windows(2).all(|p| p[0].id < p[1].id));
    assert!(all.associations.windows(2).all(|p| p[0].id < p[1].id));
    let owners: std::collections::BTreeSet<&str> = all
        .audits
        .iter()
        .map(|a| a.association_id.as_str())
        .collect();
    assert!(
        all.associations
            .iter()
            .map(|a| a.id.as_str())
            .eq(owners.iter().copied())
    );
    assert_eq!(all.questionnaires.len(), 1);
    // Workshops by id, each with all its links as added; the empty one is not carried.
    assert_eq!(all.workshops.len(), 2);
    assert!(all.workshops.windows(2).all(|p| p[0].id < p[1].id));
    let links = |id: &str| {
        all.workshops
            .iter()
            .find(|x| x.id == id)
            .unwrap()
            .audits
            .clone()
    };
    assert_eq!(links(&w[0]).len(), 660);
    assert_eq!(links(&w[1]).len(), 189);
    // One association audited twice: its two audits, itself, the workshops they are in.
    let twice = &all.audits[all
        .audits
        .iter()
        .position(|a| a.previous_audit_id.is_some())
        .unwrap()];
    let theirs: Vec<String> = all
        .audits
        .iter()
        .filter(|a| a.association_id == twice.association_id)
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(theirs.len(), 2);
    let got = store
        .bundle_content(Selection::Association(&twice.association_id))
        .unwrap();
    assert_eq!(got, expected_part(&all, &theirs, None));
    // A workshop: its audits in the order they were added (newest first here, not by id),
    // across pages, the other workshop with its links to these audits only.
    for id in &w[..2] {
        let order: Vec<String> = links(id).into_iter().map(|l| l.audit_id).collect();
        let got = store.bundle_content(Selection::Workshop(id)).unwrap();
        assert_eq!(got, expected_part(&all, &order, Some(id)));
        assert_eq!(got.workshops.len(), 2, "the two workshops share audits");
    }
    let order: Vec<String> = links(&w[0]).into_iter().map(|l| l.audit_id).collect();
    assert!(order.windows(2).any(|p| p[0] > p[1]), "not in id order");
    // The empty workshop: itself, nothing else.
    let got = store.bundle_content(Selection::Workshop(&w[2])).unwrap();
    assert!(got.audits.is_empty() && got.associations.is_empty());
    assert_eq!(got.workshops.len(), 1);
    assert_eq!(got.workshops[0].id, w[2]);
}
