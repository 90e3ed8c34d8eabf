//! Crash trials with a foreign SQLite process: while the line mode answers, the `sqlite3` tool
//! opens the same file — a live `.backup` (the README's own advice) or a plain `select` — and
//! exits, then the line mode answers a few more questions and is killed with SIGKILL.
//!
//! What this guards: when `sqlite3` closes, it checkpoints and deletes the WAL if it believes
//! no other process has the file open, which it learns from the POSIX locks. Closing any
//! descriptor of the file in the writing process drops all of that process's locks on it
//! (SQLite's "How To Corrupt An SQLite Database File", 2.2): the writer then goes on writing
//! into a deleted `-wal`, and every answer it confirms from then on is lost at the kill.
//!
//! `DIAGASSO_FOREIGN_TRIALS` sets the number of trials (default 4; `scripts/crash-trials.sh`
//! runs 50); `DIAGASSO_CRASH_SEED` the seed. Skipped with a notice where `sqlite3` is missing.

use super::*;

/// sqlite3 is there; in CI its absence fails the test instead of skipping it.
fn sqlite3_available() -> bool {
    let found = Command::new("sqlite3")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found || !super::tmux::in_ci(),
        "sqlite3 is missing in CI: .ci/run installs it; this test must run there"
    );
    found
}

/// One run of the `sqlite3` tool against `db`: a live backup into `dir` or a query.
fn foreign_touch(dir: &Path, db: &Path, trial: usize, rng: &mut Rng) -> &'static str {
    let (what, arg) = if rng.below(2) == 0 {
        let copy = dir.join(format!("copie-{trial}.db"));
        ("backup", format!(".backup '{}'", copy.display()))
    } else {
        ("select", "select count(*) from answers;".to_string())
    };
    let o = Command::new("sqlite3")
        .arg(db)
        .arg(&arg)
        .stdin(Stdio::null())
        .output()
        .expect("sqlite3 runs");
    assert!(
        o.status.success(),
        "sqlite3 {arg}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    what
}

/// The line mode, its answers given one by one and waited for.
struct LineMode {
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    out: Transcript,
    reader: Option<std::thread::JoinHandle<()>>,
    given: Vec<(String, String)>,
}

impl LineMode {
    fn start(db: &Path) -> LineMode {
        let mut child = Command::new(tmux::binary())
            .args(["--lang", "fr", "--plain", "--db"])
            .arg(db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .env_remove("DIAGASSO_DB")
            .spawn()
            .expect("binary runs");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let buf = Arc::new(Mutex::new(Vec::new()));
        let reader = {
            let buf = Arc::clone(&buf);
            std::thread::spawn(move || {
                let mut chunk = [0u8; 4096];
                while let Ok(n) = stdout.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    buf.lock().unwrap().extend_from_slice(&chunk[..n]);
                }
            })
        };
        LineMode {
            child,
            stdin,
            out: Transcript(buf),
            reader: Some(reader),
            given: Vec::new(),
        }
    }

    fn prompts(&self) -> usize {
        self.out.text().matches("Réponse > ").count()
    }

    /// Wait until the transcript holds `n` answer prompts.
    fn wait_prompts(&self, n: usize) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if self.prompts() >= n {
                return true;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        false
    }

    /// Answer the question on screen; with `wait`, until the next question is asked.
    fn answer(&mut self, q: &Questionnaire, rng: &mut Rng, wait: bool) -> bool {
        let before = self.prompts();
        let text = self.out.text();
        if text.contains("C'était la dernière question") {
            return false;
        }
        let Some(label) = last_question(&text) else {
            return false;
        };
        let refused = self.given.last().is_some_and(|(l, _)| l == label);
        let line = if refused {
            "nsp".to_string()
        } else {
            line_for(by_label(q, label), rng)
        };
        writeln!(self.stdin, "{line}").unwrap();
        self.given.push((label.to_string(), line));
        !wait || self.wait_prompts(before + 1)
    }

    fn kill(mut self) -> String {
        kill9(self.child.id() as i32);
        let _ = self.child.wait();
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        self.out.text()
    }
}

fn trial(
    dir: &Path,
    db: &Path,
    trial: usize,
    q: &Questionnaire,
    rng: &mut Rng,
) -> (usize, &'static str) {
    let audit = new_audit(dir, db, trial);
    let mut line = LineMode::start(db);
    let name = format!("Essai de panne {trial}");
    let start = Instant::now();
    while !line.out.text().contains(&name) && start.elapsed() < Duration::from_secs(15) {
        std::thread::sleep(Duration::from_millis(5));
    }
    writeln!(line.stdin, "1").unwrap();
    assert!(line.wait_prompts(1), "walk opens:\n{}", line.out.text());
    for _ in 0..1 + rng.below(3) {
        line.answer(q, rng, true);
    }
    let what = foreign_touch(dir, db, trial, rng);
    let more = 2 + rng.below(5);
    for i in 0..more {
        // The last answer is killed mid-write half of the time.
        let wait = i + 1 < more || rng.below(2) == 0;
        if !line.answer(q, rng, wait) {
            break;
        }
    }
    if !line.given.is_empty() {
        std::thread::sleep(Duration::from_micros(rng.below(3000)));
    }
    let given = std::mem::take(&mut line.given);
    let text = line.kill();
    let stored = stored_answers(db, &audit);
    let confirmed = check_confirmed(&text, &given, &stored, q, trial, "foreign sqlite3");
    (confirmed, what)
}

#[test]
fn answers_shown_as_saved_survive_a_foreign_sqlite_process() {
    if !sqlite3_available() {
        eprintln!("NOTICE: sqlite3 is not installed; the foreign-process crash trials do not run.");
        return;
    }
    let trials: usize = std::env::var("DIAGASSO_FOREIGN_TRIALS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    let seed = seed();
    let q = shipped::by_id(shipped::DEFAULT_ID).unwrap().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("essais.db");
    let mut rng = Rng(seed);
    eprintln!("foreign crash trials: {trials} trials, seed {seed}");
    let started = Instant::now();
    let (mut confirmed, mut backups) = (0, 0);
    for n in 1..=trials {
        let (c, what) = trial(dir.path(), &db, n, &q, &mut rng);
        let check = integrity(&db);
        assert_eq!(check, "ok", "trial {n}: integrity_check");
        eprintln!(
            "trial {n:3} line mode + sqlite3 {what:6}: {c:3} shown as saved, all in the database, integrity {check}"
        );
        confirmed += c;
        backups += usize::from(what == "backup");
    }
    eprintln!(
        "foreign crash trials: {trials} trials ({backups} sqlite3 .backup, {} sqlite3 select) in {:.0} s, seed {seed}: {confirmed} answers shown as saved, 0 lost; integrity_check ok after every kill",
        trials - backups,
        started.elapsed().as_secs_f64()
    );
}
