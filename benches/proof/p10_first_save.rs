//! P10: from opening a file of 1,000 and of 10,000 generated audits to the first answer saved,
//! as a session starts: `Store::open` then one `save_answer_over`, on a file the previous
//! session checked and closed cleanly (the usual case: `store/verified.rs`). Target: 1 s, and
//! not growing with the file (the larger's p50 within 2× the smaller's). The two sizes
//! alternate, so both see the same machine.
//!
//! Detail rows: the same after the file changed outside diagasso (a copy, a restore), when
//! the first write checks the whole file first (`PRAGMA quick_check`); this grows with the
//! file, and is paid once, by the first session after such a change.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use diagasso::audit::{Answer, Value};
use diagasso::store::Store;

use super::{Options, Row, Samples, ratio, show, testdata, work_dir};

/// A private copy of the generated database of `n` audits (a new file: no mark).
fn copy_of(n: usize) -> Result<PathBuf, String> {
    let (src, _) = testdata::database(&work_dir(), n)?;
    let dir = work_dir().join("p10");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let dst = dir.join(format!("audits-{n}.db"));
    for suffix in ["", "-wal", "-shm", "-verified"] {
        let mut p = dst.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    std::fs::copy(&src, &dst).map_err(|e| e.to_string())?;
    Ok(dst)
}

/// The first audit listed and its first text question.
fn target(path: &Path) -> Result<(String, String), String> {
    let store = Store::open(path).map_err(|e| e.message().en.clone())?;
    let audit = store
        .list_audits("", 0, 1)
        .map_err(|e| e.message().en.clone())?
        .first()
        .map(|s| s.id.clone())
        .ok_or("no audit")?;
    let q = testdata::questionnaire();
    let question = q
        .questions()
        .find(|(_, q)| q.kind == diagasso::questionnaire::Kind::Text)
        .map(|(_, q)| q.id.clone())
        .ok_or("no text question")?;
    Ok((audit, question))
}

/// Open, save one answer (a change), and the time that took; the store is closed after.
fn session(path: &Path, audit: &str, question: &str, i: usize) -> Result<Duration, String> {
    let answer = Answer::Given(Value::Text(format!("Séance {i} : réponse d'essai.")));
    let t = Instant::now();
    let mut store = Store::open(path).map_err(|e| e.message().en.clone())?;
    let seen = store
        .audit(audit)
        .map_err(|e| e.message().en.clone())?
        .and_then(|a| a.answer_map().get(question).cloned());
    store
        .save_answer_over(audit, question, seen.as_ref(), Some(&answer))
        .map_err(|e| e.message().en.clone())?;
    let took = t.elapsed();
    drop(store);
    Ok(took)
}

pub fn run(o: &Options) -> Result<Vec<Row>, String> {
    let sizes = [1_000, 10_000];
    let mut files = Vec::new();
    let mut first = Vec::new();
    for n in sizes {
        let path = copy_of(n)?;
        let (audit, question) = target(&path)?;
        // A file just copied: its first session checks it whole (and marks it at close).
        first.push(session(&path, &audit, &question, 0)?);
        files.push((path, audit, question));
    }
    let rounds = if o.quick { 3 } else { 30 };
    let mut v: [Vec<Duration>; 2] = Default::default();
    for i in 1..=rounds {
        for (k, (path, audit, question)) in files.iter().enumerate() {
            v[k].push(session(path, audit, question, i)?);
        }
    }
    let _ = std::fs::remove_dir_all(work_dir().join("p10"));
    let [small, large] = v.map(Samples::new);
    let flat = ratio(large.median(), small.median());
    let met = large.median() <= Duration::from_secs(1) && flat <= 2.0;
    Ok(vec![
        Row {
            part: "P10",
            what: format!(
                "open a file of 10,000 audits and save the first answer, p50 ({rounds} sessions)"
            ),
            figure: show(large.median()),
            reference: format!("{} (1,000 audits)", show(small.median())),
            ratio: format!("{flat:.2}×"),
            target: "≤ 1 s, ≤ 2× the 1,000",
            met: Some(met),
        },
        Row {
            part: "P10",
            what: "(detail) the same, p99".into(),
            figure: show(large.pct(99.0)),
            reference: format!("{} (1,000 audits)", show(small.pct(99.0))),
            ratio: format!("{:.2}×", ratio(large.pct(99.0), small.pct(99.0))),
            target: "—",
            met: None,
        },
        Row {
            part: "P10",
            what: "(detail) first session after the file changed elsewhere: whole-file check first"
                .into(),
            figure: show(first[1]),
            reference: format!("{} (1,000 audits)", show(first[0])),
            ratio: format!("{:.2}×", ratio(first[1], first[0])),
            target: "—",
            met: None,
        },
    ])
}
