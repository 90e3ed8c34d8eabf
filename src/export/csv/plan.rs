//! `plan.csv`: the roadmap as a board sorts and filters it — one row per step: phase and step
//! numbers, the phase's title, action, who, when, effort, cost (in words and, when the plan knows it, in euros per
//! year as a number to add up) and where. Read from the same view as the reports, so the file
//! and the report never disagree; « who » whole on every row (a sorted row has no note to point
//! to).

use super::{CsvOptions, fail};
use crate::export::escape::csv_cell;
use crate::export::view;
use crate::export::{ExportError, Input, Options};

/// Phase and step as two numbers, so a sort by both gives the roadmap's order back (« 2.10 »
/// as text would sort before « 2.2 », and as a number equal « 2.1 »).
const HEADER: [(&str, &str); 10] = [
    ("Phase", "Phase"),
    ("Étape", "Step"),
    ("Intitulé de la phase", "Phase title"),
    ("Action", "Action"),
    ("Qui", "Who"),
    ("Quand", "When"),
    ("Effort", "Effort"),
    ("Coût", "Cost"),
    ("Coût par an (€)", "Cost a year (€)"),
    ("Où", "Where"),
];

/// The plan of one audit, one row per roadmap step.
pub fn render(
    input: &Input,
    opts: &Options,
    csv_opts: &CsvOptions,
) -> Result<Vec<u8>, ExportError> {
    let lang = opts.lang;
    let report = view::build(input, opts);
    let mut w = csv_opts.writer(Vec::new())?;
    w.write_record(HEADER.iter().map(|(fr, en)| lang.pick(fr, en)))
        .map_err(fail)?;
    let num = csv_opts.numbers();
    for phase in &report.plan.roadmap {
        for (i, s) in phase.steps.iter().enumerate() {
            let row = [
                phase.number.to_string(),
                (i + 1).to_string(),
                phase.title.clone(),
                s.title.clone(),
                s.who_full.clone().unwrap_or_default(),
                s.when.clone().unwrap_or_default(),
                s.effort.clone().unwrap_or_default(),
                s.cost.clone().unwrap_or_default(),
                s.cost_eur.map(|x| num.write(x)).unwrap_or_default(),
                s.place.clone().unwrap_or_default(),
            ];
            w.write_record(row.iter().map(|c| csv_cell(c)))
                .map_err(fail)?;
        }
    }
    w.into_inner().map_err(|e| fail(e.error()))
}
