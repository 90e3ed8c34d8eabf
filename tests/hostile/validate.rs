//! Imports checked like the walk (issue 12, point 11): a JSON export and a bundle holding
//! answers the questionnaire forbids (−5 accounts, 0.5 accounts, text in a number, an unknown
//! choice, a choice three times, exclusive choices together, an answer to a question the other
//! answers hide, a 300,000-character text) are refused whole, every refusal listed (file,
//! audit, question, value, reason), nothing written; a key written twice is refused, not read
//! as its last value.

use std::path::Path;

use serde_json::{Value, json};

use super::escape::demo_bundle;
use super::{assert_unchanged, demo_db, on_db, snapshot};

/// The demo audit's JSON export with its answers edited.
fn export_with(dir: &Path, edit: impl FnOnce(&mut Value)) -> std::path::PathBuf {
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
    let mut v: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edit(&mut v);
    let f = dir.join("edite.json");
    std::fs::write(&f, serde_json::to_vec(&v).unwrap()).unwrap();
    f
}

fn given(v: Value) -> Value {
    json!({ "given": v })
}

/// Eight answers the walk would refuse, in the export's form, with the time of the others.
fn forbidden(answers: &mut Value) {
    let at = answers["assoc_accounts"]["updated_at"].clone();
    let mut set = |q: &str, a: Value| {
        answers[q] = json!({ "answer": a, "updated_at": at });
    };
    set("assoc_accounts", given(json!({ "number": -5.0 })));
    set("change_referents", given(json!({ "number": 0.5 })));
    set("files_storage_gb", given(json!({ "text": "beaucoup" })));
    set("assoc_organisation", given(json!({ "choice": "anarchie" })));
    set(
        "assoc_languages",
        given(json!({ "choices": ["fr", "fr", "fr"] })),
    );
    set(
        "chat_tools",
        given(json!({ "choices": ["whatsapp", "none"] })),
    );
    // Asked only when there is no website; the demo has one, given as early as this.
    set("web_wanted", given(json!({ "choice": "yes" })));
    set(
        "uses_pain_point",
        given(json!({ "text": "x".repeat(300_000) })),
    );
}

