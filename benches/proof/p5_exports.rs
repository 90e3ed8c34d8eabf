//! P5: every export of one full audit, rendered in memory (`export::render`, embedded templates,
//! the plan computed once beforehand): Markdown, HTML, JSON, CSV and the annonce, then the same
//! with the PDF; each sample renders the whole set. Beside them, `diagasso export` of all six
//! formats as a whole process (open the file, plan, render, write six files).

use std::process::Command;
use std::time::{Duration, Instant};

use diagasso::export::{self, Format, Input, Options, Templates};
use diagasso::i18n::Lang;
use diagasso::store::Store;

use super::{Options as BenchOptions, Row, Samples, binary, show, testdata, work_dir};

pub fn run(o: &BenchOptions) -> Result<Vec<Row>, String> {
    let dir = work_dir().join("p5");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let db = dir.join("audit.db");
    let q = testdata::questionnaire();
    let audit_id = {
        let mut store = Store::open(&db).map_err(|e| e.message().en.clone())?;
        // The first complete generated audit (seed 5) that carries notes.
        let g = (0..50)
            .map(|i| testdata::audit(&q, 5, i))
            .find(|g| g.answers.len() > 60 && !g.notes.is_empty())
            .ok_or("no full audit with notes generated")?;
        store
            .create_audit(&diagasso::store::NewAudit {
                association: &g.association,
                trainer: "Dominique",
                questionnaire: &q,
                answers: &g.answers,
                notes: &g.notes,
                note: &g.note,
            })
            .map_err(|e| e.message().en.clone())?
            .audit_id
    };
    let store = Store::open(&db).map_err(|e| e.message().en.clone())?;
    let audit = store
        .audit(&audit_id)
        .map_err(|e| e.message().en.clone())?
        .ok_or("audit vanished")?;
    let association = store
        .association(&audit.association_id)
        .map_err(|e| e.message().en.clone())?
        .ok_or("association vanished")?;
    let catalog = diagasso::catalog::shipped().map_err(|e| format!("{e:?}"))?;
    let plan = diagasso::plan::plan(&q, &audit, &association, &catalog);
    let input = Input {
        questionnaire: &q,
        audit: &audit,
        association: &association,
        plan: &plan,
    };
    let opts = Options {
        lang: Lang::Fr,
        ..Options::default()
    };
    let templates = Templates::embedded();
    // Each sample renders every format once, each timed on its own: the set without the PDF is
    // the sum of five, with it the sum of six.
    let n = if o.quick { 3 } else { 40 };
    let mut per: Vec<(Format, Vec<Duration>, usize)> =
        Format::ALL.iter().map(|f| (*f, Vec::new(), 0)).collect();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for round in 0..=n {
        let mut without = Duration::ZERO;
        let mut all = Duration::ZERO;
        for (f, times, size) in per.iter_mut() {
            let t = Instant::now();
            let bytes =
                export::render(*f, &input, &opts, &templates).map_err(|e| e.0.en.clone())?;
            let d = t.elapsed();
            *size = bytes.len();
            if round > 0 {
                times.push(d);
            }
            all += d;
            if *f != Format::Pdf {
                without += d;
            }
        }
        if round > 0 {
            a.push(without);
            b.push(all);
        }
    }
    let bytes_b: usize = per.iter().map(|(_, _, s)| s).sum();
    let bytes_a = bytes_b
        - per
            .iter()
            .find(|(f, _, _)| *f == Format::Pdf)
            .map_or(0, |p| p.2);
    let breakdown = per
        .into_iter()
        .map(|(f, times, size)| {
            format!(
                "{f} {} ({:.0} kB)",
                show(Samples::new(times).median()),
                size as f64 / 1000.0
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let (a, b) = (Samples::new(a), Samples::new(b));

    // The whole command, six files written.
    let out = dir.join("exports");
    let mut c = Vec::new();
    for _ in 0..if o.quick { 2 } else { 10 } {
        let _ = std::fs::remove_dir_all(&out);
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        let t = Instant::now();
        let status = Command::new(binary())
            .arg("--db")
            .arg(&db)
            .args([
                "--lang",
                "fr",
                "export",
                &audit_id,
                "--format",
                "md,html,pdf,json,csv,annonce",
                "--out",
            ])
            .arg(&out)
            .env_remove("DIAGASSO_DB")
            .env_remove("DIAGASSO_CATALOG")
            .output()
            .map_err(|e| e.to_string())?;
        c.push(t.elapsed());
        if !status.status.success() {
            return Err(format!(
                "diagasso export failed: {}",
                String::from_utf8_lossy(&status.stderr)
            ));
        }
    }
    let c = Samples::new(c);
    let _ = std::fs::remove_dir_all(&dir);
    let kb = |b: usize| b as f64 / 1000.0;
    Ok(vec![
        Row {
            part: "P5",
            what: format!(
                "md + html + json + csv + annonce of one full audit, in memory ({:.0} kB), median of {}",
                kb(bytes_a),
                a.len()
            ),
            figure: format!("{} (p99 {})", show(a.median()), show(a.pct(99.0))),
            reference: "—".into(),
            ratio: "—".into(),
            target: "≤ 20 ms",
            met: Some(a.median() <= Duration::from_millis(20)),
        },
        Row {
            part: "P5",
            what: format!(
                "the same + PDF ({:.0} kB in all), median of {}",
                kb(bytes_b),
                b.len()
            ),
            figure: format!("{} (p99 {})", show(b.median()), show(b.pct(99.0))),
            reference: "—".into(),
            ratio: "—".into(),
            target: "≤ 300 ms",
            met: Some(b.median() <= Duration::from_millis(300)),
        },
        Row {
            part: "P5",
            what: "(detail) each format, median".into(),
            figure: breakdown,
            reference: "—".into(),
            ratio: "—".into(),
            target: "—",
            met: None,
        },
        Row {
            part: "P5",
            what: format!(
                "(detail) `diagasso export AUDIT --format md,html,pdf,json,csv,annonce`, whole process, median of {}",
                c.len()
            ),
            figure: show(c.median()),
            reference: "—".into(),
            ratio: "—".into(),
            target: "—",
            met: None,
        },
    ])
}
