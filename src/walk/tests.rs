//! The walk tested as data: a state, an input, the state and effects that follow; and a property
//! test that no sequence of inputs panics, leaves the cursor on a hidden question or pushes
//! progress past 100 %.

use std::collections::BTreeMap;
use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::audit::Value;
use crate::questionnaire::{Questionnaire, load_str};

/// The test questionnaire with every kind (tests/fixtures/questionnaires/visite.toml).
pub(crate) fn fixture() -> Questionnaire {
    load_str(
        "visite.toml",
        include_str!("../../tests/fixtures/questionnaires/visite.toml"),
    )
    .expect("the fixture loads")
}

fn walk() -> Walk {
    Walk::new(Arc::new(fixture()), BTreeMap::new(), None)
}

fn save(id: &str, answer: Option<Answer>) -> Effect {
    save_over(id, answer, None)
}

fn save_over(id: &str, answer: Option<Answer>, seen: Option<Answer>) -> Effect {
    Effect::Save {
        question_id: id.into(),
        answer,
        seen,
    }
}

fn cursor(id: &str) -> Effect {
    Effect::Cursor {
        question_id: id.into(),
    }
}

#[test]
fn starts_on_the_first_question_and_hides_dependent_ones() {
    let w = walk();
    assert_eq!(w.current_id(), Some("members_count"));
    // files_storage_gb and files_satisfaction depend on files_tools: hidden at first.
    assert_eq!(
        w.progress(),
        Progress {
            answered: 0,
            total: 5
        }
    );
    assert_eq!(w.number(), (1, 5));
}

#[test]
fn next_and_previous_skip_hidden_questions() {
    let mut w = walk();
    assert_eq!(
        w.apply(Input::JumpTo("files_tools".into())),
        vec![cursor("files_tools")]
    );
    assert_eq!(w.apply(Input::Next), vec![cursor("backup")]);
    assert_eq!(w.apply(Input::Previous), vec![cursor("files_tools")]);
}

#[test]
fn ticking_reveals_questions_live_and_saves_at_once() {
    let mut w = walk();
    w.apply(Input::JumpSection(1));
    let effects = w.apply(Input::Pick(0));
    assert_eq!(
        effects,
        vec![save(
            "files_tools",
            Some(Answer::Given(Value::Choices(vec!["google_drive".into()])))
        )]
    );
    assert_eq!(w.save_mark(), &SaveMark::Pending("files_tools".into()));
    assert_eq!(
        w.progress(),
        Progress {
            answered: 1,
            total: 7
        }
    );
    assert_eq!(w.apply(Input::Continue), vec![cursor("files_storage_gb")]);
}

#[test]
fn exclusive_choice_clears_the_others_and_hides_again() {
    let mut w = walk();
    w.apply(Input::JumpSection(1));
    w.apply(Input::Pick(0));
    w.apply(Input::Pick(2));
    let effects = w.apply(Input::Pick(4));
    let choices =
        |ids: &[&str]| Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()));
    // Each save names the answer it replaces, as the walk held it.
    assert_eq!(
        effects,
        vec![save_over(
            "files_tools",
            Some(choices(&["none"])),
            Some(choices(&["google_drive", "nextcloud"]))
        )]
    );
    assert_eq!(w.draft().ticked, vec![false, false, false, false, true]);
    assert_eq!(w.progress().total, 5);
    // Unticking the last box removes the answer.
    assert_eq!(
        w.apply(Input::Pick(4)),
        vec![save_over("files_tools", None, Some(choices(&["none"])))]
    );
}

#[test]
fn an_answer_changed_in_another_window_is_taken_said_and_saved_over_next_time() {
    let choices =
        |ids: &[&str]| Answer::Given(Value::Choices(ids.iter().map(|s| s.to_string()).collect()));
    let mut w = walk();
    w.apply(Input::JumpSection(1));
    w.apply(Input::Pick(0));
    w.apply(Input::Pick(2));
    // The store refused the second tick: another window saved « none » meanwhile.
    let message = Message::new("modifié ailleurs", "changed elsewhere");
    let effects = w.apply(Input::ChangedElsewhere {
        question_id: "files_tools".into(),
        current: Some(choices(&["none"])),
        message: message.clone(),
    });
    assert!(effects.is_empty());
    assert_eq!(w.answer("files_tools"), Some(&choices(&["none"])));
    assert_eq!(
        w.draft().ticked,
        vec![false, false, false, false, true],
        "the boxes follow"
    );
    assert_eq!(
        w.progress().total,
        5,
        "visibility follows the reloaded answer"
    );
    assert_eq!(
        w.save_mark(),
        &SaveMark::Failed {
            question_id: "files_tools".into(),
            message
        }
    );
    // Answering again saves over what is stored now.
    assert_eq!(
        w.apply(Input::Pick(4)),
        vec![save_over("files_tools", None, Some(choices(&["none"])))]
    );
    // A reload for a question the questionnaire does not have changes nothing.
    w.apply(Input::ChangedElsewhere {
        question_id: "nowhere".into(),
        current: Some(Answer::DontKnow),
        message: Message::new("x", "x"),
    });
    assert_eq!(w.answer("nowhere"), None);
}

#[test]
fn saved_mark_only_after_the_store_confirms() {
    let mut w = walk();
    w.apply(Input::SubmitText {
        text: "42".into(),
        advance: false,
    });
    assert!(matches!(w.save_mark(), SaveMark::Pending(_)));
    w.apply(Input::Saved {
        question_id: "members_count".into(),
        at: "14:03:12".into(),
    });
    assert_eq!(
        w.save_mark(),
        &SaveMark::Saved {
            question_id: "members_count".into(),
            at: "14:03:12".into()
        }
    );
}

