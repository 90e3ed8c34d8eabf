//! `diagasso catalog list|import` and `diagasso check` on the catalogue, through the binary:
//! exit codes, what is shown, and that a refused import writes nothing.

#[path = "common/bin.rs"]
mod bin;

use std::path::Path;
use std::process::Stdio;

const FIXTURES: &str = "tests/fixtures/chatonsinfos";

fn run(catalog: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin::diagasso()
        .args(["--lang", "en"])
        .args(args)
        .env("DIAGASSO_CATALOG", catalog)
        .stdin(Stdio::null())
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// The shipped catalogue's host count, read from the catalogue itself.
fn shipped_hosts() -> usize {
    diagasso::catalog::shipped()
        .expect("shipped catalogue")
        .hosts
        .len()
}

#[test]
fn list_json_gives_each_host_its_origin_and_age() {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("catalogue.toml");
    let (code, out, err) = run(&user, &["catalog", "list", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hosts = v["hosts"].as_array().unwrap();
    assert_eq!(hosts.len(), shipped_hosts());
    for h in hosts {
        assert_eq!(h["origin"], "shipped");
        assert!(h["age_months"].as_i64().unwrap() >= 0);
        assert!(!h["sources"].as_array().unwrap().is_empty(), "{}", h["id"]);
    }
    assert!(
        v["offers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["id"] == "frama-space")
    );
}

#[test]
fn import_shows_the_diff_then_writes_only_with_yes() {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("catalogue.toml");
    let files = [
        fixture("federation.properties"),
        fixture("chaton-exemple.properties"),
        fixture("chaton-exemple-cloud.properties"),
        fixture("chaton-exemple-pad.properties"),
        fixture("chaton-exemple-visio.properties"),
    ];
    let mut args = vec!["catalog", "import"];
    args.extend(files.iter().map(String::as_str));

    // Without --yes and with no terminal: shown, refused, nothing written.
    let (code, out, err) = run(&user, &args);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("+ "), "{out}");
    assert!(out.contains("1 added"), "{out}");
    assert!(err.contains("run again with --yes"), "{err}");
    assert!(!user.exists());

    args.push("--yes");
    let (code, out, err) = run(&user, &args);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("User catalogue written"), "{out}");
    let written = std::fs::read(&user).unwrap();

    // The imported host is now in the effective catalogue, marked as such.
    let (_, out, _) = run(&user, &["catalog", "list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hosts = v["hosts"].as_array().unwrap();
    assert_eq!(hosts.len(), shipped_hosts() + 1);
    assert_eq!(hosts.iter().filter(|h| h["origin"] == "user").count(), 1);

    // The same files again: nothing to write, file unchanged.
    let (code, out, _) = run(&user, &args);
    assert_eq!(code, 0);
    assert!(out.contains("Nothing to write."), "{out}");
    assert_eq!(std::fs::read(&user).unwrap(), written);

    // `check` validates the effective catalogue, user file included.
    let (code, out, err) = run(&user, &["check"]);
    assert_eq!(code, 0, "{err}");
    let hosts_line = format!("{} hosts", shipped_hosts() + 1);
    assert!(out.contains(&hosts_line), "{out}");
}

#[test]
fn malformed_files_are_refused_whole_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("catalogue.toml");
    for bad in [
        "bad-lines.properties",
        "latin1.properties",
        "no-class.properties",
    ] {
        let path = format!("tests/fixtures/chatonsinfos-malformed/{bad}");
        let (code, out, err) = run(
            &user,
            &[
                "catalog",
                "import",
                &fixture("chaton-exemple.properties"),
                &path,
                "--yes",
            ],
        );
        assert_eq!(code, 1, "{bad}: {out}");
        assert!(err.contains(bad), "{bad}: {err}");
        assert!(err.contains("Nothing was imported."), "{err}");
        assert!(!user.exists(), "{bad}");
    }
    let (code, _, err) = run(
        &user,
        &[
            "catalog",
            "import",
            "tests/fixtures/none.properties",
            "--yes",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("none.properties"), "{err}");
}

#[test]
fn check_reports_questionnaire_tags_missing_from_a_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalog");
    std::fs::create_dir(&cat).unwrap();
    for f in [
        "needs.toml",
        "tools.toml",
        "software.toml",
        "offers.toml",
        "hosts.toml",
    ] {
        std::fs::copy(Path::new("catalog").join(f), cat.join(f)).unwrap();
    }
    let (code, out, err) = run(
        &dir.path().join("u.toml"),
        &[
            "check",
            cat.to_str().unwrap(),
            "tests/fixtures/questionnaires/good-small.toml",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    // A questionnaire naming a tool the catalogue does not know is refused.
    let q = std::fs::read_to_string("tests/fixtures/questionnaires/good-small.toml")
        .unwrap()
        .replace("tool = \"nextcloud\"", "tool = \"nextclou\"");
    let qpath = dir.path().join("q.toml");
    std::fs::write(&qpath, q).unwrap();
    let (code, _, err) = run(
        &dir.path().join("u.toml"),
        &["check", cat.to_str().unwrap(), qpath.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("question 'files_tools', choice 'nextcloud': tool 'nextclou' is not in the catalogue (did you mean 'nextcloud'?)"),
        "{err}"
    );
}
