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

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::document::import::heading_words::classify_heading;
use crate::document::import::warnings::{Warnings, UNDEFINED_FOOTNOTE, UNKNOWN_FRONT_MATTER_KEY};
use crate::document::model::{
    Block, BlockKind, Document, Format, Inline, Note, Section, SectionKind,
};
use crate::layout::Direction;

/// Front matter as read.
#[derive(Default, Debug)]
struct FrontMatter {
    title: Option<String>,
    authors: Vec<String>,
    lang: Option<String>,
    abstract_text: Option<String>,
    unknown: Vec<String>,
}

/// Split off a leading `---` block; returns it and the rest.
fn split_front_matter(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

/// A scalar without its quotes. In double quotes, the escapes hamish's
/// exporter writes (`\\`, `\"`, `\uXXXX`) are read back, so a title such
/// as `C:\dir\file` survives any number of round trips; any other
/// backslash is kept as written (people type Windows paths in quotes).
fn unquote(s: &str) -> String {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        return unescape_double_quoted(inner);
    }
    s.strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(s)
        .to_string()
}

fn unescape_double_quoted(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let hex = after
            .strip_prefix('u')
            .and_then(|h| h.get(..4))
            .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            .and_then(|h| char::from_u32(u32::from_str_radix(h, 16).ok()?));
        rest = match (after.chars().next(), hex) {
            (Some(c @ ('\\' | '"')), _) => {
                out.push(c);
                &after[1..]
            }
            (Some('u'), Some(c)) => {
                out.push(c);
                &after[5..]
            }
            _ => {
                out.push('\\');
                after
            }
        };
    }
    out.push_str(rest);
    out
}

fn parse_front_matter(block: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let lines: Vec<&str> = block.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            fm.unknown.push(line.trim().to_string());
            continue;
        };
        let key = key.trim().to_lowercase();
        let value = value.trim();
        // Indented continuation lines: a `|` block or `- ` items.
        let mut nested = Vec::new();
        while i < lines.len()
            && (lines[i].starts_with(' ')
                || lines[i].starts_with('\t')
                || lines[i].trim().is_empty())
        {
            nested.push(lines[i].trim());
            i += 1;
        }
        while nested.last().is_some_and(|l| l.is_empty()) {
            nested.pop();
        }
        let scalar = if value == "|" || value == ">" || value.is_empty() {
            nested.join(if value == "|" { "\n" } else { " " })
        } else {
            unquote(value)
        };
        match key.as_str() {
            "title" => fm.title = Some(scalar),
            "lang" | "language" => fm.lang = Some(scalar),
            "abstract" => fm.abstract_text = Some(scalar),
            "authors" | "author" => {
                fm.authors =
                    if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                        list.split(',')
                            .map(unquote)
                            .filter(|a| !a.is_empty())
                            .collect()
                    } else if value.is_empty() {
                        nested
                            .iter()
                            .filter_map(|l| l.strip_prefix("- ").or_else(|| l.strip_prefix('-')))
                            .map(unquote)
                            .collect()
                    } else {
                        vec![unquote(value)]
                    };
            }
            other => fm.unknown.push(other.to_string()),
        }
    }
    fm
}

fn is_rtl_text(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| ('\u{0590}'..='\u{08FF}').contains(&c))
}

/// Where the parser is putting inline content.
#[derive(Default)]
struct Builder {
    doc: Option<Document>,
    sections: Vec<Section>,
    notes: Vec<Note>,
    /// Note ids by label, in order of definition.
    note_ids: HashMap<String, String>,
    inlines: Vec<Inline>,
    heading: Option<(HeadingLevel, String)>,
    in_note: Option<usize>,
    list_depth: usize,
    in_item: bool,
    link_urls: Vec<String>,
    seen_content: bool,
    title_from_heading: Option<String>,
}

impl Builder {
    fn push_text(&mut self, text: &str) {
        if let Some((_, heading)) = &mut self.heading {
            heading.push_str(text);
            return;
        }
        if let Some(Inline::Text { text: last }) = self.inlines.last_mut() {
            last.push_str(text);
        } else {
            self.inlines.push(Inline::Text {
                text: text.to_string(),
            });
        }
    }

    fn current_section(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections
                .push(crate::document::import::body_section(None, Vec::new()));
        }
        self.sections.last_mut().expect("a section")
    }

    fn finish_block(&mut self, kind: BlockKind) {
        let mut inlines = std::mem::take(&mut self.inlines);
        trim_inlines(&mut inlines);
        if inlines.is_empty() {
            return;
        }
        self.seen_content = true;
        let mut block = Block {
            id: String::new(),
            kind,
            direction: Direction::Auto,
            inlines,
            repairs: Vec::new(),
        };
        if let Some(n) = self.in_note {
            self.notes[n].blocks.push(block);
            return;
        }
        let section = self.current_section();
        if section.kind == SectionKind::References && block.kind == BlockKind::Item {
            block.kind = BlockKind::Reference;
        }
        section.blocks.push(block);
    }
}

