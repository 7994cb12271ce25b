//! Applying the repairs to the blocks of a document: right-to-left blocks
//! only, each repair recorded on the block it changed.

use super::lam_alef_doc;
use super::letters::{detached_harakat, kashida, lam_alef};
use super::split_words::Vocabulary;
use super::{mirrored_brackets, reversed_year_ranges};
use crate::document::import::paginated::text::rtl;
use crate::document::model::{Block, Inline, Note, Section};

/// Repair every block of the body and the notes. Blocks are independent,
/// so they are shared among the cores.
pub fn repair_all(sections: &mut [Section], notes: &mut [Note]) {
    // Read before `lam_alef` below puts some pairs in order.
    let swapped = lam_alef_doc::swapped_throughout(document_texts(sections, notes));
    let mut all: Vec<&mut Block> = sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .chain(notes.iter_mut().flat_map(|n| n.blocks.iter_mut()))
        .collect();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = all.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        for part in all.chunks_mut(chunk) {
            scope.spawn(move || part.iter_mut().for_each(|b| repair_block(b)));
        }
    });
    let cut_words = rejoin_split_words(sections, notes);
    if swapped {
        // Where justification cut words, a lone `ال` may be a cut article.
        lam_alef_throughout(sections, notes, !cut_words);
    }
}

/// Every text of the document: section titles, blocks, notes.
fn document_texts<'a>(
    sections: &'a [Section],
    notes: &'a [Note],
) -> impl Iterator<Item = &'a str> + Clone {
    sections
        .iter()
        .flat_map(|s| s.title.as_deref().into_iter().chain(block_texts(&s.blocks)))
        .chain(notes.iter().flat_map(|n| block_texts(&n.blocks)))
}

/// In a document whose font swapped every lam-alef, the repairs only
/// such a document allows: in right-to-left blocks, recorded on each, and
/// in section titles.
fn lam_alef_throughout(sections: &mut [Section], notes: &mut [Note], lone: bool) {
    for section in sections.iter_mut() {
        if let Some(fixed) = section
            .title
            .as_deref()
            .and_then(|t| lam_alef_doc::repair(t, lone))
        {
            section.title = Some(fixed);
        }
    }
    let blocks = sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .chain(notes.iter_mut().flat_map(|n| n.blocks.iter_mut()));
    for block in blocks.filter(|b| first_text(b).is_some_and(rtl)) {
        let mut changed = false;
        for inline in &mut block.inlines {
            if let Inline::Text { text } = inline {
                if let Some(fixed) = lam_alef_doc::repair(text, lone) {
                    *text = fixed;
                    changed = true;
                }
            }
        }
        let what = "lam-alef put in order";
        if changed && !block.repairs.iter().any(|r| r == what) {
            block.repairs.push(what.into());
        }
    }
}

fn first_text(block: &Block) -> Option<&str> {
    block.inlines.iter().find_map(|i| match i {
        Inline::Text { text } => Some(text.as_str()),
        Inline::Note { .. } => None,
    })
}

/// Words cut in two by justification, rejoined from the whole document's
/// vocabulary (after the letter repairs, so its words are whole): in
/// blocks, recorded on each, and in section titles. Returns whether the
/// document showed words cut.
fn rejoin_split_words(sections: &mut [Section], notes: &mut [Note]) -> bool {
    let texts = document_texts(sections, notes);
    let Some(vocabulary) = Vocabulary::of_document(texts) else {
        return false;
    };
    for section in sections.iter_mut() {
        if let Some(fixed) = section.title.as_deref().and_then(|t| vocabulary.rejoin(t)) {
            section.title = Some(fixed);
        }
    }
    let blocks = sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .chain(notes.iter_mut().flat_map(|n| n.blocks.iter_mut()));
    for block in blocks {
        let mut changed = false;
        for inline in &mut block.inlines {
            if let Inline::Text { text } = inline {
                if let Some(fixed) = vocabulary.rejoin(text) {
                    *text = fixed;
                    changed = true;
                }
            }
        }
        if changed {
            block
                .repairs
                .push("words cut by justification rejoined".into());
        }
    }
    true
}

