//! What is known about the terminal from the environment, without asking
//! it anything: whether it can show a full-screen reader at all (`TERM=dumb`
//! cannot), whether a multiplexer (tmux, GNU screen) stands between hamish
//! and the real terminal, and which emulator that is when it says so
//! (mlterm, VTE, Konsole). What to send at start and exit, and how to write
//! rows, is decided from this.

use super::escape::{Modes, Route};

/// A terminal multiplexer between hamish and the terminal emulator: it
/// keeps its own screen and does not pass every sequence on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Multiplexer {
    /// `$TMUX` is set.
    Tmux,
    /// `$STY` is set (GNU screen).
    Screen,
}

/// A terminal emulator that announces itself in the environment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emulator {
    /// `$MLTERM`: does its own bidi, switched off by its own OSC 5379.
    Mlterm,
    /// `$VTE_VERSION` (GNOME Terminal, sakura, Tilix…): honours the BiDi
    /// modes. The number is VTE's version, e.g. 7600 for 0.76.
    Vte(u32),
    /// `$KONSOLE_VERSION`: its bidi is a profile setting only.
    Konsole,
}

/// The terminal hamish runs in, as far as the environment tells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TerminalKind {
    /// `$TERM`, when set and not empty.
    pub term: Option<String>,
    pub multiplexer: Option<Multiplexer>,
    pub emulator: Option<Emulator>,
    /// mlterm's configuration turns its bidi off (`mlterm` module).
    pub mlterm_bidi_off: bool,
}

impl TerminalKind {
    /// From this process's environment.
    pub fn from_env() -> TerminalKind {
        let mut kind = TerminalKind::from_vars(|name| std::env::var(name).ok());
        if kind.emulator == Some(Emulator::Mlterm) {
            let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
            kind.mlterm_bidi_off = !super::mlterm::configured_use_ctl(home.as_deref());
        }
        kind
    }

    /// From the variables `var` gives (empty values count as unset).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> TerminalKind {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let multiplexer = if set("TMUX").is_some() {
            Some(Multiplexer::Tmux)
        } else if set("STY").is_some() {
            Some(Multiplexer::Screen)
        } else {
            None
        };
        let emulator = if set("MLTERM").is_some() {
            Some(Emulator::Mlterm)
        } else if let Some(version) = set("VTE_VERSION") {
            Some(Emulator::Vte(version.trim().parse().unwrap_or(0)))
        } else if set("KONSOLE_VERSION").is_some() {
            Some(Emulator::Konsole)
        } else {
            None
        };
        TerminalKind {
            term: set("TERM"),
            multiplexer,
            emulator,
            mlterm_bidi_off: false,
        }
    }

    /// A terminal that cannot move its cursor or switch screens: `TERM`
    /// is `dumb` (as Emacs's shell buffers and some CI runners set it), or
    /// not set at all, so nothing is known of it. hamish prints instead,
    /// as less does, and writes no escape sequence.
    pub fn is_dumb(&self) -> bool {
        matches!(self.term.as_deref(), None | Some("dumb"))
    }

    /// Whether the full-screen reader can run here.
    pub fn can_full_screen(&self) -> bool {
        !self.is_dumb()
    }

    /// Whether the terminal leaves alone a row it is told not to reorder
    /// (BiDi explicit mode from the row's column 0): VTE, not behind a
    /// multiplexer (which keeps no per-row modes to pass on).
    pub fn keeps_explicit_rows(&self) -> bool {
        matches!(self.emulator, Some(Emulator::Vte(_))) && self.multiplexer.is_none()
    }

    /// How sequences for the emulator get past the multiplexer, if any.
    pub fn route(&self) -> Route {
        match self.multiplexer {
            Some(Multiplexer::Tmux) => Route::Tmux,
            Some(Multiplexer::Screen) => Route::Screen,
            None => Route::Direct,
        }
    }

    /// What to change in this terminal: mouse reports when `mouse`, and
    /// when `bidi` the emulator's own bidi off, by the way it listens.
    pub fn modes(&self, mouse: bool, bidi: bool) -> Modes {
        Modes {
            mouse,
            bidi,
            route: self.route(),
            mlterm: self.emulator == Some(Emulator::Mlterm),
            mlterm_was_off: self.mlterm_bidi_off,
        }
    }
}

#[cfg(test)]
impl TerminalKind {
    /// From these variables only, as tests give them.
    pub(crate) fn from_pairs(vars: &[(&str, &str)]) -> TerminalKind {
        TerminalKind::from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(vars: &[(&str, &str)]) -> TerminalKind {
        TerminalKind::from_pairs(vars)
    }

    #[test]
    fn dumb_terminals_get_no_full_screen() {
        assert!(kind(&[("TERM", "dumb")]).is_dumb());
        assert!(!kind(&[("TERM", "dumb")]).can_full_screen());
        assert!(kind(&[("TERM", "xterm-256color")]).can_full_screen());
        // Nothing known about the terminal: no full screen either.
        assert!(!kind(&[]).can_full_screen());
        assert!(!kind(&[("TERM", "")]).can_full_screen());
    }

    #[test]
    fn multiplexers_and_emulators_from_their_variables() {
        let k = kind(&[
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/tmux-0/default,1234,0"),
            ("VTE_VERSION", "7600"),
        ]);
        assert_eq!(k.multiplexer, Some(Multiplexer::Tmux));
        assert_eq!(k.emulator, Some(Emulator::Vte(7600)));
        assert_eq!(
            kind(&[("STY", "1234.pts-0.host")]).multiplexer,
            Some(Multiplexer::Screen)
        );
        assert_eq!(
            kind(&[("MLTERM", "3.9.3")]).emulator,
            Some(Emulator::Mlterm)
        );
        assert_eq!(
            kind(&[("KONSOLE_VERSION", "230804")]).emulator,
            Some(Emulator::Konsole)
        );
        assert_eq!(kind(&[("TMUX", "")]).multiplexer, None);
    }

    #[test]
    fn modes_follow_the_multiplexer_and_the_emulator() {
        let tmux = kind(&[("TERM", "screen"), ("TMUX", "/tmp/t,1,0")]);
        assert_eq!(tmux.modes(true, true).route, Route::Tmux);
        let screen = kind(&[("TERM", "screen"), ("STY", "1.pts-0.h")]);
        assert_eq!(screen.modes(true, true).route, Route::Screen);
        let mlterm = kind(&[("TERM", "xterm"), ("MLTERM", "3.9.0")]);
        assert!(mlterm.modes(false, true).mlterm);
        let xterm = kind(&[("TERM", "xterm")]).modes(false, true);
        assert_eq!(xterm.route, Route::Direct);
        assert!(!xterm.mlterm);
    }
}
