//! Taking the terminal over and giving it back exactly as it was, on every
//! way out: normal exit, error, panic, and SIGTERM/SIGHUP (an SSH link that
//! drops). The guard restores in `Drop`; the panic hook restores before the
//! message is printed; signals set a flag the event loop checks.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};

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

/// Holds the terminal in raw mode on the alternate screen.
pub struct TerminalGuard {
    changes: Changes,
    /// Set by SIGTERM or SIGHUP.
    pub signalled: Arc<AtomicBool>,
}

impl TerminalGuard {
    /// Raw mode, alternate screen, hidden cursor; mouse capture and the
    /// BiDi modes when asked.
    pub fn enter(mouse: bool, bidi: bool) -> io::Result<TerminalGuard> {
        let changes = Changes { mouse, bidi };
        let signalled = Arc::new(AtomicBool::new(false));
        // The event loop sees the flag within its poll interval and leaves
        // cleanly. But when the terminal hangs up, crossterm's poll can spin
        // without returning, so a watchdog restores and exits if the loop
        // has not done so half a second after the signal.
        let mut signals = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ])?;
        let flag = Arc::clone(&signalled);
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                flag.store(true, Ordering::Relaxed);
                std::thread::sleep(std::time::Duration::from_millis(500));
                restore(changes);
                std::process::exit(128 + signal);
            }
        });
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore(changes);
            previous(info);
        }));
        enable_raw_mode()?;
        let guard = TerminalGuard { changes, signalled };
        let mut out = io::stdout();
        execute!(out, EnterAlternateScreen, Hide)?;
        if mouse {
            execute!(out, EnableMouseCapture)?;
        }
        if bidi {
            out.write_all(BIDI_TAKE_OVER.as_bytes())?;
            out.flush()?;
        }
        Ok(guard)
    }

    /// A signal asked us to stop.
    pub fn should_stop(&self) -> bool {
        self.signalled.load(Ordering::Relaxed)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore(self.changes);
    }
}
