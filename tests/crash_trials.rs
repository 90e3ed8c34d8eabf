//! Crash trials: the real binary answers questions and is killed with SIGKILL at a random
//! moment; everything it had shown as saved must be in the database afterwards, and the file
//! must pass `PRAGMA integrity_check`.
//!
//! Trials alternate between the two front ends:
//! - the full-screen interface in tmux (80×24): a frame is drawn only after the effects of a
//!   key have been carried out (`tui/run.rs`), so a frame that shows "enregistré hh:mm:ss"
//!   vouches for every answer its "Diagnostic : … · n/N réponses" gauge counts. The database must hold at
//!   least the largest such n seen before the kill.
//! - the line mode fed through pipes: each "Enregistré : valeur (hh:mm:ss)." line follows the question it
//!   confirms, so each confirmed answer is checked value by value.
//!
//! Half the kills land at a random time in the first 3 s of answering, half a few milliseconds
//! after a key that saves, while the write is under way. All trials share one database file, so
//! each trial also opens a file the previous kill left behind (WAL recovery).
//!
//! `DIAGASSO_CRASH_TRIALS` sets the number of trials (default 6; `.ci/run` uses 20,
//! `scripts/crash-trials.sh --trials 100` the full run), `DIAGASSO_CRASH_SEED` the seed (printed;
//! it replays the same answers and kill plans, a real terminal's timing varies). Needs tmux for the interface trials (skipped with a notice).

#[path = "crash_trials/foreign.rs"]
mod foreign;
mod tmux;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diagasso::audit::Answer;
use diagasso::questionnaire::{Question, Questionnaire, answer, shipped};
use diagasso::store::codec::plain_json;
use diagasso::walk::parse::parse_answer;
use serde_json::{Value as Json, json};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// When to kill.
#[derive(Debug, Clone, Copy)]
enum KillAt {
    /// This long after the walk opened.
    Time(Duration),
    /// This long after the n-th answer was sent (the write is under way).
    AfterAnswer(usize, Duration),
}

impl KillAt {
    fn pick(rng: &mut Rng) -> KillAt {
        if rng.below(2) == 0 {
            KillAt::Time(Duration::from_millis(200 + rng.below(2800)))
        } else {
            KillAt::AfterAnswer(
                1 + rng.below(20) as usize,
                Duration::from_micros(rng.below(8000)),
            )
        }
    }

    fn due(&self, started: Instant, sent: usize) -> Option<Duration> {
        match *self {
            KillAt::Time(t) => (started.elapsed() >= t).then_some(Duration::ZERO),
            KillAt::AfterAnswer(n, d) => (sent >= n).then_some(d),
        }
    }
}

/// What one trial found.
struct Outcome {
    /// Answers shown as saved before the kill.
    confirmed: usize,
    /// Answers of the trial's audit in the database afterwards.
    stored: usize,
    /// Microseconds between the last key and the kill.
    since_key: u128,
}

fn kill9(pid: i32) {
    // SAFETY: sending a signal to a process this test started.
    let r = unsafe { libc::kill(pid, libc::SIGKILL) };
    assert_eq!(r, 0, "kill -9 {pid}");
}

fn diagasso(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(tmux::binary())
        .args(["--lang", "fr", "--db"])
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .env_remove("DIAGASSO_DB")
        .output()
        .expect("binary runs")
}

