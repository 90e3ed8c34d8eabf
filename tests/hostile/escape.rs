//! Terminal escape injection (issue 12, point 4), each way in × each printer: names and texts
//! holding `ESC ] 52 ; c ; … BEL` (OSC 52, sets the clipboard), `ESC [ 2 J` (clears the
//! screen), a C1 `U+009B` (a one-byte CSI) and a bidi override, brought by an answers file,
//! the command line, the environment, a JSON export, a bundle, the line mode and a ChatonsInfos
//! file. Each is stored cleaned; then every command that prints names and texts (`list`,
//! `show`, `compare`, `erase`, `workshop list`, `catalog list`, the line mode, with and without
//! `--json`) is run and its whole output checked. A second table plants the raw characters in
//! the file itself (an older diagasso stored them): every printer shows them escaped.

use std::ffi::OsStr;
use std::path::Path;

use super::{Run, demo_db, on_db, run_in, run_with_input};

/// OSC 52 (clipboard), clear screen, C1 CSI, right-to-left override.
const PAYLOAD: &str = "Zèbre\u{1b}]52;c;cGF3bmVk\u{7}\u{1b}[2J\u{9b}31m\u{202e}fin";
/// What is stored of it: every control and override dropped, the rest kept.
const CLEANED: &str = "Zèbre]52;c;cGF3bmVk[2J31mfin";
/// As a TOML or JSON string (escapes).
const PAYLOAD_ESCAPED: &str = "Zèbre\\u001b]52;c;cGF3bmVk\\u0007\\u001b[2J\\u009b31m\\u202efin";

/// Whether `s` holds something a terminal would act on: a control character but newline and
/// tab (C0, DEL, C1), or a bidi embedding, override or isolate. (Written here again, apart from
/// the code under test.)
fn dangerous(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

#[track_caller]
fn safe(what: &str, r: &Run) {
    for (stream, text) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
        if let Some(c) = dangerous(text) {
            panic!("{what}: {stream} holds U+{:04X}:\n{text}", u32::from(c));
        }
    }
}

/// Every printer, on a database with at least one audit; `audit` and `association` name one.
fn every_printer(home: &Path, db: &Path, audit: &str, association: &str) -> Vec<(String, Run)> {
    let mut out = Vec::new();
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", audit],
        vec!["show", audit, "--json"],
        vec!["compare", audit, audit],
        vec!["compare", audit, audit, "--json"],
        vec!["plan", audit],
        vec!["workshop", "list"],
        vec!["workshop", "list", "--json"],
        vec!["workshop", "pool", "--all"],
        vec!["followup", "show", audit],
        // No terminal and no --yes: refused, naming the association.
        vec!["erase", association],
    ] {
        let label: Vec<&str> = args
            .iter()
            .map(|a| match *a {
                a if a == audit => "AUDIT",
                a if a == association => "ASSOCIATION",
                a => a,
            })
            .collect();
        out.push((label.join(" "), on_db(home, db, &args)));
    }
    let plain = run_with_input(
        home,
        &[OsStr::new("--db"), db.as_os_str(), OsStr::new("--plain")],
        b"1\nq\nq\n",
    );
    out.push(("--plain".into(), plain));
    out
}

fn check_printers(home: &Path, db: &Path, audit: &str, association: &str) {
    for (what, r) in every_printer(home, db, audit, association) {
        safe(&what, &r);
    }
}

