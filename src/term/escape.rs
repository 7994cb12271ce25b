//! Every control sequence hamish itself sends to a terminal, named for what
//! it asks, in one place: what a start and an exit write, the BiDi modes,
//! and the scrolling the painter uses. (Cell contents, colours and cursor
//! moves of a frame are written by ratatui's backend.) Terminal-specific
//! variants (tmux passthrough, mlterm's own switch) belong here too, chosen
//! by what `kind` knows about the terminal.

/// Switch to the alternate screen (saving the cursor), and back.
pub const ALT_SCREEN_ENTER: &str = "\x1b[?1049h";
pub const ALT_SCREEN_LEAVE: &str = "\x1b[?1049l";

/// DECTCEM: hide and show the cursor.
pub const CURSOR_HIDE: &str = "\x1b[?25l";
pub const CURSOR_SHOW: &str = "\x1b[?25h";

/// Mouse reports for presses, releases and the wheel (mode 1000), in the
/// SGR encoding (1006) that has no column limit. No motion reports: a
/// reader needs clicks and the wheel, and motion would cost bytes on a
/// slow link for every move of the mouse. Disabled in the reverse order.
pub const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
pub const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

/// terminal-wg BiDi recommendation: `CSI 8 l` (BDSM reset: explicit mode,
/// the terminal does not reorder what it is given) and `CSI 1 SP k` (SCP:
/// paragraphs are left-to-right), so a terminal with its own bidi does not
/// reorder rows hamish has already put in visual order.
pub const BIDI_TAKE_OVER: &str = "\x1b[8l\x1b[1 k";
/// `CSI 8 h`: back to implicit mode, the terminal's default.
pub const BIDI_GIVE_BACK: &str = "\x1b[8h";

/// mlterm's own switch for its bidi and shaping (`use_ctl`), in its
/// configuration protocol (`OSC 5379 ; key=value BEL`): mlterm ignores the
/// BiDi modes above. Off at start; on again at exit, unless mlterm's
/// configuration had it off (`mlterm::configured_use_ctl`).
pub const MLTERM_BIDI_OFF: &str = "\x1b]5379;use_ctl=false\x07";
pub const MLTERM_BIDI_ON: &str = "\x1b]5379;use_ctl=true\x07";

/// The zero-width mark that gives a row of logical text its direction in
/// a terminal that reorders (`--bidi terminal`) and takes a row's
/// direction from its first strong character (mlterm): RLM before an RTL
/// row, whatever letter starts it. (Konsole and VTE drop zero-width marks
/// and isolates: VTE is told by SCP and BDSM, below; Konsole has only its
/// profile settings.)
pub const RLM: char = '\u{200F}';

/// SCP (terminal-wg BiDi): the direction of the paragraph the cursor is
/// on, when it stands in column 0 (as VTE applies it), and of those that
/// follow. `--bidi terminal` sets it before each row it writes, and gives
/// left-to-right back after a frame; an LTR row also starts with an LRM,
/// for terminals (mlterm) that take a row's direction from its first
/// strong character.
/// BDSM goes with it: implicit (the terminal reorders) for rows of text,
/// explicit for a row hamish has put in visual order itself (the status
/// line, marked with an LRO), which VTE then leaves alone.
pub const ROW_RTL: &str = "\x1b[8h\x1b[2 k";
pub const ROW_LTR: &str = "\x1b[8h\x1b[1 k\u{200E}";
pub const ROW_ORDERED: &str = "\x1b[8l\x1b[1 k";
pub const DIRECTION_RESET: &str = "\x1b[8h\x1b[1 k";
/// The mark the reader puts before the first cell of a row already in
/// visual order (LRO, left-to-right override: mlterm shows it as it is).
pub const LRO: char = '\u{202D}';

/// SGR 0: default colours and attributes.
pub const ATTRIBUTES_RESET: &str = "\x1b[0m";
/// DECSTBM without parameters: the scroll region is the whole screen.
pub const SCROLL_REGION_RESET: &str = "\x1b[r";

/// How a sequence meant for the terminal emulator gets past a multiplexer
/// that would otherwise keep it: tmux and GNU screen take what they
/// understand and drop the rest (the BiDi modes, mlterm's switch).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// Straight to the terminal.
    #[default]
    Direct,
    /// tmux passthrough, `DCS tmux; … ST` with every ESC doubled; tmux
    /// forwards it only with `allow-passthrough on`.
    Tmux,
    /// GNU screen's passthrough: the sequence inside `DCS … ST`.
    Screen,
}