/// A new audit for the trial, with an empty walk; its id.
fn new_audit(dir: &Path, db: &Path, trial: usize) -> String {
    let file = dir.join(format!("essai-{trial}.toml"));
    std::fs::write(
        &file,
        format!("[association]\nname = \"Essai de panne {trial}\"\n"),
    )
    .unwrap();
    let o = diagasso(db, &["new", "--answers", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .last()
        .unwrap()
        .to_string()
}

/// `diagasso show AUDIT --json`: the answers as stored, by question id.
fn stored_answers(db: &Path, audit: &str) -> serde_json::Map<String, Json> {
    let o = diagasso(db, &["show", audit, "--json"]);
    assert!(
        o.status.success(),
        "show after the kill failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: Json = serde_json::from_slice(&o.stdout).expect("show --json");
    v["answers"].as_object().cloned().unwrap_or_default()
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// The answers count of a walk frame: "Diagnostic : 3/10 sections · n/N réponses".
fn gauge(screen: &str) -> Option<usize> {
    let rest = &screen[screen.find("Diagnostic : ")? + "Diagnostic : ".len()..];
    let rest = &rest[rest.find(" · ")? + " · ".len()..];
    let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if rest[n.len()..].starts_with('/') {
        n.parse().ok()
    } else {
        None
    }
}

#[test]
fn the_gauge_reader_reads_the_walk_frame() {
    let frame = " Section ███░░░░░░░ 1/3   Diagnostic : 1/3 sections · 12/40 réponses \n";
    assert_eq!(gauge(frame), Some(12));
    assert_eq!(gauge(" Diagnostics · 3\u{a0}diagnostics"), None);
}

/// Whether the frame carries the "enregistré hh:mm:ss" mark (not "enregistrement…", not
/// "NON enregistré").
fn saved_mark(screen: &str) -> bool {
    screen.match_indices("enregistré ").any(|(i, m)| {
        let after = &screen[i + m.len()..];
        let t: Vec<char> = after.chars().take(8).collect();
        t.len() == 8
            && t[2] == ':'
            && t[5] == ':'
            && [0, 1, 3, 4, 6, 7].iter().all(|&k| t[k].is_ascii_digit())
            && !screen[..i].ends_with("NON ")
    })
}

fn tui_trial(dir: &Path, db: &Path, audit: &str, trial: usize, rng: &mut Rng) -> Outcome {
    let pid_file = dir.join(format!("pid-{trial}"));
    let command = format!("'{}' --db '{}'", tmux::binary().display(), db.display());
    let t = tmux::Tmux::start(&format!("essai{trial}"), 80, 24, &pid_file, &command);
    let pid = tmux::read_pid(&pid_file).expect("the interface starts");
    let name = format!("Essai de panne {trial}");
    t.wait_for(&name, Duration::from_secs(15))
        .unwrap_or_else(|| panic!("home lists {name}:\n{}", t.screen()));
    t.keys(&["Enter"]);
    t.wait_for("Question 1/", Duration::from_secs(15))
        .unwrap_or_else(|| panic!("the walk opens:\n{}", t.screen()));

    let kill = KillAt::pick(rng);
    let started = Instant::now();
    let mut confirmed = 0;
    let mut sent = 0;
    let mut last_key = Instant::now();
    let mut stuck = 0;
    let mut last_question = String::new();
    let see = |screen: &str, confirmed: &mut usize| {
        if saved_mark(screen)
            && let Some(n) = gauge(screen)
        {
            *confirmed = (*confirmed).max(n);
        }
    };
    loop {
        let screen = t.screen();
        see(&screen, &mut confirmed);
        if let Some(wait) = kill.due(started, sent) {
            std::thread::sleep(wait);
            break;
        }
        if started.elapsed() > Duration::from_secs(20) {
            break;
        }
        if !screen.contains("Question ") {
            if screen.contains(" · Notes") {
                // A letter typed while the walk had the keyboard opened the notes: back.
                t.keys(&["Escape"]);
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            // Past the last question (review, finish): nothing more to answer.
            if started.elapsed() > Duration::from_secs(1) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
            continue;
        }
        let question = screen
            .lines()
            .find(|l| l.trim_start().starts_with("Question "))
            .unwrap_or("")
            .to_string();
        if question == last_question {
            stuck += 1;
        } else {
            stuck = 0;
            last_question = question;
        }
        let typed = screen.contains("Tapez un nombre") || screen.contains("Tapez la réponse");
        let field = typed && screen.contains("Échap sortir du champ");
        if typed && !field {
            // A number or text question whose field does not have the keyboard.
            t.keys(&["s"]);
            t.keys(&["Enter"]);
        } else if stuck >= 3 {
            // Refused (a constraint, a required answer): say « je ne sais pas » and go on.
            t.keys(&[if field { "F5" } else { "s" }]);
            t.keys(&["Enter"]);
        } else if field {
            if screen.contains("Tapez un nombre") {
                t.text(&(1 + rng.below(40)).to_string());
            } else {
                t.text("Réponse d’essai « à vérifier », n° 3");
            }
            t.keys(&["Enter"]);
        } else if rng.below(10) == 0 {
            t.keys(&["s"]);
            t.keys(&["Enter"]);
        } else {
            t.keys(&[&(1 + rng.below(2)).to_string()]);
            t.keys(&["Enter"]);
        }
        sent += 1;
        last_key = Instant::now();
        if let Some(wait) = kill.due(started, sent) {
            std::thread::sleep(wait);
            break;
        }
        std::thread::sleep(Duration::from_millis(rng.below(30)));
    }
    let since_key = last_key.elapsed().as_micros();
    kill9(pid);
    // The last frames the process drew before it died still count.
    for _ in 0..3 {
        see(&t.screen(), &mut confirmed);
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(t);
    let stored = stored_answers(db, audit).len();
    assert!(
        stored >= confirmed,
        "trial {trial} (interface, {kill:?}): {confirmed} answers shown as saved, {stored} in the database"
    );
    Outcome {
        confirmed,
        stored,
        since_key,
    }
}

/// Everything the line mode printed so far, filled by a reader thread.
struct Transcript(Arc<Mutex<Vec<u8>>>);

impl Transcript {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// The answer line to give to `q`, the way a volunteer would type it.
fn line_for(q: &Question, rng: &mut Rng) -> String {
    use diagasso::questionnaire::Kind;
    if rng.below(10) == 0 {
        return "nsp".into();
    }
    match q.kind {
        Kind::Single => (1 + rng.below(q.choices.len().min(3) as u64)).to_string(),
        Kind::Multiple => {
            let n = q.choices.len() as u64;
            let a = 1 + rng.below(n.min(3));
            let b = 1 + rng.below(n.min(3));
            if a == b {
                a.to_string()
            } else {
                format!("{a},{b}")
            }
        }
        Kind::Number => {
            let lo = q.min.unwrap_or(0.0).max(0.0) as u64;
            (lo + rng.below(30)).to_string()
        }
        Kind::Text => "Réponse d’essai « à vérifier », n° 3".into(),
        Kind::Scale => (1 + rng.below(5)).to_string(),
        Kind::Yesno => if rng.below(2) == 0 { "o" } else { "n" }.into(),
    }
}

/// The question whose French label is `label`.
fn by_label<'a>(q: &'a Questionnaire, label: &str) -> &'a Question {
    q.questions()
        .map(|(_, question)| question)
        .find(|question| question.label.fr == label)
        .unwrap_or_else(|| panic!("no question labelled {label:?}"))
}

/// The label of the last "Question i/N — label" header in `text`.
fn last_question(text: &str) -> Option<&str> {
    text.lines()
        .rev()
        .find(|l| l.starts_with("Question ") && l.contains(" — "))
        .and_then(|l| l.split_once(" — ").map(|(_, label)| label))
}

fn plain_trial(db: &Path, audit: &str, trial: usize, q: &Questionnaire, rng: &mut Rng) -> Outcome {
    let mut child = Command::new(tmux::binary())
        .args(["--lang", "fr", "--plain", "--db"])
        .arg(db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .env_remove("DIAGASSO_DB")
        .spawn()
        .expect("binary runs");
    let pid = child.id() as i32;
    let mut stdin = child.stdin.take().unwrap();
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
    let out = Transcript(buf);
    let wait_for = |needle: &str, from: usize| -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if out.text()[from..].contains(needle) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        false
    };
    let name = format!("Essai de panne {trial}");
    assert!(wait_for(&name, 0), "menu lists {name}:\n{}", out.text());
    // The newest audit is the first of the menu.
    writeln!(stdin, "1").unwrap();
    assert!(wait_for("Question 1/", 0), "walk opens:\n{}", out.text());

    let kill = KillAt::pick(rng);
    let started = Instant::now();
    // (label, line sent) for each answer sent, in order.
    let mut given: Vec<(String, String)> = Vec::new();
    let mut last_key = Instant::now();
    let mut seen = 0;
    loop {
        if let Some(wait) = kill.due(started, given.len()) {
            std::thread::sleep(wait);
            break;
        }
        if started.elapsed() > Duration::from_secs(20) {
            break;
        }
        let text = out.text();
        if !text[seen..].contains("Réponse > ") {
            std::thread::sleep(Duration::from_millis(2));
            continue;
        }
        seen = text.len();
        if text.contains("C'était la dernière question") {
            std::thread::sleep(Duration::from_millis(50));
            continue;
        }
        let Some(label) = last_question(&text) else {
            continue;
        };
        let question = by_label(q, label);
        // A refused answer is asked again: then « je ne sais pas ».
        let refused = given.last().is_some_and(|(l, _)| l == label);
        let line = if refused {
            "nsp".to_string()
        } else {
            line_for(question, rng)
        };
        writeln!(stdin, "{line}").unwrap();
        last_key = Instant::now();
        given.push((label.to_string(), line));
        if let Some(wait) = kill.due(started, given.len()) {
            std::thread::sleep(wait);
            break;
        }
        std::thread::sleep(Duration::from_millis(rng.below(20)));
    }
    let since_key = last_key.elapsed().as_micros();
    kill9(pid);
    let _ = child.wait();
    let _ = reader.join();
    let text = out.text();

    let stored = stored_answers(db, audit);
    let confirmed = check_confirmed(
        &text,
        &given,
        &stored,
        q,
        trial,
        &format!("line mode, {kill:?}"),
    );
    Outcome {
        confirmed,
        stored: stored.len(),
        since_key,
    }
}

/// Every answer the line mode's transcript `text` confirmed ("Enregistré" after its question)
/// must be `stored` with the value of the last line `given` for it; returns how many.
fn check_confirmed(
    text: &str,
    given: &[(String, String)],
    stored: &serde_json::Map<String, Json>,
    q: &Questionnaire,
    trial: usize,
    how: &str,
) -> usize {
    // Pair each "Enregistré" with the question header before it and the last line sent for it.
    let mut confirmed: Vec<(&Question, String)> = Vec::new();
    let mut label: Option<&str> = None;
    for l in text.lines() {
        if l.starts_with("Question ") && l.contains(" — ") {
            label = l.split_once(" — ").map(|(_, x)| x);
        } else if l.starts_with("Enregistré ")
            && let Some(label) = label
        {
            let line = given
                .iter()
                .rev()
                .find(|(g, _)| g == label)
                .map(|(_, line)| line.clone())
                .expect("an answer was sent for a confirmed question");
            confirmed.push((by_label(q, label), line));
        }
    }
    for (question, line) in &confirmed {
        let expected = if line == "nsp" {
            Answer::DontKnow
        } else {
            let a = parse_answer(question, line).expect("the line parses");
            answer::normalise(question, a)
        };
        let want = match &expected {
            Answer::Given(v) => json!({"state": "answered", "value": plain_json(v)}),
            Answer::DontKnow => json!({"state": "dont_know"}),
            Answer::NotApplicable => json!({"state": "not_applicable"}),
        };
        let got = stored.get(&question.id).unwrap_or_else(|| {
            panic!(
                "trial {trial} ({how}): '{}' was shown as saved and is not in the database\n{text}",
                question.id
            )
        });
        assert_eq!(
            got["state"], want["state"],
            "trial {trial}: {}",
            question.id
        );
        if want.get("value").is_some() {
            assert_eq!(
                got["value"], want["value"],
                "trial {trial}: {}",
                question.id
            );
        }
    }
    confirmed.len()
}

/// `DIAGASSO_CRASH_SEED`, else one from the clock.
fn seed() -> u64 {
    std::env::var("DIAGASSO_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        })
}

#[test]
fn answers_shown_as_saved_survive_sigkill() {
    let trials: usize = std::env::var("DIAGASSO_CRASH_TRIALS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6);
    let seed = seed();
    let with_tmux = tmux::available();
    if !with_tmux {
        eprintln!("NOTICE: tmux is not installed; only the line-mode crash trials run.");
    }
    let q = shipped::by_id(shipped::DEFAULT_ID).unwrap().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("essais.db");
    let mut rng = Rng(seed);
    eprintln!(
        "crash trials: {trials} trials, seed {seed} (DIAGASSO_CRASH_SEED={seed} replays them)"
    );
    let (mut confirmed, mut mid_write, mut unshown, mut tui, mut plain) = (0, 0, 0, 0, 0);
    let started = Instant::now();
    for trial in 1..=trials {
        let audit = new_audit(dir.path(), &db, trial);
        let interface = with_tmux && trial % 2 == 1;
        let o = if interface {
            tui += 1;
            tui_trial(dir.path(), &db, &audit, trial, &mut rng)
        } else {
            plain += 1;
            plain_trial(&db, &audit, trial, &q, &mut rng)
        };
        let check = integrity(&db);
        assert_eq!(check, "ok", "trial {trial}: integrity_check");
        eprintln!(
            "trial {trial:3} {:9} killed {:6} µs after the last key: {:3} shown as saved, {:3} in the database, integrity {check}",
            if interface { "interface" } else { "line mode" },
            o.since_key,
            o.confirmed,
            o.stored,
        );
        confirmed += o.confirmed;
        if o.since_key < 10_000 {
            mid_write += 1;
        }
        if o.stored > o.confirmed {
            unshown += 1;
        }
    }
    eprintln!(
        "crash trials: {trials} trials ({tui} interface, {plain} line mode) in {:.0} s, seed {seed}: {confirmed} answers shown as saved, 0 lost; {mid_write} kills within 10 ms of a key; {unshown} kills between a commit and its confirmation on screen; integrity_check ok after every kill",
        started.elapsed().as_secs_f64()
    );
}
