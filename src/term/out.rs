//! The way to the terminal, which goes quiet once the terminal has hung up:
//! after an SSH link drops, nothing more is written to the dead terminal
//! (no frame, no restoring sequence), so hamish can save and leave without
//! waiting on it.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

static HUNG_UP: AtomicBool = AtomicBool::new(false);

/// The terminal is gone: from now on every write to it is dropped.
pub fn hang_up() {
    HUNG_UP.store(true, Ordering::SeqCst);
}

/// Whether the terminal has hung up.
pub fn hung_up() -> bool {
    HUNG_UP.load(Ordering::SeqCst)
}

/// Standard output, unless the terminal has hung up.
#[derive(Clone, Copy, Debug, Default)]
pub struct TerminalOut;

impl Write for TerminalOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if hung_up() {
            return Ok(buf.len());
        }
        io::stdout().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        if hung_up() {
            return Ok(());
        }
        io::stdout().flush()
    }
}