/// The text inlines of some blocks.
fn block_texts(blocks: &[Block]) -> impl Iterator<Item = &str> + Clone {
    blocks.iter().flat_map(|b| {
        b.inlines.iter().filter_map(|i| match i {
            Inline::Text { text } => Some(text.as_str()),
            Inline::Note { .. } => None,
        })
    })
}

/// Repair one block if its text is right-to-left.
pub fn repair_block(block: &mut Block) {
    if !first_text(block).is_some_and(rtl) {
        return;
    }
    for inline in &mut block.inlines {
        let Inline::Text { text } = inline else {
            continue;
        };
        for (repair, what) in [
            (kashida as fn(&str) -> Option<String>, "kashida removed"),
            (lam_alef, "lam-alef put in order"),
            (detached_harakat, "detached harakat rejoined"),
        ] {
            if let Some(fixed) = repair(text) {
                *text = fixed;
                if !block.repairs.iter().any(|r| r == what) {
                    block.repairs.push(what.into());
                }
            }
        }
        if let Some(fixed) = reversed_year_ranges(text) {
            *text = fixed;
            if !block.repairs.iter().any(|r| r.starts_with("year")) {
                block.repairs.push("year ranges written backwards".into());
            }
        }
    }
    repair_brackets(block);
}

/// Brackets pair across inlines, so repair the whole text and split it
/// back at the same char offsets.
fn repair_brackets(block: &mut Block) {
    let whole: String = block
        .inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.clone(),
            Inline::Note { .. } => "\u{FFFC}".to_string(),
        })
        .collect();
    let Some(fixed) = mirrored_brackets(&whole) else {
        return;
    };
    // The repair keeps every char in place, so each text inline takes back
    // as many chars as it had (and each marker its one).
    let mut chars = fixed.chars();
    for inline in &mut block.inlines {
        match inline {
            Inline::Text { text } => {
                let n = text.chars().count();
                *text = chars.by_ref().take(n).collect();
            }
            Inline::Note { .. } => {
                chars.next();
            }
        }
    }
    block.repairs.push("mirrored brackets".into());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "هذا" (this) and "ذلك" (that)
    const THIS: &str = "\u{0647}\u{0630}\u{0627}";
    const THAT: &str = "\u{0630}\u{0644}\u{0643}";

    #[test]
    fn right_to_left_blocks_are_repaired_and_the_repair_recorded() {
        let mut block = Block::paragraph(String::new(), format!("{THIS} )1924-1870) {THAT}"));
        repair_block(&mut block);
        assert_eq!(block.plain_text(), format!("{THIS} (1870-1924) {THAT}"));
        assert_eq!(
            block.repairs,
            ["year ranges written backwards", "mirrored brackets"]
        );
    }

    #[test]
    fn a_bracket_pair_around_a_marker_is_repaired_across_inlines() {
        let mut block = Block {
            inlines: vec![
                Inline::Text {
                    text: format!("{THIS} )"),
                },
                Inline::Note {
                    note: Some("fn1".into()),
                    label: "1".into(),
                },
                Inline::Text {
                    text: format!("{THAT}( {THIS}"),
                },
            ],
            ..Block::paragraph(String::new(), "")
        };
        repair_block(&mut block);
        assert_eq!(block.plain_text(), format!("{THIS} ({THAT}) {THIS}"));
        assert!(matches!(block.inlines[1], Inline::Note { .. }));
    }

    #[test]
    fn left_to_right_blocks_are_left_alone() {
        let mut block = Block::paragraph(String::new(), "Lenin )1924-1870)");
        repair_block(&mut block);
        assert_eq!(block.plain_text(), "Lenin )1924-1870)");
        assert!(block.repairs.is_empty());
    }
}
