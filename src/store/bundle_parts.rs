//! What a bundle of a selection carries (`diagasso bundle export`), read as it is written: the
//! questionnaire copies whole (a few), the associations, audits and workshops one at a time as
//! the writer pulls them, all in one read transaction (one state of the file). Every list is
//! walked by pages of ids (`WHERE (key, id) > (last) ORDER BY key, id LIMIT …`), whatever the
//! selection, so nothing grows with the number of audits: not even their ids are kept. The
//! order is the bundle's (associations, questionnaires and workshops by id; the audits of a
//! workshop as they were added, the others by id): the same data gives the same bytes.

use std::collections::VecDeque;
use std::path::Path;

use rusqlite::{Connection, params};

use super::bundle::{association, audit, column};
use super::error::Fail;
use super::{Store, StoreError, read, workshop};
use crate::bundle::{
    AssociationRec, AuditRec, Content, QuestionnaireCopy, WorkshopLink, WorkshopRec,
};
use crate::store::Selection;

/// Ids read from one page to the next.
const PAGE: i64 = 512;

impl Store {
    /// The content of a bundle of `selection`, whole (for small selections and tests; see
    /// [`Store::bundle_parts`]).
    pub fn bundle_content(&self, selection: Selection<'_>) -> Result<Content, StoreError> {
        self.bundle_parts(selection, |parts| {
            Ok(Content {
                questionnaires: parts.questionnaires,
                associations: parts.associations.collect::<Result<Vec<_>, _>>()?,
                audits: parts.audits.collect::<Result<Vec<_>, _>>()?,
                workshops: parts.workshops.collect::<Result<Vec<_>, _>>()?,
            })
        })?
    }

    /// The parts of a bundle of `selection`, its associations, audits and workshops read one
    /// at a time as `f` pulls them, all in one read transaction.
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

/// A bundle's parts: the questionnaire copies whole, the rest as iterators.
pub struct Parts<'c> {
    pub questionnaires: Vec<QuestionnaireCopy>,
    pub associations: Records<'c, AssociationRec>,
    pub audits: Records<'c, AuditRec>,
    pub workshops: Records<'c, WorkshopRec>,
}

/// How one record is read: by the selection's queries and id (`""` for all) and the record's
/// id; `None` skips it.
type ReadOne<T> = fn(&Connection, &Queries, &str, &str) -> Result<Option<T>, Fail>;

/// Records read one at a time, by pages of ids.
pub struct Records<'c, T> {
    c: &'c Connection,
    shown: &'c Path,
    q: &'static Queries,
    ids: Pages,
    read: ReadOne<T>,
}

impl<T> Iterator for Records<'_, T> {
    type Item = Result<T, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let step = match self.ids.next(self.c) {
                Ok(Some(id)) => (self.read)(self.c, self.q, &self.ids.arg, &id),
                Ok(None) => return None,
                Err(e) => Err(e),
            };
            match step {
                Ok(Some(x)) => return Some(Ok(x)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e.at(self.c, self.shown))),
            }
        }
    }
}

/// Ids read by pages of a query: `?1` the selection's id, `(?2, ?3)` the last (key, id) read,
/// `?4` the page's size; the query gives (id, key), ordered by key then id.
struct Pages {
    sql: &'static str,
    arg: String,
    last: (String, String),
    page: VecDeque<(String, String)>,
    done: bool,
}

impl Pages {
    fn new(sql: &'static str, arg: &str) -> Pages {
        Pages {
            sql,
            arg: arg.to_string(),
            last: (String::new(), String::new()),
            page: VecDeque::new(),
            done: false,
        }
    }

