//! Turning the bytes a terminal sends into keys and mouse events, so that no
//! input can leave the reader deaf: crossterm's own reader waits for the end
//! of a bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`) without limit, so a
//! stray paste start swallowed every later key, Ctrl-C included, and it
//! spins without returning once the terminal hangs up. hamish never turns
//! bracketed paste on, so its markers are ignored and what follows is read
//! as keys, as less does; every sequence is bounded in length, and an
//! unfinished one is taken as typed keys once input pauses.
//!
//! Events use crossterm's types, so the keymap reads them as before.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Longest control sequence kept waiting for its end; longer is junk.
const MAX_SEQUENCE: usize = 256;

const ESC: u8 = 0x1b;

/// What the head of the input is.
#[derive(Debug, PartialEq)]
enum Parsed {
    /// An event, made of this many bytes.
    Event(Event, usize),
    /// This many bytes that mean nothing to the reader.
    Skip(usize),
    /// The start of something longer: wait for more bytes.
    Incomplete,
}

/// Input bytes not yet made into events.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
}

impl Decoder {
    pub fn feed(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// Bytes are waiting that do not make a whole event yet.
    pub fn has_partial(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The next event. `idle` says input has paused: an unfinished
    /// sequence is then what was typed (a lone ESC is the Esc key).
    pub fn next(&mut self, idle: bool) -> Option<Event> {
        while !self.pending.is_empty() {
            let parsed = match parse(&self.pending) {
                Parsed::Incomplete if idle || self.pending.len() > MAX_SEQUENCE => {
                    flush_partial(&self.pending)
                }
                parsed => parsed,
            };
            match parsed {
                Parsed::Event(event, used) => {
                    self.pending.drain(..used);
                    return Some(event);
                }
                Parsed::Skip(used) => {
                    self.pending.drain(..used.max(1));
                }
                Parsed::Incomplete => return None,
            }
        }
        None
    }
}

/// An unfinished head taken as typed: ESC as the Esc key (the rest is read
/// again as keys), a cut UTF-8 character as U+FFFD.
fn flush_partial(bytes: &[u8]) -> Parsed {
    if bytes[0] == ESC {
        Parsed::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1)
    } else {
        Parsed::Event(char_key('\u{FFFD}'), utf8_len(bytes[0]).min(bytes.len()))
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// A typed character; capitals carry SHIFT, as crossterm reports them.
fn char_key(c: char) -> Event {
    let modifiers = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), modifiers)
}

fn parse(bytes: &[u8]) -> Parsed {
    match bytes[0] {
        ESC => parse_escape(bytes),
        _ => parse_plain(bytes),
    }
}

/// One byte or one UTF-8 character, no escape.
fn parse_plain(bytes: &[u8]) -> Parsed {
    let ctrl = |c: u8| Parsed::Event(key(KeyCode::Char(c as char), KeyModifiers::CONTROL), 1);
    match bytes[0] {
        b'\r' => Parsed::Event(key(KeyCode::Enter, KeyModifiers::NONE), 1),
        b'\t' => Parsed::Event(key(KeyCode::Tab, KeyModifiers::NONE), 1),
        0x7f => Parsed::Event(key(KeyCode::Backspace, KeyModifiers::NONE), 1),
        0x00 => ctrl(b' '),
        c @ 0x01..=0x1a => ctrl(c - 1 + b'a'),
        c @ 0x1c..=0x1f => ctrl(c - 0x1c + b'4'),
        lead if lead < 0x80 => Parsed::Event(char_key(lead as char), 1),
        lead => {
            let len = utf8_len(lead);
            if len == 0 {
                return Parsed::Skip(1);
            }
            if bytes.len() < len {
                return Parsed::Incomplete;
            }
            match std::str::from_utf8(&bytes[..len]) {
                Ok(s) => Parsed::Event(char_key(s.chars().next().unwrap_or('\u{FFFD}')), len),
                Err(_) => Parsed::Skip(1),
            }
        }
    }
}

/// The length of a UTF-8 character from its first byte; 0 when it cannot
/// start one.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

/// Input starting with ESC.
fn parse_escape(bytes: &[u8]) -> Parsed {
    let Some(&second) = bytes.get(1) else {
        return Parsed::Incomplete;
    };
    match second {
        b'[' => parse_csi(bytes),
        b'O' => parse_ss3(bytes),
        // OSC, DCS, APC, PM, SOS: strings hamish never asked for.
        b']' | b'P' | b'_' | b'^' | b'X' => skip_string(bytes),
        ESC => Parsed::Event(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        _ => match parse_plain(&bytes[1..]) {
            Parsed::Event(Event::Key(mut k), used) => {
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Event::Key(k), used + 1)
            }
            Parsed::Incomplete => Parsed::Incomplete,
            _ => Parsed::Skip(2),
        },
    }
}

/// A control string, up to BEL or ST (`ESC \`).
fn skip_string(bytes: &[u8]) -> Parsed {
    for i in 2..bytes.len() {
        if bytes[i] == 0x07 {
            return Parsed::Skip(i + 1);
        }
        if bytes[i] == ESC && bytes.get(i + 1) == Some(&b'\\') {
            return Parsed::Skip(i + 2);
        }
    }
    Parsed::Incomplete
}

/// The key a final byte names, the same after `ESC O` and `ESC [`:
/// arrows, Home/End, F1–F4.
fn cursor_key(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(last - b'P' + 1),
        _ => return None,
    })
}

