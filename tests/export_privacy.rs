//! Privacy stays explicit: the banner of an anonymised export lists what it leaves out and what
//! it keeps, and every format agrees with it (each part left out is nowhere, each part kept is
//! there); with the notes kept, the notes that name the contact or the trainer are named in one
//! warning, once, by the CLI.

#[path = "common/bin.rs"]
mod bin;

mod export_fixture;

use diagasso::export::privacy::{self, Part};
use diagasso::export::{self, Format, Options, Templates};
use diagasso::i18n::Lang;
use diagasso::store::Store;

/// Every text a reader of this export sees, all formats but the listing (which is always
/// anonymised, see `export_annonce.rs`).
fn shown(d: &export_fixture::Demo, opts: &Options) -> Vec<(Format, String)> {
    let t = Templates::embedded();
    let mut out = Vec::new();
    for f in [Format::Md, Format::Html, Format::Json, Format::Csv] {
        let bytes = export::render(f, &d.input(), opts, &t).unwrap();
        let mut text = String::from_utf8(bytes).unwrap();
        if f == Format::Html {
            // Entities back to characters: the HTML shows them.
            text = text
                .replace("&#x27;", "'")
                .replace("&#x2f;", "/")
                .replace("&amp;", "&");
        }
        out.push((f, text));
    }
    // The PDF is read from its layout; once per case is enough (the slowest format).
    if opts.lang == Lang::Fr {
        out.push((Format::Pdf, export::pdf::texts(&d.input(), opts).join("\n")));
    }
    out
}

/// What each part stands for in the demo, as an export would write it.
fn values(d: &export_fixture::Demo, part: Part) -> Vec<String> {
    let a = &d.association;
    let v: Vec<String> = match part {
        Part::Name => vec![a.name.clone()],
        Part::Contact => vec![a.contact_name.clone(), a.contact_email.clone()],
        Part::Trainer => vec![d.audit.trainer.clone()],
        Part::Postcode => vec![a.postcode.clone()],
        Part::Ids => vec![d.audit.id.clone(), a.id.clone()],
        Part::Notes => d.audit.notes.values().take(3).cloned().collect(),
        Part::Activity => vec![a.activity.clone()],
        _ => Vec::new(),
    };
    v.into_iter().filter(|s| s.chars().count() >= 3).collect()
}

/// Whether `text` shows `value`: its first 40 characters, spaces aside (the PDF wraps lines
/// and sets no-break spaces).
fn has(text: &str, value: &str) -> bool {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let head: String = squeeze(value).chars().take(40).collect();
    squeeze(text).contains(&head)
}

