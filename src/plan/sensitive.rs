//! Special-category data (GDPR art. 9): where the answers say health or other sensitive data
//! lives, so that no step moves it without saying what to leave out and where it goes.
//!
//! A choice carrying the `health-data` or `sensitive-data` signal says where the data is by its
//! question's domain (`sensitive.where`): `files` (the files tools hold it), `forms` (the forms
//! tools). Files hold office documents too, so the `files` domain covers `office-docs`. Any other
//! domain (`data_kinds` in « Protection des données ») says the association holds such data
//! without saying where: every step moving data the association keeps (files, documents, forms,
//! mail, members, contacts, calendars, chat, backups) then carries a caveat « à vérifier ».

use serde::{Deserialize, Serialize};

use crate::i18n::Text;

use super::read::Read;
use super::trace::AnswerRead;

/// A kind of data the law protects more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpecialData {
    /// Health data: a certified host (HDS in France, Code de la santé publique art. L1111-8).
    Health,
    /// Opinions, affiliations, origin, sex life, judicial data (GDPR art. 9 and 10).
    Sensitive,
}

impl SpecialData {
    pub(crate) fn signal(self) -> &'static str {
        match self {
            SpecialData::Health => "health-data",
            SpecialData::Sensitive => "sensitive-data",
        }
    }

    pub fn label(self) -> Text {
        match self {
            SpecialData::Health => Text::new("données de santé", "health data"),
            SpecialData::Sensitive => Text::new("données sensibles", "sensitive data"),
        }
    }
}

/// The needs whose data the association keeps (what a move carries), for data whose place the
/// answers do not give. Not chat: its history does not follow a move (catalogue notes).
pub(crate) const DATA_NEEDS: &[&str] = &[
    "file-sharing",
    "photos",
    "big-files",
    "office-docs",
    "forms",
    "email",
    "members-accounting",
    "contacts",
    "calendar",
    "backups",
];

/// The needs a domain's answers locate data in.
fn located_needs(domain: &str) -> Option<&'static [&'static str]> {
    match domain {
        "files" => Some(&[
            "file-sharing",
            "photos",
            "big-files",
            "office-docs",
            "backups",
        ]),
        "forms" => Some(&["forms"]),
        _ => None,
    }
}

/// Special data the association holds: where the answers put it, and the answers that say so.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Holding {
    pub data: SpecialData,
    /// Needs whose tools hold it, as the answers say (`files_data`, `forms_personal_data`).
    pub located: Vec<&'static str>,
    /// The association says it holds such data without saying where.
    pub unlocated: bool,
    pub answers: Vec<AnswerRead>,
}

impl Holding {
    /// Whether a step moving the data of `need` must carry a caveat, and whether the answers
    /// locate the data there (`Some(true)`) or only do not rule it out (`Some(false)`).
    pub fn concerns(&self, need: &str) -> Option<bool> {
        if self.located.contains(&need) {
            Some(true)
        } else if self.unlocated && DATA_NEEDS.contains(&need) {
            Some(false)
        } else {
            None
        }
    }
}

/// Health, then sensitive data, when the answers mention them.
pub(crate) fn holdings(read: &Read<'_>) -> Vec<Holding> {
    [SpecialData::Health, SpecialData::Sensitive]
        .into_iter()
        .filter_map(|data| {
            let mut h = Holding {
                data,
                located: Vec::new(),
                unlocated: false,
                answers: Vec::new(),
            };
            for (item, choice) in read.choices() {
                if !choice.signals.iter().any(|s| s == data.signal()) {
                    continue;
                }
                h.answers.push(item.read_choice(choice));
                match item.domain().and_then(located_needs) {
                    Some(needs) => {
                        for n in needs {
                            if !h.located.contains(n) {
                                h.located.push(n);
                            }
                        }
                    }
                    None => h.unlocated = true,
                }
            }
            (!h.answers.is_empty()).then_some(h)
        })
        .collect()
}
