#!/usr/bin/env python3
"""Soak test for hamish, run by hand outside CI (see FUZZING.md).

Runs the release binary in pseudo-terminals for N minutes, over the bundled
essays (the library), the seeds and the test documents, pressing random
keys, resizing the terminal and sending signals (SIGWINCH, SIGTSTP then
SIGCONT, Ctrl-Z, and now and then SIGTERM, SIGINT, SIGHUP or a hang-up of
the terminal, after which it starts hamish again), with state and config
in temporary directories.
It checks that hamish
  - never panics (nothing on stderr says "panicked"),
  - never hangs (answers a key with output within --timeout seconds, and
    exits within it when told to),
  - exits with the terminal restored (after its last entry to the alternate
    screen come leaving it and showing the cursor; the pty is out of raw
    mode again) and with the status that signal or key calls for,
  - suspends and comes back (SIGTSTP leaves the alternate screen and stops
    the process; SIGCONT enters it again and redraws),
  - keeps its state file valid JSON at every moment it is looked at.

    tools/soak.py [--minutes 5] [--seed N] [--session N] [--binary PATH]

Standard library only. Each failure is printed with the session's random
seed and its last actions; the output and stderr of a failing session are
kept under the --logs directory.
"""

import argparse
import errno
import fcntl
import json
import os
import random
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Keys a reader presses, as the bytes a terminal sends.
KEYS = [
    b"j", b"k", b" ", b"b", b"g", b"G", b"]", b"[", b"t", b"f", b"F",
    b"\r", b"\x7f", b"\x0f", b"\x1b", b"s", b"\t", b"l", b"a", b"?", b"o",
    b"n", b"N", b"\x04", b"\x15", b"\x06", b"\x02",
    b"\x1b[A", b"\x1b[B", b"\x1b[5~", b"\x1b[6~", b"\x1b[H", b"\x1b[F",
]
# Search queries, typed after "/": Latin, Arabic ("الثورة", the revolution;
# "لينين", Lenin), digits, nothing.
QUERIES = ["revolution", "\u0627\u0644\u062b\u0648\u0631\u0629",
           "\u0644\u064a\u0646\u064a\u0646", "1917", ""]

# Expected exit status for each way of ending hamish (128 + signal number
# for the signals that are not the Ctrl-C key's own).
EXIT_STATUS = {"q": 0, "ctrl-c": 0, "SIGINT": 0, "SIGTERM": 143, "SIGHUP": 129, "hang-up": 129}

ENTER_ALT, LEAVE_ALT = b"\x1b[?1049h", b"\x1b[?1049l"
HIDE_CURSOR, SHOW_CURSOR = b"\x1b[?25l", b"\x1b[?25h"


def documents():
    """What hamish is opened on: nothing (the library of bundled essays),
    the seeds, the test document and the demo."""
    docs = [None]
    for folder, suffix in (("seeds", ".txt"), ("tests/data", ".txt"), ("assets", ".md")):
        path = os.path.join(ROOT, folder)
        docs += sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(suffix))
    return docs


class Failure(Exception):
    """A check that did not hold, with what it was about."""


