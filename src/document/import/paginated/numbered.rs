//! Footnote areas that no rule announces: numbered notes at the foot of
//! each page, as LibreOffice, WeasyPrint and most word processors set them
//! and as every extractor loses the rule above them.
//!
//! - **Numbering**: notes are numbered 1, 2, 3… through the document; the
//!   area of a page starts at the first line that begins with the next
//!   number (`1الوقف`, `1 text`, `1. text`, `.1text`, `(1) text`, or the
//!   number alone on its line), when the body above it on that page holds
//!   that number as a marker glued to a word (`بالوقف1`, `3H2O`) or set on
//!   a line of its own after an unfinished line (PyMuPDF), and the
//!   line is no numbered heading (`4. الخاتمة`). After it,
//!   each line is the next note when it starts with the next number, more
//!   of the current note otherwise, to the end of the page. A page with
//!   no note numbered on from the page before may number its notes from
//!   1 again (books often do), with the same evidence. A note marked on
//!   one page may be set at the foot of the next, for want of room: a
//!   page with the marker but not the note hands the marker on.
//! - **Continued notes**: when the last note of a page does not end a
//!   sentence, the lines just above the next page's area (back to a blank
//!   line, or the one line before it when the extraction has no blank
//!   lines) are its rest.
//! - Only a source with no rule-announced notes is read so (`notes` runs
//!   first), and only sources that say where pages end.

use super::classified::{page_ranges, Kind, Line};
use super::headings::heading;
use super::notes::RawNote;
use super::text::bullet_item;
use crate::document::import::heading_words::is_standard_heading;
use crate::document::model::SectionKind;

/// A line that starts a numbered note: its number and the rest.
pub fn label(t: &str) -> Option<(u32, &str)> {
    let t = t.trim_start_matches(['.', ' ']);
    let (t, bracket) = match t.strip_prefix('(') {
        Some(rest) => (rest, true),
        None => (t, false),
    };
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let n: u32 = t[..digits].parse().ok()?;
    let mut rest = &t[digits..];
    if bracket {
        rest = rest.strip_prefix(')')?;
    }
    // A number that goes on as a number or a Latin word is no label.
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == ',' || c == '-') {
        return None;
    }
    Some((n, rest.trim_start_matches(['.', ')', ' '])))
}

/// `n` glued to a word in `t`: a digit run equal to `n` with a letter on
/// one side and none on the other.
pub fn has_glued_marker(t: &str, n: u32) -> bool {
    glued_numbers(t).any(|(_, _, m)| m == n)
}

/// Digit runs glued to a word on one side only: (start, end, value).
pub fn glued_numbers(t: &str) -> impl Iterator<Item = (usize, usize, u32)> + '_ {
    let bytes = t.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let before = t[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            let after = t[i..].chars().next().is_some_and(char::is_alphabetic);
            if before != after && i - start <= 2 {
                if let Ok(n) = t[start..i].parse() {
                    return Some((start, i, n));
                }
            }
        }
        None
    })
}

/// Find the numbered notes, mark their lines, return them.
pub fn find(lines: &mut [Line]) -> Vec<RawNote> {
    let mut notes: Vec<RawNote> = Vec::new();
    let ranges = page_ranges(lines);
    if ranges.len() < 2 {
        return notes;
    }
    for (area, &(start, end)) in ranges.iter().enumerate() {
        // Numbered through the document, or again from 1 on each page.
        let through = notes.len() as u32 + 1;
        // The page before marked the next note but had no room for it.
        let carried = area > 0 && {
            let (s, e) = ranges[area - 1];
            (s..e).any(|i| marks(lines, i, through))
        };
        let (first, mut next) = match first_note(lines, start, end, through, carried) {
            Some(first) => (Some(first), through),
            None if through > 1 => (first_note(lines, start, end, 1, false), 1),
            None => (None, through),
        };
        let open = notes
            .last()
            .is_some_and(|n| !ends_sentence(lines[*n.lines.last().expect("a line")].text()));
        if open {
            let to = first.unwrap_or(end);
            let rest = continuation(lines, start, to);
            notes.last_mut().expect("a note").lines.extend(rest);
        }
        let Some(first) = first else { continue };
        for (i, line) in lines.iter().enumerate().take(end).skip(first) {
            if line.kind != Kind::Body {
                continue;
            }
            match label(line.text()) {
                Some((n, _)) if n == next => {
                    next += 1;
                    notes.push(RawNote {
                        label: Some(n.to_string()),
                        area,
                        lines: vec![i],
                    })
                }
                _ => notes.last_mut().expect("a note").lines.push(i),
            }
        }
    }
    for (n, note) in notes.iter().enumerate() {
        for &l in &note.lines {
            lines[l].kind = Kind::Note(n as u32);
        }
    }
    notes
}

