//! `--print`: the laid-out document as text on stdout, for pipes, checks
//! against the reference oracle, and terminals where a full-screen reader is
//! not wanted.

use std::io::{self, Write};

use crate::document::reading_order::reading_order;
use crate::layout::{layout_paragraph, LayoutOptions};
use crate::settings::BidiMode;

use crate::term::escape::{pass_through, Route, BIDI_GIVE_BACK, BIDI_TAKE_OVER};

/// Print options.
#[derive(Clone, Copy, Debug)]
pub struct PrintOptions {
    pub layout: LayoutOptions,
    pub bidi: BidiMode,
    /// No escape sequences at all.
    pub plain: bool,
    /// The output is a terminal (only then are BiDi mode sequences useful).
    pub to_terminal: bool,
    /// How the BiDi modes reach the terminal behind tmux or GNU screen.
    /// Only the mode for rows to come is needed: the printed rows are new.
    pub route: Route,
}

/// Paragraphs laid out per batch; each batch is split among the cores.
/// Small enough that a batch's copies and rows stay small beside the
/// document (a long PDF's is a few hundred KB), large enough that starting
/// the workers costs nothing to speak of.
const BATCH: usize = 256;
const BATCH_BYTES: usize = 256 << 10;

/// Write each paragraph's rows; an empty paragraph is an empty row.
///
/// Paragraphs are independent, so a batch of them is laid out on all cores
/// at once and written in order.
pub fn print_paragraphs<W: Write, S: AsRef<str> + Sync>(
    out: &mut W,
    paragraphs: impl IntoIterator<Item = S>,
    options: &PrintOptions,
) -> io::Result<()> {
    let guard = options.to_terminal && !options.plain && options.bidi == BidiMode::App;
    if guard {
        out.write_all(BIDI_TAKE_OVER.as_bytes())?;
        if options.route != Route::Direct {
            out.write_all(pass_through(options.route, BIDI_TAKE_OVER).as_bytes())?;
        }
    }
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let mut paragraphs = paragraphs.into_iter().peekable();
    let mut batch: Vec<S> = Vec::with_capacity(BATCH);
    while paragraphs.peek().is_some() {
        batch.clear();
        // At most BATCH paragraphs or BATCH_BYTES of text, so memory stays
        // bounded however long the paragraphs are.
        let mut bytes = 0;
        while bytes < BATCH_BYTES && batch.len() < BATCH {
            let Some(p) = paragraphs.next() else { break };
            bytes += p.as_ref().len();
            batch.push(p);
        }
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
        if options.route != Route::Direct {
            out.write_all(pass_through(options.route, BIDI_GIVE_BACK).as_bytes())?;
        }
        out.write_all(BIDI_GIVE_BACK.as_bytes())?;
    }
    out.flush()
}

/// The rows of `paragraphs`, one line each.
fn render_rows<S: AsRef<str>>(paragraphs: &[S], layout: &LayoutOptions) -> String {
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.as_ref().len() + 8).sum());
    for paragraph in paragraphs {
        let paragraph = paragraph.as_ref();
        let laid = layout_paragraph(paragraph, layout, &[]);
        for i in 0..laid.rows.len() {
            laid.push_row_text(paragraph, i, &mut text);
            text.push('\n');
        }
    }
    text
}

/// The paragraphs `--print` shows for a document: its reading order (the
/// reader's flow: title, sections, the notes under their heading), each
/// item separated from the next by an empty row, except in the `lines`
/// format, whose paragraphs are printed exactly as they are. Made one at a
/// time, so a large document is never copied whole.
pub fn document_paragraphs(doc: &crate::document::Document) -> impl Iterator<Item = String> + '_ {
    let spaced = doc.meta.format != crate::document::Format::Lines;
    reading_order(doc).enumerate().flat_map(move |(i, item)| {
        let gap = (spaced && i > 0).then(String::new);
        gap.into_iter()
            .chain(std::iter::once(item.text.into_owned()))
    })
}

/// Print a whole document.
pub fn print_document<W: Write>(
    out: &mut W,
    doc: &crate::document::Document,
    options: &PrintOptions,
) -> io::Result<()> {
    print_paragraphs(out, document_paragraphs(doc), options)
}