/// `seq` wrapped so that it reaches the terminal emulator by `route`.
pub fn pass_through(route: Route, seq: &str) -> String {
    match route {
        Route::Direct => seq.to_string(),
        Route::Tmux => format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b")),
        Route::Screen => format!("\x1bP{seq}\x1b\\"),
    }
}

/// What hamish changes in a terminal besides raw mode; a start writes it
/// and an exit undoes exactly that.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modes {
    /// Mouse reports on.
    pub mouse: bool,
    /// The terminal's own bidi off.
    pub bidi: bool,
    /// How the bidi switches reach the terminal emulator.
    pub route: Route,
    /// The emulator is mlterm: its own switch too.
    pub mlterm: bool,
    /// mlterm's bidi was off already (its configuration says so): exit
    /// leaves it off.
    pub mlterm_was_off: bool,
}

/// What puts mlterm's bidi back as it was, by `modes.route`: on, unless
/// it was off before (then nothing).
pub fn mlterm_restore(modes: Modes) -> String {
    if modes.mlterm && !modes.mlterm_was_off {
        pass_through(modes.route, MLTERM_BIDI_ON)
    } else {
        String::new()
    }
}

/// The sequences that switch the emulator's own bidi off: the BiDi modes
/// to whatever hamish talks to, and through a multiplexer to the emulator
/// behind it; mlterm's switch when it is mlterm.
pub fn bidi_off(modes: Modes) -> String {
    let mut out = String::from(BIDI_TAKE_OVER);
    if modes.route != Route::Direct {
        out.push_str(&every_row(modes.route, BIDI_TAKE_OVER));
    }
    if modes.mlterm {
        out.push_str(&pass_through(modes.route, MLTERM_BIDI_OFF));
    }
    out
}

/// What `bidi_off` switched off, on again, in the reverse order.
pub fn bidi_on(modes: Modes) -> String {
    let mut out = mlterm_restore(modes);
    if modes.route != Route::Direct {
        out.push_str(&every_row(modes.route, BIDI_GIVE_BACK));
    }
    out.push_str(BIDI_GIVE_BACK);
    out
}

/// The rows of the emulator behind a multiplexer that `every_row` reaches:
/// more than a terminal window has (a cursor move past the last row stops
/// at it).
pub const OUTER_ROWS: u16 = 160;

/// `modes` (BiDi mode sequences) for every row of the emulator behind a
/// multiplexer. VTE keeps the BiDi modes per row: a mode sent from column
/// 0 applies to that row, and otherwise only to rows made afterwards. A
/// multiplexer has drawn its whole screen before hamish starts, so each of
/// those rows is visited (cursor saved and restored around, so the
/// multiplexer's idea of it stays true), one passthrough per row, small
/// enough for GNU screen's string limit.
pub fn every_row(route: Route, modes: &str) -> String {
    let mut out = pass_through(route, modes);
    for row in 1..=OUTER_ROWS {
        out.push_str(&pass_through(
            route,
            &format!("\x1b7\x1b[{row};1H{modes}\x1b8"),
        ));
    }
    out
}

/// What taking the terminal over writes: the alternate screen, the cursor
/// hidden, then mouse reports and the BiDi modes when asked.
pub fn start(modes: Modes) -> String {
    let mut out = String::from(ALT_SCREEN_ENTER);
    out.push_str(CURSOR_HIDE);
    if modes.mouse {
        out.push_str(MOUSE_ON);
    }
    if modes.bidi {
        out.push_str(&bidi_off(modes));
    }
    out
}

/// What giving the terminal back writes: the modes undone in reverse
/// order, the main screen back and the cursor shown.
pub fn finish(modes: Modes) -> String {
    let mut out = String::new();
    if modes.mouse {
        out.push_str(MOUSE_OFF);
    }
    if modes.bidi {
        out.push_str(&bidi_on(modes));
    }
    out.push_str(ATTRIBUTES_RESET);
    out.push_str(ALT_SCREEN_LEAVE);
    out.push_str(CURSOR_SHOW);
    out
}

