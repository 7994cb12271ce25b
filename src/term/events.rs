//! Everything that can happen to the reader from outside, in one queue:
//! keys and mouse reports read from the terminal (by a thread, so a dead
//! terminal cannot hold the reader up), resizes, and signals. The reader
//! loop takes one at a time and leaves through its normal quit path (which
//! saves the position) on a signal that ends it or on a hang-up.

use std::io::{IsTerminal, Read};
use std::os::fd::AsFd;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};

use super::keys::Decoder;
use super::out;

/// How long input must pause before an unfinished sequence (a lone ESC) is
/// taken as typed. Terminals send a sequence in one write; 25 ms is far
/// longer than the gap inside one, even over SSH, and too short to notice.
const PAUSE: Duration = Duration::from_millis(25);

/// After a signal that ends hamish, how long the reader loop has to save
/// and leave before the watchdog saves from the last snapshot and ends the
/// process itself (a loop stuck in a long computation, or writing to a
/// terminal that no longer reads).
const GRACE: Duration = Duration::from_millis(500);

/// What the reader loop must react to.
#[derive(Clone, Debug, PartialEq)]
pub enum TermEvent {
    /// A key, a mouse report or a resize.
    Input(Event),
    /// SIGTSTP (the shell's Ctrl-Z): suspend (`TerminalGuard::suspend`).
    Suspend,
    /// SIGCONT: the process was stopped and runs again: take the terminal
    /// over again and redraw everything.
    Continued,
    /// Leave through the normal quit path (which saves) with this exit
    /// status: SIGINT (the Ctrl-C key) 0, as `Ctrl-c` always did; SIGQUIT,
    /// SIGTERM and SIGHUP 128 + their number; the terminal's input ending
    /// (a dropped link) 129, as for SIGHUP.
    Quit(u8),
}

/// Work the watchdog does if the loop cannot: save the position.
pub type Rescue = Box<dyn FnOnce() + Send>;

/// What the reader and signal threads send.
enum Message {
    Bytes(Vec<u8>),
    InputClosed,
    Signal(i32),
}

/// The queue of terminal events.
pub struct Events {
    rx: Receiver<Message>,
    decoder: Decoder,
    rescue: Arc<Mutex<Option<Rescue>>>,
}

impl Events {
    /// Start reading the terminal (standard input, or `/dev/tty` when a
    /// document comes down a pipe) and listening for signals. From here on SIGINT, SIGQUIT, SIGTERM, SIGHUP and SIGTSTP
    /// no longer end or stop the process by themselves: the reader loop
    /// must take these events.
    pub fn start() -> std::io::Result<Events> {
        let (tx, rx) = channel();
        let mut signals = signal_hook::iterator::Signals::new([
            SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH,
        ])?;
        let input = keyboard()?;
        let probe = input.try_clone()?;
        let signal_tx = tx.clone();
        let rescue: Arc<Mutex<Option<Rescue>>> = Arc::default();
        let watchdog_rescue = Arc::clone(&rescue);
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if ends_hamish(signal) {
                    watchdog(signal, &watchdog_rescue, &probe);
                }
                if signal_tx.send(Message::Signal(signal)).is_err() {
                    break;
                }
            }
        });
        std::thread::spawn(move || read_input(input, &tx));
        Ok(Events {
            rx,
            decoder: Decoder::default(),
            rescue,
        })
    }

    /// Hand the watchdog what it should do if the loop cannot leave by
    /// itself after a signal (save the position): replaced at every call.
    pub fn set_rescue(&self, rescue: Rescue) {
        *self.rescue.lock().unwrap_or_else(|p| p.into_inner()) = Some(rescue);
    }

    /// The next event, waiting at most `timeout` for one.
    pub fn next(&mut self, timeout: Duration) -> Option<TermEvent> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(event) = self.decoder.next(false) {
                return Some(TermEvent::Input(event));
            }
            // Half a sequence waits for its end only as long as a pause.
            let wait = if self.decoder.has_partial() {
                PAUSE
            } else {
                deadline.saturating_duration_since(Instant::now())
            };
            match self.rx.recv_timeout(wait) {
                Ok(Message::Bytes(bytes)) => self.decoder.feed(&bytes),
                Ok(Message::InputClosed) | Err(RecvTimeoutError::Disconnected) => {
                    return Some(TermEvent::Quit(exit_status(SIGHUP)))
                }
                Ok(Message::Signal(signal)) => return Some(signal_event(signal)),
                Err(RecvTimeoutError::Timeout) if self.decoder.has_partial() => {
                    if let Some(event) = self.decoder.next(true) {
                        return Some(TermEvent::Input(event));
                    }
                }
                Err(RecvTimeoutError::Timeout) => return None,
            }
            if Instant::now() >= deadline && !self.decoder.has_partial() {
                return self.decoder.next(false).map(TermEvent::Input);
            }
        }
    }
}

