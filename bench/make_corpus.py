#!/usr/bin/env python3
"""Write NAME.txt files of about N MB by repeating the bundled seed essays
(Arabic and English mixed, one paragraph per line), cut at a line end."""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
unit = b"".join(p.read_bytes() for p in sorted((root / "seeds").glob("*.txt")))
for mb in (int(x) for x in sys.argv[2:]):
    n = mb * 1_000_000
    data = (unit * (n // len(unit) + 1))[:n]
    data = data[: data.rfind(b"\n") + 1]
    (out / f"text{mb}mb.txt").write_bytes(data)
