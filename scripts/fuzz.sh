#!/usr/bin/env bash
# Run every fuzz target of fuzz/ for a while, one after the other, after one build.
#
#   scripts/fuzz.sh [--seconds N] [--sanitizer address|none] [TARGET...]
#
# --seconds N      time per target (default 5: the smoke run of .ci/run)
# --sanitizer S    address (cargo-fuzz's default, slower, finds memory errors in C code such as
#                  SQLite's) or none (default here: faster to build and to run)
# TARGET...        some targets only (default: all of fuzz/Cargo.toml)
#
# The corpus grows in fuzz/corpus/TARGET (ignored by git), seeded from fuzz/corpus-seed/TARGET;
# a crash stops the script with its input in fuzz/artifacts/TARGET/ (turn it into a
# regression test). Needs cargo-fuzz (`cargo install cargo-fuzz`); it runs on the stable
# toolchain with RUSTC_BOOTSTRAP=1. Without cargo-fuzz, or when the build cannot run, it says so
# and exits 0 (the fuzz run is skipped), except in CI (CI set), where either is an error.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=5
sanitizer=none
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --sanitizer) sanitizer="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

cargo_fuzz() { RUSTC_BOOTSTRAP=1 cargo fuzz "$@"; }
# In CI (`CI` set) nothing is skipped: .ci/run installs cargo-fuzz, so its absence or a failed
# build is an error there.
in_ci() { [ -n "${CI:-}" ] && [ "${CI:-}" != "false" ] && [ "${CI:-}" != "0" ]; }
if ! cargo fuzz --version >/dev/null 2>&1; then
  if in_ci; then
    echo "ERROR: cargo-fuzz is not installed in CI (.ci/run installs it): no fuzzing ran." >&2
    exit 1
  fi
  echo "NOTICE: cargo-fuzz is not installed (cargo install cargo-fuzz): fuzzing skipped."
  exit 0
fi
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo_fuzz list)
fi

echo "== fuzz build (sanitizer: $sanitizer; targets: ${targets[*]})"
start=$(date +%s)
if ! cargo_fuzz build -s "$sanitizer" >build.log 2>&1; then
  tail -20 build.log
  if in_ci; then
    echo "ERROR: the fuzz targets did not build in CI (see fuzz/build.log): no fuzzing ran." >&2
    exit 1
  fi
  echo "NOTICE: the fuzz targets could not be built here (see fuzz/build.log): fuzzing skipped."
  exit 0
fi
echo "   built in $(( $(date +%s) - start )) s"

status=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  seeds=()
  [ -d "corpus-seed/$t" ] && seeds=("corpus-seed/$t")
  log="artifacts/$t/last-run.log"
  if cargo_fuzz run -s "$sanitizer" "$t" "corpus/$t" "${seeds[@]}" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    echo "fuzz $t: ${runs:-?} runs in ${secs:-$seconds} s, coverage ${cov:-?}, corpus $(ls "corpus/$t" | wc -l) inputs, no crash"
  else
    status=1
    echo "fuzz $t: CRASH — input in fuzz/artifacts/$t/, log in $log:"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -10
  fi
done
exit $status
