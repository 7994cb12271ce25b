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
mod parts;

use std::collections::{HashMap, HashSet, VecDeque};

use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::document::import::warnings::{
    Warnings, DUPLICATE_FOOTNOTE, UNDEFINED_FOOTNOTE, UNKNOWN_FRONT_MATTER_KEY,
};
use crate::document::model::{Block, BlockKind, Document, Format, Section, SectionKind};
use builder::Builder;

const OPTIONS: Options = Options::ENABLE_FOOTNOTES;

/// How much of the text is parsed at once (see `parts`).
const PART_BYTES: usize = 1 << 20;

fn is_rtl_text(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{0590}'..='\u{08FF}').contains(&c))
}

/// The id of each footnote label, "fn1", "fn2"… in the order the notes
/// are defined, and the labels each part defines.
fn note_ids(parts: &[&str]) -> (HashMap<String, String>, Vec<HashSet<String>>) {
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut defined = Vec::with_capacity(parts.len());
    for part in parts {
        let mut here = HashSet::new();
        for event in Parser::new_ext(part, OPTIONS) {
            if let Event::Start(Tag::FootnoteDefinition(label)) = &event {
                let n = ids.len() + 1;
                ids.entry(label.to_string())
                    .or_insert_with(|| format!("fn{n}"));
                here.insert(label.to_string());
            }
        }
        defined.push(here);
    }
    (ids, defined)
}

/// pulldown-cmark leaves a reference to an undefined footnote as the three
/// text events "[", "^label", "]" (an escaped "\[^x\]" comes as one run of
/// text), so `first` and the two events after it in that shape are a
/// missing note: its label.
fn undefined_reference<'e>(first: &'e Event, next: &'e VecDeque<Event>) -> Option<&'e str> {
    let (Event::Text(open), Some(Event::Text(label)), Some(Event::Text(close))) =
        (first, next.front(), next.get(1))
    else {
        return None;
    };
    (open.as_ref() == "["
        && close.as_ref() == "]"
        && label.starts_with('^')
        && label.len() > 1
        && !label.contains(char::is_whitespace))
    .then(|| &label[1..])
}

/// Where `text` may be cut, at or after byte `min`, so that what comes
/// before reads as the start of the essay (front matter included): for
/// showing a large file from its first part while the whole is imported.
pub fn first_part_end(text: &str, min: usize) -> Option<usize> {
    let (_, body) = front_matter::split(text);
    let front = text.len() - body.len();
    parts::first_cut_after(body, min.saturating_sub(front)).map(|cut| front + cut)
}

pub fn import(text: &str) -> Document {
    import_in_parts(text, PART_BYTES)
}

/// `import`, letting go of the text part by part as it is read, so that
/// the text and the whole document are never held at once (a large essay
/// peaked at the two together).
pub fn import_owned(text: String) -> Document {
    import_owned_in_parts(text, PART_BYTES)
}

/// `import`, parsing about `part_bytes` at a time.
fn import_in_parts(text: &str, part_bytes: usize) -> Document {
    let (front, body) = front_matter::split(text);
    let fm = front.map(front_matter::parse).unwrap_or_default();
    let parts = parts::split(body, &parts::cuts(body, part_bytes));
    let (ids, defined) = note_ids(&parts);
    let links = if parts.len() > 1 {
        parts::link_definitions(body)
    } else {
        HashMap::new()
    };
    build(fm, parts, ids, &defined, &links)
}

/// `import_owned`, parsing about `part_bytes` at a time: what needs the
/// whole (note labels, link definitions, the front matter) is read first;
/// then the text is cut into parts from its end, each part a string of its
/// own and the rest shrunk at once, and each part is dropped once read.
fn import_owned_in_parts(mut text: String, part_bytes: usize) -> Document {
    let (front, body) = front_matter::split(&text);
    let fm = front.map(front_matter::parse).unwrap_or_default();
    let body_start = text.len() - body.len();
    let cuts = parts::cuts(body, part_bytes);
    let (ids, defined) = note_ids(&parts::split(body, &cuts));
    let links = if cuts.is_empty() {
        HashMap::new()
    } else {
        parts::link_definitions(body)
    };
    let mut owned = Vec::with_capacity(cuts.len() + 1);
    for cut in cuts.iter().rev().chain([&0]) {
        owned.push(text.split_off(body_start + cut));
        text.shrink_to_fit();
    }
    drop(text);
    owned.reverse();
    build(fm, owned, ids, &defined, &links)
}