/// `ESC O x`: arrows, Home/End and F1–F4 in application mode.
fn parse_ss3(bytes: &[u8]) -> Parsed {
    let Some(&last) = bytes.get(2) else {
        return Parsed::Incomplete;
    };
    let Some(code) = cursor_key(last) else {
        return Parsed::Skip(3);
    };
    Parsed::Event(key(code, KeyModifiers::NONE), 3)
}

/// `ESC [ params final`.
fn parse_csi(bytes: &[u8]) -> Parsed {
    if bytes.get(2) == Some(&b'M') {
        return parse_x10_mouse(bytes);
    }
    // Parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, then the final
    // byte 0x40–0x7E; anything else breaks the sequence off.
    let mut end = None;
    for (i, &b) in bytes.iter().enumerate().skip(2) {
        match b {
            0x20..=0x3f => continue,
            0x40..=0x7e => {
                end = Some(i);
                break;
            }
            _ => return Parsed::Skip(i),
        }
    }
    let Some(end) = end else {
        return Parsed::Incomplete;
    };
    let params = std::str::from_utf8(&bytes[2..end]).unwrap_or("");
    let used = end + 1;
    if let Some(sgr) = params.strip_prefix('<') {
        return match sgr_mouse(sgr, bytes[end] == b'M') {
            Some(event) => Parsed::Event(event, used),
            None => Parsed::Skip(used),
        };
    }
    match csi_key(params, bytes[end]) {
        Some(event) => Parsed::Event(event, used),
        None => Parsed::Skip(used),
    }
}

/// The key of a CSI sequence, with its modifiers (`1;5A` is Ctrl-Up).
/// Bracketed-paste markers (`200~`, `201~`), focus reports and anything
/// unknown give none.
fn csi_key(params: &str, last: u8) -> Option<Event> {
    let mut fields = params.split(';');
    let first: u16 = fields.next().unwrap_or("").parse().unwrap_or(1);
    let modifiers = fields
        .next()
        .and_then(|m| m.split(':').next()?.parse::<u8>().ok())
        .map_or(KeyModifiers::NONE, modifier_bits);
    let code = match last {
        b'A' | b'B' | b'C' | b'D' | b'H' | b'F' | b'P'..=b'S' => cursor_key(last)?,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'~' => match first {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            11..=15 => KeyCode::F((first - 10) as u8),
            17..=21 => KeyCode::F((first - 11) as u8),
            23..=24 => KeyCode::F((first - 12) as u8),
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, modifiers))
}

/// xterm's modifier parameter: 1 + (1 shift, 2 alt, 4 ctrl).
fn modifier_bits(param: u8) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    if bits & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    modifiers
}

/// SGR mouse report `ESC [ < button ; column ; row M|m` (1-based).
fn sgr_mouse(params: &str, press: bool) -> Option<Event> {
    let mut fields = params.split(';').map(|f| f.parse::<u16>().ok());
    let (button, column, row) = (fields.next()??, fields.next()??, fields.next()??);
    mouse(
        button,
        column.saturating_sub(1),
        row.saturating_sub(1),
        press,
    )
}

/// The old mouse report `ESC [ M b x y`, each byte offset by 32.
fn parse_x10_mouse(bytes: &[u8]) -> Parsed {
    if bytes.len() < 6 {
        return Parsed::Incomplete;
    }
    let [b, x, y] = [bytes[3], bytes[4], bytes[5]].map(|v| u16::from(v.saturating_sub(32)));
    let press = b & 3 != 3;
    match mouse(b, x.saturating_sub(1), y.saturating_sub(1), press) {
        Some(event) => Parsed::Event(event, 6),
        None => Parsed::Skip(6),
    }
}

