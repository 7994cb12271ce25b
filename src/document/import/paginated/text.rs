//! What the characters of a line say, shared by the stages: direction,
//! symbol-font glyphs (footnote markers and bullets), URLs.

/// Symbol-font glyphs that are bullets (Symbol •, Wingdings ▪ § ✓ ■ ❖).
pub const BULLET_GLYPHS: &[char] = &[
    '\u{F0B7}', '\u{F0A7}', '\u{F0FC}', '\u{F06E}', '\u{F076}', '\u{F0D8}', '\u{F0A8}',
];
/// Bullets as ordinary characters.
pub const BULLETS: &[char] = &['•', '▪', '◦', '●', '■'];

/// A glyph of a symbol font mapped to the private use area (U+F000–F0FF),
/// as extractions write Symbol and Wingdings glyphs.
pub fn is_symbol_glyph(c: char) -> bool {
    ('\u{F000}'..='\u{F0FF}').contains(&c)
}

/// A symbol-font glyph that is not a bullet: journals set footnote markers
/// so (seed 000's U+F02B).
pub fn is_marker_glyph(c: char) -> bool {
    is_symbol_glyph(c) && !BULLET_GLYPHS.contains(&c)
}

/// Hebrew, Arabic, Syriac, Thaana… and their presentation forms.
pub fn is_rtl_char(c: char) -> bool {
    ('\u{0590}'..='\u{08FF}').contains(&c) || ('\u{FB1D}'..='\u{FEFF}').contains(&c)
}

/// Direction of a line from its first strong letter.
pub fn rtl(text: &str) -> bool {
    // RTL letters first: is_alphabetic is slow outside ASCII.
    text.chars()
        .find(|&c| c.is_ascii_alphabetic() || is_rtl_char(c) || c.is_alphabetic())
        .is_some_and(is_rtl_char)
}

pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// A line that is a URL, or the rest of one broken across lines.
pub fn is_url_line(t: &str) -> bool {
    let t = t.trim();
    if t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") {
        return true;
    }
    // The rest of a URL broken across lines: "example.org/path…"
    let token = t.split_whitespace().next().unwrap_or("");
    let host = token.split('/').next().unwrap_or("");
    token.contains('/')
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// A bulleted line: the text after the bullet.
pub fn bullet_item(t: &str) -> Option<&str> {
    let first = t.chars().next()?;
    (BULLET_GLYPHS.contains(&first) || BULLETS.contains(&first))
        .then(|| t[first.len_utf8()..].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_comes_from_the_first_letter() {
        // "1917 الثورة" (the revolution): digits are not letters
        assert!(rtl("1917 \u{0627}\u{0644}\u{062B}\u{0648}\u{0631}\u{0629}"));
        assert!(!rtl("(1) Lenin \u{0644}\u{064A}\u{0646}\u{064A}\u{0646}"));
        assert!(!rtl("1917"));
    }

    #[test]
    fn marker_glyphs_are_symbol_glyphs_that_are_not_bullets() {
        assert!(is_marker_glyph('\u{F02B}'));
        assert!(!is_marker_glyph('\u{F0B7}'));
        assert!(!is_marker_glyph('*'));
    }

    #[test]
    fn urls_and_their_broken_rest() {
        assert!(is_url_line("https://example.org/a-"));
        assert!(is_url_line("  www.marefa.org"));
        assert!(is_url_line("example.org/b_c and more"));
        assert!(!is_url_line("and/or so."));
        assert!(!is_url_line("The end."));
    }

    #[test]
    fn bullets_start_items() {
        assert_eq!(bullet_item("\u{F0B7}  First entry"), Some("First entry"));
        assert_eq!(bullet_item("\u{2022} Second"), Some("Second"));
        assert_eq!(bullet_item("\u{F02B} a marker, not a bullet"), None);
    }
}
