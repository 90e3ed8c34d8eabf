//! A bundle's questionnaire copies against the ones here (issue 12, point 12): a questionnaire
//! is named by its id and version, so one name must never stand for two contents.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension, params};

use super::error::Fail;
use super::merge::refuse;
use crate::questionnaire::Questionnaire;

/// A questionnaire is named by its id and version: a copy new here (by hash) whose id and
/// version another copy already has, here or in the bundle, is another questionnaire under the
/// same name. Which one an audit means could no longer be told from its name: refused, naming
/// both hashes (the questionnaire was edited without its version being raised).
pub(super) fn same_identity_other_content(
    tx: &Connection,
    hash: &str,
    q: &Questionnaire,
    added: &HashSet<String>,
) -> Result<(), Fail> {
    let known: Option<String> = tx
        .query_row(
            "SELECT hash FROM questionnaires WHERE hash = ?1",
            [hash],
            |r| r.get(0),
        )
        .optional()?;
    if known.is_some() {
        return Ok(());
    }
    let other: Option<String> = tx
        .query_row(
            "SELECT hash FROM questionnaires WHERE id = ?1 AND version = ?2 AND hash <> ?3
             ORDER BY hash LIMIT 1",
            params![q.id, q.version, hash],
            |r| r.get(0),
        )
        .optional()?;
    let Some(other) = other else {
        return Ok(());
    };
    let (fr_where, en_where) = if added.contains(&other) {
        ("un autre du même paquet", "another one in the same bundle")
    } else {
        ("celui de cette base", "the one in this database")
    };
    Err(refuse(
        format!(
            "le paquet apporte le questionnaire « {} » version {} avec un autre contenu que {fr_where} (empreintes {hash} et {other}) : deux questionnaires différents porteraient le même nom. Paquet refusé, rien n'a été écrit. Le questionnaire a été modifié sans changer de version : donnez-lui une nouvelle version.",
            q.id, q.version
        ),
        format!(
            "the bundle brings questionnaire '{}' version {} with other content than {en_where} (hashes {hash} and {other}): two different questionnaires would carry one name. Bundle refused, nothing was written. The questionnaire was edited without a new version: give it one.",
            q.id, q.version
        ),
    ))
}