/// Trim spaces at both ends of a block's inline content.
fn trim_inlines(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = inlines.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = inlines.last_mut() {
        *text = text.trim_end().to_string();
    }
    inlines.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

pub fn import(text: &str) -> Document {
    let (front, body) = split_front_matter(text);
    let fm = front.map(parse_front_matter).unwrap_or_default();
    let mut b = Builder {
        doc: Some(Document::new(
            fm.title.clone().unwrap_or_default(),
            Format::Markdown,
        )),
        ..Builder::default()
    };
    // Footnote definitions get ids in the order they are defined.
    let options = Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(body, options) {
        if let Event::Start(Tag::FootnoteDefinition(label)) = &event {
            let n = b.note_ids.len() + 1;
            b.note_ids
                .entry(label.to_string())
                .or_insert_with(|| format!("fn{n}"));
        }
    }
    let events: Vec<Event> = Parser::new_ext(body, options).collect();
    let mut k = 0;
    while k < events.len() {
        let event = events[k].clone();
        k += 1;
        // pulldown-cmark leaves a reference to an undefined footnote as the
        // three text events "[", "^label", "]" (an escaped "\[^x\]" comes
        // as one run of text), so that shape is a missing note.
        if let (Event::Text(open), Some(Event::Text(label)), Some(Event::Text(close))) =
            (&event, events.get(k), events.get(k + 1))
        {
            if open.as_ref() == "["
                && close.as_ref() == "]"
                && label.starts_with('^')
                && label.len() > 1
                && !label.contains(char::is_whitespace)
            {
                b.inlines.push(Inline::Note {
                    note: None,
                    label: label[1..].to_string(),
                });
                k += 2;
                continue;
            }
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                b.heading = Some((level, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, title)) = b.heading.take() else {
                    continue;
                };
                let title = title.trim().to_string();
                if level == HeadingLevel::H1
                    && !b.seen_content
                    && fm.title.is_none()
                    && b.title_from_heading.is_none()
                {
                    b.title_from_heading = Some(title);
                    continue;
                }
                let (kind, lang) = classify_heading(&title);
                let lang = lang.map(str::to_string).or_else(|| {
                    (kind == SectionKind::Abstract)
                        .then(|| if is_rtl_text(&title) { "ar" } else { "en" }.to_string())
                });
                b.sections.push(Section {
                    id: String::new(),
                    kind,
                    title: Some(title),
                    level: level as u8,
                    lang,
                    blocks: Vec::new(),
                });
                b.seen_content = true;
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let id = b.note_ids.get(label.as_ref()).cloned().unwrap_or_default();
                b.notes.push(Note {
                    id,
                    label: label.to_string(),
                    blocks: Vec::new(),
                });
                b.in_note = Some(b.notes.len() - 1);
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                b.finish_block(BlockKind::Paragraph);
                b.in_note = None;
            }
            Event::Start(Tag::List(_)) => b.list_depth += 1,
            Event::End(TagEnd::List(_)) => b.list_depth = b.list_depth.saturating_sub(1),
            Event::Start(Tag::Item) => b.in_item = true,
            Event::End(TagEnd::Item) => {
                b.finish_block(BlockKind::Item);
                b.in_item = false;
            }
            Event::End(TagEnd::Paragraph) if !b.in_item => b.finish_block(BlockKind::Paragraph),
            Event::End(TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => {
                b.finish_block(BlockKind::Paragraph)
            }
            Event::Start(Tag::Link { dest_url, .. }) => b.link_urls.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                // Show where a link goes unless its text already says it.
                if let Some(url) = b.link_urls.pop() {
                    let shown = match b.inlines.last() {
                        Some(Inline::Text { text }) => text.ends_with(url.as_str()),
                        _ => false,
                    };
                    if !shown {
                        b.push_text(&format!(" ({url})"));
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => b.push_text(&t),
            Event::SoftBreak | Event::HardBreak => b.push_text(" "),
            Event::FootnoteReference(label) => {
                let note = b.note_ids.get(label.as_ref()).cloned();
                b.inlines.push(Inline::Note {
                    note,
                    label: label.to_string(),
                });
            }
            Event::Html(t) | Event::InlineHtml(t) => b.push_text(&t),
            _ => {}
        }
    }
    b.finish_block(BlockKind::Paragraph);
    let mut doc = b.doc.take().expect("document");
    doc.meta.authors = fm.authors;
    doc.meta.language = fm.lang;
    if doc.meta.title.is_empty() {
        doc.meta.title = b.title_from_heading.take().unwrap_or_default();
    }
    if let Some(text) = fm.abstract_text {
        let lang = if is_rtl_text(&text) { "ar" } else { "en" };
        let blocks = text
            .split("\n\n")
            .map(|p| {
                Block::paragraph(
                    String::new(),
                    p.split_whitespace().collect::<Vec<_>>().join(" "),
                )
            })
            .collect();
        b.sections.insert(
            0,
            Section {
                id: String::new(),
                kind: SectionKind::Abstract,
                title: Some(if lang == "ar" {
                    "\u{0627}\u{0644}\u{0645}\u{0644}\u{062E}\u{0635}".into()
                } else {
                    "Abstract".into()
                }),
                level: 2,
                lang: Some(lang.into()),
                blocks,
            },
        );
    }
    let mut warnings = Warnings::default();
    for key in &fm.unknown {
        warnings.add(UNKNOWN_FRONT_MATTER_KEY, key);
    }
    doc.sections = b.sections;
    doc.notes = b.notes;
    missing_note_warnings(&doc, &mut warnings);
    doc.meta.warnings.extend(warnings.into_messages());
    doc.assign_ids();
    doc
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
    fn quoted_scalars_read_back_what_the_exporter_escaped() {
        assert_eq!(unquote(r#""C:\\dir\\file""#), r"C:\dir\file");
        assert_eq!(unquote(r#""say \"hi\"""#), r#"say "hi""#);
        assert_eq!(unquote(r#""a\u001Bb\u0085""#), "a\u{1b}b\u{85}");
        // Backslashes the exporter never writes are kept as typed.
        assert_eq!(unquote(r#""C:\dir\users\u12""#), r"C:\dir\users\u12");
        assert_eq!(unquote(r"C:\dir\file"), r"C:\dir\file");
        assert_eq!(unquote("'single'"), "single");
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
