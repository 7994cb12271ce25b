//! Keeps document text from ever reaching the terminal as raw control sequences.
//!
//! Every C0 control, DEL and C1 control (U+0080..U+009F, which includes the
//! 8-bit CSI U+009B) is shown as a visible one-cell symbol instead. Bidi
//! formatting characters are not shown at all: they steer the bidi levels and
//! then vanish, as UAX #9 rule X9 says. Private-use characters are left alone.

/// The one-cell symbol shown in place of a control character, or `None` when
/// `c` is not a control character.
///
/// C0 controls and DEL use the Unicode "Control Pictures" block (␛ for ESC),
/// which every terminal font we know of draws in one cell; C1 controls have no
/// pictures, so they become U+FFFD. TAB is shown as a plain space: a reader
/// has no tab stops to honour, and a visible ␉ in prose only gets in the way.
pub fn visible_symbol(c: char) -> Option<char> {
    match c {
        '\t' => Some(' '),
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{FFFD}'),
        _ => None,
    }
}

/// Characters that only steer the bidi algorithm (explicit embeddings,
/// overrides, isolates and the implicit marks) and therefore produce no cell.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// True for text that contains anything [`visible_symbol`] would replace or
/// that would end a bidi paragraph (U+2029); lets the common case skip work.
pub fn needs_bidi_substitution(text: &str) -> bool {
    // On bytes: C0 and DEL are single bytes, C1 is 0xC2 0x80..=0x9F, and
    // U+2029 is 0xE2 0x80 0xA9; TAB is left alone.
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        (x < 0x20 && x != b'\t')
            || x == 0x7F
            || (x == 0xC2 && b.get(i + 1).is_some_and(|&n| (0x80..=0x9F).contains(&n)))
            || (x == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA9))
    })
}

/// The character the bidi algorithm should see instead of `c`, if any.
///
/// A control shown as a visible symbol must behave like the symbol it is
/// shown as (a neutral, class ON), not like a paragraph separator or a
/// boundary neutral. The stand-in has the same UTF-8 length, so byte offsets
/// into the original text stay valid for the levels the algorithm returns.
pub fn substitute_for_bidi(c: char) -> Option<char> {
    if c == '\t' {
        return None; // TAB is a segment separator (class S), which is what it is.
    }
    if visible_symbol(c).is_some() || c == '\u{2029}' {
        return Some(match c.len_utf8() {
            1 => '!',        // U+0021, class ON
            2 => '\u{00A1}', // ¡, class ON
            _ => '\u{2010}', // ‐ HYPHEN, class ON, 3 bytes like U+2029
        });
    }
    None
}

/// `text` with every character that needs it replaced by its stand-in for the
/// bidi algorithm; borrowed when nothing needs replacing.
pub fn text_for_bidi(text: &str) -> std::borrow::Cow<'_, str> {
    if !needs_bidi_substitution(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| substitute_for_bidi(c).unwrap_or(c))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_csi_become_visible() {
        assert_eq!(visible_symbol('\u{1b}'), Some('\u{241B}')); // ␛
        assert_eq!(visible_symbol('\u{9b}'), Some('\u{FFFD}')); // 8-bit CSI
        assert_eq!(visible_symbol('\u{7f}'), Some('\u{2421}')); // ␡
        assert_eq!(visible_symbol('\n'), Some('\u{240A}')); // ␊
        assert_eq!(visible_symbol('a'), None);
        assert_eq!(visible_symbol('\u{E02B}'), None); // private use passes through
    }

    #[test]
    fn substitutes_keep_byte_offsets() {
        let text = "a\u{1b}b\u{85}c\u{2029}d";
        let bidi = text_for_bidi(text);
        assert_eq!(bidi.len(), text.len());
        for (a, b) in text.char_indices().zip(bidi.char_indices()) {
            assert_eq!(a.0, b.0);
        }
        assert!(!bidi.contains('\u{2029}'));
    }

    #[test]
    fn the_byte_test_agrees_with_the_char_test() {
        for cp in 0..0x3000u32 {
            if let Some(c) = char::from_u32(cp) {
                let text = format!("a{c}b");
                assert_eq!(
                    needs_bidi_substitution(&text),
                    substitute_for_bidi(c).is_some(),
                    "U+{cp:04X}"
                );
            }
        }
    }

    #[test]
    fn bidi_controls_are_recognised() {
        for c in ['\u{200F}', '\u{202B}', '\u{2067}', '\u{2069}', '\u{061C}'] {
            assert!(is_bidi_control(c), "{:04X}", c as u32);
        }
        assert!(!is_bidi_control('\u{200D}')); // ZWJ joins; it is not a bidi control
    }
}
