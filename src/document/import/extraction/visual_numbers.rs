//! Numbers that pdfminer.six writes on lines of their own, put back after
//! the words they follow.
//!
//! pdfminer cuts a right-to-left line where a number breaks the run of
//! Arabic letters and lists the pieces from left to right, so a number
//! (a year, a count) comes just before the piece of line that stands at
//! its right: the words it follows in reading order (`1929` / `فيينا،`
//! for `فيينا، 1929`; a reference's year and its full stop, drawn at its
//! left end, come as `.` / `1929`). A number of three digits or more
//! (one or two may be a marker, a label or a heading's number:
//! `visual_notes`), with the punctuation drawn at its left, goes to the
//! end of the next line when that line has Arabic letters; the
//! punctuation, drawn left of it, reads after it. Never the page's first
//! or last line (a page number, a running head's year). Only text in
//! visual order (`Family::visual`) is read so.

use super::is_arabic_letter;
use crate::document::import::paginated::Page;

/// Put the lone numbers of every page after the words they follow.
pub fn place(pages: &mut [Page<'_>]) {
    for page in pages.iter_mut() {
        let lines = &mut page.lines;
        let filled: Vec<usize> = (0..lines.len())
            .filter(|&i| !lines[i].text.is_empty())
            .collect();
        let (Some(&first), Some(&(mut last))) = (filled.first(), filled.last()) else {
            continue;
        };
        // From the bottom up, so that removing lines keeps the indices
        // still to visit.
        let mut k = last;
        while k > first + 1 {
            k -= 1;
            let t = lines[k].text.trim();
            let digits = t.len() >= 3 && t.bytes().all(|b| b.is_ascii_digit());
            if !digits {
                continue;
            }
            let Some(r) = (k + 1..last).find(|&j| !lines[j].text.is_empty()) else {
                continue;
            };
            if !lines[r].text.chars().any(is_arabic_letter) {
                continue;
            }
            // Punctuation drawn at the number's left: the line before it.
            let p = (first + 1..k).rev().find(|&j| !lines[j].text.is_empty());
            let punct = p.filter(|&j| is_punctuation(&lines[j].text));
            let mut number = t.to_string();
            if let Some(j) = punct {
                number.push_str(lines[j].text.trim());
            }
            let joined = format!("{} {number}", lines[r].text.trim_end());
            lines[r].text = joined.into();
            lines.remove(k);
            last -= 1;
            if let Some(j) = punct {
                lines.remove(j);
                last -= 1;
                k = j;
            }
        }
    }
}

/// Only sentence punctuation (`.`, `،`).
fn is_punctuation(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '.' | ',' | '\u{60c}' | ';' | '\u{61b}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::document::import::extraction::test_pages::{page, texts};

    // فيينا، "Vienna," and سنة "year"
    const VIENNA: &str = "\u{641}\u{64a}\u{64a}\u{646}\u{627}\u{60c}";
    const YEAR: &str = "\u{633}\u{646}\u{629}";

    #[test]
    fn a_year_follows_the_words_at_its_right() {
        let mut pages = [page(&["head", ".", "1929", VIENNA, "1514", YEAR, "3"])];
        place(&mut pages);
        assert_eq!(
            texts(&pages[0]),
            [
                "head".to_string(),
                format!("{VIENNA} 1929."),
                format!("{YEAR} 1514"),
                "3".into()
            ]
        );
    }

    #[test]
    fn short_numbers_latin_lines_and_page_edges_stay() {
        let clean = ["2026", "12", YEAR, "1988", "London", "1929", VIENNA, "1930"];
        let mut pages = [page(&clean)];
        place(&mut pages);
        // 2026 opens the page and 1930 ends it; 12 may be a marker; 1988
        // is followed by Latin.
        let mut want: Vec<String> = clean[..5].iter().map(|s| s.to_string()).collect();
        want.push(format!("{VIENNA} 1929"));
        want.push("1930".into());
        assert_eq!(texts(&pages[0]), want);
    }
}
