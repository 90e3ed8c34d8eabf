//! Merging one audit's answers from a bundle (see `merge`), by what each side changed since
//! they last exchanged: a trail entry is the same on both sides when its audit, question, date
//! (the date first given to it) and new value are. The side whose history holds the other's
//! wins, whatever the clocks; a question both sides changed, to different answers, is a
//! conflict (issue 12, point 3).

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, params};

use super::codec;
use super::error::Fail;
use super::merge::{Conflict, Kept, MergeReport};
use super::merge_clock::Clock;
use crate::audit::Answer;
use crate::bundle::{AnswerRec, AuditRec, Stored, TrailRec};

pub(super) fn stored(x: &AnswerRec) -> Stored {
    Stored {
        state: x.state.clone(),
        value: x.value.clone(),
    }
}

pub(super) fn decode(s: Option<&Stored>) -> Result<Option<Answer>, Fail> {
    s.map(Stored::answer).transpose().map_err(Fail::unreadable)
}

/// One trail entry: the date it is known by (the date first given to it), its time here, and
/// the answer it set.
struct Entry {
    key: String,
    at: String,
    new: Option<Answer>,
}

impl Entry {
    /// The same change on both sides: known by the same date, to the same answer.
    fn same(&self, other: &Entry) -> bool {
        self.key == other.key && self.new == other.new
    }
}

