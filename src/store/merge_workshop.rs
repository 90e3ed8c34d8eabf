//! Merging a bundle's workshops (see `merge`): one missing here is added with its dates (a
//! date in the future brought back to the import's time); one present takes the bundle's name,
//! date, place and trainer only when the bundle's `updated_at` is later and believed. Links to
//! audits: the union.

use rusqlite::{Connection, params};

use super::codec;
use super::error::Fail;
use super::merge::MergeReport;
use super::merge_clock::Clock;
use crate::bundle::WorkshopRec;

pub(super) fn workshop(
    tx: &Connection,
    w: &WorkshopRec,
    clock: &Clock,
    r: &mut MergeReport,
) -> Result<(), Fail> {
    match super::workshop::get(tx, &w.id)? {
        None => {
            let (created_at, updated_at) =
                (clock.clamp(&w.created_at, r), clock.clamp(&w.updated_at, r));
            tx.execute(
                "INSERT INTO workshops (id, name, name_fold, date, place, trainer,
                    questionnaire_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    w.id,
                    w.name,
                    codec::fold(&w.name),
                    w.date,
                    w.place,
                    w.trainer,
                    w.questionnaire_id,
                    created_at,
                    updated_at
                ],
            )?;
            r.workshops_added += 1;
        }
        Some(here) => {
            let differs = (
                &here.name,
                &here.date,
                &here.place,
                &here.trainer,
                &here.questionnaire_id,
            ) != (&w.name, &w.date, &w.place, &w.trainer, &w.questionnaire_id);
            if differs && w.updated_at > here.updated_at && clock.future(&w.updated_at) {
                clock.clamp(&w.updated_at, r);
            } else if differs && w.updated_at > here.updated_at {
                tx.execute(
                    "UPDATE workshops SET name = ?2, name_fold = ?3, date = ?4, place = ?5,
                        trainer = ?6, questionnaire_id = ?7, updated_at = ?8 WHERE id = ?1",
                    params![
                        w.id,
                        w.name,
                        codec::fold(&w.name),
                        w.date,
                        w.place,
                        w.trainer,
                        w.questionnaire_id,
                        w.updated_at
                    ],
                )?;
                r.workshops_updated += 1;
            }
        }
    }
    for l in &w.audits {
        let added_at = clock.clamp(&l.added_at, r);
        r.links_added += tx.execute(
            "INSERT OR IGNORE INTO workshop_audits (workshop_id, audit_id, added_at)
             VALUES (?1, ?2, ?3)",
            params![w.id, l.audit_id, added_at],
        )?;
    }
    Ok(())
}
