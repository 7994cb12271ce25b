//! The side-by-side view's text: the English abstract in one pane, the
//! Arabic abstract (or the whole Arabic text, headings and keywords
//! included) in the other, laid out so that paragraphs that say the same
//! thing start on the same row.
//!
//! Which paragraphs say the same thing: with as many paragraphs on each
//! side, paragraph i and paragraph i. With different counts (a journal's
//! three English paragraphs translating one Arabic one), paragraph i is
//! not the translation of paragraph i, and padding each pair would push
//! the English paragraphs two and three below the whole Arabic one, behind
//! a block of blank rows. So each paragraph of the longer side goes with
//! the paragraph of the shorter side that covers the same share of the
//! text (by length), and those groups start on the same row.

use std::ops::Range;

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
    /// Which right paragraphs are headings (the whole text's).
    pub right_headings: Vec<bool>,
    /// The right paragraphs that are the Arabic abstract, which the left
    /// pane is aligned with (the whole text has more before and after);
    /// empty: all of them.
    pub right_abstract: Range<usize>,
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
        let (right, right_headings, right_abstract) = if whole {
            whole_text(doc)
        } else {
            let right = paragraphs(&|k, lang| k == SectionKind::Abstract && lang == Some("ar"));
            let n = right.len();
            (right, vec![false; n], 0..n)
        };
        ParallelText {
            right_headings,
            right_abstract,
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

/// Every paragraph of the document not in English, each section led by its
/// heading (keywords included), which of them are headings, and where the
/// Arabic abstract's paragraphs are among them.
fn whole_text(doc: &Document) -> (Vec<String>, Vec<bool>, Range<usize>) {
    let mut text = Vec::new();
    let mut headings = Vec::new();
    let mut abstract_at = None;
    for s in doc
        .sections
        .iter()
        .filter(|s| s.lang.as_deref() != Some("en"))
    {
        if let Some(title) = &s.title {
            text.push(title.clone());
            headings.push(true);
        }
        let start = text.len();
        text.extend(s.blocks.iter().map(|b| b.flat().text));
        headings.resize(text.len(), false);
        if s.kind == SectionKind::Abstract && abstract_at.is_none() {
            abstract_at = Some(start..text.len());
        }
    }
    let abstract_at = abstract_at.unwrap_or(0..text.len());
    (text, headings, abstract_at)
}

/// Which paragraphs go together: pairs of ranges (left, right) that start
/// on the same row, in order, covering every paragraph of both sides
/// (`left` and `right` are the paragraphs' lengths). See the module's
/// comment for why.
pub fn groups(left: &[usize], right: &[usize]) -> Vec<(Range<usize>, Range<usize>)> {
    if left.len() == right.len() {
        return (0..left.len()).map(|i| (i..i + 1, i..i + 1)).collect();
    }
    if left.is_empty() || right.is_empty() {
        return vec![(0..left.len(), 0..right.len())];
    }
    let (few, many, swapped) = if left.len() < right.len() {
        (left, right, false)
    } else {
        (right, left, true)
    };
    // The paragraph of the shorter side whose share of the text holds the
    // middle of each paragraph of the longer side.
    let ends = |lens: &[usize]| -> Vec<f64> {
        let total = lens.iter().sum::<usize>().max(1) as f64;
        let mut sum = 0;
        lens.iter()
            .map(|l| {
                sum += l;
                sum as f64 / total
            })
            .collect()
    };
    let few_ends = ends(few);
    let many_ends = ends(many);
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for (i, &end) in many_ends.iter().enumerate() {
        let start = if i == 0 { 0.0 } else { many_ends[i - 1] };
        let middle = (start + end) / 2.0;
        let g = few_ends
            .iter()
            .position(|&e| middle <= e)
            .unwrap_or(few.len() - 1);
        match out.last_mut() {
            Some((f, m)) if f.end > g => m.end = i + 1,
            _ => {
                let from = out.last().map_or(0, |(f, _)| f.end);
                out.push((from..g + 1, i..i + 1));
            }
        }
    }
    if let Some((f, _)) = out.last_mut() {
        f.end = few.len();
    }
    if swapped {
        out.into_iter().map(|(f, m)| (m, f)).collect()
    } else {
        out
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
        let lens = |paras: &[String]| paras.iter().map(String::len).collect::<Vec<_>>();
        // (No abstract marked: the whole right pane goes with the left.)
        let ab = match text.right_abstract.clone() {
            ab if ab.is_empty() => 0..text.right.len(),
            ab => ab.start.min(text.right.len())..ab.end.min(text.right.len()),
        };
        let mut blocks: Vec<(Range<usize>, Range<usize>)> = vec![(0..0, 0..ab.start)];
        blocks.extend(
            groups(&lens(&text.left), &lens(&text.right[ab.clone()]))
                .into_iter()
                .map(|(l, r)| (l, r.start + ab.start..r.end + ab.start)),
        );
        blocks.push((text.left.len()..text.left.len(), ab.end..text.right.len()));
        blocks.retain(|(l, r)| !l.is_empty() || !r.is_empty());
        let mut rows: [Vec<PaneRow>; 2] = [Vec::new(), Vec::new()];
        for (g, (l, r)) in blocks.iter().enumerate() {
            if g > 0 {
                rows.iter_mut().for_each(|p| p.push(PaneRow::Blank));
            }
            for (pane, range) in [l, r].into_iter().enumerate() {
                for para in range.clone() {
                    if para > range.start {
                        rows[pane].push(PaneRow::Blank);
                    }
                    let n = laid[pane][para].rows.len();
                    rows[pane].extend((0..n).map(|row| PaneRow::Text { para, row }));
                }
            }
            let end = rows[0].len().max(rows[1].len());
            rows.iter_mut().for_each(|p| p.resize(end, PaneRow::Blank));
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

    #[test]
    fn paragraphs_pair_by_their_share_of_the_text() {
        // As many on each side: one by one.
        assert_eq!(groups(&[5, 9], &[7, 7]), [(0..1, 0..1), (1..2, 1..2)]);
        // Three English paragraphs translating one Arabic one: one group.
        assert_eq!(groups(&[400, 300, 200], &[900]), [(0..3, 0..1)]);
        // Four against two of equal length: two and two.
        assert_eq!(groups(&[1, 1, 1, 1], &[2, 2]), [(0..2, 0..1), (2..4, 1..2)]);
        // The shorter side on the left works the same way.
        assert_eq!(groups(&[2, 2], &[1, 1, 1, 1]), [(0..1, 0..2), (1..2, 2..4)]);
    }

    #[test]
    fn three_english_paragraphs_follow_each_other_beside_one_arabic_one() {
        let text = ParallelText {
            left: vec!["a b c".into(), "d e f".into(), "g h i".into()],
            right: vec!["x ".repeat(30)],
            ..ParallelText::default()
        };
        let layout = ParallelLayout::new(&text, [6, 6], LayoutOptions::default());
        let starts: Vec<usize> = (0..3)
            .map(|p| {
                layout.rows[0]
                    .iter()
                    .position(|r| *r == PaneRow::Text { para: p, row: 0 })
                    .unwrap()
            })
            .collect();
        // Each is one row: a blank row between them, not the Arabic
        // paragraph's thirty rows.
        assert_eq!(starts, [0, 2, 4]);
    }
}
