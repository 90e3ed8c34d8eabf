//! Fuzz questionnaire loading: any text is a valid questionnaire or a list of positioned
//! errors, never a panic; a valid one answers visibility queries.
#![no_main]

use std::collections::BTreeMap;

use diagasso::audit::Answer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match diagasso::questionnaire::load_str("fuzz.toml", text) {
            Ok(q) => {
                let answers: BTreeMap<String, Answer> = BTreeMap::new();
                let _ = q.visible(&answers);
            }
            Err(errors) => {
                for e in &errors.0 {
                    let _ = e.message(diagasso::i18n::Lang::Fr);
                }
            }
        }
    }
});
