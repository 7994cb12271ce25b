//! Which column of a two-column page is read first.
//!
//! Right-to-left text is set right column first, left-to-right text left
//! column first, and most producers follow that; but some set Arabic
//! columns left to right (Typst's page columns do not follow the text's
//! direction). The numbers in the text say which: a document's numbered
//! headings (`1.` … or `أولاً:` …) and its note markers run in order, so
//! on a page where one column holds `ثانياً` and the other `أولاً`, the
//! column with `أولاً` comes first.
//!
//! - **Votes**: on each page, every pair of heading numbers (one in each
//!   column) votes for the column holding the smaller one; so does every
//!   pair of note markers. The document's columns follow the majority.
//! - **No votes** (no numbers, or as many each way): the direction of the
//!   text, by its letters: more Arabic letters than Latin ones, right
//!   column first.

use super::column_notes::page_markers;
use super::is_arabic_letter;
use crate::document::import::paginated::headings::heading_number;

/// Votes that settle the order: past them, no more pages are read.
const DECISIVE: i64 = 4;

/// Whether the right column is read first, from each two-column page's
/// column pieces (right, left), resolved to logical order. Pages are read
/// until their votes settle it.
pub fn right_first(pages: impl Iterator<Item = (Vec<String>, Vec<String>)>) -> bool {
    let mut votes = 0i64;
    let (mut arabic, mut latin) = (0usize, 0usize);
    for (right, left) in pages {
        let headings = |side: &[String]| -> Vec<u32> {
            side.iter().filter_map(|t| heading_number(t)).collect()
        };
        votes += vote(&headings(&right), &headings(&left));
        let markers = |side: &[String]| -> Vec<u32> {
            page_markers(side.iter().cloned()).into_iter().collect()
        };
        votes += vote(&markers(&right), &markers(&left));
        for c in right.iter().chain(&left).flat_map(|t| t.chars()) {
            arabic += usize::from(is_arabic_letter(c));
            latin += usize::from(c.is_ascii_alphabetic());
        }
        if votes.abs() >= DECISIVE {
            break;
        }
    }
    match votes {
        0 => arabic >= latin,
        v => v > 0,
    }
}

/// Pairs whose smaller number is on the right, less those on the left.
fn vote(right: &[u32], left: &[u32]) -> i64 {
    let mut v = 0;
    for r in right {
        for l in left {
            v += match r.cmp(l) {
                std::cmp::Ordering::Less => 1,
                std::cmp::Ordering::Greater => -1,
                std::cmp::Ordering::Equal => 0,
            };
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    // أولاً: تعريف (first: a definition), ثانياً: الصناعة (second: the craft)
    const FIRST: &str = "\u{623}\u{648}\u{644}\u{627}\u{64b}: \u{62a}\u{639}\u{631}\u{64a}\u{641}";
    const SECOND: &str =
        "\u{62b}\u{627}\u{646}\u{64a}\u{627}\u{64b}: \u{627}\u{644}\u{635}\u{646}\u{627}\u{639}\u{629}";

    fn side(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn the_column_with_the_first_heading_comes_first() {
        let left_first = [(side(&[SECOND, "text"]), side(&[FIRST, "text"]))];
        assert!(!right_first(left_first.into_iter()));
        let right_first_page = [(side(&["1. one"]), side(&["2. two", "3. three"]))];
        assert!(right_first(right_first_page.into_iter()));
    }

    #[test]
    fn with_no_numbers_the_script_decides() {
        let arabic = [(side(&[FIRST]), side(&["ab"]))];
        assert!(right_first(arabic.into_iter()));
        let english = [(side(&["an English column"]), side(&["another one here"]))];
        assert!(!right_first(english.into_iter()));
    }
}
