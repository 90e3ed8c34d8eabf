//! What an import does to the audit it brings before one byte of it is stored, whatever the way
//! in (a JSON export brought back, a bundle): every text cleaned as the store cleans what is
//! typed (`safe_text`: one-line fields as one line, no control or bidi override character),
//! and every answer checked as the walk checks it (`questionnaire::answer_set`, with the time
//! each answer was given). The caller stores the audit only when nothing was refused: all or
//! nothing, each refusal listed.

use crate::audit::{Answer, Association, Audit, Value};
use crate::questionnaire::Questionnaire;
use crate::questionnaire::answer_set::{self, Given, Refusal};
use crate::safe_text::{clean, clean_line};

/// The profile's texts, cleaned.
pub fn clean_association(a: &mut Association) {
    for field in [
        &mut a.name,
        &mut a.country,
        &mut a.postcode,
        &mut a.activity,
        &mut a.contact_name,
        &mut a.contact_email,
    ] {
        *field = clean_line(field);
    }
}

/// An answer with its text cleaned (nothing else changes: a choice given twice stays twice,
/// for the check to refuse).
pub fn clean_answer(a: Answer) -> Answer {
    match a {
        Answer::Given(Value::Text(t)) => Answer::Given(Value::Text(clean(&t))),
        other => other,
    }
}

/// The audit's texts (trainer, notes, general note, text answers), cleaned. A note cleaned to
/// nothing is dropped, as the store drops an empty note.
pub fn clean_audit(a: &mut Audit) {
    a.trainer = clean_line(&a.trainer);
    a.note = clean(&a.note);
    for text in a.notes.values_mut() {
        *text = clean(text);
    }
    a.notes.retain(|_, t| !t.trim().is_empty());
    for record in a.answers.values_mut() {
        record.answer = clean_answer(std::mem::replace(&mut record.answer, Answer::DontKnow));
    }
}

/// Every answer of `audit` the walk would not have let in, with the time each was given.
pub fn refusals(q: &Questionnaire, audit: &Audit) -> Vec<Refusal> {
    let given: Vec<Given<'_>> = audit
        .answers
        .iter()
        .map(|(question, r)| Given {
            question,
            answer: &r.answer,
            at: Some(&r.updated_at),
        })
        .collect();
    answer_set::check(q, &given)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cleaned_choices_left_as_given() {
        let mut a = Association {
            name: "Les Amis\u{1b}]52;c;aGk=\u{7}\n du vélo".into(),
            activity: "\u{202e}gnp".into(),
            ..Association::default()
        };
        clean_association(&mut a);
        assert_eq!(a.name, "Les Amis]52;c;aGk= du vélo");
        assert_eq!(a.activity, "gnp");
        let twice = Answer::Given(Value::Choices(vec!["fr".into(), "fr".into()]));
        assert_eq!(clean_answer(twice.clone()), twice);
        assert_eq!(
            clean_answer(Answer::Given(Value::Text("a\u{9b}2Jb\nc".into()))),
            Answer::Given(Value::Text("a2Jb\nc".into()))
        );
    }
}
