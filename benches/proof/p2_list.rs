//! P2: `diagasso list` on 10,000 audits as a whole process (start, open and probe the file,
//! query, format, print), against the `sqlite3` command-line tool running the same query on
//! the same file. Both print to a pipe that is read to the end; runs alternate. As a detail,
//! `sqlite3` running only the full integrity check (`PRAGMA quick_check(1)`, which reads the
//! whole file: what every open cost diagasso until the check moved to the first write), and
//! `diagasso list` of an empty filter result (open + probe, no rows).

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Options, Row, Samples, binary, ratio, show, testdata, work_dir};

/// The query of `store/list.rs` without a filter, every row.
const QUERY: &str = "SELECT a.id, a.association_id, s.name, a.questionnaire_id,
    a.questionnaire_version,
    (SELECT count(*) FROM answers w WHERE w.audit_id = a.id),
    a.total, a.status, a.updated_at
    FROM audits a JOIN associations s ON s.id = a.association_id
    ORDER BY a.updated_at DESC, a.id DESC;";

/// Run a command, read its output to the end, return the time and the number of lines.
fn timed(cmd: &mut Command) -> Result<(Duration, usize), String> {
    let t = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_end(&mut out).map_err(|e| e.to_string())?;
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let elapsed = t.elapsed();
    if !status.success() {
        return Err(format!("{cmd:?} failed: {status}"));
    }
    Ok((elapsed, out.iter().filter(|&&b| b == b'\n').count()))
}

fn ours(db: &Path) -> Command {
    let mut c = Command::new(binary());
    c.arg("--db").arg(db).args(["--lang", "fr", "list"]);
    c.env_remove("DIAGASSO_DB");
    c
}

fn reference(db: &Path) -> Command {
    let mut c = Command::new("sqlite3");
    c.arg(db).arg(QUERY);
    c
}

pub fn run(o: &Options) -> Result<Vec<Row>, String> {
    if Command::new("sqlite3").arg("-version").output().is_err() {
        return Err("sqlite3 is not installed (scripts/bench.sh installs it)".into());
    }
    let (db, _) = testdata::database(&work_dir(), 10_000)?;
    // Warm up both (page cache, first WAL set-up) and check they list the same rows.
    let (_, our_lines) = timed(&mut ours(&db))?;
    let (_, ref_lines) = timed(&mut reference(&db))?;
    if our_lines != ref_lines + 1 {
        return Err(format!(
            "diagasso listed {our_lines} lines (with its header), sqlite3 {ref_lines}"
        ));
    }
    let n = if o.quick { 3 } else { 30 };
    let (mut a, mut b, mut c, mut d) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        a.push(timed(&mut ours(&db))?.0);
        b.push(timed(&mut reference(&db))?.0);
        let mut probe = Command::new("sqlite3");
        probe.arg(&db).arg("PRAGMA quick_check(1);");
        c.push(timed(&mut probe)?.0);
        let mut none = ours(&db);
        none.args(["--filter", "aucune association de ce nom"]);
        d.push(timed(&mut none)?.0);
    }
    let (a, b, c, d) = (
        Samples::new(a),
        Samples::new(b),
        Samples::new(c),
        Samples::new(d),
    );
    let r = ratio(a.median(), b.median());
    let detail = Row {
        part: "P2",
        what: "(detail) the full check alone, `sqlite3 PRAGMA quick_check(1)` (run before a first write, no longer on open) / `diagasso list` with no row to show".into(),
        figure: format!("{} / {}", show(c.median()), show(d.median())),
        reference: "—".into(),
        ratio: format!("{:.0} % / {:.0} % of `diagasso list`", 100.0 * ratio(c.median(), a.median()), 100.0 * ratio(d.median(), a.median())),
        target: "—",
        met: None,
    };
    Ok(vec![
        Row {
            part: "P2",
            what: format!(
                "`diagasso list`, 10,000 audits, whole process, median of {}",
                a.len()
            ),
            figure: show(a.median()),
            reference: format!("{} (sqlite3, same query)", show(b.median())),
            ratio: format!("{r:.2}×"),
            target: "≤ 3×",
            met: Some(r <= 3.0),
        },
        detail,
    ])
}
