//! The "Pourquoi ?" of the exports, on the shipped demo with its real plan: every block stays
//! short enough to read, nothing a block leaves out is lost (the annex of the Markdown lists it,
//! the HTML folds it in `<details>`), every answer a trace reads is shown somewhere, and the
//! anonymised exports of the real plan leak nothing personal.

mod export_fixture;

use std::collections::BTreeSet;

use diagasso::export::escape::markdown as md_escape;
use diagasso::export::labels::label;
use diagasso::export::plan_view::Why;
use diagasso::export::view::{self, Report};
use diagasso::export::{self, Format, Options, Templates};
use diagasso::i18n::Lang;
use export_fixture::shipped_demo;

fn options() -> Vec<Options> {
    let fr = Options::default();
    vec![
        fr,
        Options {
            lang: Lang::En,
            ..fr
        },
        Options {
            anonymise: true,
            ..fr
        },
    ]
}

#[test]
fn no_long_sentence_is_repeated_and_no_rule_id_shows() {
    let d = shipped_demo();
    let t = Templates::embedded();
    for opts in options() {
        let md = export::markdown::render(&d.input(), &opts, &t).unwrap();
        let mut seen: std::collections::BTreeMap<&str, usize> = Default::default();
        for s in md
            .split(". ")
            .map(str::trim)
            .filter(|s| s.chars().count() >= 50)
        {
            *seen.entry(s).or_default() += 1;
        }
        // A step's title is in the proposal, the roadmap and "how to move": three at most.
        let worst = seen.iter().max_by_key(|(_, n)| **n).map(|(s, n)| (*n, *s));
        assert!(worst.is_none_or(|(n, _)| n <= 3), "{worst:?}");
        assert!(!md.contains("règle needs.") && !md.contains("rule needs."));
    }
}

/// Every "Pourquoi ?" of the report, with what it explains.
fn whys(r: &Report) -> Vec<(String, &Why)> {
    let p = &r.plan;
    let mut out: Vec<(String, &Why)> = Vec::new();
    out.extend(
        p.framaspace
            .reasons
            .iter()
            .map(|x| (x.text.clone(), &x.why)),
    );
    out.extend(p.recommendations.iter().map(|x| (x.need.clone(), &x.why)));
    out.extend(p.hosts.iter().map(|x| (x.name.clone(), &x.why)));
    for phase in &p.roadmap {
        out.extend(phase.steps.iter().map(|x| (x.title.clone(), &x.why)));
    }
    out.extend(p.risks.iter().map(|x| (x.title.clone(), &x.why)));
    out
}

#[test]
fn every_annex_entry_is_in_the_markdown_once() {
    let d = shipped_demo();
    let t = Templates::embedded();
    for opts in options() {
        let report = view::build(&d.input(), &opts);
        let md = export::markdown::render(&d.input(), &opts, &t).unwrap();
        assert!(report.plan.annex.len() > 10, "{}", report.plan.annex.len());
        for (what, w) in whys(&report) {
            let Some(id) = &w.annex else { continue };
            let head = format!("**{id}. ");
            assert_eq!(md.matches(&head).count(), 1, "{what}: entry {id}");
        }
        for e in &report.plan.annex {
            for a in &e.answers {
                assert!(md.contains(&md_escape(a)), "{a:?} missing from the annex");
            }
        }
        // The trainer's annex comes after everything a board reads.
        let annex = md.find(label(opts.lang, "trainer_annex")).unwrap();
        assert!(annex > md.find(label(opts.lang, "profile")).unwrap());
    }
}

#[test]
fn every_answer_a_trace_reads_is_shown_somewhere() {
    let d = shipped_demo();
    let report = view::build(&d.input(), &Options::default());
    let shown: BTreeSet<&str> = whys(&report)
        .into_iter()
        .flat_map(|(_, w)| w.keys().iter().map(String::as_str))
        .collect();
    // Every question id any trace of the items above reads (scores and needs are not shown).
    let plan = &d.plan;
    let mut traces: Vec<&diagasso::plan::Trace> = Vec::new();
    traces.extend(plan.recommendations.iter().map(|r| &r.trace));
    traces.extend(plan.hosts.iter().map(|h| &h.trace));
    traces.extend(plan.risks.iter().map(|r| &r.trace));
    traces.extend(plan.framaspace.reasons.iter().map(|r| &r.trace));
    traces.extend(plan.roadmap.iter().flat_map(|p| &p.steps).map(|s| &s.trace));
    let mut read = BTreeSet::new();
    for t in traces {
        for a in &t.answers {
            read.insert(a.question.to_string());
        }
    }
    let shown: BTreeSet<String> = shown.into_iter().map(str::to_string).collect();
    assert!(read.len() > 30, "{}", read.len());
    let missing: Vec<_> = read.difference(&shown).collect();
    assert!(
        missing.is_empty(),
        "answers read but shown nowhere: {missing:?}"
    );
}

