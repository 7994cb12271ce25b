//! `pdftext`: text extracted from a PDF (seed 000): hard-wrapped lines,
//! blank-line noise, page furniture, footnote areas after separator lines,
//! symbol-font glyphs, and right-to-left runs written in the wrong order.
//!
//! This front end only turns the text into pages of lines in logical order
//! (`extraction` reads which extractor wrote it and undoes its ordering;
//! a form feed starts a page; a line of 20+ spaces, or of 10+ `_`/`-`,
//! stands for the rule above a footnote area); the shared `paginated`
//! stage finds the structure.

use std::borrow::Cow;

use crate::document::import::extraction::columns::{self, Part};
use crate::document::import::extraction::{
    column_order, is_arabic_letter, raw_pieces, visual_notes, visual_numbers, Family,
};
use crate::document::import::paginated::{self, Page, SourceLine};
use crate::document::model::{Document, Format};

pub fn import(text: &str) -> Document {
    paginated::build(&pages(text), Format::Pdftext)
}

/// Each line of the text and what it became (`convert --to outline`).
pub fn outline(text: &str) -> String {
    paginated::outline(&pages(text), Format::Pdftext)
}

/// The text's lines, page by page, each in logical order. A line is on
/// the page where it starts (pdftotext puts the form feed at the start of
/// a page's first line). A page set in two columns side by side
/// (`pdftotext -layout`) is read one column after the other.
pub fn pages(text: &str) -> Vec<Page<'_>> {
    let family = Family::of(text);
    let paged = text.contains('\u{c}');
    let resolve = |raw: &str| family.line(raw).into_owned();
    let raw_pages = raw_pages(text);
    // Which column comes first is read from the whole text's two-column pages.
    let right_first = !paged || {
        let sides = raw_pages
            .iter()
            .filter_map(|lines| columns::sides(&texts_of(lines), &resolve));
        column_order::right_first(sides)
    };
    let mut pages: Vec<Page> = raw_pages
        .into_iter()
        .enumerate()
        .map(|(p, lines)| {
            let number = p as u32 + 1;
            let texts = texts_of(&lines);
            let reordered = || columns::reorder(&texts, &resolve, right_first);
            let ordered: Vec<(usize, &str, Part)> = match paged.then(reordered).flatten() {
                Some(order) => order
                    .into_iter()
                    .map(|(i, t, part)| (lines[i].0, t, part))
                    .collect(),
                None => lines
                    .into_iter()
                    .map(|(i, t)| (i, t, Part::Whole))
                    .collect(),
            };
            let right_edge = right_column_edge(&ordered);
            let mut lines: Vec<SourceLine> = ordered
                .into_iter()
                .map(|(index, raw, part)| {
                    let mut line = source_line(raw, family.line(raw), number, index as u32);
                    line.rule = part == Part::Whole && is_rule(raw);
                    in_its_column(&mut line, part, right_edge);
                    line
                })
                .collect();
            if family.paged {
                punctuation_back(&mut lines);
                bracketed_labels(&mut lines);
            }
            if family.word_runs && !family.runs_in_reading_order {
                raw_pieces::rejoin(&mut lines);
            }
            Page { number, lines }
        })
        .collect();
    if family.visual {
        visual_notes::place(&mut pages);
        visual_numbers::place(&mut pages);
    }
    pages
}

/// Where the right column's lines start, past the gutter its pieces
/// start at: the number of spaces most of them open with (a justified
/// column's lines all start at its edge).
fn right_column_edge(pieces: &[(usize, &str, Part)]) -> u16 {
    let mut counts = std::collections::HashMap::new();
    for p in pieces
        .iter()
        .filter(|p| p.2 == Part::Right && !p.1.trim().is_empty())
    {
        *counts
            .entry(p.1.len() - p.1.trim_start().len())
            .or_insert(0) += 1;
    }
    let lead = counts
        .into_iter()
        .max_by_key(|&(lead, n)| (n, std::cmp::Reverse(lead)));
    lead.map_or(0, |(lead, _)| lead.min(usize::from(u16::MAX)) as u16)
}

/// A column's piece indented as in its column: the right column's from
/// its left edge, and the left column's with no trailing spaces (they
/// run to the gutter: right-to-left lines end ragged there in an
/// extraction's character cells, as a one-column page's lines end ragged
/// at the right margin, which no extraction keeps as spaces). A column is
/// about half the page's width, so its indents count double, as they
/// would on the page the structure stage's measures are made for (a short
/// last line set flush right 12 spaces in is 24 on a page). Runs of
/// spaces inside it are a justified line's, one space each.
fn in_its_column(line: &mut SourceLine, part: Part, right_edge: u16) {
    // Inside a column, runs of spaces are justification, not layout.
    if part != Part::Whole && line.text.contains("  ") {
        let words: Vec<&str> = line.text.split_whitespace().collect();
        line.text = Cow::Owned(words.join(" "));
    }
    match part {
        Part::Right => line.lead = line.lead.saturating_sub(right_edge).saturating_mul(2),
        Part::Left => {
            line.lead = line.lead.saturating_mul(2);
            line.trail = 0;
        }
        Part::Whole => return,
    }
    // A right-to-left line's start in a column's character cells wanders
    // by a few cells (its glyphs are narrower than the cells); only a
    // short last line set flush right stands far in.
    let rtl = line
        .text
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(is_arabic_letter);
    if rtl && line.lead < 20 {
        line.lead = 0;
    }
}

