#!/bin/sh
# Two hamish binaries give the same documents: `convert --to json` and
# `--to outline` of every PDF and text-extraction fixture, byte for byte.
# A change of data flow or ownership in the importers (not of their rules)
# must leave every output as it was; run this against the binary before it.
#   bench/same_output.sh OLD_BINARY NEW_BINARY
# Prints each file whose output differs, then how many were compared;
# exits 1 if any differed.
set -u
cd "$(dirname "$0")/.."
old=$1
new=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
bad=0
for f in tests/corpus/pdf/*.pdf tests/corpus/heldout/pdf/*.pdf tests/corpus/twocol/pdf/*.pdf \
    tests/corpus/fresh/pdf/*.pdf tests/pdf/*.pdf \
    tests/corpus/text/*/* tests/corpus/heldout/text/*/* tests/corpus/twocol/text/*/* \
    tests/corpus/fresh/text/*/*; do
    [ -f "$f" ] || continue
    # Text extractions read as such (what the shared stage is fed).
    case "$f" in *.pdf) as="" ;; *) as="--format pdftext" ;; esac
    for to in json outline; do
        # A file that cannot be read writes nothing: both start empty.
        : >"$tmp/old"
        : >"$tmp/new"
        # shellcheck disable=SC2086
        "$old" convert "$f" $as --to "$to" -o "$tmp/old" 2>"$tmp/old.err"
        a=$?
        # shellcheck disable=SC2086
        "$new" convert "$f" $as --to "$to" -o "$tmp/new" 2>"$tmp/new.err"
        b=$?
        n=$((n + 1))
        if [ "$a" != "$b" ] || ! cmp -s "$tmp/old" "$tmp/new" || ! cmp -s "$tmp/old.err" "$tmp/new.err"; then
            echo "differs: $f --to $to (exit $a / $b)"
            bad=$((bad + 1))
        fi
    done
done
echo "$n outputs compared, $bad differ"
[ "$bad" = 0 ]
