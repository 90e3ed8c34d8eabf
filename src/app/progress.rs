//! Progress told one way by every front end: `walk::Overview` (sections done of sections, then
//! answers of questions shown) of an audit as stored, read through the store's questionnaire
//! cache.

use crate::store::{Store, StoreError};
use crate::walk::Overview;

/// The overview of audit `audit_id` as stored.
pub fn of(store: &mut Store, audit_id: &str) -> Result<Overview, StoreError> {
    let open = store.open_audit(audit_id)?;
    Ok(Overview::of(&open.questionnaire, &open.audit.answer_map()))
}
