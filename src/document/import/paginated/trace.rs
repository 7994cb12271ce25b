//! Why the document came out as it did: each source line and what it
//! became (body, heading, note n, furniture, dropped), each note's marker,
//! and the repairs, for `hamish convert FILE --to outline`. A user who
//! finds a note unlinked can see whether its area, its label or its marker
//! was missed.

use std::fmt::Write;

use super::classified::{Kind, Line};
use crate::document::model::{Document, Inline};
use crate::layout::sanitize::visible_symbol;

/// What line `i` became.
fn role(line: &Line, i: usize, headings: &[usize]) -> String {
    match line.kind {
        Kind::Blank => "blank".into(),
        Kind::Separator => "rule".into(),
        Kind::Furniture => "furniture".into(),
        Kind::Duplicate => "dropped".into(),
        Kind::Note(n) => format!("note {}", n + 1),
        Kind::Body if headings.binary_search(&i).is_ok() => "heading".into(),
        Kind::Body => "body".into(),
    }
}

/// The outline: one row per source line, then markers and repairs.
pub fn render(lines: &[Line], headings: &[usize], doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# each source line: number, page, what it became | text"
    );
    for (i, line) in lines.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:5} p{:<3} {:10} | {}",
            line.source.index + 1,
            line.source.page,
            role(line, i, headings),
            clean(line.text())
        );
    }
    let _ = writeln!(out, "# notes and the markers linked to them");
    for note in &doc.notes {
        let marker = doc.sections.iter().flat_map(|s| &s.blocks).find_map(|b| {
            let mut before = String::new();
            b.inlines.iter().find_map(|inline| match inline {
                Inline::Text { text } => {
                    before = text.split_whitespace().last().unwrap_or("").to_string();
                    None
                }
                Inline::Note { note: Some(id), .. } if *id == note.id => {
                    Some((b.id.clone(), before.clone()))
                }
                Inline::Note { .. } => None,
            })
        });
        let _ = match marker {
            Some((block, word)) => writeln!(
                out,
                "note {} ({}): marker in {block} after {}",
                note.label,
                note.id,
                clean(&word)
            ),
            None => writeln!(
                out,
                "note {} ({}): no marker found in the body",
                note.label, note.id
            ),
        };
    }
    let _ = writeln!(out, "# repairs");
    let blocks = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .chain(doc.notes.iter().flat_map(|n| &n.blocks));
    for b in blocks.filter(|b| !b.repairs.is_empty()) {
        let _ = writeln!(out, "{}: {}", b.id, b.repairs.join("; "));
    }
    out
}

/// Controls shown as the symbols the screen shows: the outline goes to a
/// terminal as often as to a file.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| visible_symbol(c).unwrap_or(c))
        .collect()
}
