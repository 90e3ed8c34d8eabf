//! Workshop aggregates on large files: 10,000 and 20,000 audits on the express questionnaire,
//! every audit in one workshop, in départements across France. Run with
//! `cargo bench --bench workshop`. Prints how long filling takes (one bundle merged in one
//! transaction, which also measures a large import), fetching the facts, the dashboard, the
//! pooled needs, and fetch + dashboard together (the figure to keep under half a second).

use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use diagasso::audit::{Answer, Value};
use diagasso::bundle::{
    self, AnswerRec, AssociationRec, AuditRec, Content, QuestionnaireCopy, Stored, TrailRec,
    WorkshopLink, WorkshopRec,
};
use diagasso::questionnaire::{Kind, Questionnaire, shipped};
use diagasso::store::{Scope, Store};

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// CPU time of this thread: unlike wall time, it does not grow when other programs share the
/// cores (a laptop compiling, a shared CI runner).
fn cpu() -> std::time::Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own; the clock id is a constant.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return std::time::Duration::ZERO;
    }
    std::time::Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn time(base: DateTime<Utc>, micros: i64) -> String {
    (base + Duration::microseconds(micros))
        .format("%Y-%m-%dT%H:%M:%S%.6fZ")
        .to_string()
}

fn id(n: u64, kind: u64) -> String {
    uuid::Uuid::from_u64_pair(0x01a2_0000_0000_7000 | kind, 0x8000_0000_0000_0000 | n).to_string()
}

/// An answer of the right shape for every question (most, not all: some audits stop early).
fn answers(q: &Questionnaire, rng: &mut Rng) -> Vec<(String, Answer)> {
    let stop = if rng.below(5) == 0 {
        rng.below(q.question_count())
    } else {
        usize::MAX
    };
    let mut out = Vec::new();
    for (i, (_, question)) in q.questions().enumerate() {
        if i >= stop {
            break;
        }
        let open: Vec<&str> = question
            .choices
            .iter()
            .filter(|c| !c.exclusive)
            .map(|c| c.id.as_str())
            .collect();
        let answer = match question.kind {
            Kind::Single if !question.choices.is_empty() => Answer::Given(Value::Choice(
                question.choices[rng.below(question.choices.len())]
                    .id
                    .clone(),
            )),
            Kind::Multiple if !open.is_empty() => {
                let mut picked: Vec<String> = Vec::new();
                for _ in 0..1 + rng.below(3) {
                    let c = open[rng.below(open.len())].to_string();
                    if !picked.contains(&c) {
                        picked.push(c);
                    }
                }
                Answer::Given(Value::Choices(picked))
            }
            Kind::Number | Kind::Scale => {
                let (lo, hi) = (
                    question.min.unwrap_or(1.0),
                    question.max.unwrap_or(5.0).min(60.0),
                );
                Answer::Given(Value::Number(
                    (lo + rng.below((hi - lo) as usize + 1) as f64).round(),
                ))
            }
            Kind::Yesno => Answer::Given(Value::Bool(rng.below(2) == 0)),
            Kind::Text => Answer::Given(Value::Text("réponse libre".into())),
            _ => Answer::DontKnow,
        };
        out.push((question.id.clone(), answer));
    }
    out
}

