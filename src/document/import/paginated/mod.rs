//! The structure stage shared by every paginated source: pages of lines in,
//! a [`Document`] out.
//!
//! A front end (`pdftext` for extracted text; `pdf` for PDF files) turns its
//! input into [`Page`]s of [`SourceLine`]s with whatever evidence it has,
//! and calls [`build`]. The stages run in this order, each claiming lines
//! the earlier ones left as body text, each in its own module with the
//! heuristics it applies written out at its top:
//!
//! 1. `classified`: all lines in one sequence; rules open footnote areas.
//! 2. `edges`: running headers and page numbers at the edges of pages,
//!    when the source says where pages end.
//!    `furniture`: page numbers, running headers and footers, recurring
//!    lines, duplicated lines.
//! 3. `notes`: footnote areas and the notes in them, across pages;
//!    `numbered` when no rule announces them (notes numbered through the
//!    document at the foot of each page).
//! 4. `structure`: headings, paragraphs and list items from the body lines
//!    (`headings` says which lines are headings, `joining` joins lines).
//! 5. `markers`: footnote markers in the body, linked to their notes
//!    (`glued` finds the numbered notes' markers glued to words;
//!    `symbols` the notes labelled `*`, `†`, `‡` and their markers).
//! 6. `repair`: extraction damage to right-to-left text undone, recorded on
//!    each block.
//! 7. `meta`: title and language.

mod classified;
mod edges;
mod furniture;
mod glued;
pub(crate) mod headings;
mod joining;
pub mod line;
mod markers;
mod meta;
mod notes;
mod numbered;
mod ordinal_label;
pub mod repair;
mod structure;
mod symbols;
mod text;
mod title_end;
mod trace;

pub use line::{LineEvidence, Page, SourceLine};

use crate::document::model::{Block, Document, Format};

/// Build the document from pages of lines; `format` is the source's.
pub fn build(pages: &[Page], format: Format) -> Document {
    run(pages, format).0
}

/// The document and its outline: each source line and what it became, the
/// notes' markers and the repairs (`hamish convert --to outline`).
pub fn outline(pages: &[Page], format: Format) -> String {
    let (doc, lines, headings) = run(pages, format);
    trace::render(&lines, &headings, &doc)
}

/// The numbers of the notes labelled with a plain number.
fn numbered_labels(notes: &[notes::RawNote]) -> Vec<u32> {
    notes
        .iter()
        .filter_map(|n| n.label.as_deref()?.parse().ok())
        .collect()
}

