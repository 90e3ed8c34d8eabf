#!/usr/bin/env bash
# Make the two PDF fonts the binary embeds from the DejaVu Sans files in exports/fonts/ (as
# Debian's fonts-dejavu-core ships them): every glyph, table and name kept, the TrueType hinting
# dropped (a PDF viewer scales outlines; the hints are 20 % of each file), then deflated (zlib,
# level 9). The PDF code inflates them once per process (`export/pdf_layout/metrics.rs`). The
# DejaVu licence allows modified copies whose names contain neither "Bitstream" nor "Vera".
# Needs fonttools (`python3 -m pip install fonttools`).
#   scripts/fonts.sh        writes exports/fonts/DejaVuSans{,-Bold}.pdf.ttf.zz
set -euo pipefail
cd "$(dirname "$0")/../exports/fonts"
python3 -c 'import fontTools' 2>/dev/null || python3 -m pip install --quiet fonttools
for face in DejaVuSans DejaVuSans-Bold; do
  tmp=$(mktemp)
  pyftsubset "$face.ttf" --unicodes='*' --glyphs='*' --no-hinting --layout-features='*' \
    --name-IDs='*' --name-languages='*' --notdef-outline --notdef-glyph --recalc-bounds \
    --drop-tables+=FFTM --output-file="$tmp"
  python3 - "$tmp" "$face.pdf.ttf.zz" <<'PY'
import sys, zlib
data = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(zlib.compress(data, 9))
print(f"{sys.argv[2]}: {len(data)} bytes unhinted, {len(zlib.compress(data, 9))} deflated")
PY
  rm -f "$tmp"
done