/// A mouse event from xterm's button code: low bits the button (3:
/// released), +32 motion, +64 wheel, +4 shift, +8 alt, +16 ctrl.
fn mouse(code: u16, column: u16, row: u16, press: bool) -> Option<Event> {
    let button = match code & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        2 => MouseButton::Right,
        _ => MouseButton::Left,
    };
    let kind = if code & 64 != 0 {
        match code & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if code & 32 != 0 {
        if code & 3 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if press && code & 3 != 3 {
        MouseEventKind::Down(button)
    } else {
        MouseEventKind::Up(button)
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, m) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if code & bit != 0 {
            modifiers |= m;
        }
    }
    Some(Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every event in `bytes`, input pausing at the end.
    fn events(bytes: &[u8]) -> Vec<Event> {
        let mut decoder = Decoder::default();
        decoder.feed(bytes);
        std::iter::from_fn(|| decoder.next(true)).collect()
    }

    fn plain(c: char) -> Event {
        char_key(c)
    }

    fn ctrl(c: char) -> Event {
        key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn letters_controls_and_arabic() {
        assert_eq!(events(b"jG"), vec![plain('j'), char_key('G')]);
        assert_eq!(
            events(b"\x03\x1a\r\t\x7f"),
            vec![
                ctrl('c'),
                ctrl('z'),
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Tab, KeyModifiers::NONE),
                key(KeyCode::Backspace, KeyModifiers::NONE),
            ]
        );
        // "\u{0627}\u{0644}" reads ال (alef, lam), two bytes each.
        assert_eq!(
            events("\u{0627}\u{0644}".as_bytes()),
            vec![plain('\u{0627}'), plain('\u{0644}')]
        );
    }

    #[test]
    fn a_character_cut_between_reads_waits_for_its_end() {
        let mut decoder = Decoder::default();
        let alef = "\u{0627}".as_bytes();
        decoder.feed(&alef[..1]);
        assert_eq!(decoder.next(false), None);
        assert!(decoder.has_partial());
        decoder.feed(&alef[1..]);
        assert_eq!(decoder.next(false), Some(plain('\u{0627}')));
    }

    #[test]
    fn a_lone_escape_is_esc_once_input_pauses() {
        let mut decoder = Decoder::default();
        decoder.feed(b"\x1b");
        assert_eq!(decoder.next(false), None, "maybe a sequence follows");
        assert_eq!(
            decoder.next(true),
            Some(key(KeyCode::Esc, KeyModifiers::NONE))
        );
        assert!(!decoder.has_partial());
    }

    #[test]
    fn cursor_and_function_keys() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            events(b"\x1b[A\x1b[B\x1bOC\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[Z\x1b[15~"),
            vec![
                key(KeyCode::Up, none),
                key(KeyCode::Down, none),
                key(KeyCode::Right, none),
                key(KeyCode::PageUp, none),
                key(KeyCode::PageDown, none),
                key(KeyCode::Home, none),
                key(KeyCode::End, none),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                key(KeyCode::F(5), none),
            ]
        );
        assert_eq!(
            events(b"\x1b[1;5B"),
            vec![key(KeyCode::Down, KeyModifiers::CONTROL)]
        );
        assert_eq!(
            events(b"\x1bj"),
            vec![key(KeyCode::Char('j'), KeyModifiers::ALT)]
        );
    }

    #[test]
    fn an_unterminated_paste_does_not_swallow_later_keys() {
        // A paste start with no end, then q and Ctrl-C typed later.
        let mut decoder = Decoder::default();
        decoder.feed(b"\x1b[200~");
        assert_eq!(decoder.next(false), None);
        assert!(!decoder.has_partial(), "the marker is dropped at once");
        decoder.feed(b"q\x03");
        assert_eq!(decoder.next(false), Some(plain('q')));
        assert_eq!(decoder.next(false), Some(ctrl('c')));
        // A whole paste is read as the keys it holds, markers dropped.
        assert_eq!(
            events(b"\x1b[200~ab\x1b[201~"),
            vec![plain('a'), plain('b')]
        );
    }

    #[test]
    fn junk_sequences_are_bounded_and_skipped() {
        // An OSC reply, a DCS, an unknown CSI: nothing, then the key.
        assert_eq!(events(b"\x1b]11;rgb:0/0/0\x07q"), vec![plain('q')]);
        assert_eq!(events(b"\x1bP1$r0m\x1b\\q"), vec![plain('q')]);
        assert_eq!(events(b"\x1b[?62;22cq"), vec![plain('q')]);
        // A sequence that never ends is given up on once it is too long
        // (its ESC taken as Esc), so the keys inside still arrive.
        let mut long = b"\x1b]".to_vec();
        long.extend(std::iter::repeat_n(b'x', MAX_SEQUENCE + 10));
        let mut decoder = Decoder::default();
        decoder.feed(&long);
        assert_eq!(
            decoder.next(false),
            Some(key(KeyCode::Esc, KeyModifiers::NONE))
        );
        assert_eq!(decoder.next(false), Some(plain(']')));
        // An unfinished CSI once input pauses: Esc, then the keys.
        assert_eq!(
            events(b"\x1b[1;"),
            vec![
                key(KeyCode::Esc, KeyModifiers::NONE),
                plain('['),
                plain('1'),
                plain(';')
            ]
        );
    }

    #[test]
    fn mouse_wheel_and_clicks() {
        let at = |kind, column, row| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            events(b"\x1b[<65;10;5M\x1b[<64;1;1M\x1b[<0;12;3M\x1b[<0;12;3m"),
            vec![
                at(MouseEventKind::ScrollDown, 9, 4),
                at(MouseEventKind::ScrollUp, 0, 0),
                at(MouseEventKind::Down(MouseButton::Left), 11, 2),
                at(MouseEventKind::Up(MouseButton::Left), 11, 2),
            ]
        );
        // The old encoding: button 0 at column 3, row 2 (+32, 1-based).
        assert_eq!(
            events(&[0x1b, b'[', b'M', 32, 35, 34]),
            vec![at(MouseEventKind::Down(MouseButton::Left), 2, 1)]
        );
    }
}
