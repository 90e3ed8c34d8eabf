//! Merging a checked bundle into the database, by id, in one transaction (all or nothing).
//!
//! - Questionnaire copies are added when missing (they are identified by their hash).
//! - Associations, audits and workshops missing here are added as they are, with their own ids
//!   and times. One present here takes the bundle's profile, status, note or name only when the
//!   bundle's `updated_at` is later and something differs.
//! - Answers, question by question: the trail entries of the bundle missing here are added
//!   (an entry is the same when its audit, question, time and new value are), so both
//!   histories are kept; then the answer changed last (by the time of its latest trail entry or
//!   its `updated_at`) wins. When both sides changed the question since their last common trail
//!   entry and disagree, the question is listed as a conflict, with the side kept.
//! - Notes: the later one wins. Workshop membership: the union.
//!
//! Nothing is written when nothing differs, so importing the same bundle twice changes nothing.
//! An audit that exists here for another association or questionnaire refuses the whole bundle.

use rusqlite::{Connection, OptionalExtension, params};

use super::error::Fail;
use super::merge_answers::{answers, put_answer, put_trail, stored};
use super::{Store, StoreError, codec, write};
use crate::audit::Answer;
use crate::bundle::validate::Checked;
use crate::bundle::{AssociationRec, AuditRec, WorkshopRec};
use crate::i18n::Message;
use crate::questionnaire::Questionnaire;

/// Which side of a conflict was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kept {
    Here,
    Bundle,
}

/// A question both sides changed since they last agreed, to different answers.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Conflict {
    pub audit_id: String,
    pub association: String,
    pub question_id: String,
    pub here: Option<Answer>,
    pub here_at: String,
    pub bundle: Option<Answer>,
    pub bundle_at: String,
    pub kept: Kept,
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct MergeReport {
    pub associations_added: usize,
    pub associations_updated: usize,
    pub audits_added: usize,
    pub audits_updated: usize,
    pub answers_taken: usize,
    pub trail_added: usize,
    pub notes_taken: usize,
    pub workshops_added: usize,
    pub workshops_updated: usize,
    pub links_added: usize,
    pub conflicts: Vec<Conflict>,
}

impl MergeReport {
    /// Whether the merge wrote anything.
    pub fn changed(&self) -> bool {
        self.associations_added
            + self.associations_updated
            + self.audits_added
            + self.audits_updated
            + self.workshops_added
            + self.workshops_updated
            + self.links_added
            > 0
    }
}

impl Store {
    /// Merge a checked bundle (`bundle::read`) in one transaction.
    pub fn merge_bundle(&mut self, b: &Checked) -> Result<MergeReport, StoreError> {
        write(&mut self.conn, &self.shown, |tx| merge(tx, b))
    }
}

fn merge(tx: &Connection, b: &Checked) -> Result<MergeReport, Fail> {
    let mut r = MergeReport::default();
    for (hash, q) in &b.questionnaires {
        questionnaire(tx, hash, q)?;
    }
    for a in &b.content.associations {
        association(tx, a, &mut r)?;
    }
    for a in &b.content.audits {
        let q = b
            .questionnaires
            .get(&a.questionnaire_hash)
            .ok_or_else(|| Fail::unreadable("bundle not checked"))?;
        audit(tx, a, q, &mut r)?;
    }
    for w in &b.content.workshops {
        workshop(tx, w, &mut r)?;
    }
    Ok(r)
}

/// A questionnaire copy, added when missing.
pub(super) fn questionnaire(tx: &Connection, hash: &str, q: &Questionnaire) -> Result<(), Fail> {
    tx.execute(
        "INSERT OR IGNORE INTO questionnaires (hash, id, version, question_count, source)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![hash, q.id, q.version, q.question_count() as i64, q.source],
    )?;
    Ok(())
}

pub(super) fn association(
    tx: &Connection,
    a: &AssociationRec,
    r: &mut MergeReport,
) -> Result<(), Fail> {
    match super::bundle::association(tx, &a.id)? {
        None => r.associations_added += 1,
        Some(here) => {
            let same = AssociationRec {
                updated_at: a.updated_at.clone(),
                ..here.clone()
            } == *a;
            if same || a.updated_at <= here.updated_at {
                return Ok(());
            }
            r.associations_updated += 1;
        }
    }
    tx.execute(
        "INSERT INTO associations (id, name, name_fold, legal_form, country, postcode, activity,
            members, employees, volunteers, budget_eur, contact_name, contact_email, created_at,
            updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_fold = excluded.name_fold,
            legal_form = excluded.legal_form, country = excluded.country,
            postcode = excluded.postcode, activity = excluded.activity,
            members = excluded.members, employees = excluded.employees,
            volunteers = excluded.volunteers, budget_eur = excluded.budget_eur,
            contact_name = excluded.contact_name, contact_email = excluded.contact_email,
            updated_at = excluded.updated_at",
        params![
            a.id,
            a.name,
            codec::fold(&a.name),
            a.legal_form,
            a.country,
            a.postcode,
            a.activity,
            a.members,
            a.employees,
            a.volunteers,
            a.budget_eur.and_then(|b| i64::try_from(b).ok()),
            a.contact_name,
            a.contact_email,
            a.created_at,
            a.updated_at
        ],
    )?;
    Ok(())
}