/// The texts of a page's raw lines.
fn texts_of<'a>(lines: &[(usize, &'a str)]) -> Vec<&'a str> {
    lines.iter().map(|&(_, t)| t).collect()
}

/// The raw lines of each page, with their index in the text.
fn raw_pages(text: &str) -> Vec<Vec<(usize, &str)>> {
    let mut pages = vec![Vec::new()];
    for (index, raw) in text.split('\n').enumerate() {
        let mut raw = raw.strip_suffix('\r').unwrap_or(raw);
        while let Some(rest) = raw.strip_prefix('\u{c}') {
            raw = rest;
            pages.push(Vec::new());
        }
        pages.last_mut().expect("a page").push((index, raw));
        for _ in raw.matches('\u{c}') {
            pages.push(Vec::new());
        }
    }
    pages
}

/// The line without the whitespace around it. The indentation is the raw
/// line's, as it stood on the page (left and right margins), whatever
/// reordering the text went through.
fn source_line<'a>(raw: &str, text: Cow<'a, str>, page: u32, index: u32) -> SourceLine<'a> {
    let lead = raw.len() - raw.trim_start().len();
    let trail = raw.len() - raw.trim_end().len();
    let mut line = SourceLine::plain("", page, index, lead, trail);
    line.text = match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.trim()),
        Cow::Owned(t) => Cow::Owned(t.trim().to_string()),
    };
    line
}

/// A line that is only a sentence's punctuation (`.`, `:`) goes to the end
/// of the line before: PyMuPDF writes the neutral run a right-to-left line
/// ends with as a line of its own after it. Only in text without bidi
/// controls (the caller's test), and only after a line with Arabic in it.
fn punctuation_back(lines: &mut [SourceLine]) {
    for i in 1..lines.len() {
        let t = lines[i].text.as_ref();
        let lone = !t.is_empty()
            && t.chars().count() <= 2
            && t.chars()
                .all(|c| matches!(c, '.' | ':' | '\u{60c}' | '\u{61b}' | '\u{61f}' | '!'));
        let after_arabic = lines[i - 1].text.chars().any(is_arabic_letter);
        if lone && after_arabic {
            let punct = std::mem::take(&mut lines[i].text);
            let prev = lines[i - 1].text.to_mut();
            prev.push_str(&punct);
        }
    }
}

/// `(` / `1` / `)text` → `(1) text`: PyMuPDF writes a note's bracketed
/// label as three lines, the brackets as drawn.
fn bracketed_labels(lines: &mut [SourceLine]) {
    for i in 2..lines.len() {
        let digits = lines[i - 1].text.as_ref();
        let label = (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        if !(label && lines[i - 2].text == "(") {
            continue;
        }
        let Some(rest) = lines[i].text.strip_prefix(')') else {
            continue;
        };
        let joined = format!("({digits}) {}", rest.trim_start());
        lines[i].text = joined.into();
        lines[i - 1].text = "".into();
        lines[i - 2].text = "".into();
    }
}

/// A line standing for the rule above a footnote area: 20+ spaces, or
/// 10+ underscores or dashes.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    (t.is_empty() && line.len() >= 20)
        || (t.chars().count() >= 10 && t.chars().all(|c| matches!(c, '_' | '-' | '—' | '─')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_indentation_and_page() {
        let pages = pages("  Indented\r\nend of page\u{c}\n                         \nnext");
        assert_eq!(pages.len(), 2);
        let first = &pages[0].lines;
        assert_eq!(
            (first[0].text.as_ref(), first[0].lead, first[0].trail),
            ("Indented", 2, 0)
        );
        assert_eq!(first[1].text, "end of page");
        let second = &pages[1].lines;
        assert_eq!(pages[1].number, 2);
        assert!(second[0].rule && second[0].text.is_empty());
        assert_eq!(
            (second[1].text.as_ref(), second[1].page, second[1].index),
            ("next", 2, 3)
        );
    }

    #[test]
    fn a_full_stop_on_a_line_of_its_own_goes_back() {
        // PyMuPDF: "كان" (was), then its full stop on the next line.
        let pages = pages("\u{643}\u{627}\u{646}\n.\nnext\n.\u{c}");
        let texts: Vec<&str> = pages[0].lines.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(texts, ["\u{643}\u{627}\u{646}.", "", "next", "."]);
    }

    #[test]
    fn a_bracketed_label_drawn_in_three_lines_is_one() {
        let pages = pages("text\n(\n12\n)note\u{c}");
        let texts: Vec<&str> = pages[0].lines.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(texts, ["text", "", "", "(12) note"]);
    }

    #[test]
    fn rules() {
        assert!(is_rule(&" ".repeat(20)));
        assert!(!is_rule(&" ".repeat(19)));
        assert!(is_rule("__________"));
        assert!(is_rule("  ----------  "));
        assert!(!is_rule("---"));
    }
}
