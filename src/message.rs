//! Every line hamish writes to stderr goes through here, so that a file
//! name, a config key or a warning quoting a document can never reach the
//! terminal as a control sequence (OSC 52 clipboard writes, `ESC c`,
//! CSI 6n, DCS, raw C1): controls become the same visible symbols the
//! screen shows, and bidi overrides and isolates are dropped so a name
//! cannot reorder the line around it.

use std::io::Write;

use crate::layout::sanitize::visible_symbol;

/// `text` with every control character shown as a visible symbol (line
/// breaks too: a message is one line) and bidi embedding, override and
/// isolate controls removed.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .map(|c| visible_symbol(c).unwrap_or(c))
        .collect()
}

/// Write `hamish: MESSAGE` on stderr, cleaned. A stderr that cannot be
/// written (closed, full) is ignored: there is nowhere left to say so.
pub fn report(message: impl std::fmt::Display) {
    let line = format!("hamish: {}\n", clean(&message.to_string()));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let osc52 = "a\u{1b}]52;c;aGk=\u{7}b";
        assert_eq!(clean(osc52), "a\u{241b}]52;c;aGk=\u{2407}b");
        let c1 = "x\u{9b}6n\u{90}q\u{9d}0;t\u{9c}";
        assert!(!clean(c1)
            .chars()
            .any(|c| ('\u{80}'..='\u{9f}').contains(&c)));
        assert_eq!(clean("two\nlines"), "two\u{240a}lines");
    }

    #[test]
    fn bidi_overrides_are_dropped_and_arabic_kept() {
        // "\u{645}\u{644}\u{641}" reads ملف, "file".
        assert_eq!(
            clean("\u{202e}\u{645}\u{644}\u{641}.txt\u{2066}"),
            "\u{645}\u{644}\u{641}.txt"
        );
    }
}
