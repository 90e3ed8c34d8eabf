//! Store timings on a large file: 10,000 audits (each created in one transaction with its
//! answers). Run with `cargo bench --bench store`. Prints how long opening (with its
//! quick_check), listing a page (unfiltered and filtered), counting and saving one answer take.

use std::collections::BTreeMap;
use std::time::Instant;

use diagasso::audit::{Answer, Association, Value};
use diagasso::questionnaire;
use diagasso::store::{NewAudit, Store};

const AUDITS: usize = 10_000;

fn main() {
    let dir = std::env::temp_dir().join(format!("diagasso-bench-{}", std::process::id()));
    let path = dir.join("bench.db");
    let text = include_str!("../tests/fixtures/answers/questionnaire.toml");
    let q = match questionnaire::load_str("questionnaire.toml", text) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let run = || -> Result<(), diagasso::store::StoreError> {
        let mut store = Store::open(&path)?;
        let start = Instant::now();
        let mut last = String::new();
        for i in 0..AUDITS {
            let association = Association {
                name: format!("Association numéro {i} de l'Été"),
                contact_email: format!("contact{i}@example.org"),
                ..Association::default()
            };
            let answers = BTreeMap::from([
                (
                    "members_count".to_string(),
                    Answer::Given(Value::Number(40.0)),
                ),
                (
                    "activity_text".to_string(),
                    Answer::Given(Value::Text(format!("réponse {i}"))),
                ),
                ("uses_files".to_string(), Answer::Given(Value::Bool(true))),
                ("storage_gb".to_string(), Answer::DontKnow),
            ]);
            let notes = BTreeMap::from([("uses_files".to_string(), "Voir le bureau".to_string())]);
            last = store
                .create_audit(&NewAudit {
                    association: &association,
                    trainer: "Dominique",
                    questionnaire: &q,
                    answers: &answers,
                    notes: &notes,
                    note: "",
                })?
                .audit_id;
        }
        println!("fill {AUDITS} audits: {:?}", start.elapsed());
        drop(store);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!("file size: {} MB", size / 1_000_000);
        let t = Instant::now();
        let mut store = Store::open(&path)?;
        println!("open (probe + quick_check): {:?}", t.elapsed());
        let t = Instant::now();
        let page = store.list_audits("", 0, 50)?;
        println!("first page of 50: {:?} ({} rows)", t.elapsed(), page.len());
        let t = Instant::now();
        let page = store.list_audits("", 9_900, 50)?;
        println!(
            "page at offset 9900: {:?} ({} rows)",
            t.elapsed(),
            page.len()
        );
        let t = Instant::now();
        let page = store.list_audits("numero 99", 0, 50)?;
        println!("filtered page: {:?} ({} rows)", t.elapsed(), page.len());
        let t = Instant::now();
        let n = store.count_audits("ete")?;
        println!("filtered count: {:?} ({n})", t.elapsed());
        let t = Instant::now();
        store.save_answer(&last, "uses_files", Some(&Answer::Given(Value::Bool(true))))?;
        println!("one save (fsync): {:?}", t.elapsed());
        Ok(())
    };
    if let Err(e) = run() {
        eprintln!("{}", e.message().en);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
