//! Opening documents for the reader, which never touches the disk itself:
//! reading a file (or a bundled essay), importing it, and finding where it
//! was left in the state file. The event loop calls this before the reader
//! starts and to carry out `Effect::Open`. A large file in a format read
//! from the top down opens from its first part while the whole is imported
//! on another thread.

use std::path::Path;
use std::sync::mpsc::{self, Receiver};

use crate::app::{Opened, Source};
use crate::document::{import, Document, Format};
use crate::persist::state::{self, DocState, StateFile};
use crate::source_file::{read_text, SourceText};

/// Files larger than this open in two steps.
pub const QUICK_OPEN_BYTES: usize = 2_000_000;

/// PDFs larger than this (about a hundred pages) open in two steps: their
/// first pages, then the whole.
pub const QUICK_OPEN_PDF_BYTES: usize = 256 << 10;

/// The pages a long PDF first opens with.
const FIRST_PDF_PAGES: usize = 12;

/// Read and import a library entry, with its saved state from the state
/// file at `state_path` (read again now: another hamish may have saved).
pub fn open_source(
    source: &Source,
    entry: usize,
    state_path: Option<&Path>,
) -> Result<Opened, String> {
    let (doc, key, path) = match source {
        Source::Bundled(b) => {
            let essay = crate::bundled::ESSAYS
                .get(*b)
                .ok_or_else(|| format!("no bundled essay {b}"))?;
            (crate::bundled::import(essay), state::key(essay.text), None)
        }
        Source::File(path) => {
            let text = read_text(path).map_err(|e| e.to_string())?;
            let key = state::key_of(text.identity());
            let doc = import::import_source(&text, None).map_err(|e| e.to_string())?;
            (doc, key, Some(path.clone()))
        }
    };
    let (file, notice) = match state_path {
        Some(p) => state::load(p),
        None => (StateFile::default(), None),
    };
    Ok(Opened {
        saved: saved_entry(&file, &key),
        doc,
        key,
        path,
        entry: Some(entry),
        notice,
    })
}

/// The saved entry of the document with `key`, if there is one.
pub fn saved_entry(file: &StateFile, key: &str) -> Option<DocState> {
    file.documents.get(key).cloned()
}

/// A document opened from its first part, and how the whole arrives.
pub struct QuickOpen {
    pub doc: Document,
    /// The whole document, imported on another thread (none when `doc`
    /// is already the whole).
    pub rest: Option<Receiver<Document>>,
    /// The document's key in the state file.
    pub key: String,
}

/// Import `path`; a large file in formats read from the top down (PDF text,
/// plain) first gives a document made from its first part, so the first
/// frame comes at once, while the whole is imported on another thread and
/// handed over through `rest`.
pub fn open_quickly(path: &Path, format: Option<Format>) -> anyhow::Result<QuickOpen> {
    let source = read_text(path)?;
    let key = state::key_of(source.identity());
    let format = match (&source.pdf, format) {
        (_, Some(format)) => format,
        (Some(_), None) => Format::Pdf,
        (None, None) => import::detect::detect(path, &source.text),
    };
    let pdf_bytes = source.pdf.as_ref().map_or(0, Vec::len);
    if format == Format::Pdf && pdf_bytes > QUICK_OPEN_PDF_BYTES {
        return open_pdf_quickly(source, key);
    }
    let quick = matches!(format, Format::Pdftext | Format::Plain | Format::Lines)
        && source.text.len() > QUICK_OPEN_BYTES;
    if !quick {
        let doc = import::import_source(&source, Some(format))?;
        return Ok(QuickOpen {
            doc,
            rest: None,
            key,
        });
    }
    // The first part, cut at a line end.
    let limit = source.text.floor_char_boundary(QUICK_OPEN_BYTES / 4);
    let cut = source.text[..limit].rfind('\n').map_or(limit, |i| i + 1);
    let mut head = SourceText::new(source.path.clone(), source.text[..cut].to_string());
    head.replaced = source.replaced;
    head.decoded_from = source.decoded_from;
    let first = import::import_source(&head, Some(format))?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let doc = import::import_source(&source, Some(format));
        drop(source); // before the reader copies the text into its flow
        if let Ok(doc) = doc {
            let _ = tx.send(doc);
        }
    });
    Ok(QuickOpen {
        doc: first,
        rest: Some(rx),
        key,
    })
}

/// A long PDF: its first pages now, the whole on another thread.
fn open_pdf_quickly(source: SourceText, key: String) -> anyhow::Result<QuickOpen> {
    let first = import::import_first_pages(&source, FIRST_PDF_PAGES)?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        if let Ok(doc) = import::import_source(&source, Some(Format::Pdf)) {
            let _ = tx.send(doc);
        }
    });
    Ok(QuickOpen {
        doc: first,
        rest: Some(rx),
        key,
    })
}
