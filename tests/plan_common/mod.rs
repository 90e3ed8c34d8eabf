//! Shared by the plan tests: load an answers file (the `diagasso new` format, read by
//! `answers_file`) into an `Association` and an in-memory `Audit`, and check a JSON value
//! against a JSON Schema structurally (type, required, properties, additionalProperties as a
//! schema for maps keyed by id, items, enum, const, $ref, oneOf, minimum/maximum) — enough for
//! our own schemas, with no new dependency.

#![allow(dead_code)]

use std::path::Path;

use diagasso::answers_file;
use diagasso::audit::{AnswerRecord, Association, Audit, AuditStatus, QuestionnaireRef};
use diagasso::questionnaire::Questionnaire;

/// An answers file read and checked.
pub struct Loaded {
    pub name: String,
    pub association: Association,
    pub audit: Audit,
}

/// Read `path` with the answers-file parser (as `diagasso new` does) and make an audit of it in
/// memory. Panics with every problem of the file: these are test fixtures.
pub fn load(path: &Path, questionnaires: &[Questionnaire]) -> (Loaded, Questionnaire) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = answers_file::parse(&path.display().to_string(), &bytes, questionnaires)
        .unwrap_or_else(|e| panic!("{e}"));
    let q = file.questionnaire;
    let audit = Audit {
        id: "fixture".into(),
        association_id: "fixture".into(),
        trainer: file.trainer,
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version,
            hash: q.hash.clone(),
        },
        status: AuditStatus::InProgress,
        started_at: String::new(),
        finished_at: None,
        updated_at: String::new(),
        answers: file
            .answers
            .into_iter()
            .map(|(k, answer)| {
                (
                    k,
                    AnswerRecord {
                        answer,
                        updated_at: String::new(),
                    },
                )
            })
            .collect(),
        notes: file.notes,
        note: file.note,
    };
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (
        Loaded {
            name,
            association: file.association,
            audit,
        },
        q,
    )
}

/// Every problem found checking `value` against `schema` (empty when valid).
pub fn check_schema(schema: &serde_json::Value, value: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(schema, schema, value, "$", &mut out);
    out
}

fn resolve<'a>(root: &'a serde_json::Value, reference: &str) -> &'a serde_json::Value {
    let path = reference.trim_start_matches("#/");
    path.split('/').fold(root, |node, key| {
        node.get(key)
            .unwrap_or_else(|| panic!("bad $ref {reference}"))
    })
}

fn type_ok(t: &str, v: &serde_json::Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64(),
        _ => panic!("unknown type {t} in schema"),
    }
}

fn walk(
    root: &serde_json::Value,
    s: &serde_json::Value,
    v: &serde_json::Value,
    at: &str,
    out: &mut Vec<String>,
) {
    if let Some(r) = s.get("$ref").and_then(|r| r.as_str()) {
        return walk(root, resolve(root, r), v, at, out);
    }
    if let Some(options) = s.get("oneOf").and_then(|o| o.as_array()) {
        let ok = options
            .iter()
            .filter(|o| {
                let mut errs = Vec::new();
                walk(root, o, v, at, &mut errs);
                errs.is_empty()
            })
            .count();
        if ok != 1 {
            out.push(format!("{at}: matches {ok} of oneOf"));
        }
        return;
    }
    if let Some(t) = s.get("type") {
        let types: Vec<&str> = match t {
            serde_json::Value::String(t) => vec![t.as_str()],
            serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
            _ => panic!("bad type in schema at {at}"),
        };
        if !types.iter().any(|t| type_ok(t, v)) {
            out.push(format!("{at}: expected {types:?}, got {v}"));
            return;
        }
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        out.push(format!("{at}: expected {c}, got {v}"));
    }
    if let Some(values) = s.get("enum").and_then(|e| e.as_array())
        && !values.contains(v)
    {
        out.push(format!("{at}: {v} not in {values:?}"));
    }
    if let Some(n) = v.as_f64() {
        if let Some(min) = s.get("minimum").and_then(|m| m.as_f64())
            && n < min
        {
            out.push(format!("{at}: {n} < {min}"));
        }
        if let Some(max) = s.get("maximum").and_then(|m| m.as_f64())
            && n > max
        {
            out.push(format!("{at}: {n} > {max}"));
        }
    }
    if let Some(obj) = v.as_object() {
        for key in s
            .get("required")
            .and_then(|r| r.as_array())
            .into_iter()
            .flatten()
        {
            let key = key.as_str().unwrap_or_default();
            if !obj.contains_key(key) {
                out.push(format!("{at}: missing required key `{key}`"));
            }
        }
        let props = s.get("properties").and_then(|p| p.as_object());
        // A map keyed by id: every value against `additionalProperties`.
        let others = s.get("additionalProperties").filter(|a| a.is_object());
        for (key, val) in obj {
            match (props.and_then(|p| p.get(key)), others) {
                (Some(ps), _) | (None, Some(ps)) => {
                    walk(root, ps, val, &format!("{at}.{key}"), out)
                }
                (None, None) if props.is_some() => {
                    out.push(format!("{at}: key `{key}` not in the schema"))
                }
                (None, None) => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            walk(root, items, item, &format!("{at}[{i}]"), out);
        }
    }
}
pub mod coherence;
