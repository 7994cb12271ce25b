#!/bin/sh
# Peak memory of the PDF importer (BENCHMARKS.md, "PDF import", memory):
# for each BINARY given (say an older build and this one, in the same run),
# the peak RSS of `convert --to json` and `--print` on each PDF, best of 3
# (RUNS=N for more: a run's peak varies by a few hundred KB),
# less the same command's peak on a 1 KB PDF (what hamish takes for
# nothing), as a multiple of the file; and, with valgrind installed, the
# heap's peak (massif: bytes asked of the allocator), also over the file.
#   bench/pdf_memory.sh OLD_BINARY NEW_BINARY -- FILE.pdf...
# The long PDFs are made by bench/pdf.sh (KEEP=1 keeps them).
set -eu
cd "$(dirname "$0")/.."
bins=""
while [ "$1" != "--" ]; do bins="$bins $1"; shift; done
shift
tiny=tests/pdf/presentation.pdf
runs=${RUNS:-3}
peak() { # COMMAND...: the lowest of $runs peak RSS, in KB
    best=""
    t=$(mktemp)
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%M" -o "$t" "$@" >/dev/null 2>&1 || true
        kb=$(tail -1 "$t")
        if [ -z "$best" ] || [ "$kb" -lt "$best" ]; then best=$kb; fi
    done
    rm -f "$t"
    echo "$best"
}
heap() { # COMMAND...: the heap's peak in bytes (useful bytes, massif)
    out=$(mktemp)
    valgrind --tool=massif --massif-out-file="$out" "$@" >/dev/null 2>&1 || true
    grep mem_heap_B "$out" | cut -d= -f2 | sort -n | tail -1
    rm -f "$out"
}
echo "| binary | PDF | bytes | convert: RSS over floor | x file | --print: RSS over floor | x file | convert: heap peak | x file |"
echo "|---|---|---|---|---|---|---|---|---|"
for bin in $bins; do
    floor_json=$(peak "$bin" convert "$tiny" --to json -o /dev/null)
    floor_print=$(peak "$bin" --print --width 80 "$tiny")
    for f in "$@"; do
        size=$(wc -c < "$f")
        json=$(( $(peak "$bin" convert "$f" --to json -o /dev/null) - floor_json ))
        print=$(( $(peak "$bin" --print --width 80 "$f") - floor_print ))
        if command -v valgrind >/dev/null; then
            h=$(heap "$bin" convert "$f" --to json -o /dev/null)
            hx=$(echo "scale=2; $h / $size" | bc)
        else
            h="-"; hx="-"
        fi
        printf '| %s | %s | %s | %s KB | %s | %s KB | %s | %s | %s |\n' "$bin" "$(basename "$f")" "$size" \
            "$json" "$(echo "scale=2; $json * 1024 / $size" | bc)" \
            "$print" "$(echo "scale=2; $print * 1024 / $size" | bc)" "$h" "$hx"
    done
done
