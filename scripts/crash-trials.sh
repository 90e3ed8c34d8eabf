#!/usr/bin/env bash
# Crash trials: the release binary answers questions (the interface in tmux, the line mode
# through pipes) and is killed with SIGKILL at random moments; every answer it showed as saved
# must be in the database, which must pass PRAGMA integrity_check. The trials themselves are
# tests/crash_trials.rs; this runs more of them, in release, and keeps the log. The foreign
# trials (tests/crash_trials/foreign.rs) add the sqlite3 tool, a live backup or a query, on the
# file while the line mode answers, before the kill.
#
#   scripts/crash-trials.sh [--trials N] [--foreign N] [--seed S]
#       (default: 20 trials, 50 foreign trials, a seed from the clock)
#
# The last line is the summary recorded in BENCHMARKS.md; the log is target/crash-trials.log.
set -euo pipefail
cd "$(dirname "$0")/.."

trials=20
foreign=50
seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --trials) trials="$2"; shift 2 ;;
    --foreign) foreign="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

need=()
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 \
    || echo "warning: ${need[*]} could not be installed: the trials that need them will say so"
fi

target="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target"
log="$target/crash-trials.log"
echo "== crash trials: $trials, foreign: $foreign, machine: $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
export DIAGASSO_CRASH_TRIALS="$trials" DIAGASSO_FOREIGN_TRIALS="$foreign"
[ -n "$seed" ] && export DIAGASSO_CRASH_SEED="$seed"
set +e
cargo test --release --test crash_trials -- --nocapture 2>&1 | tee "$log" \
  | grep -E '^(trial|crash trials|foreign crash trials|test result|thread|NOTICE|error)'
status=${PIPESTATUS[0]}
set -e
echo "log: $log"
exit "$status"
