//! The readings a right-to-left line with a left-to-right stretch in it
//! allows, and the most plausible of them.
//!
//! Producers disagree on where the neutrals at the ends of a Latin
//! stretch go, and a line break inside a citation takes away the context
//! the bidi algorithm had: `(Haywood, 1960, p. 41)` broken after
//! `Haywood,` leaves the comma and the bracket at the stretch's edge.
//! - LibreOffice, Typst and WeasyPrint draw brackets outside the stretch
//!   (level 1, the text of each glyph its logical character); XeLaTeX's
//!   bidi draws them inside it, as part of the Latin.
//! - LibreOffice and Typst resolve the paragraph as a whole, so a comma
//!   the line ends on stays with the Latin word before it; WeasyPrint
//!   resolves each line alone, so a line that starts with a number sets
//!   it apart from the Latin after it (`p. 41 ,1960` on the page).
//!
//! Each of these is one way of assigning levels; the page shows the
//! result, not the way. So every combination is read, and the reading
//! kept is the one whose brackets balance and whose punctuation sits as
//! Latin typography has it (a comma after a word, never before one; an
//! opening bracket before its text, never after it), the first in the
//! order above when they tie.

use super::order::Class;
use crate::layout::bidi::{mirror, visual_order};

/// The most plausible logical text for glyph `texts` in visual order,
/// given the levels the bidi algorithm's rules give them (`levels`).
pub fn most_plausible(texts: &[&str], classes: &[Class], levels: &[u8]) -> String {
    let mut best: Option<(usize, String)> = None;
    for brackets in [Brackets::Outside, Brackets::Inside, Brackets::Mirrored] {
        for join_stop in [false, true] {
            for split_numbers in [false, true] {
                let mut adjusted = levels.to_vec();
                if join_stop {
                    stops_into_stretches(texts, &mut adjusted);
                }
                if split_numbers {
                    numbers_apart(texts, classes, &mut adjusted);
                }
                if brackets == Brackets::Inside {
                    brackets_into_stretches(texts, &mut adjusted);
                }
                let text = read(texts, &adjusted, brackets == Brackets::Mirrored);
                let cost = unbalanced(&text) + misplaced(&text);
                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                    best = Some((cost, text));
                }
            }
        }
    }
    best.map(|(_, text)| text).unwrap_or_default()
}

/// Where a producer put the brackets at a stretch's edges.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Brackets {
    /// Outside the stretch, each glyph's text its logical character.
    Outside,
    /// Inside the stretch, drawn as part of the Latin.
    Inside,
    /// Outside, each glyph's text the character drawn (mirrored).
    Mirrored,
}

/// The text in logical order, brackets at odd levels turned if `mirrored`.
fn read(texts: &[&str], levels: &[u8], mirrored: bool) -> String {
    visual_order(levels)
        .into_iter()
        .flat_map(|i| {
            let turn = mirrored && levels[i] % 2 == 1;
            texts[i]
                .chars()
                .map(move |c| if turn { mirror(c).unwrap_or(c) } else { c })
        })
        .collect()
}

/// The stretches at level 2: (first, last) indices, in visual order.
fn stretches(levels: &[u8]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < levels.len() {
        if levels[i] < 2 {
            i += 1;
            continue;
        }
        let start = i;
        while i < levels.len() && levels[i] >= 2 {
            i += 1;
        }
        found.push((start, i - 1));
    }
    found
}

/// A comma or stop drawn right after a stretch's last glyph, touching it,
/// read as the stretch's: the line broke after `Haywood,`.
fn stops_into_stretches(texts: &[&str], levels: &mut [u8]) {
    for (_, last) in stretches(levels) {
        if matches!(texts.get(last + 1), Some(&("," | "." | ";" | ":"))) {
            levels[last + 1] = 2;
        }
    }
}

/// Brackets touching a stretch at either end read as part of it.
fn brackets_into_stretches(texts: &[&str], levels: &mut [u8]) {
    let bracket = |t: Option<&&str>| matches!(t, Some(&("(" | ")" | "[" | "]")));
    for (first, last) in stretches(levels) {
        if first > 0 && bracket(texts.get(first - 1)) {
            levels[first - 1] = 2;
        }
        if bracket(texts.get(last + 1)) {
            levels[last + 1] = 2;
        }
    }
}

/// A number at either end of a stretch with Latin letters, set off from
/// them by a space, read as a run of its own: the neutrals between go
/// back to the line's level (a producer that resolved the line alone).
fn numbers_apart(texts: &[&str], classes: &[Class], levels: &mut [u8]) {
    for (first, last) in stretches(levels) {
        if !classes[first..=last].contains(&Class::L) {
            continue;
        }
        // The number at each end, then the neutrals between it and the
        // rest, which must hold a space.
        for at_end in [false, true] {
            let inside: Vec<usize> = if at_end {
                (first..=last).rev().collect()
            } else {
                (first..=last).collect()
            };
            let mut number = 0;
            let mut gap: Vec<usize> = Vec::new();
            for i in inside {
                match classes[i] {
                    Class::Number if gap.is_empty() => number += 1,
                    Class::Neutral if number > 0 => gap.push(i),
                    _ => break,
                }
            }
            if number > 0 && gap.iter().any(|&i| texts[i] == " ") {
                for i in gap {
                    levels[i] = 1;
                }
            }
        }
    }
}