/// Scroll rows `0..rows` of the screen (0-based, the rest stays) by
/// `lines`: up when positive (SU, the text moves up as the reader goes down
/// the document), down when negative (SD). Attributes are reset first so
/// the lines that come in are blank in the default colours, and the scroll
/// region is reset after, so the rest of the frame is written as usual.
/// Nothing at all for zero lines or an empty region.
pub fn scroll_rows(rows: u16, lines: isize) -> String {
    if rows == 0 || lines == 0 {
        return String::new();
    }
    let steps = lines.unsigned_abs();
    let direction = if lines > 0 { 'S' } else { 'T' };
    format!("{ATTRIBUTES_RESET}\x1b[1;{rows}r\x1b[{steps}{direction}{SCROLL_REGION_RESET}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_modes_are_the_terminal_wg_sequences() {
        // ESC [ 8 l, ESC [ 1 SP k, ESC [ 8 h, byte for byte.
        assert_eq!(BIDI_TAKE_OVER.as_bytes(), b"\x1b[8l\x1b[1\x20k");
        assert_eq!(BIDI_GIVE_BACK.as_bytes(), b"\x1b[8h");
    }

    #[test]
    fn finish_undoes_what_start_did() {
        let all = Modes {
            mouse: true,
            bidi: true,
            ..Modes::default()
        };
        let start = start(all);
        assert!(start.starts_with("\x1b[?1049h\x1b[?25l"));
        assert!(start.contains("\x1b[?1000h") && start.contains("\x1b[?1006h"));
        assert!(start.ends_with("\x1b[8l\x1b[1 k"));
        let finish = finish(all);
        assert!(finish.contains("\x1b[?1000l") && finish.contains("\x1b[?1006l"));
        // The BiDi mode goes back before the alternate screen is left, and
        // the cursor is shown last.
        let bidi = finish.find("\x1b[8h").unwrap();
        let leave = finish.find("\x1b[?1049l").unwrap();
        assert!(bidi < leave);
        assert!(finish.ends_with("\x1b[?25h"));
    }

    #[test]
    fn modes_not_asked_for_are_neither_set_nor_reset() {
        let none = Modes::default();
        for text in [start(none), finish(none)] {
            assert!(!text.contains("\x1b[?1000"), "{text:?}");
            assert!(!text.contains("\x1b[8"), "{text:?}");
        }
        assert_eq!(finish(none), "\x1b[0m\x1b[?1049l\x1b[?25h");
    }

    #[test]
    fn tmux_passthrough_doubles_every_escape() {
        // DCS "tmux;" , the sequence with ESC doubled, ST (ESC \).
        assert_eq!(
            pass_through(Route::Tmux, "\x1b[8l"),
            "\x1bPtmux;\x1b\x1b[8l\x1b\\"
        );
        assert_eq!(pass_through(Route::Screen, "\x1b[8h"), "\x1bP\x1b[8h\x1b\\");
        assert_eq!(pass_through(Route::Direct, "\x1b[8h"), "\x1b[8h");
    }

    #[test]
    fn inside_tmux_the_bidi_modes_go_to_the_outer_terminal_too() {
        let modes = Modes {
            bidi: true,
            route: Route::Tmux,
            ..Modes::default()
        };
        let start = start(modes);
        assert!(
            start.contains("\x1bPtmux;\x1b\x1b[8l\x1b\x1b[1 k\x1b\\"),
            "{start:?}"
        );
        let finish = finish(modes);
        assert!(finish.contains("\x1bPtmux;\x1b\x1b[8h\x1b\\"), "{finish:?}");
    }

    #[test]
    fn mlterm_bidi_is_switched_off_and_on_again() {
        let modes = Modes {
            bidi: true,
            mlterm: true,
            ..Modes::default()
        };
        assert!(start(modes).ends_with("\x1b]5379;use_ctl=false\x07"));
        assert!(finish(modes).contains("\x1b]5379;use_ctl=true\x07"));
        // Not asked to switch bidi off (`--bidi terminal`): mlterm keeps it.
        let terminal = Modes {
            bidi: false,
            ..modes
        };
        assert!(!start(terminal).contains("5379") && !finish(terminal).contains("5379"));
        // Its configuration had it off: exit leaves it off.
        let was_off = Modes {
            mlterm_was_off: true,
            ..modes
        };
        assert!(start(was_off).ends_with("\x1b]5379;use_ctl=false\x07"));
        assert!(!finish(was_off).contains("5379"));
        // mlterm inside tmux: the switch goes by passthrough.
        let tmux = Modes {
            route: Route::Tmux,
            ..modes
        };
        assert!(start(tmux).contains("\x1bPtmux;\x1b\x1b]5379;use_ctl=false\x07\x1b\\"));
    }

    #[test]
    fn scrolling_sets_a_region_scrolls_and_resets_it() {
        // Rows 1..=22 (1-based) up by three: DECSTBM 1;22, SU 3, DECSTBM.
        assert_eq!(scroll_rows(22, 3), "\x1b[0m\x1b[1;22r\x1b[3S\x1b[r");
        // Down by two: SD 2.
        assert_eq!(scroll_rows(10, -2), "\x1b[0m\x1b[1;10r\x1b[2T\x1b[r");
        assert_eq!(scroll_rows(10, 0), "");
        assert_eq!(scroll_rows(0, 4), "");
    }
}
