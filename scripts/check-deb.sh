#!/usr/bin/env bash
# Check a diagasso .deb: its control data and that it holds the binary, the man page, the
# three completions, the README and the copyright; with --chroot, also install it with
# `dpkg -i` in a fresh Debian chroot (debootstrap, minbase + man-db; root needed), make a
# demonstration audit, its plan and its PDF there, and read `man diagasso`. bullseye (glibc
# 2.31) is the oldest suite deb.debian.org still serves; buster (2.28) is on archive.debian.org.
#   scripts/check-deb.sh target/dist/diagasso_0.1.0-1_amd64.deb [--chroot [SUITE]]
set -euo pipefail
deb=${1:?usage: check-deb.sh FILE.deb [--chroot [SUITE]]}
dpkg-deb --info "$deb"
contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/diagasso ./usr/share/man/man1/diagasso.1.gz ./usr/share/man/fr/man1/diagasso.1.gz \
  ./usr/share/bash-completion/completions/diagasso ./usr/share/zsh/vendor-completions/_diagasso \
  ./usr/share/fish/vendor_completions.d/diagasso.fish ./usr/share/doc/diagasso/README.md \
  ./usr/share/doc/diagasso/copyright; do
  grep -q " $path\$" <<<"$contents" || { echo "error: $deb lacks $path" >&2; exit 1; }
done
dpkg-deb --field "$deb" Depends | grep -q 'libc6 (>= 2.28)' || { echo "error: Depends is not libc6 (>= 2.28)" >&2; exit 1; }
echo "ok: $deb holds the binary, the man page, the completions, the README and the copyright"

[ "${2:-}" = "--chroot" ] || exit 0
suite=${3:-bookworm}
root=$(mktemp -d /tmp/diagasso-chroot.XXXXXX)
trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$root"' EXIT
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
debootstrap --variant=minbase --include=man-db,bash-completion "$suite" "$root" >/dev/null
cp "$deb" "$root/tmp/diagasso.deb"
mount -t proc proc "$root/proc"
chroot "$root" dpkg -i /tmp/diagasso.deb
chroot "$root" diagasso --version
# The binary really works on that glibc: a demonstration audit, its plan, its PDF and HTML.
chroot "$root" bash -ec 'cd /tmp && export HOME=/tmp LANG=C.UTF-8
  diagasso --db d.db --lang fr demo >/dev/null
  diagasso --db d.db --lang fr plan 1 | head -n 3
  diagasso --db d.db --lang fr export 1 --format pdf,html --out out >/dev/null
  ls out | grep -q "\.pdf$" && ls out | grep -q "\.html$"'
chroot "$root" env MANWIDTH=80 man diagasso | head -n 12
chroot "$root" env MANWIDTH=80 man diagasso | grep -q "IMPORT-SUBMISSIONS" || { echo "error: man diagasso lacks a subcommand" >&2; exit 1; }
# The French page, as `man` picks it under a French locale (-L: the chroot has no locales).
chroot "$root" env MANWIDTH=80 man -L fr diagasso | grep -q "^NOM" || { echo "error: no French man page" >&2; exit 1; }
chroot "$root" bash -c 'source /usr/share/bash-completion/bash_completion && source /usr/share/bash-completion/completions/diagasso && complete -p diagasso'
echo "ok: installed with dpkg -i in a fresh $suite chroot; the demo, its plan and PDF, man diagasso (English and French) and the bash completion work"