#[test]
fn numbers_are_read_and_checked_inline() {
    let mut w = walk();
    let effects = w.apply(Input::SubmitText {
        text: "douze".into(),
        advance: true,
    });
    assert!(effects.is_empty());
    assert!(
        w.problem()
            .is_some_and(|m| m.fr.contains("n'est pas un nombre"))
    );
    assert_eq!(w.current_id(), Some("members_count"));
    let effects = w.apply(Input::SubmitText {
        text: "1 200".into(),
        advance: true,
    });
    assert_eq!(
        effects,
        vec![
            save("members_count", Some(Answer::Given(Value::Number(1200.0)))),
            cursor("activity")
        ]
    );
    assert!(w.problem().is_none());
}

#[test]
fn constraint_message_is_shown_and_nothing_saved() {
    let mut w = walk();
    w.apply(Input::JumpSection(1));
    w.apply(Input::Pick(1));
    w.apply(Input::Next);
    assert_eq!(w.current_id(), Some("files_storage_gb"));
    let effects = w.apply(Input::SubmitText {
        text: "9000".into(),
        advance: false,
    });
    assert!(effects.is_empty());
    assert_eq!(
        w.problem().map(|m| m.fr.as_str()),
        Some("Plus de 5 To ? Vérifiez l'unité (Go).")
    );
    assert_eq!(w.apply(Input::NotApplicable).len(), 1);
    assert!(w.problem().is_none());
}

#[test]
fn required_question_is_not_left_unanswered_by_continue_but_next_passes() {
    let mut w = walk();
    w.apply(Input::JumpTo("files_tools".into()));
    assert!(w.apply(Input::Continue).is_empty());
    assert!(w.problem().is_some_and(|m| m.fr.contains("obligatoire")));
    assert_eq!(w.apply(Input::Next), vec![cursor("backup")]);
    assert!(w.problem().is_none());
}

#[test]
fn continue_never_answers_an_untouched_question_for_the_person() {
    let mut w = walk();
    w.apply(Input::JumpTo("backup".into()));
    assert_eq!(w.apply(Input::Continue), vec![cursor("comment")]);
    assert_eq!(w.answer("backup"), None);
    w.apply(Input::Previous);
    w.apply(Input::Down);
    assert_eq!(
        w.apply(Input::Continue),
        vec![
            save("backup", Some(Answer::Given(Value::Bool(true)))),
            cursor("comment")
        ]
    );
}

#[test]
fn dont_know_counts_as_answered_and_not_applicable_only_where_offered() {
    let mut w = walk();
    assert_eq!(
        w.apply(Input::DontKnow),
        vec![save("members_count", Some(Answer::DontKnow))]
    );
    assert_eq!(w.progress().answered, 1);
    assert!(w.apply(Input::NotApplicable).is_empty());
    assert!(w.problem().is_some());
}

#[test]
fn end_of_the_walk_asks_for_the_review() {
    let mut w = walk();
    w.apply(Input::Last);
    assert_eq!(w.current_id(), Some("comment"));
    assert!(w.at_end());
    assert_eq!(w.apply(Input::Next), vec![Effect::ReachedEnd]);
}

#[test]
fn resumes_where_it_was_left_or_at_the_first_unanswered() {
    let mut answers = BTreeMap::new();
    answers.insert("members_count".into(), Answer::Given(Value::Number(3.0)));
    let q = Arc::new(fixture());
    let w = Walk::new(Arc::clone(&q), answers.clone(), None);
    assert_eq!(w.current_id(), Some("activity"));
    let w = Walk::new(Arc::clone(&q), answers.clone(), Some("backup"));
    assert_eq!(w.current_id(), Some("backup"));
    // A stored cursor on a question hidden since: the next shown one.
    let w = Walk::new(q, answers, Some("files_storage_gb"));
    assert_eq!(w.current_id(), Some("backup"));
}

#[test]
fn jumping_to_a_section_that_does_not_apply_says_so() {
    let mut w = walk();
    assert_eq!(w.apply(Input::JumpSection(2)), vec![cursor("backup")]);
    assert!(w.apply(Input::JumpSection(99)).is_empty());
}

fn any_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        Just(Input::Next),
        Just(Input::Previous),
        Just(Input::First),
        Just(Input::Last),
        (0usize..5).prop_map(Input::JumpSection),
        Just(Input::Up),
        Just(Input::Down),
        Just(Input::Top),
        Just(Input::Bottom),
        (0usize..8).prop_map(Input::Pick),
        Just(Input::PickHighlighted),
        Just(Input::Continue),
        "[0-9a-zé ,.]{0,8}".prop_map(|text| Input::SubmitText {
            text,
            advance: false
        }),
        Just(Input::DontKnow),
        Just(Input::NotApplicable),
        Just(Input::Clear),
        Just(Input::JumpTo("files_satisfaction".into())),
    ]
}

proptest! {
    #[test]
    fn no_input_sequence_panics_or_overflows_progress(inputs in proptest::collection::vec(any_input(), 0..60)) {
        let mut w = walk();
        for input in inputs {
            let effects = w.apply(input);
            let p = w.progress();
            prop_assert!(p.answered <= p.total);
            prop_assert!(p.percent() <= 100);
            for i in 0..w.questionnaire().sections.len() {
                prop_assert!(w.section_progress(i).percent() <= 100);
            }
            prop_assert!(w.current().is_some(), "the cursor stands on a shown question");
            for e in effects {
                if let Effect::Save { question_id, answer, .. } = e {
                    prop_assert_eq!(w.answer(&question_id), answer.as_ref());
                }
            }
        }
    }
}
