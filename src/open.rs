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

/// PDFs larger than this (about fifty pages) open in two steps: their
/// first pages, then the whole.
pub const QUICK_OPEN_PDF_BYTES: usize = 96 << 10;

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
/// plain, Markdown) first gives a document made from its first part, so the
/// first frame comes at once, while the whole is imported on another thread
/// and handed over through `rest`.
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
    let head_end = if source.text.len() > QUICK_OPEN_BYTES {
        first_part_end(&source.text, format)
    } else {
        None
    };
    let Some(cut) = head_end else {
        let doc = import::import_source(&source, Some(format))?;
        return Ok(QuickOpen {
            doc,
            rest: None,
            key,
        });
    };
    let mut head = SourceText::new(source.path.clone(), source.text[..cut].to_string());
    head.replaced = source.replaced;
    head.decoded_from = source.decoded_from;
    let mut first = import::import_source(&head, Some(format))?;
    // What the first part lacks (notes defined further on) is no news:
    // the whole brings its own warnings.
    first.meta.warnings.clear();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        // The text is let go of as it is read, where the format allows.
        let doc = import::import_owned(source, Some(format));
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

/// A long PDF: its first pages now, the whole after them. Both imports run
/// on one other thread, one after the other: each thread allocates from an
/// arena of its own (glibc), which keeps the pages its import's peak
/// touched; on one thread, the whole is built in the room the first
/// pages' import left (the reader's median peak on 304 pages 0.3 MiB
/// lower, BENCHMARKS.md).
fn open_pdf_quickly(source: SourceText, key: String) -> anyhow::Result<QuickOpen> {
    let (first_tx, first_rx) = mpsc::channel();
    let (tx, rx) = mpsc::channel();
    let importer = std::thread::spawn(move || {
        let first = import::import_first_pages(&source, FIRST_PDF_PAGES);
        let opened = first.is_ok();
        if first_tx.send(first).is_err() || !opened {
            return;
        }
        // Taken whole: the PDF's bytes go once parsed.
        if let Ok(doc) = import::import_owned(source, Some(Format::Pdf)) {
            let _ = tx.send(doc);
        }
    });
    let first = match first_rx.recv() {
        Ok(first) => first?,
        // The thread ended without a word: it panicked; so does this one,
        // as it would have importing the first pages itself.
        Err(_) => match importer.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => anyhow::bail!("the PDF's first pages were not imported"),
        },
    };
    Ok(QuickOpen {
        doc: first,
        rest: Some(rx),
        key,
    })
}

/// Where the first part of a large text ends, in the formats that can be
/// shown from one: at a line end (PDF text, plain), or where a Markdown
/// block may start; `None` for formats read whole (JSON).
fn first_part_end(text: &str, format: Format) -> Option<usize> {
    let min = text.floor_char_boundary(QUICK_OPEN_BYTES / 4);
    match format {
        Format::Pdftext | Format::Plain | Format::Lines => {
            Some(text[..min].rfind('\n').map_or(min, |i| i + 1))
        }
        Format::Markdown => import::markdown::first_part_end(text, min),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `text` in a fresh temporary directory.
    fn file(name: &str, text: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("hamish-open-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    #[test]
    fn a_large_markdown_essay_opens_from_its_first_part_then_whole() {
        // Front matter, a note used at the start and defined at the end,
        // and 3 MB of sections in between, one fenced block among them.
        let mut text = String::from("---\ntitle: Big\n---\n\nFirst[^end] words.\n\n");
        let mut n = 0;
        while text.len() < 3_000_000 {
            n += 1;
            text.push_str(&format!("## Section {n}\n\nSome text of section {n}.\n\n"));
            if n == 3000 {
                text.push_str("```\ncode\n\n## not a heading\n```\n\n");
            }
        }
        text.push_str("[^end]: The note at the end.\n");
        let path = file("big.md", &text);
        let opened = open_quickly(&path, None).expect("opens");
        assert_eq!(opened.doc.meta.title, "Big");
        assert!(opened.doc.sections.len() < n / 2, "only the first part");
        assert!(
            opened.doc.meta.warnings.is_empty(),
            "{:?}",
            opened.doc.meta.warnings
        );
        let whole = opened
            .rest
            .expect("the whole to come")
            .recv()
            .expect("the whole");
        // The untitled one holding "First words", then the n headings.
        assert_eq!(whole.sections.len(), n + 1);
        assert_eq!(whole.notes.len(), 1);
        assert_eq!(whole.meta.warnings, Vec::<String>::new());
        let _ = std::fs::remove_dir_all(path.parent().expect("dir"));
    }

    /// A PDF of the test corpus, read as the reader reads it.
    fn corpus_pdf(name: &str) -> SourceText {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        read_text(&path).expect("the fixture reads")
    }

    #[test]
    fn a_long_pdf_opens_from_its_first_pages_then_whole() {
        let name = "tests/corpus/pdf/01_water.lo.pdf";
        let whole = import::import_source(&corpus_pdf(name), None).expect("imports");
        let opened = open_pdf_quickly(corpus_pdf(name), "key".into()).expect("opens");
        let first_pages = import::import_first_pages(&corpus_pdf(name), FIRST_PDF_PAGES)
            .expect("imports its first pages");
        // The first document is the first pages' import, the second the
        // whole, each as if imported alone: on one thread, one after the
        // other, neither changes the other.
        assert_eq!(opened.doc, first_pages);
        let rest = opened.rest.expect("the whole to come");
        assert_eq!(rest.recv().expect("the whole"), whole);
        assert_eq!(opened.key, "key");
    }

    #[test]
    fn a_long_pdf_that_cannot_be_read_says_why_at_once() {
        // A page of an image and no text: nothing to show, so no reader.
        let err = open_pdf_quickly(corpus_pdf("tests/pdf/scanned.pdf"), "key".into())
            .err()
            .expect("an error, not a hang");
        assert!(err.to_string().contains("no text in this PDF"), "{err}");
    }

    #[test]
    fn a_small_or_json_file_opens_whole() {
        let path = file("small.md", "# T\n\nText.\n");
        assert!(open_quickly(&path, None).expect("opens").rest.is_none());
        let _ = std::fs::remove_dir_all(path.parent().expect("dir"));
    }
}
