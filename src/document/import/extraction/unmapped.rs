//! Glyphs an extractor could not map to text, written as their font's
//! glyph number: pdfminer.six writes `(cid:22)` for each. Inside or at
//! the edge of an Arabic word they are the font's kashida (stretching)
//! glyphs, drawn to justify the line, never letters: they go. Elsewhere
//! they stay, for a reader to see that something was there.

use super::is_arabic_letter;

/// The line without the `(cid:N)` runs that touch an Arabic letter;
/// `None` when it has none.
pub fn drop_unmapped(line: &str) -> Option<String> {
    if !line.contains("(cid:") {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut changed = false;
    while let Some(at) = rest.find("(cid:") {
        let run = unmapped_run(&rest[at..]);
        out.push_str(&rest[..at]);
        let before = out.chars().next_back();
        let after = rest[at + run..].chars().next();
        if before.is_some_and(is_arabic_letter) || after.is_some_and(is_arabic_letter) {
            changed = true;
        } else {
            out.push_str(&rest[at..at + run]);
        }
        rest = &rest[at + run..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// The length of the run of `(cid:N)` tokens at the start of `s` (at
/// least the `(cid:` it starts with, when no token closes).
fn unmapped_run(s: &str) -> usize {
    let mut len = 0;
    while let Some(token) = s[len..].strip_prefix("(cid:") {
        let digits = token.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !token[digits..].starts_with(')') {
            break;
        }
        len += "(cid:".len() + digits + 1;
    }
    len.max("(cid:".len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kashida_glyphs_inside_arabic_words_go() {
        // تأخرت (was late), its kashida extracted as two (cid:22)
        assert_eq!(
            drop_unmapped("\u{62a}(cid:22)(cid:22)\u{623}\u{62e}\u{631}\u{62a}").unwrap(),
            "\u{62a}\u{623}\u{62e}\u{631}\u{62a}"
        );
        // At the end of a word, before a space.
        assert_eq!(drop_unmapped("\u{629}(cid:24) x").unwrap(), "\u{629} x");
    }

    #[test]
    fn other_unmapped_glyphs_and_clean_text_stay() {
        assert_eq!(drop_unmapped("Latin (cid:8) glyph"), None);
        assert_eq!(drop_unmapped("plain"), None);
        assert_eq!(drop_unmapped("(cid: broken \u{629}"), None);
    }
}
