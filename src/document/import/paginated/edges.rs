//! Furniture at the edges of pages, for sources that say where pages end
//! (a form feed, a PDF page): the running header and footer and the page
//! number, wherever they sit in the extraction's order.
//!
//! - **Edges**: the first two and the last three text lines of a page
//!   (extractors put the header first or last, the page number last).
//! - **Page number** at an edge: `12`, `(12)`, `- ١٢ -`, `صفحة 2 من 4`, or
//!   its pieces on their own lines (`صفحة1`, `من2`; `-`, `1`, `-`), Latin
//!   or Arabic-Indic.
//! - **Recurring edge line**: the same text at an edge of two or more
//!   pages once digits are ignored (`العدد 2` and `العدد 3`); each page
//!   counts once, so a header that alternates between odd and even pages
//!   recurs within its own set. Below the first page's own header, the
//!   essay's title stays, though later pages repeat it as their header.
//! - **Title words**: the first line of a later page made only of words
//!   of the first page's opening lines (title and author), two or more:
//!   the running header `Author: Short title`, which a short essay prints
//!   on one even page only, so it never recurs.
//! - **Header words** at the very top or bottom of a page (or next to its
//!   page number there): a line of a few words naming a journal, volume,
//!   issue or year (`furniture`'s test).
//!
//! Sources of one page (seed 000, pasted text) have no edges to compare;
//! the stage leaves them to `furniture`.

use std::collections::HashMap;

use super::classified::{page_ranges, Kind, Line};
use super::furniture::{looks_like_running_header, names_a_journal};
use super::text::char_len;

const TOP: usize = 2;
const BOTTOM: usize = 3;

/// A page number as printed, any digits, with the words around it.
pub fn is_page_number(t: &str) -> bool {
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let digit = |c: char| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c);
    let number = |s: &str| (1..=4).contains(&s.chars().count()) && s.chars().all(digit);
    // صفحة (page), من (of)
    let t = t.strip_prefix("\u{635}\u{641}\u{62d}\u{629}").unwrap_or(&t);
    if let Some((page, of)) = t.split_once("\u{645}\u{646}") {
        return (page.is_empty() || number(page)) && number(of);
    }
    let core = t.trim_matches(|c| "()[]-–—".contains(c));
    number(core)
}

/// The line's text with its digits and spaces out, to compare headers
/// across pages.
fn key(t: &str) -> String {
    t.chars()
        .filter(|c| {
            !c.is_whitespace() && !c.is_ascii_digit() && !('\u{660}'..='\u{669}').contains(c)
        })
        .collect()
}

/// The body line between line `i` and the page's edge is a page number.
fn beside_page_number(lines: &[Line], i: usize, at_top: bool) -> bool {
    let page = lines[i].source.page;
    let same = |l: &&Line| l.source.page == page && matches!(l.kind, Kind::Body | Kind::Furniture);
    let outer = if at_top {
        lines[..i].iter().rev().find(same)
    } else {
        lines[i + 1..].iter().find(same)
    };
    outer.is_some_and(|l| is_page_number(l.text()))
}

/// How many of the first page's lines open it: header, title, author.
const OPENING: usize = 4;

/// The words of a line, without the punctuation between them.
fn words(t: &str) -> impl Iterator<Item = &str> {
    t.split(|c: char| c.is_whitespace() || ":\u{60c},.-\u{2013}".contains(c))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// The text lines at the edges of each page, as (line index, from the
/// nearest edge: 0 is the first or last line, at the top).
fn edges(lines: &[Line]) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for (start, end) in page_ranges(lines) {
        // A running head the source placed by geometry is furniture
        // already, and still the page's first edge line.
        let body: Vec<usize> = (start..end)
            .filter(|&i| matches!(lines[i].kind, Kind::Body | Kind::Furniture))
            .collect();
        let top = body
            .iter()
            .take(TOP)
            .enumerate()
            .map(|(d, &i)| (i, d, true));
        let bottom = body
            .iter()
            .rev()
            .take(BOTTOM)
            .enumerate()
            .map(|(d, &i)| (i, d, false));
        let mut seen = Vec::new();
        for (i, depth, at_top) in top.chain(bottom) {
            if !seen.contains(&i) {
                seen.push(i);
                out.push((i, depth, at_top));
            }
        }
    }
    out
}

