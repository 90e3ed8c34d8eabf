//! Hostile input files: questionnaires (`diagasso check`), answers files (`diagasso new`),
//! ChatonsInfos files (`diagasso catalog import`) and the user catalogue, each empty, binary,
//! not UTF-8, cut short, nested without end or too long; a folder where a file is expected.

use std::ffi::OsStr;
use std::path::Path;

use super::{assert_refused, assert_unchanged, bad, run_in, snapshot};

fn check(dir: &Path, file: &Path) -> super::Run {
    run_in(dir, &[OsStr::new("check"), file.as_os_str()], &[])
}

#[test]
fn an_empty_questionnaire_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = bad("empty.toml");
    assert_refused(
        &check(dir.path(), &f),
        &format!(
            "{0}:1:1: invalid TOML: missing field `id`. Fix the syntax at this place.\n{0}: 1\u{a0}error\n",
            f.display()
        ),
    );
}

#[test]
fn a_binary_questionnaire_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = bad("binary.toml");
    assert_refused(
        &check(dir.path(), &f),
        &format!(
            "{}: this file is not valid UTF-8 text (byte 18). Save it again as UTF-8.\n",
            f.display()
        ),
    );
}

/// The small questionnaire of the tests with `constraint` replaced.
fn with_constraint(dir: &Path, constraint: &str) -> std::path::PathBuf {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/questionnaires/good-small.toml"),
    )
    .unwrap();
    let text = src.replace(
        "constraint = \". <= 5000\"",
        &format!("constraint = \"{constraint}\""),
    );
    assert_ne!(text, src);
    let path = dir.join("questionnaire.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Regression: an 80,000-term chain `1 + 1 + …` overflowed the stack (SIGABRT) before
/// expressions were limited to 1,000 operators.
#[test]
fn an_endless_expression_chain_is_refused_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let chain = vec!["1"; 80_000].join(" + ");
    let f = with_constraint(dir.path(), &format!(". <= {chain}"));
    let before = snapshot(dir.path());
    assert_refused(
        &check(dir.path(), &f),
        &format!(
            "{0}:41:4018: invalid 'constraint' expression: expression too long (more than 1000 operators)\n{0}: 1\u{a0}error\n",
            f.display()
        ),
    );
    assert_unchanged(&before, dir.path());
}

#[test]
fn endless_parentheses_are_refused_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
    let f = with_constraint(dir.path(), &deep);
    assert_refused(
        &check(dir.path(), &f),
        &format!(
            "{0}:41:79: invalid 'constraint' expression: expression nested too deeply\n{0}: 1\u{a0}error\n",
            f.display()
        ),
    );
}

/// A questionnaire whose every question depends on the one before (50,000 deep): loading,
/// checking relevance for cycles and computing what is shown must not recurse that deep.
#[test]
fn a_50000_question_relevance_chain_loads_and_shows() {
    use diagasso::audit::{Answer, Value};
    let mut text = String::from(
        "id = \"chaine\"\nversion = 1\ntitle = { fr = \"Chaîne\", en = \"Chain\" }\n\n[[section]]\nid = \"s\"\ntitle = { fr = \"S\", en = \"S\" }\nintro = { fr = \"I\", en = \"I\" }\n",
    );
    let n = 50_000;
    for i in 0..n {
        text.push_str(&format!(
            "[[section.question]]\nid = \"q{i}\"\nkind = \"yesno\"\nlabel = {{ fr = \"Q{i} ?\", en = \"Q{i}?\" }}\nhelp = {{ fr = \"Aide.\", en = \"Help.\" }}\n"
        ));
        if i > 0 {
            text.push_str(&format!("relevant = \"${{q{}}}\"\n", i - 1));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("chaine.toml");
    std::fs::write(&f, &text).unwrap();
    let r = check(dir.path(), &f);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "ok  chaine v1: 1 sections, 50000 questions\n");
    // In a thread with the main thread's default 8 MB stack, as the binary runs it.
    let shown = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let q = diagasso::questionnaire::load_str("chaine.toml", &text).unwrap();
            let all: std::collections::BTreeMap<String, Answer> = (0..n)
                .map(|i| (format!("q{i}"), Answer::Given(Value::Bool(true))))
                .collect();
            q.visible(&all).iter().filter(|v| **v).count()
        })
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert_eq!(shown, n);
}

fn new_answers(dir: &Path, db: &Path, file: &Path) -> super::Run {
    run_in(
        dir,
        &[
            OsStr::new("--db"),
            db.as_os_str(),
            OsStr::new("new"),
            OsStr::new("--answers"),
            file.as_os_str(),
        ],
        &[],
    )
}

#[test]
fn an_answers_file_in_latin1_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let f = bad("answers-latin1.toml");
    assert_refused(
        &new_answers(dir.path(), &db, &f),
        &format!(
            "{0}:2:22: this file is not valid UTF-8 text at this place: save it again as UTF-8\n{0}: 1\u{a0}problem, nothing was saved.\n",
            f.display()
        ),
    );
    assert!(!db.exists(), "not even the database was created");
}

#[test]
fn an_empty_answers_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let f = bad("empty.toml");
    assert_refused(
        &new_answers(dir.path(), &db, &f),
        &format!(
            "{0}:1:1: the [association] table is missing: add it with at least name = \"…\"\n{0}: 1\u{a0}problem, nothing was saved.\n",
            f.display()
        ),
    );
    assert!(!db.exists());
}

