#!/bin/sh
# A copy-paste from a PDF viewer, as a reader makes it: the PDF opened in
# Evince under Xvfb, Ctrl+A (select all), Ctrl+C, the clipboard read with
# xclip. Writes ../heldout/text/evince-copy/NAME.txt for each held-out PDF.
#   apt-get install -y --no-install-recommends evince xclip xdotool xvfb dbus
#   sh tests/corpus/make/viewer_copy.sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/heldout/text/evince-copy"
mkdir -p "$out"
export DISPLAY=:77
Xvfb :77 -screen 0 1600x1200x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 2
for pdf in "$here"/heldout/pdf/*.pdf; do
    name=$(basename "$pdf" .pdf)
    dbus-run-session -- sh -c '
        evince "$1" >/dev/null 2>&1 & viewer=$!
        sleep 6
        window=$(xdotool search --onlyvisible --name "$2" | tail -1)
        xdotool windowfocus --sync "$window"
        xdotool key --window "$window" ctrl+a; sleep 2
        xdotool key --window "$window" ctrl+c; sleep 2
        xclip -o -selection clipboard > "$3"
        kill $viewer' sh "$pdf" "$name" "$out/$name.txt" 2>/dev/null
    echo "$name: $(wc -l < "$out/$name.txt") lines"
done
