//! Associations, audits and answers as plain data: what the store reads and writes, what the
//! walk changes and what the plan reads. No I/O, no clock: timestamps come from the store.

pub mod codec;
pub mod profile;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A value given as an answer, shaped by the question's kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// `single`: one choice id.
    Choice(String),
    /// `multiple`: the selected choice ids, in the questionnaire's order.
    Choices(Vec<String>),
    /// `number` and `scale`.
    Number(f64),
    /// `text`.
    Text(String),
    /// `yesno`.
    Bool(bool),
}

/// An answer: a value, or one of the two first-class non-values. "Not answered yet" is the
/// absence of an `Answer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Given(Value),
    /// « Je ne sais pas »: asked, and nobody present knew.
    DontKnow,
    /// « Non concerné »: the question does not apply to this association.
    NotApplicable,
}

impl Answer {
    /// The value when one was given.
    pub fn value(&self) -> Option<&Value> {
        match self {
            Answer::Given(v) => Some(v),
            _ => None,
        }
    }

    /// The storage name of the answer's state.
    pub fn state(&self) -> AnswerState {
        match self {
            Answer::Given(_) => AnswerState::Answered,
            Answer::DontKnow => AnswerState::DontKnow,
            Answer::NotApplicable => AnswerState::NotApplicable,
        }
    }
}

/// The three states an existing answer can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerState {
    Answered,
    DontKnow,
    NotApplicable,
}

impl AnswerState {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerState::Answered => "answered",
            AnswerState::DontKnow => "dont_know",
            AnswerState::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(s: &str) -> Option<AnswerState> {
        match s {
            "answered" => Some(AnswerState::Answered),
            "dont_know" => Some(AnswerState::DontKnow),
            "not_applicable" => Some(AnswerState::NotApplicable),
            _ => None,
        }
    }
}

/// Something that can tell the answer to a question id: the evaluator and the walk read answers
/// through this, whatever holds them.
pub trait Answers {
    fn answer(&self, question: &str) -> Option<&Answer>;
}

impl Answers for BTreeMap<String, Answer> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question)
    }
}

impl Answers for std::collections::HashMap<String, Answer> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question)
    }
}

/// No answers at all (used when checking a questionnaire on its own).
pub struct NoAnswers;

impl Answers for NoAnswers {
    fn answer(&self, _question: &str) -> Option<&Answer> {
        None
    }
}

/// The legal form of an association's organisation, as the profile records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LegalForm {
    #[default]
    Association,
    Collectif,
    Fondation,
    Syndicat,
    Entreprise,
    Autre,
}

impl LegalForm {
    pub const ALL: [LegalForm; 6] = [
        LegalForm::Association,
        LegalForm::Collectif,
        LegalForm::Fondation,
        LegalForm::Syndicat,
        LegalForm::Entreprise,
        LegalForm::Autre,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LegalForm::Association => "association",
            LegalForm::Collectif => "collectif",
            LegalForm::Fondation => "fondation",
            LegalForm::Syndicat => "syndicat",
            LegalForm::Entreprise => "entreprise",
            LegalForm::Autre => "autre",
        }
    }

    pub fn parse(s: &str) -> Option<LegalForm> {
        LegalForm::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            LegalForm::Association => lang.pick("Association", "Association"),
            LegalForm::Collectif => lang.pick("Collectif", "Collective"),
            LegalForm::Fondation => lang.pick("Fondation", "Foundation"),
            LegalForm::Syndicat => lang.pick("Syndicat", "Trade union"),
            LegalForm::Entreprise => lang.pick("Entreprise", "Company"),
            LegalForm::Autre => lang.pick("Autre", "Other"),
        }
    }
}

/// An association's profile. `contact_name` and `contact_email` are personal data: exports
/// leave them out when anonymised, and erasure removes them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Association {
    pub id: String,
    pub name: String,
    pub legal_form: LegalForm,
    /// ISO 3166-1 alpha-2 code, e.g. "FR", "BE".
    pub country: String,
    pub postcode: String,
    pub activity: String,
    pub members: Option<u32>,
    pub employees: Option<u32>,
    pub volunteers: Option<u32>,
    pub budget_eur: Option<u64>,
    pub contact_name: String,
    pub contact_email: String,
}

