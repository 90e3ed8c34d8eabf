//! Every audit of the file, one at a time, for what is written out whole (`export --all`): each
//! audit is read with its association and handed on with its questionnaire copy (parsed once
//! per copy), then dropped, in one read transaction — memory stays that of one audit at any
//! size of file (it was about 2 MB per audit, all read first).
//!
//! The order is the list's (`list_audits`: last changed first, ties by id). The aggregates'
//! pooling (`workshop pool`) goes the same way through the latest audit of each association.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::Connection;

use super::error::Fail;
use super::workshop::Scope;
use super::{Store, StoreError, associations, audits, read};
use crate::audit::{Association, Audit};
use crate::questionnaire::{self, Questionnaire};
use crate::workshop::facts::{AnswerSlots, AuditFacts};

/// Why going through the audits stopped.
#[derive(Debug)]
pub enum EachStop<E> {
    Store(StoreError),
    /// The caller's failure.
    By(E),
}

impl Store {
    /// The questionnaire copies the audits were started with, each once, in the order of the
    /// first audit (in the list's order) started with it.
    pub fn audit_questionnaires(&self) -> Result<Vec<Arc<Questionnaire>>, StoreError> {
        read(&self.conn, &self.shown, |c| {
            let mut stmt = c.prepare(
                "SELECT q.hash, q.source, a.newest FROM questionnaires q
                 JOIN (SELECT questionnaire_hash AS hash, max(updated_at || ' ' || id) AS newest
                       FROM audits GROUP BY questionnaire_hash) a ON a.hash = q.hash
                 ORDER BY a.newest DESC",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter()
                .map(|(hash, source, newest)| {
                    let audit = newest.rsplit(' ').next().unwrap_or_default();
                    parse(audit, &hash, &source)
                        .map(Arc::new)
                        .map_err(Fail::Store)
                })
                .collect()
        })
    }

    /// Hand every audit, with its association and questionnaire copy, to `f`, one at a time.
    pub fn each_audit<E>(
        &self,
        mut f: impl FnMut(&Audit, &Association, &Questionnaire) -> Result<(), E>,
    ) -> Result<(), EachStop<E>> {
        let mut stopped: Option<E> = None;
        let done = read(&self.conn, &self.shown, |c| {
            each(c, &mut |a, s, q| {
                f(a, s, q).map_err(|e| {
                    stopped = Some(e);
                })
            })
        });
        match (stopped, done) {
            (Some(e), _) => Err(EachStop::By(e)),
            (None, Err(e)) => Err(EachStop::Store(e)),
            (None, Ok(())) => Ok(()),
        }
    }
}

impl Store {
    /// The latest audit of each association in `scope` (by start time, then id: the one
    /// `Facts::latest_per_association` picks), in start order, as the aggregates see it (no
    /// contact), handed to `f` one at a time with its questionnaire copy (`workshop pool`).
    pub fn each_latest_facts(
        &mut self,
        scope: Scope<'_>,
        mut f: impl FnMut(&AuditFacts, &Questionnaire),
    ) -> Result<(), StoreError> {
        let cache = &mut self.questionnaires;
        read(&self.conn, &self.shown, |c| {
            let (filter, arg) = match scope {
                Scope::Workshop(id) => (
                    "WHERE id IN (SELECT audit_id FROM workshop_audits WHERE workshop_id = ?1)",
                    id,
                ),
                Scope::All => ("WHERE ?1 = ?1", ""),
            };
            let mut stmt = c.prepare(&format!(
                "SELECT id FROM (SELECT id, started_at, row_number() OVER (
                    PARTITION BY association_id ORDER BY started_at DESC, id DESC) AS rank
                    FROM audits {filter})
                 WHERE rank = 1 ORDER BY started_at, id"
            ))?;
            let mut rows = stmt.query([arg])?;
            while let Some(row) = rows.next()? {
                let id: String = row.get(0)?;
                let q = audits::questionnaire_in(c, cache, &id)?;
                let Some(facts) = facts_of(c, &id, &q)? else {
                    continue;
                };
                f(&facts, &q);
            }
            Ok(())
        })
    }
}

/// One audit as the aggregates see it: its association without contact, its answers placed.
fn facts_of(c: &Connection, id: &str, q: &Questionnaire) -> Result<Option<AuditFacts>, Fail> {
    let Some(audit) = audits::get(c, id)? else {
        return Ok(None);
    };
    let mut association = associations::get(c, &audit.association_id)?
        .ok_or_else(|| Fail::unreadable(format!("the association of audit {id} is missing")))?;
    association.contact_name.clear();
    association.contact_email.clear();
    let previous_audit_id: Option<String> = c
        .prepare_cached("SELECT previous_audit_id FROM audits WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let answers: std::collections::BTreeMap<String, crate::audit::Answer> = audit
        .answers
        .into_iter()
        .map(|(k, r)| (k, r.answer))
        .collect();
    Ok(Some(AuditFacts {
        audit_id: audit.id,
        questionnaire_hash: audit.questionnaire.hash,
        status: audit.status,
        started_at: audit.started_at,
        updated_at: audit.updated_at,
        previous_audit_id,
        association,
        answers: AnswerSlots::placed(q, &answers),
    }))
}

type Callback<'f> = dyn FnMut(&Audit, &Association, &Questionnaire) -> Result<(), ()> + 'f;

fn each(c: &Connection, f: &mut Callback<'_>) -> Result<(), Fail> {
    let mut copies: HashMap<String, Arc<Questionnaire>> = HashMap::new();
    let mut stmt = c.prepare(
        "SELECT id, association_id, questionnaire_hash FROM audits
         ORDER BY updated_at DESC, id DESC",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (id, association_id, hash): (String, String, String) =
            (row.get(0)?, row.get(1)?, row.get(2)?);
        let Some(audit) = audits::get(c, &id)? else {
            continue;
        };
        let association = associations::get(c, &association_id)?
            .ok_or_else(|| Fail::unreadable(format!("the association of audit {id} is missing")))?;
        let q = match copies.get(&hash) {
            Some(q) => Arc::clone(q),
            None => {
                let source: String = c.query_row(
                    "SELECT source FROM questionnaires WHERE hash = ?1",
                    [&hash],
                    |r| r.get(0),
                )?;
                let q = Arc::new(parse(&id, &hash, &source).map_err(Fail::Store)?);
                copies.insert(hash.clone(), Arc::clone(&q));
                q
            }
        };
        if f(&audit, &association, &q).is_err() {
            return Err(Fail::unreadable("stopped"));
        }
    }
    Ok(())
}

/// The copy of `hash` kept with `audit` (and the audits started on the same).
fn parse(audit: &str, hash: &str, source: &str) -> Result<Questionnaire, StoreError> {
    let broken = |detail: String| StoreError::StoredQuestionnaire {
        audit: audit.to_string(),
        detail,
    };
    let name = format!("<questionnaire of audit {audit}>");
    let q = questionnaire::load_str(&name, source).map_err(|e| broken(e.to_string()))?;
    if q.hash != hash {
        return Err(broken(format!(
            "content hash {} differs from the recorded {hash}",
            q.hash
        )));
    }
    Ok(q)
}
