#!/usr/bin/env bash
# The highest glibc symbol version a binary needs must be at most the one given (default 2.28:
# Debian 10, Ubuntu 20.04, Linux Mint 20). Reads the dynamic symbol table with objdump -T
# (binutils); prints the versions found and exits 1 when one is too new.
#   scripts/check-glibc.sh target/x86_64-unknown-linux-gnu/release/diagasso [2.28]
set -euo pipefail
bin=${1:?usage: check-glibc.sh BINARY [MAX_VERSION]}
max=${2:-2.28}
command -v objdump >/dev/null || { echo "error: objdump (binutils) is needed" >&2; exit 2; }
versions=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -u -V)
[ -n "$versions" ] || { echo "error: no GLIBC symbol versions in $bin (not a dynamic glibc binary?)" >&2; exit 1; }
highest=$(printf '%s\n' "$versions" | tail -n 1)
echo "glibc versions required by $bin: $(echo $versions)"
if [ "$(printf '%s\n%s\n' "$highest" "$max" | sort -V | tail -n 1)" != "$max" ]; then
  echo "error: $bin needs glibc $highest, more than $max" >&2
  objdump -T "$bin" | grep "GLIBC_$highest" >&2
  exit 1
fi
echo "ok: highest is $highest <= $max"