/// All the stages: the document, the lines with their kinds, and which
/// lines became headings.
fn run<'a>(
    pages: &'a [Page<'a>],
    format: Format,
) -> (Document, Vec<classified::Line<'a>>, Vec<usize>) {
    let mut lines = classified::classify(pages);
    let paged = edges::mark(&mut lines);
    furniture::mark(&mut lines, paged);
    furniture::mark_duplicates(&mut lines);
    let mut raw_notes = notes::find(&mut lines);
    if raw_notes.is_empty() {
        raw_notes = numbered::find(&mut lines);
    }
    symbols::find(&mut lines, &mut raw_notes);
    let structure::Body {
        mut sections,
        title,
        headings,
        glyphs,
    } = structure::assemble(&lines, &numbered_labels(&raw_notes));
    let mut notes = notes::note_texts(&lines, &raw_notes);

    let mut blocks: Vec<&mut Block> = sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .collect();
    let mut body_markers = glued::collect(&mut blocks, &raw_notes);
    body_markers.extend(markers::collect(&blocks, &glyphs, &raw_notes));
    body_markers.extend(symbols::markers(&blocks, &raw_notes));
    body_markers.sort_by_key(|m| (m.block, m.at));
    let links = markers::link(&body_markers, &raw_notes);
    markers::insert(&mut blocks, &body_markers, &links, &notes);
    drop(blocks);

    repair::blocks::repair_all(&mut sections, &mut notes);

    let mut doc = Document::new("", format);
    let unlinked = markers::unlinked(&body_markers, &links);
    if unlinked > 0 {
        doc.meta
            .warnings
            .push(format!("{unlinked} footnote marker(s) have no note text"));
    }
    doc.meta.title = title.unwrap_or_else(|| meta::title(&sections));
    doc.meta.language = meta::language(&lines);
    doc.sections = sections;
    doc.notes = notes;
    doc.assign_ids();
    (doc, lines, headings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::model::{Inline, SectionKind};

    /// Lines as a front end would hand them over, page by page.
    fn page(number: u32, texts: &[&'static str]) -> Page<'static> {
        let lines = texts
            .iter()
            .enumerate()
            .map(|(i, raw)| {
                let lead = raw.len() - raw.trim_start().len();
                let mut line = SourceLine::plain(raw.trim(), number, i as u32, lead, 0);
                line.rule = *raw == "---";
                line
            })
            .collect();
        Page { number, lines }
    }

    const FULL: &str = "the footnote goes on over a whole line of the page, full";

    #[test]
    fn a_note_runs_on_across_pages_and_furniture_goes() {
        let pages = [
            page(
                1,
                &[
                    "   Trotsky\u{F02B}, the founder of the army, wrote a lot",
                    "and he said so in his memoirs.",
                    "---",
                    "\u{F02B} Leon Trotsky (1879-1940), the footnote goes on over",
                    FULL,
                    "",
                    "12",
                    "",
                ],
            ),
            page(
                2,
                &[
                    "   Lenin, the other leader, wrote more than him",
                    "and that is all.",
                    "---",
                    FULL,
                    "and ends on the second page.",
                    "",
                    "13",
                ],
            ),
        ];
        let doc = build(&pages, Format::Pdftext);
        assert_eq!(doc.meta.format, Format::Pdftext);
        assert_eq!(doc.notes.len(), 1);
        let note = doc.notes[0].blocks[0].plain_text();
        assert!(note.starts_with("Leon Trotsky (1879-1940)"), "{note}");
        assert!(note.ends_with("and ends on the second page."), "{note}");
        let body: Vec<String> = doc.sections[0]
            .blocks
            .iter()
            .map(Block::plain_text)
            .collect();
        assert_eq!(
            body,
            [
                "Trotsky, the founder of the army, wrote a lot and he said so in his memoirs.",
                "Lenin, the other leader, wrote more than him and that is all.",
            ]
        );
        assert_eq!(doc.sections[0].kind, SectionKind::Body);
        assert!(matches!(
            &doc.sections[0].blocks[0].inlines[1],
            Inline::Note { note: Some(id), label } if id == "fn1" && label == "1"
        ));
        assert!(doc.meta.warnings.is_empty());
    }

    #[test]
    fn a_note_labelled_with_a_star_is_linked_by_its_label() {
        let pages = [
            page(
                1,
                &[
                    "The Map of the World",
                    "Sami Attar",
                    "",
                    "*",
                    "",
                    "The first paragraph of the essay runs over a long line",
                    "and ends on the second one with a full stop here.",
                    "* Professor of geography at the university.",
                    "1",
                ],
            ),
            page(
                2,
                &["More text on the second page, long enough to count.", "2"],
            ),
        ];
        let doc = build(&pages, Format::Pdftext);
        assert_eq!(doc.notes.len(), 1);
        assert_eq!(doc.notes[0].label, "*");
        assert_eq!(
            doc.notes[0].blocks[0].plain_text(),
            "Professor of geography at the university."
        );
        let author = &doc.sections[0].blocks[0];
        assert_eq!(author.plain_text(), "Sami Attar");
        assert!(matches!(
            &author.inlines[1],
            Inline::Note { note: Some(id), label } if id == &doc.notes[0].id && label == "*"
        ));
    }
}
