//! The interface table: complete in both languages, same placeholders, every counted word
//! agreeing with 0, 1 and 2, and no plural written in brackets.

use std::collections::BTreeSet;

use super::*;

/// The argument numbers a template reads, whatever the placeholder's kind.
fn args(s: &str) -> BTreeSet<usize> {
    pieces(s)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Arg(i) | Piece::Counted { arg: i, .. } => Some(i),
            Piece::Text(_) => None,
        })
        .collect()
}

/// A plural in brackets after a letter: « réponse(s) », « changée(s) », "entr(ies)".
fn bracketed_plural(s: &str) -> Option<&str> {
    ["(s)", "(e)", "(es)", "(x)", "(ies)", "(nes)"]
        .iter()
        .find_map(|b| {
            s.match_indices(b).find(|(at, _)| {
                s[..*at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
            })
        })
        .map(|(at, b)| &s[at.saturating_sub(12)..at + b.len()])
}

#[test]
fn every_string_exists_in_both_languages_with_the_same_placeholders() {
    for ui in Ui::ALL {
        let (fr, en) = (ui.get(Lang::Fr), ui.get(Lang::En));
        assert!(!fr.trim().is_empty() && !en.trim().is_empty(), "{ui:?}");
        assert_eq!(args(fr), args(en), "{ui:?}");
    }
}

#[test]
fn no_string_writes_a_plural_in_brackets() {
    for ui in Ui::ALL {
        for lang in [Lang::Fr, Lang::En] {
            let s = ui.get(lang);
            assert_eq!(bracketed_plural(s), None, "{ui:?} ({lang:?}): {s}");
        }
    }
}

/// Every string filled with the same count in every place: nothing in brackets, no
/// placeholder left, and each counted word in the form `typo` gives for that count.
#[test]
fn every_counted_word_agrees_with_0_1_and_2() {
    let mut counted = 0;
    for ui in Ui::ALL {
        for lang in [Lang::Fr, Lang::En] {
            let template = ui.get(lang);
            for n in [0usize, 1, 2, 1500] {
                let values = [n; 10];
                let refs: Vec<&dyn Display> = values.iter().map(|v| v as &dyn Display).collect();
                let out = ui.fill(lang, &refs);
                assert_eq!(bracketed_plural(&out), None, "{ui:?} {n}: {out}");
                assert!(
                    !out.contains(['{', '}']) || template.contains("{{"),
                    "{ui:?} {n}: a placeholder is left in « {out} »"
                );
                for p in pieces(template) {
                    let Piece::Counted {
                        one, other, number, ..
                    } = p
                    else {
                        continue;
                    };
                    counted += 1;
                    let want = if number {
                        typo::count(lang, n, one, other)
                    } else {
                        typo::plural(lang, n, one, other).to_string()
                    };
                    assert!(
                        out.contains(&want),
                        "{ui:?} {n}: « {want} » not in « {out} »"
                    );
                }
            }
        }
    }
    assert!(counted > 40, "only {counted} counted words were checked");
}

#[test]
fn counts_agree_in_french_and_english() {
    let fill = |ui: Ui, lang, args: &[&dyn Display]| ui.fill(lang, args).replace('\u{a0}', " ");
    let (fr, en) = (Lang::Fr, Lang::En);
    let dir = "/tmp/x";
    assert_eq!(
        fill(Ui::ExportDone, fr, &[&3, &dir]),
        "3 fichiers écrits dans /tmp/x."
    );
    assert_eq!(
        fill(Ui::ExportDone, fr, &[&1, &dir]),
        "1 fichier écrit dans /tmp/x."
    );
    assert_eq!(
        fill(Ui::ExportDone, en, &[&1, &dir]),
        "1 file written in /tmp/x."
    );
    assert!(fill(Ui::CompareSummary, fr, &[&1, &0, &21]).starts_with("1 réponse changée ·"));
    assert!(fill(Ui::CompareSummary, fr, &[&0, &0, &21]).starts_with("0 réponse changée ·"));
    assert!(fill(Ui::CompareSummary, fr, &[&2, &0, &21]).starts_with("2 réponses changées ·"));
    assert!(fill(Ui::CompareSummary, en, &[&0, &0, &21]).starts_with("0 answers changed ·"));
    assert!(fill(Ui::CompareSummary, en, &[&1, &0, &21]).starts_with("1 answer changed ·"));
    assert_eq!(
        fill(Ui::ComparePartial, fr, &[&2, &54, &92]),
        "Suivi en cours (2/54 réponses) : 92 pas encore reposées."
    );
    assert_eq!(
        fill(Ui::ComparePartial, fr, &[&0, &1, &1]),
        "Suivi en cours (0/1 réponse) : 1 pas encore reposée."
    );
    assert_eq!(fill(Ui::HomeCount, fr, &[&1]), "1 diagnostic");
    assert_eq!(fill(Ui::HomeCount, en, &[&0]), "0 audits");
    assert_eq!(
        fill(Ui::HomeCount, fr, &[&12_000]),
        "12\u{202f}000 diagnostics"
    );
    assert_eq!(fill(Ui::MoreFiles, fr, &[&1]), "… et 1 autre");
    assert_eq!(fill(Ui::MoreFiles, fr, &[&2]), "… et 2 autres");
    assert!(
        fill(Ui::EraseBody, fr, &[&"A", &1]).contains("coordonnées et 1 diagnostic seront effacés")
    );
    assert!(
        fill(Ui::EraseBody, fr, &[&"A", &3])
            .contains("coordonnées et 3 diagnostics seront effacés")
    );
}

#[test]
fn fill_replaces_placeholders() {
    assert_eq!(
        Ui::SavedAt.fill(Lang::Fr, &[&"14:03:12"]),
        "enregistré 14:03:12"
    );
}

#[test]
fn fill_reads_each_placeholder_once_and_leaves_the_rest() {
    let lang = Lang::Fr;
    // An argument that looks like a placeholder is not filled again.
    assert_eq!(fill("{0} et {1}", lang, &[&"{1}", &"b"]), "{1} et b");
    // A missing argument leaves its placeholder; a brace that opens none is text.
    assert_eq!(fill("{0} {1|a|b}", lang, &[&"x"]), "x {1|a|b}");
    assert_eq!(fill("{ {x} {0|a} {", lang, &[&1]), "{ {x} {0|a} {");
    // A count that does not read as a number takes the plural.
    assert_eq!(fill("{0|a|b}", lang, &[&"beaucoup"]), "beaucoup\u{a0}b");
    assert_eq!(
        pieces("x{2?un|des}y"),
        [
            Piece::Text("x"),
            Piece::Counted {
                arg: 2,
                one: "un",
                other: "des",
                number: false
            },
            Piece::Text("y")
        ]
    );
}

#[test]
fn the_bracket_check_finds_what_it_is_for() {
    assert!(bracketed_plural("3 réponse(s) changée(s)").is_some());
    assert!(bracketed_plural("trail entr(ies) added").is_some());
    assert!(bracketed_plural("(s) seul").is_none());
    assert!(bracketed_plural("une note (sans détail)").is_none());
}
