//! The database schema and its migrations. `PRAGMA user_version` holds how many entries of
//! [`MIGRATIONS`] the file has received; opening a file applies the missing ones, all in one
//! transaction, so a file is always at one known version. Never edit a released migration:
//! append a new one (and a fixture database of the old version under `tests/fixtures/db/`).

use rusqlite::{Connection, TransactionBehavior};

/// `PRAGMA application_id` of a diagasso database ("DIAG"), so a file from another program is
/// recognised and left alone.
pub const APPLICATION_ID: i32 = 0x4449_4147;

/// Each entry moves the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4];

/// The schema version this build writes.
pub fn current_version() -> u32 {
    MIGRATIONS.len() as u32
}

const V1: &str = "
CREATE TABLE associations (
    id            TEXT PRIMARY KEY NOT NULL,
    name          TEXT NOT NULL,
    -- name folded to lower case without accents, for searching
    name_fold     TEXT NOT NULL,
    legal_form    TEXT NOT NULL,
    country       TEXT NOT NULL,
    postcode      TEXT NOT NULL,
    activity      TEXT NOT NULL,
    members       INTEGER,
    employees     INTEGER,
    volunteers    INTEGER,
    budget_eur    INTEGER,
    -- personal data: left out of anonymised exports, removed by erasure
    contact_name  TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

-- One copy of each questionnaire file an audit was started with, shared by hash.
CREATE TABLE questionnaires (
    hash            TEXT PRIMARY KEY NOT NULL,
    id              TEXT NOT NULL,
    version         INTEGER NOT NULL,
    question_count  INTEGER NOT NULL,
    source          TEXT NOT NULL
) STRICT;

CREATE TABLE audits (
    id                    TEXT PRIMARY KEY NOT NULL,
    association_id        TEXT NOT NULL REFERENCES associations(id) ON DELETE CASCADE,
    trainer               TEXT NOT NULL,
    questionnaire_hash    TEXT NOT NULL REFERENCES questionnaires(hash),
    questionnaire_id      TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    total                 INTEGER NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('in_progress', 'finished')),
    started_at            TEXT NOT NULL,
    finished_at           TEXT,
    updated_at            TEXT NOT NULL,
    note                  TEXT NOT NULL DEFAULT '',
    cursor                TEXT
) STRICT;
CREATE INDEX audits_by_update ON audits (updated_at DESC, id DESC);
CREATE INDEX audits_by_association ON audits (association_id);
CREATE INDEX audits_by_questionnaire ON audits (questionnaire_hash);

