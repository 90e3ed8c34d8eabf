//! Fuzz answers files (`diagasso new --answers`): any bytes are a valid audit for the shipped
//! questionnaires or a list of positioned problems, never a panic.
#![no_main]

use std::sync::OnceLock;

use diagasso::questionnaire::{Questionnaire, shipped};
use libfuzzer_sys::fuzz_target;

fn questionnaires() -> &'static [Questionnaire] {
    static ALL: OnceLock<Vec<Questionnaire>> = OnceLock::new();
    ALL.get_or_init(|| shipped::all().unwrap_or_default())
}

fuzz_target!(|data: &[u8]| {
    let _ = diagasso::answers_file::parse("fuzz.toml", data, questionnaires());
});
