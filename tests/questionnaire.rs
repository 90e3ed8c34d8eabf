//! The questionnaire engine from the outside: every validation error kind with its exact
//! message and position, the `check` command's exit codes and JSON, the shipped files, and a
//! property test that random answers never make evaluation panic.

#[path = "common/bin.rs"]
mod bin;

use std::collections::BTreeMap;

use diagasso::audit::{Answer, Value};
use diagasso::i18n::Lang;
use diagasso::questionnaire::{self, answer, shipped};
use proptest::prelude::*;

const BAD: &str = "tests/fixtures/questionnaires/bad";

fn errors_of(name: &str) -> Vec<String> {
    let path = format!("{BAD}/{name}");
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    match questionnaire::load_str(&path, &text) {
        Ok(_) => panic!("{name} should be rejected"),
        Err(e) => e.0.iter().map(|e| e.message(Lang::En)).collect(),
    }
}

#[test]
fn each_error_kind_has_its_message_and_position() {
    let cases: &[(&str, &str)] = &[
        (
            "syntax.toml",
            "syntax.toml:4:11: invalid TOML: unclosed array table, expected `]`. Fix the syntax at this place.",
        ),
        (
            "duplicate.toml",
            "duplicate.toml:16:6: duplicate question id 'q1' (already used on line 10): choose another id",
        ),
        (
            "unknown-reference.toml",
            "unknown-reference.toml:14:12: 'q1' refers to an unknown question ${q9}: fix the id",
        ),
        (
            "missing-translation.toml",
            "missing-translation.toml:14:34: Choice 'c1' has no 'en' text: add en = \"…\"",
        ),
        (
            "unknown-kind.toml",
            "unknown-kind.toml:11:8: unknown variant `slider`, expected one of `single`, `multiple`, `number`, `text`, `scale`, `yesno`. Use one of the listed values.",
        ),
        (
            "empty-section.toml",
            "empty-section.toml:5:1: section 'a' is empty: add [[section.question]] entries or remove it",
        ),
        (
            "cycle.toml",
            "cycle.toml:14:12: relevant cycle: q1 → q2 → q1; a question cannot depend on itself",
        ),
        (
            "bad-expression.toml",
            "bad-expression.toml:14:20: invalid 'constraint' expression: incomplete expression",
        ),
        (
            "unknown-field.toml",
            "unknown-field.toml:14:1: unknown field `relevent`, expected one of",
        ),
        (
            "unknown-choice.toml",
            "unknown-choice.toml:21:12: 'q2': question 'q1' has no choice 'b'",
        ),
    ];
    for (file, want) in cases {
        let got = errors_of(file);
        assert_eq!(got.len(), 1, "{file}: {got:?}");
        let want = format!("{BAD}/{want}");
        assert!(
            got[0].starts_with(&want),
            "{file}:\n got  {}\n want {want}",
            got[0]
        );
    }
}

#[test]
fn several_errors_are_reported_at_once_in_file_order() {
    let got = errors_of("several.toml");
    let expected = [
        "2:11: the version must be a positive integer",
        "3:9: The title has no 'en' text: add en = \"…\"",
        "9:1: question 'Q1' has no help text: add help = { fr = \"…\", en = \"…\" }",
        "10:6: invalid question id 'Q1': lowercase letters, digits and '_', starting with a letter",
        "11:8: question 'Q1' (single) has no choices: add choices = [ … ]",
        "14:1: 'q2': min (10) is greater than max (1)",
        "14:1: 'q2' has a constraint without constraint_message: say in fr and en what is expected",
    ];
    assert_eq!(got.len(), expected.len(), "{got:#?}");
    for (g, e) in got.iter().zip(expected) {
        assert_eq!(g, &format!("{BAD}/several.toml:{e}"));
    }
}

