//! Markers of numbered notes, glued to a word in the body: `بالوقف1`,
//! `الشائعة1.`, `H2O3`, and `3H2O`, where the extraction put a marker
//! that follows a Latin word in right-to-left text before it, where it is
//! drawn.
//!
//! - Markers are taken in the order of their notes through the document:
//!   after the marker of note n, the next glued number that is the label
//!   of a later note is that note's marker (notes whose marker is lost are
//!   skipped, up to eight in a row); a number glued on both sides, like the 2 of `H2O`, is part
//!   of a word.
//! - A marker glued before a Latin word moves after that word; the
//!   evidence is the note with that number, so no other number moves.

use super::markers::BodyMarker;
use super::notes::RawNote;
use super::numbered::glued_numbers;
use crate::document::model::{Block, Inline};

/// How many notes ahead a glued number may skip to.
const LOOKAHEAD: usize = 8;

/// Find the glued markers of the numbered notes (labels that are plain
/// numbers), moving those written before a Latin word after it.
pub fn collect(blocks: &mut [&mut Block], notes: &[RawNote]) -> Vec<BodyMarker> {
    let numbers: Vec<(u32, usize)> = notes
        .iter()
        .filter_map(|n| Some((n.label.as_deref()?.parse().ok()?, n.lines[0])))
        .collect();
    let mut markers = Vec::new();
    let mut want = 0;
    for (b, block) in blocks.iter_mut().enumerate() {
        if want >= numbers.len() {
            break;
        }
        let [Inline::Text { text }] = block.inlines.as_mut_slice() else {
            continue;
        };
        let mut from = 0;
        loop {
            // A few notes may have lost their markers; looking further
            // ahead would make the search quadratic in the notes.
            let pending = &numbers[want..numbers.len().min(want + LOOKAHEAD)];
            let found = glued_numbers(&text[from..]).find_map(|(start, end, value)| {
                let k = pending.iter().position(|&(n, _)| n == value)?;
                Some((from + start, from + end, want + k))
            });
            let Some((start, end, k)) = found else { break };
            let (n, note_line) = numbers[k];
            let at = move_after_latin_word(text, start, end);
            markers.push(BodyMarker {
                block: b,
                at,
                len: end - start,
                line: note_line.saturating_sub(1),
                label: Some(n.to_string()),
            });
            from = at + (end - start);
            want = k + 1;
        }
    }
    markers
}

/// `3H2O` → `H2O3`: a number glued before a Latin word goes after it;
/// returns where the number now starts.
fn move_after_latin_word(text: &mut String, start: usize, end: usize) -> usize {
    let word_len = text[end..]
        .find(|c: char| !(c.is_ascii_alphanumeric()))
        .unwrap_or(text.len() - end);
    let latin = text[end..end + word_len].starts_with(|c: char| c.is_ascii_alphabetic());
    if !latin {
        return start;
    }
    let number = text[start..end].to_string();
    text.replace_range(start..end, "");
    let at = start + word_len;
    text.insert_str(at, &number);
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(label: &str, line: usize) -> RawNote {
        RawNote {
            label: Some(label.to_string()),
            area: 0,
            lines: vec![line],
        }
    }

    #[test]
    fn markers_follow_the_notes_order_and_move_after_latin_words() {
        let mut a = Block::paragraph("a".into(), "water1 is 3 parts, H2O and");
        let mut b = Block::paragraph("b".into(), "its formula 3H2O. then the 1 end4.");
        let mut blocks = vec![&mut a, &mut b];
        let notes = [note("1", 9), note("2", 9), note("3", 9), note("4", 9)];
        let markers = collect(&mut blocks, &notes);
        let found: Vec<(usize, usize, &str)> = markers
            .iter()
            .map(|m| (m.block, m.at, m.label.as_deref().unwrap()))
            .collect();
        assert_eq!(found, [(0, 5, "1"), (1, 15, "3"), (1, 32, "4")]);
        assert_eq!(b.plain_text(), "its formula H2O3. then the 1 end4.");
    }
}
