//! End-to-end: the real binary in a pseudo-terminal, keys pressed, the
//! screen read through a terminal emulator parser (vt100). Arabic is read
//! in visual order with shaping off.

use std::io::{Read, Write};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

struct Session {
    parser: vt100::Parser,
    raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    input: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], rows: u16, cols: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hamish"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("hamish starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let input = pty.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _keep = pty.master;
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            output: rx,
            input,
            child,
        }
    }

    fn pump(&mut self, wait: Duration) {
        while let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    /// Wait until the screen satisfies `ok` (or 10 s pass).
    fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(50));
            let contents = self.parser.screen().contents();
            if ok(&contents) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what}; screen:\n{contents}"
            );
        }
    }

    fn key(&mut self, bytes: &str) {
        self.input.write_all(bytes.as_bytes()).unwrap();
        self.input.flush().unwrap();
        // Let a lone ESC be read as Esc, not the start of a sequence.
        std::thread::sleep(Duration::from_millis(150));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            self.pump(Duration::from_millis(50));
            if let Some(status) = self.child.try_wait().unwrap() {
                self.pump(Duration::from_millis(100));
                return status;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "hamish did not exit"
            );
        }
    }
}

impl Drop for Session {
    /// A failed test must not leave hamish running.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn visual(logical: &str) -> String {
    logical.chars().rev().collect()
}

#[test]
fn read_seed_000_with_the_keyboard() {
    let mut s = Session::start(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        30,
        100,
    );
    s.wait_for("the abstract", |c| c.contains("The Russian revolution"));
    assert!(
        s.parser.screen().alternate_screen(),
        "full screen on the alternate screen"
    );

    // j and k scroll with the terminal's own scrolling (a scroll region);
    // three down and three up must give back exactly the first screen.
    let first_screen = s.parser.screen().contents();
    for key in ["j", "j", "j", "k", "k", "k"] {
        s.key(key);
    }
    s.pump(Duration::from_millis(200));
    assert_eq!(s.parser.screen().contents(), first_screen);
    // One line down: every text row moves up by one (the status line,
    // the last row, stays).
    let before: Vec<String> = s.parser.screen().rows(0, 100).collect();
    s.key("j");
    s.pump(Duration::from_millis(200));
    let after: Vec<String> = s.parser.screen().rows(0, 100).collect();
    assert_eq!(after[..28], before[1..29]);

    // t: the table of contents lists المقدمة (introduction) and الخاتمة (conclusion).
    s.key("t");
    s.wait_for("the contents", |c| {
        c.contains("contents") && c.contains(&visual("المقدمة")) && c.contains(&visual("الخاتمة"))
    });
    s.key("\x1b");
    s.wait_for("the contents to close", |c| !c.contains("contents"));

    // f: the first note, on Lenin (لينين), in a popup "1 of 7".
    s.key("f");
    s.wait_for("the Lenin note", |c| {
        c.contains("1 of 7") && c.contains(&visual("لينين")) && c.contains("1924")
    });
    s.key("q");
    s.wait_for("the popup to close", |c| !c.contains("\u{2014} 1 of 7"));

    // s: the English abstract beside Arabic text.
    s.key("s");
    s.wait_for("side by side", |c| {
        c.lines()
            .any(|l| l.contains("The Russian revolution") && l.contains(&visual("الثورة")))
    });
    s.key("q");
    s.wait_for("the reader again", |c| !c.contains("side by side"));

    // q: quit, and the terminal is as it was.
    s.key("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        raw.contains("\x1b[8l") && raw.contains("\x1b[1 k"),
        "asked the terminal not to reorder"
    );
    let tail = &raw[raw.rfind("\x1b[8h").expect("BiDi mode given back")..];
    assert!(tail.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(tail.contains("\x1b[?25h"), "cursor shown again");
    assert!(!s.parser.screen().alternate_screen());
    assert!(!s.parser.screen().hide_cursor());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(
        &["--shape", "off", "seeds/003_5eac0dfd78b8d8c0.txt"],
        24,
        80,
    );
    s.wait_for("the text", |c| c.contains(&visual("تروتسكي")));
    let pid = s.child.process_id().expect("a pid");
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    s.wait_exit();
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        raw.contains("\x1b[8h") && raw.contains("\x1b[?1049l"),
        "restored on SIGTERM"
    );
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn no_file_opens_the_library() {
    let mut s = Session::start(&["--shape", "off"], 24, 90);
    // The library lists the bundled essays, the demo ("هامش: …") among them.
    s.wait_for("the library", |c| {
        c.contains("library") && c.contains(&visual("هامش"))
    });
    s.key("\x03"); // Ctrl-c
    assert!(s.wait_exit().success());
}
