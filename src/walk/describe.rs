//! An answer as one line of text, for the review, the home list and the line mode:
//! "Google Drive, Nextcloud", "12 Go", "4 / 5", "Oui", "Je ne sais pas".

use crate::audit::{Answer, Value, format_number};
use crate::i18n::Lang;
use crate::i18n::ui::Ui;
use crate::questionnaire::Question;

pub fn answer_text(q: &Question, answer: &Answer, lang: Lang) -> String {
    let value = match answer {
        Answer::DontKnow => return Ui::AnswerDontKnow.get(lang).into(),
        Answer::NotApplicable => return Ui::AnswerNotApplicable.get(lang).into(),
        Answer::Given(v) => v,
    };
    let label = |id: &str| {
        q.choice(id)
            .map_or_else(|| id.to_string(), |c| c.label.get(lang).to_string())
    };
    match value {
        Value::Choice(id) => label(id),
        Value::Choices(ids) => ids
            .iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Number(n) => match (&q.unit, q.kind) {
            (_, crate::questionnaire::Kind::Scale) => format!("{} / 5", format_number(*n)),
            (Some(unit), _) => format!("{} {}", number(*n, lang), unit.get(lang)),
            (None, _) => number(*n, lang),
        },
        Value::Text(t) => t.replace('\n', " "),
        Value::Bool(b) => if *b { Ui::Yes } else { Ui::No }.get(lang).into(),
    }
}

/// A number as written in `lang`: "1 200,5" in French (narrow no-break space), "1,200.5" in
/// English — `typo::number`, the documents' own form.
pub fn number(n: f64, lang: Lang) -> String {
    crate::i18n::typo::number(lang, n)
}

/// The text a number or text field starts with for an existing answer.
pub fn field_text(answer: Option<&Answer>) -> String {
    match answer.and_then(Answer::value) {
        Some(Value::Number(n)) => format_number(*n),
        Some(Value::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(100000.0, Lang::Fr), "100\u{202f}000");
        assert_eq!(number(-1234.5, Lang::Fr), "-1\u{202f}234,5");
        assert_eq!(number(1234.5, Lang::En), "1,234.5");
        assert_eq!(number(12.0, Lang::En), "12");
    }
}
