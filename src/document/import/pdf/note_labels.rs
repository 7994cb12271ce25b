//! Notes labelled as printed. The structure stage numbers the notes whose
//! marker was a glyph (1, 2, 3 in order), as a text extraction gives no
//! better; a PDF says what each marker was: `*`, `†`, `٣`, or numbers that
//! start again on every page. The front end hands over, in order, the
//! printed marker of every line that starts with one; when they are as
//! many as the numbered notes, each note (and each marker linking to it)
//! takes its printed label.

use std::collections::HashMap;

use crate::document::model::{Document, Inline};

/// Relabel `doc`'s numbered notes with `printed` (one per note start, in
/// order; `None` where the line did not say); nothing changes when the
/// counts differ.
pub fn apply(doc: &mut Document, printed: &[Option<String>]) {
    let numbered: Vec<usize> = (0..doc.notes.len())
        .filter(|&i| doc.notes[i].label.parse::<u32>().is_ok())
        .collect();
    if numbered.len() != printed.len() {
        return;
    }
    let mut by_id: HashMap<String, String> = HashMap::new();
    for (&i, label) in numbered.iter().zip(printed) {
        let Some(label) = label.as_deref().map(str::trim).filter(|l| !l.is_empty()) else {
            continue;
        };
        let note = &mut doc.notes[i];
        if note.label != label {
            note.label = label.to_string();
            by_id.insert(note.id.clone(), note.label.clone());
        }
    }
    if by_id.is_empty() {
        return;
    }
    let blocks = doc.sections.iter_mut().flat_map(|s| s.blocks.iter_mut());
    let note_blocks = doc.notes.iter_mut().flat_map(|n| n.blocks.iter_mut());
    for inline in blocks.chain(note_blocks).flat_map(|b| b.inlines.iter_mut()) {
        if let Inline::Note {
            note: Some(id),
            label,
        } = inline
        {
            if let Some(printed) = by_id.get(id.as_str()) {
                label.clone_from(printed);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::model::{Block, Format, Note, Section};

    fn doc(labels: &[&str]) -> Document {
        let mut doc = Document::new("t", Format::Pdf);
        let mut body = Block::paragraph(String::new(), "");
        for (n, label) in labels.iter().enumerate() {
            body.inlines.push(Inline::Note {
                note: Some(format!("fn{}", n + 1)),
                label: label.to_string(),
            });
            doc.notes.push(Note {
                id: format!("fn{}", n + 1),
                label: label.to_string(),
                blocks: vec![Block::paragraph(String::new(), "a note")],
            });
        }
        doc.sections.push(Section {
            id: "s1".into(),
            kind: Default::default(),
            title: None,
            level: 1,
            lang: None,
            blocks: vec![body],
        });
        doc
    }

    fn body_labels(doc: &Document) -> Vec<String> {
        doc.sections[0].blocks[0]
            .inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Note { label, .. } => Some(label.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn notes_and_their_markers_take_the_printed_labels() {
        let mut d = doc(&["1", "2", "3"]);
        let printed = ["*", "\u{2020}", "\u{2021}"].map(|s| Some(s.to_string()));
        apply(&mut d, &printed);
        let notes: Vec<&str> = d.notes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(notes, ["*", "\u{2020}", "\u{2021}"]);
        assert_eq!(body_labels(&d), ["*", "\u{2020}", "\u{2021}"]);
    }

    #[test]
    fn a_line_that_does_not_say_keeps_its_number() {
        let mut d = doc(&["1", "2"]);
        apply(&mut d, &[Some("1".into()), None]);
        assert_eq!(body_labels(&d), ["1", "2"]);
    }

    #[test]
    fn counts_that_differ_change_nothing() {
        let mut d = doc(&["1", "2"]);
        apply(&mut d, &[Some("*".into())]);
        assert_eq!(body_labels(&d), ["1", "2"]);
        assert_eq!(d.notes[0].label, "1");
    }
}
