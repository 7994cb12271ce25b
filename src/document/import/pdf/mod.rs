//! PDF files: the essay rebuilt from where every glyph sits on the page.
//!
//! `objects` reads the file through lopdf with every size bounded, `fonts`
//! (with `cmap`, `encoding` and `strokes`) says what text each code shows,
//! `interpret` runs the content streams and yields placed glyphs and
//! rules, `lines` groups glyphs into lines in logical order (`order`,
//! `letters`), and `page_lines` hands them (`running_heads` says which
//! stand where running heads do) with their evidence to the
//! structure stage every paginated source shares.

mod actual_text;
mod cmap;
mod columns;
mod encoding;
mod fonts;
mod interpret;
mod letters;
mod lines;
mod matrix;
mod note_labels;
mod objects;
mod order;
mod overprint;
mod page_lines;
mod readings;
mod running_heads;
mod strokes;

use std::borrow::Cow;
use std::collections::HashMap;

use lopdf::{Dictionary, Document as Pdf, LoadOptions, Object, ObjectId};

use crate::document::import::paginated;
use crate::document::model::{Document, Format};
use interpret::{FontCache, Interpreter};
use objects::{number, resolve, MAX_STREAM_BYTES};
use page_lines::{LineStore, ReadPage, StoredPage};

/// Pages beyond this are not read (a "page bomb" declares millions).
pub const MAX_PAGES: usize = 3000;

/// `%PDF-` within the first kilobyte, where readers look for it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Import a PDF's bytes; the error is the one line the user is shown.
pub fn import(bytes: &[u8]) -> Result<Document, String> {
    import_pages(Cow::Borrowed(bytes), MAX_PAGES)
}

/// Import the first `pages` pages only (the reader's first frame of a
/// long PDF, while the whole is imported on another thread). Bytes given
/// owned are dropped once parsed.
pub fn import_pages(bytes: Cow<[u8]>, pages: usize) -> Result<Document, String> {
    let read = read(bytes, pages.min(MAX_PAGES))?;
    let pages = page_lines::pages(&read.store, read.pages);
    let mut doc = paginated::build(&pages, Format::Pdf);
    drop(pages);
    drop(read.store);
    note_labels::apply(&mut doc, &read.labels);
    doc.meta.warnings.extend(read.warnings);
    Ok(doc)
}

/// What each line of the PDF became (`convert --to outline`).
pub fn outline(bytes: &[u8]) -> Result<String, String> {
    let read = read(Cow::Borrowed(bytes), MAX_PAGES)?;
    let pages = page_lines::pages(&read.store, read.pages);
    Ok(paginated::outline(&pages, Format::Pdf))
}

/// What the PDF gives the structure stage.
struct Read {
    /// Its lines' text and evidence.
    store: LineStore,
    /// Its pages of lines, kept in `store`.
    pages: Vec<StoredPage>,
    /// What went wrong on the way.
    warnings: Vec<String>,
    /// The printed marker of each line that starts with one, in order.
    labels: Vec<Option<String>>,
}

/// The PDF's pages of lines for the structure stage, and what went wrong
/// on the way.
fn read(bytes: Cow<[u8]>, max_pages: usize) -> Result<Read, String> {
    if !is_pdf(&bytes) {
        return Err("not a PDF (no %PDF- header)".into());
    }
    let mut pdf = std::panic::catch_unwind(|| load(&bytes))
        .map_err(|_| "not a readable PDF (its structure is damaged)".to_string())??;
    // lopdf holds its own copy of every object.
    drop(bytes);
    let mut store = LineStore::default();
    let (pages, warnings) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_pages(&mut pdf, max_pages, &mut store)
    }))
    .map_err(|_| "not a readable PDF (its content is damaged)".to_string())?;
    // The object graph is not needed past the glyphs: gone before the
    // lines become the structure stage's.
    drop(pdf);
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err("no text in this PDF (scanned?)".into());
    }
    let mut labels = Vec::new();
    let pages = page_lines::store_pages(pages, &mut store, &mut labels);
    Ok(Read {
        store,
        pages,
        warnings,
        labels,
    })
}

fn load(bytes: &[u8]) -> Result<Pdf, String> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let pdf = Pdf::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => {
            "is protected by a password; hamish cannot open it".to_string()
        }
        e => format!("not a readable PDF ({})", first_line(&e.to_string())),
    })?;
    if pdf.is_encrypted() && pdf.authenticate_password("").is_err() {
        return Err("is protected by a password; hamish cannot open it".into());
    }
    Ok(pdf)
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    line.chars().take(120).collect()
}

