//! The figures of BENCHMARKS.md, each beside its reference measured in the same run: a bench
//! binary (no timed assertions anywhere), printing a Markdown table.
//!
//! ```text
//! cargo bench --bench proof                 # every part
//! cargo bench --bench proof -- p1 p3        # some parts
//! cargo bench --bench proof -- --quick      # fewer samples (a smoke run, not a figure)
//! ```
//!
//! | part | what | reference |
//! |---|---|---|
//! | P1 | saving one answer (answer + trail + `updated_at`, one transaction, synchronous=FULL) | a bare rusqlite INSERT + COMMIT, same pragmas, same folder |
//! | P2 | `diagasso list` on 10,000 audits, as a whole process | the `sqlite3` tool running the same query |
//! | P3 | the plan of one full audit, shipped catalogue and 5,000 hosts | targets: 1 ms and 20 ms |
//! | P4 | the workshop aggregate over 10,000 and 20,000 audits | target: 0.5 s, and 20,000 ≤ 2.2× 10,000 |
//! | P5 | every export of one audit, without and with the PDF | targets: 20 ms and 300 ms |
//! | P6 | drawing one walk frame at 200×60 on TestBackend | target: 1 ms |
//! | P7 | peak memory of the TUI home on 10,000 audits (real binary in tmux) | the same on an empty database |
//! | P8 | size of the stripped release binary | target: 15 MB |
//! | P9 | peak memory and time of `export --all --format csv` and `bundle export --all` at 10,000 and 100,000 audits (real binary, `wait4`) | `list` with no row; targets ≤ 100 MB, time linear |
//!
//! Databases are generated once (`testdata.rs`) under `target/tmp/proof/` and kept, so on the same
//! disk as the build. Each part says what the machine was doing (load average) when it ran.

mod machine;
mod p1_save;
mod p2_list;
mod p3_plan;
mod p4_aggregate;
mod p5_exports;
mod p6_frame;
mod p7_memory;
mod p8_size;
mod p9_streaming;
mod testdata;

use std::path::PathBuf;
use std::time::Duration;

/// Where generated databases and scratch files live: beside the build, on the same disk.
pub fn work_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("proof")
}

/// The release binary built for this bench.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_diagasso"))
}

/// Samples: sorted durations with percentiles.
pub struct Samples(Vec<Duration>);

impl Samples {
    pub fn new(mut v: Vec<Duration>) -> Samples {
        v.sort();
        Samples(v)
    }

    /// The `p`-th percentile (nearest rank), `p` in 0..=100.
    pub fn pct(&self, p: f64) -> Duration {
        if self.0.is_empty() {
            return Duration::ZERO;
        }
        let rank = ((p / 100.0) * self.0.len() as f64).ceil() as usize;
        self.0[rank.clamp(1, self.0.len()) - 1]
    }

    pub fn median(&self) -> Duration {
        self.pct(50.0)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A duration as a person reads it: µs under a millisecond, ms under a second.
pub fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.1} µs")
    } else if us < 1e6 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{:.3} s", us / 1e6)
    }
}

pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-12)
}

/// One line of the table.
pub struct Row {
    pub part: &'static str,
    pub what: String,
    pub figure: String,
    pub reference: String,
    pub ratio: String,
    pub target: &'static str,
    pub met: Option<bool>,
}

impl Row {
    pub fn print(&self) {
        let met = match self.met {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "—",
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            self.part, self.what, self.figure, self.reference, self.ratio, self.target, met
        );
    }
}

/// Options every part reads.
pub struct Options {
    /// Fewer samples: checks that the part runs, gives no figure worth recording.
    pub quick: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let wanted: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(|a| a.to_lowercase())
        .collect();
    let run = |part: &str| wanted.is_empty() || wanted.iter().any(|w| w == part);
    let options = Options { quick };

    println!("## diagasso proof benchmarks");
    println!();
    machine::describe(&work_dir());
    if quick {
        println!("\n(--quick: few samples, not a figure to record)");
    }
    println!();
    println!("| part | what | figure | reference | ratio | target | met |");
    println!("|---|---|---|---|---|---|---|");
    type Part = fn(&Options) -> Result<Vec<Row>, String>;
    let parts: [(&str, Part); 9] = [
        ("p1", p1_save::run),
        ("p2", p2_list::run),
        ("p3", p3_plan::run),
        ("p4", p4_aggregate::run),
        ("p5", p5_exports::run),
        ("p6", p6_frame::run),
        ("p7", p7_memory::run),
        ("p8", p8_size::run),
        ("p9", p9_streaming::run),
    ];
    let mut failed = false;
    for (name, part) in parts {
        if !run(name) {
            continue;
        }
        let load = machine::load();
        match part(&options) {
            Ok(rows) => {
                for row in rows {
                    row.print();
                }
                eprintln!("  {name}: load average before the part: {load}");
            }
            Err(e) => {
                failed = true;
                println!("| {} | could not run: {e} | | | | | |", name.to_uppercase());
            }
        }
    }
    println!();
    println!("load average at the end: {}", machine::load());
    if failed {
        std::process::exit(1);
    }
}