fn content(q: &Questionnaire, n: usize) -> Content {
    let base = DateTime::parse_from_rfc3339("2026-01-10T09:00:00Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let deps = [
        "35", "29", "56", "22", "69", "75", "13", "31", "59", "67", "44", "33",
    ];
    let mut c = Content {
        questionnaires: vec![QuestionnaireCopy {
            hash: q.hash.clone(),
            id: q.id.clone(),
            version: q.version,
            source: q.source.clone(),
        }],
        ..Content::default()
    };
    let mut links = Vec::new();
    for i in 0..n {
        let at = time(base, i as i64 * 1_000);
        let (association, audit) = (id(i as u64, 1), id(i as u64, 2));
        let (country, postcode) = if i % 25 == 0 {
            ("BE", "1000".to_string())
        } else {
            ("FR", format!("{}000", deps[rng.below(deps.len())]))
        };
        c.associations.push(AssociationRec {
            id: association.clone(),
            name: format!("Association {i}"),
            legal_form: "association".into(),
            country: country.into(),
            postcode,
            activity: format!("Activité {}", i % 40),
            members: Some(20),
            employees: None,
            volunteers: None,
            budget_eur: None,
            contact_name: String::new(),
            contact_email: String::new(),
            created_at: at.clone(),
            updated_at: at.clone(),
        });
        let answers = answers(q, &mut rng);
        c.audits.push(AuditRec {
            id: audit.clone(),
            association_id: association,
            trainer: "Maël".into(),
            questionnaire_hash: q.hash.clone(),
            status: "in_progress".into(),
            started_at: at.clone(),
            finished_at: None,
            updated_at: at.clone(),
            note: String::new(),
            previous_audit_id: None,
            answers: answers
                .iter()
                .map(|(question, a)| {
                    let s = Stored::of(a);
                    AnswerRec {
                        question_id: question.clone(),
                        state: s.state,
                        value: s.value,
                        updated_at: at.clone(),
                    }
                })
                .collect(),
            notes: Vec::new(),
            trail: answers
                .iter()
                .map(|(question, a)| TrailRec {
                    given_at: None,
                    question_id: question.clone(),
                    old: None,
                    new: Some(Stored::of(a)),
                    at: at.clone(),
                })
                .collect(),
        });
        links.push(WorkshopLink {
            audit_id: audit,
            added_at: at,
        });
    }
    let at = time(base, 0);
    c.workshops.push(WorkshopRec {
        id: id(0, 3),
        name: "Grand atelier".into(),
        date: "2026-01-10".into(),
        place: "Partout".into(),
        trainer: "Maël".into(),
        questionnaire_id: q.id.clone(),
        created_at: at.clone(),
        updated_at: at,
        audits: links,
    });
    c
}

fn main() {
    let Ok(Some(q)) = shipped::by_id("atelier-express") else {
        eprintln!("atelier-express does not load");
        return;
    };
    let Ok(catalog) = diagasso::catalog::shipped() else {
        eprintln!("catalogue does not load");
        return;
    };
    for n in [10_000, 20_000] {
        let dir =
            std::env::temp_dir().join(format!("diagasso-bench-ws-{}-{n}", std::process::id()));
        let path = dir.join("bench.db");
        let run = || -> Result<(), String> {
            let text = bundle::write(&content(&q, n), "2026-01-10T09:00:00.000000Z")
                .map_err(|e| e.0.en)?;
            let t = Instant::now();
            let checked = bundle::read(text.as_bytes()).map_err(|e| e.0.en)?;
            let mut store = Store::open(&path).map_err(|e| e.message().en)?;
            let report = store.merge_bundle(&checked).map_err(|e| e.message().en)?;
            println!(
                "{n}: fill by one bundle of {} MB ({} audits, {} trail entries): {:?}",
                text.len() / 1_000_000,
                report.audits_added,
                report.trail_added,
                t.elapsed()
            );
            drop(store);
            let workshop = checked.content.workshops[0].id.clone();
            // A fresh store each time: no questionnaire parsed in advance.
            for (label, scope) in [
                ("all", Scope::All),
                ("workshop", Scope::Workshop(&workshop)),
            ] {
                let mut store = Store::open(&path).map_err(|e| e.message().en)?;
                let (t, c) = (Instant::now(), cpu());
                let facts = store.audit_facts(scope).map_err(|e| e.message().en)?;
                let fetched = t.elapsed();
                let t2 = Instant::now();
                let d = diagasso::workshop::dashboard(&facts, &catalog);
                let built = t2.elapsed();
                println!(
                    "{n} ({label}): fetch {fetched:?} + dashboard {built:?} = {:?} wall, {:?} CPU ({} audits, {} tools, {} needs)",
                    t.elapsed(),
                    cpu() - c,
                    d.audits,
                    d.tools.len(),
                    d.needs.len()
                );
                if label == "all" {
                    let t = Instant::now();
                    let p = diagasso::workshop::pools(&facts, &catalog);
                    println!(
                        "{n}: pooled needs {:?} ({} groups, {} without host)",
                        t.elapsed(),
                        p.groups.len(),
                        p.unserved.len()
                    );
                }
            }
            Ok(())
        };
        if let Err(e) = run() {
            eprintln!("{e}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
