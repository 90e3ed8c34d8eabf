//! Merging one audit's answers from a bundle (see `merge`): per question, the bundle's trail
//! entries missing here are added (same audit, question, time and new value = same entry), the
//! latest change wins, and a question both sides changed since their last common trail entry,
//! to different answers, is a conflict.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, params};

use super::codec;
use super::error::Fail;
use super::merge::{Conflict, Kept, MergeReport};
use crate::audit::Answer;
use crate::bundle::{AnswerRec, AuditRec, Stored};

pub(super) fn stored(x: &AnswerRec) -> Stored {
    Stored {
        state: x.state.clone(),
        value: x.value.clone(),
    }
}

pub(super) fn decode(s: Option<&Stored>) -> Result<Option<Answer>, Fail> {
    s.map(Stored::answer).transpose().map_err(Fail::unreadable)
}

/// One trail entry: (time, old, new).
type Entry = (String, Option<Answer>, Option<Answer>);

pub(super) fn answers(tx: &Connection, a: &AuditRec, r: &mut MergeReport) -> Result<(), Fail> {
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
        "SELECT question_id, old_state, old_value, new_state, new_value, at FROM trail
         WHERE audit_id = ?1 ORDER BY at, seq",
    )?;
    let rows = stmt
        .query_map([&a.id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, String>(5)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    for (q, os, ov, ns, nv, at) in rows {
        let old = codec::decode_opt(os.as_deref(), ov.as_deref()).map_err(Fail::unreadable)?;
        let new = codec::decode_opt(ns.as_deref(), nv.as_deref()).map_err(Fail::unreadable)?;
        here_trail.entry(q).or_default().push((at, old, new));
    }
    let mut theirs: HashMap<&str, (Answer, &str)> = HashMap::new();
    for x in &a.answers {
        if let Some(ans) = decode(Some(&stored(x)))? {
            theirs.insert(&x.question_id, (ans, &x.updated_at));
        }
    }
    let mut their_trail: HashMap<&str, Vec<Entry>> = HashMap::new();
    for t in &a.trail {
        let entry = (
            t.at.clone(),
            decode(t.old.as_ref())?,
            decode(t.new.as_ref())?,
        );
        their_trail.entry(&t.question_id).or_default().push(entry);
    }
    let questions: BTreeSet<&str> = here
        .keys()
        .map(String::as_str)
        .chain(here_trail.keys().map(String::as_str))
        .chain(theirs.keys().copied())
        .chain(their_trail.keys().copied())
        .collect();
    let empty: Vec<Entry> = Vec::new();
    for q in questions {
        let mine = here_trail.get(q).unwrap_or(&empty);
        let other = their_trail.get(q).unwrap_or(&empty);
        let same = |x: &Entry, y: &Entry| x.0 == y.0 && x.2 == y.2;
        for e in other.iter().filter(|e| !mine.iter().any(|m| same(m, e))) {
            let (old, new) = (e.1.as_ref().map(Stored::of), e.2.as_ref().map(Stored::of));
            put_trail(tx, &a.id, q, old.as_ref(), new.as_ref(), &e.0)?;
            r.trail_added += 1;
        }
        let last_common = mine
            .iter()
            .filter(|m| other.iter().any(|o| same(m, o)))
            .map(|m| m.0.as_str())
            .max();
        let after = |list: &[Entry], peer: &[Entry]| {
            list.iter().any(|e| {
                last_common.is_none_or(|c| e.0.as_str() > c) && !peer.iter().any(|p| same(p, e))
            })
        };
        let both_changed = after(mine, other) && after(other, mine);
        let l = here.get(q).map(|(x, _)| x);
        let i = theirs.get(q).map(|(x, _)| x);
        if l == i {
            continue;
        }
        let time = |answer_at: Option<&str>, list: &[Entry]| -> Option<String> {
            let last = list.last().map(|e| e.0.as_str());
            answer_at.max(last).map(str::to_string)
        };
        let lt = time(here.get(q).map(|(_, at)| at.as_str()), mine);
        let it = time(theirs.get(q).map(|(_, at)| *at), other);
        let take = match (&lt, &it) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(l), Some(i)) => i > l,
        };
        if both_changed {
            r.conflicts.push(Conflict {
                audit_id: a.id.clone(),
                association: name(tx, &a.association_id)?,
                question_id: q.to_string(),
                here: l.cloned(),
                here_at: lt.clone().unwrap_or_default(),
                bundle: i.cloned(),
                bundle_at: it.clone().unwrap_or_default(),
                kept: if take { Kept::Bundle } else { Kept::Here },
            });
        }
        if take {
            let at = theirs
                .get(q)
                .map_or_else(|| it.unwrap_or_default(), |(_, at)| at.to_string());
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

pub(super) fn put_trail(
    tx: &Connection,
    audit: &str,
    question: &str,
    old: Option<&Stored>,
    new: Option<&Stored>,
    at: &str,
) -> Result<(), Fail> {
    let (os, ov) = codec::encode_opt(decode(old)?.as_ref());
    let (ns, nv) = codec::encode_opt(decode(new)?.as_ref());
    tx.execute(
        "INSERT INTO trail (audit_id, question_id, old_state, old_value, new_state, new_value, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![audit, question, os, ov, ns, nv, at],
    )?;
    Ok(())
}