/// The first line of the page `start..end` that starts note `next` after
/// a line that marks it, or anywhere when the page before marked it
/// (`carried`: a note set on the next page for want of room).
///
/// A line that starts with the number after an unfinished line may be its
/// marker set apart (PyMuPDF), unless a line above on the same page
/// surely marked the note: a note has one marker, so the line is the note,
/// run on from the body with no blank line (pdftotext), or its label alone
/// on a line after a body line the page cut (PyMuPDF). Sure markers are
/// glued to a word (`الكبيرة1.`), or set apart (`1.` after `… فوق
/// الأفق`) on a line no heading follows: a number alone before a heading
/// is the heading's, cut from it (`1` / `المقدمة.`).
fn first_note(lines: &[Line], start: usize, end: usize, next: u32, carried: bool) -> Option<usize> {
    let mut marked = carried;
    let mut surely = false;
    (start..end).find(|&i| {
        if lines[i].kind != Kind::Body {
            return false;
        }
        let t = lines[i].text();
        let starts = marked
            && label(t).is_some_and(|(n, _)| n == next)
            && heading(t, false).is_none()
            && (surely || !split_after_unfinished(lines, i, next));
        let mark = marks(lines, i, next);
        marked |= mark;
        // Read only for a marker: most lines are none.
        if mark && !surely {
            let before_heading = || {
                lines
                    .get(i + 1)
                    .is_some_and(|l| heading(l.text(), false).is_some())
            };
            surely =
                has_glued_marker(t, next) || t.trim() == format!("{next}.") || !before_heading();
        }
        starts
    })
}

/// Line `j` holds the marker of note `n`: glued to a word, or (PyMuPDF
/// writes a superscript as a line of its own) starting the line after an
/// unfinished one.
fn marks(lines: &[Line], j: usize, n: u32) -> bool {
    let t = lines[j].text();
    (has_glued_marker(t, n) || split_after_unfinished(lines, j, n)) && !names_a_part(t)
}

/// A numbered heading that names a part (`1. المقدمة`, `4. الخاتمة`): its
/// number is never a marker.
pub fn names_a_part(t: &str) -> bool {
    heading(t, false).is_some_and(|h| {
        let words = h.title.split_once([' ', ':']).map_or("", |(_, w)| w);
        h.kind != SectionKind::Body || is_standard_heading(words)
    })
}

/// Line `j` starts with `n` set apart, right after a text line (no blank
/// between, no list item) that ends no sentence.
fn split_after_unfinished(lines: &[Line], j: usize, n: u32) -> bool {
    let prev = j.checked_sub(1).map(|k| &lines[k]);
    split_marker(lines[j].text()) == Some(n)
        && prev.is_some_and(|p| {
            let t = p.text();
            p.kind == Kind::Body
                && !ends_sentence(t)
                && !t.ends_with(':')
                && bullet_item(t).is_none()
        })
}

/// A line that starts with a marker set apart from the word it belongs
/// to: `1`, `2. أما …`, `3 وأن …` (one or two digits, then nothing, a
/// space, or the sentence's full stop).
pub fn split_marker(t: &str) -> Option<u32> {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = &t[digits..];
    let apart = rest.is_empty() || rest.starts_with(' ') || rest == "." || rest.starts_with(". ");
    if (1..=2).contains(&digits) && apart {
        t[..digits].parse().ok()
    } else {
        None
    }
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', '!', '?', '\u{61f}'])
}

