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

/// SGR 0: default colours and attributes.
pub const ATTRIBUTES_RESET: &str = "\x1b[0m";
/// DECSTBM without parameters: the scroll region is the whole screen.
pub const SCROLL_REGION_RESET: &str = "\x1b[r";

/// What hamish changes in a terminal besides raw mode; a start writes it
/// and an exit undoes exactly that.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Modes {
    /// Mouse reports on.
    pub mouse: bool,
    /// The terminal's own bidi off.
    pub bidi: bool,
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
        out.push_str(BIDI_TAKE_OVER);
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
        out.push_str(BIDI_GIVE_BACK);
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
    fn scrolling_sets_a_region_scrolls_and_resets_it() {
        // Rows 1..=22 (1-based) up by three: DECSTBM 1;22, SU 3, DECSTBM.
        assert_eq!(scroll_rows(22, 3), "\x1b[0m\x1b[1;22r\x1b[3S\x1b[r");
        // Down by two: SD 2.
        assert_eq!(scroll_rows(10, -2), "\x1b[0m\x1b[1;10r\x1b[2T\x1b[r");
        assert_eq!(scroll_rows(10, 0), "");
        assert_eq!(scroll_rows(0, 4), "");
    }
}
