//! The questionnaires shipped with diagasso, embedded in the binary at build time so that an
//! installed copy works anywhere, offline, with no folder beside it.

use super::{LoadErrors, Questionnaire, load_str};

/// (file name, text) of each shipped questionnaire.
pub const FILES: &[(&str, &str)] = &[
    (
        "questionnaires/pratiques-numeriques.toml",
        include_str!("../../questionnaires/pratiques-numeriques.toml"),
    ),
    (
        "questionnaires/atelier-express.toml",
        include_str!("../../questionnaires/atelier-express.toml"),
    ),
];

/// The id of the full questionnaire, used when none is named.
pub const DEFAULT_ID: &str = "pratiques-numeriques";

/// Load every shipped questionnaire. A failure here is a bug caught by the tests.
pub fn all() -> Result<Vec<Questionnaire>, LoadErrors> {
    FILES
        .iter()
        .map(|(name, src)| load_str(name, src))
        .collect()
}

/// The shipped questionnaire with this id.
pub fn by_id(id: &str) -> Result<Option<Questionnaire>, LoadErrors> {
    Ok(all()?.into_iter().find(|q| q.id == id))
}
