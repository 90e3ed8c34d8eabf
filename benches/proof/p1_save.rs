//! P1: saving one answer as the walk does (`Store::save_answer_over`: over the answer the walk
//! last read, compared inside the transaction; the answer, its trail entry and the audit's
//! `updated_at` in one immediate transaction, WAL, synchronous=FULL) in a database
//! of 1,000 generated audits, against the least a durable write can cost: a bare rusqlite
//! `BEGIN IMMEDIATE; INSERT; COMMIT` with the same pragmas, in a file in the same folder.
//! The two alternate sample by sample, so both see the same disk and the same neighbours.
//! A new file is checked whole as it is created (`store/conn.rs`), before any sample.
//!
//! The same pair is then timed in memory (`:memory:`, no disk at all): what is left is the CPU
//! each save costs beyond a bare insert, which the disk's sync time hides or not.

use std::time::{Duration, Instant};

use diagasso::audit::{Answer, Value};
use diagasso::questionnaire::Kind;
use diagasso::store::Store;
use rusqlite::{Connection, params};

use super::{Options, Row, Samples, ratio, show, testdata, work_dir};

pub fn run(o: &Options) -> Result<Vec<Row>, String> {
    let dir = work_dir().join("p1");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let n = if o.quick { 50 } else { 2_000 };
    let on_disk = {
        let store = Store::open(&dir.join("audits.db")).map_err(|e| e.message().en.clone())?;
        let conn = bare(Some(&dir.join("reference.db"))).map_err(|e| e.to_string())?;
        pair(store, &conn, n)?
    };
    let in_memory = {
        let store = Store::open_in_memory().map_err(|e| e.message().en.clone())?;
        let conn = bare(None).map_err(|e| e.to_string())?;
        pair(store, &conn, n)?
    };
    let _ = std::fs::remove_dir_all(&dir);
    let (a, b) = on_disk;
    let row = |what: &str, x: Duration, y: Duration| Row {
        part: "P1",
        what: format!(
            "save one answer, {what} ({} samples, 1,000 audits)",
            a.len()
        ),
        figure: show(x),
        reference: format!("{} (bare INSERT+COMMIT)", show(y)),
        ratio: format!("{:.2}×", ratio(x, y)),
        target: "≤ 1.3×",
        met: Some(ratio(x, y) <= 1.3),
    };
    let (ma, mb) = in_memory;
    Ok(vec![
        row("p50", a.median(), b.median()),
        row("p99", a.pct(99.0), b.pct(99.0)),
        Row {
            part: "P1",
            what: "(detail) the same pair in memory, no disk: the CPU part, p50".into(),
            figure: show(ma.median()),
            reference: format!("{} (bare INSERT+COMMIT)", show(mb.median())),
            ratio: format!("{:.2}×", ratio(ma.median(), mb.median())),
            target: "—",
            met: None,
        },
    ])
}

/// Fill `store` with 1,000 generated audits, then alternate `n` saves of one answer (each a
/// change) with `n` bare inserts on `conn`; the two sets of samples.
fn pair(mut store: Store, conn: &Connection, n: usize) -> Result<(Samples, Samples), String> {
    let q = testdata::questionnaire();
    testdata::fill(&mut store, &q, 7, 0, 1_000, 500)?;
    // An audit of the middle of the file, and a text question it shows.
    let audit_id = store
        .list_audits("", 500, 1)
        .map_err(|e| e.message().en.clone())?
        .first()
        .map(|s| s.id.clone())
        .ok_or("no audit generated")?;
    let audit = store
        .audit(&audit_id)
        .map_err(|e| e.message().en.clone())?
        .ok_or("audit vanished")?;
    let visible = q.visible(&audit.answer_map());
    let question = q
        .questions()
        .zip(visible)
        .find(|((_, question), shown)| *shown && question.kind == Kind::Text)
        .map(|((_, question), _)| question.id.clone())
        .ok_or("no text question shown")?;
    // Saved as the walk saves: over the answer it last read (`save_answer_over`).
    let mut seen = audit.answer_map().get(&question).cloned();
    let warmup = 20;
    let mut a = Vec::with_capacity(n);
    let mut b = Vec::with_capacity(n);
    for i in 0..n + warmup {
        // Each save changes the answer, so each one writes.
        let text = format!("Réponse numéro {i} : le trésorier garde les clés.");
        let answer = Answer::Given(Value::Text(text.clone()));
        let t = Instant::now();
        store
            .save_answer_over(&audit_id, &question, seen.as_ref(), Some(&answer))
            .map_err(|e| e.message().en.clone())?;
        let ours_t = t.elapsed();
        seen = Some(answer);
        let t = Instant::now();
        insert(conn, &audit_id, &question, &text).map_err(|e| e.to_string())?;
        let ref_t = t.elapsed();
        if i >= warmup {
            a.push(ours_t);
            b.push(ref_t);
        }
    }
    let trail = store
        .trail(&audit_id)
        .map_err(|e| e.message().en.clone())?
        .len();
    if trail < n {
        return Err(format!("only {trail} trail entries for {n} saves"));
    }
    Ok((Samples::new(a), Samples::new(b)))
}

/// The reference file (or memory): the pragmas the store sets (`store/open.rs`) and one plain
/// table.
fn bare(path: Option<&std::path::Path>) -> rusqlite::Result<Connection> {
    let conn = match path {
        Some(path) => {
            let conn = Connection::open(path)?;
            let _: String =
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            conn
        }
        None => Connection::open_in_memory()?,
    };
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "secure_delete", true)?;
    conn.execute_batch(
        "CREATE TABLE answers (seq INTEGER PRIMARY KEY, audit_id TEXT NOT NULL,
            question_id TEXT NOT NULL, value TEXT NOT NULL) STRICT;",
    )?;
    Ok(conn)
}

fn insert(conn: &Connection, audit: &str, question: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    conn.execute(
        "INSERT INTO answers (audit_id, question_id, value) VALUES (?1, ?2, ?3)",
        params![audit, question, value],
    )?;
    conn.execute_batch("COMMIT")
}
