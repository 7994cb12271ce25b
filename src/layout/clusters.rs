//! Grapheme clusters, fast for the text these essays are made of.
//!
//! unicode-segmentation implements every rule of UAX #29 and is the
//! authority; it is also the largest single cost of laying out Arabic prose.
//! For a paragraph whose characters are all "simple" (ASCII, Latin-1
//! letters and signs, the Arabic block's letters, digits and punctuation,
//! the common punctuation of U+2010..U+2027, private-use glyphs) and
//! harakat, the rules reduce to: every simple character starts a cluster,
//! and a haraka joins the cluster before it (GB9). Other paragraphs go to
//! unicode-segmentation. A property test checks both give the same
//! clusters.

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};

/// Grapheme_Cluster_Break = Other, with no special rule (GB999), and one
/// cell wide (a unit test checks this against unicode-width).
pub fn simple_base(c: char) -> bool {
    matches!(c,
        '\u{20}'..='\u{7E}'
        | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{FF}'
        | '\u{0606}'..='\u{060F}' | '\u{061B}'..='\u{064A}' | '\u{0660}'..='\u{066F}' | '\u{0671}'..='\u{06D5}'
        | '\u{2010}'..='\u{2027}'
        | '\u{E000}'..='\u{F8FF}')
        // U+061C ARABIC LETTER MARK is a format character (Control)
        && c != '\u{061C}'
}

/// Grapheme_Cluster_Break = Extend: harakat and other Arabic marks.
fn simple_extend(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Clusters of a paragraph with their byte offsets.
pub enum Clusters<'a> {
    Fast { text: &'a str, at: usize },
    Full(GraphemeIndices<'a>),
}

/// The grapheme clusters of `text`.
pub fn clusters(text: &str) -> Clusters<'_> {
    if text.chars().all(|c| simple_base(c) || simple_extend(c)) {
        Clusters::Fast { text, at: 0 }
    } else {
        Clusters::Full(text.grapheme_indices(true))
    }
}

impl Clusters<'_> {
    /// The fast path was taken: every cluster is a simple base character
    /// (one cell) with its harakat, or a haraka alone.
    pub fn is_fast(&self) -> bool {
        matches!(self, Clusters::Fast { .. })
    }
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Clusters::Full(g) => g.next(),
            Clusters::Fast { text, at } => {
                let start = *at;
                let rest = &text[start..];
                let mut chars = rest.char_indices();
                let (_, first) = chars.next()?;
                let mut end = first.len_utf8();
                for (i, c) in chars {
                    if !simple_extend(c) {
                        break;
                    }
                    end = i + c.len_utf8();
                }
                *at = start + end;
                Some((start, &rest[..end]))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_bases_are_one_cell() {
        use unicode_width::UnicodeWidthChar;
        for cp in 0..0x10000u32 {
            if let Some(c) = char::from_u32(cp) {
                if simple_base(c) {
                    assert_eq!(c.width(), Some(1), "U+{cp:04X}");
                }
                if simple_extend(c) {
                    assert_eq!(c.width(), Some(0), "U+{cp:04X}");
                }
            }
        }
    }

    #[test]
    fn harakat_join_their_letter_and_a_lone_one_stands_alone() {
        // fatha alone, then "بَّت" (beh shadda fatha, teh)
        let text = "\u{064E}\u{0628}\u{0651}\u{064E}\u{062A}";
        let fast: Vec<_> = clusters(text).collect();
        let full: Vec<_> = text.grapheme_indices(true).collect();
        assert_eq!(fast, full);
        assert!(matches!(clusters(text), Clusters::Fast { .. }));
        // Anything else (an emoji, a control) takes the full path.
        assert!(matches!(clusters("a\u{1F600}"), Clusters::Full(_)));
        assert!(matches!(clusters("a\u{1b}"), Clusters::Full(_)));
    }
}
