//! PDFs opened directly: the essay typeset by LibreOffice
//! (`tests/pdf/essay.pdf`, made by `tests/pdf/make/make.sh` from the text in
//! `essay.py`) comes back with its headings, abstracts, notes linked from
//! their markers, references, no page furniture, and its paragraphs' words
//! in order (scored, the score printed); the fixtures with odd fonts read as
//! they should; damaged, encrypted, scanned and hostile files give one line
//! and never a panic. The expectations come from `essay.expected.json`,
//! written by `essay.py` from the same lists the essay was made of.

use std::path::Path;

use hamish::document::import::{import_path, pdf};
use hamish::document::model::{Block, Document, Inline, SectionKind};
use proptest::prelude::*;
use serde_json::Value;

mod common;
use common::{hamish, stderr};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pdf");

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn essay() -> Document {
    import_path(Path::new(&fixture("essay.pdf")), None).expect("the essay imports")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(fixture("essay.expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

fn all_blocks(doc: &Document) -> impl Iterator<Item = &Block> {
    doc.sections.iter().flat_map(|s| s.blocks.iter())
}

#[test]
fn the_essay_has_its_headings_abstracts_and_references() {
    let doc = essay();
    let want = expected();
    assert_eq!(doc.meta.title, want["title"].as_str().unwrap());
    assert_eq!(doc.meta.format.name(), "pdf");
    let headings: Vec<&str> = doc
        .sections
        .iter()
        .filter_map(|s| s.title.as_deref())
        .collect();
    assert_eq!(headings, strings(&want["headings"]));
    let en: Vec<String> = doc
        .abstract_in("en")
        .expect("an English abstract")
        .blocks
        .iter()
        .map(Block::plain_text)
        .collect();
    assert_eq!(en, strings(&want["abstract_en"]));
    let ar = doc.abstract_in("ar").expect("an Arabic abstract");
    assert_eq!(ar.blocks[0].plain_text(), strings(&want["abstract_ar"])[0]);
    let refs: Vec<String> = doc
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::References)
        .flat_map(|s| s.blocks.iter().map(Block::plain_text))
        .collect();
    assert_eq!(refs, strings(&want["references"]));
    // The keywords line, with its heading phrase.
    let keywords = want["keywords"].as_str().unwrap();
    assert!(
        all_blocks(&doc).any(|b| b.plain_text().contains(keywords)),
        "keywords {keywords}"
    );
}

#[test]
fn every_note_is_linked_from_the_word_it_follows() {
    let doc = essay();
    let want = expected();
    let notes = want["notes"].as_array().unwrap();
    assert_eq!(doc.notes.len(), notes.len());
    for (note, expected) in doc.notes.iter().zip(notes) {
        assert_eq!(
            note.blocks[0].plain_text(),
            expected["text"].as_str().unwrap()
        );
        // The marker that opens it comes right after its word.
        let after = expected["after"].as_str().unwrap();
        let linked = all_blocks(&doc).any(|b| {
            b.inlines.windows(2).any(|w| match (&w[0], &w[1]) {
                (Inline::Text { text }, Inline::Note { note: Some(id), .. }) => {
                    id == &note.id && text.trim_end().ends_with(after)
                }
                _ => false,
            })
        });
        assert!(linked, "note {} after {after}", note.id);
    }
    assert!(doc.meta.warnings.is_empty(), "{:?}", doc.meta.warnings);
}

#[test]
fn no_furniture_remains() {
    let doc = essay();
    let header = strings(&expected()["furniture"]).remove(0);
    for block in all_blocks(&doc).chain(doc.notes.iter().flat_map(|n| n.blocks.iter())) {
        let text = block.plain_text();
        assert!(!text.contains(&header), "running header in {text}");
        assert!(
            !text.trim().chars().all(|c| c.is_ascii_digit()),
            "page number {text}"
        );
    }
}

/// How many of `source`'s words come out in order in `got` (longest common
/// subsequence of words), as a fraction.
fn words_in_order(source: &str, got: &str) -> f64 {
    let a: Vec<&str> = source.split_whitespace().collect();
    let b: Vec<&str> = got.split_whitespace().collect();
    let mut row = vec![0usize; b.len() + 1];
    for x in &a {
        let mut prev = 0;
        for (j, y) in b.iter().enumerate() {
            let keep = row[j + 1];
            row[j + 1] = if x == y {
                prev + 1
            } else {
                row[j + 1].max(row[j])
            };
            prev = keep;
        }
    }
    row[b.len()] as f64 / a.len().max(1) as f64
}

#[test]
fn each_paragraph_keeps_its_words_in_order() {
    let doc = essay();
    let body: String = all_blocks(&doc)
        .map(Block::plain_text)
        .collect::<Vec<_>>()
        .join(" ");
    let paragraphs = strings(&expected()["paragraphs"]);
    let mut worst: f64 = 1.0;
    for p in &paragraphs {
        // Each source paragraph against the block that holds its start.
        let start: String = p.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        let at = body
            .find(&start)
            .unwrap_or_else(|| panic!("no block starts {start}"));
        let got = &body[at..body.floor_char_boundary((at + p.len() * 2).min(body.len()))];
        let score = words_in_order(p, got);
        if score < 0.99 {
            println!("{score:.3}: {p}\n  got: {got}");
        }
        worst = worst.min(score);
    }
    println!(
        "PDF essay: {} paragraphs, worst words-in-order score {:.1}%",
        paragraphs.len(),
        worst * 100.0
    );
    assert!(worst >= 0.99, "worst score {worst}");
}

#[test]
fn an_empty_user_password_is_no_obstacle() {
    let doc = import_path(Path::new(&fixture("encrypted-empty.pdf")), None).unwrap();
    assert_eq!(doc.meta.title, expected()["title"].as_str().unwrap());
    assert_eq!(doc.notes.len(), 3);
}

#[test]
fn fonts_mapped_to_presentation_forms_read_as_letters() {
    let doc = import_path(Path::new(&fixture("presentation.pdf")), None).unwrap();
    // "كتاب لا" (book, no): drawn as final/medial/initial forms and one
    // lam-alef glyph, left to right.
    assert_eq!(
        doc.sections[0].blocks[0].plain_text(),
        "\u{0643}\u{062A}\u{0627}\u{0628} \u{0644}\u{0627}"
    );
}

#[test]
fn glyphs_without_text_are_counted_once_and_shown_as_replacement() {
    let doc = import_path(Path::new(&fixture("type3.pdf")), None).unwrap();
    let text: String = all_blocks(&doc).map(Block::plain_text).collect();
    // Glyph names a and b are known, g7 and g8 are not.
    assert!(text.contains("abab"), "{text}");
    assert_eq!(text.matches('\u{FFFD}').count(), 2);
    assert_eq!(doc.meta.warnings.len(), 1);
    assert!(
        doc.meta.warnings[0].starts_with("2 glyphs"),
        "{:?}",
        doc.meta.warnings
    );
}

/// Run the binary on a fixture: its exit status and its stderr.
fn run(name: &str) -> (bool, String) {
    let out = hamish(&["--print", "--plain", &fixture(name)]);
    (out.status.success(), stderr(&out))
}

#[test]
fn bad_pdfs_give_one_line_and_no_panic() {
    for (name, says) in [
        ("encrypted-password.pdf", "protected by a password"),
        ("scanned.pdf", "no text in this PDF (scanned?)"),
        ("truncated.pdf", "not a readable PDF"),
        ("garbage.pdf", "not a readable PDF"),
        ("zip-bomb.pdf", "no text in this PDF"),
        // Ten million declared pages: the first 3000 read, each the same
        // line, which is then furniture.
        ("page-bomb.pdf", "nothing to show"),
    ] {
        let (ok, err) = run(name);
        assert!(!ok, "{name} should fail");
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    // A cross-reference table with every offset wrong: rebuilt by
    // scanning the file, and read.
    let (ok, err) = run("broken-xref.pdf");
    assert!(ok, "broken-xref.pdf: {err}");
    assert!(!err.contains("panicked"), "broken-xref.pdf: {err}");
}

#[test]
fn the_command_line_reads_pdfs_by_content_and_by_name() {
    // Printed: the title and an Arabic heading, shaped or not.
    let out = hamish(&[
        "--print",
        "--plain",
        "--shape",
        "off",
        &fixture("essay.pdf"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Abstract"), "{text}");
    // convert, with the format forced.
    let out = hamish(&[
        "convert",
        &fixture("essay.pdf"),
        "--to",
        "markdown",
        "--format",
        "pdf",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("[^1]:") && md.contains("# Abstract"), "{md}");
    // A PDF with another name is still found by its content.
    let copy = common::cli::scratch("essay-copy.bin");
    std::fs::copy(fixture("essay.pdf"), &copy).unwrap();
    let doc = import_path(&copy, None).unwrap();
    assert_eq!(doc.notes.len(), 3);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// The essay with bytes changed, cut or dropped: an error or a
    /// document, never a panic.
    #[test]
    fn mutated_pdfs_never_panic(
        edits in prop::collection::vec((0usize..60_000, any::<u8>()), 1..40),
        cut in prop::option::of(100usize..60_000),
    ) {
        let mut bytes = std::fs::read(fixture("essay.pdf")).unwrap();
        for (at, byte) in edits {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut.min(bytes.len()));
        }
        let _ = pdf::import(&bytes);
    }
}

#[test]
fn each_paragraph_knows_its_page() {
    let doc = essay();
    let pages: Vec<u32> = all_blocks(&doc).map(|b| b.page.expect("a page")).collect();
    assert_eq!(pages[0], 1);
    assert!(pages.windows(2).all(|w| w[0] <= w[1]), "{pages:?}");
    // The references close the essay, on its last page (seven: `pdfinfo`).
    assert_eq!(*pages.last().unwrap(), 7);
    // Written with the JSON and read back.
    let json = hamish::document::export::to_json(&doc);
    let back = hamish::document::import::json::import(&json).unwrap();
    assert_eq!(back.sections, doc.sections);
}

#[test]
fn forms_are_drawn_with_their_own_resources_and_never_into_themselves() {
    // The form shows its text with a font only its own resources name, at
    // its own matrix, and draws itself again: which must not happen.
    let doc = import_path(Path::new(&fixture("forms.pdf")), None).unwrap();
    let text: Vec<String> = all_blocks(&doc).map(Block::plain_text).collect();
    assert_eq!(text, ["Inside a form"]);
}

#[test]
fn the_outline_traces_every_line_of_a_pdf() {
    let out = hamish(&["convert", &fixture("essay.pdf"), "--to", "outline"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    // The running header is furniture, "Abstract" a heading, on page 1.
    let header = strings(&expected()["furniture"]).remove(0);
    assert!(
        text.lines()
            .any(|l| l.contains("p1") && l.contains("furniture") && l.ends_with(&header)),
        "{text}"
    );
    assert!(text
        .lines()
        .any(|l| l.contains("heading") && l.ends_with("Abstract")));
}

#[test]
fn notes_keep_the_labels_printed_on_the_page() {
    // Typst's "*" numbering marks the three notes *, dagger, double dagger
    // (tests/pdf/make/symbol_notes.py); each note and the marker linking
    // to it take that label, not 1, 2, 3.
    let doc = import_path(Path::new(&fixture("symbol-notes.pdf")), None).unwrap();
    let printed = ["*", "\u{2020}", "\u{2021}"];
    let notes: Vec<&str> = doc.notes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(notes, printed);
    let markers: Vec<(String, String)> = all_blocks(&doc)
        .flat_map(|b| b.inlines.iter())
        .filter_map(|i| match i {
            Inline::Note {
                note: Some(id),
                label,
            } => Some((id.clone(), label.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        markers,
        [("fn1", "*"), ("fn2", "\u{2020}"), ("fn3", "\u{2021}")]
            .map(|(id, label)| (id.to_string(), label.to_string()))
    );
    // Ibn Jubayr's travels: the first note's text.
    assert_eq!(doc.notes[0].blocks[0].plain_text(), "انظر رحلة ابن جبير.");
}