/// The only audit of `db`: (audit id, association id, association name).
fn only_audit(home: &Path, db: &Path) -> (String, String, String) {
    let list = on_db(home, db, &["list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    let first = &v[0];
    (
        first["id"].as_str().unwrap().to_string(),
        first["association"]["id"].as_str().unwrap().to_string(),
        first["association"]["name"].as_str().unwrap().to_string(),
    )
}

#[test]
fn an_answers_file_brings_no_control_character_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let f = dir.path().join("r.toml");
    let p = PAYLOAD_ESCAPED;
    std::fs::write(
        &f,
        format!(
            "trainer = \"{p}\"\nnote = \"{p}\"\n[association]\nname = \"{p}\"\nactivity = \"{p}\"\ncontact_name = \"{p}\"\n[answers]\nuses_pain_point = \"{p}\"\n[notes]\nuses_pain_point = \"{p}\"\n"
        ),
    )
    .unwrap();
    let r = on_db(dir.path(), &db, &["new", "--answers", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    safe("new", &r);
    let (audit, association, name) = only_audit(dir.path(), &db);
    assert_eq!(name, CLEANED);
    let v: serde_json::Value =
        serde_json::from_str(&on_db(dir.path(), &db, &["show", &audit, "--json"]).stdout).unwrap();
    for value in [
        &v["trainer"],
        &v["note"],
        &v["association"]["activity"],
        &v["association"]["contact_name"],
        &v["answers"]["uses_pain_point"]["value"],
        &v["notes"]["uses_pain_point"],
    ] {
        assert_eq!(value, CLEANED);
    }
    check_printers(dir.path(), &db, &audit, &association);
}

#[test]
fn the_command_line_and_the_environment_bring_no_control_character_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let audit = demo_db(dir.path(), &db, 1);
    let r = on_db(
        dir.path(),
        &db,
        &[
            "workshop",
            "new",
            "--name",
            PAYLOAD,
            "--date",
            "2026-03-14",
            "--place",
            PAYLOAD,
            "--trainer",
            PAYLOAD,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    safe("workshop new", &r);
    let r = on_db(
        dir.path(),
        &db,
        &["followup", "start", &audit, "--trainer", PAYLOAD],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    safe("followup start", &r);
    let follow = r.stdout.lines().last().unwrap().to_string();
    let v: serde_json::Value =
        serde_json::from_str(&on_db(dir.path(), &db, &["show", &follow, "--json"]).stdout).unwrap();
    assert_eq!(v["trainer"], CLEANED);
    let w: serde_json::Value =
        serde_json::from_str(&on_db(dir.path(), &db, &["workshop", "list", "--json"]).stdout)
            .unwrap();
    assert_eq!(w[0]["name"], CLEANED);
    assert_eq!(w[0]["place"], CLEANED);
    assert_eq!(w[0]["trainer"], CLEANED);
    // The trainer of the line mode comes from the environment.
    let r = super::run_in(
        dir.path(),
        &[OsStr::new("--db"), db.as_os_str(), OsStr::new("--plain")],
        &[("DIAGASSO_TRAINER", OsStr::new(PAYLOAD))],
    );
    safe("--plain with DIAGASSO_TRAINER", &r);
    let (_, association, _) = only_audit(dir.path(), &db);
    check_printers(dir.path(), &db, &follow, &association);
}

#[test]
fn the_line_mode_brings_no_control_character_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    // A new association named by the payload, every other field left as offered.
    let mut input = format!("n\n{PAYLOAD}\n").into_bytes();
    input.extend_from_slice(&b"\n".repeat(40));
    let r = run_with_input(
        dir.path(),
        &[OsStr::new("--db"), db.as_os_str(), OsStr::new("--plain")],
        &input,
    );
    safe("--plain, new association", &r);
    let (audit, association, name) = only_audit(dir.path(), &db);
    assert_eq!(name, CLEANED);
    check_printers(dir.path(), &db, &audit, &association);
}

/// The demo audit's JSON export, with `edit` applied.
fn demo_export(dir: &Path, edit: impl FnOnce(&mut serde_json::Value)) -> std::path::PathBuf {
    let src = dir.join("source.db");
    let audit = demo_db(dir, &src, 1);
    let out = dir.join("export");
    let r = on_db(
        dir,
        &src,
        &[
            "export",
            &audit,
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = std::path::PathBuf::from(r.stdout.trim());
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut v);
    let f = dir.join("edited.json");
    std::fs::write(&f, serde_json::to_vec(&v).unwrap()).unwrap();
    f
}

#[test]
fn a_json_export_brings_no_control_character_in() {
    let dir = tempfile::tempdir().unwrap();
    let f = demo_export(dir.path(), |v| {
        v["association"]["name"] = PAYLOAD.into();
        v["association"]["activity"] = PAYLOAD.into();
        v["audit"]["trainer"] = PAYLOAD.into();
        v["audit"]["note"] = PAYLOAD.into();
    });
    let db = dir.path().join("base.db");
    let r = on_db(dir.path(), &db, &["import", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    safe("import", &r);
    let (audit, association, name) = only_audit(dir.path(), &db);
    assert_eq!(name, CLEANED);
    let v: serde_json::Value =
        serde_json::from_str(&on_db(dir.path(), &db, &["show", &audit, "--json"]).stdout).unwrap();
    assert_eq!(v["trainer"], CLEANED);
    assert_eq!(v["note"], CLEANED);
    check_printers(dir.path(), &db, &audit, &association);
}

/// A bundle of the demo audit, its content edited and its checksum made right again.
pub fn demo_bundle(dir: &Path, edit: impl FnOnce(&mut serde_json::Value)) -> std::path::PathBuf {
    let src = dir.join("source.db");
    demo_db(dir, &src, 1);
    let f = dir.join("paquet.diagasso.json");
    let r = on_db(
        dir,
        &src,
        &["bundle", "export", "--all", f.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
    edit(&mut v["content"]);
    // The lists in the order diagasso writes them (a JSON object of serde_json sorts its keys).
    let c = &v["content"];
    let content = format!(
        "{{\"questionnaires\":{},\"associations\":{},\"audits\":{},\"workshops\":{}}}",
        c["questionnaires"], c["associations"], c["audits"], c["workshops"]
    );
    let text = format!(
        "{{\"format\":\"diagasso-bundle\",\"version\":1,\"created_at\":\"2026-03-14T10:00:00.000000Z\",\"checksum\":\"{}\",\"content\":{content}}}",
        diagasso::bundle::checksum(content.as_bytes())
    );
    let out = dir.join("edite.diagasso.json");
    std::fs::write(&out, text).unwrap();
    out
}

#[test]
fn a_bundle_brings_no_control_character_in() {
    let dir = tempfile::tempdir().unwrap();
    let f = demo_bundle(dir.path(), |c| {
        c["associations"][0]["name"] = PAYLOAD.into();
        c["associations"][0]["contact_name"] = PAYLOAD.into();
        c["audits"][0]["trainer"] = PAYLOAD.into();
        c["audits"][0]["note"] = PAYLOAD.into();
    });
    let db = dir.path().join("base.db");
    let r = on_db(dir.path(), &db, &["bundle", "import", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    safe("bundle import", &r);
    let (audit, association, name) = only_audit(dir.path(), &db);
    assert_eq!(name, CLEANED);
    let v: serde_json::Value =
        serde_json::from_str(&on_db(dir.path(), &db, &["show", &audit, "--json"]).stdout).unwrap();
    assert_eq!(v["trainer"], CLEANED);
    assert_eq!(v["association"]["contact_name"], CLEANED);
    check_printers(dir.path(), &db, &audit, &association);
}

#[test]
fn a_chatonsinfos_file_brings_no_control_character_in() {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = dir.path().join("catalogue.toml");
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/chatonsinfos/chaton-exemple.properties");
    let text = std::fs::read_to_string(src).unwrap();
    // Once as `\u` escapes of the properties format, once as raw bytes.
    let text = text.replace(
        "organization.name = Chaton Exemple",
        &format!("organization.name = {PAYLOAD_ESCAPED}"),
    );
    let text = text.replace(
        "organization.geolocation.address = 1 rue de l'Exemple, 69000 Lyon",
        &format!("organization.geolocation.address = {PAYLOAD}"),
    );
    let f = dir.path().join("chaton.properties");
    std::fs::write(&f, text).unwrap();
    let env = [("DIAGASSO_CATALOG", catalogue.as_os_str())];
    let r = run_in(
        dir.path(),
        &[
            OsStr::new("catalog"),
            OsStr::new("import"),
            f.as_os_str(),
            OsStr::new("--yes"),
        ],
        &env,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    safe("catalog import", &r);
    let stored = std::fs::read_to_string(&catalogue).unwrap();
    assert!(dangerous(&stored).is_none(), "{stored}");
    assert!(stored.contains(CLEANED), "{stored}");
    for args in [vec!["catalog", "list"], vec!["catalog", "list", "--json"]] {
        let r = run_in(dir.path(), &args, &env);
        assert_eq!(r.code, 0, "{}", r.stderr);
        safe(&args.join(" "), &r);
        assert!(r.stdout.contains(CLEANED), "{}", r.stdout);
    }
}

/// Raw controls written straight into the file, as an older diagasso could have stored them.
fn plant(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    for sql in [
        "UPDATE associations SET name = ?1, activity = ?1, contact_name = ?1",
        "UPDATE audits SET trainer = ?1, note = ?1",
        "UPDATE workshops SET name = ?1, place = ?1",
        "UPDATE answers SET value = json_object('text', ?1) WHERE question_id = 'uses_pain_point'",
    ] {
        c.execute(sql, [PAYLOAD]).unwrap();
    }
}

#[test]
fn what_an_older_file_holds_is_printed_escaped_by_every_printer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let audit = demo_db(dir.path(), &db, 1);
    let r = on_db(
        dir.path(),
        &db,
        &[
            "workshop",
            "new",
            "--name",
            "Atelier",
            "--date",
            "2026-03-14",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let w = r.stdout.lines().last().unwrap().to_string();
    let r = on_db(dir.path(), &db, &["workshop", "add", &w, "--audit", &audit]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    plant(&db);
    let (_, association, name) = only_audit(dir.path(), &db);
    assert_eq!(name, PAYLOAD, "the raw characters are in the file");
    let runs = every_printer(dir.path(), &db, &audit, &association);
    let mut escaped = 0;
    for (what, r) in &runs {
        safe(what, r);
        if r.stdout.contains("\\u001b]52") || r.stderr.contains("\\u001b]52") {
            escaped += 1;
        }
    }
    // The name shows, escaped, wherever it is printed (JSON included: `\u001b` is its escape).
    for printer in [
        "list",
        "list --json",
        "show AUDIT",
        "erase ASSOCIATION",
        "--plain",
        "workshop list",
    ] {
        let (_, r) = runs.iter().find(|(w, _)| w == printer).unwrap();
        let all = format!("{}{}", r.stdout, r.stderr);
        assert!(
            all.contains("\\u001b]52;c;cGF3bmVk\\u0007\\u001b[2J\\u009b31m\\u202efin")
                || all.contains("\\u001b]52;c;cGF3bmVk\\u0007\\u001b[2J"),
            "{printer}:\n{all}"
        );
    }
    assert!(escaped >= 6, "{escaped}");
    // JSON stays JSON, meaning the same.
    let (_, r) = runs.iter().find(|(w, _)| w == "list --json").unwrap();
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v[0]["association"]["name"], PAYLOAD);
}
