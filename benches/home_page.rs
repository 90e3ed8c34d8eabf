//! How long the home screen takes to load a page of audits from a database holding many
//! (10,000 by default, or the number given as first argument): the TUI asks for a hundred rows
//! at a time and computes each row's progress as the walk counts it. Run with
//! `cargo bench --bench home_page [-- N]`. A benchmark, not a test: it prints timings.

use std::collections::BTreeMap;
use std::time::Instant;

use diagasso::app::effect::{Effect, Event};
use diagasso::app::effects::{Executor, shipped_questionnaires};
use diagasso::audit::{Answer, Association, Value};
use diagasso::i18n::Lang;
use diagasso::store::{NewAudit, Store};

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000);
    let dir = std::env::temp_dir().join(format!("diagasso-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bench.db");
    let mut store = Store::open(&path).expect("store");
    let qs = shipped_questionnaires();
    let q = &qs[0];
    let mut answers = BTreeMap::new();
    for (_, question) in q.questions().take(20) {
        answers.insert(question.id.clone(), Answer::DontKnow);
    }
    let _ = Value::Bool(true);
    let start = Instant::now();
    for i in 0..n {
        let a = Association {
            name: format!("Association n° {i} « Les Amis »"),
            country: "FR".into(),
            ..Association::default()
        };
        store
            .create_audit(&NewAudit {
                association: &a,
                trainer: "bench",
                questionnaire: q,
                answers: &answers,
                notes: &BTreeMap::new(),
                note: "",
            })
            .expect("create");
    }
    println!("created {n} audits in {:?}", start.elapsed());
    let mut exec = Executor::new(&mut store, Lang::Fr, "bench".into(), qs.clone());
    for (label, filter, offset) in [
        ("first page", "", 0),
        ("middle page", "", n / 2),
        ("filtered", "amis 99", 0),
    ] {
        let t = Instant::now();
        let actions = exec.execute(Effect::LoadHome {
            filter: filter.into(),
            offset,
            limit: 100,
        });
        let rows = match actions.first() {
            Some(Event::HomeLoaded { rows, .. }) => rows.len(),
            _ => 0,
        };
        println!("{label}: {rows} rows in {:?}", t.elapsed());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
