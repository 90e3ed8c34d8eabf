//! An answers file to fill in by hand (`diagasso questionnaire template ID`): the profile keys,
//! then every question as a comment — its label in both languages, what it takes, when it is
//! asked — followed by the key commented out with an example value. Once the association's
//! name is written it is already a valid answers file (`diagasso new --answers`); each answer
//! is given by removing the `#` before its key.

use std::fmt::Write;

use super::{profile, words};
use crate::audit::{LegalForm, format_number};
use crate::i18n::Lang;
use crate::questionnaire::{Kind, Question, Questionnaire};

/// The template of `q`, its explanations in `lang` (labels in both languages).
pub fn answers_file(q: &Questionnaire, lang: Lang) -> String {
    let ids: Vec<&str> = q
        .questions()
        .map(|(_, question)| question.id.as_str())
        .collect();
    let number = |id: &str| ids.iter().position(|i| *i == id).map_or(0, |p| p + 1);
    let mut s = String::new();
    let l = lang;
    let _ = writeln!(
        s,
        "# {} {} ({} v{})",
        l.pick("Fichier de réponses pour", "Answers file for"),
        match lang {
            Lang::Fr => format!("«\u{a0}{}\u{a0}»", q.title.fr),
            Lang::En => format!("“{}”", q.title.en),
        },
        q.id,
        q.version
    );
    let _ = writeln!(
        s,
        "# {}",
        l.pick(
            "Écrivez le nom de l'association, retirez le «\u{a0}#\u{a0}» devant chaque réponse connue, puis\u{a0}: diagasso new --answers CE_FICHIER",
            "Write the association's name, remove the '#' before each answer you know, then: diagasso new --answers THIS_FILE",
        )
    );
    let _ = writeln!(
        s,
        "# {}",
        l.pick(
            "Pour toute question\u{a0}: { dont_know = true } veut dire «\u{a0}je ne sais pas\u{a0}».",
            "For any question: { dont_know = true } means \"don't know\".",
        )
    );
    let _ = writeln!(s, "\nquestionnaire = \"{}\"\nversion = {}", q.id, q.version);
    let _ = writeln!(s, "# trainer = \"\"\n# note = \"\"\n\n[association]");
    for field in &profile::FIELDS {
        let label = field.label();
        let example = match field.key {
            "name" => "\"\"".to_string(),
            "legal_form" => {
                let all: Vec<&str> = LegalForm::ALL.iter().map(|f| f.as_str()).collect();
                format!("\"association\"  # {}", all.join(" | "))
            }
            "country" => "\"FR\"".into(),
            "postcode" => "\"\"".into(),
            "contact_email" => "\"\"".into(),
            k if profile::is_count(field) || k == "budget_eur" => "0".into(),
            _ => "\"\"".into(),
        };
        let hash = if field.required { "" } else { "# " };
        let _ = writeln!(
            s,
            "{hash}{} = {example}  # {} / {}",
            field.key, label.fr, label.en
        );
    }
    let _ = writeln!(s, "\n[answers]");
    for section in &q.sections {
        let _ = writeln!(s, "\n# ── {} / {} ──", section.title.fr, section.title.en);
        if let Some(e) = &section.relevant {
            let _ = writeln!(
                s,
                "# {} {}",
                l.pick("Section posée seulement si", "Section asked only if"),
                words::condition(q, &e.root, lang, &number)
            );
        }
        for question in &section.questions {
            question_lines(&mut s, q, question, number(&question.id), lang, &number);
        }
    }
    let _ = writeln!(
        s,
        "\n[notes]\n# {} = \"\"",
        ids.first().copied().unwrap_or("question")
    );
    s
}

fn question_lines(
    s: &mut String,
    q: &Questionnaire,
    question: &Question,
    n: usize,
    lang: Lang,
    number: &dyn Fn(&str) -> usize,
) {
    let l = lang;
    let _ = writeln!(s, "\n# Q{n}. {}", one_line(&question.label.fr));
    if question.label.en != question.label.fr {
        let _ = writeln!(s, "#      {}", one_line(&question.label.en));
    }
    let mut what = match question.kind {
        Kind::Single => format!(
            "{}{} {}",
            l.pick("un choix", "one choice"),
            l.pick("\u{a0}:", ":"),
            choice_list(question)
        ),
        Kind::Multiple => format!(
            "{}{} {}",
            l.pick("une liste de choix", "a list of choices"),
            l.pick("\u{a0}:", ":"),
            choice_list(question)
        ),
        Kind::Number => {
            let mut w = if question.integer {
                l.pick("un nombre entier", "a whole number").to_string()
            } else {
                l.pick("un nombre", "a number").to_string()
            };
            if let (Some(lo), Some(hi)) = (question.min, question.max) {
                let _ = write!(
                    w,
                    " {} {} {} {}",
                    l.pick("de", "from"),
                    format_number(lo),
                    l.pick("à", "to"),
                    format_number(hi)
                );
            }
            if let Some(unit) = &question.unit {
                let _ = write!(w, " ({})", unit.get(lang));
            }
            w
        }
        Kind::Text => l
            .pick("un texte entre guillemets", "a text in quotes")
            .into(),
        Kind::Scale => {
            let mut w = l.pick("de 1 à 5", "from 1 to 5").to_string();
            if let Some(labels) = &question.scale_labels {
                let _ = write!(
                    w,
                    " (1 = {}, 5 = {})",
                    labels.low.get(lang),
                    labels.high.get(lang)
                );
            }
            w
        }
        Kind::Yesno => "true / false".into(),
    };
    if question.not_applicable {
        let _ = write!(
            what,
            "{} {{ not_applicable = true }}",
            l.pick("\u{a0}; ou", "; or")
        );
    }
    if question.required {
        let _ = write!(what, "{}", l.pick("\u{a0}; obligatoire", "; required"));
    }
    let _ = writeln!(s, "#      {}", what);
    if let Some(e) = &question.relevant {
        let _ = writeln!(
            s,
            "#      {} {}",
            l.pick("seulement si", "only if"),
            words::condition(q, &e.root, lang, number)
        );
    }
    let example = match question.kind {
        Kind::Single => question
            .choices
            .first()
            .map(|c| format!("\"{}\"", c.id))
            .unwrap_or_else(|| "\"\"".into()),
        Kind::Multiple => question
            .choices
            .first()
            .map(|c| format!("[\"{}\"]", c.id))
            .unwrap_or_else(|| "[]".into()),
        Kind::Number => question
            .min
            .map(format_number)
            .unwrap_or_else(|| "0".into()),
        Kind::Text => "\"\"".into(),
        Kind::Scale => "3".into(),
        Kind::Yesno => "true".into(),
    };
    let _ = writeln!(s, "# {} = {example}", question.id);
}

fn choice_list(question: &Question) -> String {
    question
        .choices
        .iter()
        .map(|c| format!("\"{}\" ({})", c.id, one_line(&c.label.fr)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A label on one comment line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
