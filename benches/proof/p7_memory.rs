//! P7: peak memory (VmHWM, the resident high-water mark from /proc/PID/status) of the real
//! binary showing the home screen of a database of 10,000 audits in a 120×40 tmux pane, after
//! paging through the list (Page Down ×20, End, Home, a filter); beside it, the same on an
//! empty database, for what the list itself costs.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::{Options, Row, binary, testdata, work_dir};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .map_err(|e| format!("tmux: {e}"))?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn keys(&self, keys: &[&str]) -> Result<(), String> {
        let mut args = vec!["send-keys", "-t", "p7"];
        args.extend_from_slice(keys);
        self.run(&args)?;
        std::thread::sleep(Duration::from_millis(100));
        Ok(())
    }

    fn wait_for(&self, needle: &str) -> Result<String, String> {
        let start = Instant::now();
        loop {
            let screen = self.run(&["capture-pane", "-p", "-t", "p7"])?;
            if screen.contains(needle) {
                return Ok(screen);
            }
            if start.elapsed() > Duration::from_secs(30) {
                return Err(format!(
                    "waited for {needle:?}; the screen shows:\n{screen}"
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// VmHWM and VmRSS of `pid`, in kB.
fn memory(pid: &str) -> Result<(u64, u64), String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("/proc/{pid}/status: {e}"))?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .ok_or(format!("no {name} in /proc/{pid}/status"))
    };
    Ok((field("VmHWM:")?, field("VmRSS:")?))
}

/// Run the TUI on `db`, page through its home list, return (VmHWM, VmRSS) in kB.
fn peak(db: &Path, scratch: &Path, busy: bool) -> Result<(u64, u64), String> {
    let t = Tmux {
        socket: format!("diagasso-p7-{}", std::process::id()),
    };
    let pid_file = scratch.join("pid");
    let _ = std::fs::remove_file(&pid_file);
    let line = format!(
        "echo $$ > '{}'; exec '{}' --db '{}' --lang fr",
        pid_file.display(),
        binary().display(),
        db.display()
    );
    t.run(&[
        "new-session",
        "-d",
        "-s",
        "p7",
        "-x",
        "120",
        "-y",
        "40",
        "env",
        "TERM=xterm-256color",
        "DIAGASSO_TRAINER=bench",
        "sh",
        "-c",
        &line,
    ])?;
    if busy {
        t.wait_for("n° ")?;
        for _ in 0..20 {
            t.keys(&["PageDown"])?;
        }
        t.keys(&["End"])?;
        t.keys(&["Home"])?;
        t.keys(&["/"])?;
        t.run(&["send-keys", "-t", "p7", "-l", "jardins"])?;
        t.wait_for("Jardins")?;
    } else {
        t.wait_for("Bienvenue")?;
    }
    std::thread::sleep(Duration::from_millis(300));
    let pid = std::fs::read_to_string(&pid_file).map_err(|e| e.to_string())?;
    let pid = pid.trim();
    let m = memory(pid)?;
    let _ = Command::new("kill").arg(pid).status();
    Ok(m)
}

pub fn run(_: &Options) -> Result<Vec<Row>, String> {
    if Command::new("tmux").arg("-V").output().is_err() {
        return Err("tmux is not installed (scripts/bench.sh installs it)".into());
    }
    let dir = work_dir().join("p7");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let (big, _) = testdata::database(&work_dir(), 10_000)?;
    // A copy: the TUI may write (its cursor, WAL set-up); the generated file stays as it is.
    let db = dir.join("home.db");
    std::fs::copy(&big, &db).map_err(|e| e.to_string())?;
    let (hwm, rss) = peak(&db, &dir, true)?;
    let (empty_hwm, _) = peak(&dir.join("empty.db"), &dir, false)?;
    let _ = std::fs::remove_dir_all(&dir);
    let mb = |kb: u64| kb as f64 / 1024.0;
    Ok(vec![Row {
        part: "P7",
        what: "peak memory (VmHWM) of the TUI home on 10,000 audits, paged through and filtered"
            .into(),
        figure: format!("{:.1} MB (RSS at the end {:.1} MB)", mb(hwm), mb(rss)),
        reference: format!("{:.1} MB (empty database)", mb(empty_hwm)),
        ratio: format!("{:.2}×", hwm as f64 / empty_hwm.max(1) as f64),
        target: "≤ 30 MB",
        met: Some(mb(hwm) <= 30.0),
    }])
}
