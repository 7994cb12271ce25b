//! Footnote markers and note labels that pdfminer.six writes on lines of
//! their own, put back on the text they belong to.
//!
//! pdfminer lists what stands on one printed line from left to right and
//! cuts the line where a raised figure breaks it, so in right-to-left
//! text a note's marker (drawn after its word, at the word's left) comes
//! on a line of its own just before the piece of line it ends, and a
//! note's label (at the right end of the note's first line) comes just
//! after that line's last piece. Which is which follows from the notes'
//! numbering through the document, the evidence the structure stage
//! reads too: the first lone `n` after note n-1's marker is note n's
//! marker, and the lone `n` after it is note n's label.
//! - a marker goes to the end of the next line with letters (`بالوقف` /
//!   `1` becomes `بالوقف1`, a marker glued to its word);
//! - a label goes to the start of the line before it (`2 إبراهيم …`), as
//!   drawn: `.2` (pdfminer's order of `2.`) becomes `2.`.
//!
//! A numbered heading's number stands at the right end of its title, so
//! it comes after it too, and the full stop after the number, between the
//! two, reads at the title's end (`المقدمة.` / `1`). Headings are
//! numbered in turn as well: a lone `n` after a short line ending in a
//! full stop is heading n's number when heading n-1 came before it, and
//! `n. title` is written back, when the number is a box of its own (a
//! blank line after it: a marker shares its box with the piece it ends).
//! It is read before markers (heading 1 comes before note 1's marker as
//! often as not).
//!
//! A page's running head and its number stand before its first full line
//! and at its end: lone numbers there are left alone. Only text in visual
//! order (`Family::visual`) is read so.

use crate::document::import::paginated::{Page, SourceLine};

/// How many words make a full line of body text, the first of which ends
/// the page's head.
const FULL_LINE_WORDS: usize = 5;

/// Put the lone markers and labels of all pages back on their lines.
pub fn place(pages: &mut [Page<'_>]) {
    let mut next_marker = 1;
    let mut next_heading = 1;
    let mut labels_due: Vec<u32> = Vec::new();
    for page in pages.iter_mut() {
        let lines = &mut page.lines;
        let Some(start) = lines
            .iter()
            .position(|l| l.text.split_whitespace().count() >= FULL_LINE_WORDS)
        else {
            continue;
        };
        let Some(mut end) = lines.iter().rposition(|l| !l.text.is_empty()) else {
            continue;
        };
        // Headings may stand above the first full line; markers and labels
        // never do.
        let first = lines.iter().position(|l| !l.text.is_empty()).unwrap_or(0);
        let mut k = first + 1;
        while k < end {
            let Some((n, form)) = lone_number(&lines[k].text) else {
                k += 1;
                continue;
            };
            let before = (first..k).rev().find(|&p| !lines[p].text.is_empty());
            // A marker shares its box with the piece it ends (no blank line
            // between); a heading's number stands in a box of its own.
            let own_box = lines.get(k + 1).is_none_or(|l| l.text.is_empty());
            let title =
                before.filter(|&p| form == Form::Bare && own_box && is_title(&lines[p].text));
            if let Some(p) = title.filter(|_| n == next_heading) {
                let text = lines[p].text.trim_end_matches('.').trim_end();
                let heading = format!("{n}. {text}");
                lines[p].text = heading.into();
                lines.remove(k);
                end -= 1;
                next_heading += 1;
                continue;
            }
            if k <= start {
                k += 1;
                continue;
            }
            if n == next_marker {
                if let Some(j) = (k + 1..end).find(|&j| has_letters(&lines[j])) {
                    let marker = n.to_string();
                    lines[j].text.to_mut().push_str(&marker);
                    lines.remove(k);
                    end -= 1;
                    next_marker += 1;
                    labels_due.push(n);
                    continue;
                }
            } else if labels_due.first() == Some(&n) {
                if let Some(p) = (start..k).rev().find(|&p| has_letters(&lines[p])) {
                    let label = match form {
                        Form::Bracketed => format!("({n}) "),
                        Form::Stopped => format!("{n}. "),
                        Form::Bare => format!("{n} "),
                    };
                    lines[p].text.to_mut().insert_str(0, &label);
                    lines.remove(k);
                    end -= 1;
                    labels_due.remove(0);
                    continue;
                }
            }
            k += 1;
        }
    }
}

/// How a lone number is written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Form {
    Bare,
    /// `.2` or `2.`
    Stopped,
    /// `(2)`
    Bracketed,
}

