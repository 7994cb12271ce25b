//! Turning pulldown-cmark's events into sections, blocks and notes: where
//! inline content is going (a heading, a paragraph, an item, a note) and
//! what each event adds to it.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::is_rtl_text;
use crate::document::import::body_section;
use crate::document::import::heading_words::classify_heading;
use crate::document::model::{Block, BlockKind, Inline, Note, Section, SectionKind};
use crate::document::Id;
use crate::layout::Direction;

/// Where the parser is putting inline content.
#[derive(Default)]
pub struct Builder {
    pub sections: Vec<Section>,
    pub notes: Vec<Note>,
    /// Note ids by label, in order of definition.
    note_ids: HashMap<String, String>,
    pub inlines: Vec<Inline>,
    heading: Option<(HeadingLevel, String)>,
    in_note: Option<usize>,
    /// Labels whose note has been made.
    noted: HashSet<String>,
    /// Inside a second definition of a label: its events are dropped.
    in_duplicate: bool,
    /// The label of each definition dropped as a second one.
    pub duplicates: Vec<String>,
    /// How deep in list items the parser is (0: in none).
    item_depth: usize,
    /// Each open list's next number (`None`: a bulleted list).
    lists: Vec<Option<u64>>,
    link_urls: Vec<String>,
    seen_content: bool,
    /// Take a first-level heading before any text as the title.
    title_wanted: bool,
    pub title_from_heading: Option<String>,
}

impl Builder {
    /// `note_ids`: the id of each defined label; `title_wanted`: the front
    /// matter gave no title.
    pub fn new(note_ids: HashMap<String, String>, title_wanted: bool) -> Builder {
        Builder {
            note_ids,
            title_wanted,
            ..Builder::default()
        }
    }

    /// Whether a note with this label is defined anywhere in the text.
    pub fn defines(&self, label: &str) -> bool {
        self.note_ids.contains_key(label)
    }

    /// A reference to a label no note defines: its marker is kept.
    pub fn undefined_note(&mut self, label: &str) {
        if !self.in_duplicate {
            self.inlines.push(Inline::Note {
                note: None,
                label: label.to_string(),
            });
        }
    }

    /// What one event adds. A second definition of a label adds nothing
    /// (pulldown-cmark gives both; the first one is the note).
    pub fn handle(&mut self, event: Event) {
        if self.in_duplicate {
            self.in_duplicate = !matches!(event, Event::End(TagEnd::FootnoteDefinition));
            return;
        }
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) if self.noted.contains(label.as_ref()) => {
                self.duplicates.push(label.to_string());
                self.in_duplicate = true;
            }
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some((level, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let id = self
                    .note_ids
                    .get(label.as_ref())
                    .cloned()
                    .unwrap_or_default();
                self.noted.insert(label.to_string());
                self.notes.push(Note {
                    id,
                    label: label.to_string(),
                    blocks: Vec::new(),
                });
                self.in_note = Some(self.notes.len() - 1);
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                self.finish_block(BlockKind::Paragraph);
                self.in_note = None;
            }
            Event::Start(Tag::List(start)) => self.lists.push(start),
            Event::End(TagEnd::List(_)) => {
                self.lists.pop();
            }
            Event::Start(Tag::Item) => self.start_item(),
            Event::End(TagEnd::Item) => {
                self.finish_block(BlockKind::Item);
                self.item_depth = self.item_depth.saturating_sub(1);
            }
            // An item's paragraphs are one block, kept apart by a space.
            Event::End(TagEnd::Paragraph) if self.item_depth > 0 => self.push_text(" "),
            Event::End(TagEnd::Paragraph) => self.finish_block(BlockKind::Paragraph),
            Event::End(TagEnd::CodeBlock | TagEnd::BlockQuote(_)) => {
                self.finish_block(BlockKind::Paragraph)
            }
            Event::Start(Tag::Link { dest_url, .. }) => self.link_urls.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => self.end_link(),
            Event::Text(t) | Event::Code(t) => self.push_text(&t),
            Event::SoftBreak | Event::HardBreak => self.push_text(" "),
            Event::FootnoteReference(label) => {
                let note = self.note_ids.get(label.as_ref()).cloned();
                self.inlines.push(Inline::Note {
                    note,
                    label: label.to_string(),
                });
            }
            Event::Html(t) | Event::InlineHtml(t) => self.push_text(&t),
            _ => {}
        }
    }

    /// A list item: the text of the item it is nested in (if any) ends
    /// there, as its own block; a numbered list's item starts with its
    /// number as written ("7. ").
    fn start_item(&mut self) {
        if self.item_depth > 0 {
            self.finish_block(BlockKind::Item);
        }
        self.item_depth += 1;
        if let Some(Some(n)) = self.lists.last_mut() {
            let number = format!("{n}. ");
            *n += 1;
            self.push_text(&number);
        }
    }

    /// A heading opens a section of the kind its words say (or is the
    /// title, when it is a first-level one before any text).
    fn end_heading(&mut self) {
        let Some((level, title)) = self.heading.take() else {
            return;
        };
        let title = title.trim().to_string();
        if level == HeadingLevel::H1
            && !self.seen_content
            && self.title_wanted
            && self.title_from_heading.is_none()
        {
            self.title_from_heading = Some(title);
            return;
        }
        let (kind, lang) = classify_heading(&title);
        let lang = lang.map(str::to_string).or_else(|| {
            (kind == SectionKind::Abstract)
                .then(|| if is_rtl_text(&title) { "ar" } else { "en" }.to_string())
        });
        self.sections.push(Section {
            id: String::new(),
            kind,
            title: Some(title),
            level: level as u8,
            lang,
            blocks: Vec::new(),
        });
        self.seen_content = true;
    }

    /// Show where a link goes unless its text already says it.
    fn end_link(&mut self) {
        if let Some(url) = self.link_urls.pop() {
            let shown = match self.inlines.last() {
                Some(Inline::Text { text }) => text.ends_with(url.as_str()),
                _ => false,
            };
            if !shown {
                self.push_text(&format!(" ({url})"));
            }
        }
    }

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
            self.sections.push(body_section(None, Vec::new()));
        }
        self.sections.last_mut().expect("a section")
    }

    /// End the block being built, if it has content.
    pub fn finish_block(&mut self, kind: BlockKind) {
        let mut inlines = std::mem::take(&mut self.inlines);
        trim_inlines(&mut inlines);
        if inlines.is_empty() {
            return;
        }
        // Kept for the document's life: no room left from growing (a
        // paragraph's one text would otherwise hold up to twice its size).
        for inline in &mut inlines {
            if let Inline::Text { text } = inline {
                text.shrink_to_fit();
            }
        }
        inlines.shrink_to_fit();
        self.seen_content = true;
        let mut block = Block {
            id: Id::default(),
            kind,
            direction: Direction::Auto,
            inlines,
            repairs: Vec::new(),
            page: None,
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
    // In place, then trimmed to size: a new copy of each block's text
    // would leave the old one as a hole in the heap.
    if let Some(Inline::Text { text }) = inlines.first_mut() {
        let start = text.len() - text.trim_start().len();
        text.drain(..start);
    }
    if let Some(Inline::Text { text }) = inlines.last_mut() {
        text.truncate(text.trim_end().len());
    }
    for inline in inlines.iter_mut() {
        if let Inline::Text { text } = inline {
            text.shrink_to_fit();
        }
    }
    inlines.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}