#[test]
fn a_json_export_with_forbidden_answers_is_refused_whole_each_listed() {
    let dir = tempfile::tempdir().unwrap();
    let f = export_with(dir.path(), |v| forbidden(&mut v["audit"]["answers"]));
    let db = dir.path().join("base.db");
    let r = on_db(dir.path(), &db, &["import", f.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_eq!(r.stdout, "");
    let lines: Vec<&str> = r.stderr.lines().collect();
    let name = f.display().to_string();
    let expected = [
        (
            "assoc_organisation",
            "\"anarchie\"",
            "unknown choice 'anarchie'",
        ),
        (
            "assoc_accounts",
            "-5",
            "-5 is out of range: between 1 and 100000",
        ),
        (
            "assoc_languages",
            "[\"fr\", \"fr\", \"fr\"]",
            "choice 'fr' given twice",
        ),
        (
            "uses_pain_point",
            "\"xxxxxxxx",
            "text too long (300000 characters, at most 10000)",
        ),
        ("change_referents", "0.5", "whole number"),
        (
            "chat_tools",
            "[\"whatsapp\", \"none\"]",
            "cannot be combined with other choices",
        ),
        (
            "files_storage_gb",
            "\"beaucoup\"",
            "expected answer: a number",
        ),
        (
            "web_wanted",
            "\"yes\"",
            "this question is not asked given the other answers",
        ),
    ];
    assert_eq!(lines.len(), expected.len() + 1, "{}", r.stderr);
    for (line, (q, value, why)) in lines.iter().zip(expected) {
        assert!(line.starts_with(&format!("{name}: audit ")), "{line}");
        assert!(line.contains(&format!(": {q} = {value}")), "{line}");
        assert!(line.contains(why), "{line}");
    }
    assert_eq!(
        lines.last().unwrap(),
        &format!(
            "{name}: 8\u{a0}answers refused (what the questionnaire does not accept); nothing was imported."
        )
    );
    assert!(!db.exists(), "no database made");
}

#[test]
fn a_key_written_twice_is_refused_not_read_as_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let f = export_with(dir.path(), |_| {});
    let text = std::fs::read_to_string(&f).unwrap();
    // `"members": N` written a second time, -5, right after the first.
    let members = "\"members\":85,";
    assert!(text.contains(members), "{text}");
    let twice = text.replacen(members, "\"members\":85,\"members\":-5,", 1);
    std::fs::write(&f, twice).unwrap();
    let db = dir.path().join("base.db");
    let r = on_db(dir.path(), &db, &["import", f.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("duplicate key in the JSON (duplicate key \"members\" at line 1"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.ends_with("nothing was imported.\n"),
        "{}",
        r.stderr
    );
    assert!(!db.exists());
}

#[test]
fn a_bundle_with_forbidden_answers_is_refused_whole_each_listed() {
    let dir = tempfile::tempdir().unwrap();
    let f = demo_bundle(dir.path(), |c| {
        let answers = c["audits"][0]["answers"].as_array_mut().unwrap();
        let at = answers[0]["updated_at"].clone();
        let mut set = |q: &str, value: Value| {
            answers.retain(|a| a["question_id"] != q);
            answers.push(
                json!({ "question_id": q, "state": "answered", "value": value, "updated_at": at }),
            );
        };
        set("assoc_accounts", json!({ "number": -5.0 }));
        set("assoc_languages", json!({ "choices": ["fr", "fr"] }));
        set("chat_tools", json!({ "choices": ["whatsapp", "none"] }));
        set("web_wanted", json!({ "choice": "yes" }));
    });
    let db = dir.path().join("base.db");
    let other = demo_db(dir.path(), &db, 1);
    let before = snapshot(dir.path());
    let r = on_db(dir.path(), &db, &["bundle", "import", f.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    for (q, why) in [
        ("assoc_accounts = -5", "out of range"),
        ("assoc_languages = [\"fr\", \"fr\"]", "given twice"),
        (
            "chat_tools = [\"whatsapp\", \"none\"]",
            "cannot be combined",
        ),
        ("web_wanted = \"yes\"", "not asked given the other answers"),
    ] {
        assert!(
            r.stderr.lines().any(|l| l.contains(q) && l.contains(why)),
            "{q}: {}",
            r.stderr
        );
    }
    assert!(
        r.stderr
            .contains("bundle refused, nothing of it was written")
    );
    assert_unchanged(&before, dir.path());
    assert!(on_db(dir.path(), &db, &["show", &other]).code == 0);
}

#[test]
fn a_bundle_with_a_key_twice_in_a_value_or_its_lists_out_of_order_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = demo_bundle(dir.path(), |_| {});
    let text = std::fs::read_to_string(&f).unwrap();
    // A value read as its last key; the checksum made right for the edited content.
    let (head, content) = text.split_once("\"content\":").unwrap();
    let content = &content[..content.len() - 1];
    let edited = content.replacen("{\"number\":", "{\"number\":-5,\"number\":", 1);
    assert_ne!(edited, content);
    let head = head.replace(
        &diagasso::bundle::checksum(content.as_bytes()),
        &diagasso::bundle::checksum(edited.as_bytes()),
    );
    std::fs::write(&f, format!("{head}\"content\":{edited}}}")).unwrap();
    let db = dir.path().join("base.db");
    let r = on_db(dir.path(), &db, &["bundle", "import", f.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("duplicate key \\\"number\\\"")
            || r.stderr.contains("duplicate key \"number\""),
        "{}",
        r.stderr
    );
    assert!(!db.exists());
    // The lists sorted by name (what a JSON tool sorting keys writes): audits come before the
    // questionnaires they are checked against.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let content = serde_json::to_string(&v["content"]).unwrap();
    v["checksum"] = diagasso::bundle::checksum(content.as_bytes()).into();
    let sorted = format!(
        "{{\"format\":\"diagasso-bundle\",\"version\":1,\"checksum\":{},\"content\":{content}}}",
        v["checksum"]
    );
    std::fs::write(&f, sorted).unwrap();
    let r = on_db(dir.path(), &db, &["bundle", "import", f.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("bundle content out of order ('questionnaires' after 'associations'"),
        "{}",
        r.stderr
    );
    assert!(!db.exists());
}
