#!/usr/bin/env python3
"""Soak test: hamish in a pseudo-terminal for minutes under random keys,
resizes and signals. Not part of `cargo test` (it runs for minutes); see
FUZZING.md.

    python3 tools/soak.py --minutes 5 [--binary target/release/hamish] [--seed N]

Each round starts hamish on one of the bundled essays, the seeds or the
demo (or the library), with its own state and config directories, and then,
at random: presses keys from the reader's table and the search prompt
(Arabic and Latin letters too), resizes the terminal (TIOCSWINSZ, which
sends SIGWINCH), suspends and continues it (SIGTSTP/SIGCONT), and ends it
by `q`, Ctrl-C, SIGTERM, SIGHUP or by closing the terminal. After each
round it checks:
  - hamish answered: after a key it writes something within 5 s (no hang),
    and it exits within 5 s of being told to;
  - it did not panic (nothing on stderr says "panicked");
  - it left the terminal restored (unless the terminal was closed): its
    last output leaves the alternate screen and shows the cursor;
  - the state file is valid JSON.
Failures are printed with the round's seed and key log, and counted; the
exit status is the number of failed rounds (0: all good).
"""

import argparse
import fcntl
import json
import os
import pty
import random
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = [
    None,  # the library
    "seeds/000_888738dd473cd04e.txt",
    "seeds/003_5eac0dfd78b8d8c0.txt",
    "assets/demo.md",
]
KEYS = (
    ["j", "k", " ", "b", "g", "G", "]", "[", "t", "f", "F", "s", "\t", "l", "a", "?",
     "o", "n", "N", "\r", "\x7f", "\x1b", "\x04", "\x15", "\x06", "\x02", "\x0f",
     "\x1b[A", "\x1b[B", "\x1b[5~", "\x1b[6~", "\x1b[H", "\x1b[F", "m", "'", "5", "%"]
    + ["ma", "'a", "''", "/\u0627\u0643\u062a\u0648\u0628\u0631\r", "/the\r", "/x\x1b", "/\u0644\x05\x7f\r"]
)
ENDINGS = ["q", "ctrl-c", "TERM", "HUP", "close"]


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def drain(fd, seconds, out):
    """Read what hamish writes for `seconds`; True if anything came."""
    got = False
    end = time.time() + seconds
    while True:
        left = end - time.time()
        if left <= 0:
            return got
        ready, _, _ = select.select([fd], [], [], min(left, 0.05))
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return got
            if not data:
                return got
            out.extend(data)
            got = True


def wait_exit(pid, fd, out, seconds=5.0):
    end = time.time() + seconds
    while time.time() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        drain(fd, 0.05, out)
    return None


def one_round(binary, rng, steps, log):
    home = tempfile.mkdtemp(prefix="hamish-soak-")
    file = rng.choice(FILES)
    rows, cols = rng.randint(3, 60), rng.randint(10, 200)
    errfd, errpath = tempfile.mkstemp(prefix="hamish-soak-err-")
    pid, fd = pty.fork()
    if pid == 0:
        os.dup2(errfd, 2)
        os.chdir(ROOT)
        env = dict(os.environ, TERM="xterm-256color", XDG_STATE_HOME=home + "/state",
                   XDG_CONFIG_HOME=home + "/config")
        env.pop("NO_COLOR", None)
        args = [binary] + ([file] if file else [])
        os.execve(binary, args, env)
    os.close(errfd)
    set_size(fd, rows, cols)
    os.kill(pid, signal.SIGWINCH)
    out = bytearray()
    problems = []
    log.append(f"start {file} {rows}x{cols}")
    drain(fd, 1.0, out)
    for _ in range(steps):
        roll = rng.random()
        if roll < 0.08:
            rows, cols = rng.randint(1, 60), rng.randint(1, 200)
            log.append(f"resize {rows}x{cols}")
            set_size(fd, rows, cols)
            drain(fd, 0.1, out)
        elif roll < 0.10:
            log.append("suspend")
            os.kill(pid, signal.SIGTSTP)
            drain(fd, 0.3, out)
            os.kill(pid, signal.SIGCONT)
            if not drain(fd, 5.0, out):
                problems.append("no redraw after SIGCONT")
        else:
            key = rng.choice(KEYS)
            log.append(f"key {key!r}")
            os.write(fd, key.encode())
            drain(fd, 0.03, out)
    ending = rng.choice(ENDINGS)
    log.append(f"end {ending}")
    before = len(out)
    if ending == "q":
        for _ in range(6):  # close overlays, popups, the prompt first
            if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT):
                break
            try:
                os.write(fd, b"\x1b")  # alone: ESC then q at once reads as Alt-q
                drain(fd, 0.15, out)
                os.write(fd, b"q")
                drain(fd, 0.1, out)
            except OSError:
                break
    elif ending == "ctrl-c":
        os.write(fd, b"\x03")
    elif ending in ("TERM", "HUP"):
        os.kill(pid, getattr(signal, "SIG" + ending))
    if ending == "close":
        os.close(fd)
        status = None
        end = time.time() + 5
        while time.time() < end:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.05)
        else:
            problems.append("still running 5 s after its terminal closed")
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    else:
        status = wait_exit(pid, fd, out)
        if status is None:
            problems.append(f"still running 5 s after {ending}")
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        else:
            tail = bytes(out[before:])
            if b"\x1b[?1049l" not in tail or b"\x1b[?25h" not in tail:
                problems.append("terminal not restored at exit")
        os.close(fd)
    with open(errpath, "rb") as f:
        err = f.read().decode("utf-8", "replace")
    os.unlink(errpath)
    if "panicked" in err:
        problems.append("panic: " + err[-2000:])
    state = os.path.join(home, "state", "hamish", "state.json")
    if os.path.exists(state):
        try:
            with open(state, encoding="utf-8") as f:
                json.load(f)
        except ValueError as e:
            problems.append(f"state file not valid JSON: {e}")
    shutil.rmtree(home, ignore_errors=True)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/hamish"))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--steps", type=int, default=120, help="events per round")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    end = time.time() + args.minutes * 60
    rounds = failed = 0
    while time.time() < end:
        round_seed = rng.randrange(1 << 30)
        log = []
        problems = one_round(args.binary, random.Random(round_seed), args.steps, log)
        rounds += 1
        if problems:
            failed += 1
            print(f"round {rounds} (seed {round_seed}) FAILED: {problems}")
            print("  events: " + "; ".join(log[-40:]))
    print(f"soak: seed {seed}, {rounds} rounds, {failed} failed, {args.minutes} min")
    sys.exit(min(failed, 100))


if __name__ == "__main__":
    main()
