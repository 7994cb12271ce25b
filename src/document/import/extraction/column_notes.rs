//! Each column's own footnotes, moved after both columns' text.
//!
//! LibreOffice sets a two-column page's footnotes at the foot of the
//! column their marker is in (Typst sometimes in the other column), so
//! once `columns` has read one column after the other, the first column's
//! notes would stand between the two columns' text, where no page has its
//! notes; the structure stage looks for them at the foot of the page. Here
//! each column's note lines go after both columns' text, first column's
//! first.
//!
//! - **Evidence** that a column's notes start at a line: it opens with a
//!   number of one or two digits glued to an Arabic letter (`1بديع`, the
//!   raised label drawn against the note's first word; or one space
//!   apart, as pdftotext writes the label's run), and the same
//!   number stands elsewhere on the page as a marker: glued to the end of
//!   a word or a full stop (`القصيرة2`, `درجة.1`) or on a line of its own
//!   (a raised marker on a row of its own). A numbered heading (`2. البناء`)
//!   has a full stop and a space after its number and is never taken.
//! - From that line to the end of the column, every line is the notes'.

use std::collections::HashSet;

use super::is_arabic_letter;

/// The numbers that stand as markers on a page: glued to the end of a
/// word or a full stop, or alone on a line.
pub fn page_markers(lines: impl Iterator<Item = String>) -> HashSet<u32> {
    let mut out = HashSet::new();
    for line in lines {
        let t = line.trim();
        if let Some(n) = small_number(t) {
            out.insert(n);
            continue;
        }
        let chars: Vec<char> = t.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let glued_after =
                start > 0 && (is_arabic_letter(chars[start - 1]) || chars[start - 1] == '.');
            let ends_there = chars
                .get(i)
                .is_none_or(|c| c.is_whitespace() || matches!(c, '.' | '\u{60c}'));
            if glued_after && ends_there {
                if let Some(n) = small_number(&chars[start..i].iter().collect::<String>()) {
                    out.insert(n);
                }
            }
        }
    }
    out
}

/// One or two digits, the whole of `t`.
fn small_number(t: &str) -> Option<u32> {
    ((1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// The number a note's first line opens with, glued to an Arabic letter.
fn note_label(line: &str) -> Option<u32> {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    // pdftotext puts a space after the label inside its left-to-right run.
    let rest = &t[digits..];
    let glued = rest
        .strip_prefix(' ')
        .unwrap_or(rest)
        .starts_with(is_arabic_letter);
    if (1..=2).contains(&digits) && glued {
        t[..digits].parse().ok()
    } else {
        None
    }
}

/// Whether a column's notes start at this line (resolved): a label
/// glued to an Arabic letter, a marker with its number on the page.
pub fn starts_notes(line: &str, markers: &HashSet<u32>) -> bool {
    note_label(line).is_some_and(|n| markers.contains(&n))
}

/// Both columns in reading order, each column's notes (from its first
/// line that `starts_notes`) after both texts.
pub fn notes_last<T: Copy>(first: &[T], second: &[T], starts_notes: impl Fn(&T) -> bool) -> Vec<T> {
    let notes_from = |column: &[T]| {
        column
            .iter()
            .position(&starts_notes)
            .unwrap_or(column.len())
    };
    let (a, b) = (notes_from(first), notes_from(second));
    let mut out = Vec::with_capacity(first.len() + second.len());
    out.extend_from_slice(&first[..a]);
    out.extend_from_slice(&second[..b]);
    out.extend_from_slice(&first[a..]);
    out.extend_from_slice(&second[b..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // كان (was), the word a marker or a note's label is glued to.
    const WAS: &str = "\u{643}\u{627}\u{646}";

    #[test]
    fn markers_glued_to_words_or_alone_on_a_line() {
        let lines = [
            format!("{WAS}2 x"),
            "7".to_string(),
            format!("{WAS}.3"),
            "1917 x".to_string(),
        ];
        let found = page_markers(lines.into_iter());
        assert_eq!(found, HashSet::from([2, 7, 3]));
    }

    #[test]
    fn each_columns_notes_go_after_both_texts() {
        let note1 = format!("1{WAS} note one");
        let note2 = format!("2{WAS} note two");
        let heading = format!("3. {WAS}");
        let first = [
            (0, "body a"),
            (1, "body b"),
            (2, note1.as_str()),
            (3, "more of one"),
        ];
        let second = [(0, heading.as_str()), (1, "body c"), (2, note2.as_str())];
        let markers = HashSet::from([1, 2, 3]);
        let order: Vec<&str> = notes_last(&first, &second, |&(_, t)| starts_notes(t, &markers))
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            order,
            [
                "body a",
                "body b",
                heading.as_str(),
                "body c",
                note1.as_str(),
                "more of one",
                note2.as_str()
            ]
        );
    }

    #[test]
    fn a_label_with_no_marker_on_the_page_starts_no_notes() {
        let line = format!("5{WAS} text");
        let first = [(0, "body"), (1, line.as_str())];
        let markers = HashSet::from([1]);
        let order = notes_last(&first, &[(0, "other")], |&(_, t)| starts_notes(t, &markers));
        assert_eq!(
            order.iter().map(|p| p.1).collect::<Vec<_>>(),
            ["body", line.as_str(), "other"]
        );
    }
}
