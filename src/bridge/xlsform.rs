//! A questionnaire as an XLSForm (the form format KoboToolbox, ODK and Enketo read): the
//! `survey`, `choices` and `settings` sheets as rows of text, ready for `xlsx::write`.
//!
//! The shape follows the XLSForm specification (xlsform.org, "Multiple language support",
//! `label::Français (fr)`; `select_one list`, `select_multiple list`, `begin_group`,
//! `relevant`, `constraint`, `required`): the association's profile first (`profile`), then
//! one group per section. « je ne sais pas » is a choice `dont_know` of every list (with
//! « non concerné » `not_applicable` where offered); a number or a text gets a companion
//! question `<id>_dk` just before it, which hides the field when ticked. The tags the plan
//! reads (domain, role, quantity, tags; a choice's tool, needs, signals, exclusive) go in an
//! extra column `diagasso_tags`, which form tools carry along and ignore. A question's
//! `default` is left out: in diagasso it is only a suggestion, in a form it would be an
//! answer.

use super::profile;
use super::xpath::{self, COMPANION, DONT_KNOW, NOT_APPLICABLE, Writer};
use crate::audit::LegalForm;
use crate::audit::format_number;
use crate::i18n::{Lang, Message, Text};
use crate::questionnaire::{Kind, Question, Questionnaire};

/// The three sheets, each a header row then data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub survey: Vec<Vec<String>>,
    pub choices: Vec<Vec<String>>,
    pub settings: Vec<Vec<String>>,
}

const FR: &str = "Français (fr)";
const EN: &str = "English (en)";

/// The extra column of the tags the plan reads.
pub const TAGS: &str = "diagasso_tags";

/// The lists shared by every number or text question's companion.
const DK_LIST: &str = "diagasso_dont_know";
const DK_NA_LIST: &str = "diagasso_dont_know_na";

const SURVEY: [&str; 15] = [
    "type",
    "name",
    "label::Français (fr)",
    "label::English (en)",
    "hint::Français (fr)",
    "hint::English (en)",
    "required",
    "required_message::Français (fr)",
    "required_message::English (en)",
    "relevant",
    "constraint",
    "constraint_message::Français (fr)",
    "constraint_message::English (en)",
    "appearance",
    TAGS,
];

/// One row of the survey sheet.
#[derive(Default)]
struct Row {
    kind: String,
    name: String,
    label: Text,
    hint: Text,
    required: bool,
    required_message: Text,
    relevant: String,
    constraint: String,
    constraint_message: Text,
    appearance: &'static str,
    tags: String,
}

impl Row {
    fn cells(self) -> Vec<String> {
        vec![
            self.kind,
            self.name,
            self.label.fr,
            self.label.en,
            self.hint.fr,
            self.hint.en,
            if self.required {
                "yes".into()
            } else {
                String::new()
            },
            self.required_message.fr,
            self.required_message.en,
            self.relevant,
            self.constraint,
            self.constraint_message.fr,
            self.constraint_message.en,
            self.appearance.into(),
            self.tags,
        ]
    }
}

