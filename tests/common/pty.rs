//! The real binary in a pseudo-terminal: keys written to it, its output
//! read through a terminal emulator parser (vt100), its state and config
//! kept in a directory of the test's own.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtyPair, PtySize};

/// A pseudo-terminal of `rows` x `cols`.
pub fn open_pty(rows: u16, cols: u16) -> PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty")
}

/// Run `cmd` from the repository root (so `seeds/…` names work) as an
/// xterm, with state and config under `home`.
fn set_scene(cmd: &mut CommandBuilder, home: &Path) {
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
}

/// hamish with `args`, run from the repository root as an xterm, with
/// state and config under `home`.
pub fn pty_command(args: &[&str], home: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hamish"));
    cmd.args(args);
    set_scene(&mut cmd, home);
    cmd
}

/// hamish running in a pseudo-terminal, and what it has drawn so far.
pub struct Session {
    pub parser: vt100::Parser,
    /// Every byte hamish wrote, in order.
    pub raw: Vec<u8>,
    output: Receiver<Vec<u8>>,
    input: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Kept to resize the terminal.
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    /// Start with state and config in a fresh directory of its own.
    pub fn start(args: &[&str], rows: u16, cols: u16) -> Session {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let home = super::cli::fresh_dir(&format!("default-{n}"));
        Session::start_in(args, rows, cols, &home)
    }

    /// Start with state and config kept in `home` (never the real ones).
    pub fn start_in(args: &[&str], rows: u16, cols: u16, home: &Path) -> Session {
        Session::start_command(pty_command(args, home), rows, cols, home)
    }

    /// Run a shell command line in the terminal (`$HAMISH` is the binary).
    pub fn start_shell(script: &str, rows: u16, cols: u16, home: &Path) -> Session {
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", script]);
        cmd.env("HAMISH", env!("CARGO_BIN_EXE_hamish"));
        Session::start_command(cmd, rows, cols, home)
    }

    /// Run `cmd` in a fresh terminal of `rows` x `cols`, with state and
    /// config under `home`, and start reading what it writes.
    pub fn start_command(mut cmd: CommandBuilder, rows: u16, cols: u16, home: &Path) -> Session {
        let pty = open_pty(rows, cols);
        set_scene(&mut cmd, home);
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("hamish starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let input = pty.master.take_writer().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
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
            master: pty.master,
        }
    }

    /// Resize the terminal (the kernel sends SIGWINCH) and the parser.
    #[allow(dead_code)] // not every test file resizes
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .resize(portable_pty::PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser.screen_mut().set_size(rows, cols);
    }

    /// Read what hamish writes until it has been quiet for `wait`.
    pub fn pump(&mut self, wait: Duration) {
        while let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    /// Wait until the screen satisfies `ok` (or 10 s pass).
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&str) -> bool) {
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

    /// Type `bytes` (a key, or a few).
    pub fn key(&mut self, bytes: &str) {
        self.input.write_all(bytes.as_bytes()).unwrap();
        self.input.flush().unwrap();
        // Let a lone ESC be read as Esc, not the start of a sequence.
        std::thread::sleep(Duration::from_millis(150));
    }

    /// Wait (10 s at most) for hamish to exit.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

/// Send the signal named `signal` ("TERM", "TSTP", …) to hamish.
pub fn kill(s: &Session, signal: &str) {
    let pid = s.child.process_id().expect("a pid");
    std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
}
