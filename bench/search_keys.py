#!/usr/bin/env python3
"""Search-as-you-type benchmark: how soon hamish answers each key typed at
the search prompt on a big document, and how soon the search is over.

For each binary given (e.g. the previous build and this one, in the same
run), in a 200x60 pseudo-terminal: open FILE, wait until the whole is
imported, press "/", then
  one by one  type the query a letter at a time, waiting for quiet after
              each: per letter, the time to the first output (the prompt
              answering) and to the last (the search over)
  typed fast  Esc, "/" again, and the whole query at 60 ms a letter: the
              time from the last letter to the end of the output
Peak RSS is read from /proc at the end.
Usage: bench/search_keys.py FILE QUERY BINARY [BINARY...]
"""
import os, select, signal, sys, time

sys.path.insert(0, os.path.dirname(__file__))
from reader import bursts, peak_kb, spawn  # noqa: E402


def first_byte(fd, limit=30):
    """Wait for output; return when it began, and what came."""
    r, _, _ = select.select([fd], [], [], limit)
    return time.perf_counter(), (os.read(fd, 1 << 16) if r else b"")


def one_by_one(fd, query):
    rows = []
    for ch in query:
        t = time.perf_counter()
        os.write(fd, ch.encode())
        began, _ = first_byte(fd)
        b = bursts(fd, until_quiet=0.5, limit=30)
        over = b[-1][0] if b else began
        rows.append((ch, (began - t) * 1000, (over - t) * 1000))
    return rows


def typed_fast(fd, query):
    os.write(fd, b"\x1b")
    bursts(fd, until_quiet=0.5, limit=30)
    os.write(fd, b"/")
    bursts(fd, until_quiet=0.3, limit=30)
    for ch in query:
        os.write(fd, ch.encode())
        time.sleep(0.06)
    t = time.perf_counter()
    b = bursts(fd, until_quiet=2.0, limit=60)
    return (b[-1][0] - t) * 1000 if b else 0.0


def main():
    path, query, binaries = sys.argv[1], sys.argv[2], sys.argv[3:]
    size = os.path.getsize(path)
    print(f"file: {path} ({size / 1e6:.1f} MB), query {query!r}")
    for binary in binaries:
        pid, fd = spawn([binary, path])
        bursts(fd, until_quiet=3.0, limit=120)
        os.write(fd, b"/")
        bursts(fd, until_quiet=0.3, limit=10)
        rows = one_by_one(fd, query)
        fast = typed_fast(fd, query)
        mem = peak_kb(pid)
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
        print(f"\n{binary}")
        print("| letter | first answer | search over |")
        print("|---|---|---|")
        for i, (_, first, over) in enumerate(rows, 1):
            print(f"| {i} | {first:.0f} ms | {over:.0f} ms |")
        print(f"typed at 60 ms a letter: over {fast:.0f} ms after the last; peak RSS {mem / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
