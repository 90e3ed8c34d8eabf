#!/usr/bin/env bash
# Crash trials: the release binary answers questions (the interface in tmux, the line mode
# through pipes) and is killed with SIGKILL at random moments; every answer it showed as saved
# must be in the database, which must pass PRAGMA integrity_check. The trials themselves are
# tests/crash_trials.rs; this runs more of them, in release, and keeps the log.
#
#   scripts/crash-trials.sh [--trials N] [--seed S]     (default: 20 trials, a seed from the clock)
#
# The last line is the summary recorded in BENCHMARKS.md; the log is target/crash-trials.log.
set -euo pipefail
cd "$(dirname "$0")/.."

trials=20
seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --trials) trials="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

if ! command -v tmux >/dev/null 2>&1; then
  echo "installing tmux"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux) >/dev/null 2>&1 \
    || echo "warning: tmux could not be installed: only the line-mode trials will run"
fi

target="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target"
log="$target/crash-trials.log"
echo "== crash trials: $trials, machine: $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
export DIAGASSO_CRASH_TRIALS="$trials"
[ -n "$seed" ] && export DIAGASSO_CRASH_SEED="$seed"
set +e
cargo test --release --test crash_trials -- --nocapture 2>&1 | tee "$log" \
  | grep -E '^(trial|crash trials|test result|thread|NOTICE|error)'
status=${PIPESTATUS[0]}
set -e
echo "log: $log"
exit "$status"
