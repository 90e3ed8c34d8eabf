//! Merging a bundle read as a stream (`bundle::stream`): the caller feeds the records one at a
//! time into [`Merging`], inside one write transaction that commits only when the feed ends
//! well — the merge of each record is `merge`'s, as for a bundle held whole. A feed that fails
//! (a record refused, a checksum wrong at the end, the file changed since it was checked)
//! leaves the database as it was.

use std::path::Path;

use rusqlite::Transaction;

use super::error::Fail;
use super::{MergeReport, Store, StoreError, merge, write};
use crate::bundle::stream::Part;
use crate::i18n::Message;

/// A merge under way, in its transaction.
pub struct Merging<'t> {
    tx: &'t Transaction<'t>,
    shown: &'t Path,
    report: MergeReport,
}

impl Merging<'_> {
    /// Merge one record.
    pub fn part(&mut self, part: Part<'_>) -> Result<(), StoreError> {
        let (tx, r) = (self.tx, &mut self.report);
        match part {
            Part::Questionnaire(hash, q) => merge::questionnaire(tx, hash, q),
            Part::Association(a) => merge::association(tx, a, r),
            Part::Audit(a, q) => merge::audit(tx, a, q, r),
            Part::Workshop(w) => merge::workshop(tx, w, r),
        }
        .map_err(|e| e.at(self.tx, self.shown))
    }
}

/// Why a streamed merge did not commit.
#[derive(Debug)]
pub enum MergeStop<E> {
    /// The store failed (a full disk, a busy file, a bundle that contradicts the database).
    Store(StoreError),
    /// The feed failed.
    Feed(E),
}

impl Store {
    /// Merge the records `feed` gives to its [`Merging`], in one transaction: committed when
    /// `feed` returns `Ok`, rolled back otherwise.
    pub fn merge_bundle_with<E>(
        &mut self,
        feed: impl FnOnce(&mut Merging<'_>) -> Result<(), E>,
    ) -> Result<MergeReport, MergeStop<E>> {
        let mut failed: Option<E> = None;
        let shown = self.shown.clone();
        let done = write(&mut self.conn, &self.shown, |tx| {
            let mut m = Merging {
                tx,
                shown: &shown,
                report: MergeReport::default(),
            };
            match feed(&mut m) {
                Ok(()) => Ok(m.report),
                Err(e) => {
                    failed = Some(e);
                    Err(Fail::Store(StoreError::Invalid(Message::new(
                        "fusion interrompue",
                        "merge stopped",
                    ))))
                }
            }
        });
        match (done, failed) {
            (_, Some(e)) => Err(MergeStop::Feed(e)),
            (Ok(r), None) => Ok(r),
            (Err(e), None) => Err(MergeStop::Store(e)),
        }
    }
}
