//! The data generator of the benchmarks: the audits of `tests/generator` (shared with the
//! property tests), and databases of any size built through the store API
//! (`Store::create_audits`, batches of one transaction each).

use std::path::{Path, PathBuf};
use std::time::Instant;

use diagasso::questionnaire::Questionnaire;
use diagasso::store::{NewAudit, Store};

#[path = "../../tests/generator/mod.rs"]
mod generator;
pub use generator::*;

/// Bump when the generated data changes, so cached databases are rebuilt.
const GENERATOR_VERSION: u32 = 1;

/// Add `count` generated audits (numbers `first..first + count`) to `store`, `batch` per
/// transaction.
pub fn fill(
    store: &mut Store,
    q: &Questionnaire,
    seed: u64,
    first: usize,
    count: usize,
    batch: usize,
) -> Result<(), String> {
    let mut i = first;
    while i < first + count {
        let n = batch.min(first + count - i);
        let made: Vec<Generated> = (i..i + n).map(|k| audit(q, seed, k)).collect();
        let news: Vec<NewAudit<'_>> = made
            .iter()
            .map(|g| NewAudit {
                association: &g.association,
                trainer: "Dominique",
                questionnaire: q,
                answers: &g.answers,
                notes: &g.notes,
                note: &g.note,
            })
            .collect();
        store
            .create_audits(&news)
            .map_err(|e| e.message().en.clone())?;
        i += n;
    }
    Ok(())
}

/// The full shipped questionnaire (`pratiques-numeriques`).
pub fn questionnaire() -> Questionnaire {
    match diagasso::questionnaire::shipped::by_id(diagasso::questionnaire::shipped::DEFAULT_ID) {
        Ok(Some(q)) => q,
        _ => panic!("the shipped questionnaire loads (the test suite checks it)"),
    }
}

/// A database of `count` generated audits on the full questionnaire in `dir`, built once and
/// kept (its name carries the generator's and the schema's versions); returns its path and
/// whether it was built now.
pub fn database(dir: &Path, count: usize) -> Result<(PathBuf, bool), String> {
    database_on(dir, count, diagasso::questionnaire::shipped::DEFAULT_ID)
}

/// [`database`] on the shipped questionnaire `id`.
pub fn database_on(dir: &Path, count: usize, id: &str) -> Result<(PathBuf, bool), String> {
    let schema = diagasso::store::schema::current_version();
    let tag = if id == diagasso::questionnaire::shipped::DEFAULT_ID {
        String::new()
    } else {
        format!("-{id}")
    };
    let path = dir.join(format!(
        "audits-{count}{tag}-g{GENERATOR_VERSION}-s{schema}.db"
    ));
    if path.is_file() {
        return Ok((path, false));
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let partial = dir.join(format!("partial-{count}-{}.db", std::process::id()));
    let q = match diagasso::questionnaire::shipped::by_id(id) {
        Ok(Some(q)) => q,
        _ => return Err(format!("no shipped questionnaire '{id}'")),
    };
    let start = Instant::now();
    {
        let mut store = Store::open(&partial).map_err(|e| e.message().en.clone())?;
        fill(&mut store, &q, 2026, 0, count, 1000)?;
    }
    std::fs::rename(&partial, &path).map_err(|e| e.to_string())?;
    eprintln!(
        "  (generated {count} audits in {:.1} s: {})",
        start.elapsed().as_secs_f64(),
        path.display()
    );
    Ok((path, true))
}
