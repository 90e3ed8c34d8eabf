#!/usr/bin/env bash
# Build what a trainer installs without Rust, for x86_64 Linux with glibc 2.28 or later
# (Debian 10+, Ubuntu 20.04+, Linux Mint 20+):
#   target/dist/diagasso-VERSION-x86_64-linux-gnu.tar.gz   binary, man page, completions, README, LICENSE
#   target/dist/diagasso_VERSION-1_amd64.deb               the same, installed in the usual places
# The glibc is chosen through zig's linker (`ziglang` from PyPI, `cargo-zigbuild` from
# crates.io); `cargo-deb` makes the package. Each is installed when missing. The binary's
# highest glibc symbol version is checked (scripts/check-glibc.sh) before anything is packed.
#   scripts/release.sh            build both
#   scripts/release.sh --check    also unpack the .deb (dpkg-deb) and read its man page
set -euo pipefail
cd "$(dirname "$0")/.."
# cargo-deb reads the assets under ./target (Cargo.toml): build there whatever the environment says.
export CARGO_TARGET_DIR="$PWD/target"

GLIBC=2.28
TRIPLE=x86_64-unknown-linux-gnu
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
DIST=target/dist
NAME=diagasso-$VERSION-x86_64-linux-gnu

python3 -c 'import ziglang' 2>/dev/null || python3 -m pip install --quiet ziglang
command -v cargo-zigbuild >/dev/null || cargo install cargo-zigbuild --locked
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked

echo "== cargo zigbuild --release --target $TRIPLE.$GLIBC"
cargo zigbuild --release --target "$TRIPLE.$GLIBC"
BIN=target/$TRIPLE/release/diagasso
bash scripts/check-glibc.sh "$BIN" "$GLIBC"
echo "size of the stripped binary: $(stat -c %s "$BIN") bytes"

# The help speaks one language: the man page in English (man1) and in French (fr/man1, which
# `man` picks under a French locale); the completions' descriptions in French, the language
# of the trainers diagasso is for.
rm -rf "$DIST" && mkdir -p "$DIST/completions" "$DIST/fr"
"$BIN" --lang en manpage | gzip -n -9 > "$DIST/diagasso.1.gz"
"$BIN" --lang fr manpage | gzip -n -9 > "$DIST/fr/diagasso.1.gz"
"$BIN" --lang fr completions bash > "$DIST/completions/diagasso"
"$BIN" --lang fr completions zsh > "$DIST/completions/_diagasso"
"$BIN" --lang fr completions fish > "$DIST/completions/diagasso.fish"

echo "== archive"
STAGE=$DIST/$NAME
mkdir -p "$STAGE/completions" "$STAGE/fr"
cp "$BIN" README.md LICENSE "$DIST/diagasso.1.gz" "$STAGE/"
cp "$DIST/fr/diagasso.1.gz" "$STAGE/fr/"
cp "$DIST"/completions/* "$STAGE/completions/"
tar -C "$DIST" --owner=0 --group=0 --sort=name -czf "$DIST/$NAME.tar.gz" "$NAME"
rm -rf "$STAGE"
echo "$DIST/$NAME.tar.gz"

echo "== .deb"
cargo deb --no-build --no-strip --target "$TRIPLE" --output "$DIST/"
DEB=$(ls "$DIST"/diagasso_*.deb)
echo "$DEB"

if [ "${1:-}" = "--check" ]; then
  bash scripts/check-deb.sh "$DEB"
fi
