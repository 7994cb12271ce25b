#!/bin/sh
# Layout speed and memory: hamish's full layout (wrap + reorder + shape) against
# fribidi's reorder alone, on the same text, in the same run.
# Needs: hyperfine, fribidi (Debian libfribidi-bin), GNU time (Debian time):
#   apt-get install -y hyperfine libfribidi-bin time
# Usage: bench/layout.sh [SIZES_MB...]   (default: 1 10 100)
set -eu
cd "$(dirname "$0")/.."
sizes=${*:-1 10 100}
out=bench/out
cargo build --release --quiet
python3 bench/make_corpus.py "$out" $sizes
hamish=./target/release/hamish
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem/ {print $2}') GiB"
echo "fribidi: $(fribidi --version | head -1)"
echo
echo "| input | hamish wall | hamish CPU | fribidi wall | ratio (wall) | ratio (CPU) | hamish peak RSS | RSS / input |"
echo "|---|---|---|---|---|---|---|---|"
for mb in $sizes; do
  f=$out/text${mb}mb.txt
  bytes=$(stat -c %s "$f")
  hyperfine --warmup 1 --runs 5 --export-json "$out/h$mb.json" \
    "$hamish --print --plain --format lines --width 80 $f" \
    "fribidi --nobreak --nopad $f" >/dev/null
  rss=$( { /usr/bin/time -f %M "$hamish" --print --plain --format lines --width 80 "$f" >/dev/null; } 2>&1 )
  python3 - "$out/h$mb.json" "$mb" "$rss" "$bytes" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
h, f = r[0], r[1]
cpu = lambda x: x["user"] + x["system"]
rss_kb, size = int(sys.argv[3]), int(sys.argv[4])
print(f"| {sys.argv[2]} MB | {h['mean']*1000:.0f} ms | {cpu(h)*1000:.0f} ms | {f['mean']*1000:.0f} ms "
      f"| {h['mean']/f['mean']:.2f} | {cpu(h)/cpu(f):.2f} | {rss_kb/1024:.1f} MiB | {rss_kb*1024/size:.2f}x |")
PY
done