/// The XLSForm of `q`, or why it cannot be written (a name the form needs is taken).
pub fn form(q: &Questionnaire) -> Result<Form, Message> {
    check_names(q)?;
    let mut survey = vec![SURVEY.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    let mut choices = vec![
        [
            "list_name",
            "name",
            "label::Français (fr)",
            "label::English (en)",
            TAGS,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>(),
    ];
    profile_rows(&mut survey, &mut choices);
    let dk = special_text(DONT_KNOW);
    let na = special_text(NOT_APPLICABLE);
    for list in [DK_LIST, DK_NA_LIST] {
        choices.push(choice_row(list, DONT_KNOW, &dk, ""));
    }
    choices.push(choice_row(DK_NA_LIST, NOT_APPLICABLE, &na, ""));
    for section in &q.sections {
        let writer = Writer {
            questionnaire: q,
            current: None,
        };
        survey.push(
            Row {
                kind: "begin_group".into(),
                name: section.id.clone(),
                label: section.title.clone(),
                relevant: section
                    .relevant
                    .as_ref()
                    .map(|e| writer.condition(&e.root))
                    .unwrap_or_default(),
                tags: section
                    .domain
                    .as_ref()
                    .map(|d| format!("domain={d}"))
                    .unwrap_or_default(),
                ..Row::default()
            }
            .cells(),
        );
        if section.intro.is_complete() {
            survey.push(
                Row {
                    kind: "note".into(),
                    name: format!("{}_intro", section.id),
                    label: section.intro.clone(),
                    ..Row::default()
                }
                .cells(),
            );
        }
        for question in &section.questions {
            question_rows(q, question, &mut survey, &mut choices);
        }
        survey.push(
            Row {
                kind: "end_group".into(),
                ..Row::default()
            }
            .cells(),
        );
    }
    let settings = vec![
        vec![
            "form_title".into(),
            "form_id".into(),
            "version".into(),
            "default_language".into(),
        ],
        vec![
            q.title.get(Lang::Fr).to_string(),
            q.id.clone(),
            q.version.to_string(),
            FR.into(),
        ],
    ];
    Ok(Form {
        survey,
        choices,
        settings,
    })
}

/// The name of each list and field must be free: the profile's, the companions' and the
/// special choices must not meet the questionnaire's own.
fn check_names(q: &Questionnaire) -> Result<(), Message> {
    let taken = |name: &str| q.question(name).is_some() || q.sections.iter().any(|s| s.id == name);
    let mut clashes = Vec::new();
    for field in &profile::FIELDS {
        if taken(&field.column()) {
            clashes.push(field.column());
        }
    }
    if taken(profile::GROUP) {
        clashes.push(profile::GROUP.to_string());
    }
    for (_, question) in q.questions() {
        if !xpath::is_list(question.kind) && taken(&format!("{}{COMPANION}", question.id)) {
            clashes.push(format!("{}{COMPANION}", question.id));
        }
        for c in &question.choices {
            if c.id == DONT_KNOW || c.id == NOT_APPLICABLE {
                clashes.push(format!("{}: {}", question.id, c.id));
            }
        }
    }
    if clashes.is_empty() {
        return Ok(());
    }
    let list = clashes.join(", ");
    Err(Message::new(
        format!(
            "{}\u{a0}: ces noms sont déjà pris par le questionnaire et l'XLSForm en a besoin\u{a0}: {list}. Renommez ces questions ou ces choix.",
            q.id
        ),
        format!(
            "{}: these names are taken by the questionnaire and the XLSForm needs them: {list}. Rename those questions or choices.",
            q.id
        ),
    ))
}

fn special_text(id: &str) -> Text {
    if id == DONT_KNOW {
        Text::new("Je ne sais pas", "Don't know")
    } else {
        Text::new("Non concerné", "Not applicable")
    }
}

fn choice_row(list: &str, name: &str, label: &Text, tags: &str) -> Vec<String> {
    vec![
        list.into(),
        name.into(),
        label.fr.clone(),
        label.en.clone(),
        tags.into(),
    ]
}

fn profile_rows(survey: &mut Vec<Vec<String>>, choices: &mut Vec<Vec<String>>) {
    survey.push(
        Row {
            kind: "begin_group".into(),
            name: profile::GROUP.into(),
            label: Text::new("Votre association", "Your association"),
            ..Row::default()
        }
        .cells(),
    );
    for field in &profile::FIELDS {
        let constraint = if profile::is_count(field) {
            ". >= 0".to_string()
        } else {
            String::new()
        };
        survey.push(
            Row {
                kind: field.xlsform.into(),
                name: field.column(),
                label: field.label(),
                required: field.required,
                constraint_message: if constraint.is_empty() {
                    Text::default()
                } else {
                    Text::new("Un nombre positif ou nul", "A number, zero or more")
                },
                constraint,
                tags: format!("association={}", field.key),
                ..Row::default()
            }
            .cells(),
        );
    }
    survey.push(
        Row {
            kind: "end_group".into(),
            ..Row::default()
        }
        .cells(),
    );
    for form in LegalForm::ALL {
        let label = Text::new(form.label(Lang::Fr), form.label(Lang::En));
        choices.push(choice_row(profile::LEGAL_FORMS, form.as_str(), &label, ""));
    }
}

fn question_rows(
    q: &Questionnaire,
    question: &Question,
    survey: &mut Vec<Vec<String>>,
    choices: &mut Vec<Vec<String>>,
) {
    let plain = Writer {
        questionnaire: q,
        current: None,
    };
    let relevant = question
        .relevant
        .as_ref()
        .map(|e| plain.condition(&e.root))
        .unwrap_or_default();
    let (kind, mut constraints, mut messages) = match question.kind {
        Kind::Single | Kind::Multiple | Kind::Scale | Kind::Yesno => {
            list_rows(question, choices);
            let select = if question.kind == Kind::Multiple {
                "select_multiple"
            } else {
                "select_one"
            };
            let (c, m) = exclusive_constraints(question);
            (format!("{select} {}", question.id), c, m)
        }
        Kind::Number => {
            let (c, m) = range(question);
            let kind = if question.integer {
                "integer"
            } else {
                "decimal"
            };
            (kind.to_string(), c, m)
        }
        Kind::Text => ("text".to_string(), Vec::new(), Vec::new()),
    };
    if let Some(expr) = &question.constraint {
        let writer = Writer {
            questionnaire: q,
            current: Some(question),
        };
        let own = writer.condition(&expr.root);
        let own = match question.kind {
            Kind::Multiple => format!("(selected(., '{DONT_KNOW}') or {own})"),
            k if xpath::is_list(k) => format!("(. = '{DONT_KNOW}' or {own})"),
            _ => own,
        };
        constraints.push(own);
        messages.push(question.constraint_message.clone().unwrap_or_default());
    }
    let mut field_relevant = relevant.clone();
    if !xpath::is_list(question.kind) {
        let companion = format!("{}{COMPANION}", question.id);
        let list = if question.not_applicable {
            DK_NA_LIST
        } else {
            DK_LIST
        };
        survey.push(
            Row {
                kind: format!("select_one {list}"),
                name: companion.clone(),
                label: Text::new(
                    format!(
                        "Si vous ne savez pas répondre à «\u{a0}{}\u{a0}»",
                        question.label.fr
                    ),
                    format!("If you cannot answer “{}”", question.label.en),
                ),
                hint: Text::new(
                    "Sinon, laissez vide et répondez à la question suivante.",
                    "Otherwise leave this empty and answer the next question.",
                ),
                relevant: relevant.clone(),
                appearance: "minimal",
                tags: format!("dont_know_of={}", question.id),
                ..Row::default()
            }
            .cells(),
        );
        let hide = format!("${{{companion}}} = ''");
        field_relevant = if relevant.is_empty() {
            hide
        } else {
            format!("({relevant}) and {hide}")
        };
    }
    let constraint = match constraints.len() {
        0 => String::new(),
        1 => constraints.remove(0),
        _ => constraints.join(" and "),
    };
    let join = |pick: fn(&Text) -> &str, sep: &str| {
        messages
            .iter()
            .map(pick)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(sep)
    };
    let constraint_message = Text::new(
        join(|t| t.fr.as_str(), "\u{a0}; "),
        join(|t| t.en.as_str(), "; "),
    );
    survey.push(
        Row {
            kind,
            name: question.id.clone(),
            label: question.label.clone(),
            hint: question.help.clone(),
            required: question.required,
            required_message: question.required_message.clone().unwrap_or_default(),
            relevant: field_relevant,
            constraint,
            constraint_message,
            appearance: "",
            tags: question_tags(question),
        }
        .cells(),
    );
}

/// The list of a choice, scale or yes/no question, with « je ne sais pas » and, where
/// offered, « non concerné ».
fn list_rows(question: &Question, choices: &mut Vec<Vec<String>>) {
    let list = question.id.as_str();
    match question.kind {
        Kind::Scale => {
            for n in 1..=5 {
                let label = match (n, &question.scale_labels) {
                    (1, Some(s)) => {
                        Text::new(format!("1 — {}", s.low.fr), format!("1 — {}", s.low.en))
                    }
                    (5, Some(s)) => {
                        Text::new(format!("5 — {}", s.high.fr), format!("5 — {}", s.high.en))
                    }
                    _ => Text::new(n.to_string(), n.to_string()),
                };
                choices.push(choice_row(list, &n.to_string(), &label, ""));
            }
        }
        Kind::Yesno => {
            choices.push(choice_row(list, "yes", &Text::new("Oui", "Yes"), ""));
            choices.push(choice_row(list, "no", &Text::new("Non", "No"), ""));
        }
        _ => {
            for c in &question.choices {
                let mut tags = Vec::new();
                if let Some(tool) = &c.tool {
                    tags.push(format!("tool={tool}"));
                }
                if !c.needs.is_empty() {
                    tags.push(format!("needs={}", c.needs.join(",")));
                }
                if !c.signals.is_empty() {
                    tags.push(format!("signals={}", c.signals.join(",")));
                }
                if c.exclusive {
                    tags.push("exclusive".into());
                }
                choices.push(choice_row(list, &c.id, &c.label, &tags.join("; ")));
            }
        }
    }
    choices.push(choice_row(list, DONT_KNOW, &special_text(DONT_KNOW), ""));
    if question.not_applicable {
        choices.push(choice_row(
            list,
            NOT_APPLICABLE,
            &special_text(NOT_APPLICABLE),
            "",
        ));
    }
}

/// An exclusive choice (« aucun », « je ne sais pas », « non concerné ») stands alone.
fn exclusive_constraints(question: &Question) -> (Vec<String>, Vec<Text>) {
    if question.kind != Kind::Multiple {
        return (Vec::new(), Vec::new());
    }
    let mut alone: Vec<&str> = question
        .choices
        .iter()
        .filter(|c| c.exclusive)
        .map(|c| c.id.as_str())
        .collect();
    alone.push(DONT_KNOW);
    if question.not_applicable {
        alone.push(NOT_APPLICABLE);
    }
    let tests: Vec<String> = alone
        .iter()
        .map(|id| format!("(not(selected(., '{id}')) or count-selected(.) = 1)"))
        .collect();
    let names: Vec<String> = alone
        .iter()
        .map(|id| match question.choice(id) {
            Some(c) => c.label.fr.clone(),
            None => special_text(id).fr,
        })
        .collect();
    let names_en: Vec<String> = alone
        .iter()
        .map(|id| match question.choice(id) {
            Some(c) => c.label.en.clone(),
            None => special_text(id).en,
        })
        .collect();
    (
        vec![tests.join(" and ")],
        vec![Text::new(
            format!(
                "ces choix ne se combinent avec aucun autre\u{a0}: «\u{a0}{}\u{a0}»",
                names.join("\u{a0}», «\u{a0}")
            ),
            format!("these choices go alone: “{}”", names_en.join("”, “")),
        )],
    )
}

/// A number's bounds.
fn range(question: &Question) -> (Vec<String>, Vec<Text>) {
    let mut tests = Vec::new();
    if let Some(min) = question.min {
        tests.push(format!(". >= {}", format_number(min)));
    }
    if let Some(max) = question.max {
        tests.push(format!(". <= {}", format_number(max)));
    }
    if tests.is_empty() {
        return (tests, Vec::new());
    }
    let (lo, hi) = (
        question
            .min
            .map(format_number)
            .unwrap_or_else(|| "…".into()),
        question
            .max
            .map(format_number)
            .unwrap_or_else(|| "…".into()),
    );
    (
        vec![tests.join(" and ")],
        vec![Text::new(
            format!("un nombre entre {lo} et {hi}"),
            format!("a number between {lo} and {hi}"),
        )],
    )
}

fn question_tags(question: &Question) -> String {
    let mut tags = Vec::new();
    if let Some(d) = &question.domain {
        tags.push(format!("domain={d}"));
    }
    if let Some(r) = &question.role {
        tags.push(format!("role={r}"));
    }
    if let Some(qty) = &question.quantity {
        tags.push(format!("quantity={qty}"));
    }
    if !question.tags.is_empty() {
        tags.push(format!("tags={}", question.tags.join(",")));
    }
    tags.join("; ")
}

/// The language names the form uses, for the import to recognise label columns.
pub const LANGUAGES: [&str; 2] = [FR, EN];
