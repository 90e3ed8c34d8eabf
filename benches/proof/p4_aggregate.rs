//! P4: the workshop aggregate over every audit of a database of 10,000 and of 20,000 generated
//! audits: `Store::audit_facts` (read every audit's answers) then `workshop::dashboard` (tools,
//! needs, free-software shares, progress), as the `workshop show` dashboard computes it. The
//! figures are on the full questionnaire (about 90 answers an audit); the same on the express
//! questionnaire a workshop usually runs (about 15) and the pooled needs (`workshop::pools`)
//! are details. The two sizes alternate, so both see the same machine.

use std::time::{Duration, Instant};

use diagasso::store::{Scope, Store};

use super::{Options, Row, Samples, ratio, show, testdata, work_dir};

/// (facts, dashboard, pools) times and the number of audits counted.
fn aggregate(
    store: &mut Store,
    catalog: &diagasso::catalog::Catalog,
) -> Result<(Duration, Duration, Duration, usize), String> {
    let t = Instant::now();
    let facts = store
        .audit_facts(Scope::All)
        .map_err(|e| e.message().en.clone())?;
    let fetched = t.elapsed();
    let t = Instant::now();
    let d = diagasso::workshop::dashboard(&facts, catalog);
    let built = t.elapsed();
    let t = Instant::now();
    let p = diagasso::workshop::pools(&facts, catalog);
    let pooled = t.elapsed();
    std::hint::black_box(&p);
    Ok((fetched, built, pooled, d.audits))
}

/// Samples of (facts + dashboard, facts, pools) on the 10,000 and 20,000 databases of `id`.
type Pair = ([Samples; 3], [Samples; 3]);

fn measure(o: &Options, catalog: &diagasso::catalog::Catalog, id: &str) -> Result<Pair, String> {
    let (small, _) = testdata::database_on(&work_dir(), 10_000, id)?;
    let (large, _) = testdata::database_on(&work_dir(), 20_000, id)?;
    let mut stores = [
        Store::open(&small).map_err(|e| e.message().en.clone())?,
        Store::open(&large).map_err(|e| e.message().en.clone())?,
    ];
    for (store, want) in stores.iter_mut().zip([10_000, 20_000]) {
        // Warm the page cache and check the count.
        let n = aggregate(store, catalog)?.3;
        if n != want {
            return Err(format!("aggregated {n} audits of {want}"));
        }
    }
    let rounds = if o.quick { 2 } else { 10 };
    let mut v: [[Vec<Duration>; 3]; 2] = Default::default();
    for _ in 0..rounds {
        for (k, store) in stores.iter_mut().enumerate() {
            let (f, d, p, _) = aggregate(store, catalog)?;
            v[k][0].push(f + d);
            v[k][1].push(f);
            v[k][2].push(p);
        }
    }
    let [a, b] = v;
    Ok((a.map(Samples::new), b.map(Samples::new)))
}

pub fn run(o: &Options) -> Result<Vec<Row>, String> {
    let catalog = diagasso::catalog::shipped().map_err(|e| format!("{e:?}"))?;
    let ([a, fa, pa], [b, fb, pb]) = measure(o, &catalog, "pratiques-numeriques")?;
    let ([ea, _, _], [eb, _, _]) = measure(o, &catalog, "atelier-express")?;
    let growth = ratio(b.median(), a.median());
    let half_second = Duration::from_millis(500);
    Ok(vec![
        Row {
            part: "P4",
            what: format!(
                "workshop aggregate (facts + dashboard), 10,000 full audits, median of {}",
                a.len()
            ),
            figure: show(a.median()),
            reference: "—".into(),
            ratio: "—".into(),
            target: "≤ 0.5 s",
            met: Some(a.median() <= half_second),
        },
        Row {
            part: "P4",
            what: format!("the same, 20,000 full audits, median of {}", b.len()),
            figure: show(b.median()),
            reference: format!("{} (10,000 audits)", show(a.median())),
            ratio: format!("{growth:.2}×"),
            target: "≤ 2.2× of 10,000",
            met: Some(growth <= 2.2),
        },
        Row {
            part: "P4",
            what: "(detail) of which reading the facts, 10,000 / 20,000 full audits".into(),
            figure: format!("{} / {}", show(fa.median()), show(fb.median())),
            reference: "—".into(),
            ratio: format!("{:.2}×", ratio(fb.median(), fa.median())),
            target: "—",
            met: None,
        },
        Row {
            part: "P4",
            what: "(detail) facts + dashboard on express audits, 10,000 / 20,000".into(),
            figure: format!("{} / {}", show(ea.median()), show(eb.median())),
            reference: "—".into(),
            ratio: format!("{:.2}×", ratio(eb.median(), ea.median())),
            target: "≤ 0.5 s",
            met: Some(ea.median() <= half_second),
        },
        Row {
            part: "P4",
            what: "(detail) pooled needs over the facts, 10,000 / 20,000 full audits".into(),
            figure: format!("{} / {}", show(pa.median()), show(pb.median())),
            reference: "—".into(),
            ratio: format!("{:.2}×", ratio(pb.median(), pa.median())),
            target: "—",
            met: None,
        },
    ])
}