/// Mark page numbers and running lines at the edges of pages; false when
/// the source has one page (nothing to compare).
pub fn mark(lines: &mut [Line]) -> bool {
    let pages =
        lines.last().map_or(0, |l| l.source.page) - lines.first().map_or(0, |l| l.source.page);
    if pages == 0 {
        return false;
    }
    let edges = edges(lines);
    let mut count: HashMap<String, (usize, u32)> = HashMap::new();
    for &(i, _, _) in &edges {
        let k = key(lines[i].text());
        let entry = count.entry(k).or_insert((0, 0));
        if entry.1 != lines[i].source.page {
            *entry = (entry.0 + 1, lines[i].source.page);
        }
    }
    let first_page = lines.first().map_or(0, |l| l.source.page);
    let opening: Vec<&str> = lines
        .iter()
        .filter(|l| l.kind == Kind::Body && l.source.page == first_page)
        .take(OPENING)
        .flat_map(|l| words(l.text()))
        .collect();
    for &(i, depth, at_top) in &edges {
        let t = lines[i].text();
        let k = key(t);
        // The essay's title under the first page's own header recurs as
        // the running header of later pages: on the first page it stays.
        let title = at_top && depth > 0 && lines[i].source.page == first_page;
        let recurring = !title && k.chars().count() >= 2 && count.get(&k).is_some_and(|c| c.0 >= 2);
        // Next to the page number, the header is still at the edge (but a
        // year alone there may end a reference).
        let beside = depth == 1 && beside_page_number(lines, i, at_top) && names_a_journal(t);
        let named = char_len(t) <= 60 && (depth == 0 && looks_like_running_header(t) || beside);
        let titled = at_top
            && depth == 0
            && lines[i].source.page != first_page
            && char_len(t) <= 80
            && (2..=10).contains(&words(t).count())
            && words(t).all(|w| opening.contains(&w));
        // Set larger than the text (a source that knows sizes says so), it
        // is a title whose words a running header may repeat.
        // `-1-` written as `-`, `1`, `-` on lines of their own (PyMuPDF):
        // a dash alone at an edge, next to the page number, is its piece.
        let dash = !t.is_empty()
            && t.chars().all(|c| "-\u{2013}\u{2014}".contains(c))
            && (beside_page_number(lines, i, at_top) || beside_page_number(lines, i, !at_top));
        if (is_page_number(t) || recurring || named || titled || dash) && !lines[i].larger() {
            lines[i].kind = Kind::Furniture;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::import::paginated::line::{LineEvidence, Page, SourceLine};

    fn pages<'a>(texts: &[&[&'a str]]) -> Vec<Page<'a>> {
        texts
            .iter()
            .enumerate()
            .map(|(p, lines)| Page {
                number: p as u32 + 1,
                lines: lines
                    .iter()
                    .enumerate()
                    .map(|(i, t)| SourceLine::plain(t, p as u32 + 1, i as u32, 0, 0))
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn page_numbers_in_their_forms() {
        // - ١٢ -, صفحة 2 من 4 (page 2 of 4), and its pieces
        for t in [
            "12",
            "(12)",
            "- \u{661}\u{662} -",
            "\u{635}\u{641}\u{62d}\u{629} 2 \u{645}\u{646} 4",
            "\u{635}\u{641}\u{62d}\u{629}1",
            "\u{645}\u{646}2",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["12345", "p. 12", "1. Introduction", ""] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    /// The pages' body lines once the edges are marked.
    fn body_after_marking(p: &[Page]) -> Vec<String> {
        let mut lines = crate::document::import::paginated::classified::classify(p);
        mark(&mut lines);
        lines
            .iter()
            .filter(|l| l.kind == Kind::Body)
            .map(|l| l.text().to_string())
            .collect()
    }

    #[test]
    fn a_page_number_written_over_three_lines_goes_whole() {
        // -1- as PyMuPDF writes it: `-`, `1`, `-`; a dash elsewhere stays.
        let p = pages(&[
            &[
                "Text of the first page",
                "- a dash in the text",
                "-",
                "1",
                "-",
            ],
            &["Text of the second page", "-", "more text", "-", "2", "-"],
        ]);
        assert_eq!(
            body_after_marking(&p),
            [
                "Text of the first page",
                "- a dash in the text",
                "Text of the second page",
                "-",
                "more text"
            ]
        );
    }

    #[test]
    fn headers_alternating_between_odd_and_even_pages_go() {
        let p = pages(&[
            &["Journal of Margins", "Title of the essay", "Text one.", "1"],
            &["Vol. 3, issue 2", "Text two.", "More text two.", "2"],
            &["Journal of Margins", "Text three.", "More text three.", "3"],
            &["Vol. 3, issue 4", "Text four.", "The end.", "4"],
        ]);
        let kept = body_after_marking(&p);
        assert_eq!(
            kept,
            [
                "Title of the essay",
                "Text one.",
                "Text two.",
                "More text two.",
                "Text three.",
                "More text three.",
                "Text four.",
                "The end."
            ]
        );
    }

    #[test]
    fn a_running_head_placed_by_the_source_is_still_the_top_edge() {
        // The PDF front end says where the running heads stand.
        let head = LineEvidence {
            running: Some(true),
            ..LineEvidence::default()
        };
        let mut p = pages(&[
            &["Journal of Margins", "Text one.", "1"],
            &["Author: a title", "Ibn Jubayr, Travels, Beirut, 1964.", "2"],
        ]);
        for page in &mut p {
            page.lines[0].evidence = Some(&head);
        }
        let kept = body_after_marking(&p);
        // The reference under the head carries a year, as headers do, but
        // it is not at the page's edge.
        assert_eq!(kept, ["Text one.", "Ibn Jubayr, Travels, Beirut, 1964."]);
    }

    #[test]
    fn a_header_of_the_author_and_title_words_goes() {
        let p = pages(&[
            &[
                "Journal of Margins",
                "The Map of al-Idrisi",
                "Sami Attar",
                "Text one.",
            ],
            &["Attar: The Map", "Text two.", "The Map goes on.", "2"],
            &["Text three, The Map.", "More text three.", "3"],
        ]);
        let mut lines = crate::document::import::paginated::classified::classify(&p);
        mark(&mut lines);
        assert_eq!(lines[4].kind, Kind::Furniture);
        assert_eq!(lines[6].kind, Kind::Body);
        assert_eq!(lines[8].kind, Kind::Body);
    }

    #[test]
    fn a_journal_header_written_before_the_page_number_goes() {
        // PyMuPDF writes an even page's header at its foot.
        let p = pages(&[
            &["Text one.", "More text one.", "1"],
            &["Text two.", "More text two.", "Journal of Margins", "2"],
        ]);
        let mut lines = crate::document::import::paginated::classified::classify(&p);
        mark(&mut lines);
        assert_eq!(lines[5].kind, Kind::Furniture);
        assert_eq!(lines[4].kind, Kind::Body);
    }

    #[test]
    fn one_page_is_left_alone() {
        let p = pages(&[&["Journal of Margins, 2026", "Text.", "1"]]);
        let mut lines = crate::document::import::paginated::classified::classify(&p);
        mark(&mut lines);
        assert!(lines.iter().all(|l| l.kind == Kind::Body));
    }
}
