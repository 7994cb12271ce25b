//! Footnote markers in the body, and which note each one opens.
//!
//! - A symbol-font glyph inside a body line is a marker; `(n)`/`[n]` is one
//!   only when a note labelled `(n)` exists.
//! - Glyph markers are linked to the glyph notes of the next footnote area
//!   in order (page by page), or in document order when a page's counts
//!   disagree; `(n)` goes to the first unused note with that label.
//! - Markers then become note links inside their blocks; a `(n)` with no
//!   note stays text.

use std::borrow::Cow;
use std::collections::HashMap;

use super::notes::RawNote;
use crate::document::model::{Block, Inline, Note};

/// A marker found in a body block.
pub struct BodyMarker {
    /// Index of its block (in document order).
    pub block: usize,
    /// Byte offset in the block's text, and length.
    pub at: usize,
    pub len: usize,
    /// The source line it is on (or just before its note, for `(n)`),
    /// which orders it against the footnote areas.
    pub line: usize,
    /// `(n)`/`[n]` as printed; `None` for a glyph.
    pub label: Option<String>,
}

/// All markers of the body blocks, in document order. `glyphs` gives, per
/// block, the (offset, line) of each marker glyph found while joining.
pub fn collect(
    blocks: &[&mut Block],
    glyphs: &[Vec<(usize, usize)>],
    raw_notes: &[RawNote],
) -> Vec<BodyMarker> {
    let mut markers: Vec<BodyMarker> = Vec::new();
    let bracket_labels: HashMap<&str, usize> = raw_notes
        .iter()
        .filter_map(|r| r.label.as_deref().map(|l| (l, r.lines[0])))
        .collect();
    for (b, block) in blocks.iter().enumerate() {
        // Blocks have one text inline here; no need to copy it.
        let text = match block.inlines.as_slice() {
            [Inline::Text { text }] => Cow::Borrowed(text.as_str()),
            _ => Cow::Owned(block.plain_text()),
        };
        for &(at, line) in &glyphs[b] {
            markers.push(BodyMarker {
                block: b,
                at,
                len: text[at..].chars().next().map_or(0, char::len_utf8),
                line,
                label: None,
            });
        }
        bracket_markers(&text, b, &bracket_labels, &mut markers);
    }
    markers.sort_by_key(|m| (m.block, m.at));
    markers
}

/// "(n)" or "[n]" in one pass over the text, kept when a note has that
/// label (`notes` maps labels to the first line of their note).
fn bracket_markers(
    text: &str,
    block: usize,
    notes: &HashMap<&str, usize>,
    markers: &mut Vec<BodyMarker>,
) {
    let bytes = text.as_bytes();
    for (at, &open) in bytes.iter().enumerate() {
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => continue,
        };
        let digits = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=3).contains(&digits) || bytes.get(at + 1 + digits) != Some(&close) {
            continue;
        }
        let label = &text[at..at + digits + 2];
        if let Some(&note_line) = notes.get(label) {
            // The body line of this occurrence is lost in joining; the
            // line before its note orders it before the note.
            markers.push(BodyMarker {
                block,
                at,
                len: label.len(),
                line: note_line.saturating_sub(1),
                label: Some(label.to_string()),
            });
        }
    }
}

/// For each body marker, the index of its note: page by page (markers
/// before an area go with that area's new notes, in order), falling back to
/// document order for glyphs and to the label for "(n)".
pub fn link(markers: &[BodyMarker], notes: &[RawNote]) -> Vec<Option<usize>> {
    let mut links = vec![None; markers.len()];
    let mut used = vec![false; notes.len()];
    for (m, n) in link_glyphs(markers, notes) {
        links[m] = Some(n);
        used[n] = true;
    }
    // "(n)" markers: the first unused note with that label after them.
    for (m, marker) in markers.iter().enumerate() {
        if let Some(label) = &marker.label {
            if let Some(n) =
                (0..notes.len()).find(|&n| !used[n] && notes[n].label.as_deref() == Some(label))
            {
                links[m] = Some(n);
                used[n] = true;
            }
        }
    }
    links
}

/// (marker, note) pairs for the glyph markers and glyph notes.
fn link_glyphs(markers: &[BodyMarker], notes: &[RawNote]) -> Vec<(usize, usize)> {
    let glyph_markers: Vec<usize> = (0..markers.len())
        .filter(|&m| markers[m].label.is_none())
        .collect();
    let glyph_notes: Vec<usize> = (0..notes.len())
        .filter(|&n| notes[n].label.is_none())
        .collect();
    // Page by page: the notes of an area start at its first note line.
    let mut areas: Vec<usize> = notes.iter().map(|n| n.area).collect();
    areas.dedup();
    let mut pairs = Vec::new();
    let mut mi = 0;
    for &area in &areas {
        let area_notes: Vec<usize> = glyph_notes
            .iter()
            .copied()
            .filter(|&n| notes[n].area == area)
            .collect();
        let Some(start) = area_notes.first().map(|&n| notes[n].lines[0]) else {
            continue;
        };
        let mut page_markers = Vec::new();
        while mi < glyph_markers.len() && markers[glyph_markers[mi]].line < start {
            page_markers.push(glyph_markers[mi]);
            mi += 1;
        }
        if page_markers.len() != area_notes.len() {
            return document_order(&glyph_markers, &glyph_notes);
        }
        pairs.extend(page_markers.into_iter().zip(area_notes));
    }
    if mi == glyph_markers.len() {
        pairs
    } else {
        document_order(&glyph_markers, &glyph_notes)
    }
}

