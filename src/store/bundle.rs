//! Reading what a bundle carries (`diagasso bundle export`): the chosen audits with their
//! answers, notes and whole trail, their associations, the questionnaire copies they were
//! started with, and the workshops they belong to (with the links to these audits only). One
//! read transaction, so the bundle is one consistent state of the file. Merging a bundle back
//! is in `merge`.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use super::error::Fail;
use super::{Store, StoreError, codec, read, workshop};
use crate::bundle::{
    AnswerRec, AssociationRec, AuditRec, Content, NoteRec, QuestionnaireCopy, Stored, TrailRec,
    WorkshopLink, WorkshopRec,
};

/// Which audits a bundle carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection<'a> {
    /// Every audit of one association.
    Association(&'a str),
    /// The audits of one workshop (by id).
    Workshop(&'a str),
    /// Everything.
    All,
}

impl Store {
    /// The content of a bundle of `selection`, whole (for small selections and tests; see
    /// [`Store::bundle_parts`]).
    pub fn bundle_content(&self, selection: Selection<'_>) -> Result<Content, StoreError> {
        self.bundle_parts(selection, |parts| {
            let audits = parts.audits.collect::<Result<Vec<_>, _>>()?;
            Ok(Content {
                questionnaires: parts.questionnaires,
                associations: parts.associations,
                audits,
                workshops: parts.workshops,
            })
        })?
    }

    /// The parts of a bundle of `selection`, its audits read one at a time as `f` pulls them,
    /// all in one read transaction (one state of the file).
    pub fn bundle_parts<T>(
        &self,
        selection: Selection<'_>,
        f: impl FnOnce(Parts<'_>) -> T,
    ) -> Result<T, StoreError> {
        read(&self.conn, &self.shown, |c| {
            let parts = parts(c, &self.shown, selection)?;
            Ok(f(parts))
        })
    }
}

/// A bundle's parts: the small lists whole, the audits as an iterator reading each from the
/// store when it is asked for.
pub struct Parts<'c> {
    pub questionnaires: Vec<QuestionnaireCopy>,
    pub associations: Vec<AssociationRec>,
    pub audits: Audits<'c>,
    pub workshops: Vec<WorkshopRec>,
}

/// The audits of a bundle, read one at a time.
pub struct Audits<'c> {
    c: &'c Connection,
    shown: &'c Path,
    ids: std::vec::IntoIter<String>,
}

impl Iterator for Audits<'_> {
    type Item = Result<AuditRec, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        let id = self.ids.next()?;
        Some(audit(self.c, &id).map_err(|e| e.at(self.c, self.shown)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ids.size_hint()
    }
}

fn stored(state: Option<String>, value: Option<String>) -> Result<Option<Stored>, Fail> {
    let answer = codec::decode_opt(state.as_deref(), value.as_deref()).map_err(Fail::unreadable)?;
    Ok(answer.as_ref().map(Stored::of))
}

fn parts<'c>(
    c: &'c Connection,
    shown: &'c Path,
    selection: Selection<'_>,
) -> Result<Parts<'c>, Fail> {
    let audit_ids: Vec<String> = match selection {
        Selection::Association(id) => {
            if super::associations::get(c, id)?.is_none() {
                return Err(StoreError::UnknownAssociation(id.to_string()).into());
            }
            column(
                c,
                "SELECT id FROM audits WHERE association_id = ?1 ORDER BY id",
                id,
            )?
        }
        Selection::Workshop(id) => {
            if workshop::get(c, id)?.is_none() {
                return Err(workshop::unknown_workshop(id).into());
            }
            workshop::audit_ids(c, id)?
        }
        Selection::All => column(c, "SELECT id FROM audits WHERE ?1 = ?1 ORDER BY id", "")?,
    };
    // The associations and questionnaires of the chosen audits, each once, in id order.
    let mut associations: BTreeSet<String> = BTreeSet::new();
    let mut hashes: BTreeSet<String> = BTreeSet::new();
    {
        let mut stmt = c.prepare_cached(
            "SELECT association_id, questionnaire_hash FROM audits WHERE id = ?1",
        )?;
        for id in &audit_ids {
            let (a, h): (String, String) = stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            associations.insert(a);
            hashes.insert(h);
        }
    }
    let mut out_associations = Vec::with_capacity(associations.len());
    for id in &associations {
        let a =
            association(c, id)?.ok_or_else(|| StoreError::UnknownAssociation(id.to_string()))?;
        out_associations.push(a);
    }
    let mut questionnaires = Vec::with_capacity(hashes.len());
    for hash in &hashes {
        questionnaires.push(c.query_row(
            "SELECT hash, id, version, source FROM questionnaires WHERE hash = ?1",
            [hash],
            |r| {
                Ok(QuestionnaireCopy {
                    hash: r.get(0)?,
                    id: r.get(1)?,
                    version: r.get(2)?,
                    source: r.get(3)?,
                })
            },
        )?);
    }
    let carried: HashSet<&str> = audit_ids.iter().map(String::as_str).collect();
    let workshops = workshops(c, selection, &carried)?;
    Ok(Parts {
        questionnaires,
        associations: out_associations,
        audits: Audits {
            c,
            shown,
            ids: audit_ids.into_iter(),
        },
        workshops,
    })
}

