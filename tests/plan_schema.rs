//! The plan's JSON against exports/schema/plan.schema.json, walked structurally (types,
//! required keys, enums, no key outside the schema), for every fixture plan; and the schema
//! itself holds the keys issue #5 asks for.

mod plan_common;

use std::path::Path;

use diagasso::catalog;
use diagasso::plan::plan;
use diagasso::questionnaire::shipped;

use plan_common::{check_schema, load};

fn schema() -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("exports/schema/plan.schema.json");
    let text = std::fs::read_to_string(&path).expect("schema file");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn plans() -> Vec<(String, serde_json::Value)> {
    let qs = shipped::all().expect("questionnaires");
    let catalog = catalog::shipped().expect("catalogue");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = ["tests/fixtures/plans", "tests/fixtures/plan-cases"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("fixtures"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "at least twenty fixtures");
    files
        .iter()
        .map(|f| {
            let (loaded, q) = load(f, &qs);
            let p = plan(&q, &loaded.audit, &loaded.association, &catalog);
            (loaded.name, serde_json::to_value(&p).expect("serialises"))
        })
        .collect()
}

#[test]
fn every_fixture_plan_matches_the_schema() {
    let schema = schema();
    for (name, json) in plans() {
        let problems = check_schema(&schema, &json);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}

#[test]
fn the_schema_requires_what_the_issue_asks() {
    let s = schema();
    let required = |node: &serde_json::Value| -> Vec<String> {
        node["required"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|k| k.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let def = |name: &str| &s["$defs"][name];
    let top = required(&s);
    for k in [
        "version",
        "framaspace",
        "needs",
        "scores",
        "recommendations",
        "roadmap",
        "risks",
        "catalog_as_of",
    ] {
        assert!(top.contains(&k.to_string()), "top-level {k}");
    }
    for (d, keys) in [
        ("framaspace", &["eligible", "reasons"][..]),
        ("score", &["domain", "level"][..]),
        ("recommendation", &["need", "software", "providers"][..]),
        ("provider", &["id", "name", "score", "reasons"][..]),
        ("phase", &["phase", "steps"][..]),
    ] {
        let r = required(def(d));
        for k in keys {
            assert!(r.contains(&k.to_string()), "{d}.{k}");
        }
    }
    let r = required(def("step"));
    for k in [
        "id",
        "kind",
        "who",
        "when",
        "moves",
        "keeps",
        "caveats",
        "answers_risks",
        "hours",
    ] {
        assert!(r.contains(&k.to_string()), "step.{k}");
    }
    assert_eq!(s["properties"]["version"]["const"], 2);
}

#[test]
fn the_checker_catches_a_missing_key_and_a_wrong_enum() {
    let schema = schema();
    let (_, mut json) = plans().remove(0);
    if let Some(o) = json["framaspace"].as_object_mut() {
        o.remove("eligible");
    }
    json["version"] = serde_json::json!(1);
    let problems = check_schema(&schema, &json);
    assert!(
        problems.iter().any(|p| p.contains("eligible")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("$.version")),
        "{problems:?}"
    );
}
