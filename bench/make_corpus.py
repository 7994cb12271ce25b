#!/usr/bin/env python3
"""Write benchmark inputs of about N MB from the bundled seed essays.

textNmb.txt     the seeds repeated (one paragraph per line: for `--format lines`)
textNmb-pdf.txt seed 000 (PDF-extracted text) repeated, each copy's long
                lines ending in the copy number, so no body line recurs across
                copies (a line recurring on many pages is what a running
                header looks like, and the importer would drop it)
Usage: make_corpus.py OUTDIR SIZE_MB...
"""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
seeds = sorted((root / "seeds").glob("*.txt"))
unit = b"".join(p.read_bytes() for p in seeds)
pdf = (root / "seeds" / "000_888738dd473cd04e.txt").read_text(encoding="utf-8").split("\n")
for mb in (int(x) for x in sys.argv[2:]):
    n = mb * 1_000_000
    data = (unit * (n // len(unit) + 1))[:n]
    data = data[: data.rfind(b"\n") + 1]
    (out / f"text{mb}mb.txt").write_bytes(data)
    lines, size, copy = [], 0, 0
    while size < n:
        copy += 1
        for line in pdf:
            # Short lines (headings, page numbers) stay as they are, so the
            # importer still recognises them.
            line = f"{line} {copy}" if len(line.strip()) >= 25 else line
            lines.append(line)
            size += len(line.encode()) + 1
    (out / f"text{mb}mb-pdf.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

# demoNmb.md: the bundled demo essay repeated, each copy's note labels made
# its own ([^1] → [^c7n1]), so every marker keeps its note.
demo = (root / "assets" / "demo.md").read_text(encoding="utf-8")
body = demo.split("\n---\n", 1)[1] if demo.startswith("---\n") else demo
for mb in (int(x) for x in sys.argv[2:]):
    n, parts, size, copy = mb * 1_000_000, [], 0, 0
    while size < n:
        copy += 1
        part = body.replace("[^", f"[^c{copy}n")
        parts.append(part)
        size += len(part.encode())
    (out / f"demo{mb}mb.md").write_text("\n".join(parts), encoding="utf-8")
