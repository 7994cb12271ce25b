//! What each fuzz target does with the bytes it is given: one importer, the
//! format detection, the whole path from a file, or the layout engine; then
//! the checks that must hold for any input. Kept apart from the libFuzzer
//! entries (fuzz/fuzz_targets/) so that the main test suite compiles the
//! same code (tests/fuzz_regressions.rs includes this file) and replays
//! every saved input on it: a renamed API breaks CI, not only the fuzzer.
//!
//! No dependency beyond hamish and std, so the inclusion costs nothing.

use std::path::{Path, PathBuf};

use hamish::document::import::{self, json, markdown, pdf, pdftext, plain};
use hamish::document::{export, Document};
use hamish::layout::{layout_paragraph, sanitize, Direction, LayoutOptions};
use hamish::source_file::SourceText;

/// What a target does with one input; it panics when a check fails.
pub type Check = fn(&[u8]);

/// Every target by name, as cargo-fuzz names them (fuzz/Cargo.toml).
pub const TARGETS: &[(&str, Check)] = &[
    ("pdftext", pdftext),
    ("plain", plain),
    ("markdown", markdown),
    ("json", json),
    ("detect", detect),
    ("file", file),
    ("layout", layout),
    ("pdf", pdf_file),
];

/// The PDF-text importer on the bytes read as UTF-8 (lossily, as hamish
/// reads a file that is not quite UTF-8).
pub fn pdftext(data: &[u8]) {
    check_document(&pdftext::import(&String::from_utf8_lossy(data)));
}

/// The PDF importer on the bytes as a file: an error or a document that
/// holds, never a panic (lopdf's own panics included).
pub fn pdf_file(data: &[u8]) {
    if let Ok(doc) = pdf::import(data) {
        check_document(&doc);
    }
}

/// The plain-text importer.
pub fn plain(data: &[u8]) {
    check_document(&plain::import(&String::from_utf8_lossy(data)));
}

/// The Markdown importer.
pub fn markdown(data: &[u8]) {
    check_document(&markdown::import(&String::from_utf8_lossy(data)));
}

/// hamish's JSON importer: anything it accepts is a document that holds.
pub fn json(data: &[u8]) {
    if let Ok(doc) = json::import(&String::from_utf8_lossy(data)) {
        check_document(&doc);
    }
}

/// File names whose extensions steer the detection (`.md` and `.json` are
/// trusted, the others leave it to the content).
const NAMES: &[&str] = &[
    "essay.txt",
    "essay.md",
    "essay.json",
    "essay",
    "essay.markdown",
];

/// The first byte picks a file name from [`NAMES`]; the rest is the text.
fn named(data: &[u8]) -> (&'static str, &[u8]) {
    match data.split_first() {
        Some((&first, rest)) => (NAMES[usize::from(first) % NAMES.len()], rest),
        None => (NAMES[0], data),
    }
}

/// Format detection and the importer it picks, through `import_source`,
/// the way the reader imports text it already holds.
pub fn detect(data: &[u8]) {
    let (name, text) = named(data);
    let source = SourceText::new(
        PathBuf::from(name),
        String::from_utf8_lossy(text).into_owned(),
    );
    if let Ok(doc) = import::import_source(&source, None) {
        check_document(&doc);
    }
}

/// The whole way from a file on disk: the regular-file and binary checks,
/// the decoding (UTF-16 by its byte-order mark, legacy Arabic encodings),
/// detection and import. Slower than the others (a file is written per
/// input), but the only one that reaches the decoding.
pub fn file(data: &[u8]) {
    let (name, bytes) = named(data);
    let path = scratch_dir().join(name);
    std::fs::write(&path, bytes).expect("the scratch file can be written");
    match import::import_path(&path, None) {
        Ok(doc) => check_document(&doc),
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains('\n'), "a one-line error: {message:?}");
        }
    }
}

/// A directory of this process's own under the system's temporary one.
fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hamish-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the scratch directory can be made");
    dir
}

/// What holds for any document an importer returns: every marker that
/// names a note names one that exists; the document survives its own JSON
/// exactly (README: JSON "reopens exactly"); the Markdown export imports
/// again without a panic.
fn check_document(doc: &Document) {
    for block in doc.sections.iter().flat_map(|s| s.blocks.iter()) {
        for (note, _) in block.note_refs() {
            if let Some(id) = note {
                assert!(doc.note(id).is_some(), "marker names a missing note {id}");
            }
        }
    }
    let text = export::to_json(doc);
    let back = json::import(&text).expect("hamish reads its own JSON");
    assert!(back == *doc, "the JSON round trip changed the document");
    let _ = markdown::import(&export::to_markdown(doc));
}

/// The layout engine on one paragraph. The first byte is the width (0 to
/// 255); the second picks shaping, right alignment, reordering and the
/// base direction; the rest is the text.
pub fn layout(data: &[u8]) {
    let (width, flags, text) = match data {
        [w, f, rest @ ..] => (usize::from(*w), *f, rest),
        _ => return,
    };
    let text = String::from_utf8_lossy(text);
    let options = LayoutOptions {
        width,
        shape: flags & 1 != 0,
        align_rtl: flags & 2 != 0,
        reorder: flags & 4 != 0,
        direction: match (flags >> 3) % 3 {
            0 => Direction::Auto,
            1 => Direction::Ltr,
            _ => Direction::Rtl,
        },
    };
    let laid = layout_paragraph(&text, &options, &[]);
    check_layout(&text, width, &laid);
}

/// The invariants of a laid-out paragraph (the layout module's contract):
/// no rows at width 0, at least one otherwise; each row's cells add up to
/// its width and fit in the column with its indent; no cell shows a raw
/// control or a bidi control; every cell covers a piece of the text.
fn check_layout(text: &str, width: usize, laid: &hamish::layout::Laid) {
    if width == 0 {
        assert!(laid.rows.is_empty(), "rows at width 0");
        return;
    }
    assert!(!laid.rows.is_empty(), "a paragraph has at least one row");
    for (i, row) in laid.rows.iter().enumerate() {
        let cells = laid.row_cells(i);
        let sum: usize = cells.iter().map(|c| usize::from(c.width)).sum();
        assert_eq!(sum, row.width, "row {i}: cells and row width differ");
        assert!(
            row.indent + row.width <= width,
            "row {i} overflows the column"
        );
        for cell in cells {
            assert!(cell.range().end <= text.len(), "cell past the text");
            let shown = cell.text(text);
            assert!(
                !shown
                    .chars()
                    .any(|c| c.is_control() || sanitize::is_bidi_control(c)),
                "control in a cell: {shown:?}"
            );
        }
    }
}

/// Every saved input of `target` under `dir` (one file each), sorted.
pub fn saved_inputs(dir: &Path, target: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join(target))
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}
