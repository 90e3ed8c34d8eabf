//! End to end, the real binary in a real terminal (tmux, 80×24): create an association, answer
//! five questions, kill the process with SIGKILL, relaunch and find the five answers; open the
//! help; quit and check the terminal is back to normal (the shell prompt on screen, `stty -a`
//! sane). Skipped, with a notice, when tmux is not installed (CI installs it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    /// A shell in a new 80×24 French tmux session on its own server (`label` tells the tests'
    /// servers apart), with `env` added to its environment.
    fn start(label: &str, env: &[&str]) -> Tmux {
        let t = Tmux {
            socket: format!("diagasso-e2e{label}-{}", std::process::id()),
        };
        let mut args = vec![
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "80",
            "-y",
            "24",
            "env",
            "LANG=fr_FR.UTF-8",
            "TERM=xterm-256color",
            "PS1=e2e$ ",
            "DIAGASSO_TRAINER=e2e",
        ];
        args.extend_from_slice(env);
        args.push("sh");
        t.run(&args);
        t
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
        std::thread::sleep(Duration::from_millis(150));
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
        std::thread::sleep(Duration::from_millis(150));
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Wait until the screen shows `needle`; panic with the screen after 15 s.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("waited for {needle:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// tmux is there; in CI (`CI` set) its absence fails the test instead of skipping it.
fn tmux_available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
    assert!(
        found || !ci,
        "tmux is missing in CI: .ci/run installs it; this test must run there"
    );
    found
}

/// The line that starts the binary from the pane's shell, recording its pid (it `exec`s).
fn launch_line(bin: &Path, db: &Path, pid: &Path) -> String {
    format!(
        "sh -c 'echo $$ > {}; exec {} --db {}'",
        pid.display(),
        bin.display(),
        db.display()
    )
}

fn kill9(pid_file: &Path) {
    let pid = std::fs::read_to_string(pid_file).expect("pid file");
    let status = Command::new("kill")
        .args(["-KILL", pid.trim()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

/// Answer the question on screen the way a person would, by its kind (a number or text field
/// is entered with Enter first).
fn answer_one(t: &Tmux) {
    if t.screen().contains("Entrée pour écrire la réponse") {
        t.keys(&["Enter"]);
    }
    let screen = t.screen();
    if screen.contains("Tapez un nombre") {
        t.text("12");
        t.keys(&["Enter"]);
    } else if screen.contains("Tapez la réponse") {
        t.text("Réponse d’essai, « à vérifier »");
        t.keys(&["Enter"]);
    } else {
        t.keys(&["1"]);
        t.wait_for("enregistré");
        t.keys(&["Enter"]);
    }
}

#[test]
fn answers_survive_sigkill_and_the_terminal_is_restored() {
    if !tmux_available() {
        eprintln!("NOTICE: tmux is not installed; the end-to-end test is skipped.");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db: PathBuf = dir.path().join("e2e.db");
    let pid = dir.path().join("pid");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_diagasso"));
    let t = Tmux::start("", &[]);
    t.wait_for("e2e$");

    // First run: the welcome, then a new association and its questionnaire.
    t.text(&launch_line(&bin, &db, &pid));
    t.keys(&["Enter"]);
    t.wait_for("Bienvenue dans diagasso");
    t.keys(&["a"]);
    t.wait_for("Nouvelle association");
    t.text("Les Amis du Quartier");
    t.keys(&["F10"]);
    t.wait_for("Quel questionnaire");
    t.keys(&["Enter"]);
    t.wait_for("Question 1/");

    // Five answers, each confirmed by the store before the next.
    for i in 1..=5 {
        answer_one(&t);
        t.wait_for(&format!("Question {}/", i + 1));
    }
    t.wait_for("enregistré");

    // SIGKILL: no chance to restore anything. Repair the tty as a person would, and relaunch.
    kill9(&pid);
    std::thread::sleep(Duration::from_millis(300));
    t.text("stty sane; tput rmcup 2>/dev/null; clear");
    t.keys(&["C-j"]);
    t.wait_for("e2e$");
    t.text(&launch_line(&bin, &db, &pid));
    t.keys(&["Enter"]);
    // The detail line of the selected row says how far the audit is.
    t.wait_for("Les Amis du Quartier");
    t.wait_for("réponses\u{a0}:\u{a0}5/");
    t.keys(&["Enter"]);
    // Letters are commands on every question until a field is entered.
    t.wait_for("Question 6/");
    t.keys(&["r"]);
    let review = t.wait_for("Relecture");
    assert!(
        review.contains("5 répondues"),
        "the review counts five answers:\n{review}"
    );

    // The help, then out.
    t.keys(&["?"]);
    t.wait_for("Aide : touches de cet écran");
    t.keys(&["Escape"]);
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    t.wait_for("Tout est enregistré (sections");
    t.keys(&["q"]);
    let after = t.wait_for("Tout est enregistré dans");
    assert!(after.contains("e2e$"), "the shell prompt is back:\n{after}");
    assert!(
        !after.contains("Diagnostics"),
        "no interface left on screen:\n{after}"
    );
    t.text("stty -a");
    t.keys(&["Enter"]);
    let stty = t.wait_for("icanon");
    let flags: Vec<&str> = stty.split_whitespace().collect();
    for sane in ["icanon", "echo", "icrnl", "isig", "opost"] {
        assert!(flags.contains(&sane), "terminal mode lacks {sane}:\n{stty}");
    }
}

/// The demo, its plan, an export of Markdown and HTML into a temporary folder, then the same
/// export again: the files are there, and the second time nothing is replaced after a "non".
#[test]
fn the_demo_plan_exports_markdown_and_html_and_never_replaces_without_a_yes() {
    if !tmux_available() {
        eprintln!("NOTICE: tmux is not installed; the end-to-end test is skipped.");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db: PathBuf = dir.path().join("e2e.db");
    let pid = dir.path().join("pid");
    let out = dir.path().join("exports");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_diagasso"));
    let t = Tmux::start("-plan", &["DIAGASSO_CATALOG=/nonexistent/catalogue.toml"]);
    t.wait_for("e2e$");
    t.text(&launch_line(&bin, &db, &pid));
    t.keys(&["Enter"]);
    t.wait_for("Bienvenue dans diagasso");
    t.keys(&["d"]);
    t.wait_for("Question");
    t.keys(&["r"]);
    t.wait_for("Relecture");
    t.keys(&["p"]);
    let plan = t.wait_for("1 Synthèse");
    assert!(plan.contains("Frama.space"), "the summary:\n{plan}");
    t.keys(&["3"]);
    t.wait_for("Hébergeurs retenus");
    t.keys(&["e"]);
    t.wait_for("Exporter le plan");
    for _ in 0..8 {
        t.keys(&["Down"]);
    }
    t.keys(&["C-u"]);
    t.text(&out.display().to_string());
    t.keys(&["Enter"]);
    let done = t.wait_for("Fichiers écrits");
    let files: Vec<PathBuf> = std::fs::read_dir(&out)
        .expect("the folder was made")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(files.len(), 2, "{files:?}\n{done}");
    for ext in ["md", "html"] {
        assert!(
            files.iter().any(|f| f.extension().is_some_and(|e| e == ext)
                && f.metadata().is_ok_and(|m| m.len() > 1000)),
            "a .{ext} file: {files:?}"
        );
    }
    let before: Vec<_> = files
        .iter()
        .map(|f| f.metadata().and_then(|m| m.modified()).ok())
        .collect();
    t.keys(&["Enter"]);
    t.wait_for("Remplacer des fichiers");
    t.keys(&["n"]);
    t.wait_for("Rien n'a été remplacé");
    let after: Vec<_> = files
        .iter()
        .map(|f| f.metadata().and_then(|m| m.modified()).ok())
        .collect();
    assert_eq!(before, after, "nothing replaced after « non »");
    t.keys(&["Escape"]);
    t.wait_for("4 Feuille de route");
    t.keys(&["C-c"]);
    t.wait_for("Tout est enregistré dans");
}

#[test]
fn a_workshop_is_run_from_its_dashboard_and_survives_a_kill() {
    if !tmux_available() {
        eprintln!("NOTICE: tmux is not installed; the end-to-end test is skipped.");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db: PathBuf = dir.path().join("e2e.db");
    let pid = dir.path().join("pid");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_diagasso"));
    let t = Tmux::start(
        "-workshop",
        &["DIAGASSO_CATALOG=/nonexistent/catalogue.toml"],
    );
    t.wait_for("e2e$");
    t.text(&launch_line(&bin, &db, &pid));
    t.keys(&["Enter"]);
    t.wait_for("Bienvenue dans diagasso");
    t.keys(&["d"]);
    t.wait_for("Question");
    t.keys(&["q"]);
    t.wait_for("w ateliers");
    t.keys(&["w"]);
    t.wait_for("Aucun atelier");
    t.keys(&["a"]);
    t.wait_for("Nouvel atelier");
    t.text("Forum des associations");
    t.keys(&["F10"]);
    t.wait_for("Atelier « Forum des associations »");
    for (name, answers) in [("Amicale laïque", 3), ("Club de judo", 1)] {
        t.keys(&["a"]);
        t.wait_for("Nouvelle association");
        t.text(name);
        t.keys(&["F10"]);
        t.wait_for("Question 1/");
        for _ in 0..answers {
            answer_one(&t);
        }
        // Leave the audit: back to the dashboard.
        t.keys(&["q"]);
        t.wait_for("a ajouter une association");
    }
    let dash = t.wait_for("Club de judo");
    assert!(dash.contains("Amicale laïque"), "{dash}");
    assert!(dash.contains("3/21") && dash.contains("1/21"), "{dash}");
    kill9(&pid);
    std::thread::sleep(Duration::from_millis(300));
    t.text("stty sane; tput rmcup 2>/dev/null; clear");
    t.keys(&["C-j"]);
    t.wait_for("e2e$");
    t.text(&launch_line(&bin, &db, &pid));
    t.keys(&["Enter"]);
    t.wait_for("w ateliers");
    t.keys(&["w"]);
    let list = t.wait_for("Forum des associations");
    assert!(list.contains("2\u{a0}audits"), "{list}");
    t.keys(&["Enter"]);
    let dash = t.wait_for("Club de judo");
    assert!(dash.contains("3/21") && dash.contains("1/21"), "{dash}");
    // Switching: the first association, where it was left.
    t.keys(&["Home", "Enter"]);
    t.wait_for("Amicale laïque · Atelier express");
    t.wait_for("Question 4/");
    t.keys(&["C-c"]);
    t.wait_for("Tout est enregistré dans");
}
