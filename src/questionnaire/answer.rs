//! The rules one answer must follow: the value fits the question's kind (choice ids, range,
//! whole numbers, exclusive choices), "non concerné" only where offered, and the question's
//! `constraint` holds. Text is cleaned here, at the boundary (`safe_text::clean`: NFC, no
//! control or bidi override character). A whole set of answers at once (an answers file, an
//! import) is checked by `answer_set`, built on these.

use super::eval::Scope;
use super::{Kind, Question};
use crate::audit::{Answer, Answers, Value, format_number};
use crate::i18n::{Lang, Text};

/// The longest free-text answer accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Why an answer was refused, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub fr: String,
    pub en: String,
}

impl Problem {
    fn new(fr: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem {
            fr: fr.into(),
            en: en.into(),
        }
    }

    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }
}

impl From<&Text> for Problem {
    fn from(t: &Text) -> Problem {
        Problem::new(t.get(Lang::Fr), t.get(Lang::En))
    }
}

/// Clean the text parts of an answer (`safe_text::clean`, trimmed) and order multiple choices
/// as the questionnaire lists them, so equal answers are stored equal.
pub fn normalise(question: &Question, answer: Answer) -> Answer {
    match answer {
        Answer::Given(Value::Text(t)) => {
            Answer::Given(Value::Text(crate::safe_text::clean(&t).trim().to_string()))
        }
        Answer::Given(Value::Choices(mut ids)) => {
            ids.sort_by_key(|id| {
                question
                    .choices
                    .iter()
                    .position(|c| &c.id == id)
                    .unwrap_or(usize::MAX)
            });
            ids.dedup();
            Answer::Given(Value::Choices(ids))
        }
        other => other,
    }
}

/// Check an answer to `question`, with `others` the rest of the audit's answers (for the
/// constraint). Returns the first problem found.
pub fn check<A: Answers + ?Sized>(
    question: &Question,
    answer: &Answer,
    others: &A,
) -> Result<(), Problem> {
    check_value(question, answer)?;
    check_constraint(question, answer, others)
}

/// The rules that read nothing but the answer: its kind, choice ids (each once, an exclusive
/// one alone), range and whole numbers, text length, "non concerné" only where offered.
pub fn check_value(question: &Question, answer: &Answer) -> Result<(), Problem> {
    match answer {
        Answer::DontKnow => Ok(()),
        Answer::NotApplicable if question.not_applicable => Ok(()),
        Answer::NotApplicable => Err(Problem::new(
            "« non concerné » n'est pas proposé pour cette question",
            "'not applicable' is not offered for this question",
        )),
        Answer::Given(v) => check_kind(question, v),
    }
}

/// The question's `constraint`, which may read other answers (`others`).
pub fn check_constraint<A: Answers + ?Sized>(
    question: &Question,
    answer: &Answer,
    others: &A,
) -> Result<(), Problem> {
    if !matches!(answer, Answer::Given(_)) {
        return Ok(());
    }
    if let Some(constraint) = &question.constraint {
        let scope = Scope {
            answers: others,
            current: Some(answer),
        };
        if !scope.eval(&constraint.root).truthy() {
            return Err(question
                .constraint_message
                .as_ref()
                .map(Problem::from)
                .unwrap_or_else(|| {
                    Problem::new(
                        "réponse refusée par la contrainte",
                        "answer refused by the constraint",
                    )
                }));
        }
    }
    Ok(())
}

