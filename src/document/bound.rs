//! Paragraphs are laid out whole, and a paragraph's layout takes many
//! times its size in memory; a file that is one 200 MB line would take
//! gigabytes. So a paragraph longer than any real one is cut into pieces
//! at sentence ends (or spaces), each keeping the whole paragraph's base
//! direction so that a piece starting with a Latin word inside Arabic
//! text still reads right to left.

use super::model::{Block, Document, Inline};
use crate::layout::Direction;

/// Longer than any paragraph a person writes (about 5,000 words), short
/// enough that laying one out costs a few megabytes.
pub const MAX_PARAGRAPH_BYTES: usize = 32 * 1024;

/// Cut every over-long block of `doc` (body and notes); ids are assigned
/// again when anything was cut.
pub fn bound_paragraphs(doc: &mut Document) {
    let mut cut = false;
    for blocks in doc
        .sections
        .iter_mut()
        .map(|s| &mut s.blocks)
        .chain(doc.notes.iter_mut().map(|n| &mut n.blocks))
    {
        if blocks.iter().any(|b| len(b) > MAX_PARAGRAPH_BYTES) {
            let old = std::mem::take(blocks);
            *blocks = old.into_iter().flat_map(split_block).collect();
            cut = true;
        }
    }
    if cut {
        doc.assign_ids();
    }
}

fn len(block: &Block) -> usize {
    block
        .inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.len(),
            Inline::Note { label, .. } => label.len(),
        })
        .sum()
}

/// `block` as pieces of at most [`MAX_PARAGRAPH_BYTES`] (a marker is never
/// cut from the word before it: it goes with the piece that holds it).
fn split_block(block: Block) -> Vec<Block> {
    let total = len(&block);
    if total <= MAX_PARAGRAPH_BYTES {
        return vec![block];
    }
    let direction = match block.direction {
        Direction::Auto => base_direction(&block),
        d => d,
    };
    let mut pieces: Vec<Vec<Inline>> = vec![Vec::new()];
    let mut size = 0;
    for inline in block.inlines {
        match inline {
            Inline::Note { .. } => {
                size += len_of(&inline);
                pieces.last_mut().expect("one piece").push(inline);
            }
            Inline::Text { text } => {
                let mut rest = text.as_str();
                while size + rest.len() > MAX_PARAGRAPH_BYTES {
                    let at = cut_point(
                        rest,
                        MAX_PARAGRAPH_BYTES - size.min(MAX_PARAGRAPH_BYTES),
                        size == 0,
                    );
                    if at > 0 {
                        let piece = rest[..at].trim_end().to_string();
                        pieces
                            .last_mut()
                            .expect("one piece")
                            .push(Inline::Text { text: piece });
                    }
                    pieces.push(Vec::new());
                    size = 0;
                    rest = rest[at..].trim_start();
                }
                if !rest.is_empty() {
                    size += rest.len();
                    pieces.last_mut().expect("one piece").push(Inline::Text {
                        text: rest.to_string(),
                    });
                }
            }
        }
    }
    pieces.retain(|p| !p.is_empty());
    let count = pieces.len();
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, inlines)| {
            let mut repairs = if i == 0 {
                block.repairs.clone()
            } else {
                Vec::new()
            };
            if i == 0 {
                repairs.push(format!(
                    "a paragraph of {total} bytes cut into {count} pieces at sentence ends"
                ));
            }
            Block {
                id: block.id.clone(),
                kind: block.kind,
                direction,
                inlines,
                repairs,
                page: block.page,
            }
        })
        .collect()
}

fn len_of(inline: &Inline) -> usize {
    match inline {
        Inline::Text { text } => text.len(),
        Inline::Note { label, .. } => label.len(),
    }
}

/// The base direction of the whole block (rules P2, P3), so its pieces
/// keep it.
fn base_direction(block: &Block) -> Direction {
    let text = block.plain_text();
    match unicode_bidi::get_base_direction(text.as_str()) {
        unicode_bidi::Direction::Rtl => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// Where to end a piece of `text` that may hold `budget` bytes: after the
/// last sentence end in the second half of the budget, else after the last
/// space, else (only when the piece is empty, `must`) at a character
/// boundary; 0 means "start a new piece first".
fn cut_point(text: &str, budget: usize, must: bool) -> usize {
    let limit = text.floor_char_boundary(budget.min(text.len()));
    let window = &text[..limit];
    let half = limit / 2;
    let sentence = window
        .rmatch_indices(['.', '!', '?', '\u{061F}', '\u{06D4}'])
        .map(|(i, m)| i + m.len())
        .find(|&end| end >= half && window[end..].starts_with(' '));
    if let Some(end) = sentence {
        return end;
    }
    if let Some(space) = window.rfind(' ').filter(|&s| s >= half || must) {
        if space > 0 {
            return space;
        }
    }
    if must {
        limit.max(text.ceil_char_boundary(1))
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::model::{Format, Section, SectionKind};

    fn doc_of(text: &str) -> Document {
        let mut doc = Document::new("t", Format::Plain);
        doc.sections.push(Section {
            id: String::new(),
            kind: SectionKind::Body,
            title: None,
            level: 1,
            lang: None,
            blocks: vec![Block::paragraph(String::new(), text)],
        });
        doc.assign_ids();
        doc
    }

    #[test]
    fn short_paragraphs_are_untouched() {
        let mut doc = doc_of("A sentence. Another one.");
        let before = doc.clone();
        bound_paragraphs(&mut doc);
        assert_eq!(doc, before);
    }

    #[test]
    fn a_huge_paragraph_is_cut_at_sentence_ends_and_keeps_every_word() {
        // "قامت الثورة. " (the revolution came.) repeated: Arabic, so every
        // piece must stay right to left even if one began with a digit.
        let sentence =
            "\u{642}\u{627}\u{645}\u{62a} \u{627}\u{644}\u{62b}\u{648}\u{631}\u{629} 1917. ";
        let text = sentence.repeat(3 * MAX_PARAGRAPH_BYTES / sentence.len());
        let mut doc = doc_of(text.trim_end());
        bound_paragraphs(&mut doc);
        let blocks = &doc.sections[0].blocks;
        assert!(blocks.len() >= 3);
        for b in blocks {
            assert!(len(b) <= MAX_PARAGRAPH_BYTES);
            assert_eq!(b.direction, Direction::Rtl);
            assert!(b.plain_text().ends_with("1917."), "cut at a sentence end");
        }
        let words: Vec<String> = blocks.iter().map(|b| b.plain_text()).collect();
        assert_eq!(words.join(" "), text.trim_end());
        assert_eq!(blocks[1].id, "s1.p2");
        assert!(blocks[0].repairs[0].contains("cut into"));
    }

    #[test]
    fn a_paragraph_without_spaces_is_cut_at_character_boundaries() {
        let text = "\u{645}".repeat(MAX_PARAGRAPH_BYTES); // م, two bytes each
        let mut doc = doc_of(&text);
        bound_paragraphs(&mut doc);
        let blocks = &doc.sections[0].blocks;
        assert_eq!(blocks.len(), 2);
        let joined: String = blocks.iter().map(|b| b.plain_text()).collect();
        assert_eq!(joined, text);
    }
}
