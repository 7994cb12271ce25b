//! The stages' shared working copy of the source: every line of every page
//! in one sequence, each with what it has turned out to be so far. Each
//! stage reads the kinds the earlier ones gave and claims lines of its own.

use super::line::{Page, SourceLine};

/// What a line of the source turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Blank,
    /// A rule (or its stand-in) that opens a footnote area.
    Separator,
    /// Page numbers, running headers and footers.
    Furniture,
    /// The same text as the line before: an extraction artefact.
    Duplicate,
    /// Part of note n (index into the notes found).
    Note(u32),
    /// Body text: paragraphs, headings, list items.
    Body,
}

/// A line of the source as the stages see it: the line and its kind so
/// far. Kept small: a large file has hundreds of thousands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line<'a> {
    pub source: &'a SourceLine<'a>,
    pub kind: Kind,
}

impl<'a> Line<'a> {
    pub fn text(&self) -> &'a str {
        &self.source.text
    }

    /// What the source says of the line, when it says anything.
    fn evidence(&self) -> Option<&'a super::line::LineEvidence> {
        self.source.evidence
    }

    /// Set larger than the body text: a heading.
    pub fn larger(&self) -> bool {
        self.evidence().is_some_and(|e| e.larger == Some(true))
    }

    /// The source says it is set like the body text: neither larger nor
    /// bold (so no heading, however short).
    pub fn set_as_body(&self) -> bool {
        self.evidence()
            .is_some_and(|e| e.larger == Some(false) && e.bold == Some(false))
    }

    /// Set apart from the line above by more than a line's space.
    pub fn gap_before(&self) -> bool {
        self.evidence().is_some_and(|e| e.gap_before == Some(true))
    }

    /// Indented: 3+ spaces before left-to-right text, or on either side of
    /// right-to-left text (extractions put its indent at the end). A
    /// right-to-left line with 20+ spaces before it is a short line set
    /// flush right (`pdftotext -layout`'s last line of a paragraph), not an
    /// indented one.
    pub fn indented(&self) -> bool {
        let (lead, trail) = (self.source.lead, self.source.trail);
        if super::text::rtl(self.text()) {
            trail >= 3 || (3..20).contains(&lead)
        } else {
            lead >= 3
        }
    }
}

/// All lines of all pages in order: rules are separators, empty lines
/// blank, lines the source places as running heads furniture, the rest
/// body text until a stage says otherwise.
pub fn classify<'a>(pages: &'a [Page<'a>]) -> Vec<Line<'a>> {
    // Sized at once: a long document has many thousands of lines.
    let mut lines = Vec::with_capacity(pages.iter().map(|p| p.lines.len()).sum());
    let all = pages.iter().flat_map(|page| page.lines.iter());
    lines.extend(all.map(|source| {
        let running = source.evidence.is_some_and(|e| e.running == Some(true));
        let kind = if source.rule {
            Kind::Separator
        } else if source.text.is_empty() {
            Kind::Blank
        } else if running {
            Kind::Furniture
        } else {
            Kind::Body
        };
        Line { source, kind }
    }));
    lines
}

/// The lines of each page: (first, end) ranges of line indices.
pub fn page_ranges(lines: &[Line]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].source.page;
        let end = lines[start..]
            .iter()
            .position(|l| l.source.page != page)
            .map_or(lines.len(), |n| start + n);
        ranges.push((start, end));
        start = end;
    }
    ranges
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// A page for a stage's unit test: "" is blank, "---" a rule,
    /// anything else text with its spaces as indentation. Tests call
    /// `classify(&page(&[…]))`.
    pub fn page<'a>(texts: &[&'a str]) -> Vec<Page<'a>> {
        let lines = texts
            .iter()
            .enumerate()
            .map(|(i, raw)| {
                let text = raw.trim();
                let lead = raw.len() - raw.trim_start().len();
                let trail = raw.len() - raw.trim_end().len();
                let mut line = SourceLine::plain(text, 1, i as u32, lead, trail);
                line.rule = *raw == "---";
                line
            })
            .collect();
        vec![Page { number: 1, lines }]
    }

    #[test]
    fn rules_blanks_and_body() {
        let mut rule = SourceLine::plain("", 1, 1, 40, 0);
        rule.rule = true;
        let pages = [Page {
            number: 1,
            lines: vec![
                SourceLine::plain("Text", 1, 0, 0, 0),
                rule,
                SourceLine::plain("", 1, 2, 0, 0),
            ],
        }];
        let kinds: Vec<Kind> = classify(&pages).iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [Kind::Body, Kind::Separator, Kind::Blank]);
    }

    #[test]
    fn right_to_left_lines_are_indented_at_either_end() {
        // "فقرة" (paragraph) with its indent after it
        let p = page(&[
            "\u{0641}\u{0642}\u{0631}\u{0629}    ",
            "Paragraph    ",
            "    Paragraph",
        ]);
        let l = classify(&p);
        assert!(l[0].indented());
        assert!(!l[1].indented());
        assert!(l[2].indented());
        // Set flush right after 25 spaces: the short last line of a
        // paragraph in `pdftotext -layout`, not an indent.
        let flush = format!("{}\u{0641}\u{0642}\u{0631}\u{0629}", " ".repeat(25));
        let p = page(&[flush.as_str()]);
        assert!(!classify(&p)[0].indented());
    }
}
