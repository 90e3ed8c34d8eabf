//! The "Pourquoi ?" of the exports, on the shipped demo with its real plan: every block stays
//! short enough to read, nothing a block leaves out is lost (the annex of the Markdown lists it,
//! the HTML folds it in `<details>`), every answer a trace reads is shown somewhere, and the
//! anonymised exports of the real plan leak nothing personal.

mod export_fixture;

use std::collections::BTreeSet;

use diagasso::export::escape::markdown as md_escape;
use diagasso::export::plan_view::{MAX_ANSWERS, Why};
use diagasso::export::view::{self, Report};
use diagasso::export::{self, Format, Options, Templates};
use diagasso::i18n::Lang;
use export_fixture::shipped_demo;

/// The most lines (not counting blank ones) and characters a block may take in the Markdown.
const MAX_BLOCK_LINES: usize = 12;
const MAX_BLOCK_CHARS: usize = 1600;

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

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Every "Pourquoi ?" block of a Markdown report: the line that opens it and the list under it
/// (indented at least as much), up to the next thing that is not part of it.
fn blocks(md: &str, head: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].trim_start().starts_with(head) {
            i += 1;
            continue;
        }
        let pad = indent(lines[i]);
        let mut block = vec![lines[i].to_string()];
        let mut j = i + 1;
        while j < lines.len() {
            let l = lines[j];
            if l.trim().is_empty() {
                j += 1;
                continue;
            }
            if indent(l) == pad && l.trim_start().starts_with("- ") {
                block.push(l.to_string());
                j += 1;
            } else {
                break;
            }
        }
        out.push(block);
        i = j;
    }
    out
}

#[test]
fn every_pourquoi_block_is_short() {
    let d = shipped_demo();
    let t = Templates::embedded();
    for opts in options() {
        let md = export::markdown::render(&d.input(), &opts, &t).unwrap();
        let head = match opts.lang {
            Lang::Fr => "**Pourquoi\u{a0}?**",
            Lang::En => "**Why?**",
        };
        let found = blocks(&md, head);
        assert!(found.len() > 20, "{} blocks", found.len());
        for b in found {
            let chars: usize = b.iter().map(|l| l.chars().count()).sum();
            assert!(
                b.len() <= MAX_BLOCK_LINES && chars <= MAX_BLOCK_CHARS,
                "a block of {} lines, {chars} characters:\n{}",
                b.len(),
                b.join("\n")
            );
            let answers = b.iter().filter(|l| l.contains(" → ")).count();
            assert!(answers <= MAX_ANSWERS, "{}", b.join("\n"));
        }
        // The old inline dump is gone: no rule id in the text a person reads.
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

/// The annex entry `id` of a Markdown report: its lines, up to the next entry.
fn annex_entry<'a>(md: &'a str, id: &str) -> Vec<&'a str> {
    let head = format!("### {id} — ");
    let Some(start) = md.find(&head) else {
        return Vec::new();
    };
    md[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("### ") && !l.starts_with("---"))
        .collect()
}

#[test]
fn the_annex_lists_every_answer_a_block_leaves_out() {
    let d = shipped_demo();
    let t = Templates::embedded();
    for opts in options() {
        let report = view::build(&d.input(), &opts);
        let md = export::markdown::render(&d.input(), &opts, &t).unwrap();
        let mut cut = 0;
        for (what, w) in whys(&report) {
            if !w.more.is_empty() || !w.more_sources.is_empty() {
                cut += 1;
                assert!(w.annex.is_some(), "{what}: cut short with no annex entry");
            }
            let Some(id) = &w.annex else { continue };
            let mut entry = annex_entry(&md, id);
            assert!(
                !entry.is_empty(),
                "{what}: no annex entry {id} in the Markdown"
            );
            // An entry may name an earlier one with the very same answers.
            let same = entry
                .iter()
                .find_map(|l| l.strip_prefix("- ").and_then(same_as))
                .map(str::to_string);
            let mut answers_at = entry.clone();
            if let Some(first) = same {
                answers_at = annex_entry(&md, &first);
                entry.extend(answers_at.iter().copied());
            }
            for a in w.answers.iter().chain(&w.more) {
                let line = format!("- {}", md_escape(a));
                assert!(
                    answers_at.contains(&line.as_str()),
                    "{what}: {line:?} missing from annex {id}"
                );
            }
            for s in w.sources.iter().chain(&w.more_sources) {
                let src = md_escape(s);
                assert!(
                    entry.iter().any(|l| l.contains(&src)),
                    "{what}: source {src:?} missing from annex {id}"
                );
            }
        }
        assert!(cut > 0, "the demo has blocks cut short");
        // The annex is the last part of the report.
        let last = md.rfind("\n## ").unwrap_or(0);
        assert!(md[last..].contains("### A1 — "), "the annex comes last");
    }
}

/// "Les mêmes réponses que A5." → "A5".
fn same_as(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("Les mêmes réponses que ")
        .or_else(|| line.strip_prefix("The same answers as "))?;
    rest.strip_suffix('.')
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
    let mut items: Vec<&serde_json::Value> = Vec::new();
    for key in ["recommendations", "hosts", "risks"] {
        items.extend(plan[key].as_array().into_iter().flatten());
    }
    items.extend(
        plan["framaspace"]["reasons"]
            .as_array()
            .into_iter()
            .flatten(),
    );
    for phase in plan["roadmap"].as_array().into_iter().flatten() {
        items.extend(phase["steps"].as_array().into_iter().flatten());
    }
    let mut read = BTreeSet::new();
    for item in items {
        for a in item["trace"]["answers"].as_array().into_iter().flatten() {
            read.insert(a["question"].as_str().unwrap_or_default());
        }
    }
    assert!(read.len() > 30, "{}", read.len());
    let missing: Vec<_> = read.difference(&shown).collect();
    assert!(
        missing.is_empty(),
        "answers read but shown nowhere: {missing:?}"
    );
}

#[test]
fn html_folds_each_pourquoi_in_details() {
    let d = shipped_demo();
    let html =
        export::html::render(&d.input(), &Options::default(), &Templates::embedded()).unwrap();
    let opened = html.matches("<details class=\"why\"><summary>Pourquoi\u{a0}?</summary>");
    assert!(opened.count() > 20);
    assert_eq!(
        html.matches("<details").count(),
        html.matches("</details>").count()
    );
    assert!(html.contains("<details class=\"more\"><summary>"));
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
    assert!(en.contains("— effort: ") && en.contains("to check: "));
    assert!(fr.contains("- **Nom**\u{a0}: "), "French typography");
    // The scale is the plan's: 1 to 4.
    assert!(fr.contains("Niveau de 1 à 4"));
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
