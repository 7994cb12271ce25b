//! Messages for people: everything hamish writes to stderr (and the notices it
//! puts on the status line) passes through here, so text quoted from a
//! document, a file name or a config key never reaches a terminal as a raw
//! control sequence (OSC 52, `ESC c`, CSI 6n, DCS, 8-bit C1…).

use std::io::Write;

use crate::layout::sanitize::visible_symbol;

/// The most characters of one message; past this it is cut with "…", so a
/// message quoting a hostile document stays one readable line.
pub const MAX_CHARS: usize = 2000;

/// `text` made safe to show: C0 controls (newlines included, so a message
/// is always one line), ESC, DEL and C1 controls become the same visible
/// symbols the screen shows (␛, ␡, U+FFFD), and it is cut at [`MAX_CHARS`].
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_CHARS * 4));
    for (count, c) in text.chars().enumerate() {
        if count == MAX_CHARS {
            out.push('\u{2026}');
            break;
        }
        out.push(visible_symbol(c).unwrap_or(c));
    }
    out
}

/// Write `hamish: MESSAGE` to stderr, sanitized, as one line. A stderr that
/// cannot be written to (closed, full) is ignored: there is nowhere left to
/// say so, and it must not end the program.
pub fn report(text: &str) {
    let line = format!("hamish: {}\n", sanitize(text));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Problems of one kind, summarised when there are many: up to `keep` of
/// them as they are, else one line giving the count and the first.
/// `what` names the kind in the plural ("unknown settings").
pub fn summarise(problems: Vec<String>, what: &str, keep: usize) -> Vec<String> {
    if problems.len() <= keep {
        return problems;
    }
    let count = problems.len();
    let first = problems.into_iter().next().unwrap_or_default();
    vec![format!("{count} {what}; the first: {first}")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_symbols() {
        // OSC 52 (clipboard write) ended by BEL, `ESC c`, CSI 6n, a DCS and
        // the 8-bit CSI, OSC and DCS.
        let hostile =
            "a\u{1b}]52;c;aGk=\u{7}b\u{1b}cc\u{1b}[6nd\u{1b}Pq\u{1b}\\e\u{9b}\u{9d}\u{90}\u{7f}\nf";
        let safe = sanitize(hostile);
        assert!(
            !safe.chars().any(|c| c.is_control()),
            "no control left: {safe:?}"
        );
        assert!(safe.starts_with("a\u{241B}]52;c;aGk=\u{2407}b"), "{safe}");
        assert!(safe.contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{2421}\u{240A}f"));
    }

    #[test]
    fn arabic_and_symbols_pass_unchanged() {
        // "اكتوبر" and a tab, which is shown as a space as on screen.
        let text = "\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631} (x)\t\u{2022}";
        assert_eq!(
            sanitize(text),
            "\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631} (x) \u{2022}"
        );
    }

    #[test]
    fn long_messages_are_cut() {
        let long = "x".repeat(MAX_CHARS * 3);
        let safe = sanitize(&long);
        assert_eq!(safe.chars().count(), MAX_CHARS + 1);
        assert!(safe.ends_with('\u{2026}'));
    }

    #[test]
    fn many_problems_become_one_line() {
        let few: Vec<String> = (0..3).map(|i| format!("p{i}")).collect();
        assert_eq!(summarise(few.clone(), "problems", 3), few);
        let many: Vec<String> = (0..40_000).map(|i| format!("p{i}")).collect();
        assert_eq!(
            summarise(many, "unknown settings", 3),
            vec!["40000 unknown settings; the first: p0".to_string()]
        );
    }
}