CREATE TABLE answers (
    audit_id    TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('answered', 'dont_know', 'not_applicable')),
    -- JSON of the value when state = 'answered', else NULL
    value       TEXT,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (audit_id, question_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE notes (
    audit_id    TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (audit_id, question_id)
) STRICT, WITHOUT ROWID;

-- Every change of an answer, in order; NULL state = no answer on that side.
CREATE TABLE trail (
    seq         INTEGER PRIMARY KEY,
    audit_id    TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    old_state   TEXT,
    old_value   TEXT,
    new_state   TEXT,
    new_value   TEXT,
    at          TEXT NOT NULL
) STRICT;
CREATE INDEX trail_by_audit ON trail (audit_id, seq);
";

/// Workshops, follow-up audits, and what bundle merging looks up.
const V2: &str = "
-- A workshop (name, date, place, trainer) groups audits, usually on one questionnaire.
CREATE TABLE workshops (
    id               TEXT PRIMARY KEY NOT NULL,
    name             TEXT NOT NULL,
    -- name folded to lower case without accents, for finding it by name
    name_fold        TEXT NOT NULL,
    -- YYYY-MM-DD
    date             TEXT NOT NULL,
    place            TEXT NOT NULL,
    trainer          TEXT NOT NULL,
    -- the questionnaire new audits of the workshop start on
    questionnaire_id TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE workshop_audits (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    audit_id    TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
    added_at    TEXT NOT NULL,
    PRIMARY KEY (workshop_id, audit_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX workshop_audits_by_audit ON workshop_audits (audit_id);

-- A follow-up audit names the audit it starts from. No foreign key: the earlier audit may live
-- on another trainer's laptop, or have been deleted; the link is then only a note.
ALTER TABLE audits ADD COLUMN previous_audit_id TEXT;
CREATE INDEX audits_by_previous ON audits (previous_audit_id)
    WHERE previous_audit_id IS NOT NULL;

-- Bundle merging looks trail entries up by question and time.
CREATE INDEX trail_by_question ON trail (audit_id, question_id, at);
";

/// One b-tree fewer to write with every answer saved: `trail_by_question` (audit, question,
/// time) serves every lookup by audit that `trail_by_audit` (audit, seq) served, and saving an
/// answer wrote both (P1 in BENCHMARKS.md).
const V3: &str = "
DROP INDEX IF EXISTS trail_by_audit;
";

/// Bundle merging by what each side changed, not by clocks: a trail entry a bundle dated in
/// the future (a laptop's clock ahead) is stored at the time of the import, and keeps the date
/// it was given, by which the same entry is recognised in later bundles.
const V4: &str = "
ALTER TABLE trail ADD COLUMN given_at TEXT;
";

/// Apply the missing migrations in one immediate transaction. Returns the version found before.
/// The caller has checked that the file is not newer than this build.
pub(crate) fn migrate(conn: &mut Connection) -> rusqlite::Result<u32> {
    migrate_with(conn, MIGRATIONS)
}

fn migrate_with(conn: &mut Connection, migrations: &[&str]) -> rusqlite::Result<u32> {
    let before = user_version(conn)?;
    if before >= migrations.len() as u32 {
        return Ok(before);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = apply_with(&tx, migrations)?;
    tx.commit()?;
    Ok(found)
}

/// Apply the missing migrations in `tx`, an open immediate transaction, which the caller
/// commits. The version is read again under the transaction's lock: another process may have
/// migrated the file since it was probed. Returns the version found.
pub(crate) fn apply(tx: &Connection) -> rusqlite::Result<u32> {
    apply_with(tx, MIGRATIONS)
}

fn apply_with(tx: &Connection, migrations: &[&str]) -> rusqlite::Result<u32> {
    let target = migrations.len() as u32;
    let found = user_version(tx)?;
    for sql in migrations.iter().skip(found as usize) {
        tx.execute_batch(sql)?;
    }
    if found < target {
        tx.pragma_update(None, "user_version", target)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    Ok(found)
}

/// The file's schema version; a negative number (never written by diagasso) reads as
/// `u32::MAX` so that it is refused as "newer".
pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    Ok(u32::try_from(v).unwrap_or(u32::MAX))
}

pub(crate) fn application_id(conn: &Connection) -> rusqlite::Result<i32> {
    conn.pragma_query_value(None, "application_id", |r| r.get(0))
}

/// How many tables the file holds (0 for a new, empty database).
pub(crate) fn table_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |r| r.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_migration_leaves_the_file_as_it_was() {
        let mut conn = Connection::open_in_memory().unwrap();
        let broken = [V1, "CREATE TABLE later (x TEXT); CREATE TABLE broken (;"];
        assert!(migrate_with(&mut conn, &broken).is_err());
        assert_eq!(user_version(&conn).unwrap(), 0);
        assert_eq!(table_count(&conn).unwrap(), 0, "nothing of V1 either");
        assert_eq!(migrate_with(&mut conn, MIGRATIONS).unwrap(), 0);
        assert_eq!(user_version(&conn).unwrap(), current_version());
        assert_eq!(application_id(&conn).unwrap(), APPLICATION_ID);
        // Already there: nothing to do.
        assert_eq!(
            migrate_with(&mut conn, MIGRATIONS).unwrap(),
            current_version()
        );
    }
}