/// The document from the parts of the text after the front matter, each
/// dropped once read.
fn build<P: AsRef<str>>(
    fm: front_matter::FrontMatter,
    parts: Vec<P>,
    ids: HashMap<String, String>,
    defined: &[HashSet<String>],
    links: &HashMap<String, String>,
) -> Document {
    let mut b = Builder::new(ids, fm.title.is_none());
    for (part, defined_here) in parts.into_iter().zip(defined) {
        import_part(&mut b, part.as_ref(), defined_here, links);
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
    let duplicates = std::mem::take(&mut b.duplicates);
    doc.sections = b.sections;
    doc.notes = b.notes;
    // Kept for the document's life: no room left from growing.
    doc.sections.shrink_to_fit();
    for section in &mut doc.sections {
        section.blocks.shrink_to_fit();
    }
    let mut warnings = Warnings::default();
    for key in &fm.unknown {
        warnings.add(UNKNOWN_FRONT_MATTER_KEY, key);
    }
    missing_note_warnings(&doc, &mut warnings);
    for label in &duplicates {
        warnings.add(DUPLICATE_FOOTNOTE, label);
    }
    doc.meta.warnings.extend(warnings.into_messages());
    doc.assign_ids();
    doc
}

/// Feed one part's events to the builder. Notes the part uses but another
/// defines get a stand-in definition before it (so the parser sees a
/// reference, not text), whose events are dropped; links whose definition
/// is in another part are resolved from `links`.
fn import_part(
    b: &mut Builder,
    part: &str,
    defined_here: &HashSet<String>,
    links: &HashMap<String, String>,
) {
    let stand_ins: HashSet<&str> = parts::referenced_labels(part)
        .into_iter()
        .filter(|l| b.defines(l) && !defined_here.contains(*l))
        .collect();
    let source: std::borrow::Cow<str> = if stand_ins.is_empty() {
        part.into()
    } else {
        // Before the part, not after: its end may be inside a fence left
        // open to the end of the text.
        let mut owned = String::with_capacity(part.len() + 16 * stand_ins.len());
        for label in &stand_ins {
            owned.push_str(&format!("[^{label}]: .\n\n"));
        }
        owned.push_str(part);
        owned.into()
    };
    let resolve = |link: BrokenLink| {
        links
            .get(&parts::link_label_key(&link.reference))
            .map(|url| (CowStr::from(url.clone()), CowStr::from("")))
    };
    let mut parser = Parser::new_with_broken_link_callback(&source, OPTIONS, Some(resolve));
    // Events one by one, with the three ahead that an undefined note
    // reference takes: never the whole document's events at once.
    let mut ahead: VecDeque<Event> = VecDeque::with_capacity(3);
    let mut in_stand_in = false;
    loop {
        while ahead.len() < 3 {
            match parser.next() {
                Some(event) => ahead.push_back(event),
                None => break,
            }
        }
        let Some(first) = ahead.pop_front() else {
            break;
        };
        match &first {
            Event::Start(Tag::FootnoteDefinition(l)) if stand_ins.contains(l.as_ref()) => {
                in_stand_in = true;
                continue;
            }
            Event::End(TagEnd::FootnoteDefinition) if in_stand_in => {
                in_stand_in = false;
                continue;
            }
            _ if in_stand_in => continue,
            _ => {}
        }
        if let Some(label) = undefined_reference(&first, &ahead) {
            b.undefined_note(label);
            ahead.drain(..2);
            continue;
        }
        b.handle(first);
    }
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
    fn a_label_defined_twice_keeps_its_first_note_and_is_one_warning() {
        // CommonMark keeps the first of two link definitions with one
        // label; pulldown-cmark gives both footnote definitions.
        let doc = import(
            "Uses[^1] and[^2].\n\n[^1]: first\n\n[^1]: second, *with* [^2]\n\n[^2]: other\n\n[^2]: again\n\nAfter.\n",
        );
        let notes: Vec<(&str, &str, String)> = doc
            .notes
            .iter()
            .map(|n| (n.id.as_str(), n.label.as_str(), n.blocks[0].plain_text()))
            .collect();
        assert_eq!(
            notes,
            [("fn1", "1", "first".into()), ("fn2", "2", "other".into())]
        );
        let body: Vec<String> = doc.sections[0]
            .blocks
            .iter()
            .map(|b| b.plain_text())
            .collect();
        assert_eq!(
            body,
            ["Uses and.", "After."],
            "nothing of the second definitions leaks"
        );
        assert_eq!(
            doc.meta.warnings,
            ["2 footnote definitions repeat a label, the first [^1]; the first definition of each is kept"]
        );
        let doc = import("A[^x].\n\n[^x]: one\n\n[^x]: two\n");
        assert_eq!(
            doc.meta.warnings,
            ["footnote [^x] is defined twice; the first definition is kept"]
        );
        // Cut into parts anywhere, the same document.
        let text = "A[^x].\n\n[^x]: one\n\nB.\n\n[^x]: two [^y]\n\nC[^x].\n";
        assert_eq!(import_in_parts(text, 1), import_in_parts(text, usize::MAX));
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
    fn parsed_in_parts_it_is_the_same_document() {
        // Notes and link definitions in other parts than their uses, an
        // undefined note, code and HTML with blank lines, lists, quotes.
        let tricky =
            "---\ntitle: T\n---\n\n# Part one\n\nSee [the spec][spec] and a note[^far].\n\n\
            - item one\n\n  still item one[^near]\n- item two\n\n[^near]: Near note.\n\n\
            ```\ncode\n\n[^far]: not a definition\n```\n\n<!-- comment\n\nstill comment -->\n\n\
            > quoted\n\n## Part two\n\nMissing[^gone] and [spec][] again.\n\n\
            [spec]: https://spec.commonmark.org\n\n[^far]: Far note,\n\n    in two paragraphs.\n";
        let demo = include_str!("../../../../assets/demo.md");
        for text in [tricky, demo] {
            let whole = import_in_parts(text, usize::MAX);
            let cut_everywhere = import_in_parts(text, 1);
            assert_eq!(cut_everywhere, whole);
            let owned = import_owned_in_parts(text.to_string(), 1);
            assert_eq!(owned, whole, "parts let go of as they are read");
            assert_eq!(import_owned(text.to_string()), whole);
        }
        let doc = import_in_parts(tricky, 1);
        assert_eq!(doc.notes.len(), 2, "{:?}", doc.notes);
        let text: String = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| b.plain_text())
            .collect();
        assert!(
            text.contains("the spec (https://spec.commonmark.org)"),
            "{text}"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Any sequence of these fragments imports the same whole and cut
        /// at every place a part may start.
        #[test]
        fn any_mix_of_blocks_parses_the_same_in_parts(
            picks in proptest::collection::vec(0usize..FRAGMENTS.len(), 1..30)
        ) {
            let text: String = picks.iter().map(|&i| FRAGMENTS[i]).collect();
            let whole = import_in_parts(&text, usize::MAX);
            proptest::prop_assert_eq!(&import_in_parts(&text, 1), &whole);
            proptest::prop_assert_eq!(&import_owned_in_parts(text.clone(), 1), &whole);
        }
    }

    const FRAGMENTS: &[&str] = &[
        "# Head\n\n",
        "Text with[^a] a note.\n\n",
        "[^a]: Note a.\n\n",
        "[^b]: Note b\n\n    continued.\n\n",
        "Uses[^b] and [ref] and [^none].\n\n",
        "[ref]: http://x.org/r\n\n",
        "- one\n- two\n\n",
        "1. first\n\n   second para\n\n",
        "```\nfenced\n\n[^a]: no\n```\n\n",
        "~~~~\nopen fence\n\n",
        "<!--\n\n-->\n\n",
        "> quote\n\n",
        "    indented code\n\n",
        "Plain paragraph\nover two lines.\n\n",
        "\u{0627}\u{0644}\u{0645}\u{0635}\u{0627}\u{062F}\u{0631}\n===\n\n",
        "No blank line after",
    ];

    #[test]
    fn nested_numbered_and_multi_paragraph_items_keep_their_words_apart() {
        let doc = import(
            "- alpha\n  - beta\n  - gamma\n- delta\n\n7. seventh\n8. eighth\n\n\
             - first para\n\n  second para\n- next\n",
        );
        let items: Vec<String> = doc.sections[0]
            .blocks
            .iter()
            .map(|b| {
                assert_eq!(b.kind, BlockKind::Item);
                b.plain_text()
            })
            .collect();
        assert_eq!(
            items,
            [
                "alpha",
                "beta",
                "gamma",
                "delta",
                "7. seventh",
                "8. eighth",
                "first para second para",
                "next"
            ]
        );
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
