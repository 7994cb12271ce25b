#!/usr/bin/env python3
"""Reader memory benchmark: the peak resident memory of the reader (not
--print) on each kind of input, against the input's size, for one or more
builds in the same run.

For each input and binary: start the reader in a 200x60 pseudo-terminal
(bench/reader.py's helpers), wait for the first frame and then until the
whole document is in (2 s without output), press Space 20 times, and read
VmHWM from /proc. Prints a Markdown table.
Inputs (made by `bench/make_corpus.py bench/out 100 60 10`, then
`hamish convert bench/out/text10mb-pdf.txt --to json -o bench/out/text10mb-pdf.json`
and, for the PDF, `qpdf --empty --pages tests/pdf/essay.pdf ×400 -- bench/out/big2800.pdf`);
a missing one is skipped.
Usage: bench/memory.py BINARY [BINARY...]
"""
import os, signal, sys, time

sys.path.insert(0, os.path.dirname(__file__))
from reader import bursts, peak_kb, spawn  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "out")
CASES = [
    ("plain text", "text100mb.txt", []),
    ("plain text, --format lines", "text100mb.txt", ["--format", "lines"]),
    ("pdftext extraction", "text100mb-pdf.txt", []),
    ("pdftext extraction", "text10mb-pdf.txt", []),
    ("Markdown (demo repeated)", "demo60mb.md", []),
    ("JSON (convert of the 10 MB extraction)", "text10mb-pdf.json", []),
    ("PDF (essay.pdf, 2,800 pages)", "big2800.pdf", []),
]


def measure(binary, path, flags):
    t0 = time.perf_counter()
    pid, fd = spawn([binary, *flags, path])
    out = bursts(fd, until_quiet=2.0, limit=120)
    first = out[0][0] - t0 if out else float("nan")
    for _ in range(20):
        os.write(fd, b" ")
        bursts(fd, until_quiet=0.1, limit=2)
    kb = peak_kb(pid)
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    os.close(fd)
    return first, kb


def main():
    binaries = sys.argv[1:]
    print("| input | size | " + " | ".join(f"{os.path.basename(b)}: first frame / peak RSS / x file" for b in binaries) + " |")
    print("|---|---|" + "---|" * len(binaries))
    for name, file, flags in CASES:
        path = os.path.join(OUT, file)
        if not os.path.exists(path):
            continue
        size = os.path.getsize(path)
        cells = []
        for b in binaries:
            first, kb = measure(b, path, flags)
            cells.append(f"{first * 1000:.0f} ms / {kb / 1024:.0f} MiB / {kb * 1024 / size:.2f}x")
        print(f"| {name} | {size / 1e6:.1f} MB | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
