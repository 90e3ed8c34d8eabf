//! Reading what a bundle carries (`diagasso bundle export`): the chosen audits with their
//! answers, notes and whole trail, their associations, the questionnaire copies they were
//! started with, and the workshops they belong to (with the links to these audits only). One
//! read transaction, so the bundle is one consistent state of the file. Merging a bundle back
//! is in `merge`.

use std::collections::HashSet;

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
    /// The content of a bundle of `selection`.
    pub fn bundle_content(&self, selection: Selection<'_>) -> Result<Content, StoreError> {
        read(&self.conn, &self.shown, |c| content(c, selection))
    }
}

fn stored(state: Option<String>, value: Option<String>) -> Result<Option<Stored>, Fail> {
    let answer = codec::decode_opt(state.as_deref(), value.as_deref()).map_err(Fail::unreadable)?;
    Ok(answer.as_ref().map(Stored::of))
}

fn content(c: &Connection, selection: Selection<'_>) -> Result<Content, Fail> {
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
    let mut out = Content::default();
    for id in &audit_ids {
        out.audits.push(audit(c, id)?);
    }
    let mut associations: Vec<&str> = out
        .audits
        .iter()
        .map(|a| a.association_id.as_str())
        .collect();
    associations.sort_unstable();
    associations.dedup();
    for id in associations {
        let a =
            association(c, id)?.ok_or_else(|| StoreError::UnknownAssociation(id.to_string()))?;
        out.associations.push(a);
    }
    let mut hashes: Vec<&str> = out
        .audits
        .iter()
        .map(|a| a.questionnaire_hash.as_str())
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    for hash in hashes {
        out.questionnaires.push(c.query_row(
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
    let workshops = column(
        c,
        "SELECT DISTINCT workshop_id FROM workshop_audits WHERE ?1 = ?1 ORDER BY workshop_id",
        "",
    )?;
    for wid in workshops {
        let Some(w) = workshop::get(c, &wid)? else {
            continue;
        };
        let mut stmt = c.prepare(
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
        out.workshops.push(WorkshopRec {
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
    let mut stmt = c.prepare(sql)?;
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
    let mut stmt = c.prepare(
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
    let mut stmt = c.prepare(
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
    let mut stmt = c.prepare(
        "SELECT question_id, old_state, old_value, new_state, new_value, at, given_at
         FROM trail WHERE audit_id = ?1 ORDER BY at, seq",
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
                r.get::<_, Option<String>>(6)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (question_id, os, ov, ns, nv, at, given_at) in rows {
        a.trail.push(TrailRec {
            question_id,
            old: stored(os, ov)?,
            new: stored(ns, nv)?,
            at,
            given_at,
        });
    }
    Ok(a)
}
