//! The one width function: how many terminal cells a grapheme cluster takes.
//!
//! Widths are summed per grapheme, never measured over a whole string, because
//! that is how terminals and ratatui advance the cursor: unicode-width gives the
//! string "لا" (lam, alef) width 1 as a ligature, but written grapheme by
//! grapheme it takes two cells.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cells taken by one grapheme cluster as the terminal draws it.
pub fn grapheme_width(grapheme: &str) -> usize {
    let mut chars = grapheme.chars();
    match (chars.next(), chars.next()) {
        // Most clusters are one character; its own width is the same answer
        // without the multi-character sequence rules.
        (Some(c), None) => c.width().unwrap_or(0),
        _ => grapheme.width(),
    }
}

/// Cells taken by `text` when written grapheme by grapheme.
pub fn text_width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lam_alef_is_two_cells_per_grapheme() {
        // "لا": lam, alef
        let lam_alef = "\u{0644}\u{0627}";
        assert_eq!(text_width(lam_alef), 2);
    }

    #[test]
    fn harakat_take_no_cell() {
        // "بَّ": beh with shadda and fatha is one cell
        assert_eq!(text_width("\u{0628}\u{0651}\u{064E}"), 1);
        assert_eq!(text_width("abc"), 3);
        assert_eq!(text_width("\u{4E2D}"), 2);
        // single characters: controls are no cell here (sanitize shows them)
        assert_eq!(grapheme_width("\u{1b}"), 0);
        assert_eq!(grapheme_width("\u{F02B}"), 1);
    }
}
