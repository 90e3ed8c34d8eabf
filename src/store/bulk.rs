//! Creating many whole audits in one transaction: what a benchmark's data generator or a
//! workshop's bulk load needs. Each audit is written exactly as [`Store::create_audit`] writes it
//! (answers with their trail entries, notes); only the commit, and so the wait for the disk, is
//! shared by the batch. All or nothing.

use super::{Created, NewAudit, Store, StoreError, codec, import, write};

impl Store {
    /// Create every audit of `batch` in one transaction; their ids in the same order.
    #[doc(hidden)]
    pub fn create_audits(&mut self, batch: &[NewAudit<'_>]) -> Result<Vec<Created>, StoreError> {
        let now = codec::now();
        write(&mut self.conn, &self.shown, |tx| {
            batch
                .iter()
                .map(|new| import::insert(tx, new, &now))
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::audit::{Answer, Association};
    use crate::questionnaire::shipped;

    #[test]
    fn a_batch_lands_whole_or_not_at_all() {
        let mut store = Store::open_in_memory().unwrap();
        let q = shipped::all().unwrap().remove(0);
        let first = q.questions().next().unwrap().1.id.clone();
        let good = BTreeMap::from([(first, Answer::DontKnow)]);
        let bad = BTreeMap::from([("no_such_question".to_string(), Answer::DontKnow)]);
        let notes = BTreeMap::new();
        let a = Association {
            name: "Les Amis".into(),
            ..Association::default()
        };
        let new = |answers| NewAudit {
            association: &a,
            trainer: "t",
            questionnaire: &q,
            answers,
            notes: &notes,
            note: "",
        };
        let made = store.create_audits(&[new(&good), new(&good)]).unwrap();
        assert_eq!(made.len(), 2);
        assert_eq!(store.count_audits("").unwrap(), 2);
        assert_eq!(store.trail(&made[1].audit_id).unwrap().len(), 1);
        assert!(store.create_audits(&[new(&good), new(&bad)]).is_err());
        assert_eq!(
            store.count_audits("").unwrap(),
            2,
            "nothing of the failed batch"
        );
    }
}
