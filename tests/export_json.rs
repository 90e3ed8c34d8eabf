//! The JSON export's schema 2 against schema 1: the demo's file says each shared thing once and
//! is a fraction of the old size, yet expanding its keys gives back exactly what schema 1 held;
//! packing is undone exactly on every fixture plan; a schema-1 file still reads and rewrites
//! as schema 2 byte for byte; broken schema-2 files are refused with the reason; the examples
//! follow the schema, whose plan part mirrors `plan.schema.json`.

mod export_fixture;
mod plan_common;

use std::path::{Path, PathBuf};

use diagasso::catalog;
use diagasso::export::Options;
use diagasso::export::json::{self, AuditExport, pack};
use diagasso::plan::{Plan, plan};
use diagasso::questionnaire::shipped;
use serde_json::{Value, json};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(rel: &str) -> Value {
    let text = std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The schema-1 file of `doc`, as diagasso wrote it before schema 2 (pretty, the plan whole,
/// the questionnaire as text).
fn schema_1(doc: &AuditExport) -> String {
    let q = &doc.questionnaire;
    let v = json!({
        "format": json::FORMAT,
        "schema_version": 1,
        "lang": doc.lang,
        "anonymised": doc.anonymised,
        "departement": doc.departement,
        "association": doc.association,
        "audit": doc.audit,
        "questionnaire": {"id": q.id, "version": q.version, "hash": q.hash, "source": q.source},
        "plan": doc.plan,
    });
    serde_json::to_string_pretty(&v).unwrap() + "\n"
}

/// Decoded, not imported: an anonymised export is read but cannot be imported.
fn parse(text: &str) -> AuditExport {
    json::decode(text.as_bytes()).unwrap_or_else(|e| panic!("{}", e.0.en))
}

fn same_but_version(mut a: AuditExport, b: &AuditExport) -> AuditExport {
    a.schema_version = b.schema_version;
    a
}

/// Every dated fact's source quoted by a plan's traces.
fn sources(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(facts) = m
                .get("trace")
                .and_then(|t| t.get("facts"))
                .and_then(Value::as_array)
            {
                out.extend(
                    facts
                        .iter()
                        .filter_map(|f| f["source"].as_str().map(String::from)),
                );
            }
            m.values().for_each(|x| sources(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| sources(x, out)),
        _ => {}
    }
}

#[test]
fn the_demo_export_is_two_fifths_of_schema_1_and_loses_nothing() {
    let d = export_fixture::shipped_demo();
    for opts in [
        Options::default(),
        Options {
            anonymise: true,
            ..Options::default()
        },
    ] {
        let doc = json::document(&d.input(), &opts);
        let new = json::render(&d.input(), &opts).unwrap();
        let old = schema_1(&doc);
        eprintln!(
            "anonymised {}: schema 1 {} bytes, schema 2 {} bytes",
            opts.anonymise,
            old.len(),
            new.len()
        );
        // Plan version 2 weighs each host per need (offer, price, held-back reason), and the
        // variants of one host repeat their reasons: 39 % of schema 1 on the demo. Interning
        // those parts too would bring it under a third again (measured: ~48 KB less); until
        // then the budget is two fifths.
        assert!(
            new.len() * 5 < old.len() * 2,
            "{} bytes is not under two fifths of {}",
            new.len(),
            old.len()
        );
        // Every fact of the old file comes back from the new one, and nothing else.
        let (from_new, from_old) = (parse(&new), parse(&old));
        assert_eq!((from_new.schema_version, from_old.schema_version), (2, 1));
        assert_eq!(same_but_version(from_old, &from_new), from_new);
        assert_eq!(from_new, doc);
        let back: Plan = serde_json::from_value(from_new.plan).unwrap();
        assert_eq!(serde_json::to_value(&back).unwrap(), doc.plan);
        // What the plan repeated is written once: each source of a dated fact, each provider.
        let mut quoted = Vec::new();
        sources(&doc.plan, &mut quoted);
        quoted.sort();
        quoted.dedup();
        assert!(quoted.len() >= 5, "{quoted:?}");
        let v: Value = serde_json::from_str(&new).unwrap();
        // (The Frama.space quotas also name a source of their own, in the plan.)
        let plan_text = serde_json::to_string(&v["plan"]).unwrap();
        for s in &quoted {
            let written = serde_json::to_string(s).unwrap();
            let in_plan = plan_text.matches(&written).count();
            assert_eq!(new.matches(&written).count(), 1 + in_plan, "{s}");
        }
        let providers = v["providers"].as_object().unwrap();
        assert!(providers.contains_key("frama-space"), "{providers:?}");
        let refs: Vec<&Value> = v["plan"]["recommendations"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["providers"].as_array().unwrap())
            .collect();
        // Plan version 2 gives a host per need its service, software and price, so most
        // entries serve one need; the same provider under several needs is still written once
        // (Frama.space here), and no entry is unused.
        assert!(refs.len() > providers.len(), "providers are shared");
        let used = |k: &String| refs.iter().any(|r| r["provider"] == k.as_str());
        assert!(providers.keys().all(used), "an unused provider entry");
        let frama = refs
            .iter()
            .filter(|r| r["provider"] == "frama-space")
            .count();
        assert!(frama > 3, "Frama.space written once for its {frama} needs");
        for r in refs {
            assert!(providers.contains_key(r["provider"].as_str().unwrap()));
        }
    }
}

/// Every `trace` value of a plan.
fn every_trace(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "trace" {
                    out.push(x.clone());
                } else {
                    every_trace(x, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| every_trace(x, out)),
        _ => {}
    }
}

/// Every fixture plan, and the demo's, packed then expanded: the same JSON, the same `Plan`.
#[test]
fn packing_is_undone_exactly_on_every_fixture_plan() {
    let qs = shipped::all().unwrap();
    let catalog = catalog::shipped().unwrap();
    let mut files: Vec<PathBuf> = ["tests/fixtures/plans", "tests/fixtures/plans-import"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).unwrap().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 9);
    let mut plans: Vec<(String, Plan)> = files
        .iter()
        .map(|f| {
            let (loaded, q) = plan_common::load(f, &qs);
            let p = plan(&q, &loaded.audit, &loaded.association, &catalog);
            (loaded.name, p)
        })
        .collect();
    let d = export_fixture::shipped_demo();
    plans.push(("demo".into(), d.plan.clone()));
    for (name, p) in plans {
        let v = serde_json::to_value(&p).unwrap();
        let (packed, shared) =
            pack::pack(v.clone()).unwrap_or_else(|| panic!("{name}: not packed"));
        let back = pack::unpack(&packed, &shared.maps()).unwrap();
        assert_eq!(back, v, "{name}");
        let typed: Plan = serde_json::from_value(back).unwrap();
        assert_eq!(typed, p, "{name}");
        // Nothing shared is left inline: every trace and every provider is a key.
        let mut traces = Vec::new();
        every_trace(&packed, &mut traces);
        assert!(traces.len() > 10, "{name}");
        assert!(traces.iter().all(|t| t.is_string()), "{name}");
        for reco in packed["recommendations"].as_array().unwrap() {
            for p in reco["providers"].as_array().unwrap() {
                assert!(p["provider"].is_string() && p.get("id").is_none(), "{name}");
            }
        }
        // A host the plan picked is written as its provider whenever one matches it; a pick
        // whose reasons differ from every provider's (its services weighed together) stays.
        let maps = shared.maps();
        for host in packed["hosts"].as_array().unwrap() {
            if host.get("provider").is_some() {
                continue;
            }
            let same = |p: &serde_json::Map<String, Value>| {
                ["id", "name", "score", "reasons", "to_check"]
                    .iter()
                    .all(|f| p.get(*f).is_some() && p.get(*f) == host.get(*f))
            };
            assert!(
                !maps.providers.values().any(same),
                "{name}: a host left inline though a provider matches it: {host}"
            );
        }
    }
}

#[test]
fn a_schema_1_file_reads_as_before_and_rewrites_as_schema_2_byte_for_byte() {
    let rel = "tests/fixtures/export/schema-1-export.json";
    let raw = read_json(rel);
    assert_eq!(raw["schema_version"], 1, "the fixture is the old format");
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    let (old, q) = json::parse(text.as_bytes()).unwrap();
    assert_eq!(old.schema_version, 1);
    assert_eq!(q.id, "export-essai");
    assert_eq!(old.plan, raw["plan"]);
    assert_eq!(
        old.questionnaire.source,
        raw["questionnaire"]["source"].as_str().unwrap()
    );
    let new = json::write(&old).unwrap();
    let again = parse(&new);
    assert_eq!(again.schema_version, 2);
    assert_eq!(same_but_version(old, &again), again);
    assert_eq!(json::write(&again).unwrap(), new, "byte for byte");
}

/// A schema-2 export of the stand-in audit, as JSON to break.
fn stand_in() -> Value {
    let d = export_fixture::demo();
    serde_json::from_str(&json::render(&d.input(), &Options::default()).unwrap()).unwrap()
}

fn refused(v: &Value) -> String {
    let bytes = serde_json::to_vec(v).unwrap();
    match json::parse(&bytes) {
        Ok(_) => panic!("accepted"),
        Err(e) => format!("{} | {}", e.0.fr, e.0.en),
    }
}

/// A way to break a file.
type Change = Box<dyn Fn(&mut Value)>;

#[test]
fn broken_schema_2_files_are_refused_with_the_reason() {
    let good = stand_in();
    assert!(json::parse(&serde_json::to_vec(&good).unwrap()).is_ok());
    let first_trace = good["traces"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    let gz = |text: &str| Value::String(json::gzip_base64(text).unwrap());
    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "a trace key that names nothing",
            Box::new(|v| v["plan"]["needs"][0]["trace"] = json!("t999")),
            "« t999 », absent de « traces »",
        ),
        (
            "a trace that continues itself",
            Box::new(move |v| v["traces"][&first_trace]["extends"] = json!(first_trace)),
            "se prolonge elle-même",
        ),
        (
            "a chain of 70 traces, each continuing the one before",
            Box::new(|v| {
                for i in 1..=70 {
                    let mut t = json!({"rules": ["r"]});
                    if i > 1 {
                        t["extends"] = json!(format!("chain{}", i - 1));
                    }
                    v["traces"][format!("chain{i}")] = t;
                }
                v["plan"]["needs"][0]["trace"] = json!("chain70");
            }),
            "« chain70 » se prolonge elle-même ou au-delà de 64 traces",
        ),
        (
            "a megabyte provider named a hundred times (100 MB expanded)",
            Box::new(|v| {
                let mut big = v["providers"]
                    .as_object()
                    .unwrap()
                    .values()
                    .next()
                    .unwrap()
                    .clone();
                big["reasons"] = json!([{"fr": "x".repeat(1 << 20), "en": ""}]);
                v["providers"]["big"] = big;
                v["plan"]["recommendations"][0]["providers"] =
                    json!(vec![json!({"provider": "big", "chosen": false}); 100]);
            }),
            "le plan dépasserait 64 Mo une fois ses renvois développés",
        ),
        (
            "a provider key that names nothing",
            Box::new(|v| {
                v["plan"]["recommendations"][0]["providers"][0]["provider"] = json!("nulle-part")
            }),
            "« nulle-part », absent de « providers »",
        ),
        (
            "a fact whose source names nothing",
            Box::new(|v| {
                for f in v["facts"].as_object_mut().unwrap().values_mut() {
                    f["source"] = json!("s404");
                }
            }),
            "« s404 », absent de « sources »",
        ),
        (
            "a questionnaire that is not base64",
            Box::new(|v| v["questionnaire"]["source_gzip_base64"] = json!("pas du base64 !")),
            "base64",
        ),
        (
            "a questionnaire that is not gzip",
            Box::new(|v| v["questionnaire"]["source_gzip_base64"] = json!("AAAA")),
            "gzip",
        ),
        (
            "a questionnaire of 33 MB once decompressed",
            Box::new(move |v| v["questionnaire"]["source_gzip_base64"] = gz(&" ".repeat(33 << 20))),
            "plus de 32 Mo une fois décompressé",
        ),
        (
            "another questionnaire than its hash says",
            Box::new(move |v| {
                v["questionnaire"]["source_gzip_base64"] = gz("id = \"autre\"\nversion = 1\n")
            }),
            "questionnaire joint",
        ),
        (
            "a field schema 2 does not have",
            Box::new(|v| v["texts"] = json!({})),
            "export mal formé",
        ),
        (
            "a map schema 2 needs, missing",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("traces");
            }),
            "export mal formé",
        ),
        (
            "the plain questionnaire of schema 1 under schema 2",
            Box::new(|v| v["questionnaire"]["source"] = json!("id = \"x\"")),
            "export mal formé",
        ),
        (
            "an unknown schema version",
            Box::new(|v| v["schema_version"] = json!(3)),
            "version de schéma 3 non prise en charge (celles lues : 1 et 2)",
        ),
    ];
    for (what, change, needle) in cases {
        let mut v = good.clone();
        change(&mut v);
        let message = refused(&v);
        assert!(message.contains(needle), "{what}: {message}");
    }
}

