use super::*;
use crate::questionnaire::load_str;

const SRC: &str = r#"
id = "t"
version = 1
title = { fr = "T", en = "T" }
description = { fr = "T", en = "T" }
[[section]]
id = "s"
title = { fr = "S", en = "S" }
intro = { fr = "S", en = "S" }
[[section.question]]
id = "n"
kind = "number"
label = { fr = "n", en = "n" }
help = { fr = "n", en = "n" }
[[section.question]]
id = "many"
kind = "multiple"
label = { fr = "m", en = "m" }
help = { fr = "m", en = "m" }
not_applicable = true
choices = [ { id = "a", label = { fr = "A", en = "A" } }, { id = "none", label = { fr = "Aucun", en = "None" }, exclusive = true } ]
[[section.question]]
id = "yn"
kind = "yesno"
label = { fr = "y", en = "y" }
help = { fr = "y", en = "y" }
[[section.question]]
id = "sc"
kind = "scale"
label = { fr = "s", en = "s" }
help = { fr = "s", en = "s" }
"#;

fn write(expr: &str) -> String {
    let q = load_str("t.toml", SRC).unwrap();
    let e = crate::questionnaire::Expr::parse(expr).unwrap();
    let current = q.question("n");
    Writer {
        questionnaire: &q,
        current,
    }
    .condition(&e.root)
}

#[test]
fn table() {
    let cases: &[(&str, &str)] = &[
        ("selected(${many}, 'a')", "selected(${many}, 'a')"),
        (
            "count-selected(${many}) > 0",
            "if(selected(${many}, 'dont_know') or selected(${many}, 'not_applicable'), 0, count-selected(${many})) > 0",
        ),
        ("${sc} >= 4", "${sc} >= 4"),
        // `!=` is false on no value in diagasso, true on '' in XPath: guarded.
        ("${n} != 3", "(string-length(${n}) > 0 and ${n} != 3)"),
        ("${yn} = true()", "${yn} = 'yes'"),
        ("${yn} = 'non'", "${yn} = 'no'"),
        ("${yn}", "${yn} = 'yes'"),
        ("${many} = 'a'", "false()"),
        ("${n} = 'douze'", "false()"),
        ("dont-know(${n})", "selected(${n_dk}, 'dont_know')"),
        ("dont-know(${sc})", "selected(${sc}, 'dont_know')"),
        (
            "answered(${many})",
            "(count-selected(${many}) > 0 and not(selected(${many}, 'dont_know')) and not(selected(${many}, 'not_applicable')))",
        ),
        ("answered(${n})", "string-length(${n}) > 0"),
        (
            "not(answered(${n})) or . >= ${n} div 2",
            "(not(string-length(${n}) > 0) or . >= (${n} div 2))",
        ),
        ("true() and not(false())", "(true() and not(false()))"),
        ("${n} * 2 - 4 = 20", "((${n} * 2) - 4) = 20"),
        ("-${n} < 0", "(0 - ${n}) < 0"),
    ];
    for (src, want) in cases {
        assert_eq!(write(src), *want, "{src}");
    }
}

#[test]
fn quotes() {
    assert_eq!(quote("it's"), "\"it's\"");
    assert_eq!(quote("plain"), "'plain'");
}