fn document_order(markers: &[usize], notes: &[usize]) -> Vec<(usize, usize)> {
    markers.iter().copied().zip(notes.iter().copied()).collect()
}

/// Rebuild each block that has markers as text, marker, text…, in one pass
/// over its (still plain) text. A `(n)` with no note stays text; a marker
/// overlapping the one before is skipped.
pub fn insert(
    blocks: &mut [&mut Block],
    markers: &[BodyMarker],
    links: &[Option<usize>],
    notes: &[Note],
) {
    let mut m = 0;
    while m < markers.len() {
        let b = markers[m].block;
        let text = blocks[b].plain_text();
        let mut inlines = Vec::new();
        let mut from = 0;
        while m < markers.len() && markers[m].block == b {
            let marker = &markers[m];
            let note = links[m].map(|n| &notes[n]);
            m += 1;
            if (note.is_none() && marker.label.is_some()) || marker.at < from {
                continue;
            }
            let label = match (note, &marker.label) {
                (Some(note), _) => note.label.clone(),
                (None, Some(l)) => l.clone(),
                (None, None) => "?".to_string(),
            };
            if marker.at > from {
                inlines.push(Inline::Text {
                    text: text[from..marker.at].to_string(),
                });
            }
            inlines.push(Inline::Note {
                note: note.map(|n| n.id.clone()),
                label,
            });
            from = marker.at + marker.len;
        }
        if from < text.len() {
            inlines.push(Inline::Text {
                text: text[from..].to_string(),
            });
        }
        blocks[b].inlines = inlines;
    }
}

/// Glyph markers that found no note.
pub fn unlinked(markers: &[BodyMarker], links: &[Option<usize>]) -> usize {
    links
        .iter()
        .zip(markers)
        .filter(|(l, m)| l.is_none() && m.label.is_none())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(line: usize) -> BodyMarker {
        BodyMarker {
            block: 0,
            at: line,
            len: 3,
            line,
            label: None,
        }
    }

    fn note(area: usize, line: usize, label: Option<&str>) -> RawNote {
        RawNote {
            label: label.map(str::to_string),
            area,
            lines: vec![line],
        }
    }

    #[test]
    fn page_by_page_when_the_counts_agree() {
        // Page 1: markers at lines 1, 2, notes at 10, 11; page 2: 20 → 30.
        let markers = [glyph(1), glyph(2), glyph(20)];
        let notes = [note(0, 10, None), note(0, 11, None), note(1, 30, None)];
        assert_eq!(link(&markers, &notes), [Some(0), Some(1), Some(2)]);
    }

    #[test]
    fn document_order_when_a_page_disagrees() {
        // Both markers sit before the first area, which has one note.
        let markers = [glyph(1), glyph(2)];
        let notes = [note(0, 10, None), note(1, 30, None)];
        assert_eq!(link(&markers, &notes), [Some(0), Some(1)]);
        // More markers than notes: the last ones have none.
        let markers = [glyph(1), glyph(2), glyph(3)];
        let links = link(&markers, &notes[..1]);
        assert_eq!(links, [Some(0), None, None]);
        assert_eq!(unlinked(&markers, &links), 2);
    }

    #[test]
    fn bracket_markers_need_a_note_with_their_label() {
        let labels = HashMap::from([("(2)", 40)]);
        let mut found = Vec::new();
        bracket_markers("as he said (2) and (3) and [2]", 0, &labels, &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].at, found[0].len, found[0].line), (11, 3, 39));
        let notes = [note(0, 40, Some("(2)"))];
        assert_eq!(link(&found, &notes), [Some(0)]);
    }

    #[test]
    fn markers_become_note_links() {
        let mut block = Block::paragraph(String::new(), "Lenin\u{F02B} said (2) so.");
        let markers = vec![
            BodyMarker {
                block: 0,
                at: 5,
                len: 3,
                line: 0,
                label: None,
            },
            BodyMarker {
                block: 0,
                at: 14,
                len: 3,
                line: 0,
                label: Some("(2)".into()),
            },
        ];
        let notes = vec![Note {
            id: "fn1".into(),
            label: "1".into(),
            blocks: vec![],
        }];
        insert(&mut [&mut block], &markers, &[Some(0), None], &notes);
        assert_eq!(
            block.inlines,
            [
                Inline::Text {
                    text: "Lenin".into()
                },
                Inline::Note {
                    note: Some("fn1".into()),
                    label: "1".into()
                },
                Inline::Text {
                    text: " said (2) so.".into()
                },
            ]
        );
    }
}
