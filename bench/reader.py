#!/usr/bin/env python3
"""Reader benchmark: hamish and less on the same file, in the same run, in a
200x60 pseudo-terminal.

Measures, for each program:
  first frame   time from start to the end of the first burst of output
  settled       time to the end of the last burst before 1.5 s of quiet
                (hamish shows the first part of a large file at once and
                swaps in the whole document when it is imported)
  per key       median time from a key press to the end of the output it
                causes, and median bytes written (what an SSH link pays),
                over N presses each of j, space and f
  peak memory   VmHWM from /proc before quitting, and its ratio to the file
Usage: [HAMISH=BINARY] bench/reader.py FILE [N]
"""
import os, pty, select, signal, statistics, struct, sys, termios, fcntl, time

ROWS, COLS = 60, 200


def spawn(argv):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["LESSHISTFILE"] = "-"
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def bursts(fd, until_quiet, limit, gap=0.03):
    """Read output; return [(end_time, bytes)] per burst, until `until_quiet`
    seconds pass with no output (or `limit` seconds in all)."""
    out, start, last, size = [], time.perf_counter(), None, 0
    while True:
        now = time.perf_counter()
        if now - start > limit or (last is not None and now - last > until_quiet):
            break
        r, _, _ = select.select([fd], [], [], 0.002)
        if r:
            try:
                data = os.read(fd, 1 << 16)
            except OSError:
                break
            now = time.perf_counter()
            if last is not None and now - last > gap and size:
                out.append((last, size))
                size = 0
            size += len(data)
            last = now
        elif last is None and now - start > until_quiet and not out:
            continue
    if size:
        out.append((last, size))
    return out


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run(argv, keys, n):
    t0 = time.perf_counter()
    pid, fd = spawn(argv)
    b = bursts(fd, until_quiet=1.5, limit=10)
    first = b[0][0] - t0 if b else float("nan")
    settled = b[-1][0] - t0 if b else float("nan")
    results = {}
    for key, seq in keys:
        times, sizes = [], []
        for _ in range(n):
            t = time.perf_counter()
            os.write(fd, seq)
            kb = bursts(fd, until_quiet=0.15, limit=2)
            if kb:
                times.append((kb[-1][0] - t) * 1000)
                sizes.append(sum(s for _, s in kb))
        results[key] = (statistics.median(times) if times else float("nan"), statistics.median(sizes) if sizes else 0)
    mem = peak_kb(pid)
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    return first, settled, results, mem


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    size = os.path.getsize(path)
    # HAMISH=PATH measures another build (an older one, in the same run).
    hamish = os.environ.get("HAMISH") or os.path.join(
        os.path.dirname(__file__), "..", "target", "release", "hamish")
    keys = [("j", b"j"), ("space", b" "), ("f", b"f")]
    print(f"file: {path} ({size / 1e6:.1f} MB), terminal {COLS}x{ROWS}, {n} presses per key")
    print("| program | first frame | settled | j: ms / bytes | space: ms / bytes | f: ms / bytes | peak RSS | RSS / file |")
    print("|---|---|---|---|---|---|---|---|")
    for name, argv in [("hamish", [hamish, path]), ("less", ["less", path])]:
        first, settled, res, mem = run(argv, keys, n)
        cells = " | ".join(f"{res[k][0]:.1f} / {res[k][1]:.0f}" for k, _ in keys)
        print(f"| {name} | {first * 1000:.0f} ms | {settled * 1000:.0f} ms | {cells} | {mem / 1024:.1f} MiB | {mem * 1024 / size:.2f}x |")
    print("(less: f is 'forward one window', like space)")


if __name__ == "__main__":
    main()
