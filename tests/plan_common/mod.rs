//! Shared by the plan tests: load an answers file (the `diagasso new --answers` format) into an
//! `Association` and an `Audit` checked against the questionnaire, and check a JSON value
//! against a JSON Schema structurally (type, required, properties, items, enum, const, $ref,
//! oneOf, minimum/maximum) — enough for our own schema, with no new dependency.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use diagasso::audit::{
    Answer, AnswerRecord, Association, Audit, AuditStatus, LegalForm, QuestionnaireRef, Value,
};
use diagasso::questionnaire::{Kind, Questionnaire, answer};

/// An answers file read and checked.
pub struct Loaded {
    pub name: String,
    pub association: Association,
    pub audit: Audit,
}

fn str_field(t: &toml::Table, k: &str) -> String {
    t.get(k)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

fn num_field(t: &toml::Table, k: &str) -> Option<i64> {
    t.get(k).and_then(|v| v.as_integer())
}

/// Read `path` against the questionnaire named in it. Panics with a clear message on any
/// problem: these are test fixtures.
pub fn load(path: &Path, questionnaires: &[Questionnaire]) -> (Loaded, Questionnaire) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: toml::Table =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let qid = str_field(&doc, "questionnaire");
    let q = questionnaires
        .iter()
        .find(|q| q.id == qid)
        .unwrap_or_else(|| panic!("{}: unknown questionnaire {qid}", path.display()))
        .clone();
    let empty = toml::Table::new();
    let a = doc
        .get("association")
        .and_then(|v| v.as_table())
        .unwrap_or(&empty);
    let legal = str_field(a, "legal_form");
    let association = Association {
        id: "fixture".into(),
        name: str_field(a, "name"),
        legal_form: LegalForm::parse(if legal.is_empty() {
            "association"
        } else {
            &legal
        })
        .unwrap_or_else(|| panic!("{}: legal_form {legal}", path.display())),
        country: str_field(a, "country"),
        postcode: str_field(a, "postcode"),
        activity: str_field(a, "activity"),
        members: num_field(a, "members").map(|n| n as u32),
        employees: num_field(a, "employees").map(|n| n as u32),
        volunteers: num_field(a, "volunteers").map(|n| n as u32),
        budget_eur: num_field(a, "budget_eur").map(|n| n as u64),
        contact_name: str_field(a, "contact_name"),
        contact_email: str_field(a, "contact_email"),
    };
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    let given = doc
        .get("answers")
        .and_then(|v| v.as_table())
        .unwrap_or(&empty);
    for (qid, v) in given {
        let question = q
            .question(qid)
            .unwrap_or_else(|| panic!("{}: unknown question {qid}", path.display()));
        let ans = match v {
            toml::Value::Table(t) if t.get("dont_know").and_then(|b| b.as_bool()) == Some(true) => {
                Answer::DontKnow
            }
            toml::Value::Table(t)
                if t.get("not_applicable").and_then(|b| b.as_bool()) == Some(true) =>
            {
                Answer::NotApplicable
            }
            toml::Value::String(s) if question.kind == Kind::Single => {
                Answer::Given(Value::Choice(s.clone()))
            }
            toml::Value::String(s) if question.kind == Kind::Multiple => {
                Answer::Given(Value::Choices(vec![s.clone()]))
            }
            toml::Value::String(s) => Answer::Given(Value::Text(s.clone())),
            toml::Value::Array(items) => Answer::Given(Value::Choices(
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(String::from))
                    .collect(),
            )),
            toml::Value::Integer(n) => Answer::Given(Value::Number(*n as f64)),
            toml::Value::Float(n) => Answer::Given(Value::Number(*n)),
            toml::Value::Boolean(b) => Answer::Given(Value::Bool(*b)),
            other => panic!("{}: {qid}: unsupported value {other}", path.display()),
        };
        let ans = answer::normalise(question, ans);
        if let Err(p) = answer::check(question, &ans, &answers) {
            panic!("{}: {qid}: {}", path.display(), p.fr);
        }
        answers.insert(qid.clone(), ans);
    }
    let audit = Audit {
        id: "fixture".into(),
        association_id: "fixture".into(),
        trainer: String::new(),
        questionnaire: QuestionnaireRef {
            id: q.id.clone(),
            version: q.version,
            hash: q.hash.clone(),
        },
        status: AuditStatus::InProgress,
        started_at: String::new(),
        finished_at: None,
        updated_at: String::new(),
        answers: answers
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
        notes: BTreeMap::new(),
        note: String::new(),
    };
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (
        Loaded {
            name,
            association,
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
        if let Some(props) = s.get("properties").and_then(|p| p.as_object()) {
            for (key, val) in obj {
                match props.get(key) {
                    Some(ps) => walk(root, ps, val, &format!("{at}.{key}"), out),
                    None => out.push(format!("{at}: key `{key}` not in the schema")),
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            walk(root, items, item, &format!("{at}[{i}]"), out);
        }
    }
}
