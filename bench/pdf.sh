#!/bin/sh
# The PDF importer on long essays (BENCHMARKS.md, "PDF import"): a 100-page
# and a 300-page PDF typeset by LibreOffice from tests/pdf/make/essay.py,
# imported by `hamish convert --to json` and extracted by `pdftotext` in the
# same run, best of 5, with the peak memory of each.
# Needs libreoffice-writer-nogui, fonts-hosny-amiri, poppler-utils.
set -eu
cd "$(dirname "$0")/.."
bin=target/release/hamish
[ -x "$bin" ] || cargo build --release
tmp=$(mktemp -d)
# KEEP=1 leaves the PDFs (for bench/reader.py) and says where.
if [ "${KEEP:-}" = 1 ]; then echo "PDFs in $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
make() { # PAGES REPEAT
    ESSAY_REPEAT=$2 python3 tests/pdf/make/essay.py "$tmp/long$1.fodt"
    (cd "$tmp" && soffice --headless --convert-to pdf "long$1.fodt" >/dev/null 2>&1)
}
best() { # COMMAND...: the best wall time of 5 runs, in seconds
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f "%e %M" "$@" >/dev/null 2>>"$tmp/times" || true
    done
    sort -n "$tmp/times" | head -1
    rm -f "$tmp/times"
}
make 100 22
make 300 68
for n in 100 300; do
    f=$tmp/long$n.pdf
    pages=$(pdfinfo "$f" | awk '/^Pages/ {print $2}')
    size=$(wc -c < "$f")
    echo "== $pages pages, $size bytes"
    echo "hamish convert --to json: $(best "$bin" convert "$f" --to json) (s, peak KB)"
    echo "pdftotext:                $(best pdftotext "$f" -) (s, peak KB)"
done
