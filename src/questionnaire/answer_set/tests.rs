//! The set check on a small questionnaire made for it: every kind of refusal, the walk's own
//! leftovers (a question hidden, or a constraint broken, by a later change) kept, and a
//! property: a set the walk could produce is never refused, and breaking one of its values is.

use proptest::prelude::*;

use super::*;
use crate::questionnaire::load_str;

const TOML: &str = r#"
id = "ensemble"
version = 1
title = { fr = "Ensemble", en = "Set" }

[[section]]
id = "s"
title = { fr = "S", en = "S" }

[[section.question]]
id = "accounts"
kind = "number"
integer = true
min = 0
max = 100000
label = { fr = "Comptes", en = "Accounts" }
help = { fr = "Nombre.", en = "A number." }

[[section.question]]
id = "champions"
kind = "number"
integer = true
min = 0
max = 1000
constraint = "not(answered(${accounts})) or . <= ${accounts}"
label = { fr = "Relais", en = "Champions" }
help = { fr = "Nombre.", en = "A number." }
constraint_message = { fr = "Pas plus que les comptes.", en = "No more than the accounts." }

[[section.question]]
id = "langs"
kind = "multiple"
label = { fr = "Langues", en = "Languages" }
help = { fr = "Cochez.", en = "Tick." }
choices = [
  { id = "fr", label = { fr = "Français", en = "French" } },
  { id = "en", label = { fr = "Anglais", en = "English" } },
  { id = "none", label = { fr = "Aucune", en = "None" }, exclusive = true },
]

[[section.question]]
id = "translator"
kind = "yesno"
relevant = "selected(${langs}, 'en')"
label = { fr = "Traducteur ?", en = "Translator?" }
help = { fr = "Oui ou non.", en = "Yes or no." }

[[section.question]]
id = "translator_name"
kind = "text"
relevant = "${translator}"
label = { fr = "Qui ?", en = "Who?" }
help = { fr = "Un nom.", en = "A name." }
"#;

fn q() -> Questionnaire {
    load_str("ensemble.toml", TOML).expect("loads")
}

fn n(x: f64) -> Answer {
    Answer::Given(Value::Number(x))
}

fn choices(ids: &[&str]) -> Answer {
    Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()))
}

fn given<'a>(list: &'a [(&'a str, Answer, Option<&'a str>)]) -> Vec<Given<'a>> {
    list.iter()
        .map(|(q, a, at)| Given {
            question: q,
            answer: a,
            at: *at,
        })
        .collect()
}

fn refused(list: &[(&str, Answer, Option<&str>)]) -> Vec<(String, String, String)> {
    check(&q(), &given(list))
        .into_iter()
        .map(|r| (r.question, r.value, r.problem.en))
        .collect()
}

const T1: Option<&str> = Some("2026-03-14T10:00:00.000000Z");
const T2: Option<&str> = Some("2026-03-14T11:00:00.000000Z");

#[test]
fn every_value_the_walk_refuses_is_refused_with_its_reason() {
    let long = "x".repeat(300_000);
    let list = [
        ("accounts", n(-5.0), T1),
        ("champions", n(0.5), T1),
        ("langs", choices(&["fr", "fr", "fr"]), T1),
        ("translator", Answer::Given(Value::Text("oui".into())), T1),
        ("translator_name", Answer::Given(Value::Text(long)), T1),
        ("nope", Answer::DontKnow, T1),
    ];
    let r = refused(&list);
    assert_eq!(
        r.iter().map(|(q, _, _)| q.as_str()).collect::<Vec<_>>(),
        [
            "accounts",
            "champions",
            "langs",
            "translator",
            "translator_name",
            "nope"
        ]
    );
    assert_eq!(r[0].1, "-5");
    assert!(r[0].2.contains("out of range"), "{}", r[0].2);
    assert!(r[1].2.contains("whole number"), "{}", r[1].2);
    assert!(r[2].2.contains("given twice"), "{}", r[2].2);
    assert!(r[3].2.contains("yes or no"), "{}", r[3].2);
    assert!(r[4].2.contains("text too long (300000"), "{}", r[4].2);
    assert!(r[4].1.chars().count() <= 60);
    assert!(r[5].2.contains("no question 'nope'"), "{}", r[5].2);
}

#[test]
fn unknown_and_exclusive_choices_and_not_applicable_are_refused() {
    let r = refused(&[
        ("langs", choices(&["fr", "none"]), T1),
        ("accounts", Answer::NotApplicable, T1),
    ]);
    assert_eq!(r.len(), 2);
    assert!(r[0].2.contains("'not applicable' is not offered"), "{r:?}");
    assert!(r[1].2.contains("cannot be combined"), "{r:?}");
    let r = refused(&[("langs", choices(&["de"]), T1)]);
    assert!(r[0].2.contains("unknown choice 'de'"), "{r:?}");
}

