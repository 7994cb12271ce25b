//! Footnote areas: where they are, which lines belong to which note, and a
//! note that runs on into the next page's area.
//!
//! - An area opens after a separator line (a rule, see `line::SourceLine`).
//! - Notes start at a line that begins with a marker: a symbol-font glyph,
//!   or `(n)`/`[n]`. A note goes on while its lines are as long as a full
//!   footnote line; its first shorter line (not its first line) is its
//!   last, except that URL lines right after it still belong to it. The
//!   next line that is neither is body text again (the next page).
//! - When the *next* area starts with text that has no marker, the last
//!   note of this area continues there, so on this page it has no short
//!   last line: a short line after its full lines is the next page's body.

use super::classified::{Kind, Line};
use super::joining::Pending;
use super::text::{char_len, is_marker_glyph, is_url_line};
use crate::document::model::{Block, Note};

/// A note as found in the footnote areas.
pub struct RawNote {
    /// `(n)` or `[n]` as printed; `None` for a symbol-font glyph.
    pub label: Option<String>,
    /// Which footnote area (counted from the top) it starts in.
    pub area: usize,
    /// Its lines, in order; the first carries its marker.
    pub lines: Vec<usize>,
}

/// A footnote marker at the start of a line in a footnote area: its label
/// (None for a glyph) and the rest of the line.
pub fn note_start(t: &str) -> Option<(Option<String>, &str)> {
    let first = t.chars().next()?;
    if is_marker_glyph(first) {
        return Some((None, &t[first.len_utf8()..]));
    }
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(rest) = t.strip_prefix(open) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if (1..=3).contains(&digits.len()) && rest[digits.len()..].starts_with(close) {
                let label = format!("{open}{digits}{close}");
                return Some((Some(label), &rest[digits.len() + 1..]));
            }
        }
    }
    None
}

/// Parse the footnote areas: marks their lines as notes and returns them.
pub fn find(lines: &mut [Line]) -> Vec<RawNote> {
    let separators: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Separator)
        .collect();
    let continues = continuation_flags(lines, &separators);
    let full = full_line_length(lines, &separators);
    let mut notes: Vec<RawNote> = Vec::new();
    for (index, &start) in separators.iter().enumerate() {
        let area = Area {
            index,
            start,
            carried: if continues[index] {
                notes.len().checked_sub(1)
            } else {
                None
            },
            next_continues: continues.get(index + 1).copied().unwrap_or(false),
        };
        read_area(lines, &area, full, &mut notes);
    }
    for (n, note) in notes.iter().enumerate() {
        for &l in &note.lines {
            lines[l].kind = Kind::Note(n as u32);
        }
    }
    notes
}

fn next_content(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| matches!(lines[i].kind, Kind::Body | Kind::Separator))
}

/// For each area: does it open with unmarked text (a note continued from
/// the previous page)?
fn continuation_flags(lines: &[Line], separators: &[usize]) -> Vec<bool> {
    separators
        .iter()
        .map(|&s| {
            next_content(lines, s + 1).is_some_and(|i| {
                lines[i].kind == Kind::Body && note_start(lines[i].text()).is_none()
            })
        })
        .collect()
}

/// What a full footnote line is: 90% of the upper quartile of the lengths
/// of the lines right after separators (most are full lines).
fn full_line_length(lines: &[Line], separators: &[usize]) -> usize {
    let mut sample = Vec::new();
    for &s in separators {
        let mut i = s + 1;
        while i < lines.len() && sample.len() < 4000 && lines[i].kind != Kind::Separator {
            if lines[i].kind == Kind::Body && !is_url_line(lines[i].text()) {
                sample.push(char_len(lines[i].text()));
            }
            i += 1;
            if i > s + 12 {
                break;
            }
        }
    }
    sample.sort_unstable();
    sample.get(sample.len() * 3 / 4).map_or(0, |&q| q * 9 / 10)
}

/// One footnote area and how it joins its neighbours.
struct Area {
    index: usize,
    /// Its separator line.
    start: usize,
    /// The note continued from the previous area, if it opens with one.
    carried: Option<usize>,
    /// The next area opens with the rest of this area's last note.
    next_continues: bool,
}

/// Read the notes of one area into `notes`, up to the first line that
/// belongs to none (the next page's body).
fn read_area(lines: &[Line], area: &Area, full: usize, notes: &mut Vec<RawNote>) {
    let mut current = area.carried;
    let mut first = false;
    let mut done = false;
    // Lines taken after the note's last full line (its short last line and
    // URLs), to give back if the note goes on at the next page.
    let mut tail: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(area.start + 1) {
        match line.kind {
            Kind::Blank | Kind::Furniture | Kind::Duplicate => continue,
            Kind::Separator => break,
            _ => {}
        }
        // A source that knows sizes says where the smaller notes end, and
        // that smaller text in the area belongs to the note above it
        // however short its lines (lengths only guess that).
        let smaller = line.source.evidence.as_ref().and_then(|e| e.smaller);
        if smaller == Some(false) {
            break;
        }
        let t = line.text();
        if let Some((label, rest)) = note_start(t) {
            notes.push(RawNote {
                label,
                area: area.index,
                lines: vec![i],
            });
            current = Some(notes.len() - 1);
            tail.clear();
            // A marker alone on its line: the text starts on the next,
            // which is then the note's first line. Otherwise this is.
            first = rest.trim().is_empty();
            done = !first && char_len(t) < full * 8 / 10;
        } else if let (Some(n), false) = (current, done) {
            notes[n].lines.push(i);
            // A first line may fall a little short of full (the marker and
            // its spacing); any later short line, or a URL, ends it.
            let limit = if first { full * 8 / 10 } else { full };
            if char_len(t) < limit || (!first && is_url_line(t)) {
                done = true;
                tail.push(i);
            }
            first = false;
        } else if let (Some(n), true) = (current, done && is_url_line(t)) {
            notes[n].lines.push(i);
            tail.push(i);
        } else if let (Some(n), Some(true)) = (current, smaller) {
            notes[n].lines.push(i);
            tail.push(i);
        } else {
            break;
        }
    }
    if area.next_continues {
        if let Some(n) = current {
            notes[n].lines.retain(|l| !tail.contains(l));
        }
    }
}