/// How many brackets have no partner.
pub fn unbalanced(text: &str) -> usize {
    let mut stack: Vec<char> = Vec::new();
    let mut lost = 0;
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if stack.last() == Some(&open) {
                    stack.pop();
                } else {
                    lost += 1;
                }
            }
            _ => {}
        }
    }
    lost + stack.len()
}

/// Punctuation where Latin typography never puts it: a space before a
/// comma, a comma run into the word after it (`1,000` aside), an opening
/// bracket with nothing or a stop after it or run into the word before it,
/// a closing one with nothing before it or run into the word after it.
fn misplaced(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    let blank = |c: Option<&char>| c.is_none_or(|c| c.is_whitespace());
    let mut count = 0;
    for (i, c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|b| chars.get(b));
        let after = chars.get(i + 1);
        let wrong = match c {
            ',' | ';' => {
                let digits = before.is_some_and(char::is_ascii_digit)
                    && after.is_some_and(char::is_ascii_digit);
                before.is_some_and(|c| c.is_whitespace())
                    || (word(after) && !digits)
                    || after == Some(&')')
            }
            '(' | '[' => {
                blank(after)
                    || word(before)
                    || matches!(before, Some(',' | ';'))
                    || matches!(after, Some(',' | '.' | ';' | ':'))
            }
            ')' | ']' => blank(before) || word(after),
            _ => false,
        };
        count += usize::from(wrong);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::super::order::{class_of, levels};
    use super::*;

    /// Hayward's citation as LibreOffice, Typst, WeasyPrint and XeLaTeX
    /// draw a line broken inside it, glyph by glyph from the left; the
    /// Arabic before it is "قال" (he said), drawn ل ا ق.
    fn reading(visual: &[&str]) -> String {
        let classes: Vec<Class> = visual.iter().map(|t| class_of(t)).collect();
        let levels = levels(&classes, true);
        most_plausible(visual, &classes, &levels)
    }

    fn glyphs(left_to_right: &str) -> Vec<String> {
        left_to_right.chars().map(String::from).collect()
    }

    fn read_glyphs(left_to_right: &str) -> String {
        let owned = glyphs(left_to_right);
        let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
        reading(&texts)
    }

    // "قال" (he said) as drawn, left to right.
    const SAID_DRAWN: &str = "\u{0644}\u{0627}\u{0642}";
    // "قال" in logical order.
    const SAID: &str = "\u{0642}\u{0627}\u{0644}";

    #[test]
    fn a_comma_the_line_breaks_after_stays_with_its_word() {
        // LibreOffice: `Haywood,` then the bracket outside, then the Arabic.
        let line = format!("Haywood,( {SAID_DRAWN}");
        assert_eq!(read_glyphs(&line), format!("{SAID} (Haywood,"));
    }

    #[test]
    fn a_closing_bracket_outside_the_stretch_closes_it() {
        // LibreOffice's next line: the Arabic, the bracket, `1960, p. 41`.
        let line = format!("{SAID_DRAWN} )1960, p. 41");
        assert_eq!(read_glyphs(&line), format!("1960, p. 41) {SAID}"));
    }

    #[test]
    fn brackets_drawn_inside_the_stretch_read_with_it() {
        // XeLaTeX: `(Haywood,` drawn as one piece of Latin.
        let line = format!("(Haywood, {SAID_DRAWN}");
        assert_eq!(read_glyphs(&line), format!("{SAID} (Haywood,"));
        let line = format!("{SAID_DRAWN} 1960, p. 41)");
        assert_eq!(read_glyphs(&line), format!("1960, p. 41) {SAID}"));
    }

    #[test]
    fn a_number_a_line_starts_with_stays_first() {
        // WeasyPrint resolved the line alone: `1960` set apart from the
        // Latin after it, drawn `p. 41 ,1960` right of the bracket.
        let line = format!("{SAID_DRAWN} )p. 41 ,1960");
        assert_eq!(read_glyphs(&line), format!("1960, p. 41) {SAID}"));
    }

    #[test]
    fn a_whole_citation_on_one_line_reads_as_written() {
        // LibreOffice (brackets outside, each its logical character) and
        // XeLaTeX (brackets inside the Latin) draw the same shapes with
        // different characters.
        let logical = format!("{SAID} (Smith, 2019, p. 12) {SAID}");
        let outside = format!("{SAID_DRAWN} )Smith, 2019, p. 12( {SAID_DRAWN}");
        let inside = format!("{SAID_DRAWN} (Smith, 2019, p. 12) {SAID_DRAWN}");
        assert_eq!(read_glyphs(&outside), logical);
        assert_eq!(read_glyphs(&inside), logical);
    }

    #[test]
    fn punctuation_out_of_place_is_counted() {
        assert_eq!(misplaced("(Haywood, 1960, p. 41)"), 0);
        assert_eq!(misplaced("1,000 and 2.5"), 0);
        assert_eq!(misplaced("(,Haywood"), 2);
        assert_eq!(misplaced("p. 41 ,1960"), 1);
        assert_eq!(misplaced("Haywood,("), 1);
        assert_eq!(misplaced(")1960"), 1);
        assert_eq!(misplaced("(.Haywood, 1960, p"), 1);
    }
}