#[test]
fn two_answers_to_one_question_are_refused() {
    let r = refused(&[("accounts", n(3.0), T1), ("accounts", n(4.0), T1)]);
    assert_eq!(r.len(), 1);
    assert!(r[0].2.contains("two answers"));
}

#[test]
fn a_hidden_answer_given_after_what_hides_it_is_refused() {
    // langs did not include English when the translator was answered: the walk never asked.
    let r = refused(&[("langs", choices(&["fr"]), T1), ("translator", n(1.0), T2)]);
    assert_eq!(r.len(), 1, "{r:?}");
    let r = refused(&[
        ("langs", choices(&["fr"]), T1),
        ("translator", Answer::Given(Value::Bool(true)), T2),
    ]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].2.contains("not asked"), "{r:?}");
    // Without times (an answers file), as written.
    let r = refused(&[
        ("langs", choices(&["fr"]), None),
        ("translator", Answer::Given(Value::Bool(true)), None),
    ]);
    assert_eq!(r.len(), 1, "{r:?}");
}

#[test]
fn what_the_walk_keeps_after_a_later_change_comes_back() {
    // English ticked, translator answered, then English unticked: the walk keeps the answer.
    assert!(
        refused(&[
            ("langs", choices(&["fr"]), T2),
            ("translator", Answer::Given(Value::Bool(true)), T1),
        ])
        .is_empty()
    );
    // The same two levels down: the name hidden because the translator is, because of langs.
    assert!(
        refused(&[
            ("langs", choices(&["fr"]), T2),
            ("translator", Answer::Given(Value::Bool(true)), T1),
            (
                "translator_name",
                Answer::Given(Value::Text("Ana".into())),
                T1
            ),
        ])
        .is_empty()
    );
    // langs cleared since: gone, so its time is unknown.
    assert!(refused(&[("translator", Answer::Given(Value::Bool(true)), T1)]).is_empty());
    // Champions within the accounts, then accounts lowered: kept.
    assert!(refused(&[("champions", n(8.0), T1), ("accounts", n(5.0), T2)]).is_empty());
    // Champions given above the accounts already there: refused.
    let r = refused(&[("accounts", n(5.0), T1), ("champions", n(8.0), T2)]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "champions");
}

#[test]
fn a_hidden_answer_whose_condition_was_refused_is_not_reported_twice() {
    let r = refused(&[
        ("langs", choices(&["fr", "zz"]), T1),
        ("translator", Answer::Given(Value::Bool(true)), T2),
    ]);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].0, "langs");
}

/// An answer to `question` of the questionnaire, from a number.
fn valid_answer(question: &str, k: u8) -> Answer {
    match question {
        "accounts" => n(f64::from(k) + 10.0),
        "champions" => n(f64::from(k % 10)),
        "langs" => match k % 4 {
            0 => choices(&["fr"]),
            1 => choices(&["en"]),
            2 => choices(&["fr", "en"]),
            _ => choices(&["none"]),
        },
        "translator" => Answer::Given(Value::Bool(k.is_multiple_of(2))),
        _ => Answer::Given(Value::Text(format!("Nom {k}"))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Answers given in order by a walk (each checked when given, on the questions shown at
    /// that moment), then some changed later: never refused. And a value broken on purpose
    /// (a negative count) is always refused.
    #[test]
    fn what_a_walk_produces_passes_and_a_broken_value_does_not(
        steps in proptest::collection::vec((0usize..5, any::<u8>()), 1..20),
        break_it in any::<bool>(),
    ) {
        let q = q();
        let ids: Vec<String> = q.questions().map(|(_, x)| x.id.clone()).collect();
        let mut answers: std::collections::BTreeMap<String, (Answer, String)> = Default::default();
        for (i, (which, k)) in steps.iter().enumerate() {
            let id = &ids[*which];
            let plain: std::collections::BTreeMap<String, Answer> =
                answers.iter().map(|(k, (a, _))| (k.clone(), a.clone())).collect();
            if !q.is_visible(id, &plain) {
                continue;
            }
            let a = valid_answer(id, *k);
            if answer::check(q.question(id).unwrap(), &a, &plain).is_err() {
                continue;
            }
            answers.insert(id.clone(), (a, format!("2026-03-14T10:00:{i:02}.000000Z")));
        }
        if break_it {
            answers.insert("accounts".into(), (n(-5.0), "2026-03-14T10:00:59.000000Z".into()));
        }
        let list: Vec<Given<'_>> = answers
            .iter()
            .map(|(id, (a, at))| Given { question: id, answer: a, at: Some(at) })
            .collect();
        let r = check(&q, &list);
        if break_it {
            prop_assert!(r.iter().any(|x| x.question == "accounts"), "{r:?}");
        } else {
            prop_assert!(r.is_empty(), "{r:?}");
        }
    }
}
