//! Notes labelled with a symbol (`*`, `†`, `‡`) rather than a number, as
//! journals set the note on an author's name or on the title: the label is
//! printed as it is, and the marker is linked by it.
//!
//! - **Note**: a body line that starts with the symbol (`* أستاذ …`,
//!   `*أستاذ …`, or the symbol alone with the text on the next line), at
//!   the foot of its page: below it, only other notes, page furniture and
//!   blank lines. It runs to the next line that is not body text.
//! - **Marker**: the same symbol earlier on that page, glued to the end of
//!   a word (`العطار*`) or on a line of its own (pdftotext writes a raised
//!   symbol so, before or after its line). Both are needed: a lone `*`
//!   alone is a section break, and `* item` alone a list.

use super::classified::{page_ranges, Kind, Line};
use super::markers::BodyMarker;
use super::notes::RawNote;
use crate::document::model::{Block, Inline};

/// The symbols that label notes.
const SYMBOLS: [&str; 4] = ["**", "*", "\u{2020}", "\u{2021}"];

/// The symbol a line starts with, and the rest of the line.
pub fn label(t: &str) -> Option<(&'static str, &str)> {
    let s = SYMBOLS.iter().find(|s| t.starts_with(**s))?;
    let rest = &t[s.len()..];
    // `**` is its own label; `*` must not be the start of `**`.
    (!rest.starts_with(['*', '\u{2020}', '\u{2021}'])).then_some((*s, rest.trim_start()))
}

/// The symbol glued to the end of a word in `t`, or `t` being the symbol
/// alone.
fn marks(t: &str, symbol: &str) -> bool {
    t == symbol
        || t.match_indices(symbol).any(|(i, _)| {
            let before = t[..i].chars().next_back().is_some_and(char::is_alphabetic);
            let after = t[i + symbol.len()..].chars().next();
            before && !after.is_some_and(|c| c.is_alphanumeric() || "*\u{2020}\u{2021}".contains(c))
        })
}

/// Find the symbol-labelled notes at the foot of pages, add them to
/// `notes` in source order and mark their lines (all notes' line kinds are
/// renumbered to the new order).
pub fn find(lines: &mut [Line], notes: &mut Vec<RawNote>) {
    let mut found = Vec::new();
    for (area, (start, end)) in page_ranges(lines).into_iter().enumerate() {
        for i in start..end {
            if let Some(note) = note_at(lines, start, i, end, area) {
                found.push(note);
            }
        }
    }
    if found.is_empty() {
        return;
    }
    notes.extend(found);
    notes.sort_by_key(|n| n.lines[0]);
    for (n, note) in notes.iter().enumerate() {
        for &l in &note.lines {
            lines[l].kind = Kind::Note(n as u32);
        }
    }
}

/// The symbol note starting at line `i` of the page `start..end`, if one
/// does.
fn note_at(lines: &[Line], start: usize, i: usize, end: usize, area: usize) -> Option<RawNote> {
    if lines[i].kind != Kind::Body {
        return None;
    }
    let (symbol, _) = label(lines[i].text())?;
    let marked = (start..i).any(|j| lines[j].kind == Kind::Body && marks(lines[j].text(), symbol));
    if !marked {
        return None;
    }
    let mut to = i + 1;
    while to < end && lines[to].kind == Kind::Body && label(lines[to].text()).is_none() {
        to += 1;
    }
    // At the foot: nothing below it on the page is body text.
    let foot = lines[to..end]
        .iter()
        .all(|l| l.kind != Kind::Body || label(l.text()).is_some());
    let text = (i..to).any(|l| lines[l].text().chars().any(char::is_alphabetic));
    (foot && text).then(|| RawNote {
        label: Some(symbol.to_string()),
        area,
        lines: (i..to).collect(),
    })
}

/// The symbol notes' markers in the body: the k-th glued occurrence of a
/// symbol is the marker of the k-th note it labels.
pub fn markers(blocks: &[&mut Block], notes: &[RawNote]) -> Vec<BodyMarker> {
    let mut out = Vec::new();
    for symbol in SYMBOLS {
        let mut wanted = notes
            .iter()
            .filter(|n| n.label.as_deref() == Some(symbol))
            .map(|n| n.lines[0]);
        let Some(mut note_line) = wanted.next() else {
            continue;
        };
        'blocks: for (b, block) in blocks.iter().enumerate() {
            let [Inline::Text { text }] = block.inlines.as_slice() else {
                continue;
            };
            for (at, _) in text.match_indices(symbol) {
                let glued = text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
                let next = text[at + symbol.len()..].chars().next();
                let alone =
                    !next.is_some_and(|c| c.is_alphanumeric() || "*\u{2020}\u{2021}".contains(c));
                if !(glued && alone) {
                    continue;
                }
                out.push(BodyMarker {
                    block: b,
                    at,
                    len: symbol.len(),
                    line: note_line.saturating_sub(1),
                    label: Some(symbol.to_string()),
                });
                match wanted.next() {
                    Some(l) => note_line = l,
                    None => break 'blocks,
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::import::paginated::classified::classify;
    use crate::document::import::paginated::line::{Page, SourceLine};

    fn page<'a>(number: u32, texts: &[&'a str]) -> Page<'a> {
        Page {
            number,
            lines: texts
                .iter()
                .enumerate()
                .map(|(i, t)| SourceLine::plain(t, number, number * 100 + i as u32, 0, 0))
                .collect(),
        }
    }

    #[test]
    fn labels() {
        assert_eq!(label("* note"), Some(("*", "note")));
        assert_eq!(label("*note"), Some(("*", "note")));
        assert_eq!(label("** note"), Some(("**", "note")));
        assert_eq!(label("\u{2020}"), Some(("\u{2020}", "")));
        assert_eq!(label("note *"), None);
        assert!(marks("Name*", "*") && marks("*", "*"));
        assert!(!marks("2 * 3", "*") && !marks("Name**", "*"));
    }

    #[test]
    fn a_note_on_the_author_at_the_foot_of_the_page() {
        let pages = [
            page(
                1,
                &[
                    "The Title",
                    "Sami Attar",
                    "",
                    "*",
                    "",
                    "Body text.",
                    "* Professor of geography.",
                    "1",
                ],
            ),
            page(
                2,
                &[
                    "More text.",
                    "* A list item, not at the foot",
                    "and more text.",
                ],
            ),
        ];
        let mut lines = classify(&pages);
        lines[7].kind = Kind::Furniture;
        let mut notes = Vec::new();
        find(&mut lines, &mut notes);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].label.as_deref(), Some("*"));
        assert_eq!(notes[0].lines, [6]);
        assert_eq!(lines[6].kind, Kind::Note(0));
        assert_eq!(lines[9].kind, Kind::Body);
    }

    #[test]
    fn no_marker_no_note() {
        // A section break and a list at the foot are no notes.
        let pages = [page(1, &["Text.", "* * *", "More text.", "* an item"])];
        let mut lines = classify(&pages);
        let mut notes = Vec::new();
        find(&mut lines, &mut notes);
        assert!(notes.is_empty());
    }

    #[test]
    fn the_glued_symbol_is_the_marker() {
        let mut block = Block::paragraph(String::new(), "Sami Attar*");
        let mut other = Block::paragraph(String::new(), "2 * 3 = 6");
        let notes = [RawNote {
            label: Some("*".into()),
            area: 0,
            lines: vec![9],
        }];
        let blocks = [&mut other, &mut block];
        let found = markers(&blocks, &notes);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].block, found[0].at), (1, 10));
    }
}
