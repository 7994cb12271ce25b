//! The line every paginated source produces and the structure stage reads.
//!
//! A front end (text extraction, or the PDF reader in `import/pdf/`) turns its input
//! into pages of [`SourceLine`]s carrying whatever evidence it has: the text
//! in logical order always, indentation when the text shows it, position and
//! font facts when the source knows them. The stages decide from that
//! evidence alone, so a fix in one of them helps every front end.

use std::borrow::Cow;

/// What a source knows about how a line was set. A text extraction knows
/// none of it (every field `None`); a PDF knows most of it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LineEvidence {
    /// Left edge, in points from the left of the page.
    pub x: Option<f32>,
    /// Baseline, in points from the top of the page.
    pub y: Option<f32>,
    /// Font size in points (the most common size on the line).
    pub size: Option<f32>,
    /// Set in a bold face.
    pub bold: Option<bool>,
    /// Raised above the baseline of the lines around it (superscript).
    pub raised: Option<bool>,
    /// Smaller than the page's body text (footnote areas are).
    pub smaller: Option<bool>,
    /// Larger than the body text (headings and titles are).
    pub larger: Option<bool>,
    /// More space above it than between the lines of a paragraph: a new
    /// paragraph starts here.
    pub gap_before: Option<bool>,
    /// It stands where the pages' running head does (a source that knows
    /// the geometry says so): page furniture, whatever its words.
    pub running: Option<bool>,
}

/// One line of a paginated source.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceLine<'a> {
    /// The text in logical order, without the whitespace around it.
    pub text: Cow<'a, str>,
    /// The page it is on, 1 for the first.
    pub page: u32,
    /// Whitespace trimmed off the start (indentation, in characters).
    pub lead: u16,
    /// Whitespace trimmed off the end: extractions put the indent of a
    /// right-to-left line there.
    pub trail: u16,
    /// Its index among the source's lines, to say where things came from.
    pub index: u32,
    /// A separator rule: a drawn line, or a line of spaces or underscores
    /// that stands for one (footnote areas start after it).
    pub rule: bool,
    /// What else the source knows; a reference, as a text extraction
    /// (with hundreds of thousands of lines) knows none of it, and a PDF
    /// keeps its lines' evidence together, not in a box for each.
    pub evidence: Option<&'a LineEvidence>,
}

impl SourceLine<'_> {
    /// A line of text with no more evidence than its indentation.
    pub fn plain(text: &str, page: u32, index: u32, lead: usize, trail: usize) -> SourceLine<'_> {
        SourceLine {
            text: Cow::Borrowed(text),
            page,
            lead: clamp_u16(lead),
            trail: clamp_u16(trail),
            index,
            rule: false,
            evidence: None,
        }
    }
}

fn clamp_u16(n: usize) -> u16 {
    n.min(usize::from(u16::MAX)) as u16
}

/// A page of lines, top to bottom.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page<'a> {
    /// 1 for the first page of the source.
    pub number: u32,
    pub lines: Vec<SourceLine<'a>>,
}
