//! The demo association offered on the first run: the fictitious garden association of
//! `questionnaires/examples/demo.toml` (embedded), with its complete audit, answers and notes,
//! the same one `diagasso demo` creates, so a trainer can see every screen filled before a
//! visit. Delete it like any audit.

use crate::answers_file;
use crate::i18n::Message;
use crate::store::{Store, StoreError};

const NAME: &str = "questionnaires/examples/demo.toml";
const DEMO: &str = include_str!("../../questionnaires/examples/demo.toml");

/// Create the demo association and its audit; returns the audit's id.
pub fn create(store: &mut Store) -> Result<String, StoreError> {
    let file = answers_file::parse_shipped(NAME, DEMO.as_bytes()).map_err(|problems| {
        let first = problems.0.first().map(|p| p.message(crate::i18n::Lang::En));
        StoreError::Invalid(Message::new(
            format!(
                "démonstration illisible : {}",
                first.as_deref().unwrap_or("?")
            ),
            format!("unreadable demo: {}", first.as_deref().unwrap_or("?")),
        ))
    })?;
    Ok(store.create_audit(&file.new_audit())?.audit_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_a_whole_audit() {
        let mut store = Store::open_in_memory().expect("in-memory store");
        let id = create(&mut store).expect("demo created");
        let audit = store.audit(&id).expect("read").expect("exists");
        assert!(audit.answers.len() > 50, "{} answers", audit.answers.len());
        assert!(!audit.notes.is_empty());
    }
}