#[test]
fn the_examples_and_the_old_fixture_follow_their_schemas() {
    let v2 = read_json("exports/schema/audit-export.schema.json");
    let v1 = read_json("exports/schema/audit-export.v1.schema.json");
    let dir = root().join("exports/examples");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "json") {
            let doc: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
            let problems = plan_common::check_schema(&v2, &doc);
            assert!(
                problems.is_empty(),
                "{}:\n{}",
                p.display(),
                problems.join("\n")
            );
            n += 1;
        }
    }
    assert_eq!(n, 2, "the full and the anonymised demo");
    let old = read_json("tests/fixtures/export/schema-1-export.json");
    let problems = plan_common::check_schema(&v1, &old);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // And the checker does look inside the maps keyed by id.
    let mut broken = read_json(&format!(
        "exports/examples/{}",
        std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| n.ends_with(".json"))
            .unwrap()
    ));
    let (k, _) = broken["traces"]
        .as_object()
        .unwrap()
        .iter()
        .next()
        .map(|(k, v)| (k.clone(), v.clone()))
        .unwrap();
    broken["traces"][&k]["answers"] = json!([1]);
    let problems = plan_common::check_schema(&v2, &broken);
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&format!("$.traces.{k}.answers[0]"))),
        "{problems:?}"
    );
}