#[test]
fn html_reads_on_a_phone_and_in_print() {
    let d = shipped_demo();
    let html =
        export::html::render(&d.input(), &Options::default(), &Templates::embedded()).unwrap();
    // Phones: one column of contents; words never cut but in addresses and codes.
    assert!(html.contains("@media (max-width: 40rem)") && html.contains(".toc ol { columns: 1; }"));
    assert!(!html.contains("th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere"));
    assert!(!html.contains("<script"));
    assert!(html.contains("<html lang=\"fr\">"));
    // Headings in order, the charts' data as a table, a print stylesheet.
    let mut last = 0;
    for (i, _) in html.match_indices("<h") {
        let level = html[i + 2..].chars().next().and_then(|c| c.to_digit(10));
        if let Some(level) = level {
            assert!(level <= last + 1, "heading h{level} after h{last}");
            last = level;
        }
    }
    assert!(html.contains("<table class=\"scores\">"));
    assert!(html.contains("@media print"));
}

#[test]
fn the_real_plan_leaks_nothing_when_anonymised() {
    let d = shipped_demo();
    let a = &d.association;
    let mut secrets = vec![
        a.name.clone(),
        a.contact_name.clone(),
        a.contact_email.clone(),
        a.postcode.clone(),
        d.audit.trainer.clone(),
    ];
    secrets.extend(d.audit.notes.values().cloned());
    for lang in [Lang::Fr, Lang::En] {
        let opts = Options {
            anonymise: true,
            lang,
            ..Options::default()
        };
        let t = Templates::embedded();
        for f in Format::ALL {
            let bytes = export::render(f, &d.input(), &opts, &t).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let name = export::file_name(f, &d.input(), &opts);
            for s in &secrets {
                assert!(!text.contains(s.as_str()), "{s:?} in anonymised {f}");
                assert!(!name.contains(s.as_str()), "{s:?} in {name}");
            }
        }
        let pdf = export::pdf::texts(&d.input(), &opts).join("\n");
        for s in &secrets {
            assert!(!pdf.contains(s.as_str()), "{s:?} in the PDF's text");
        }
    }
}

#[test]
fn typography_and_scale_read_right() {
    let d = shipped_demo();
    let t = Templates::embedded();
    let fr = export::markdown::render(&d.input(), &Options::default(), &t).unwrap();
    let en = export::markdown::render(
        &d.input(),
        &Options {
            lang: Lang::En,
            ..Options::default()
        },
        &t,
    )
    .unwrap();
    // English has no space before a colon; French a no-break one in our own words.
    assert!(en.contains("- **Name**: "), "English typography");
    // (The answers, notes and catalogue facts are French, as written: only our words count.)
    for ours in [
        "** :",
        "* :",
        "\u{a0}:",
        "effort :",
        "to check :",
        "current tools :",
    ] {
        assert!(
            !en.contains(ours),
            "{ours:?}: a space before a colon in English"
        );
    }
    assert!(en.contains(" Who: ") && en.contains("to check: "));
    assert!(fr.contains("- **Nom**\u{a0}: "), "French typography");
    // The scale is the plan's: 1 to 4.
    assert!(fr.contains("de 1 à 4"));
    assert!(!fr.contains("de 0 ") && !en.contains("from 0 "));
    // A date is never written twice in a row.
    for md in [&fr, &en] {
        for line in md.lines() {
            for (i, _) in line.match_indices(") (") {
                let before = &line[..i + 1];
                let after = &line[i + 2..];
                let date = before.rsplit('(').next().unwrap_or("");
                assert!(
                    date.is_empty() || !after.starts_with(&format!("{date})")),
                    "a date twice: {line}"
                );
            }
        }
    }
    // File names are cut between words and keep the département.
    let annonce = export::file_name(Format::Annonce, &d.input(), &Options::default());
    assert_eq!(
        annonce,
        "annonce-jardinage-collectif-et-éducation-département-69-2026-11-24.txt"
    );
}

/// The demo PDF, as a board gets it — the target: the roadmap by page 3, at most 8
/// pages before the annex, the whole under 15 pages.
#[test]
fn the_demo_pdf_puts_the_roadmap_first() {
    let d = shipped_demo();
    let pages = export::pdf::pages(&d.input(), &Options::default());
    let find = |needle: &str| {
        pages
            .iter()
            .position(|p| p.iter().any(|t| t.contains(needle)))
            .map(|i| i + 1)
    };
    let roadmap = find("1.1").expect("the roadmap's first step");
    let annex = find(label(Lang::Fr, "trainer_annex")).expect("the annex");
    assert!(roadmap <= 3, "roadmap on page {roadmap}");
    assert!(annex - 1 <= 8, "{} pages before the annex", annex - 1);
    assert!(pages.len() < 15, "{} pages", pages.len());
}
