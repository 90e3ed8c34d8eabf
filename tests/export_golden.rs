//! Golden examples: every export format generated from the shipped demo audit (the one
//! `diagasso demo` creates, with its real plan on the shipped catalogue, fixed ids and dates)
//! lives in `exports/examples/`. This test regenerates them and fails when they drift; run it
//! with `UPDATE_GOLDEN=1` to rewrite them after an intended change (then review the diff).

mod export_fixture;

use std::path::{Path, PathBuf};

use diagasso::export::{self, Format, Options, Templates, csv::CsvOptions};
use diagasso::i18n::Lang;

fn examples() -> Vec<(String, Vec<u8>)> {
    let d = export_fixture::shipped_demo();
    let input = d.input();
    let t = Templates::embedded();
    let mut out = Vec::new();
    let fr = Options::default();
    let anon = Options {
        anonymise: true,
        ..fr
    };
    let en = Options {
        lang: Lang::En,
        ..fr
    };
    for (opts, formats) in [
        (fr, &Format::ALL[..]),
        (
            anon,
            &[
                Format::Md,
                Format::Html,
                Format::Pdf,
                Format::Json,
                Format::Csv,
            ][..],
        ),
        (
            en,
            &[
                Format::Md,
                Format::Html,
                Format::Pdf,
                Format::Csv,
                Format::Annonce,
            ][..],
        ),
    ] {
        for &f in formats {
            let csv = CsvOptions::for_lang(opts.lang);
            let files =
                export::files(f, &input, &opts, &t, &csv).unwrap_or_else(|e| panic!("{f}: {e}"));
            for (mut name, bytes) in files {
                if opts.lang == Lang::En {
                    name = format!("en-{name}");
                }
                out.push((name, bytes));
            }
        }
    }
    out
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("exports/examples")
}

#[test]
fn examples_are_up_to_date() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let dir = dir();
    let mut drift = Vec::new();
    let made = examples();
    for (name, bytes) in &made {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, bytes).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
            drift.push(name.clone());
        }
    }
    // No stale example left behind.
    let known: Vec<&str> = made.iter().map(|(n, _)| n.as_str()).collect();
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name != "README.md" && !known.contains(&name.as_str()) {
            if update {
                std::fs::remove_file(entry.path()).unwrap();
            } else {
                drift.push(format!("{name} (stale)"));
            }
        }
    }
    assert!(
        drift.is_empty(),
        "exports/examples/ drifted: {drift:?}\nrun `UPDATE_GOLDEN=1 cargo test --test export_golden` and review the diff"
    );
}

#[test]
fn exports_are_deterministic() {
    assert_eq!(examples(), examples());
}

/// The example JSON exports have exactly the keys the schema lists (a structural check of the
/// parts the schema closes with `additionalProperties: false`).
#[test]
fn json_examples_follow_the_schema_keys() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../exports/schema/audit-export.schema.json")).unwrap();
    fn keys(v: &serde_json::Value) -> Vec<String> {
        let mut k: Vec<String> = v
            .as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default();
        k.sort();
        k
    }
    for (name, bytes) in examples().iter().filter(|(n, _)| n.ends_with(".json")) {
        let doc: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        assert_eq!(keys(&doc), keys(&schema["properties"]), "{name}");
        for part in ["association", "audit", "questionnaire"] {
            assert_eq!(
                keys(&doc[part]),
                keys(&schema["properties"][part]["properties"]),
                "{name}: {part}"
            );
        }
        assert_eq!(
            doc["schema_version"],
            schema["properties"]["schema_version"]["const"]
        );
    }
}
