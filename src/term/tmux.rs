//! Whether tmux lets hamish's BiDi switches through to the terminal behind
//! it. tmux drops passthrough sequences unless its `allow-passthrough`
//! option is on, and hamish cannot see that from inside; it asks the tmux
//! command, briefly, and tells the reader the one line to add when it is off.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What tmux says about passthrough for this pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Passthrough {
    /// `on` (or tmux 3.4's `all`): the switches reach the terminal.
    Allowed,
    /// `off`, tmux's default: they are dropped.
    Refused,
    /// tmux did not answer (no `tmux` command, an old tmux without the
    /// option, or no answer in time).
    Unknown,
}

/// The line to add to `~/.tmux.conf`.
pub const CONF_LINE: &str = "set -g allow-passthrough on";

/// The longest hamish waits for tmux before starting anyway: a reader
/// that is slow to open is worse than a notice not given.
const PATIENCE: Duration = Duration::from_millis(300);

/// Ask tmux for the pane's `allow-passthrough` (its own value, else the
/// window's or the global one: `-A`). Never waits past `PATIENCE`.
pub fn passthrough() -> Passthrough {
    let mut command = Command::new("tmux");
    command.args(["show-options", "-Apv"]);
    if let Some(pane) = std::env::var_os("TMUX_PANE").filter(|p| !p.is_empty()) {
        command.arg("-t").arg(pane);
    }
    command.arg("allow-passthrough");
    let Ok(mut child) = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        return Passthrough::Unknown;
    };
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() < PATIENCE => {
                std::thread::sleep(Duration::from_millis(5));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Passthrough::Unknown;
            }
        }
    }
    let mut answer = String::new();
    if let Some(mut out) = child.stdout.take() {
        use std::io::Read;
        let _ = out.read_to_string(&mut answer);
    }
    parse(&answer)
}

/// tmux's answer, `on`, `all` or `off` on a line.
fn parse(answer: &str) -> Passthrough {
    match answer.trim() {
        "on" | "all" => Passthrough::Allowed,
        "off" => Passthrough::Refused,
        _ => Passthrough::Unknown,
    }
}

/// What to tell the reader on the status line, once, when the BiDi
/// switches may not get through; nothing when they do.
pub fn notice(passthrough: Passthrough) -> Option<String> {
    match passthrough {
        Passthrough::Allowed => None,
        Passthrough::Refused => Some(format!(
            "tmux keeps the terminal's own bidi on: add '{CONF_LINE}' to ~/.tmux.conf"
        )),
        Passthrough::Unknown => Some(format!(
            "tmux: cannot tell if allow-passthrough is on; if Arabic reads wrong, add '{CONF_LINE}' to ~/.tmux.conf"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        assert_eq!(parse("on\n"), Passthrough::Allowed);
        assert_eq!(parse("all\n"), Passthrough::Allowed);
        assert_eq!(parse("off\n"), Passthrough::Refused);
        // tmux before 3.3: "invalid option", on stderr, nothing here.
        assert_eq!(parse(""), Passthrough::Unknown);
        assert!(notice(Passthrough::Allowed).is_none());
        assert!(notice(Passthrough::Refused)
            .unwrap()
            .contains("set -g allow-passthrough on"));
        assert!(notice(Passthrough::Unknown)
            .unwrap()
            .contains("cannot tell"));
    }
}
