//! `markdown`: CommonMark with footnotes (`[^1]`), the format people write
//! their own essays in, read with pulldown-cmark.
//!
//! An optional front-matter block between `---` lines gives `title`,
//! `authors` (a `[a, b]` list, `- ` items, or one name), `lang` and
//! `abstract` (one line, or `|` followed by indented lines). Only that
//! subset of YAML is read; anything else in the block is reported.
//!
//! Headings make sections; headings named like an abstract, keywords or
//! references (in English or Arabic) make sections of that kind, and list
//! items under a references heading are reference entries. A first-level
//! heading before any text is the title when the front matter has none.

mod builder;
mod front_matter;

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::document::import::warnings::{Warnings, UNDEFINED_FOOTNOTE, UNKNOWN_FRONT_MATTER_KEY};
use crate::document::model::{Block, BlockKind, Document, Format, Inline, Section, SectionKind};
use builder::Builder;

const OPTIONS: Options = Options::ENABLE_FOOTNOTES;

fn is_rtl_text(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{0590}'..='\u{08FF}').contains(&c))
}

/// The id of each footnote label, "fn1", "fn2"… in the order the notes
/// are defined.
fn note_ids(body: &str) -> HashMap<String, String> {
    let mut ids: HashMap<String, String> = HashMap::new();
    for event in Parser::new_ext(body, OPTIONS) {
        if let Event::Start(Tag::FootnoteDefinition(label)) = &event {
            let n = ids.len() + 1;
            ids.entry(label.to_string())
                .or_insert_with(|| format!("fn{n}"));
        }
    }
    ids
}

/// pulldown-cmark leaves a reference to an undefined footnote as the three
/// text events "[", "^label", "]" (an escaped "\[^x\]" comes as one run of
/// text), so that shape at the start of `events` is a missing note: its
/// label.
fn undefined_reference<'e>(events: &'e [Event]) -> Option<&'e str> {
    let [Event::Text(open), Event::Text(label), Event::Text(close), ..] = events else {
        return None;
    };
    (open.as_ref() == "["
        && close.as_ref() == "]"
        && label.starts_with('^')
        && label.len() > 1
        && !label.contains(char::is_whitespace))
    .then(|| &label[1..])
}

pub fn import(text: &str) -> Document {
    let (front, body) = front_matter::split(text);
    let fm = front.map(front_matter::parse).unwrap_or_default();
    let mut b = Builder::new(note_ids(body), fm.title.is_none());
    let events: Vec<Event> = Parser::new_ext(body, OPTIONS).collect();
    let mut k = 0;
    while k < events.len() {
        if let Some(label) = undefined_reference(&events[k..]) {
            b.inlines.push(Inline::Note {
                note: None,
                label: label.to_string(),
            });
            k += 3;
            continue;
        }
        b.handle(events[k].clone());
        k += 1;
    }
    b.finish_block(BlockKind::Paragraph);

    let mut doc = Document::new(
        fm.title.or(b.title_from_heading).unwrap_or_default(),
        Format::Markdown,
    );
    doc.meta.authors = fm.authors;
    doc.meta.language = fm.lang;
    if let Some(text) = fm.abstract_text {
        b.sections.insert(0, abstract_section(&text));
    }
    doc.sections = b.sections;
    doc.notes = b.notes;
    let mut warnings = Warnings::default();
    for key in &fm.unknown {
        warnings.add(UNKNOWN_FRONT_MATTER_KEY, key);
    }
    missing_note_warnings(&doc, &mut warnings);
    doc.meta.warnings.extend(warnings.into_messages());
    doc.assign_ids();
    doc
}

/// The front matter's abstract as a section: paragraphs at blank lines,
/// named in its own language.
fn abstract_section(text: &str) -> Section {
    let lang = if is_rtl_text(text) { "ar" } else { "en" };
    let blocks = text
        .split("\n\n")
        .map(|p| {
            Block::paragraph(
                String::new(),
                p.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    Section {
        id: String::new(),
        kind: SectionKind::Abstract,
        title: Some(if lang == "ar" {
            // الملخص (the abstract)
            "\u{0627}\u{0644}\u{0645}\u{0644}\u{062E}\u{0635}".into()
        } else {
            "Abstract".into()
        }),
        level: 2,
        lang: Some(lang.into()),
        blocks,
    }
}

/// Tell the reader about labels used with no note defined: one line
/// however many there are (a label used twice counts once).
fn missing_note_warnings(doc: &Document, warnings: &mut Warnings) {
    let mut seen: HashSet<&str> = HashSet::new();
    for block in doc.sections.iter().flat_map(|s| s.blocks.iter()) {
        for (note, label) in block.note_refs() {
            if note.is_none() && seen.insert(label) {
                warnings.add(UNDEFINED_FOOTNOTE, label);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_headings_and_notes() {
        let text = "---\ntitle: \"An essay\"\nauthors: [A. Writer, B. Writer]\nlang: ar\n---\n\n## Abstract\n\nIn English.\n\n## Body\n\nText with a note[^1] and a missing one[^9].\n\n[^1]: The note.\n";
        let doc = import(text);
        assert_eq!(doc.meta.title, "An essay");
        assert_eq!(doc.meta.authors, ["A. Writer", "B. Writer"]);
        assert_eq!(doc.meta.language.as_deref(), Some("ar"));
        assert_eq!(doc.sections[0].kind, SectionKind::Abstract);
        assert_eq!(doc.sections[0].lang.as_deref(), Some("en"));
        assert_eq!(doc.notes.len(), 1);
        let refs: Vec<_> = doc.sections[1].blocks[0]
            .note_refs()
            .map(|(n, l)| (n.clone(), l.to_string()))
            .collect();
        assert_eq!(
            refs,
            [
                (Some("fn1".to_string()), "1".to_string()),
                (None, "9".to_string())
            ]
        );
        assert!(
            doc.meta.warnings.iter().any(|w| w.contains("[^9]")),
            "{:?}",
            doc.meta.warnings
        );
    }

    #[test]
    fn a_missing_note_used_twice_is_one_warning() {
        let doc = import("One[^x] and two[^x] and three[^y].\n");
        assert_eq!(
            doc.meta.warnings,
            ["2 footnote labels are used but never defined, the first [^x]; their markers are kept"]
        );
        let doc = import("One[^x] and two[^x].\n");
        assert_eq!(
            doc.meta.warnings,
            ["footnote [^x] is used but never defined; its marker is kept"]
        );
    }

    #[test]
    fn references_heading_makes_reference_entries() {
        // "## المصادر" (sources)
        let doc = import(
            "## \u{0627}\u{0644}\u{0645}\u{0635}\u{0627}\u{062F}\u{0631}\n\n- One.\n- Two.\n",
        );
        assert_eq!(doc.sections[0].kind, SectionKind::References);
        assert_eq!(doc.references().count(), 2);
        assert!(doc.references().all(|b| b.kind == BlockKind::Reference));
    }

    #[test]
    fn first_h1_is_the_title() {
        let doc = import("# Title\n\nText.\n\n# Part\n\nMore.\n");
        assert_eq!(doc.meta.title, "Title");
        // "Text." sits in an untitled section before "Part".
        assert_eq!(doc.sections.len(), 2);
        assert_eq!(doc.sections[0].title, None);
        assert_eq!(doc.sections[1].title.as_deref(), Some("Part"));
    }
}
