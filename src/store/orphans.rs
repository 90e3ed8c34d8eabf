//! Associations without an audit: a new association whose first audit was never started (the
//! program stopped on its profile), or whose audits were all deleted. They hold contact
//! details, so they must be found again — listed on the home screen and by `diagasso list` —
//! to be given an audit or erased.

use rusqlite::params;

use super::{Store, StoreError, associations, read};
use crate::audit::Association;

/// An association without an audit, and when its profile last changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    pub association: Association,
    pub updated_at: String,
}

impl Store {
    /// Every association without an audit, the latest changed first.
    pub fn associations_without_audits(&self) -> Result<Vec<Orphan>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, updated_at FROM associations a
                 WHERE NOT EXISTS (SELECT 1 FROM audits WHERE association_id = a.id)
                 ORDER BY updated_at DESC, id",
            )?;
            let rows: Vec<(String, String)> = stmt
                .query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            let mut out = Vec::with_capacity(rows.len());
            for (id, updated_at) in rows {
                if let Some(association) = associations::get(c, &id)? {
                    out.push(Orphan {
                        association,
                        updated_at,
                    });
                }
            }
            Ok(out)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::audit::Association;
    use crate::store::Store;

    #[test]
    fn an_association_is_an_orphan_until_it_has_an_audit_and_again_after() {
        let mut store = Store::open_in_memory().expect("store");
        let a = Association {
            name: "Les Jardins".into(),
            contact_email: "ana@ex.org".into(),
            country: "FR".into(),
            ..Association::default()
        };
        let id = store.create_association(&a).expect("created");
        let orphans = store.associations_without_audits().expect("read");
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].association.id, id);
        let (name, src) = crate::questionnaire::shipped::FILES[0];
        let q = crate::questionnaire::load_str(name, src).expect("a questionnaire");
        let audit = store.start_audit(&id, "t", &q).expect("audit");
        assert!(
            store
                .associations_without_audits()
                .expect("read")
                .is_empty()
        );
        store.delete_audit(&audit).expect("deleted");
        assert_eq!(store.associations_without_audits().expect("read").len(), 1);
    }
}
