//! The real binary in a real terminal: a private tmux server (its own socket), one session, keys
//! sent with `send-keys`, the screen read with `capture-pane`. Used by the crash trials and the
//! hostile-input tests; `available()` lets a test skip with a notice where tmux is missing, and
//! fails it in CI.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    session: String,
}

pub fn available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found || !in_ci(),
        "tmux is missing in CI (CI={:?}): .ci/run installs it; this test must run there",
        std::env::var("CI").unwrap_or_default()
    );
    found
}

/// Whether the tests run in CI (`CI` set and not `false`/`0`), where a missing tool is a
/// failure: `.ci/run` installs it, so a test that needs it must not pass without running.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The binary under test.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_diagasso"))
}

impl Tmux {
    /// A new server with one `width`×`height` session running `command` (through `sh -c`),
    /// in French, with a known TERM. The command's pid is written to `pid_file` (it `exec`s).
    pub fn start(name: &str, width: u16, height: u16, pid_file: &Path, command: &str) -> Tmux {
        let t = Tmux {
            socket: format!("diagasso-{name}-{}", std::process::id()),
            session: name.to_string(),
        };
        let line = format!("echo $$ > '{}'; exec {command}", pid_file.display());
        let (w, h) = (width.to_string(), height.to_string());
        t.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &w,
            "-y",
            &h,
            "env",
            "LANG=fr_FR.UTF-8",
            "TERM=xterm-256color",
            "DIAGASSO_TRAINER=essai",
            "sh",
            "-c",
            &line,
        ]);
        // Keep the pane after the process dies, so its last screen can still be read.
        t.run(&["set-option", "-t", name, "remain-on-exit", "on"]);
        t
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Send keys (tmux key names) without waiting.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Type text literally, without waiting.
    pub fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", &self.session, "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.session])
    }

    /// Wait until the screen shows `needle`, or `None` after `timeout`.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> Option<String> {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return Some(screen);
            }
            if start.elapsed() > timeout {
                return None;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Resize the session's window.
    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.run(&["resize-window", "-t", &self.session, "-x", &w, "-y", &h]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// The pid written by `Tmux::start`, once the shell has written it.
pub fn read_pid(pid_file: &Path) -> Option<i32> {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if let Some(pid) = std::fs::read_to_string(pid_file)
            .ok()
            .and_then(|s| s.trim().parse().ok())
        {
            return Some(pid);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// Whether process `pid` still runs (and is not a zombie).
pub fn alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        !s.rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z')
    })
}