    fn next(&mut self, c: &Connection) -> Result<Option<String>, Fail> {
        if self.page.is_empty() && !self.done {
            let mut stmt = c.prepare_cached(self.sql)?;
            let (key, id) = &self.last;
            self.page = stmt
                .query_map(params![self.arg, key, id, PAGE], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<Result<VecDeque<(String, String)>, _>>()?;
            self.done = (self.page.len() as i64) < PAGE;
        }
        Ok(self.page.pop_front().map(|(id, key)| {
            self.last = (key, id.clone());
            id
        }))
    }
}

/// The queries of one selection: the audits, associations and workshops (paged, see
/// [`Pages`]), the questionnaire hashes (`?1`), the links of one workshop (`?1`, the workshop
/// `?2`). Unused parameters are bound all the same (`?1 = ?1`).
struct Queries {
    audits: &'static str,
    associations: &'static str,
    workshops: &'static str,
    hashes: &'static str,
    links: &'static str,
}

static ALL: Queries = Queries {
    audits: "SELECT id, '' FROM audits WHERE ?1 = ?1 AND ?2 = ?2 AND id > ?3
             ORDER BY id LIMIT ?4",
    associations: "SELECT id, '' FROM associations a WHERE ?1 = ?1 AND ?2 = ?2 AND id > ?3
                   AND EXISTS (SELECT 1 FROM audits WHERE association_id = a.id)
                   ORDER BY id LIMIT ?4",
    workshops: "SELECT DISTINCT workshop_id, '' FROM workshop_audits
                WHERE ?1 = ?1 AND ?2 = ?2 AND workshop_id > ?3 ORDER BY 1 LIMIT ?4",
    hashes: "SELECT DISTINCT questionnaire_hash FROM audits WHERE ?1 = ?1 ORDER BY 1",
    links: "SELECT audit_id, added_at FROM workshop_audits WHERE ?1 = ?1 AND workshop_id = ?2
            ORDER BY added_at, audit_id",
};

static ASSOCIATION: Queries = Queries {
    audits: "SELECT id, '' FROM audits WHERE association_id = ?1 AND ?2 = ?2 AND id > ?3
             ORDER BY id LIMIT ?4",
    associations: "SELECT id, '' FROM associations a WHERE id = ?1 AND ?2 = ?2 AND id > ?3
                   AND EXISTS (SELECT 1 FROM audits WHERE association_id = a.id)
                   ORDER BY id LIMIT ?4",
    workshops: "SELECT DISTINCT wa.workshop_id, '' FROM workshop_audits wa
                JOIN audits au ON au.id = wa.audit_id
                WHERE au.association_id = ?1 AND ?2 = ?2 AND wa.workshop_id > ?3
                ORDER BY 1 LIMIT ?4",
    hashes: "SELECT DISTINCT questionnaire_hash FROM audits WHERE association_id = ?1 ORDER BY 1",
    links: "SELECT audit_id, added_at FROM workshop_audits WHERE workshop_id = ?2
            AND audit_id IN (SELECT id FROM audits WHERE association_id = ?1)
            ORDER BY added_at, audit_id",
};

static WORKSHOP: Queries = Queries {
    audits: "SELECT audit_id, added_at FROM workshop_audits
             WHERE workshop_id = ?1 AND (added_at, audit_id) > (?2, ?3)
             ORDER BY added_at, audit_id LIMIT ?4",
    associations: "SELECT DISTINCT au.association_id, '' FROM workshop_audits wa
                   JOIN audits au ON au.id = wa.audit_id
                   WHERE wa.workshop_id = ?1 AND ?2 = ?2 AND au.association_id > ?3
                   ORDER BY 1 LIMIT ?4",
    workshops: "SELECT id, '' FROM workshops w WHERE ?2 = ?2 AND id > ?3
                AND (id = ?1 OR EXISTS (SELECT 1 FROM workshop_audits x
                     JOIN workshop_audits y ON y.audit_id = x.audit_id
                     WHERE x.workshop_id = w.id AND y.workshop_id = ?1))
                ORDER BY id LIMIT ?4",
    hashes: "SELECT DISTINCT au.questionnaire_hash FROM workshop_audits wa
             JOIN audits au ON au.id = wa.audit_id WHERE wa.workshop_id = ?1 ORDER BY 1",
    links: "SELECT audit_id, added_at FROM workshop_audits WHERE workshop_id = ?2
            AND audit_id IN (SELECT audit_id FROM workshop_audits WHERE workshop_id = ?1)
            ORDER BY added_at, audit_id",
};

fn parts<'c>(
    c: &'c Connection,
    shown: &'c Path,
    selection: Selection<'_>,
) -> Result<Parts<'c>, Fail> {
    let (q, arg): (&'static Queries, &str) = match selection {
        Selection::All => (&ALL, ""),
        Selection::Association(id) => {
            if super::associations::get(c, id)?.is_none() {
                return Err(StoreError::UnknownAssociation(id.to_string()).into());
            }
            (&ASSOCIATION, id)
        }
        Selection::Workshop(id) => {
            if workshop::get(c, id)?.is_none() {
                return Err(workshop::unknown_workshop(id).into());
            }
            (&WORKSHOP, id)
        }
    };
    let mut questionnaires = Vec::new();
    for hash in column(c, q.hashes, arg)? {
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
    Ok(Parts {
        questionnaires,
        associations: Records {
            c,
            shown,
            q,
            ids: Pages::new(q.associations, arg),
            read: |c, _, _, id| {
                let a = association(c, id)?;
                a.map(Some)
                    .ok_or_else(|| StoreError::UnknownAssociation(id.to_string()).into())
            },
        },
        audits: Records {
            c,
            shown,
            q,
            ids: Pages::new(q.audits, arg),
            read: |c, _, _, id| audit(c, id).map(Some),
        },
        workshops: Records {
            c,
            shown,
            q,
            ids: Pages::new(q.workshops, arg),
            read: workshop_rec,
        },
    })
}

/// A workshop with its links to the audits the bundle carries (see [`Queries`]); `None` when it
/// is gone.
fn workshop_rec(
    c: &Connection,
    q: &Queries,
    arg: &str,
    id: &str,
) -> Result<Option<WorkshopRec>, Fail> {
    let Some(w) = workshop::get(c, id)? else {
        return Ok(None);
    };
    let mut stmt = c.prepare_cached(q.links)?;
    let audits = stmt
        .query_map(params![arg, id], |r| {
            Ok(WorkshopLink {
                audit_id: r.get(0)?,
                added_at: r.get(1)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(WorkshopRec {
        id: w.id,
        name: w.name,
        date: w.date,
        place: w.place,
        trainer: w.trainer,
        questionnaire_id: w.questionnaire_id,
        created_at: w.created_at,
        updated_at: w.updated_at,
        audits,
    }))
}
