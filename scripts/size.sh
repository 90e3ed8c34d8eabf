#!/usr/bin/env bash
# What takes room in a release binary: the sizes of its text and data symbols (nm
# --size-sort, demangled), added up by crate (the first path segment of each symbol), biggest
# first, beside the stripped size. Needs an unstripped build:
#   CARGO_PROFILE_RELEASE_STRIP=none cargo build --release && scripts/size.sh target/release/diagasso
set -euo pipefail
bin=${1:-target/release/diagasso}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
strip -o "$tmp" "$bin"
echo "stripped size: $(stat -c %s "$tmp") bytes ($(( $(stat -c %s "$tmp") / 1024 / 1024 )) MiB)"
nm --size-sort -C --radix=d "$bin" | awk '
  { size = $1 + 0; $1 = ""; $2 = ""; name = substr($0, 3)
    sub(/^</, "", name); sub(/^_</, "", name)
    crate = name; sub(/::.*/, "", crate); sub(/ .*/, "", crate)
    if (crate ~ /^sqlite3|^sqlite/) crate = "sqlite (C)"
    total[crate] += size; all += size }
  END { for (c in total) printf "%10d %5.1f%%  %s\n", total[c], 100 * total[c] / all, c; }' \
  | sort -rn | head -n "${TOP:-25}"
