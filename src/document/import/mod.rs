//! Importers: from a file's text to a [`Document`], one module per format,
//! chosen by content unless the user names the format.

pub mod detect;
pub mod extraction;
pub mod heading_words;
pub mod json;
pub mod markdown;
pub mod paginated;
pub mod pdf;
pub mod pdftext;
pub mod plain;
pub mod warnings;

use std::borrow::Cow;
use std::path::Path;

use super::model::{Block, Document, Format, Section, SectionKind};
use crate::source_file::{read_text, InputError, SourceText};

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{path}: nothing to show: the file has no text")]
    NothingToShow { path: String },
}

/// Read and import `path`, as `format` or as detected from its content.
pub fn import_path(path: &Path, format: Option<Format>) -> Result<Document, ImportError> {
    import_owned(read_text(path)?, format)
}

/// Import text already read, taking it: a PDF's bytes are let go as soon
/// as its objects are parsed, before its lines are built into a document
/// (a PDF compresses its text, so its lines and document are several
/// times the file); a Markdown text part by part as it is read, so that
/// the text and the whole document are never held together.
pub fn import_owned(
    mut source: SourceText,
    format: Option<Format>,
) -> Result<Document, ImportError> {
    let format = format_of(&source, format);
    if format == Format::Markdown {
        let doc = markdown::import_owned(std::mem::take(&mut source.text));
        return finish(doc, &source, format);
    }
    let pdf = source.pdf.take().map(Cow::Owned);
    import_limited(&source, pdf, Some(format), pdf::MAX_PAGES)
}

/// The outline of `path` (`convert --to outline`): for text extracted from
/// a PDF, each source line and what it became; other formats have no
/// lines to trace, so their import as Markdown, after a line saying so.
pub fn outline_path(path: &Path, format: Option<Format>) -> Result<String, ImportError> {
    let source = read_text(path)?;
    if let (Some(bytes), None | Some(Format::Pdf)) = (&source.pdf, format) {
        return pdf::outline(bytes).map_err(|message| ImportError::Invalid {
            path: source.path.display().to_string(),
            message,
        });
    }
    let format = format.unwrap_or_else(|| detect::detect(&source.path, &source.text));
    if format == Format::Pdftext {
        return Ok(pdftext::outline(&source.text));
    }
    let doc = import_source(&source, Some(format))?;
    Ok(format!(
        "# read as {}: the line-by-line outline is for PDF text (--format pdftext)\n{}",
        format.name(),
        crate::document::export::to_markdown(&doc)
    ))
}

/// Import text already read.
pub fn import_source(source: &SourceText, format: Option<Format>) -> Result<Document, ImportError> {
    import_limited(source, pdf_bytes(source), format, pdf::MAX_PAGES)
}

fn pdf_bytes(source: &SourceText) -> Option<Cow<'_, [u8]>> {
    source.pdf.as_deref().map(Cow::Borrowed)
}

/// Import a PDF's first `pages` pages only (the reader shows them first
/// while the whole is imported); other sources whole.
pub fn import_first_pages(source: &SourceText, pages: usize) -> Result<Document, ImportError> {
    import_limited(source, pdf_bytes(source), None, pages)
}

/// `pdf` is the source's PDF bytes, if it is a PDF (taken out of it or
/// borrowed).
fn import_limited(
    source: &SourceText,
    pdf: Option<Cow<'_, [u8]>>,
    format: Option<Format>,
    pdf_pages: usize,
) -> Result<Document, ImportError> {
    let display = source.path.display().to_string();
    // Not `format_of`: a PDF's bytes may have been taken out of `source`.
    let format = match (&pdf, format) {
        (Some(_), None) => Format::Pdf,
        (_, Some(format)) => format,
        (None, None) => detect::detect(&source.path, &source.text),
    };
    let doc = match format {
        Format::Pdf => {
            let bytes = pdf.unwrap_or(Cow::Borrowed(source.text.as_bytes()));
            pdf::import_pages(bytes, pdf_pages).map_err(|message| ImportError::Invalid {
                path: display.clone(),
                message,
            })?
        }
        Format::Json => json::import(&source.text).map_err(|message| ImportError::Invalid {
            path: display.clone(),
            message,
        })?,
        Format::Markdown => markdown::import(&source.text),
        Format::Pdftext => pdftext::import(&source.text),
        Format::Plain => plain::import(&source.text),
        Format::Lines => lines(&source.text),
    };
    finish(doc, source, format)
}

/// The format `source` is read as: the one asked for, else PDF for a PDF,
/// else what its name and text say.
fn format_of(source: &SourceText, format: Option<Format>) -> Format {
    match (&source.pdf, format) {
        (Some(_), None) => Format::Pdf,
        (_, Some(format)) => format,
        (None, None) => detect::detect(&source.path, &source.text),
    }
}

/// What every import ends with: paragraphs bounded, title, source and
/// format recorded, decoding reported; nothing to show is an error.
fn finish(mut doc: Document, source: &SourceText, format: Format) -> Result<Document, ImportError> {
    let display = source.path.display().to_string();
    crate::document::bound::bound_paragraphs(&mut doc);
    if doc.meta.title.trim().is_empty() {
        doc.meta.title = title_from_path(&source.path);
    }
    if format != Format::Json {
        doc.meta.source = Some(display.clone());
        doc.meta.format = format;
    }
    if let Some(encoding) = source.decoded_from {
        doc.meta.warnings.push(format!("decoded as {encoding}"));
    }
    if let Some((count, first)) = source.replaced {
        doc.meta.warnings.push(format!(
            "not valid UTF-8: {count} bytes replaced by U+FFFD, the first at byte {first}"
        ));
    }
    if doc.sections.iter().all(|s| s.blocks.is_empty()) && doc.notes.is_empty() {
        return Err(ImportError::NothingToShow { path: display });
    }
    Ok(doc)
}

/// A title from a file name: the stem, with separators as spaces.
pub fn title_from_path(path: &Path) -> String {
    if crate::source_file::is_stdin(path) {
        return "standard input".to_string();
    }
    path.file_stem()
        .map(|s| {
            s.to_string_lossy()
                .replace(['_', '-'], " ")
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "untitled".to_string())
}

/// `lines`: each line one paragraph (empty lines too), nothing interpreted.
pub fn lines(text: &str) -> Document {
    let mut doc = Document::new("", Format::Lines);
    let text = text.strip_suffix('\n').unwrap_or(text);
    // Counted first: a vector grown by doubling leaves its smaller copies
    // resident in the allocator's heap.
    let mut blocks = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
    blocks.extend(text.split('\n').map(|l| Block::paragraph(String::new(), l)));
    doc.sections.push(body_section(None, blocks));
    doc.assign_ids();
    doc
}

/// An untitled or titled body section.
pub fn body_section(title: Option<String>, blocks: Vec<Block>) -> Section {
    Section {
        id: String::new(),
        kind: SectionKind::Body,
        title,
        level: 1,
        lang: None,
        blocks,
    }
}
