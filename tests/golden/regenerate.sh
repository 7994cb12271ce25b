#!/bin/sh
# Regenerate the golden layouts from the reference oracle (see README.md).
set -eu
oracle=${1:?usage: regenerate.sh PATH/TO/bidi_oracle.py}
cd "$(dirname "$0")/../.."
for seed in seeds/*.txt; do
  name=$(basename "$seed" .txt)
  for w in 20 40 60 80 120; do
    /usr/bin/python3 "$oracle" --width "$w" --align "$seed" > "tests/golden/$name.w$w.txt"
  done
done
for w in 10 20 33 50; do
  /usr/bin/python3 "$oracle" --width "$w" --align tests/data/mixed.txt > "tests/golden/mixed.w$w.txt"
done
