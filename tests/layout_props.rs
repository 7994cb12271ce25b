//! Property tests of the layout invariants on random mixed text: Arabic
//! letters (lam and alef often, for ligatures), harakat, Latin, digits of
//! both kinds, brackets, spaces, C0/C1 controls, bidi controls, private-use
//! glyphs and zero-width joiners, at widths 1..200.

use hamish::layout::{layout_paragraph, sanitize, Direction, LayoutOptions};
use proptest::prelude::*;
use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_segmentation::UnicodeSegmentation;

const ALPHABET: &[char] = &[
    // Arabic letters: alef, lam (twice as likely), beh, teh, seen, ain, meem, noon, heh, waw, yeh, teh marbuta, alef with hamza, hamza
    '\u{0627}', '\u{0644}', '\u{0644}', '\u{0628}', '\u{062A}', '\u{0633}', '\u{0639}', '\u{0645}',
    '\u{0646}', '\u{0647}', '\u{0648}', '\u{064A}', '\u{0629}', '\u{0623}', '\u{0621}', '\u{0640}',
    // harakat: fathatan, fatha, damma, kasra, shadda, sukun, superscript alef
    '\u{064B}', '\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0670}',
    // Latin, digits, Arabic-Indic digits
    'a', 'b', 'Z', 'q', '0', '1', '9', '\u{0660}', '\u{0669}', // brackets and punctuation
    '(', ')', '[', ']', '{', '}', '<', '>', '\u{00AB}', '\u{00BB}', ',', '.', '\u{060C}', ':', '-',
    '/', '%', // spaces
    ' ', ' ', ' ', ' ', '\u{00A0}', '\t',
    // controls: NUL, LF, CR, ESC, DEL, NEL, CSI (C1)
    '\u{0}', '\n', '\r', '\u{1B}', '\u{7F}', '\u{85}', '\u{9B}', '\u{2029}', '\u{2028}',
    // bidi controls
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
    // private use (PDF symbol font), ZWJ, ZWNJ, wide CJK
    '\u{F02B}', '\u{F0B7}', '\u{200D}', '\u{200C}', '\u{4E2D}',
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..80)
        .prop_map(|v| v.into_iter().collect())
}

fn direction_strategy() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::Auto),
        Just(Direction::Ltr),
        Just(Direction::Rtl)
    ]
}

fn is_mark(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Mark
}

/// Graphemes the layout may leave out: bidi controls, whitespace at a row
/// break, and zero-width format characters with nothing to draw.
fn droppable(g: &str) -> bool {
    let first = g.chars().next().unwrap();
    sanitize::is_bidi_control(first)
        || g.chars().all(char::is_whitespace)
        || (sanitize::visible_symbol(first).is_none()
            && hamish::layout::width::grapheme_width(g) == 0
            && !is_mark(first))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn layout_invariants(text in text_strategy(), width in 1usize..200, shape: bool, direction in direction_strategy()) {
        let options = LayoutOptions { width, shape, direction, ..LayoutOptions::default() };
        let laid = layout_paragraph(&text, &options, &[]);
        prop_assert!(!laid.rows.is_empty(), "a paragraph has at least one row");

        let mut covered: Vec<(usize, usize)> = Vec::new();
        let mut row_spans = Vec::new();
        for (i, row) in laid.rows.iter().enumerate() {
            let cells = laid.row_cells(i);
            let sum: usize = cells.iter().map(|c| usize::from(c.width)).sum();
            prop_assert_eq!(sum, row.width);
            prop_assert!(row.indent + row.width <= width, "row {} is {} + {} wide at width {}", i, row.indent, row.width, width);
            for cell in cells {
                let shown = cell.text(&text);
                let first = shown.chars().next();
                prop_assert!(first.is_some(), "empty cell");
                prop_assert!(!is_mark(first.unwrap()), "cell starts with a combining mark: {:?}", shown);
                prop_assert!(!shown.chars().any(|c| c.is_control()), "raw control in {:?}", shown);
                prop_assert!(!shown.chars().any(sanitize::is_bidi_control), "bidi control in {:?}", shown);
                covered.push((cell.start as usize, cell.end as usize));
            }
            if let (Some(lo), Some(hi)) = (cells.iter().map(|c| c.start).min(), cells.iter().map(|c| c.end).max()) {
                row_spans.push((lo as usize, hi as usize));
            }
        }
        // Rows follow each other in logical order.
        for pair in row_spans.windows(2) {
            prop_assert!(pair[0].1 <= pair[1].0, "rows out of logical order: {:?}", pair);
        }
        // Cells cover disjoint grapheme-aligned ranges; every grapheme is shown
        // exactly once unless it may be dropped, and dropped whitespace only
        // sits between rows.
        covered.sort_unstable();
        for pair in covered.windows(2) {
            prop_assert!(pair[0].1 <= pair[1].0, "cells overlap: {:?}", pair);
        }
        for (at, g) in text.grapheme_indices(true) {
            let end = at + g.len();
            let holders = covered.iter().filter(|&&(s, e)| s <= at && end <= e).count();
            if holders == 0 {
                prop_assert!(droppable(g), "grapheme {:?} at {} was lost", g, at);
                if g.chars().all(char::is_whitespace) && !sanitize::is_bidi_control(g.chars().next().unwrap()) {
                    let inside = row_spans.iter().any(|&(lo, hi)| lo < at && end < hi);
                    prop_assert!(!inside, "space at {} dropped inside a row", at);
                }
            } else {
                prop_assert_eq!(holders, 1, "grapheme {:?} at {} shown more than once", g, at);
            }
        }
        for &(s, e) in &covered {
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }

    #[test]
    fn width_zero_never_panics(text in text_strategy(), shape: bool) {
        let options = LayoutOptions { width: 0, shape, ..LayoutOptions::default() };
        let laid = layout_paragraph(&text, &options, &[]);
        prop_assert!(laid.rows.is_empty());
    }
}

#[test]
fn empty_paragraph_is_one_empty_row() {
    for width in [0, 1, 80] {
        let laid = layout_paragraph(
            "",
            &LayoutOptions {
                width,
                ..LayoutOptions::default()
            },
            &[],
        );
        assert_eq!(laid.rows.len(), usize::from(width > 0));
        assert!(laid.cells.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The fast cluster path gives exactly unicode-segmentation's clusters.
    #[test]
    fn fast_clusters_match_unicode_segmentation(text in text_strategy()) {
        let ours: Vec<(usize, &str)> = hamish::layout::clusters::clusters(&text).collect();
        let theirs: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
        prop_assert_eq!(ours, theirs);
    }

    /// The same on text made only of characters the fast path takes.
    #[test]
    fn fast_clusters_on_simple_text(chars in prop::collection::vec(prop::sample::select(&[
        'a', 'Z', '0', ' ', '.', '(', '\u{A0}', '\u{AB}', '\u{E9}', '\u{0627}', '\u{0644}', '\u{0628}', '\u{060C}', '\u{061F}', '\u{0660}',
        '\u{06A4}', '\u{0640}', '\u{064B}', '\u{064E}', '\u{0651}', '\u{0652}', '\u{0670}', '\u{0610}', '\u{2013}', '\u{2026}', '\u{F02B}',
    ][..]), 0..60)) {
        let text: String = chars.into_iter().collect();
        let ours: Vec<(usize, &str)> = hamish::layout::clusters::clusters(&text).collect();
        let theirs: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
        let fast = matches!(hamish::layout::clusters::clusters(&text), hamish::layout::clusters::Clusters::Fast { .. });
        prop_assert!(fast, "took the full path");
        prop_assert_eq!(ours, theirs);
    }
}
