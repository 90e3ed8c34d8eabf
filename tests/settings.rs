//! The settings file through the real binary: `config path`, `config set` then `config show`,
//! a broken file (a warning with its line, the defaults used), `plain = true` starting the line
//! mode in a real terminal, the trainer of new audits, and the export folder.

#[path = "common/bin.rs"]
mod bin;

mod tmux;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("cfg").join("config.toml")
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("audits.db")
    }

    /// The binary in `cwd` (the temp dir when `None`), with the settings file and database of
    /// this environment and a French locale; no trainer from the environment.
    fn run_in(&self, cwd: Option<&Path>, args: &[&str]) -> Output {
        bin::diagasso()
            .args(args)
            .current_dir(cwd.unwrap_or(self.dir.path()))
            .env("DIAGASSO_CONFIG", self.config())
            .env("DIAGASSO_DB", self.db())
            .env("LANG", "fr_FR.UTF-8")
            .env("USER", "login")
            .env_remove("LANGUAGE")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("DIAGASSO_TRAINER")
            .env_remove("DIAGASSO_PLAIN")
            .env_remove("NO_COLOR")
            .output()
            .expect("the binary runs")
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_in(None, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn answers() -> String {
    let good =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/examples/express-demo.toml");
    std::fs::read_to_string(good).expect("fixture")
}

#[test]
fn config_path_is_the_override() {
    let e = Env::new();
    assert_eq!(
        e.ok(&["config", "path"]).trim(),
        e.config().display().to_string()
    );
}

#[test]
fn config_set_then_show_says_where_each_value_comes_from() {
    let e = Env::new();
    e.ok(&["config", "set", "trainer.name", "Dominique"]);
    e.ok(&["config", "set", "theme", "clair"]);
    e.ok(&["config", "set", "language", "en"]);
    let file = std::fs::read_to_string(e.config()).expect("file written");
    assert_eq!(
        file,
        "trainer.name = \"Dominique\"\ntheme = \"light\"\nlanguage = \"en\"\n"
    );
    let shown = json(&e.ok(&["config", "show", "--json"]));
    let get = |key: &str| {
        shown["settings"]
            .as_array()
            .expect("list")
            .iter()
            .find(|r| r["key"] == key)
            .cloned()
            .unwrap_or_else(|| panic!("{key} missing in {shown}"))
    };
    assert_eq!(get("trainer.name")["value"], "Dominique");
    assert_eq!(get("trainer.name")["source"], "file");
    assert_eq!(get("trainer.name")["line"], 1);
    assert_eq!(get("theme")["value"], "light");
    assert_eq!(get("plain")["source"], "default");
    assert_eq!(get("language")["value"], "en");
    // The text form, now in English (the setting beats the French locale).
    let text = e.ok(&["config", "show"]);
    assert!(
        text.contains("theme             = light   # file, line 2"),
        "{text}"
    );
    // --lang beats the setting.
    let text = e.ok(&["--lang", "fr", "config", "show"]);
    assert!(text.contains("# fichier, ligne 2"), "{text}");
    // A bad value is refused and changes nothing.
    let out = e.run(&["config", "set", "plain", "peut-être"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("plain"));
    let out = e.run(&["config", "set", "couleur", "rouge"]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read_to_string(e.config()).expect("file"), file);
}

#[test]
fn config_unset_removes_the_key_and_keeps_the_rest() {
    let e = Env::new();
    // Nothing set yet, no file: said, and no file created.
    let out = e.run(&["config", "unset", "theme"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("theme n'était pas réglé"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!e.config().exists());
    std::fs::create_dir_all(e.config().parent().unwrap()).unwrap();
    let text = "# réglages de Dominique\ntheme = \"light\"\n\n[trainer]\nname = \"Dominique\" # moi\nstructure = \"Chapril\"\n";
    std::fs::write(e.config(), text).unwrap();
    let out = e.run(&["config", "unset", "trainer.name"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("trainer.name retiré de"));
    assert_eq!(
        std::fs::read_to_string(e.config()).unwrap(),
        "# réglages de Dominique\ntheme = \"light\"\n\n[trainer]\nstructure = \"Chapril\"\n"
    );
    // The default comes back: the login name.
    let shown = json(&e.ok(&["config", "show", "--json"]));
    let name = &shown["settings"][0];
    assert_eq!(name["key"], "trainer.name");
    assert_eq!(name["value"], "login");
    assert_eq!(name["source"], "default");
    // An unknown key is refused, the file untouched.
    let out = e.run(&["config", "unset", "couleur"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("clé inconnue"));
    let out = e.run(&["--lang", "en", "config", "unset", "plain"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("plain was not set in"));
}

#[test]
fn a_broken_file_gives_its_line_once_and_the_defaults() {
    let e = Env::new();
    std::fs::create_dir_all(e.config().parent().expect("folder")).expect("folder");
    std::fs::write(
        e.config(),
        "# réglages\nlanguage = \"en\"\ncouleur = \"rouge\"\n",
    )
    .expect("written");
    let out = e.run(&["config", "show", "--json"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let at = format!("{}:3", e.config().display());
    assert!(err.contains(&at) && err.contains("couleur"), "{err}");
    assert!(
        err.contains("réglages ignorés") && err.contains("settings ignored"),
        "{err}"
    );
    assert_eq!(err.matches("settings ignored").count(), 1, "{err}");
    let shown = json(&String::from_utf8_lossy(&out.stdout));
    // The language of the file is not used: the locale's, French.
    assert_eq!(shown["settings"][2]["key"], "language");
    assert_eq!(shown["settings"][2]["value"], "fr");
    assert_eq!(shown["settings"][2]["source"], "environment");
    // Every other command still runs.
    let out = e.run(&["list"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_trainer_of_the_settings_goes_on_new_audits() {
    let e = Env::new();
    e.ok(&["config", "set", "trainer.name", "Dominique"]);
    e.ok(&["config", "set", "trainer.structure", "Chapril"]);
    let file = e.dir.path().join("reponses.toml");
    let no_trainer: String = answers()
        .lines()
        .filter(|l| !l.starts_with("trainer"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&file, no_trainer).expect("written");
    let made = json(&e.ok(&["new", "--answers", &file.display().to_string(), "--json"]));
    let id = made["audit"]
        .as_str()
        .unwrap_or_else(|| panic!("no id in {made}"))
        .to_string();
    let shown = json(&e.ok(&["show", &id, "--json"]));
    assert_eq!(shown["trainer"], "Dominique (Chapril)", "{shown}");
    // A trainer in the answers file stays.
    let with = e.dir.path().join("avec.toml");
    std::fs::write(&with, answers()).expect("written");
    let made = json(&e.ok(&["new", "--answers", &with.display().to_string(), "--json"]));
    let id = made["audit"].as_str().expect("id");
    assert_eq!(
        json(&e.ok(&["show", id, "--json"]))["trainer"],
        "Maël (atelier Animafac, Rennes)"
    );
}

#[test]
fn exports_go_to_the_export_folder_of_the_settings() {
    let e = Env::new();
    let folder = e.dir.path().join("exports");
    e.ok(&[
        "config",
        "set",
        "export_folder",
        &folder.display().to_string(),
    ]);
    e.ok(&["demo"]);
    let list = json(&e.ok(&["list", "--json"]));
    let id = list[0]["id"].as_str().expect("an id").to_string();
    let elsewhere = e.dir.path().join("ailleurs");
    std::fs::create_dir(&elsewhere).expect("folder");
    let out = e.run_in(Some(&elsewhere), &["export", &id, "--format", "md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        written.trim().starts_with(&folder.display().to_string()),
        "{written}"
    );
    assert_eq!(std::fs::read_dir(&folder).expect("made").count(), 1);
    assert_eq!(std::fs::read_dir(&elsewhere).expect("there").count(), 0);
    // --out still wins.
    let out = e.run_in(
        Some(&elsewhere),
        &["export", &id, "--format", "md", "--out", "."],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&elsewhere).expect("there").count(), 1);
}

#[test]
fn plain_true_starts_the_line_mode_in_a_real_terminal() {
    if !tmux::available() {
        eprintln!("tmux missing: plain_true_starts_the_line_mode_in_a_real_terminal not run");
        return;
    }
    let e = Env::new();
    e.ok(&["config", "set", "plain", "true"]);
    let pid = e.dir.path().join("pid");
    let command = format!(
        "env DIAGASSO_CONFIG='{}' {} --db '{}'",
        e.config().display(),
        tmux::binary().display(),
        e.db().display()
    );
    let t = tmux::Tmux::start("settings-plain", 80, 24, &pid, &command);
    let screen = t.wait_for("mode ligne", Duration::from_secs(15));
    let screen = screen.unwrap_or_else(|| panic!("no line mode:\n{}", t.screen()));
    assert!(screen.contains("diagasso, mode ligne"), "{screen}");
    t.text("q\n");
}
