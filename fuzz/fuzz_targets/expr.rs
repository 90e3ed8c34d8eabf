//! Fuzz the expression language: any text parses to a tree or to an error, and a parsed tree
//! evaluates against an empty answer set without panicking.
#![no_main]

use std::collections::BTreeMap;

use diagasso::audit::Answer;
use diagasso::questionnaire::Expr;
use diagasso::questionnaire::eval::Scope;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(expr) = Expr::parse(text)
    {
        let answers: BTreeMap<String, Answer> = BTreeMap::new();
        let scope = Scope { answers: &answers, current: None };
        let _ = scope.eval(&expr.root).truthy();
        let _ = expr.references();
    }
});
