//! Reading the settings file and the order of the sources, on made-up files and environments.

use super::keys::{locate, parse};
use super::*;

fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }
}

fn settings(text: &str, vars: &'static [(&'static str, &'static str)]) -> Settings {
    let file = parse(text).map_err(|(l, fr, en)| broken(Path::new("c.toml"), l, &fr, &en));
    resolve(Some("c.toml".into()), file, env(vars))
}

const FULL: &str = r#"# mes réglages
language = "en"
plain = true
theme = "light"
export_folder = "/srv/exports"
anonymise = true

[trainer]
name = "Dominique"
structure = "Chapril"
"#;

#[test]
fn every_key_is_read_with_its_line() {
    let s = settings(FULL, &[("LANG", "fr_FR.UTF-8"), ("USER", "dom")]);
    assert_eq!(s.warning, None);
    assert_eq!(
        s.language,
        Set {
            value: Lang::En,
            source: Source::File(2)
        }
    );
    assert_eq!(
        s.plain,
        Set {
            value: true,
            source: Source::File(3)
        }
    );
    assert_eq!(s.theme.value, ThemeChoice::Light);
    assert_eq!(s.export_folder.value, Some(PathBuf::from("/srv/exports")));
    assert_eq!(s.anonymise.value, Some(true));
    assert_eq!(s.trainer_name.source, Source::File(9));
    assert_eq!(s.trainer(), "Dominique (Chapril)");
}

#[test]
fn without_a_file_the_environment_and_defaults() {
    let s = settings(
        "",
        &[("LANG", "C.UTF-8"), ("USER", "dom"), ("NO_COLOR", "1")],
    );
    assert_eq!(
        s.language,
        Set {
            value: Lang::En,
            source: Source::Env("LANG")
        }
    );
    assert_eq!(
        s.trainer_name,
        Set {
            value: "dom".into(),
            source: Source::Default
        }
    );
    assert_eq!(s.trainer(), "dom");
    assert_eq!(
        s.theme,
        Set {
            value: ThemeChoice::Mono,
            source: Source::Env("NO_COLOR")
        }
    );
    assert!(!s.plain.value);
    assert_eq!(s.export_folder_or_current(), PathBuf::from("."));
    assert_eq!(s.anonymise.value, None);
    let none = settings("", &[]);
    assert_eq!(
        none.language,
        Set {
            value: Lang::Fr,
            source: Source::Default
        }
    );
}

#[test]
fn the_file_beats_the_locale_and_no_color_diagasso_variables_beat_the_file() {
    let vars = &[
        ("LANGUAGE", "fr"),
        ("NO_COLOR", "1"),
        ("DIAGASSO_TRAINER", "Camille"),
        ("DIAGASSO_PLAIN", "0"),
    ];
    let s = settings(FULL, vars);
    assert_eq!(s.language.value, Lang::En);
    assert_eq!(s.theme.value, ThemeChoice::Light);
    assert_eq!(s.trainer_name.source, Source::Env("DIAGASSO_TRAINER"));
    assert_eq!(s.trainer(), "Camille (Chapril)");
    assert_eq!(
        s.plain,
        Set {
            value: false,
            source: Source::Env("DIAGASSO_PLAIN")
        }
    );
    // An empty DIAGASSO_PLAIN says nothing: the file stands.
    assert!(settings(FULL, &[("DIAGASSO_PLAIN", "")]).plain.value);
}

#[test]
fn a_broken_file_is_ignored_whole_with_its_line() {
    let cases: [(&str, usize, &str); 6] = [
        ("language = \"en\"\nplain = oui\n", 2, "TOML"),
        ("language = \"en\"\ncolour = 3\n", 2, "colour"),
        ("language = \"de\"\n", 1, "language"),
        ("plain = \"yes\"\n", 1, "plain"),
        (
            "theme = \"light\"\n[trainer]\nnom = \"x\"\n",
            3,
            "trainer.nom",
        ),
        ("export_folder = \"exports\"\n", 1, "export_folder"),
    ];
    for (text, line, names) in cases {
        let s = settings(text, &[("LANG", "fr_FR.UTF-8")]);
        let w = s
            .warning
            .clone()
            .unwrap_or_else(|| panic!("no warning for {text:?}"));
        assert!(
            w.fr.contains(&format!("c.toml:{line}\u{a0}:")),
            "{text:?}: {}",
            w.fr
        );
        assert!(
            w.fr.contains(names) && w.fr.contains(" / settings ignored"),
            "{}",
            w.fr
        );
        // Defaults used, even for the keys that were right.
        assert_eq!(s.language.value, Lang::Fr, "{text:?}");
        assert_eq!(s.theme.value, ThemeChoice::Dark, "{text:?}");
    }
}

