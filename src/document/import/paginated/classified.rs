//! The stages' shared working copy of the source: every line of every page
//! in one sequence, each with what it has turned out to be so far. Each
//! stage reads the kinds the earlier ones gave and claims lines of its own.

use super::line::Page;

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

/// A line of the source as the stages see it. Kept small: a large file has
/// hundreds of thousands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    pub text: &'a str,
    /// Whitespace before and after the text (indentation is evidence).
    pub lead: u16,
    pub trail: u16,
    pub kind: Kind,
}

impl Line<'_> {
    /// Indented: 3+ spaces before left-to-right text, or on either side of
    /// right-to-left text (extractions put its indent at the end).
    pub fn indented(&self) -> bool {
        if super::text::rtl(self.text) {
            self.trail >= 3 || self.lead >= 3
        } else {
            self.lead >= 3
        }
    }
}

/// All lines of all pages in order: rules are separators, empty lines
/// blank, the rest body text until a stage says otherwise.
pub fn classify<'a>(pages: &'a [Page<'a>]) -> Vec<Line<'a>> {
    pages
        .iter()
        .flat_map(|page| page.lines.iter())
        .map(|source| {
            let kind = if source.rule {
                Kind::Separator
            } else if source.text.is_empty() {
                Kind::Blank
            } else {
                Kind::Body
            };
            Line {
                text: &source.text,
                lead: source.lead,
                trail: source.trail,
                kind,
            }
        })
        .collect()
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Lines for a stage's unit test: "" is blank, "---" a separator,
    /// anything else body text with its leading spaces as indentation.
    pub fn lines<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
        texts
            .iter()
            .map(|raw| {
                let text = raw.trim();
                let kind = match *raw {
                    "---" => Kind::Separator,
                    _ if text.is_empty() => Kind::Blank,
                    _ => Kind::Body,
                };
                Line {
                    text,
                    lead: (raw.len() - raw.trim_start().len()) as u16,
                    trail: (raw.len() - raw.trim_end().len()) as u16,
                    kind,
                }
            })
            .collect()
    }

    #[test]
    fn rules_blanks_and_body() {
        use crate::document::import::paginated::line::SourceLine;
        let mut rule = SourceLine::text("", 1, 1, 40, 0);
        rule.rule = true;
        let pages = [Page {
            number: 1,
            lines: vec![
                SourceLine::text("Text", 1, 0, 0, 0),
                rule,
                SourceLine::text("", 1, 2, 0, 0),
            ],
        }];
        let kinds: Vec<Kind> = classify(&pages).iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [Kind::Body, Kind::Separator, Kind::Blank]);
    }

    #[test]
    fn right_to_left_lines_are_indented_at_either_end() {
        // "فقرة" (paragraph) with its indent after it
        let l = lines(&["\u{0641}\u{0642}\u{0631}\u{0629}    "]);
        assert!(l[0].indented());
        assert!(!lines(&["Paragraph    "])[0].indented());
        assert!(lines(&["    Paragraph"])[0].indented());
    }
}