/// The notes' text: their lines joined, the first without its marker.
/// Glyph-marked notes are numbered in order, the others keep their label.
pub fn note_texts(lines: &[Line], raw_notes: &[RawNote]) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::with_capacity(raw_notes.len());
    let mut glyph_count = 0;
    for (n, raw) in raw_notes.iter().enumerate() {
        let mut p = Pending::default();
        for (k, &l) in raw.lines.iter().enumerate() {
            let t = lines[l].text();
            let t = if k == 0 {
                note_start(t)
                    .map(|(_, rest)| rest)
                    .or_else(|| {
                        raw.label
                            .as_ref()
                            .and(super::numbered::label(t))
                            .map(|(_, rest)| rest)
                    })
                    .or_else(|| super::symbols::label(t).map(|(_, rest)| rest))
                    .unwrap_or(t)
            } else {
                t
            };
            p.push_line(t, l);
        }
        if raw.label.is_none() {
            glyph_count += 1;
        }
        let label = raw.label.clone().unwrap_or_else(|| glyph_count.to_string());
        let text = p
            .text
            .chars()
            .filter(|&c| !is_marker_glyph(c))
            .collect::<String>();
        notes.push(Note {
            id: format!("fn{}", n + 1),
            label,
            blocks: vec![Block::paragraph(String::new(), text.trim())],
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::import::paginated::classified::classify;
    use crate::document::import::paginated::classified::tests::page;

    const FULL: &str = "a footnote line that runs the whole width of the page, full";

    #[test]
    fn markers_that_start_a_note() {
        assert_eq!(note_start("\u{F02B} Lenin"), Some((None, " Lenin")));
        assert_eq!(
            note_start("(2) Konarar"),
            Some((Some("(2)".to_string()), " Konarar"))
        );
        assert_eq!(note_start("[12]x").map(|s| s.0), Some(Some("[12]".into())));
        assert_eq!(note_start("(1234) too long"), None);
        assert_eq!(note_start("(a) a letter"), None);
        assert_eq!(note_start("Plain text"), None);
    }

    #[test]
    fn a_note_ends_at_its_first_short_line_and_body_resumes() {
        let first = format!("\u{F02B} {FULL}");
        let p = page(&[
            "Body text with a marker\u{F02B} here.",
            "---",
            &first,
            FULL,
            "short last line.",
            "Body of the next page, long enough to be a full line of text",
        ]);
        let mut l = classify(&p);
        let notes = find(&mut l);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].lines, [2, 3, 4]);
        assert_eq!(notes[0].label, None);
        assert_eq!(l[5].kind, Kind::Body);
        let texts = note_texts(&l, &notes);
        assert_eq!(texts[0].label, "1");
        let text = texts[0].blocks[0].plain_text();
        assert!(text.starts_with("a footnote line"), "{text}");
        assert!(text.ends_with("full short last line."), "{text}");
    }

    #[test]
    fn urls_after_the_last_line_stay_with_the_note() {
        let first = format!("(1) {FULL}");
        let p = page(&[
            "---",
            &first,
            "the end.",
            "https://example.org/page",
            "Body again",
        ]);
        let mut l = classify(&p);
        let notes = find(&mut l);
        assert_eq!(notes[0].lines, [1, 2, 3]);
        assert_eq!(notes[0].label.as_deref(), Some("(1)"));
        assert_eq!(l[4].kind, Kind::Body);
    }

    #[test]
    fn a_note_continued_on_the_next_page_gives_back_its_short_line() {
        let first = format!("\u{F02B} {FULL}");
        let p = page(&[
            "---",
            &first,
            FULL,
            "next page body.",
            "",
            "---",
            // The next area opens with the rest of the note, unmarked.
            FULL,
            "and ends here.",
        ]);
        let mut l = classify(&p);
        let notes = find(&mut l);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].lines, [1, 2, 6, 7]);
        assert_eq!(
            l[3].kind,
            Kind::Body,
            "the short line is the next page's body"
        );
    }

    #[test]
    fn unmarked_text_after_a_rule_with_no_note_before_is_body() {
        let p = page(&["---", "Just text after a rule."]);
        let mut l = classify(&p);
        assert!(find(&mut l).is_empty());
        assert_eq!(l[1].kind, Kind::Body);
    }
}
