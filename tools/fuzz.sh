#!/bin/sh
# Run hamish's fuzz targets one after another, each for SECONDS (default
# 240), outside CI (see FUZZING.md). The starting corpus is made from the
# bundled essays, the seeds and their JSON and Markdown exports, cut into
# pieces of at most 3 KB so that libFuzzer's inputs stay small and fast.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]
#
# cargo-fuzz wants a nightly compiler for its sanitizer flags; on a stable
# one RUSTC_BOOTSTRAP=1 lets it through. One job at a time: the machine is
# shared. Crashes land in fuzz/artifacts/TARGET/; copy a minimised one to
# fuzz/regressions/TARGET/ so that tests/fuzz_regressions.rs replays it.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-240}
[ $# -gt 0 ] && shift
targets=${*:-pdftext plain markdown json detect file layout pdf}
export RUSTC_BOOTSTRAP=1
# No sanitizer (hamish forbids unsafe code; ASan would halve the speed),
# but debug assertions and overflow checks on.
flags="--sanitizer none --release --debug-assertions"

cargo fuzz build $flags
bin=target/release/hamish
[ -x "$bin" ] || cargo build --release

# Text sources: the bundled essays and the seeds, in 3 KB pieces cut at line ends.
pieces=$(mktemp -d)
trap 'rm -rf "$pieces"' EXIT
for f in seeds/*.txt assets/*.md assets/*.txt tests/data/mixed.txt; do
    [ -f "$f" ] || continue
    split -C 3000 "$f" "$pieces/$(basename "$f")."
done
for f in seeds/*.txt; do
    "$bin" convert --to json "$f" > "$pieces/$(basename "$f").json" 2>/dev/null || true
    "$bin" convert --to markdown "$f" > "$pieces/$(basename "$f").md" 2>/dev/null || true
done

seed_corpus() { # TARGET: copy the pieces that suit it into fuzz/corpus/TARGET
    dir=fuzz/corpus/$1
    mkdir -p "$dir"
    for f in "$pieces"/*; do
        case "$1:$f" in
            pdf:*) ;;
            json:*.json) cp "$f" "$dir/" ;;
            json:*) ;;
            layout:*.json | layout:*.md) ;;
            # layout: a width byte (60) and a flags byte (shape, align, reorder) first
            layout:*) { printf '<\007'; head -c 400 "$f"; } > "$dir/$(basename "$f")" ;;
            # detect and file: a first byte choosing the file name (0: essay.txt)
            detect:* | file:*) { printf '\000'; cat "$f"; } > "$dir/$(basename "$f")" ;;
            *:*.json) ;;
            *) cp "$f" "$dir/" ;;
        esac
    done
}

for t in $targets; do
    seed_corpus "$t"
    # PDFs: the small fixtures whole (the essay is 50 KB, hence the length).
    max_len=4096
    if [ "$t" = pdf ]; then
        cp tests/pdf/*.pdf "fuzz/corpus/pdf/"
        max_len=65536
    fi
    echo "== $t for $seconds s"
    cargo fuzz run $flags "$t" "fuzz/corpus/$t" -- \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 2>&1 | tee "fuzz/$t.log" | grep -E '^(#[0-9]+ +DONE|stat::|==|SUMMARY|Done)' || true
done
