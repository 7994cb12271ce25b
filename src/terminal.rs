//! Taking the terminal over and giving it back exactly as it was, on every
//! way out: normal exit, error, panic, any catchable signal, a suspend
//! (Ctrl-Z) and a dropped link.
//!
//! Raw mode keeps the terminal's signal keys (ISIG), as less does: Ctrl-C,
//! Ctrl-\ and Ctrl-Z reach hamish as SIGINT, SIGQUIT and SIGTSTP whatever
//! state the key parser is in (an unterminated bracketed paste swallows
//! every key that comes after it, but not a signal). Signals set flags
//! that the event loop checks at least five times a second:
//! - SIGINT (the Ctrl-C key) quits as `Ctrl-c` always did, exit status 0;
//!   SIGTERM, SIGQUIT and SIGHUP quit with status 128 + the signal. Each
//!   leaves through the normal path, which saves the position.
//! - SIGTSTP restores the terminal and stops; SIGCONT takes it over again
//!   and the next frame is drawn whole.
//! - When the terminal hangs up, crossterm's poll can spin without
//!   returning, so a watchdog saves the position (from the last snapshot
//!   the loop handed it) and exits if the loop has not done so half a
//!   second after the signal, without writing to the dead terminal.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

/// terminal-wg BiDi: explicit mode (the terminal does not reorder) and
/// left-to-right paragraphs; and back to implicit mode on exit.
pub const BIDI_TAKE_OVER: &str = "\x1b[8l\x1b[1 k";
pub const BIDI_GIVE_BACK: &str = "\x1b[8h";

/// What was changed, so restoring undoes just that.
#[derive(Clone, Copy, Debug)]
struct Changes {
    mouse: bool,
    bidi: bool,
}

fn restore(changes: Changes) {
    let mut out = io::stdout();
    if changes.mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    if changes.bidi {
        let _ = out.write_all(BIDI_GIVE_BACK.as_bytes());
    }
    let _ = execute!(out, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn take_over(changes: Changes) -> io::Result<()> {
    enable_raw_mode()?;
    keep_signal_keys();
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, Hide)?;
    if changes.mouse {
        execute!(out, EnableMouseCapture)?;
    }
    if changes.bidi {
        out.write_all(BIDI_TAKE_OVER.as_bytes())?;
    }
    out.flush()
}

/// Turn ISIG back on after crossterm's raw mode (see the module comment),
/// on the terminal crossterm put in raw mode: stdin, or /dev/tty when
/// stdin is not one. Failing leaves plain raw mode, which still works.
fn keep_signal_keys() {
    use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions};
    let set = |fd: rustix::fd::BorrowedFd<'_>| {
        if let Ok(mut modes) = tcgetattr(fd) {
            modes.local_modes |= LocalModes::ISIG;
            let _ = tcsetattr(fd, OptionalActions::Now, &modes);
        }
    };
    let stdin = rustix::stdio::stdin();
    if rustix::termios::isatty(stdin) {
        set(stdin);
    } else if let Ok(tty) = std::fs::File::open("/dev/tty") {
        use rustix::fd::AsFd;
        set(tty.as_fd());
    }
}

/// Work the watchdog does if the loop cannot: save the position.
pub type Rescue = Box<dyn FnOnce() + Send>;

/// What a signal asked of the event loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request {
    /// Leave, with this exit status.
    Quit(u8),
    /// Stop until continued (SIGTSTP).
    Suspend,
    /// The process was continued after a stop it did not make itself
    /// (SIGSTOP from outside): draw everything again.
    Redraw,
}

/// Holds the terminal in raw mode on the alternate screen.
pub struct TerminalGuard {
    changes: Changes,
    /// The last quitting signal (0: none).
    quit_signal: Arc<AtomicI32>,
    suspend: Arc<AtomicBool>,
    continued: Arc<AtomicBool>,
    rescue: Arc<Mutex<Option<Rescue>>>,
}

impl TerminalGuard {
    /// Raw mode, alternate screen, hidden cursor; mouse capture and the
    /// BiDi modes when asked.
    pub fn enter(mouse: bool, bidi: bool) -> io::Result<TerminalGuard> {
        let changes = Changes { mouse, bidi };
        let guard = TerminalGuard {
            changes,
            quit_signal: Arc::new(AtomicI32::new(0)),
            suspend: Arc::new(AtomicBool::new(false)),
            continued: Arc::new(AtomicBool::new(false)),
            rescue: Arc::new(Mutex::new(None)),
        };
        guard.listen()?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(changes);
            previous(info);
        }));
        take_over(changes)?;
        Ok(guard)
    }

    fn listen(&self) -> io::Result<()> {
        let mut signals = signal_hook::iterator::Signals::new([
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT,
        ])?;
        let quit = Arc::clone(&self.quit_signal);
        let suspend = Arc::clone(&self.suspend);
        let continued = Arc::clone(&self.continued);
        let rescue = Arc::clone(&self.rescue);
        let changes = self.changes;
        std::thread::spawn(move || {
            for signal in signals.forever() {
                match signal {
                    SIGTSTP => suspend.store(true, Ordering::Relaxed),
                    SIGCONT => continued.store(true, Ordering::Relaxed),
                    _ => {
                        quit.store(signal, Ordering::Relaxed);
                        std::thread::spawn({
                            let rescue = Arc::clone(&rescue);
                            move || watchdog(signal, changes, &rescue)
                        });
                    }
                }
            }
        });
        Ok(())
    }

    /// What a signal asks of the loop, if anything (each asked once).
    pub fn request(&self) -> Option<Request> {
        match self.quit_signal.load(Ordering::Relaxed) {
            0 => {}
            signal => return Some(Request::Quit(exit_status(signal))),
        }
        if self.suspend.swap(false, Ordering::Relaxed) {
            return Some(Request::Suspend);
        }
        if self.continued.swap(false, Ordering::Relaxed) {
            return Some(Request::Redraw);
        }
        None
    }

    /// Hand the watchdog what it should do if the loop cannot leave by
    /// itself (save the position): replaced at every call.
    pub fn set_rescue(&self, rescue: Rescue) {
        *self.rescue.lock().unwrap_or_else(|p| p.into_inner()) = Some(rescue);
    }

    /// Give the terminal back, stop this process as the shell asked, and
    /// take the terminal over again once continued. The caller redraws
    /// the whole screen afterwards.
    pub fn suspend(&self) -> io::Result<()> {
        restore(self.changes);
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        // Here again after SIGCONT.
        self.continued.store(false, Ordering::Relaxed);
        take_over(self.changes)
    }
}

/// Half a second after a quitting signal the loop should be gone; if it is
/// not (a hung-up terminal can make crossterm spin, and an unterminated
/// bracketed paste leaves it blocked reading the rest), save and leave.
fn watchdog(signal: i32, changes: Changes, rescue: &Mutex<Option<Rescue>>) {
    std::thread::sleep(std::time::Duration::from_millis(500));
    if let Some(save) = rescue.lock().unwrap_or_else(|p| p.into_inner()).take() {
        save();
    }
    // A terminal that hung up is gone: nothing to restore on it.
    if signal != SIGHUP {
        restore(changes);
    }
    std::process::exit(i32::from(exit_status(signal)));
}

/// The exit status after a quitting signal: SIGINT is the Ctrl-C key,
/// hamish's ordinary way out (0); the others, 128 + the signal's number.
fn exit_status(signal: i32) -> u8 {
    if signal == SIGINT {
        0
    } else {
        u8::try_from(128 + signal).unwrap_or(1)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.changes);
    }
}
