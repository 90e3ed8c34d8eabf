//! Hostile JSON exports given to `diagasso import`: empty, cut short, not UTF-8, too big, a
//! megabyte of note, an export made on a questionnaire version this build does not ship
//! (imported with its copy, then shown and exported from it), and schema-2 exports whose
//! questionnaire inflates past 32 MB or whose plan names a trace that is not there.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::{assert_refused, on_db, run_in};

/// A JSON export of the small stand-in audit (questionnaire `export-essai`), kept as a fixture so
/// these cases do not follow every change of the demo examples.
fn example() -> serde_json::Value {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/stand-in-export.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn import(dir: &Path, db: &Path, file: &Path) -> super::Run {
    run_in(
        dir,
        &[
            OsStr::new("--db"),
            db.as_os_str(),
            OsStr::new("import"),
            file.as_os_str(),
        ],
        &[],
    )
}

/// Write `bytes` as `name` in `dir`; its path.
fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn broken_json_exports_import_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let whole = serde_json::to_vec_pretty(&example()).unwrap();
    let mut not_utf8 = whole.clone();
    let at = whole
        .windows(5)
        .position(|w| w == b"Les P")
        .expect("the name is in the file");
    not_utf8[at] = 0xff;
    let cases: [(&str, Vec<u8>, String); 3] = [
        (
            "vide.json",
            Vec::new(),
            "unreadable JSON (line 1, column 0): EOF while parsing a value at line 1 column 0"
                .into(),
        ),
        (
            "coupe.json",
            whole[..whole.len() / 2].to_vec(),
            String::new(),
        ),
        ("latin1.json", not_utf8, String::new()),
    ];
    for (name, bytes, detail) in cases {
        let f = file(dir.path(), name, &bytes);
        let r = import(dir.path(), &db, &f);
        assert_eq!(r.code, 1, "{name}: {}", r.stderr);
        assert!(
            r.stderr
                .starts_with(&format!("{}: unreadable JSON (line ", f.display())),
            "{name}: {}",
            r.stderr
        );
        assert!(
            r.stderr.ends_with("; nothing was imported.\n"),
            "{name}: {}",
            r.stderr
        );
        if !detail.is_empty() {
            assert_eq!(
                r.stderr,
                format!("{}: {detail}; nothing was imported.\n", f.display())
            );
        }
        assert_eq!(r.stdout, "");
        assert!(!db.exists(), "{name}: not even the database was created");
    }
}

#[test]
fn a_json_export_over_32_mb_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let f = file(dir.path(), "enorme.json", &vec![b' '; 33 * 1024 * 1024]);
    assert_refused(
        &import(dir.path(), &db, &f),
        &format!(
            "{}: file too large for a diagasso export; nothing was imported.\n",
            f.display()
        ),
    );
    assert!(!db.exists());
}

#[test]
fn a_megabyte_note_in_a_json_export_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let mut v = example();
    let note = "Note de l'atelier, très détaillée. ".repeat(30_000);
    v["audit"]["note"] = serde_json::Value::String(note.trim().to_string());
    let id = v["audit"]["id"].as_str().unwrap().to_string();
    let f = file(dir.path(), "note.json", &serde_json::to_vec(&v).unwrap());
    let r = import(dir.path(), &db, &f);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, format!("imported: {id}\n"));
    let shown: serde_json::Value =
        serde_json::from_str(&on_db(dir.path(), &db, &["show", &id, "--json"]).stdout).unwrap();
    assert_eq!(shown["note"], note.trim());
    // Imported twice: nothing to do, nothing changed.
    let r = import(dir.path(), &db, &f);
    assert_eq!(r.stdout, format!("already there, nothing to do: {id}\n"));
}

