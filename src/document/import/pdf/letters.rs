//! The text of a glyph as a reader wants it: Arabic presentation forms
//! (U+FB50–FDFF, U+FE70–FEFC) back to letters, tatweel (kashida, which
//! only stretches a line) and zero-width no-break spaces dropped, no-break
//! spaces as spaces.

use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Tatweel: drawn to stretch justified Arabic lines.
pub const KASHIDA: char = '\u{0640}';

/// The glyph's text with the forms above undone.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            KASHIDA | '\u{FEFF}' | '\u{200B}' => {}
            '\u{A0}' => out.push(' '),
            '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}' => {
                out.extend(std::iter::once(c).nfkc())
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every character of `text` is a combining mark (harakat and the like),
/// drawn over a letter at no advance of its own.
pub fn is_mark(text: &str) -> bool {
    // Marks start at U+0300: most glyphs are settled by that alone.
    !text.is_empty()
        && text.chars().all(|c| {
            c >= '\u{0300}'
                && !('\u{0621}'..='\u{064A}').contains(&c)
                && c.general_category() == GeneralCategory::NonspacingMark
        })
}

/// A raised glyph run that is a footnote marker: digits (Latin or
/// Arabic-Indic), asterisks and daggers, or symbol-font glyphs.
pub fn is_marker_text(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            c.is_numeric()
                || matches!(c, '*' | '\u{2020}' | '\u{2021}')
                || ('\u{F000}'..='\u{F0FF}').contains(&c)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_forms_become_letters() {
        // lam-alef isolated (U+FEFB) is lam then alef; beh final (U+FE90) beh
        assert_eq!(normalize("\u{FEFB}"), "\u{0644}\u{0627}");
        assert_eq!(normalize("\u{FE90}"), "\u{0628}");
        // kashida inside "كـتاب" (book) goes
        assert_eq!(normalize("\u{0643}\u{0640}\u{062A}"), "\u{0643}\u{062A}");
        assert_eq!(normalize("a\u{A0}b"), "a b");
    }

    #[test]
    fn marks_and_markers() {
        assert!(is_mark("\u{064E}")); // fatha
        assert!(is_mark("\u{0651}\u{064E}")); // shadda, fatha
        assert!(!is_mark("\u{0628}\u{064E}"));
        assert!(is_marker_text("12") && is_marker_text("\u{0663}") && is_marker_text("*"));
        assert!(!is_marker_text("th"));
    }
}
