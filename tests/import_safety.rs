//! Importers and exporters under huge and hostile input: 100,000 footnotes
//! link in linear time, problems of one kind make one warning, and no
//! control character reaches `convert`'s output or a warning raw.
//! (No timings here: a quadratic path shows as a test that never ends.)

use hamish::document::export;
use hamish::document::import::{json, markdown};
use hamish::document::reading_order::reading_order;

mod common;
use common::hamish;

const NOTES: usize = 100_000;

/// A paragraph with `NOTES` markers `[^n0]`…, and their definitions when
/// `defined`.
fn many_notes(defined: bool) -> String {
    let mut md = String::from("# Many notes\n\n");
    for i in 0..NOTES {
        md.push_str(&format!("w{i}[^n{i}] "));
    }
    md.push_str("\n\n");
    if defined {
        for i in 0..NOTES {
            md.push_str(&format!("[^n{i}]: note {i}\n"));
        }
    }
    md
}

#[test]
fn a_hundred_thousand_footnotes_all_link() {
    let doc = markdown::import(&many_notes(true));
    assert_eq!(doc.notes.len(), NOTES);
    assert!(doc.meta.warnings.is_empty(), "{:?}", doc.meta.warnings);
    let mut seen = 0;
    for block in doc.sections.iter().flat_map(|s| s.blocks.iter()) {
        for (note, label) in block.note_refs() {
            let note = doc.note(note.as_deref().expect("linked")).expect("exists");
            // The marker [^nK] opens the note whose text is "note K".
            assert_eq!(format!("n{}", &note.blocks[0].plain_text()[5..]), label);
            seen += 1;
        }
    }
    assert_eq!(seen, NOTES);
    // And the Markdown export numbers them without a scan per marker.
    let md = export::to_markdown(&doc);
    assert!(md.contains(&format!("[^{NOTES}]: note {}", NOTES - 1)));
}

#[test]
fn notes_in_many_sections_are_found_from_their_markers() {
    // 1,000 sections of 100 notes each: the reading order finds each
    // marker's note without work that grows with the sections.
    let mut md = String::new();
    for s in 0..1000 {
        md.push_str(&format!("## Part {s}\n\n"));
        for i in 0..100 {
            md.push_str(&format!("w[^n{s}x{i}] "));
        }
        md.push_str("\n\n");
    }
    for s in 0..1000 {
        for i in 0..100 {
            md.push_str(&format!("[^n{s}x{i}]: {s}x{i}\n"));
        }
    }
    let doc = markdown::import(&md);
    assert_eq!(doc.notes.len(), NOTES);
    let mut seen = 0;
    for item in reading_order(&doc) {
        for marker in &item.markers {
            let note = &doc.notes[marker.note.expect("linked")];
            // This block's markers are w[^nSxI]: the note's text is "SxI".
            assert!(item
                .id
                .starts_with(&format!("s{}.", item.section.unwrap() + 1)));
            assert_eq!(
                note.blocks[0].plain_text(),
                format!("{}x{}", item.section.unwrap(), seen % 100)
            );
            seen += 1;
        }
    }
    assert_eq!(seen, NOTES);
}

#[test]
fn a_hundred_thousand_undefined_footnotes_make_one_warning() {
    let doc = markdown::import(&many_notes(false));
    assert_eq!(
        doc.meta.warnings,
        [format!(
            "{NOTES} footnote labels are used but never defined, the first [^n0]; \
             their markers are kept"
        )]
    );
    let markers = doc
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .flat_map(|b| b.note_refs())
        .filter(|(note, _)| note.is_none())
        .count();
    assert_eq!(markers, NOTES, "every marker is kept");
}

#[test]
fn unknown_front_matter_keys_make_one_warning() {
    let mut md = String::from("---\ntitle: T\n");
    for i in 0..40_000 {
        md.push_str(&format!("key{i}: x\n"));
    }
    md.push_str("---\n\nText.\n");
    let doc = markdown::import(&md);
    assert_eq!(
        doc.meta.warnings,
        ["front matter: 40000 unknown keys ignored; the first: `key0`"]
    );
}

#[test]
fn warnings_quote_document_text_without_controls() {
    // An OSC 0 title change as a front-matter key; a terminal reset (ESC c)
    // and an 8-bit CSI 6n as a footnote label.
    let doc = markdown::import(
        "---\ntitle: T\n\u{1b}]0;owned\u{7}: x\n---\n\nText[^\u{1b}c\u{9b}6n] here.\n",
    );
    assert_eq!(doc.meta.warnings.len(), 2, "{:?}", doc.meta.warnings);
    for w in &doc.meta.warnings {
        assert!(!w.chars().any(char::is_control), "{w:?}");
    }
    assert!(doc.meta.warnings[0].contains("\u{241B}]0;owned\u{2407}"));
    assert!(doc.meta.warnings[1].contains("[^\u{241B}c\u{FFFD}6n]"));
}

/// `text` written to a scratch file named `name`.
fn scratch(name: &str, text: &str) -> std::path::PathBuf {
    let path = common::scratch(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Controls of every family in a title, a heading and a paragraph (the
/// Markdown file spells them as references, which the importer decodes).
const HOSTILE_MD: &str = "---\ntitle: \"T\\u001B]52;c;aGk=\\u0007\\u009B6n\"\n---\n\n# H&#x1B;c\n\nText&#x1B;[2J &#x7F; &#x85;&#x9B;31m &#x90;q&#x9C; end.\n";

#[test]
fn convert_writes_no_raw_control_characters() {
    let path = scratch("hostile.md", HOSTILE_MD);
    let path = path.to_str().unwrap();
    // The importer did decode them (else this test would prove nothing).
    let doc = markdown::import(HOSTILE_MD);
    assert!(doc.meta.title.contains('\u{1b}') && doc.meta.title.contains('\u{9b}'));
    for to in ["markdown", "json"] {
        let out = hamish(&["convert", path, "--to", to]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let raw: Vec<char> = text
            .chars()
            .filter(|&c| c.is_control() && c != '\n')
            .collect();
        assert_eq!(raw, [], "--to {to}:\n{text}");
    }
    // And the JSON reads back as the same document.
    let out = hamish(&["convert", path, "--to", "json"]);
    let back = json::import(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(back.meta.title, doc.meta.title);
    assert_eq!(back.sections, doc.sections);
}

#[test]
fn a_windows_path_title_survives_convert_round_trips() {
    let mut md = "---\ntitle: C:\\dir\\file\n---\n\nText.\n".to_string();
    for round in 0..3 {
        let path = scratch(&format!("path{round}.md"), &md);
        let out = hamish(&["convert", path.to_str().unwrap(), "--to", "markdown"]);
        assert!(out.status.success());
        md = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            markdown::import(&md).meta.title,
            r"C:\dir\file",
            "round {round}:\n{md}"
        );
    }
}