/// The workshops the chosen audits belong to, with their links to these audits only (a
/// workshop chosen whole comes even without audits).
fn workshops(
    c: &Connection,
    selection: Selection<'_>,
    carried: &HashSet<&str>,
) -> Result<Vec<WorkshopRec>, Fail> {
    let mut out = Vec::new();
    let mut all = column(
        c,
        "SELECT DISTINCT workshop_id FROM workshop_audits WHERE ?1 = ?1 ORDER BY workshop_id",
        "",
    )?;
    if let Selection::Workshop(id) = selection
        && !all.iter().any(|w| w == id)
    {
        all.push(id.to_string());
    }
    for wid in all {
        let Some(w) = workshop::get(c, &wid)? else {
            continue;
        };
        let mut stmt = c.prepare_cached(
            "SELECT audit_id, added_at FROM workshop_audits WHERE workshop_id = ?1
             ORDER BY added_at, audit_id",
        )?;
        let links: Vec<WorkshopLink> = stmt
            .query_map([&wid], |r| {
                Ok(WorkshopLink {
                    audit_id: r.get(0)?,
                    added_at: r.get(1)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .filter(|l| carried.contains(l.audit_id.as_str()))
            .collect();
        let whole = matches!(selection, Selection::Workshop(id) if id == wid);
        if links.is_empty() && !whole {
            continue;
        }
        out.push(WorkshopRec {
            id: w.id,
            name: w.name,
            date: w.date,
            place: w.place,
            trainer: w.trainer,
            questionnaire_id: w.questionnaire_id,
            created_at: w.created_at,
            updated_at: w.updated_at,
            audits: links,
        });
    }
    Ok(out)
}

fn column(c: &Connection, sql: &str, arg: &str) -> Result<Vec<String>, Fail> {
    let mut stmt = c.prepare_cached(sql)?;
    let rows = stmt
        .query_map([arg], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(rows)
}

/// An association's row with its times, when there is one.
pub(super) fn association(c: &Connection, id: &str) -> Result<Option<AssociationRec>, Fail> {
    Ok(c.query_row(
        "SELECT id, name, legal_form, country, postcode, activity, members, employees,
            volunteers, budget_eur, contact_name, contact_email, created_at, updated_at
         FROM associations WHERE id = ?1",
        [id],
        |r| {
            let budget: Option<i64> = r.get(9)?;
            Ok(AssociationRec {
                id: r.get(0)?,
                name: r.get(1)?,
                legal_form: r.get(2)?,
                country: r.get(3)?,
                postcode: r.get(4)?,
                activity: r.get(5)?,
                members: r.get(6)?,
                employees: r.get(7)?,
                volunteers: r.get(8)?,
                budget_eur: budget.and_then(|b| u64::try_from(b).ok()),
                contact_name: r.get(10)?,
                contact_email: r.get(11)?,
                created_at: r.get(12)?,
                updated_at: r.get(13)?,
            })
        },
    )
    .optional()?)
}

fn audit(c: &Connection, id: &str) -> Result<AuditRec, Fail> {
    let mut a = c.query_row(
        "SELECT id, association_id, trainer, questionnaire_hash, status, started_at,
            finished_at, updated_at, note, previous_audit_id
         FROM audits WHERE id = ?1",
        [id],
        |r| {
            Ok(AuditRec {
                id: r.get(0)?,
                association_id: r.get(1)?,
                trainer: r.get(2)?,
                questionnaire_hash: r.get(3)?,
                status: r.get(4)?,
                started_at: r.get(5)?,
                finished_at: r.get(6)?,
                updated_at: r.get(7)?,
                note: r.get(8)?,
                previous_audit_id: r.get(9)?,
                answers: Vec::new(),
                notes: Vec::new(),
                trail: Vec::new(),
            })
        },
    )?;
    let mut stmt = c.prepare_cached(
        "SELECT question_id, state, value, updated_at FROM answers WHERE audit_id = ?1
         ORDER BY question_id",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (question_id, state, value, updated_at) in rows {
        let s = stored(Some(state), value)?.ok_or_else(|| Fail::unreadable("empty answer"))?;
        a.answers.push(AnswerRec {
            question_id,
            state: s.state,
            value: s.value,
            updated_at,
        });
    }
    let mut stmt = c.prepare_cached(
        "SELECT question_id, text, updated_at FROM notes WHERE audit_id = ?1 ORDER BY question_id",
    )?;
    a.notes = stmt
        .query_map([id], |r| {
            Ok(NoteRec {
                question_id: r.get(0)?,
                text: r.get(1)?,
                updated_at: r.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let mut stmt = c.prepare_cached(
        "SELECT question_id, old_state, old_value, new_state, new_value, at FROM trail
         WHERE audit_id = ?1 ORDER BY at, seq",
    )?;
    let rows = stmt
        .query_map(params![id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (question_id, os, ov, ns, nv, at) in rows {
        a.trail.push(TrailRec {
            question_id,
            old: stored(os, ov)?,
            new: stored(ns, nv)?,
            at,
        });
    }
    Ok(a)
}