/// Every page's lines and rules (their text put in `store`), and what
/// went wrong on the way. Each page's own objects (its dictionary and
/// content streams) leave `pdf` once read: a long PDF is not held whole
/// beside its lines.
fn read_pages(
    pdf: &mut Pdf,
    max_pages: usize,
    store: &mut LineStore,
) -> (Vec<ReadPage>, Vec<String>) {
    let mut fonts = FontCache::new();
    let mut pages = Vec::new();
    let (mut undecodable, mut cut) = (0, 0);
    // Letters so far of each direction: a page of English abstract in an
    // Arabic essay still reads its columns from the right.
    let (mut rtl_letters, mut latin_letters) = (0, 0);
    let mut gutters = columns::Gutters::default();
    let ids: Vec<ObjectId> = pdf.page_iter().take(max_pages + 1).collect();
    let last_use = last_use(pdf, &ids[..ids.len().min(max_pages)]);
    for (n, &id) in ids.iter().take(max_pages).enumerate() {
        let content = pdf
            .get_page_content_with_limit(id, MAX_STREAM_BYTES)
            .unwrap_or_default();
        let resources = page_resources(pdf, id);
        let mut read =
            Interpreter::new(pdf, &mut fonts, media_box(pdf, id)).run_page(&content, resources);
        overprint::remove(&mut read.glyphs);
        drop(content);
        for object in page_objects(pdf, id) {
            if last_use.get(&object) == Some(&n) {
                pdf.objects.remove(&object);
            }
        }
        undecodable += read.undecodable;
        cut += usize::from(read.truncated);
        let (r, l) = columns::letters(&read.glyphs);
        (rtl_letters, latin_letters) = (rtl_letters + r, latin_letters + l);
        let rtl = rtl_letters > 0 && rtl_letters * 100 >= (rtl_letters + latin_letters) * 35;
        let lines = lines::page_lines_in(&read.glyphs, rtl, &mut gutters);
        drop(read.glyphs);
        pages.push(ReadPage::new(n as u32 + 1, lines, read.rules, store));
    }
    let mut warnings = Vec::new();
    if undecodable > 0 {
        warnings.push(format!(
            "{undecodable} glyphs have no known text (fonts without a Unicode map); shown as U+FFFD"
        ));
    }
    if ids.len() > max_pages && max_pages == MAX_PAGES {
        warnings.push(format!("only the first {MAX_PAGES} pages were read"));
    }
    if cut > 0 {
        warnings.push(format!("{cut} pages were cut short (too much content)"));
    }
    (pages, warnings)
}

/// A page's own objects: its dictionary and its content streams.
fn page_objects(pdf: &Pdf, page: ObjectId) -> Vec<ObjectId> {
    let mut ids = pdf.get_page_contents(page);
    ids.push(page);
    ids
}

/// For each page's own object, the last page (an index into `pages`) that
/// uses it: a content stream two pages share stays until the second.
fn last_use(pdf: &Pdf, pages: &[ObjectId]) -> HashMap<ObjectId, usize> {
    let mut last = HashMap::new();
    for (n, &page) in pages.iter().enumerate() {
        for object in page_objects(pdf, page) {
            last.insert(object, n);
        }
    }
    last
}

/// The page's resources: its own or inherited from the page tree.
fn page_resources(pdf: &Pdf, id: ObjectId) -> Option<&Dictionary> {
    let (own, inherited) = pdf.get_page_resources(id).ok()?;
    own.or_else(|| inherited.first().and_then(|&r| pdf.get_dictionary(r).ok()))
}

/// The page's media box `[x0 y0 x1 y1]`, inherited through the page tree;
/// US Letter when there is none.
fn media_box(pdf: &Pdf, id: ObjectId) -> [f32; 4] {
    let mut node = pdf.get_dictionary(id).ok();
    for _ in 0..32 {
        let Some(d) = node else { break };
        if let Ok(Object::Array(b)) = d.get(b"MediaBox").map(|o| resolve(pdf, o)) {
            let v: Vec<f32> = b.iter().filter_map(|o| number(resolve(pdf, o))).collect();
            if v.len() == 4 {
                return [
                    v[0].min(v[2]),
                    v[1].min(v[3]),
                    v[0].max(v[2]),
                    v[1].max(v[3]),
                ];
            }
        }
        node = d.get(b"Parent").ok().and_then(|p| match resolve(pdf, p) {
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
    }
    [0.0, 0.0, 612.0, 792.0]
}
