//! What the figures were measured on: cores, CPU model, the disk under the work folder, and
//! the load average (other people compiling on a shared machine make every figure noisier).

use std::path::Path;
use std::process::Command;

/// The 1, 5 and 15-minute load averages.
pub fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

/// The filesystem and device holding `dir`, as `df` names them.
fn disk(dir: &Path) -> String {
    let _ = std::fs::create_dir_all(dir);
    let out = Command::new("df")
        .args(["--output=source,fstype,size", "-h"])
        .arg(dir)
        .output();
    match out {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
            .lines()
            .nth(1)
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default(),
        _ => "unknown".into(),
    }
}

pub fn describe(dir: &Path) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("- machine: {cores} cores, {}", cpu_model());
    println!("- disk under {}: {}", dir.display(), disk(dir));
    println!("- load average at the start: {}", load());
}