#[test]
fn typed_values_are_checked_and_french_words_accepted() {
    assert_eq!(Key::Plain.parse("oui"), Ok(Value::Bool(true)));
    assert_eq!(Key::Anonymise.parse("non"), Ok(Value::Bool(false)));
    assert_eq!(
        Key::Theme.parse("clair"),
        Ok(Value::Theme(ThemeChoice::Light))
    );
    assert_eq!(Key::Language.parse("EN"), Ok(Value::Lang(Lang::En)));
    assert!(Key::Language.parse("de").is_err());
    assert!(Key::Plain.parse("peut-être").is_err());
    assert!(Key::ExportFolder.parse("relative/path").is_err());
    assert!(Key::TrainerName.parse("deux\nlignes").is_err());
    assert_eq!(Key::from_name("trainer.name"), Some(Key::TrainerName));
    assert_eq!(Key::from_name("trainer"), None);
}

#[test]
fn set_replaces_the_line_or_adds_one_and_keeps_the_rest() {
    let text = "# à moi\nlanguage = \"en\" # anglais\n\n[trainer]\n  name = \"A\"\n";
    let out = edit::with_value(text, Key::TrainerName, &Value::Text("B « b »".into()));
    assert_eq!(
        out,
        "# à moi\nlanguage = \"en\" # anglais\n\n[trainer]\n  name = \"B « b »\"\n"
    );
    let out = edit::with_value(text, Key::TrainerStructure, &Value::Text("Zici".into()));
    assert_eq!(locate(&out, "trainer.structure"), Some(4));
    let out = edit::with_value(text, Key::Plain, &Value::Bool(true));
    assert_eq!(locate(&out, "plain"), Some(3));
    assert!(parse(&out).is_ok(), "{out}");
    let out = edit::with_value("", Key::TrainerName, &Value::Text("C".into()));
    assert_eq!(out, "trainer.name = \"C\"\n");
}

#[test]
fn set_writes_a_file_that_reads_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sub").join("config.toml");
    edit::set(&path, Key::Theme, "light").expect("written");
    edit::set(&path, Key::TrainerName, "Dominique").expect("written");
    edit::set(&path, Key::Theme, "mono").expect("written");
    let values = read(&path).expect("reads");
    assert_eq!(
        values,
        vec![
            (Key::Theme, Value::Theme(ThemeChoice::Mono), 1),
            (Key::TrainerName, Value::Text("Dominique".into()), 2)
        ]
    );
    // A bad value, or a file that is not TOML, changes nothing.
    assert!(edit::set(&path, Key::Theme, "rose").is_err());
    std::fs::write(&path, "theme = \n").expect("written");
    let err = edit::set(&path, Key::Theme, "dark").expect_err("refused");
    assert!(err.fr.contains(":1 n'est pas"), "{}", err.fr);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "theme = \n");
}

#[test]
fn unset_removes_the_line_and_keeps_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    // A missing file stays missing.
    assert_eq!(edit::unset(&path, Key::Theme), Ok(false));
    assert!(!path.exists());
    let text = "# mes réglages\ntheme = \"light\" # clair\nlanguage = \"en\"\n\n[trainer]\n# qui je suis\nname = \"Dominique\"\nstructure = \"Chapril\"\n";
    std::fs::write(&path, text).expect("written");
    assert_eq!(edit::unset(&path, Key::TrainerName), Ok(true));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "# mes réglages\ntheme = \"light\" # clair\nlanguage = \"en\"\n\n[trainer]\n# qui je suis\nstructure = \"Chapril\"\n"
    );
    assert_eq!(edit::unset(&path, Key::Theme), Ok(true));
    // Not there any more: said, nothing written.
    assert_eq!(edit::unset(&path, Key::Theme), Ok(false));
    assert_eq!(edit::unset(&path, Key::Plain), Ok(false));
    assert_eq!(
        read(&path).expect("reads"),
        vec![
            (Key::Language, Value::Lang(Lang::En), 2),
            (Key::TrainerStructure, Value::Text("Chapril".into()), 6)
        ]
    );
}

#[test]
fn unset_refuses_what_it_cannot_remove_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    // An inline table: the line search does not see the key, the TOML does.
    let inline = "trainer = { name = \"A\", structure = \"B\" }\n";
    std::fs::write(&path, inline).expect("written");
    let err = edit::unset(&path, Key::TrainerName).expect_err("refused");
    assert!(err.fr.contains("à la main"), "{}", err.fr);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), inline);
    // A value over several lines: removing one line would break the file.
    let multi = "trainer.name = \"\"\"A\nB\"\"\"\ntheme = \"mono\"\n";
    std::fs::write(&path, multi).expect("written");
    assert!(edit::unset(&path, Key::TrainerName).is_err());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), multi);
    // Not TOML: left alone.
    std::fs::write(&path, "theme = \n").expect("written");
    assert!(edit::unset(&path, Key::Theme).is_err());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "theme = \n");
}
