#!/bin/sh
# Make the PDFs of tests/pdf/ (committed; the tests need none of these
# tools). Needs Debian's libreoffice-writer-nogui, fonts-hosny-amiri, qpdf
# and python3:
#   apt-get install -y libreoffice-writer-nogui fonts-hosny-amiri qpdf
# essay.fodt is written by essay.py (text written for these tests).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/essay.py" "$tmp/essay.fodt" "$out/essay.expected.json"
(cd "$tmp" && soffice --headless --convert-to pdf essay.fodt >/dev/null 2>&1)
cp "$tmp/essay.pdf" "$out/essay.pdf"
# An empty user password (opens without asking), and a real one.
qpdf --encrypt "" owner 256 -- "$out/essay.pdf" "$out/encrypted-empty.pdf"
qpdf --encrypt secret owner 256 -- "$out/essay.pdf" "$out/encrypted-password.pdf"
python3 "$here/handmade.py" "$out"
# Notes marked *, dagger, double dagger (needs `pip install typst`).
python3 "$here/symbol_notes.py" "$out/symbol-notes.pdf"
# Damaged copies of the essay.
size=$(wc -c < "$out/essay.pdf")
head -c $((size / 2)) "$out/essay.pdf" > "$out/truncated.pdf"
# The cross-reference table's offsets all wrong.
python3 - "$out/essay.pdf" "$out/broken-xref.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
xref = data.rindex(b"\nxref")
fixed = re.sub(rb"\n\d{10} (\d{5}) n", lambda m: b"\n0000000017 " + m.group(1) + b" n", data[xref:])
open(sys.argv[2], "wb").write(data[:xref] + fixed)
PY
# Nothing but noise after the header.
{ printf '%%PDF-1.7\n'; head -c 4096 /dev/urandom; } > "$out/garbage.pdf"