/// The terminal the keys come from: standard input when it is one (a
/// duplicate of its descriptor, read without std's buffer, so each read
/// returns what the terminal has sent so far), else `/dev/tty`.
fn keyboard() -> std::io::Result<std::fs::File> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Ok(std::fs::File::from(stdin.as_fd().try_clone_to_owned()?));
    }
    std::fs::File::open("/dev/tty")
}

/// Read the terminal until it ends. A read of nothing or an error other
/// than an interruption is a hang-up (an SSH link that dropped).
fn read_input(mut input: std::fs::File, tx: &Sender<Message>) {
    let mut buf = [0u8; 4096];
    loop {
        match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                if tx.send(Message::Bytes(buf[..n].to_vec())).is_err() {
                    return;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    out::hang_up();
    let _ = tx.send(Message::InputClosed);
}

fn ends_hamish(signal: i32) -> bool {
    matches!(signal, SIGINT | SIGQUIT | SIGTERM | SIGHUP)
}

/// Make sure the process ends soon after a signal that ends it, even if
/// the reader loop cannot get there: after a grace period, save from the
/// last snapshot, restore the terminal (unless it hung up) and exit. A
/// second such signal cuts the grace period short.
fn watchdog(signal: i32, rescue: &Arc<Mutex<Option<Rescue>>>, keyboard: &std::fs::File) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static ARMED: AtomicBool = AtomicBool::new(false);
    // A hang-up from the kernel comes after the terminal is gone (it no
    // longer answers as a terminal); `kill -HUP` leaves it there, to be
    // restored.
    if signal == SIGHUP && !keyboard.is_terminal() {
        out::hang_up();
    }
    let rescue = Arc::clone(rescue);
    let leave = move || {
        if let Some(save) = rescue.lock().unwrap_or_else(|p| p.into_inner()).take() {
            save();
        }
        super::guard::restore();
        std::process::exit(i32::from(exit_status(signal)));
    };
    if ARMED.swap(true, Ordering::SeqCst) {
        leave();
    }
    std::thread::spawn(move || {
        std::thread::sleep(GRACE);
        leave();
    });
}

/// The exit status after a quitting signal: SIGINT is the Ctrl-C key,
/// hamish's ordinary way out (0); the others, 128 + the signal's number.
pub fn exit_status(signal: i32) -> u8 {
    if signal == SIGINT {
        0
    } else {
        u8::try_from(128 + signal).unwrap_or(1)
    }
}

fn signal_event(signal: i32) -> TermEvent {
    match signal {
        SIGWINCH => match crossterm::terminal::size() {
            Ok((width, height)) => TermEvent::Input(Event::Resize(width, height)),
            // No size: the terminal has gone away.
            Err(_) => TermEvent::Quit(exit_status(SIGHUP)),
        },
        SIGTSTP => TermEvent::Suspend,
        SIGCONT => TermEvent::Continued,
        other => TermEvent::Quit(exit_status(other)),
    }
}

/// Ctrl-Z, which raw mode delivers as a key instead of a signal: hamish
/// suspends as the shell would have it.
pub fn is_suspend_key(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.code == KeyCode::Char('z')
        && key.modifiers == KeyModifiers::CONTROL
}