class Session:
    """One hamish process in a fresh pseudo-terminal."""

    def __init__(self, binary, doc, rows, cols, env, rng):
        self.rows, self.cols = rows, cols
        self.master, slave = os.openpty()
        self.set_size(rows, cols)
        self.stderr = tempfile.TemporaryFile()
        args = [binary] + ([doc] if doc else [])
        if rng.random() < 0.3:
            args[1:1] = ["--shape", "off"]
        self.proc = subprocess.Popen(
            args, stdin=slave, stdout=slave, stderr=self.stderr, env=env,
            cwd=ROOT, start_new_session=True, preexec_fn=take_controlling_tty)
        os.close(slave)
        self.output = bytearray()
        self.actions = []
        # The last q or Ctrl-C typed: hamish may take a moment to act on it.
        self.quit_key = None
        # A bracketed paste was begun and not ended.
        self.stuck_paste = False
        # The last random bytes left the key parser inside a sequence.
        self.partial_input = False

    def set_size(self, rows, cols):
        """Resize the pty; the kernel sends SIGWINCH to the foreground."""
        self.rows, self.cols = rows, cols
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def read(self, seconds):
        """Collect output for `seconds`; how many bytes came."""
        if self.master is None:  # hung up
            time.sleep(seconds)
            return 0
        deadline, got = time.monotonic() + seconds, 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return got
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return got
            try:
                chunk = os.read(self.master, 65536)
            except OSError as e:  # EIO: the slave side is closed
                if e.errno == errno.EIO:
                    time.sleep(min(left, 0.05))
                    continue
                raise
            self.output += chunk
            got += len(chunk)

    def answer(self, seconds):
        """Wait up to `seconds` for any output, then take what follows it
        at once; how many bytes came."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            got = self.read(0.05)
            if got:
                return got + self.read(0.05)
        return 0

    def send(self, data, note=None):
        self.actions.append(note or repr(data))
        try:
            os.write(self.master, data)
        except OSError:
            pass

    def signal(self, sig):
        self.actions.append(sig.name)
        try:
            os.kill(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def state(self):
        """The process state letter from /proc (R, S, T, Z …), or None."""
        try:
            with open(f"/proc/{self.proc.pid}/stat") as f:
                return f.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return None

    def threads(self):
        """Each thread of hamish: name, state, CPU ticks, and where in the
        kernel it waits (for a hang: blocked in a write, or spinning)."""
        rows = []
        task = f"/proc/{self.proc.pid}/task"
        for tid in sorted(os.listdir(task)) if os.path.isdir(task) else []:
            try:
                with open(f"{task}/{tid}/stat") as f:
                    name, rest = f.read().rsplit(")", 1)
                with open(f"{task}/{tid}/wchan") as f:
                    wchan = f.read().strip() or "-"
            except OSError:
                continue
            fields = rest.split()
            ticks = int(fields[11]) + int(fields[12])
            rows.append(f"{name.split('(', 1)[1]}:{fields[0]}:{ticks}:{wchan}")
        return " ".join(rows)

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.master is not None:
            os.close(self.master)
        self.stderr.close()


# The characters the terminal driver turns into signals or flow control
# (Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-S, Ctrl-Q): random bytes leave them out, so
# that only the steps meant to end or stop hamish do; nor q, which quits.
DRIVER_KEYS = b"\x03\x1a\x1c\x13\x11q"


def garbage(rng, most):
    """Up to `most` random bytes, none of them a driver key."""
    data = bytes(rng.randrange(256) for _ in range(rng.randint(1, most)))
    return bytes(b for b in data if b not in DRIVER_KEYS)


def partial(data):
    """Whether `data` leaves the key parser waiting for more: bytes that are
    not whole UTF-8, or an escape sequence cut after its introducer."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return re.search(rb"\x1b[\[O][0-9;<?]*$", data) is not None


def take_controlling_tty():
    """In the child, after setsid: make the pty its controlling terminal, as
    a login shell's would be (so Ctrl-Z and Ctrl-C act through the driver)."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def restored(output):
    """Whether the terminal was handed back: after the last entry to the
    alternate screen it was left, and after the cursor was last hidden it
    was shown."""
    if output.rfind(ENTER_ALT) > output.rfind(LEAVE_ALT):
        return False
    return output.rfind(HIDE_CURSOR) < output.rfind(SHOW_CURSOR) or HIDE_CURSOR not in output


def check_state_file(state_home):
    """The state file, when there is one, is valid JSON; hamish never
    backs up its own file as damaged."""
    folder = os.path.join(state_home, "hamish")
    path = os.path.join(folder, "state.json")
    if os.path.exists(path):
        with open(path, "rb") as f:
            data = f.read()
        try:
            json.loads(data)
        except ValueError as e:
            raise Failure(f"state file is not valid JSON ({e}): {data[:200]!r}")
    if os.path.isdir(folder):
        bad = [n for n in os.listdir(folder) if ".bad-" in n]
        if bad:
            raise Failure(f"hamish called its own state file damaged: {bad}")


class Soak:
    """The whole run: sessions one after another until the time is up."""

    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.home = tempfile.mkdtemp(prefix="hamish-soak-")
        self.env = dict(os.environ, TERM="xterm-256color", HOME=self.home,
                        XDG_STATE_HOME=os.path.join(self.home, "state"),
                        XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                        LANG="C.UTF-8")
        self.env.pop("NO_COLOR", None)
        self.docs = documents()
        self.counts = {}
        self.failures = []

    def count(self, what):
        self.counts[what] = self.counts.get(what, 0) + 1

    def run(self):
        deadline = time.monotonic() + self.args.minutes * 60
        while time.monotonic() < deadline:
            seed = self.rng.randrange(1 << 32)
            length = self.rng.uniform(5, 40)
            if self.args.session is not None:  # replay one session only
                seed, length, deadline = self.args.session, self.args.minutes * 60, 0
            self.session(seed, time.monotonic() + length)
        shutil.rmtree(self.home, ignore_errors=True)
        return self.report()

    def session(self, seed, until):
        rng = random.Random(seed)
        doc = rng.choice(self.docs)
        s = Session(self.args.binary, doc, rng.randint(4, 60), rng.randint(10, 200), self.env, rng)
        self.count("sessions")
        try:
            if s.answer(self.args.timeout) == 0:
                raise Failure(f"nothing drawn {self.args.timeout} s after starting")
            settle = time.monotonic() + self.args.timeout
            while s.read(0.3) and time.monotonic() < settle:
                pass  # the first frame, whole
            self.probe(s, "start")
            ended = None
            while ended is None and time.monotonic() < until:
                ended = self.step(s, rng)
            self.finish(s, ended or self.pick_ending(rng))
        except Failure as e:
            self.fail(s, seed, doc, str(e))
        finally:
            s.close()

    def step(self, s, rng):
        """One random action; how hamish was told to end, if it was."""
        roll = rng.random()
        if roll < 0.70:
            self.press(s, rng)
        elif roll < 0.85:
            self.resize(s, rng)
        elif roll < 0.89:
            s.signal(signal.SIGWINCH)
            self.count("SIGWINCH")
        elif roll < 0.94:
            self.suspend(s, rng)
        elif roll < 0.97:
            self.probe(s, "a probe")
            check_state_file(self.env["XDG_STATE_HOME"])
        elif roll < 0.99:
            return self.pick_ending(rng)
        else:
            # q or Ctrl-C typed mid-way (q only closes a popup, overlay or
            # prompt when one is open).
            key = rng.choice([b"q", b"\x03"])
            s.quit_key = "q" if key == b"q" else "ctrl-c"
            s.send(key, s.quit_key)
            self.count("keys")
        s.read(rng.choice([0.0, 0.01, 0.05, 0.2]))
        if s.proc.poll() is not None:
            return s.quit_key or "nothing that ends it"
        return None

    def press(self, s, rng):
        roll = rng.random()
        if roll < 0.75:
            s.send(rng.choice(KEYS))
            s.partial_input = False
        elif roll < 0.82:
            s.send(b"/", "/")
            s.read(0.05)
            s.send(rng.choice(QUERIES).encode() + rng.choice([b"\r", b"\x1b", b"\x05"]))
        elif roll < 0.87:
            s.send(rng.choice(b"m'") .to_bytes(1, "big") + rng.choice(b"ab'").to_bytes(1, "big"))
        elif roll < 0.93:
            x, y = rng.randint(1, s.cols), rng.randint(1, s.rows)
            button = rng.choice([0, 64, 65])  # click, wheel up, wheel down (SGR)
            s.send(f"\x1b[<{button};{x};{y}M\x1b[<{button};{x};{y}m".encode(), "mouse")
        elif roll < 0.96:
            end = b"\x1b[201~" if rng.random() < 0.8 else b""  # some never end
            data = b"\x1b[200~" + garbage(rng, 40) + end
            s.send(data, f"paste {data!r}" if end else f"unterminated paste {data!r}")
            s.stuck_paste = s.stuck_paste or not end
        else:
            data = garbage(rng, 16)
            s.send(data, f"garbage {data!r}")
            s.partial_input = partial(data)
        self.count("keys")

    def resize(self, s, rng):
        tiny = rng.random() < 0.1
        rows = rng.randint(1, 5) if tiny else rng.randint(5, 70)
        cols = rng.randint(1, 12) if tiny else rng.randint(12, 220)
        s.set_size(rows, cols)
        s.actions.append(f"resize {rows}x{cols}")
        self.count("resizes")

    def probe(self, s, when):
        """hamish answers a key: Esc (close what is open), then ? (help),
        which always draws something; Esc again to close it."""
        if s.proc.poll() is not None:
            return
        if s.stuck_paste:
            # Inside a paste every byte is pasted text until its end
            # marker: end it, as the terminal would have.
            s.send(b"\x1b[201~", "end of paste")
            s.stuck_paste = False
        s.read(0.2)
        s.send(b"\x1b", "probe Esc")
        s.read(0.2)
        s.send(b"?", "probe ?")
        if s.answer(self.args.timeout) == 0 and s.proc.poll() is None:
            s.read(0.5)
            raise Failure(f"no answer to a key within {self.args.timeout} s ({when})")
        s.send(b"\x1b", "probe Esc")
        s.partial_input = False
        self.count("probes")

    def suspend(self, s, rng):
        """SIGTSTP (or Ctrl-Z through the driver): the terminal is handed
        back and the process stops; SIGCONT: it comes back and answers."""
        before = len(s.output)
        if rng.random() < 0.3:
            s.send(b"\x1a", "ctrl-z")
        else:
            s.signal(signal.SIGTSTP)
        self.count("suspends")
        start = time.monotonic()
        while s.state() != "T":
            s.read(0.05)
            if s.proc.poll() is not None:
                return  # it was already quitting (a q or Ctrl-C before)
            if time.monotonic() - start > self.args.timeout:
                inside = " inside an unterminated paste" if s.stuck_paste else ""
                inside += " after a partial key sequence" if s.partial_input else ""
                raise Failure(f"not stopped {self.args.timeout} s after {s.actions[-1]}{inside}")
        s.read(0.1)
        if not restored(bytes(s.output[before:])) and ENTER_ALT in s.output[:before]:
            raise Failure("stopped without handing the terminal back")
        time.sleep(rng.uniform(0.05, 0.5))
        before = len(s.output)
        s.signal(signal.SIGCONT)
        s.read(0.5)
        if ENTER_ALT not in s.output[before:]:
            raise Failure("SIGCONT did not bring the alternate screen back")
        self.probe(s, "after SIGCONT")

    def pick_ending(self, rng):
        return rng.choice(["q", "ctrl-c", "SIGTERM", "SIGTERM", "SIGINT", "SIGHUP", "hang-up"])

    def finish(self, s, ending):
        """End hamish the chosen way and check how it left."""
        if s.proc.poll() is None:
            if ending == "q" and s.stuck_paste:
                s.send(b"\x1b[201~", "end of paste")  # or q is pasted text
            if ending in ("q", "ctrl-c"):
                # Esc first: q closes a popup, overlay or prompt before quitting.
                for _ in range(4):
                    s.send(b"\x1b", "Esc")
                    s.read(0.15)
                for _ in range(4):
                    if s.proc.poll() is not None:
                        break
                    s.send(b"q" if ending == "q" else b"\x03", ending)
                    s.read(0.3)
            elif ending == "hang-up":
                # The link drops: the terminal side goes away (the kernel
                # sends SIGHUP); nothing can be read or restored after.
                s.actions.append(ending)
                os.close(s.master)
                s.master = None
            else:
                s.signal(getattr(signal, ending))
        # Keep reading meanwhile: a terminal that stops reading blocks
        # hamish's writes, and then only its watchdog can end it.
        start = time.monotonic()
        while s.proc.poll() is None:
            s.read(0.05)
            if time.monotonic() - start > self.args.timeout:
                raise Failure(f"did not exit within {self.args.timeout} s of {ending}")
        status = s.proc.returncode
        s.read(0.2)
        self.count(f"ended by {ending}")
        self.check_exit(s, ending, status)

    def check_exit(self, s, ending, status):
        s.stderr.seek(0)
        err = s.stderr.read().decode("utf-8", "replace")
        if "panicked" in err:
            raise Failure(f"panicked: {err.strip()[:2000]}")
        expected = EXIT_STATUS.get(ending)
        if status != expected and not (ending == "q" and status == 0):
            raise Failure(f"exit status {status} after {ending}, expected {expected}; stderr: {err.strip()[:500]}")
        check_state_file(self.env["XDG_STATE_HOME"])
        if s.master is None:
            return  # no terminal left to restore
        if not restored(bytes(s.output)):
            state = " inside an unterminated paste" if s.stuck_paste else ""
            state += " after a partial key sequence" if s.partial_input else ""
            raise Failure(f"terminal not restored after {ending}{state}: last bytes {bytes(s.output[-120:])!r}")
        attrs = termios.tcgetattr(s.master)
        if not attrs[3] & termios.ICANON or not attrs[3] & termios.ECHO:
            raise Failure(f"pty left in raw mode after {ending}")

    def fail(self, s, seed, doc, what):
        self.count("failures")
        if s.proc.poll() is None:
            before = s.threads()
            time.sleep(1)
            what += f" [threads name:state:cpu ticks:wait, 1 s apart: {before} | {s.threads()}]"
        logs = self.args.logs
        os.makedirs(logs, exist_ok=True)
        name = os.path.join(logs, f"session-{seed}")
        with open(name + ".out", "wb") as f:
            f.write(s.output)
        s.stderr.seek(0)
        with open(name + ".err", "wb") as f:
            f.write(s.stderr.read())
        with open(name + ".actions", "w") as f:
            f.write("\n".join(s.actions) + "\n")
        self.failures.append((seed, doc, what, s.actions[-12:], name))
        print(f"FAIL (session seed {seed}, {doc or 'library'}): {what}", file=sys.stderr, flush=True)

    def report(self):
        print(f"soak: {self.args.minutes} min, seed {self.args.seed}")
        for what in sorted(self.counts):
            print(f"  {what}: {self.counts[what]}")
        kinds = {}
        for seed, doc, what, last, logs in self.failures:
            kind = what.split(" [")[0].split(": ")[0].split(" (")[0]
            kinds.setdefault(kind, []).append((seed, doc, what, last, logs))
        for kind, cases in sorted(kinds.items()):
            seed, doc, what, last, logs = cases[0]
            print(f"\n{len(cases)} x {kind}\n  first: session seed {seed}, {doc or 'library'}\n"
                  f"  {what}\n  last actions: {' '.join(last)}\n  output and stderr: {logs}.*")
        return 1 if self.failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 32))
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/hamish"))
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds before calling a hang")
    parser.add_argument("--session", type=int, help="replay the session of this seed alone, for --minutes")
    parser.add_argument("--logs", default=os.path.join(tempfile.gettempdir(), "hamish-soak-logs"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary}: not built (cargo build --release)")
    sys.exit(Soak(args).run())


if __name__ == "__main__":
    main()
