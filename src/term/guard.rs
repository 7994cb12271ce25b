//! Taking the terminal over and giving it back exactly as it was, on every
//! way out: quit, error, panic, a signal, and a suspend (Ctrl-Z), after
//! which it is taken over again. The guard restores in `Drop`; the panic
//! hook and the signal watchdog restore through `restore()`. After a
//! hang-up nothing is written: the terminal is gone.
//!
//! Raw mode keeps the terminal's signal keys (ISIG), as less does: Ctrl-C,
//! Ctrl-\ and Ctrl-Z reach hamish as SIGINT, SIGQUIT and SIGTSTP even when
//! the reader loop is busy, and `events` turns them into the same ways out
//! as the signals sent from outside.

use std::io::{self, Write};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Once;

use crossterm::terminal::{disable_raw_mode, enable_raw_mode};

use super::escape::{self, Modes, Route};
use super::out::{hung_up, TerminalOut};

/// The modes in force while the terminal is taken over, for the panic hook
/// and the signal watchdog, which have no guard at hand: bit 0 "taken
/// over", bit 1 mouse, bit 2 bidi, bits 3-4 the route, bit 5 mlterm, bit
/// 6 mlterm's bidi was off before.
static ACTIVE: AtomicU8 = AtomicU8::new(0);

fn encode(modes: Modes) -> u8 {
    let route = match modes.route {
        Route::Direct => 0,
        Route::Tmux => 1,
        Route::Screen => 2,
    };
    1 | u8::from(modes.mouse) << 1
        | u8::from(modes.bidi) << 2
        | route << 3
        | u8::from(modes.mlterm) << 5
        | u8::from(modes.mlterm_was_off) << 6
}

fn decode(bits: u8) -> Option<Modes> {
    let route = match (bits >> 3) & 3 {
        1 => Route::Tmux,
        2 => Route::Screen,
        _ => Route::Direct,
    };
    (bits & 1 == 1).then_some(Modes {
        mouse: bits & 2 != 0,
        bidi: bits & 4 != 0,
        route,
        mlterm: bits & 32 != 0,
        mlterm_was_off: bits & 64 != 0,
    })
}

/// Write `text` to the terminal and flush; errors are ignored, because
/// this runs on the way out, when there is no one left to tell.
fn send(text: &str) {
    let mut out = TerminalOut;
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Give the terminal back if it is still taken over (and still there).
/// Safe to call more than once and from any thread.
pub fn restore() {
    let Some(modes) = decode(ACTIVE.swap(0, Ordering::SeqCst)) else {
        return;
    };
    if hung_up() {
        return;
    }
    send(&escape::finish(modes));
    let _ = disable_raw_mode();
}

fn take_over(modes: Modes) -> io::Result<()> {
    enable_raw_mode()?;
    keep_signal_keys();
    ACTIVE.store(encode(modes), Ordering::SeqCst);
    let mut out = TerminalOut;
    out.write_all(escape::start(modes).as_bytes())?;
    out.flush()
}

/// Turn ISIG back on after crossterm's raw mode (see the module comment),
/// on the terminal crossterm put in raw mode: stdin, or /dev/tty when
/// stdin is not one. Failing leaves plain raw mode, where Ctrl-C and
/// Ctrl-Z arrive as keys and still quit and suspend.
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

/// Holds the terminal in raw mode on the alternate screen.
pub struct TerminalGuard {
    modes: Modes,
}

impl TerminalGuard {
    /// Raw mode, alternate screen, hidden cursor; mouse reports and the
    /// BiDi modes when asked.
    pub fn enter(modes: Modes) -> io::Result<TerminalGuard> {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore();
                previous(info);
            }));
        });
        let guard = TerminalGuard { modes };
        take_over(modes)?;
        Ok(guard)
    }

    /// Suspend like less and vim do: give the terminal back, stop the
    /// process (SIGSTOP, as the shell's job control expects of Ctrl-Z),
    /// and once continued take the terminal over again. The caller must
    /// then redraw everything: the screen is blank.
    pub fn suspend(&mut self) -> io::Result<()> {
        restore();
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        self.take_over_again()
    }

    /// Take the terminal over again after something else had it (the
    /// shell, after a stop and `fg`), whether or not we gave it back: raw
    /// mode is set afresh, since the shell may have changed the terminal's
    /// settings. The caller must redraw everything.
    pub fn take_over_again(&mut self) -> io::Result<()> {
        // crossterm only sets raw mode when it thinks it is not set.
        let _ = disable_raw_mode();
        take_over(self.modes)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_modes_round_trip() {
        for mouse in [false, true] {
            for bidi in [false, true] {
                for route in [Route::Direct, Route::Tmux, Route::Screen] {
                    for (mlterm, mlterm_was_off) in [(false, false), (true, false), (true, true)] {
                        let modes = Modes {
                            mouse,
                            bidi,
                            route,
                            mlterm,
                            mlterm_was_off,
                        };
                        assert_eq!(decode(encode(modes)), Some(modes));
                    }
                }
            }
        }
        assert_eq!(decode(0), None);
    }
}