/// An audit's row as it is here.
struct Local {
    association_id: String,
    questionnaire_hash: String,
    trainer: String,
    status: String,
    finished_at: Option<String>,
    updated_at: String,
    note: String,
    previous_audit_id: Option<String>,
}

fn refuse(fr: String, en: String) -> Fail {
    StoreError::Invalid(Message::new(fr, en)).into()
}

pub(super) fn audit(
    tx: &Connection,
    a: &AuditRec,
    q: &Questionnaire,
    r: &mut MergeReport,
) -> Result<(), Fail> {
    let local: Option<Local> = tx
        .query_row(
            "SELECT association_id, questionnaire_hash, trainer, status, finished_at, updated_at,
                note, previous_audit_id FROM audits WHERE id = ?1",
            [&a.id],
            |row| {
                Ok(Local {
                    association_id: row.get(0)?,
                    questionnaire_hash: row.get(1)?,
                    trainer: row.get(2)?,
                    status: row.get(3)?,
                    finished_at: row.get(4)?,
                    updated_at: row.get(5)?,
                    note: row.get(6)?,
                    previous_audit_id: row.get(7)?,
                })
            },
        )
        .optional()?;
    let Some(local) = local else {
        tx.execute(
            "INSERT INTO audits (id, association_id, trainer, questionnaire_hash, questionnaire_id,
                questionnaire_version, total, status, started_at, finished_at, updated_at, note,
                previous_audit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            params![
                a.id,
                a.association_id,
                a.trainer,
                a.questionnaire_hash,
                q.id,
                q.version,
                q.question_count() as i64,
                a.status,
                a.started_at,
                a.finished_at,
                a.updated_at,
                a.note,
                a.previous_audit_id
            ],
        )?;
        for x in &a.answers {
            put_answer(tx, &a.id, &x.question_id, Some(&stored(x)), &x.updated_at)?;
        }
        for n in &a.notes {
            put_note(tx, &a.id, &n.question_id, &n.text, &n.updated_at)?;
        }
        for t in &a.trail {
            put_trail(
                tx,
                &a.id,
                &t.question_id,
                t.old.as_ref(),
                t.new.as_ref(),
                &t.at,
            )?;
        }
        r.trail_added += a.trail.len();
        r.audits_added += 1;
        return Ok(());
    };
    if local.association_id != a.association_id || local.questionnaire_hash != a.questionnaire_hash
    {
        return Err(refuse(
            format!(
                "l'audit {} existe ici pour une autre association ou un autre questionnaire : paquet refusé, rien n'a été écrit",
                a.id
            ),
            format!(
                "audit {} exists here for another association or questionnaire: bundle refused, nothing was written",
                a.id
            ),
        ));
    }
    let before = (r.answers_taken, r.trail_added, r.notes_taken);
    answers(tx, a, r)?;
    for n in &a.notes {
        let here: Option<(String, String)> = tx
            .query_row(
                "SELECT text, updated_at FROM notes WHERE audit_id = ?1 AND question_id = ?2",
                params![a.id, n.question_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if here.is_none_or(|(text, at)| text != n.text && n.updated_at > at) {
            put_note(tx, &a.id, &n.question_id, &n.text, &n.updated_at)?;
            r.notes_taken += 1;
        }
    }
    let newer = a.updated_at > local.updated_at;
    let fields_differ = (&a.trainer, &a.status, &a.finished_at, &a.note)
        != (
            &local.trainer,
            &local.status,
            &local.finished_at,
            &local.note,
        );
    let mut touched = (r.answers_taken, r.trail_added, r.notes_taken) != before;
    if newer && (fields_differ || touched) {
        tx.execute(
            "UPDATE audits SET trainer = ?2, status = ?3, finished_at = ?4, note = ?5,
                updated_at = ?6 WHERE id = ?1",
            params![
                a.id,
                a.trainer,
                a.status,
                a.finished_at,
                a.note,
                a.updated_at
            ],
        )?;
        touched = true;
    }
    if local.previous_audit_id.is_none() && a.previous_audit_id.is_some() {
        tx.execute(
            "UPDATE audits SET previous_audit_id = ?2 WHERE id = ?1",
            params![a.id, a.previous_audit_id],
        )?;
        touched = true;
    }
    r.audits_updated += usize::from(touched);
    Ok(())
}

fn put_note(
    tx: &Connection,
    audit: &str,
    question: &str,
    text: &str,
    at: &str,
) -> Result<(), Fail> {
    tx.execute(
        "INSERT INTO notes (audit_id, question_id, text, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (audit_id, question_id) DO UPDATE SET text = excluded.text,
            updated_at = excluded.updated_at",
        params![audit, question, text, at],
    )?;
    Ok(())
}

pub(super) fn workshop(tx: &Connection, w: &WorkshopRec, r: &mut MergeReport) -> Result<(), Fail> {
    match super::workshop::get(tx, &w.id)? {
        None => {
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
                    w.created_at,
                    w.updated_at
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
            if differs && w.updated_at > here.updated_at {
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
        r.links_added += tx.execute(
            "INSERT OR IGNORE INTO workshop_audits (workshop_id, audit_id, added_at)
             VALUES (?1, ?2, ?3)",
            params![w.id, l.audit_id, l.added_at],
        )?;
    }
    Ok(())
}
