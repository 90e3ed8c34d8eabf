//! Anonymised exports (issue 12, point 8): an activity that names the association (« Jardinage
//! avec ZÉBULON » for « Zébulon ») is left out of every anonymised export, contents and file
//! names; anonymised JSON, CSV and reports carry neither the audit's nor the association's id.

use std::path::Path;

use super::on_db;

fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn an_activity_naming_the_association_and_the_ids_stay_out_of_anonymised_exports() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let db = home.join("base.db");
    let demo = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/examples/demo.toml"),
    )
    .unwrap();
    let text = demo
        .replace(
            "name = \"Les Jardins Partagés de la Croix-Rousse\"",
            "name = \"Zébulon\"",
        )
        .replace(
            "activity = \"Jardinage collectif et éducation à l'environnement\"",
            "activity = \"Jardinage avec ZEBULON et ses amis\"",
        );
    assert_ne!(text, demo);
    let f = home.join("zebulon.toml");
    std::fs::write(&f, text).unwrap();
    let r = on_db(home, &db, &["new", "--answers", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let audit = r.stdout.lines().last().unwrap().to_string();
    let list: serde_json::Value =
        serde_json::from_str(&on_db(home, &db, &["list", "--json"]).stdout).unwrap();
    let association = list[0]["association"]["id"].as_str().unwrap().to_string();
    let out = home.join("anonyme");
    let r = on_db(
        home,
        &db,
        &[
            "export",
            &audit,
            "--format",
            "md,html,json,csv,annonce,pdf",
            "--anonymise",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let files: Vec<&str> = r.stdout.lines().collect();
    // Six formats, seven files: the CSV comes as the answers and the plan.
    assert_eq!(files.len(), 7, "{files:?}");
    for file in &files {
        let name = Path::new(file).file_name().unwrap().to_string_lossy();
        assert!(!fold(&name).contains("zebulon"), "{name}");
        if name.ends_with(".pdf") {
            continue;
        }
        let body = std::fs::read_to_string(file).unwrap();
        assert!(
            !fold(&body).contains("zebulon"),
            "{name} names the association"
        );
        assert!(!body.contains(&audit), "{name} carries the audit id");
        assert!(
            !body.contains(&association),
            "{name} carries the association id"
        );
    }
    let json = files.iter().find(|f| f.ends_with(".json")).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    assert_eq!(v["association"]["id"], "");
    assert_eq!(v["audit"]["id"], "");
    assert_eq!(v["audit"]["association_id"], "");
    assert_eq!(v["association"]["activity"], "");
    // Not anonymised, the same export keeps them.
    let full = home.join("complet");
    let r = on_db(
        home,
        &db,
        &[
            "export",
            &audit,
            "--format",
            "json",
            "--out",
            full.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let body = std::fs::read_to_string(r.stdout.trim()).unwrap();
    assert!(body.contains(&audit) && body.contains("ZEBULON"));
    // The anonymised JSON cannot come back: it says why.
    let r = on_db(home, &home.join("autre.db"), &["import", json]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("this is an anonymised export"),
        "{}",
        r.stderr
    );
}
