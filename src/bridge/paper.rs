//! A blank questionnaire for paper: a workshop without laptops, or a copy sent ahead of a
//! visit. Questions numbered through the whole document, choices as boxes to tick (« je ne
//! sais pas » and, where offered, « non concerné » too), numbers and texts as lines to fill,
//! and relevance written the paper way: « Seulement si Q12 : « Aucun » non coché ; sinon,
//! passez à la question 15 ». The view is data; `export::paper` renders it as HTML and PDF.

use serde::Serialize;

use super::{profile, words};
use crate::audit::format_number;
use crate::i18n::Lang;
use crate::questionnaire::{Kind, Question, Questionnaire};

/// The whole paper questionnaire, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub lang: &'static str,
    pub title: String,
    pub description: String,
    pub reference: String,
    pub instructions: Vec<String>,
    pub profile_title: String,
    pub profile: Vec<String>,
    pub sections: Vec<Part>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Part {
    pub title: String,
    pub intro: String,
    pub only_if: Option<String>,
    pub questions: Vec<Item>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub number: usize,
    pub id: String,
    pub label: String,
    pub help: String,
    /// « une seule réponse », « plusieurs réponses possibles »…
    pub how: String,
    pub required: bool,
    pub only_if: Option<String>,
    /// Labels to tick, each drawn with a box.
    pub boxes: Vec<String>,
    /// A line to fill, with its unit (« ________ personnes »), for numbers.
    pub blank: Option<String>,
    /// Lines for a written answer.
    pub lines: usize,
}

/// The box drawn before each choice.
pub const BOX: &str = "☐";

/// The paper questionnaire of `q` in `lang`.
pub fn sheet(q: &Questionnaire, lang: Lang) -> Sheet {
    let ids: Vec<&str> = q
        .questions()
        .map(|(_, question)| question.id.as_str())
        .collect();
    let number = |id: &str| ids.iter().position(|i| *i == id).map_or(0, |p| p + 1);
    let total = ids.len();
    let after = |n: usize| {
        if n > total {
            lang.pick(
                "à la fin du questionnaire",
                "to the end of the questionnaire",
            )
            .to_string()
        } else {
            format!("{} {n}", lang.pick("à la question", "to question"))
        }
    };
    let mut sections = Vec::new();
    for section in &q.sections {
        let first = section.questions.first().map_or(0, |x| number(&x.id));
        let next_section = first + section.questions.len();
        let only_if = section.relevant.as_ref().map(|e| {
            let cond = words::condition(q, &e.root, lang, &number);
            format!(
                "{} {cond}{} {}.",
                lang.pick("Seulement si", "Only if"),
                lang.pick("\u{a0}; sinon, passez", "; otherwise, go"),
                after(next_section)
            )
        });
        let mut items = Vec::new();
        let mut i = 0;
        while i < section.questions.len() {
            let question = &section.questions[i];
            let mut run = 1;
            if let Some(e) = &question.relevant {
                while section
                    .questions
                    .get(i + run)
                    .and_then(|n| n.relevant.as_ref())
                    .is_some_and(|r| r.source == e.source)
                {
                    run += 1;
                }
            }
            for k in 0..run {
                let question = &section.questions[i + k];
                let n = number(&question.id);
                let only_if = match (&question.relevant, k) {
                    (Some(e), 0) => {
                        let cond = words::condition(q, &e.root, lang, &number);
                        let span = if run > 1 {
                            format!(
                                " ({} {n} {} {})",
                                lang.pick("questions", "questions"),
                                lang.pick("à", "to"),
                                n + run - 1
                            )
                        } else {
                            String::new()
                        };
                        Some(format!(
                            "{} {cond}{span}{} {}.",
                            lang.pick("Seulement si", "Only if"),
                            lang.pick("\u{a0}; sinon, passez", "; otherwise, go"),
                            after(n + run)
                        ))
                    }
                    _ => None,
                };
                items.push(item(question, n, only_if, lang));
            }
            i += run;
        }
        sections.push(Part {
            title: section.title.get(lang).to_string(),
            intro: section.intro.get(lang).to_string(),
            only_if,
            questions: items,
        });
    }
    Sheet {
        lang: lang.code(),
        title: q.title.get(lang).to_string(),
        description: q.description.get(lang).to_string(),
        reference: format!("{} v{}", q.id, q.version),
        instructions: vec![
            lang.pick(
                "Cochez les cases ☐ qui correspondent\u{a0}; écrivez les nombres et les textes sur les lignes.",
                "Tick the boxes ☐ that apply; write numbers and texts on the lines.",
            )
            .into(),
            lang.pick(
                "«\u{a0}Je ne sais pas\u{a0}» est une vraie réponse\u{a0}: cochez-la plutôt que de deviner.",
                "“Don't know” is a real answer: tick it rather than guess.",
            )
            .into(),
            lang.pick(
                "Une question précédée de «\u{a0}Seulement si\u{a0}» ne concerne que certaines associations\u{a0}: suivez l'indication «\u{a0}passez à\u{a0}».",
                "A question preceded by “Only if” concerns only some associations: follow the “go to” instruction.",
            )
            .into(),
        ],
        profile_title: lang.pick("Votre association", "Your association").into(),
        profile: profile::FIELDS
            .iter()
            .map(|f| f.label().get(lang).to_string())
            .collect(),
        sections,
    }
}

fn item(question: &Question, number: usize, only_if: Option<String>, lang: Lang) -> Item {
    let dont_know = lang.pick("Je ne sais pas", "Don't know").to_string();
    let not_applicable = lang.pick("Non concerné", "Not applicable").to_string();
    let mut boxes: Vec<String> = match question.kind {
        Kind::Single | Kind::Multiple => question
            .choices
            .iter()
            .map(|c| c.label.get(lang).to_string())
            .collect(),
        Kind::Scale => (1..=5)
            .map(|n| match (n, &question.scale_labels) {
                (1, Some(s)) => format!("1 — {}", s.low.get(lang)),
                (5, Some(s)) => format!("5 — {}", s.high.get(lang)),
                _ => n.to_string(),
            })
            .collect(),
        Kind::Yesno => vec![
            lang.pick("Oui", "Yes").into(),
            lang.pick("Non", "No").into(),
        ],
        Kind::Number | Kind::Text => Vec::new(),
    };
    boxes.push(dont_know);
    if question.not_applicable {
        boxes.push(not_applicable);
    }
    let how = match question.kind {
        Kind::Multiple => lang.pick("plusieurs réponses possibles", "tick all that apply"),
        Kind::Number if question.integer => lang.pick("un nombre entier", "a whole number"),
        Kind::Number => lang.pick("un nombre", "a number"),
        Kind::Text => lang.pick("en quelques mots", "in a few words"),
        _ => lang.pick("une seule réponse", "one answer"),
    }
    .to_string();
    let blank = (question.kind == Kind::Number).then(|| {
        let unit = question.unit.as_ref().map(|u| u.get(lang)).unwrap_or("");
        let range = match (question.min, question.max) {
            (Some(lo), Some(hi)) => format!(
                " ({} {} {} {})",
                lang.pick("de", "from"),
                format_number(lo),
                lang.pick("à", "to"),
                format_number(hi)
            ),
            _ => String::new(),
        };
        format!("________________ {unit}{range}")
            .trim_end()
            .to_string()
    });
    Item {
        number,
        id: question.id.clone(),
        label: question.label.get(lang).to_string(),
        help: question.help.get(lang).to_string(),
        how,
        required: question.required,
        only_if,
        boxes,
        blank,
        lines: if question.kind == Kind::Text { 3 } else { 0 },
    }
}