/// The rest of a note continued from the page before: the body lines just
/// above `to`, back to a blank line; the one line above when the page has
/// no blank line before `to`.
///
/// A list item is no part of a note: the rest starts after the last
/// item's sentence ends (PyMuPDF writes a page's last references, their
/// bullets on lines of their own, with no blank line before the note area).
fn continuation(lines: &[Line], start: usize, to: usize) -> Vec<usize> {
    let blank = (start..to).rev().find(|&i| lines[i].kind == Kind::Blank);
    let from = match blank {
        Some(b) => b + 1,
        None => to.saturating_sub(1).max(start),
    };
    let bullet = (from..to).rev().find(|&i| {
        lines[i].kind == Kind::Body && bullet_item(lines[i].text().trim_start()).is_some()
    });
    let from = match bullet {
        Some(b) => match (b..to).find(|&i| ends_sentence(lines[i].text())) {
            Some(end) => end + 1,
            None => to,
        },
        None => from,
    };
    (from..to)
        .filter(|&i| lines[i].kind == Kind::Body)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::import::paginated::classified::classify;
    use crate::document::import::paginated::line::{Page, SourceLine};

    fn pages<'a>(texts: &[&[&'a str]]) -> Vec<Page<'a>> {
        let mut index = 0;
        texts
            .iter()
            .enumerate()
            .map(|(p, lines)| Page {
                number: p as u32 + 1,
                lines: lines
                    .iter()
                    .map(|t| {
                        index += 1;
                        SourceLine::plain(t, p as u32 + 1, index, 0, 0)
                    })
                    .collect(),
            })
            .collect()
    }

    #[test]
    fn labels_as_extractors_write_them() {
        assert_eq!(label("1الوقف"), Some((1, "الوقف")));
        assert_eq!(label(" .2 text"), Some((2, "text")));
        assert_eq!(label("3. text"), Some((3, "text")));
        assert_eq!(label("(4) text"), Some((4, "text")));
        assert_eq!(label("5"), Some((5, "")));
        for t in ["1917 was a year", "3H2O", "1,000", "text 1"] {
            assert_eq!(label(t).filter(|l| l.0 < 100), None, "{t}");
        }
    }

    #[test]
    fn glued_markers() {
        assert!(has_glued_marker("the word1 and", 1));
        assert!(has_glued_marker("formula 3H2O here", 3));
        assert!(!has_glued_marker("formula H2O here", 2));
        assert!(!has_glued_marker("in 1917 and 1", 1));
    }

    #[test]
    fn notes_at_the_foot_of_pages_and_one_that_runs_on() {
        let p = pages(&[
            &[
                "Text with a marker1 and another2.",
                "A list:",
                "1 The first note.",
                "2 The second note runs",
            ],
            &[
                "More text3 here.",
                "",
                "over to the next page.",
                "3. The third note.",
                "2",
            ],
        ]);
        let mut lines = classify(&p);
        let notes = find(&mut lines);
        let texts: Vec<Vec<&str>> = notes
            .iter()
            .map(|n| n.lines.iter().map(|&l| lines[l].text()).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec!["1 The first note."],
                vec!["2 The second note runs", "over to the next page."],
                vec!["3. The third note.", "2"]
            ]
        );
        assert_eq!(lines[1].kind, Kind::Body);
    }

    #[test]
    fn a_note_run_on_from_an_unfinished_line_after_its_glued_marker() {
        // pdftotext sets the note area straight after the page's last body
        // line, which the page breaks mid-sentence; the marker is glued
        // above, so the line that starts with 1 is the note, not its marker.
        let p = pages(&[
            &["Text with a marker1.", "A sentence the page", "1 The note."],
            &["breaks here.", "More text."],
        ]);
        let mut lines = classify(&p);
        let notes = find(&mut lines);
        assert_eq!(notes.len(), 1);
        assert_eq!(lines[notes[0].lines[0]].text(), "1 The note.");
        // With no glued marker above, the same line is a marker set apart
        // (PyMuPDF), and no note starts.
        let p = pages(&[
            &["Text with no marker.", "A sentence the page", "1 The note."],
            &["breaks here.", "More text."],
        ]);
        let mut lines = classify(&p);
        assert!(find(&mut lines).is_empty());
        // A number alone before a heading is the heading's, no marker.
        let p = pages(&[
            &[
                "Text of 2026",
                "1",
                "Introduction",
                "A sentence the page",
                "1 The note.",
            ],
            &["breaks here.", "More text."],
        ]);
        let mut lines = classify(&p);
        assert!(find(&mut lines).is_empty());
    }

    #[test]
    fn a_note_runs_on_below_a_list_not_into_it() {
        // The page's last reference, its bullet on a line of its own, stands
        // between the blank line and the rest of the note from the page before.
        let p = pages(&[
            &["Text with a marker1.", "1 The note runs"],
            &[
                "Body text.",
                "",
                "\u{2022}",
                "An item, London,",
                "1988.",
                "over to this page.",
            ],
        ]);
        let mut lines = classify(&p);
        let notes = find(&mut lines);
        let texts: Vec<&str> = notes[0].lines.iter().map(|&l| lines[l].text()).collect();
        assert_eq!(texts, ["1 The note runs", "over to this page."]);
    }

    #[test]
    fn notes_numbered_again_on_each_page() {
        let p = pages(&[
            &["Text with a marker1 and another2.", "1 First.", "2 Second."],
            &["More text1 here.", "1 Third, labelled 1."],
        ]);
        let mut lines = classify(&p);
        let labels: Vec<String> = find(&mut lines)
            .iter()
            .map(|n| n.label.clone().unwrap())
            .collect();
        assert_eq!(labels, ["1", "2", "1"]);
        // A page whose only "1" marks nothing starts no note.
        let p = pages(&[&["Marker1 here.", "1 First."], &["A list:", "1 item"]]);
        let mut lines = classify(&p);
        assert_eq!(find(&mut lines).len(), 1);
    }

    #[test]
    fn a_note_set_on_the_next_page() {
        let p = pages(&[
            &[
                "Text with a marker1 and another2 at the foot.",
                "1 The first note.",
            ],
            &["Abstract text here.", "(2) The second note, carried over."],
            &["Text.", "1 A list that marks nothing."],
        ]);
        let mut lines = classify(&p);
        let notes = find(&mut lines);
        assert_eq!(notes.len(), 2);
        assert_eq!(
            lines[notes[1].lines[0]].text(),
            "(2) The second note, carried over."
        );
    }

    #[test]
    fn markers_on_their_own_line() {
        assert_eq!(split_marker("1"), Some(1));
        assert_eq!(split_marker("2. and then"), Some(2));
        assert_eq!(split_marker("3 and"), Some(3));
        for t in ["1917 was", "2.5 km", "12a", "text"] {
            assert_eq!(split_marker(t), None, "{t}");
        }
        let p = pages(&[
            &["Text with a marker", "1", "that goes on.", "1 The note."],
            &["More."],
        ]);
        let mut lines = classify(&p);
        assert_eq!(find(&mut lines).len(), 1);
    }

    #[test]
    fn a_label_alone_after_an_unfinished_line_when_the_page_marked_it() {
        // pdftotext -raw: the marker alone after its word, the body's last
        // line unfinished (it goes on over the page), the label alone.
        let p = pages(&[
            &[
                "Text with a marker",
                "1.",
                "More text that goes",
                "1",
                "The note.",
            ],
            &["on here."],
        ]);
        let mut lines = classify(&p);
        let notes = find(&mut lines);
        assert_eq!(notes.len(), 1);
        assert_eq!(lines[notes[0].lines[0]].text(), "1");
        assert_eq!(lines[notes[0].lines[1]].text(), "The note.");
    }

    #[test]
    fn a_numbered_list_without_markers_is_no_note() {
        let p = pages(&[&["Steps:", "1. open", "2. read"], &["Text."]]);
        let mut lines = classify(&p);
        assert!(find(&mut lines).is_empty());
    }
}
