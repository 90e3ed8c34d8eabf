#!/usr/bin/env bash
# The figures of BENCHMARKS.md: installs what the references need (sqlite3, tmux) when missing,
# then runs the proof bench (benches/proof/) and keeps its table.
#
#   scripts/bench.sh [PART...] [--quick]     e.g. scripts/bench.sh, scripts/bench.sh p1 p2
#
# The table (Markdown) is printed and kept in target/bench-proof.md; each part also prints the
# load average it started under. Measure on a quiet machine, or repeat: the references are
# measured in the same run as the figures precisely so that their ratios survive the noise.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 \
    || echo "warning: could not install ${need[*]}; the parts that need them will say so"
fi

target="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target"
out="$target/bench-proof.md"
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== sqlite3 $(sqlite3 -version 2>/dev/null | cut -d' ' -f1), $(tmux -V 2>/dev/null), $(rustc --version)"
cargo bench --bench proof -- "$@" | tee "$out"
echo "table kept in $out"