/// The plan part of the export schema is `plan.schema.json` with three definitions changed, so
/// the two cannot drift apart.
#[test]
fn the_export_schema_mirrors_the_plan_schema() {
    let export = read_json("exports/schema/audit-export.schema.json");
    let plan = read_json("exports/schema/plan.schema.json");
    let (e, p) = (&export["$defs"], &plan["$defs"]);
    for (name, def) in p.as_object().unwrap() {
        match name.as_str() {
            "trace" => assert_eq!(e["trace"]["type"], "string"),
            "provider" => {
                // The entry is the provider without `chosen` and the fields of one need, which
                // stay beside the key.
                let mut whole = def.clone();
                let beside = ["chosen", "software", "service", "held_back", "members_only"];
                for k in beside {
                    let moved = whole["properties"].as_object_mut().unwrap().remove(k);
                    if k != "chosen" {
                        assert_eq!(e["provider"]["properties"][k], moved.unwrap(), "{k}");
                    }
                }
                whole["required"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|k| !beside.contains(&k.as_str().unwrap_or("")));
                assert_eq!(e["provider_entry"], whole);
                assert_eq!(e["provider"]["required"], json!(["provider", "chosen"]));
            }
            "host_pick" => assert_eq!(&e["host_pick_whole"], def),
            _ => assert_eq!(&e[name], def, "$defs.{name}"),
        }
    }
    for k in ["type", "properties", "required"] {
        assert_eq!(export["$defs"]["plan"][k], plan[k], "plan.{k}");
    }
    // The entries of the maps hold what a trace's items hold (a fact names its source by key).
    let keys = |v: &Value| -> Vec<String> {
        let mut k: Vec<String> = v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        k.sort();
        k
    };
    let items = &p["trace"]["properties"];
    for (entry, list) in [
        ("answer_read", "answers"),
        ("profile_read", "profile"),
        ("fact_entry", "facts"),
    ] {
        assert_eq!(keys(&e[entry]), keys(&items[list]["items"]), "{entry}");
        assert_eq!(
            e[entry]["required"], items[list]["items"]["required"],
            "{entry}"
        );
    }
    assert_eq!(export["properties"]["schema_version"]["const"], 2);
    assert_eq!(json::SCHEMA_VERSION, 2);
}