/// An export made on another laptop on a questionnaire this build does not ship (the example's
/// `export-essai`, here in a version 7 with a changed label) imports with its questionnaire
/// copy, then shows and exports from that copy.
#[test]
fn an_export_on_an_unknown_questionnaire_version_imports_shows_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let mut v = example();
    let source = v["questionnaire"]["source"].as_str().unwrap().to_string();
    let label = "Combien d'adhérents ?";
    assert!(source.contains(label) && source.contains("version = 1\n"));
    let source = source
        .replacen("version = 1\n", "version = 7\n", 1)
        .replace(label, "Combien d'adhérents (version 7) ?");
    let hash = diagasso::questionnaire::load::sha256_hex(source.as_bytes());
    v["questionnaire"]["source"] = source.into();
    v["questionnaire"]["version"] = 7.into();
    v["questionnaire"]["hash"] = hash.clone().into();
    v["audit"]["questionnaire"]["version"] = 7.into();
    v["audit"]["questionnaire"]["hash"] = hash.clone().into();
    let id = v["audit"]["id"].as_str().unwrap().to_string();
    let f = file(dir.path(), "v7.json", &serde_json::to_vec(&v).unwrap());
    let r = import(dir.path(), &db, &f);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown = run_in(
        dir.path(),
        &[
            OsStr::new("--lang"),
            OsStr::new("fr"),
            OsStr::new("--db"),
            db.as_os_str(),
            OsStr::new("show"),
            OsStr::new(&id),
        ],
        &[],
    );
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.contains("(version 7)"), "{}", shown.stdout);
    let out = dir.path().join("exports");
    std::fs::create_dir(&out).unwrap();
    let r = run_in(
        dir.path(),
        &[
            OsStr::new("--lang"),
            OsStr::new("fr"),
            OsStr::new("--db"),
            db.as_os_str(),
            OsStr::new("export"),
            OsStr::new(&id),
            OsStr::new("--format"),
            OsStr::new("md,json"),
            OsStr::new("--out"),
            out.as_os_str(),
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut md = String::new();
    let mut json = None;
    for e in std::fs::read_dir(&out).unwrap().flatten() {
        let p = e.path();
        match p.extension().and_then(|x| x.to_str()) {
            Some("md") => md = std::fs::read_to_string(&p).unwrap(),
            Some("json") => {
                json = Some(
                    serde_json::from_slice::<serde_json::Value>(&std::fs::read(&p).unwrap())
                        .unwrap(),
                )
            }
            _ => {}
        }
    }
    assert!(
        md.contains("Combien d'adhérents (version 7)\u{202f}? — **120**"),
        "the Markdown uses the stored labels:\n{md}"
    );
    let json = json.expect("a JSON export");
    assert_eq!(json["questionnaire"]["version"], 7);
    assert_eq!(json["questionnaire"]["hash"], hash.as_str());
}

/// The example rewritten in schema 2 (the compact format), as JSON.
fn example_v2() -> serde_json::Value {
    let bytes = serde_json::to_vec(&example()).unwrap();
    let (doc, _) = diagasso::export::json::parse(&bytes).unwrap();
    let text = diagasso::export::json::write(&doc).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema_version"], 2);
    v
}

/// 33 MB of spaces gzip into some 32 kB: the import stops reading at 32 MB.
#[test]
fn a_json_export_whose_questionnaire_inflates_past_32_mb_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let mut v = example_v2();
    v["questionnaire"]["source_gzip_base64"] =
        diagasso::export::json::gzip_base64(&" ".repeat(33 << 20))
            .unwrap()
            .into();
    let f = file(dir.path(), "bombe.json", &serde_json::to_vec(&v).unwrap());
    assert!(std::fs::metadata(&f).unwrap().len() < 200_000);
    assert_refused(
        &import(dir.path(), &db, &f),
        &format!(
            "{}: unreadable attached questionnaire (over 32 MB once decompressed); export it again \
             with diagasso; nothing was imported.\n",
            f.display()
        ),
    );
    assert!(!db.exists());
}

#[test]
fn a_json_export_whose_plan_names_a_missing_trace_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let mut v = example_v2();
    v["plan"]["needs"][0]["trace"] = "t999".into();
    let f = file(dir.path(), "trou.json", &serde_json::to_vec(&v).unwrap());
    assert_refused(
        &import(dir.path(), &db, &f),
        &format!(
            "{}: malformed export: the plan refers to 't999', missing from 'traces'; export it \
             again with diagasso; nothing was imported.\n",
            f.display()
        ),
    );
    assert!(!db.exists());
}
