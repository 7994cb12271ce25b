//! The side-by-side view's text: the English abstract in one pane, the
//! Arabic abstract (or the whole Arabic text) in the other, laid out so
//! that paragraph i of each starts on the same row.

use crate::document::{Document, SectionKind};
use crate::layout::{layout_paragraph, Direction, Laid, LayoutOptions};

/// Which pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Left,
    Right,
}

impl Pane {
    pub fn index(self) -> usize {
        match self {
            Pane::Left => 0,
            Pane::Right => 1,
        }
    }
}

/// One row of a pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaneRow {
    Text { para: usize, row: usize },
    Blank,
}

/// The texts of the two panes.
#[derive(Clone, Debug, Default)]
pub struct ParallelText {
    pub left: Vec<String>,
    pub right: Vec<String>,
    pub left_title: String,
    pub right_title: String,
    /// Said in the left pane when the document has no English abstract.
    pub left_missing: Option<String>,
    pub right_missing: Option<String>,
}

impl ParallelText {
    /// The English abstract and, on the right, the Arabic abstract or
    /// (`whole`) every Arabic paragraph of the document.
    pub fn new(doc: &Document, whole: bool) -> ParallelText {
        let paragraphs = |kind_ok: &dyn Fn(SectionKind, Option<&str>) -> bool| -> Vec<String> {
            doc.sections
                .iter()
                .filter(|s| kind_ok(s.kind, s.lang.as_deref()))
                .flat_map(|s| s.blocks.iter().map(|b| b.flat().text))
                .collect()
        };
        let left = paragraphs(&|k, lang| k == SectionKind::Abstract && lang == Some("en"));
        let right = if whole {
            paragraphs(&|k, lang| lang != Some("en") && k != SectionKind::Keywords)
        } else {
            paragraphs(&|k, lang| k == SectionKind::Abstract && lang == Some("ar"))
        };
        ParallelText {
            left_missing: left.is_empty().then(|| "This document has no English abstract.".to_string()),
            right_missing: right.is_empty().then(|| {
                // لا يوجد ملخص عربي (there is no Arabic abstract)
                "\u{0644}\u{0627} \u{064A}\u{0648}\u{062C}\u{062F} \u{0645}\u{0644}\u{062E}\u{0635} \u{0639}\u{0631}\u{0628}\u{064A}".to_string()
            }),
            left,
            right,
            left_title: "Abstract".to_string(),
            // الملخص (abstract) or النص كاملا (the whole text)
            right_title: if whole {
                "\u{0627}\u{0644}\u{0646}\u{0635} \u{0643}\u{0627}\u{0645}\u{0644}\u{0627}".to_string()
            } else {
                "\u{0627}\u{0644}\u{0645}\u{0644}\u{062E}\u{0635}".to_string()
            },
        }
    }
}

/// Both panes laid out and aligned.
#[derive(Clone, Debug, Default)]
pub struct ParallelLayout {
    pub widths: [usize; 2],
    pub laid: [Vec<Laid>; 2],
    pub rows: [Vec<PaneRow>; 2],
}

impl ParallelLayout {
    pub fn new(text: &ParallelText, widths: [usize; 2], base: LayoutOptions) -> ParallelLayout {
        let lay = |paras: &[String], width: usize, direction| -> Vec<Laid> {
            let options = LayoutOptions {
                width,
                direction,
                ..base
            };
            paras
                .iter()
                .map(|p| layout_paragraph(p, &options, &[]))
                .collect()
        };
        let laid = [
            lay(&text.left, widths[0], Direction::Ltr),
            lay(&text.right, widths[1], Direction::Auto),
        ];
        let mut rows: [Vec<PaneRow>; 2] = [Vec::new(), Vec::new()];
        let n = laid[0].len().max(laid[1].len());
        for para in 0..n {
            let heights = [
                laid[0].get(para).map_or(0, |l| l.rows.len()),
                laid[1].get(para).map_or(0, |l| l.rows.len()),
            ];
            let height = heights[0].max(heights[1]);
            for pane in 0..2 {
                for row in 0..height {
                    rows[pane].push(if row < heights[pane] {
                        PaneRow::Text { para, row }
                    } else {
                        PaneRow::Blank
                    });
                }
                if para + 1 < n {
                    rows[pane].push(PaneRow::Blank);
                }
            }
        }
        ParallelLayout { widths, laid, rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_start_on_the_same_row() {
        let text = ParallelText {
            left: vec!["one two three four five six".into(), "seven".into()],
            right: vec!["a".into(), "b c d e f g h i j k".into()],
            ..ParallelText::default()
        };
        let layout = ParallelLayout::new(&text, [10, 4], LayoutOptions::default());
        for pane in 0..2 {
            let start = layout.rows[pane]
                .iter()
                .position(|r| matches!(r, PaneRow::Text { para: 1, row: 0 }));
            assert!(start.is_some());
            assert_eq!(
                start,
                layout.rows[0]
                    .iter()
                    .position(|r| matches!(r, PaneRow::Text { para: 1, row: 0 }))
            );
        }
        assert_eq!(layout.rows[0].len(), layout.rows[1].len());
    }
}
