//! `--print`: the laid-out document as text on stdout, for pipes, checks
//! against the reference oracle, and terminals where a full-screen reader is
//! not wanted.

use std::io::{self, Write};

use crate::cli::BidiMode;
use crate::layout::{layout_paragraph, LayoutOptions};

/// Sequences from the terminal-wg BiDi recommendation: turn the terminal's
/// own reordering off (explicit mode, BDSM reset) and on again.
pub const BIDI_EXPLICIT: &str = "\x1b[8l";
pub const BIDI_IMPLICIT: &str = "\x1b[8h";

/// Print options.
#[derive(Clone, Copy, Debug)]
pub struct PrintOptions {
    pub layout: LayoutOptions,
    pub bidi: BidiMode,
    /// No escape sequences at all.
    pub plain: bool,
    /// The output is a terminal (only then are BiDi mode sequences useful).
    pub to_terminal: bool,
}

/// Paragraphs laid out per batch; each batch is split among the cores.
const BATCH: usize = 2048;

/// Write each paragraph's rows; an empty paragraph is an empty row.
///
/// Paragraphs are independent, so a batch of them is laid out on all cores
/// at once and written in order.
pub fn print_paragraphs<'a, W: Write>(
    out: &mut W,
    paragraphs: impl IntoIterator<Item = &'a str>,
    options: &PrintOptions,
) -> io::Result<()> {
    let guard = options.to_terminal && !options.plain && options.bidi == BidiMode::App;
    if guard {
        out.write_all(BIDI_EXPLICIT.as_bytes())?;
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let mut paragraphs = paragraphs.into_iter().peekable();
    let mut batch: Vec<&str> = Vec::with_capacity(BATCH);
    while paragraphs.peek().is_some() {
        batch.clear();
        batch.extend(paragraphs.by_ref().take(BATCH));
        if workers == 1 || batch.len() < 64 {
            out.write_all(render_rows(&batch, &options.layout).as_bytes())?;
            continue;
        }
        let per_worker = batch.len().div_ceil(workers);
        let texts: Vec<String> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(per_worker)
                .map(|part| scope.spawn(|| render_rows(part, &options.layout)))
                .collect();
            // A panic in a worker is a bug; carry it to this thread rather
            // than print a document with rows missing.
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for text in texts {
            out.write_all(text.as_bytes())?;
        }
    }
    if guard {
        out.write_all(BIDI_IMPLICIT.as_bytes())?;
    }
    out.flush()
}

/// The rows of `paragraphs`, one line each.
fn render_rows(paragraphs: &[&str], layout: &LayoutOptions) -> String {
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.len() + 8).sum());
    for paragraph in paragraphs {
        let laid = layout_paragraph(paragraph, layout, &[]);
        for i in 0..laid.rows.len() {
            laid.push_row_text(paragraph, i, &mut text);
            text.push('\n');
        }
    }
    text
}

/// The paragraphs `--print` shows for a document, in order: section titles,
/// blocks (list items and references with a bullet), then the notes.
/// Blocks are separated by an empty row, except in the `lines` format,
/// whose paragraphs are printed exactly as they are.
pub fn document_paragraphs(doc: &crate::document::Document) -> Vec<String> {
    use crate::document::{BlockKind, Format};
    let spaced = doc.meta.format != Format::Lines;
    let mut paragraphs: Vec<String> = Vec::new();
    let push = |text: String, paragraphs: &mut Vec<String>| {
        if spaced && !paragraphs.is_empty() {
            paragraphs.push(String::new());
        }
        paragraphs.push(text);
    };
    for section in &doc.sections {
        if let Some(title) = &section.title {
            push(title.clone(), &mut paragraphs);
        }
        for block in &section.blocks {
            let text = block.flat().text;
            match block.kind {
                BlockKind::Paragraph => push(text, &mut paragraphs),
                BlockKind::Item | BlockKind::Reference => {
                    push(format!("\u{2022} {text}"), &mut paragraphs)
                }
            }
        }
    }
    for note in &doc.notes {
        for (i, block) in note.blocks.iter().enumerate() {
            let text = block.flat().text;
            if i == 0 {
                push(
                    format!("{} {text}", crate::document::marker_label(&note.label)),
                    &mut paragraphs,
                );
            } else {
                push(text, &mut paragraphs);
            }
        }
    }
    paragraphs
}

/// Print a whole document.
pub fn print_document<W: Write>(
    out: &mut W,
    doc: &crate::document::Document,
    options: &PrintOptions,
) -> io::Result<()> {
    let paragraphs = document_paragraphs(doc);
    print_paragraphs(out, paragraphs.iter().map(String::as_str), options)
}