impl Association {
    /// The French département from the postcode (two digits, or 2A/2B for Corsica, or three
    /// for overseas), when the country is France.
    pub fn departement(&self) -> Option<String> {
        if !self.country.eq_ignore_ascii_case("FR") {
            return None;
        }
        departement_of_postcode(&self.postcode)
    }
}

/// The French département of a five-digit postcode: two digits, 2A/2B for Corsica, three for
/// overseas. `None` for anything else.
pub fn departement_of_postcode(postcode: &str) -> Option<String> {
    let digits: String = postcode.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() != 5 {
        return None;
    }
    if digits.starts_with("97") || digits.starts_with("98") {
        return Some(digits[..3].to_string());
    }
    if digits.starts_with("20") {
        // Corsica: 200xx–201xx is 2A, 202xx–206xx is 2B.
        return Some(
            if digits.as_str() < "20200" {
                "2A"
            } else {
                "2B"
            }
            .to_string(),
        );
    }
    Some(digits[..2].to_string())
}

/// Where an audit is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditStatus {
    #[default]
    InProgress,
    Finished,
}

impl AuditStatus {
    /// As the interface shows it.
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::ui::Ui;
        match self {
            AuditStatus::InProgress => Ui::StatusInProgress.get(lang),
            AuditStatus::Finished => Ui::StatusFinished.get(lang),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AuditStatus::InProgress => "in_progress",
            AuditStatus::Finished => "finished",
        }
    }

    pub fn parse(s: &str) -> Option<AuditStatus> {
        match s {
            "in_progress" => Some(AuditStatus::InProgress),
            "finished" => Some(AuditStatus::Finished),
            _ => None,
        }
    }
}

/// Which questionnaire, exactly, an audit was started with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: u32,
    /// SHA-256 of the questionnaire file's bytes, hex.
    pub hash: String,
}

/// One stored answer with the time it was last changed (RFC 3339, UTC).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub answer: Answer,
    pub updated_at: String,
}

/// An audit: one association, one questionnaire, its answers and notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    pub id: String,
    pub association_id: String,
    pub trainer: String,
    pub questionnaire: QuestionnaireRef,
    pub status: AuditStatus,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub updated_at: String,
    pub answers: BTreeMap<String, AnswerRecord>,
    /// Trainer's notes keyed by question id.
    pub notes: BTreeMap<String, String>,
    /// The general note on the audit.
    pub note: String,
}

impl Audit {
    /// The answers without their timestamps, as the evaluator and the plan read them.
    pub fn answer_map(&self) -> BTreeMap<String, Answer> {
        self.answers
            .iter()
            .map(|(k, r)| (k.clone(), r.answer.clone()))
            .collect()
    }
}

impl Answers for Audit {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.answers.get(question).map(|r| &r.answer)
    }
}

/// Format a number the way a volunteer writes it: no trailing ".0".
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departement_from_postcode() {
        let mut a = Association {
            country: "FR".into(),
            postcode: "69007".into(),
            ..Association::default()
        };
        assert_eq!(a.departement().as_deref(), Some("69"));
        a.postcode = "20090".into();
        assert_eq!(a.departement().as_deref(), Some("2A"));
        a.postcode = "20600".into();
        assert_eq!(a.departement().as_deref(), Some("2B"));
        a.postcode = "97400".into();
        assert_eq!(a.departement().as_deref(), Some("974"));
        a.country = "BE".into();
        a.postcode = "1000".into();
        assert_eq!(a.departement(), None);
    }

    #[test]
    fn numbers_format_like_people_write_them() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(2.5), "2.5");
    }

    #[test]
    fn answer_serialises_readably() {
        let a = Answer::Given(Value::Choices(vec!["a".into(), "b".into()]));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"given":{"choices":["a","b"]}}"#);
        assert_eq!(
            serde_json::to_string(&Answer::DontKnow).unwrap(),
            r#""dont_know""#
        );
    }
}