/// A line that is only a number of one or two digits: `2`, `2.`, `.2`,
/// `(2)`.
fn lone_number(t: &str) -> Option<(u32, Form)> {
    let t = t.trim();
    let (inner, form) = if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        (inner, Form::Bracketed)
    } else if let Some(inner) = t.strip_prefix('.').or_else(|| t.strip_suffix('.')) {
        (inner, Form::Stopped)
    } else {
        (t, Form::Bare)
    };
    let digits = (1..=2).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| inner.parse().ok().map(|n| (n, form)))
        .flatten()
}

/// A short line (six words at most) that starts with a letter and ends in
/// a full stop: a numbered heading's title, its number's stop read last.
fn is_title(t: &str) -> bool {
    t.ends_with('.') && t.starts_with(char::is_alphabetic) && t.split_whitespace().count() <= 6
}

fn has_letters(line: &SourceLine) -> bool {
    line.text.chars().any(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A full line: أحصى أحد المؤرخين في بغداد وحدها نحو "one of the
    // historians counted in Baghdad alone about"
    const FULL: &str = "\u{623}\u{62d}\u{635}\u{649} \u{623}\u{62d}\u{62f} \u{627}\u{644}\u{645}\u{624}\u{631}\u{62e}\u{64a}\u{646} \u{641}\u{64a} \u{628}\u{63a}\u{62f}\u{627}\u{62f}";
    // بالوقف "by the endowment"; الوقف هو "the endowment is"
    const WORD: &str = "\u{628}\u{627}\u{644}\u{648}\u{642}\u{641}";
    const NOTE: &str = "\u{627}\u{644}\u{648}\u{642}\u{641} \u{647}\u{648}";

    use crate::document::import::extraction::test_pages::{page, texts};

    #[test]
    fn the_marker_ends_its_piece_and_the_label_opens_its_note() {
        let mut pages = [page(&[
            "3", FULL, "1", "", WORD, FULL, NOTE, "1", FULL, "2",
        ])];
        place(&mut pages);
        assert_eq!(
            texts(&pages[0]),
            [
                "3".to_string(),
                FULL.into(),
                "".into(),
                format!("{WORD}1"),
                FULL.into(),
                format!("1 {NOTE}"),
                FULL.into(),
                "2".into()
            ]
        );
    }

    #[test]
    fn a_heading_number_after_its_title() {
        // المقدمة. "the introduction." and بالوقف. "by the endowment."
        let intro = "\u{627}\u{644}\u{645}\u{642}\u{62f}\u{645}\u{629}.";
        let stop = "\u{628}\u{627}\u{644}\u{648}\u{642}\u{641}.";
        let mut pages = [page(&["3", intro, "", "1", "", FULL, stop, "1", WORD, "2"])];
        place(&mut pages);
        // Heading 1 first; the next lone 1, after a short line with a
        // full stop too, is note 1's marker (heading 2 is due).
        assert_eq!(
            texts(&pages[0]),
            [
                "3".to_string(),
                format!("1. {}", intro.trim_end_matches('.')),
                "".into(),
                "".into(),
                FULL.into(),
                stop.into(),
                format!("{WORD}1"),
                "2".into()
            ]
        );
    }

    #[test]
    fn a_marker_in_the_box_of_its_piece_is_no_heading_number() {
        // وكانت. "and it was."
        let stop = "\u{648}\u{643}\u{627}\u{646}\u{62a}.";
        let mut pages = [page(&[FULL, stop, "", "1", WORD, "", "2"])];
        place(&mut pages);
        assert_eq!(
            texts(&pages[0]),
            [
                FULL.to_string(),
                stop.into(),
                "".into(),
                format!("{WORD}1"),
                "".into(),
                "2".into()
            ]
        );
    }

    #[test]
    fn labels_keep_their_form() {
        let mut pages = [
            page(&[FULL, "1", WORD, NOTE, ".1", "5"]),
            page(&[FULL, "2", WORD, NOTE, "(2)", "6"]),
        ];
        place(&mut pages);
        assert_eq!(texts(&pages[0])[2], format!("1. {NOTE}"));
        assert_eq!(texts(&pages[1])[2], format!("(2) {NOTE}"));
    }

    #[test]
    fn numbers_out_of_turn_stay() {
        // No marker 1 yet: a lone 2 is a number, and the head and the
        // page number are left alone.
        let clean = [FULL, "2", WORD, "1"];
        let mut pages = [page(&clean)];
        place(&mut pages);
        assert_eq!(texts(&pages[0]), clean);
        assert_eq!(lone_number("12"), Some((12, Form::Bare)));
        for t in ["123", "1.5", "a1", ""] {
            assert_eq!(lone_number(t), None, "{t}");
        }
    }
}