#[test]
fn the_banner_matches_what_every_format_keeps() {
    let base = export_fixture::shipped_demo();
    let mut named = base.clone();
    // An activity naming the association is left out with the name.
    named.association.activity = format!("Jardinage aux {}", base.association.name);
    let mut checked = 0;
    for d in [&base, &named] {
        for (keep_name, with_notes) in [(false, false), (false, true), (true, false), (true, true)]
        {
            for lang in [Lang::Fr, Lang::En] {
                let opts = Options {
                    lang,
                    anonymise: true,
                    with_notes,
                    keep_name,
                };
                let parts = privacy::parts(&d.association, &opts).unwrap();
                let banner = privacy::banner(&d.association, &opts).unwrap();
                for p in parts.left_out.iter().chain(&parts.kept) {
                    assert!(banner.contains(p.label(lang)), "{p:?} not said in {banner}");
                }
                for (f, text) in shown(d, &opts) {
                    if f != Format::Json && f != Format::Csv {
                        let head: String = banner.chars().take(20).collect();
                        assert!(text.contains(&head), "{f}: no banner");
                    }
                    for p in &parts.left_out {
                        for v in values(d, *p) {
                            // A kept name may sit inside the activity: the name decides.
                            if *p == Part::Activity && keep_name {
                                continue;
                            }
                            assert!(
                                !has(&text, &v),
                                "{f} {lang:?}: {p:?} left out but {v:?} is there"
                            );
                            checked += 1;
                        }
                    }
                    for p in &parts.kept {
                        // The CSV has no column for the notes of each question (its free
                        // texts are the general note and the text answers).
                        if f == Format::Csv && *p == Part::Notes {
                            continue;
                        }
                        for v in values(d, *p) {
                            assert!(
                                has(&text, &v),
                                "{f} {lang:?} keep_name={keep_name} notes={with_notes}: {p:?} kept but {v:?} is missing"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 200, "{checked} checks");
    // Not anonymised: no banner, no parts.
    assert!(privacy::banner(&base.association, &Options::default()).is_none());
}

#[test]
fn the_check_can_fail() {
    let d = export_fixture::shipped_demo();
    let opts = Options {
        anonymise: true,
        ..Options::default()
    };
    let parts = privacy::parts(&d.association, &opts).unwrap();
    assert!(parts.left_out.contains(&Part::Contact));
    // A format that let the contact through would be caught.
    let leaky = format!("{}\n{}", shown(&d, &opts)[0].1, d.association.contact_email);
    assert!(values(&d, Part::Contact).iter().any(|v| has(&leaky, v)));
}

#[test]
fn kept_notes_naming_people_are_named_in_one_warning() {
    let d = export_fixture::shipped_demo();
    let both = Options {
        anonymise: true,
        with_notes: true,
        ..Options::default()
    };
    let w = privacy::warning(&d.input(), &both).expect("the demo's notes name Sophie");
    let q = d.questionnaire.question("security_2fa").unwrap();
    let punct = diagasso::i18n::typo::punct;
    assert!(w.fr.contains(&punct(Lang::Fr, &q.label.fr)), "{}", w.fr);
    assert!(w.en.contains(&q.label.en), "{}", w.en);
    assert!(
        w.fr.starts_with("Attention\u{a0}:") && !w.fr.contains("(s)"),
        "{}",
        w.fr
    );
    // Not anonymised, or notes left out: nothing to warn about.
    for opts in [
        Options::default(),
        Options {
            anonymise: true,
            ..Options::default()
        },
    ] {
        assert!(privacy::warning(&d.input(), &opts).is_none());
    }
    // Notes that name nobody: no warning.
    let mut quiet = d.clone();
    for n in quiet.audit.notes.values_mut() {
        *n = n.replace("Sophie", "la trésorière");
    }
    assert_eq!(
        privacy::notes_naming(&quiet.input(), Lang::Fr),
        Vec::<String>::new()
    );
    assert!(privacy::warning(&quiet.input(), &both).is_none());
    // The trainer's name counts too, in the general note.
    quiet.audit.note = "Revoir avec Camille en janvier.".into();
    assert_eq!(
        privacy::notes_naming(&quiet.input(), Lang::Fr),
        vec!["la note générale"]
    );
}

#[test]
fn the_cli_warns_once() {
    let tmp = tempfile::tempdir().unwrap();
    let d = export_fixture::shipped_demo();
    let db = tmp.path().join("a.db");
    let mut store = Store::open(&db).unwrap();
    store
        .restore_audit(&d.association, &d.audit, &d.questionnaire)
        .unwrap();
    drop(store);
    let run = |extra: &[&str]| {
        let out = tmp.path().join(format!("out{}", extra.len()));
        bin::diagasso()
            .arg("--db")
            .arg(&db)
            .args([
                "--lang",
                "fr",
                "export",
                &d.audit.id,
                "-f",
                "md,html,csv",
                "--anonymise",
            ])
            .args(extra)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap()
    };
    let o = run(&["--with-notes"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.matches("Attention").count(), 1, "{err}");
    assert!(
        err.contains("authentification") || err.contains("«"),
        "{err}"
    );
    let o = run(&[]);
    assert!(o.status.success());
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
