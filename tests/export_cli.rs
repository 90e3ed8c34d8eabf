//! The `export` and `import` commands end to end, through the real binary: files written and
//! printed, no overwrite without `--force`, every format at once, JSON export → import into
//! another database → export gives the same bytes, importing twice duplicates nothing, a
//! schema-1 export still imports and comes out in schema 2, a malformed file writes nothing.

#[path = "common/bin.rs"]
mod bin;

mod export_fixture;

use std::path::Path;
use std::process::Output;

use diagasso::store::{Restored, Store};

fn run(db: &Path, args: &[&str]) -> Output {
    bin::diagasso()
        .arg("--db")
        .arg(db)
        .args(["--lang", "fr"])
        .args(args)
        .output()
        .expect("run diagasso")
}

fn seeded(dir: &Path) -> std::path::PathBuf {
    let d = export_fixture::demo();
    let db = dir.join("a.db");
    let mut store = Store::open(&db).unwrap();
    assert_eq!(
        store
            .restore_audit(&d.association, &d.audit, &d.questionnaire)
            .unwrap(),
        Restored::Created {
            association_created: true
        }
    );
    db
}

#[test]
fn exports_every_format_and_never_overwrites_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let db = seeded(tmp.path());
    let out = tmp.path().join("out");
    let id = export_fixture::demo().audit.id;
    let o = run(
        &db,
        &[
            "export",
            &id,
            "--format",
            "md,html,pdf",
            "--format",
            "json",
            "-f",
            "csv,annonce",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let printed = String::from_utf8(o.stdout).unwrap();
    // Six formats, CSV as two files (the wide one and plan-….csv).
    assert_eq!(printed.lines().count(), 7, "{printed}");
    assert!(printed.lines().any(|l| l.contains("/plan-")), "{printed}");
    for line in printed.lines() {
        assert!(Path::new(line).is_file(), "{line}");
    }
    let again = run(
        &db,
        &[
            "export",
            &id,
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    let forced = run(
        &db,
        &[
            "export",
            &id,
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(forced.status.success());
    let bad = run(
        &db,
        &[
            "export",
            &id,
            "--format",
            "docx",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("format inconnu"));
    let all = run(
        &db,
        &[
            "export",
            "--all",
            "--format",
            "csv",
            "--csv-semicolon",
            "--csv-bom",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        all.status.success(),
        "{}",
        String::from_utf8_lossy(&all.stderr)
    );
    let csv = std::fs::read(out.join("diagnostics.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}Diagnostic (identifiant);".as_bytes()));
    // The other way: `,` and no BOM when asked.
    let plain = run(
        &db,
        &[
            "export",
            "--all",
            "--format",
            "csv",
            "--csv-comma",
            "--csv-no-bom",
            "--force",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        plain.status.success(),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    let csv = std::fs::read(out.join("diagnostics.csv")).unwrap();
    assert!(csv.starts_with("Diagnostic (identifiant),".as_bytes()));
}

#[test]
fn json_export_import_export_is_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let db = seeded(tmp.path());
    let id = export_fixture::demo().audit.id;
    let out1 = tmp.path().join("one");
    let o = run(
        &db,
        &[
            "export",
            &id,
            "--format",
            "json",
            "--out",
            out1.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file1 = String::from_utf8(o.stdout).unwrap().trim().to_string();

    let db2 = tmp.path().join("b.db");
    for expected in ["importé", "déjà présent"] {
        let i = run(&db2, &["import", &file1]);
        assert!(i.status.success(), "{}", String::from_utf8_lossy(&i.stderr));
        assert!(String::from_utf8_lossy(&i.stdout).contains(expected));
    }
    // --json: the audit's id and whether this import created it.
    let db3 = tmp.path().join("c.db");
    for created in [true, false] {
        let i = run(&db3, &["import", &file1, "--json"]);
        assert!(i.status.success(), "{}", String::from_utf8_lossy(&i.stderr));
        let v: serde_json::Value = serde_json::from_slice(&i.stdout).unwrap();
        assert_eq!(v["created"], created);
        assert_eq!(v["audit"].as_str().unwrap().len(), 36);
    }
    let store = Store::open(&db2).unwrap();
    assert_eq!(
        store.count_audits("").unwrap(),
        1,
        "imported twice, stored once"
    );
    drop(store);

    let out2 = tmp.path().join("two");
    let o = run(
        &db2,
        &[
            "export",
            &id,
            "--format",
            "json",
            "--out",
            out2.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    let file2 = String::from_utf8(o.stdout).unwrap().trim().to_string();
    assert_eq!(
        std::fs::read(&file1).unwrap(),
        std::fs::read(&file2).unwrap()
    );
}

/// An export written before schema 2 (`tests/fixtures/export/schema-1-export.json`) imports;
/// exported again it is schema 2, which imports elsewhere and exports to the same bytes.
#[test]
fn a_schema_1_export_imports_and_comes_back_in_schema_2() {
    let tmp = tempfile::tempdir().unwrap();
    let old =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/schema-1-export.json");
    let old_json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&old).unwrap()).unwrap();
    assert_eq!(old_json["schema_version"], 1);
    let id = old_json["audit"]["id"].as_str().unwrap().to_string();
    let export_json = |db: &Path, out: &str| -> String {
        let out = tmp.path().join(out);
        let o = run(
            db,
            &[
                "export",
                &id,
                "--format",
                "json",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap().trim().to_string()
    };
    let db1 = tmp.path().join("old.db");
    let i = run(&db1, &["import", old.to_str().unwrap()]);
    assert!(i.status.success(), "{}", String::from_utf8_lossy(&i.stderr));
    let file1 = export_json(&db1, "one");
    let new_json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file1).unwrap()).unwrap();
    assert_eq!(new_json["schema_version"], 2);
    for part in ["association", "audit"] {
        assert_eq!(new_json[part], old_json[part], "{part}");
    }
    let db2 = tmp.path().join("new.db");
    let i = run(&db2, &["import", &file1]);
    assert!(i.status.success(), "{}", String::from_utf8_lossy(&i.stderr));
    let file2 = export_json(&db2, "two");
    assert_eq!(
        std::fs::read(&file1).unwrap(),
        std::fs::read(&file2).unwrap()
    );
}

#[test]
fn malformed_import_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("c.db");
    let bad = tmp.path().join("bad.json");
    for (content, needle) in [
        ("{ pas du json", "JSON illisible"),
        ("{\"format\": \"autre chose\"}", "pas un export diagasso"),
        (
            "{\"format\": \"diagasso-audit-export\", \"schema_version\": 1, \"association\": 3}",
            "mal formé",
        ),
    ] {
        std::fs::write(&bad, content).unwrap();
        let o = run(&db, &["import", bad.to_str().unwrap()]);
        assert!(!o.status.success());
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(needle) && err.contains("rien n'a été importé"),
            "{err}"
        );
    }
    if db.exists() {
        assert_eq!(Store::open(&db).unwrap().count_audits("").unwrap(), 0);
    }
}
