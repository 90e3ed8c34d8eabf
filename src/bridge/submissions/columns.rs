//! What each column of an export holds, for one questionnaire: a question's answer, the
//! « je ne sais pas » companion of a number or text, one choice of a multiple (Kobo's
//! `question/choice` columns), a profile field, the export's own metadata, or nothing known.

use super::normalise;
use super::table::{Source, Table};
use crate::bridge::profile;
use crate::bridge::xpath::{self, COMPANION, DONT_KNOW, NOT_APPLICABLE};
use crate::questionnaire::{Kind, Questionnaire};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Question(String),
    Companion(String),
    Split(String, String),
    Profile(&'static str),
    Meta,
    Unknown,
}

/// One column: its place, what the file calls it, what it holds.
#[derive(Debug, Clone)]
pub struct Column {
    pub index: usize,
    pub header: String,
    pub role: Role,
}

/// The columns of `table` read against `q`.
pub fn resolve(table: &Table, q: &Questionnaire) -> Vec<Column> {
    (0..table.ids.len().max(table.titles.len()))
        .map(|i| {
            let id = table.ids.get(i).map(String::as_str).unwrap_or("").trim();
            let title = table.titles.get(i).map(String::as_str).unwrap_or("").trim();
            let role = match table.source {
                Source::Form => by_name(q, id),
                Source::Nextcloud => by_title(q, id, title),
            };
            let header = if title.is_empty() { id } else { title };
            Column {
                index: i,
                header: header.to_string(),
                role,
            }
        })
        .collect()
}

/// A name exactly as the XLSForm gave it.
fn exact(q: &Questionnaire, name: &str) -> Option<Role> {
    if q.question(name).is_some() {
        return Some(Role::Question(name.to_string()));
    }
    if let Some(base) = name.strip_suffix(COMPANION)
        && q.question(base).is_some_and(|x| !xpath::is_list(x.kind))
    {
        return Some(Role::Companion(base.to_string()));
    }
    profile::by_column(name).map(|f| Role::Profile(f.key))
}

/// A Kobo or ODK header: the name, maybe behind its groups (`a/b/name`, `a-b-name`), or a
/// multiple's `name/choice` column.
fn by_name(q: &Questionnaire, header: &str) -> Role {
    if let Some(role) = exact(q, header) {
        return role;
    }
    for sep in ['/', '-'] {
        let parts: Vec<&str> = header.split(sep).collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(role) = exact(q, parts[parts.len() - 1]) {
            return role;
        }
        let (question, choice) = (parts[parts.len() - 2], parts[parts.len() - 1]);
        if let Some(x) = q.question(question)
            && x.kind == Kind::Multiple
            && (x.choice(choice).is_some() || choice == DONT_KNOW || choice == NOT_APPLICABLE)
        {
            return Role::Split(question.to_string(), choice.to_string());
        }
    }
    let meta = header.starts_with('_')
        || [
            "start",
            "end",
            "today",
            "deviceid",
            "username",
            "audit",
            "KEY",
            "SubmissionDate",
        ]
        .contains(&header)
        || header.starts_with("meta")
        || header.ends_with("_intro");
    if meta { Role::Meta } else { Role::Unknown }
}

/// A Nextcloud column: its id says whether it is a question; its title which one.
fn by_title(q: &Questionnaire, id: &str, title: &str) -> Role {
    if !id.starts_with("question-id-") {
        return Role::Meta;
    }
    // `[question_id]` anywhere in the title, or the bare name.
    if let Some(start) = title.find('[')
        && let Some(len) = title[start + 1..].find(']')
        && let Some(role) = exact(q, title[start + 1..start + 1 + len].trim())
    {
        return role;
    }
    if let Some(role) = exact(q, title) {
        return role;
    }
    let wanted = normalise(title);
    for (_, question) in q.questions() {
        if [&question.label.fr, &question.label.en]
            .iter()
            .any(|l| normalise(l) == wanted)
        {
            return Role::Question(question.id.clone());
        }
    }
    for field in &profile::FIELDS {
        let label = field.label();
        if normalise(&label.fr) == wanted || normalise(&label.en) == wanted {
            return Role::Profile(field.key);
        }
    }
    Role::Unknown
}