#[test]
fn a_folder_given_as_answers_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let r = new_answers(dir.path(), &db, dir.path());
    assert_refused(
        &r,
        &format!(
            "{}: cannot read (Is a directory (os error 21)). Check the path and permissions.\n",
            dir.path().display()
        ),
    );
    assert!(!db.exists());
}

#[test]
fn endlessly_nested_answers_are_refused_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let f = dir.path().join("imbrique.toml");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(
        &f,
        format!("[association]\nname = \"x\"\n[answers]\nfiles_tools = {deep}\n"),
    )
    .unwrap();
    assert_refused(
        &new_answers(dir.path(), &db, &f),
        &format!(
            "{0}:4:95: invalid TOML: cannot recurse further; max recursion depth met. Fix the syntax at this place.\n{0}: 1\u{a0}problem, nothing was saved.\n",
            f.display()
        ),
    );
    assert!(!db.exists());
}

#[test]
fn a_megabyte_text_answer_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("base.db");
    let f = dir.path().join("long.toml");
    std::fs::write(
        &f,
        format!(
            "[association]\nname = \"Les Amis\"\n[answers]\nuses_pain_point = \"{}\"\n",
            "abc ".repeat(250_000)
        ),
    )
    .unwrap();
    let r = new_answers(dir.path(), &db, &f);
    assert_refused(
        &r,
        &format!(
            "{0}:4:19: uses_pain_point = \"abc abc abc abc abc abc abc abc abc abc abc abc abc abc ab…: text too long (999999 characters, at most 10000): put the detail in a note\n{0}: 1\u{a0}problem, nothing was saved.\n",
            f.display()
        ),
    );
    assert!(!db.exists());
}

fn import(dir: &Path, catalogue: &Path, files: &[&Path]) -> super::Run {
    let mut args: Vec<&OsStr> = vec![OsStr::new("catalog"), OsStr::new("import")];
    args.extend(files.iter().map(|f| f.as_os_str()));
    args.push(OsStr::new("--yes"));
    run_in(dir, &args, &[("DIAGASSO_CATALOG", catalogue.as_os_str())])
}

#[test]
fn an_empty_chatonsinfos_file_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalogue.toml");
    let f = bad("empty.properties");
    assert_refused(
        &import(dir.path(), &cat, &[&f]),
        &format!(
            "{}: missing `file.class`: not a ChatonsInfos file (expected federation, organization or service)\nNothing was imported.\n",
            f.display()
        ),
    );
    assert!(!cat.exists());
}

#[test]
fn a_binary_chatonsinfos_file_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalogue.toml");
    let f = bad("binary.toml");
    assert_refused(
        &import(dir.path(), &cat, &[&f]),
        &format!(
            "{}:2: invalid UTF-8 text; save the file again as UTF-8\nNothing was imported.\n",
            f.display()
        ),
    );
    assert!(!cat.exists());
}

#[test]
fn a_chatonsinfos_file_cut_short_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("catalogue.toml");
    let f = bad("truncated.properties");
    assert_refused(
        &import(dir.path(), &cat, &[&f]),
        &format!(
            "{}: organization file without `organization.name`: cannot make a host of it\nNothing was imported.\n",
            f.display()
        ),
    );
    assert!(!cat.exists());
}

#[test]
fn a_megabyte_chatonsinfos_value_is_imported_whole() {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/chatonsinfos");
    let files = dir.path().join("fichiers");
    std::fs::create_dir(&files).unwrap();
    for e in std::fs::read_dir(&src).unwrap().flatten() {
        if e.path().extension() == Some(OsStr::new("properties")) {
            std::fs::copy(e.path(), files.join(e.file_name())).unwrap();
        }
    }
    let org = files.join("chaton-exemple.properties");
    let text = std::fs::read_to_string(&org).unwrap();
    let long = "Chaton ".repeat(150_000);
    let changed = text.replace(
        "organization.description = H\\u00e9bergeur associatif d'exemple, \\\n    sur plusieurs lignes",
        &format!("organization.description = {long}"),
    );
    assert_ne!(changed, text, "the fixture has a description");
    std::fs::write(&org, changed).unwrap();
    let cat = dir.path().join("catalogue.toml");
    let r = import(dir.path(), &cat, &[&files]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(cat.is_file());
    let list = run_in(
        dir.path(),
        &["catalog", "list", "--json"],
        &[("DIAGASSO_CATALOG", cat.as_os_str())],
    );
    assert_eq!(list.code, 0, "{}", list.stderr);
}

#[test]
fn a_user_catalogue_in_latin1_is_reported_by_every_reader() {
    let dir = tempfile::tempdir().unwrap();
    let cat = bad("catalogue-latin1.toml");
    let before = snapshot(cat.parent().unwrap());
    let message = format!(
        "{}:3:1: invalid UTF-8 text; save the file again as UTF-8\n",
        cat.display()
    );
    for args in [&["catalog", "list"][..], &["check"]] {
        let r = run_in(dir.path(), args, &[("DIAGASSO_CATALOG", cat.as_os_str())]);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(&message), "{args:?}: {}", r.stderr);
    }
    assert_unchanged(&before, cat.parent().unwrap());
}

#[test]
fn a_user_catalogue_cut_short_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let cat = bad("catalogue-truncated.toml");
    let r = run_in(
        dir.path(),
        &["catalog", "list"],
        &[("DIAGASSO_CATALOG", cat.as_os_str())],
    );
    assert_refused(
        &r,
        &format!(
            "{}:3:8: invalid TOML: string values must be quoted, expected literal string. Fix the file at this place (see catalog/README.md).\n",
            cat.display()
        ),
    );
}