fn check_kind(q: &Question, value: &Value) -> Result<(), Problem> {
    let expected = |fr: &str, en: &str| {
        Problem::new(
            format!("réponse attendue : {fr}"),
            format!("expected answer: {en}"),
        )
    };
    match (q.kind, value) {
        (Kind::Single, Value::Choice(id)) => known_choice(q, id),
        (Kind::Single, _) => Err(expected("un seul choix", "one choice")),
        (Kind::Multiple, Value::Choices(ids)) => {
            if ids.is_empty() {
                return Err(Problem::new(
                    "cochez au moins un choix, ou répondez « je ne sais pas »",
                    "tick at least one choice, or answer 'don't know'",
                ));
            }
            for (i, id) in ids.iter().enumerate() {
                known_choice(q, id)?;
                if ids[..i].contains(id) {
                    return Err(Problem::new(
                        format!("choix « {id} » donné deux fois"),
                        format!("choice '{id}' given twice"),
                    ));
                }
            }
            if ids.len() > 1
                && let Some(c) = ids
                    .iter()
                    .filter_map(|id| q.choice(id))
                    .find(|c| c.exclusive)
            {
                return Err(Problem::new(
                    format!(
                        "« {} » ne peut pas être combiné avec d'autres choix",
                        c.label.get(Lang::Fr)
                    ),
                    format!(
                        "'{}' cannot be combined with other choices",
                        c.label.get(Lang::En)
                    ),
                ));
            }
            Ok(())
        }
        (Kind::Multiple, _) => Err(expected("une liste de choix", "a list of choices")),
        (Kind::Number | Kind::Scale, Value::Number(n)) => check_number(q, *n),
        (Kind::Number, _) => Err(expected("un nombre", "a number")),
        (Kind::Scale, _) => Err(expected("une note de 1 à 5", "a rating from 1 to 5")),
        (Kind::Text, Value::Text(t)) => {
            let len = t.chars().count();
            if len > MAX_TEXT_CHARS {
                Err(Problem::new(
                    format!(
                        "texte trop long ({len} caractères, {MAX_TEXT_CHARS} au plus) : mettez le détail dans une note"
                    ),
                    format!(
                        "text too long ({len} characters, at most {MAX_TEXT_CHARS}): put the detail in a note"
                    ),
                ))
            } else {
                Ok(())
            }
        }
        (Kind::Text, _) => Err(expected("du texte", "text")),
        (Kind::Yesno, Value::Bool(_)) => Ok(()),
        (Kind::Yesno, _) => Err(expected("oui ou non", "yes or no")),
    }
}

fn known_choice(q: &Question, id: &str) -> Result<(), Problem> {
    if q.choice(id).is_some() {
        return Ok(());
    }
    let known: Vec<&str> = q.choices.iter().map(|c| c.id.as_str()).collect();
    let known = known.join(", ");
    Err(Problem::new(
        format!("choix inconnu « {id} » (choix possibles : {known})"),
        format!("unknown choice '{id}' (possible choices: {known})"),
    ))
}

fn check_number(q: &Question, n: f64) -> Result<(), Problem> {
    if !n.is_finite() {
        return Err(Problem::new("nombre invalide", "invalid number"));
    }
    if (q.integer || q.kind == Kind::Scale) && n.fract() != 0.0 {
        return Err(Problem::new(
            format!("nombre entier attendu (reçu {})", format_number(n)),
            format!("a whole number is expected (got {})", format_number(n)),
        ));
    }
    let (min, max) = (q.min.unwrap_or(f64::MIN), q.max.unwrap_or(f64::MAX));
    if n < min || n > max {
        let range_fr = match (q.min, q.max) {
            (Some(a), Some(b)) => format!("entre {} et {}", format_number(a), format_number(b)),
            (Some(a), None) => format!("au moins {}", format_number(a)),
            (None, Some(b)) => format!("au plus {}", format_number(b)),
            (None, None) => String::new(),
        };
        let range_en = match (q.min, q.max) {
            (Some(a), Some(b)) => format!("between {} and {}", format_number(a), format_number(b)),
            (Some(a), None) => format!("at least {}", format_number(a)),
            (None, Some(b)) => format!("at most {}", format_number(b)),
            (None, None) => String::new(),
        };
        return Err(Problem::new(
            format!(
                "{} n'est pas dans l'intervalle attendu : {range_fr}",
                format_number(n)
            ),
            format!("{} is out of range: {range_en}", format_number(n)),
        ));
    }
    Ok(())
}

/// The message shown when a required question is left unanswered.
pub fn required_problem(q: &Question) -> Problem {
    q.required_message
        .as_ref()
        .map(Problem::from)
        .unwrap_or_else(|| {
            Problem::new(
                "réponse obligatoire (ou « je ne sais pas »)",
                "an answer is required (or 'don't know')",
            )
        })
}