/// Per question, by what each side changed since they last exchanged, not by clocks:
///
/// - the bundle's trail entries missing here are added (dates in the future brought back to
///   the import's time, keeping the date given, by which the entry is known later);
/// - nothing new in the bundle for a question: the answer here stays;
/// - nothing new here that the bundle lacks: the bundle's answer is taken (its history holds
///   this one's, whatever the clocks said);
/// - both changed it and disagree: a conflict, listed; the side changed last is kept, a side
///   dated in the future never winning by its date.
pub(super) fn answers(
    tx: &Connection,
    a: &AuditRec,
    clock: &Clock,
    r: &mut MergeReport,
) -> Result<(), Fail> {
    let mut here: HashMap<String, (Answer, String)> = HashMap::new();
    let mut stmt = tx
        .prepare("SELECT question_id, state, value, updated_at FROM answers WHERE audit_id = ?1")?;
    let rows = stmt
        .query_map([&a.id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (q, state, value, at) in rows {
        let answer = codec::decode(&state, value.as_deref()).map_err(Fail::unreadable)?;
        here.insert(q, (answer, at));
    }
    let mut here_trail: HashMap<String, Vec<Entry>> = HashMap::new();
    let mut stmt = tx.prepare(
        "SELECT question_id, new_state, new_value, at, given_at FROM trail
         WHERE audit_id = ?1 ORDER BY at, seq",
    )?;
    let rows = stmt
        .query_map([&a.id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (q, ns, nv, at, given) in rows {
        let new = codec::decode_opt(ns.as_deref(), nv.as_deref()).map_err(Fail::unreadable)?;
        let key = given.unwrap_or_else(|| at.clone());
        here_trail
            .entry(q)
            .or_default()
            .push(Entry { key, at, new });
    }
    let mut theirs: HashMap<&str, (Answer, &str)> = HashMap::new();
    for x in &a.answers {
        if let Some(ans) = decode(Some(&stored(x)))? {
            theirs.insert(&x.question_id, (ans, &x.updated_at));
        }
    }
    let mut their_trail: HashMap<&str, Vec<(Entry, &TrailRec)>> = HashMap::new();
    for t in &a.trail {
        let entry = Entry {
            key: t.given_at.clone().unwrap_or_else(|| t.at.clone()),
            at: t.at.clone(),
            new: decode(t.new.as_ref())?,
        };
        their_trail
            .entry(&t.question_id)
            .or_default()
            .push((entry, t));
    }
    let questions: BTreeSet<&str> = here
        .keys()
        .map(String::as_str)
        .chain(here_trail.keys().map(String::as_str))
        .chain(theirs.keys().copied())
        .chain(their_trail.keys().copied())
        .collect();
    let (no_mine, no_theirs) = (Vec::new(), Vec::new());
    for q in questions {
        let mine = here_trail.get(q).unwrap_or(&no_mine);
        let other = their_trail.get(q).unwrap_or(&no_theirs);
        let their_new: Vec<&(Entry, &TrailRec)> = other
            .iter()
            .filter(|(e, _)| !mine.iter().any(|m| m.same(e)))
            .collect();
        let my_new = mine.iter().any(|m| !other.iter().any(|(e, _)| e.same(m)));
        for (_, t) in &their_new {
            put_trail(tx, &a.id, t, clock, r)?;
            r.trail_added += 1;
        }
        let l = here.get(q).map(|(x, _)| x);
        let i = theirs.get(q).map(|(x, _)| x);
        if l == i || (their_new.is_empty() && (my_new || !mine.is_empty() || l.is_some())) {
            // Agreeing, or nothing new there: the answer here stays.
            continue;
        }
        let both_changed = my_new && !their_new.is_empty();
        let take = if both_changed {
            // A true conflict: the latest change wins, a date in the future never does.
            let latest = |times: Vec<&str>| times.into_iter().max().map(str::to_string);
            let lt = latest(
                mine.iter()
                    .map(|m| m.at.as_str())
                    .chain(here.get(q).map(|(_, at)| at.as_str()))
                    .collect(),
            );
            let it = latest(
                their_new
                    .iter()
                    .map(|(e, _)| e.at.as_str())
                    .chain(theirs.get(q).map(|(_, at)| *at))
                    .collect(),
            );
            let believed = |t: &Option<String>| t.clone().filter(|t| !clock.future(t));
            let take = match (believed(&lt), believed(&it)) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some(l), Some(i)) => i > l,
            };
            r.conflicts.push(Conflict {
                audit_id: a.id.clone(),
                association: name(tx, &a.association_id)?,
                question_id: q.to_string(),
                here: l.cloned(),
                here_at: lt.unwrap_or_default(),
                bundle: i.cloned(),
                bundle_at: it.unwrap_or_default(),
                kept: if take { Kept::Bundle } else { Kept::Here },
            });
            take
        } else {
            // Their history holds everything this side did: theirs is the later state.
            true
        };
        if take {
            let at = theirs
                .get(q)
                .map(|(_, at)| at.to_string())
                .or_else(|| their_new.iter().map(|(e, _)| e.at.clone()).max())
                .unwrap_or_else(|| clock.now.clone());
            let at = clock.clamp(&at, r);
            put_answer(tx, &a.id, q, i.map(Stored::of).as_ref(), &at)?;
            r.answers_taken += 1;
        }
    }
    Ok(())
}

fn name(tx: &Connection, association_id: &str) -> Result<String, Fail> {
    Ok(tx
        .query_row(
            "SELECT name FROM associations WHERE id = ?1",
            [association_id],
            |row| row.get(0),
        )
        .optional()?
        .unwrap_or_default())
}

pub(super) fn put_answer(
    tx: &Connection,
    audit: &str,
    question: &str,
    s: Option<&Stored>,
    at: &str,
) -> Result<(), Fail> {
    match decode(s)? {
        Some(answer) => {
            let (state, value) = codec::encode(&answer);
            tx.execute(
                "INSERT INTO answers (audit_id, question_id, state, value, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (audit_id, question_id) DO UPDATE SET state = excluded.state,
                    value = excluded.value, updated_at = excluded.updated_at",
                params![audit, question, state, value, at],
            )?;
        }
        None => {
            tx.execute(
                "DELETE FROM answers WHERE audit_id = ?1 AND question_id = ?2",
                params![audit, question],
            )?;
        }
    }
    Ok(())
}

/// Add a trail entry of the bundle; a date in the future is brought back to the import's time
/// and kept as the date given (the entry's name in later merges).
pub(super) fn put_trail(
    tx: &Connection,
    audit: &str,
    t: &TrailRec,
    clock: &Clock,
    r: &mut MergeReport,
) -> Result<(), Fail> {
    let (os, ov) = codec::encode_opt(decode(t.old.as_ref())?.as_ref());
    let (ns, nv) = codec::encode_opt(decode(t.new.as_ref())?.as_ref());
    let at = clock.clamp(&t.at, r);
    let given_at = t
        .given_at
        .clone()
        .or_else(|| (at != t.at).then(|| t.at.clone()));
    tx.execute(
        "INSERT INTO trail (audit_id, question_id, old_state, old_value, new_state, new_value, at,
            given_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![audit, t.question_id, os, ov, ns, nv, at, given_at],
    )?;
    Ok(())
}
