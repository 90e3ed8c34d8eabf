//! P9: peak memory (the resident high-water mark the kernel reports for a finished child,
//! `ru_maxrss` from `wait4`) and time of the real binary writing everything out —
//! `export --all --format csv` and `bundle export --all` — on 10,000 and 100,000 generated
//! audits; and, as a detail, `bundle import` of the 10,000-audit bundle into an empty file.
//! Beside them, the same measure of `diagasso list` on an empty filter result (start, open,
//! probe: what a process costs before it reads anything). Memory should not grow with the
//! number of audits (target ≤ 100 MB at both sizes), time linearly (100,000 ≤ 12× 10,000).
//!
//! `DIAGASSO_P9_SIZES=10000` measures one size only (the 100,000-audit database takes a long
//! time to generate on a small machine; it is generated once and kept).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Options, Row, Samples, binary, ratio, show, testdata, work_dir};

/// A finished run: wall time and peak resident memory in kB.
struct Measure {
    time: Duration,
    peak_kb: u64,
}

/// Run the binary with `args` on `db`, wait for it with `wait4`, return what it took.
fn measure(db: &Path, args: &[&str]) -> Result<Measure, String> {
    let t = Instant::now();
    let child = Command::new(binary())
        .arg("--db")
        .arg(db)
        .args(["--lang", "fr"])
        .args(args)
        .env_remove("DIAGASSO_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child, with valid pointers to the two out-parameters.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let time = t.elapsed();
    if rc != pid {
        return Err(format!("wait4: {}", std::io::Error::last_os_error()));
    }
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let mut stderr = String::new();
        if let Some(mut e) = child.stderr {
            use std::io::Read;
            let _ = e.read_to_string(&mut stderr);
        }
        return Err(format!("diagasso {args:?} failed ({status}): {stderr}"));
    }
    Ok(Measure {
        time,
        peak_kb: usage.ru_maxrss as u64,
    })
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

/// Median time and highest peak of `n` runs.
fn runs(
    n: usize,
    mut once: impl FnMut() -> Result<Measure, String>,
) -> Result<(Duration, u64), String> {
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..n {
        let m = once()?;
        times.push(m.time);
        peak = peak.max(m.peak_kb);
    }
    Ok((Samples::new(times).median(), peak))
}

pub fn run(o: &Options) -> Result<Vec<Row>, String> {
    let sizes: Vec<usize> = std::env::var("DIAGASSO_P9_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    let dir = work_dir().join("p9");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let out = dir.to_string_lossy().into_owned();
    let bundle = dir.join("tout.diagasso.json");
    let bundle_s = bundle.to_string_lossy().into_owned();
    let mut rows = Vec::new();
    // (size, csv time, csv peak, bundle time, bundle peak, bundle bytes)
    let mut seen: Vec<(usize, Duration, u64, Duration, u64, u64)> = Vec::new();
    for &n in &sizes {
        let (db, _) = testdata::database(&work_dir(), n)?;
        let repeat = if o.quick || n > 20_000 { 1 } else { 3 };
        let base = measure(&db, &["list", "--filter", "aucune association de ce nom"])?;
        let (csv_t, csv_kb) = runs(repeat, || {
            measure(
                &db,
                &[
                    "export", "--all", "--format", "csv", "--out", &out, "--force",
                ],
            )
        })?;
        let csv_bytes = std::fs::metadata(dir.join("diagnostics.csv")).map_or(0, |m| m.len());
        let (b_t, b_kb) = runs(repeat, || {
            measure(&db, &["bundle", "export", "--all", &bundle_s, "--force"])
        })?;
        let b_bytes = std::fs::metadata(&bundle).map_or(0, |m| m.len());
        let per_k = |t: Duration| t.as_secs_f64() * 1000.0 / (n as f64 / 1000.0);
        for (what, t, kb, bytes) in [
            ("`export --all --format csv`", csv_t, csv_kb, csv_bytes),
            ("`bundle export --all`", b_t, b_kb, b_bytes),
        ] {
            rows.push(Row {
                part: "P9",
                what: format!(
                    "{what}, {n} audits: peak memory and time (file {:.0} MB, {:.1} ms per 1,000 audits)",
                    bytes as f64 / 1e6,
                    per_k(t)
                ),
                figure: format!("{:.1} MB, {}", mb(kb), show(t)),
                reference: format!("{:.1} MB (`list`, no row)", mb(base.peak_kb)),
                ratio: format!("{:.2}×", kb as f64 / base.peak_kb.max(1) as f64),
                target: "≤ 100 MB",
                met: Some(mb(kb) <= 100.0),
            });
        }
        if n == 10_000 {
            // The bundle just written, merged into an empty file (read twice as a stream).
            let empty = dir.join("vide.db");
            let _ = std::fs::remove_file(&empty);
            let m = measure(&empty, &["bundle", "import", &bundle_s])?;
            rows.push(Row {
                part: "P9",
                what: format!(
                    "(detail) `bundle import` of that 10,000-audit bundle ({:.0} MB) into an empty file",
                    b_bytes as f64 / 1e6
                ),
                figure: format!("{:.1} MB, {}", mb(m.peak_kb), show(m.time)),
                reference: format!("{:.1} MB (`list`, no row)", mb(base.peak_kb)),
                ratio: format!("{:.2}×", m.peak_kb as f64 / base.peak_kb.max(1) as f64),
                target: "≤ 100 MB",
                met: Some(mb(m.peak_kb) <= 100.0),
            });
            let _ = std::fs::remove_file(&empty);
        }
        seen.push((n, csv_t, csv_kb, b_t, b_kb, b_bytes));
    }
    if let [small, .., big] = seen.as_slice() {
        let scale = big.0 as f64 / small.0 as f64;
        for (what, a, b) in [
            ("`export --all --format csv`", small.1, big.1),
            ("`bundle export --all`", small.3, big.3),
        ] {
            let r = ratio(b, a);
            rows.push(Row {
                part: "P9",
                what: format!("{what}: time at {} against {} audits", big.0, small.0),
                figure: show(b),
                reference: show(a),
                ratio: format!("{r:.2}× for {scale:.0}× the audits"),
                target: "≤ 1.2 × linear",
                met: Some(r <= scale * 1.2),
            });
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(rows)
}
