//! P3: the plan of one full audit (`plan::plan`, pure, in memory) on the shipped catalogue and
//! on a generated catalogue of 5,000 hosts (the shipped hosts copied under new ids, spread
//! over other départements). The audits are complete generated audits; each is planned several
//! times and every call is one sample.

use std::time::{Duration, Instant};

use diagasso::audit::{Association, Audit};
use diagasso::catalog::{self, Catalog};
use diagasso::plan;
use diagasso::questionnaire::Questionnaire;

use super::{Options, Row, Samples, show, testdata};

fn full_audit(q: &Questionnaire, i: usize) -> (Audit, Association) {
    testdata::full_audit(q, 0xC0FFEE, i)
}

/// The shipped catalogue with its hosts copied until there are `n`.
fn big_catalog(shipped: &Catalog, n: usize) -> Catalog {
    let mut c = shipped.clone();
    let base = shipped.hosts.clone();
    let deps = [
        "01", "13", "22", "29", "31", "33", "35", "44", "59", "67", "69", "75", "2A",
    ];
    let mut k = 0;
    while c.hosts.len() < n {
        let mut h = base[k % base.len()].clone();
        h.id = format!("{}-copie-{k}", h.id);
        h.place.departements = vec![deps[k % deps.len()].to_string()];
        c.hosts.push(h);
        k += 1;
    }
    c
}

fn measure(
    q: &Questionnaire,
    catalog: &Catalog,
    audits: &[(Audit, Association)],
    rounds: usize,
) -> Samples {
    let mut v = Vec::new();
    for _ in 0..rounds {
        for (audit, association) in audits {
            let t = Instant::now();
            let p = plan::plan(q, audit, association, catalog);
            v.push(t.elapsed());
            std::hint::black_box(p);
        }
    }
    Samples::new(v)
}

pub fn run(o: &Options) -> Result<Vec<Row>, String> {
    let q = testdata::questionnaire();
    let shipped = catalog::shipped().map_err(|e| format!("{e:?}"))?;
    let count = if o.quick { 5 } else { 50 };
    let audits: Vec<_> = (0..count).map(|i| full_audit(&q, i)).collect();
    let answered: usize = audits.iter().map(|(a, _)| a.answers.len()).sum();
    let small = measure(&q, &shipped, &audits, if o.quick { 2 } else { 20 });
    let big = big_catalog(&shipped, 5_000);
    let large = measure(&q, &big, &audits, if o.quick { 1 } else { 4 });
    let row = |what: String, s: &Samples, target: &'static str, limit: Duration| Row {
        part: "P3",
        what,
        figure: format!("{} (p99 {})", show(s.median()), show(s.pct(99.0))),
        reference: "—".into(),
        ratio: "—".into(),
        target,
        met: Some(s.median() <= limit),
    };
    Ok(vec![
        row(
            format!(
                "plan of one full audit, shipped catalogue ({} hosts), median of {} ({} audits, {:.0} answers each)",
                shipped.hosts.len(),
                small.len(),
                audits.len(),
                answered as f64 / audits.len() as f64
            ),
            &small,
            "≤ 1 ms",
            Duration::from_millis(1),
        ),
        row(
            format!(
                "plan of one full audit, {} hosts, median of {}",
                big.hosts.len(),
                large.len()
            ),
            &large,
            "≤ 20 ms",
            Duration::from_millis(20),
        ),
    ])
}