#[test]
fn messages_exist_in_french() {
    let path = format!("{BAD}/duplicate.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let err = questionnaire::load_str(&path, &text).unwrap_err();
    assert_eq!(
        err.0[0].message(Lang::Fr),
        format!(
            "{path}:16:6: identifiant de question en double « q1 » (déjà utilisé ligne 10) : choisissez un autre identifiant"
        )
    );
}

fn diagasso(args: &[&str]) -> (i32, String, String) {
    let out = bin::diagasso()
        .args(args)
        .env("DIAGASSO_DB", "/nonexistent/never-used.db")
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_command_exit_codes() {
    let (code, out, _) = diagasso(&["check", "--json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let ids: Vec<&str> = v["questionnaires"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["pratiques-numeriques", "atelier-express"]);
    for q in v["questionnaires"].as_array().unwrap() {
        assert!(q["questions"].as_u64().unwrap() > 0);
        assert_eq!(q["languages"], serde_json::json!(["fr", "en"]));
    }

    for bad in std::fs::read_dir(BAD).unwrap() {
        let path = bad.unwrap().path();
        let (code, _, err) = diagasso(&["--lang", "en", "check", path.to_str().unwrap()]);
        assert_eq!(code, 1, "{}", path.display());
        assert!(err.contains(path.to_str().unwrap()), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let (code, _, err) = diagasso(&["--lang", "en", "check", &format!("{BAD}/invalid-utf8.toml")]);
    assert_eq!(code, 1);
    assert!(err.contains("is not valid UTF-8 text (byte 37)"), "{err}");
    let (code, _, err) = diagasso(&["--lang", "fr", "check", "tests/fixtures/nope.toml"]);
    assert_eq!(code, 1);
    assert!(err.contains("lecture impossible"), "{err}");
    let (code, out, _) = diagasso(&["check", "tests/fixtures/questionnaires/good-small.toml"]);
    assert_eq!(code, 0);
    assert!(out.contains("petit-test"));
}

#[test]
fn questionnaire_show_json_has_the_model() {
    let (code, out, _) = diagasso(&["questionnaire", "show", "pratiques-numeriques", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let first = &v["sections"][0]["questions"][0];
    for key in [
        "id", "kind", "choices", "min", "max", "required", "relevant",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    let (code, _, err) = diagasso(&["--lang", "en", "questionnaire", "show", "nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown questionnaire 'nope'"));
}

fn small() -> questionnaire::Questionnaire {
    let text = std::fs::read_to_string("tests/fixtures/questionnaires/good-small.toml").unwrap();
    questionnaire::load_str("good-small.toml", &text).unwrap()
}

#[test]
fn relevance_follows_answers_and_hidden_answers_read_as_empty() {
    let q = small();
    let mut a: BTreeMap<String, Answer> = BTreeMap::new();
    assert_eq!(q.visible(&a), [true, false, false, false]);
    a.insert(
        "files_tools".into(),
        Answer::Given(Value::Choices(vec!["google_drive".into()])),
    );
    a.insert(
        "files_storage_gb".into(),
        Answer::Given(Value::Number(40.0)),
    );
    assert_eq!(q.visible(&a), [true, true, true, true]);
    // Un-ticking Drive hides the volume; the backup question, which depends on the volume,
    // follows even though the volume answer is still stored.
    a.insert(
        "files_tools".into(),
        Answer::Given(Value::Choices(vec!["nextcloud".into()])),
    );
    assert_eq!(q.visible(&a), [true, true, false, false]);
}

#[test]
fn answers_are_checked_against_their_question() {
    let q = small();
    let none: BTreeMap<String, Answer> = BTreeMap::new();
    let tools = q.question("files_tools").unwrap();
    let ok = Answer::Given(Value::Choices(vec![
        "google_drive".into(),
        "nextcloud".into(),
    ]));
    assert!(answer::check(tools, &ok, &none).is_ok());
    let bad = Answer::Given(Value::Choices(vec!["google_drive".into(), "none".into()]));
    assert_eq!(
        answer::check(tools, &bad, &none).unwrap_err().en,
        "'None' cannot be combined with other choices"
    );
    let unknown = Answer::Given(Value::Choices(vec!["dropbox".into()]));
    assert_eq!(
        answer::check(tools, &unknown, &none).unwrap_err().en,
        "unknown choice 'dropbox' (possible choices: google_drive, nextcloud, none)"
    );
    assert!(answer::check(tools, &Answer::NotApplicable, &none).is_err());
    assert!(answer::check(tools, &Answer::DontKnow, &none).is_ok());

    let gb = q.question("files_storage_gb").unwrap();
    assert!(answer::check(gb, &Answer::Given(Value::Number(12.5)), &none).is_ok());
    assert_eq!(
        answer::check(gb, &Answer::Given(Value::Number(6000.0)), &none)
            .unwrap_err()
            .fr,
        "Plus de 5 To ? Vérifiez l'unité."
    );
    assert_eq!(
        answer::check(gb, &Answer::Given(Value::Number(-1.0)), &none)
            .unwrap_err()
            .en,
        "-1 is out of range: between 0 and 100000"
    );
    assert!(answer::check(gb, &Answer::NotApplicable, &none).is_ok());
    let scale = q.question("files_satisfaction").unwrap();
    assert_eq!(
        answer::check(scale, &Answer::Given(Value::Number(2.5)), &none)
            .unwrap_err()
            .en,
        "a whole number is expected (got 2.5)"
    );
    assert!(answer::check(scale, &Answer::Given(Value::Number(6.0)), &none).is_err());
    assert!(answer::check(scale, &Answer::Given(Value::Text("x".into())), &none).is_err());
}

#[test]
fn text_is_nfc_normalised_and_choices_ordered() {
    let q = small();
    let tools = q.question("files_tools").unwrap();
    let a = answer::normalise(
        tools,
        Answer::Given(Value::Choices(vec![
            "none".into(),
            "google_drive".into(),
            "none".into(),
        ])),
    );
    assert_eq!(
        a,
        Answer::Given(Value::Choices(vec!["google_drive".into(), "none".into()]))
    );
    let decomposed = "e\u{301}te\u{301}";
    let t = answer::normalise(
        tools,
        Answer::Given(Value::Text(format!("  {decomposed} "))),
    );
    assert_eq!(t, Answer::Given(Value::Text("\u{e9}t\u{e9}".into())));
}

#[test]
fn shipped_questionnaires_load() {
    let all = shipped::all().expect("shipped questionnaires are valid");
    assert_eq!(all.len(), 2);
    for q in &all {
        assert_eq!(q.hash.len(), 64);
        assert!(q.version >= 1);
    }
}

fn arb_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        Just(Answer::DontKnow),
        Just(Answer::NotApplicable),
        any::<f64>().prop_map(|n| Answer::Given(Value::Number(n))),
        any::<bool>().prop_map(|b| Answer::Given(Value::Bool(b))),
        "[a-z_]{0,12}".prop_map(|s| Answer::Given(Value::Choice(s))),
        prop::collection::vec("[a-z_]{0,12}", 0..5).prop_map(|v| Answer::Given(Value::Choices(v))),
        ".{0,20}".prop_map(|s| Answer::Given(Value::Text(s))),
    ]
}

proptest! {
    #[test]
    fn random_answers_never_panic(picks in prop::collection::vec((0usize..400, arb_answer()), 0..60)) {
        let mut all = shipped::all().unwrap();
        all.push(small());
        for q in &all {
            let ids: Vec<String> = q.questions().map(|(_, qq)| qq.id.clone()).collect();
            let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
            for (i, a) in &picks {
                answers.insert(ids[i % ids.len()].clone(), a.clone());
            }
            let visible = q.visible(&answers);
            prop_assert_eq!(visible.len(), q.question_count());
            for (_, question) in q.questions() {
                if let Some(a) = answers.get(&question.id) {
                    let _ = answer::check(question, a, &answers);
                }
            }
        }
    }
}

/// Visibility as the documentation states it, computed the slow, obvious way: a question is
/// shown when its section's and its own `relevant` hold, reading the questions they name as
/// unanswered when those are hidden themselves.
fn visible_by_definition(
    q: &questionnaire::Questionnaire,
    answers: &BTreeMap<String, Answer>,
) -> Vec<bool> {
    fn shown(
        q: &questionnaire::Questionnaire,
        i: usize,
        answers: &BTreeMap<String, Answer>,
    ) -> bool {
        let (section, question) = q.questions().nth(i).unwrap();
        [section.relevant.as_ref(), question.relevant.as_ref()]
            .into_iter()
            .flatten()
            .all(|expr| {
                let refs = expr.references();
                let seen: BTreeMap<String, Answer> = answers
                    .iter()
                    .filter(|(id, _)| match q.position(id) {
                        Some(p) if refs.contains(&id.as_str()) => shown(q, p, answers),
                        _ => true,
                    })
                    .map(|(id, a)| (id.clone(), a.clone()))
                    .collect();
                let scope = questionnaire::eval::Scope {
                    answers: &seen,
                    current: None,
                };
                scope.eval(&expr.root).truthy()
            })
    }
    (0..q.question_count())
        .map(|i| shown(q, i, answers))
        .collect()
}

proptest! {
    /// `visible` (one pass over a memo, with what each question reads worked out at load)
    /// agrees with the definition, on answers that open and close the shipped questionnaires'
    /// branches: real choice ids, numbers around the thresholds, « je ne sais pas ».
    #[test]
    fn visibility_follows_its_definition(seed in prop::collection::vec(any::<u64>(), 100)) {
        let mut all = shipped::all().unwrap();
        all.push(small());
        for q in &all {
            let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
            for (i, (_, question)) in q.questions().enumerate() {
                let r = seed[i % seed.len()].rotate_left(i as u32);
                let pick = |k: u64| question.choices[(k % question.choices.len() as u64) as usize].id.clone();
                let answer = match (r % 5, question.choices.is_empty()) {
                    (0, _) => continue,
                    (1, _) => Answer::DontKnow,
                    (_, false) if question.kind == questionnaire::Kind::Multiple => {
                        let n = 1 + (r >> 8) % 3;
                        Answer::Given(Value::Choices((0..n).map(|k| pick(r >> (16 + 8 * k))).collect()))
                    }
                    (_, false) => Answer::Given(Value::Choice(pick(r >> 8))),
                    (_, true) => Answer::Given(Value::Number(((r >> 8) % 25) as f64)),
                };
                answers.insert(question.id.clone(), answer);
            }
            prop_assert_eq!(q.visible(&answers), visible_by_definition(q, &answers), "{}", q.id);
            for (i, (_, question)) in q.questions().enumerate() {
                prop_assert_eq!(q.is_visible(&question.id, &answers), q.visible(&answers)[i]);
            }
        }
    }
}

#[test]
fn express_reuses_the_full_questionnaire_ids_unchanged() {
    let full = shipped::by_id("pratiques-numeriques").unwrap().unwrap();
    let express = shipped::by_id("atelier-express").unwrap().unwrap();
    assert!(
        full.question_count() >= 60 && full.question_count() <= 100,
        "{}",
        full.question_count()
    );
    assert!(full.sections.len() >= 12);
    assert!(
        (15..=30).contains(&express.question_count()),
        "{}",
        express.question_count()
    );
    for (_, q) in express.questions() {
        let f = full.question(&q.id).unwrap_or_else(|| {
            panic!("express question {} is not in the full questionnaire", q.id)
        });
        assert_eq!(q.kind, f.kind, "{}", q.id);
        let ids = |qq: &diagasso::questionnaire::Question| {
            qq.choices.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(q), ids(f), "{}", q.id);
        assert_eq!(
            (q.min, q.max, &q.quantity, &q.role),
            (f.min, f.max, &f.quantity, &f.role),
            "{}",
            q.id
        );
        for (a, b) in q.choices.iter().zip(&f.choices) {
            assert_eq!(
                (&a.tool, &a.needs, &a.signals),
                (&b.tool, &b.needs, &b.signals),
                "{}:{}",
                q.id,
                a.id
            );
        }
    }
}

#[test]
fn every_question_has_help_in_both_languages() {
    for q in shipped::all().unwrap() {
        for (_, question) in q.questions() {
            assert!(question.help.is_complete(), "{}: {}", q.id, question.id);
            assert!(question.label.is_complete(), "{}: {}", q.id, question.id);
        }
    }
}
