//! From visual order (glyphs left to right, as they sit on the page) to
//! logical order (as the text is read). Each glyph keeps its own text in
//! logical order (a lam-alef glyph is "لا"); glyphs are what get reordered.
//!
//! A line's levels are read off its glyphs as the bidi algorithm would
//! have resolved them: in a right-to-left line, right-to-left letters and
//! the neutrals among them are at level 1, a left-to-right stretch (a
//! Latin citation, with the digits and punctuation inside it) at level 2,
//! and digits among Arabic (`العدد 3، 2024`) each a level-2 number of
//! their own; in a left-to-right line, an Arabic stretch is at level 1 and
//! the numbers inside it at 2. The layout engine's rule L2 (which undoes
//! itself) then gives the logical order. Brackets at odd levels were drawn
//! mirrored; whether their text says so depends on the font, so the
//! reading whose brackets balance is kept.

use super::readings::unbalanced;
use crate::layout::bidi::{mirror, visual_order};

/// What a glyph's text is, for ordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Right-to-left letters.
    R,
    /// Left-to-right letters.
    L,
    /// Digits.
    Number,
    /// A raised footnote marker: a number, except that in a right-to-left
    /// line one drawn just left of a Latin stretch follows it.
    Marker,
    /// Spaces and punctuation.
    Neutral,
}

/// The class of a glyph's text: its first strong character, or digits.
pub fn class_of(text: &str) -> Class {
    for c in text.chars() {
        if is_rtl(c) && !c.is_numeric() {
            return Class::R;
        }
        if c.is_numeric() {
            return Class::Number;
        }
        if c.is_alphabetic() {
            return Class::L;
        }
    }
    Class::Neutral
}

/// Hebrew, Arabic, Syriac, Thaana, and the presentation forms.
pub fn is_rtl(c: char) -> bool {
    ('\u{0590}'..='\u{08FF}').contains(&c) || ('\u{FB1D}'..='\u{FEFC}').contains(&c)
}

/// The base direction of a line: right to left when its right-to-left
/// glyphs are at least as many as its left-to-right ones.
pub fn rtl_line(classes: &[Class]) -> bool {
    let r = classes.iter().filter(|&&c| c == Class::R).count();
    let l = classes.iter().filter(|&&c| c == Class::L).count();
    r > 0 && r >= l
}

/// The level of each glyph, in visual order.
pub fn levels(classes: &[Class], rtl: bool) -> Vec<u8> {
    let (own, other) = if rtl {
        (Class::R, Class::L)
    } else {
        (Class::L, Class::R)
    };
    let base = u8::from(rtl);
    let mut levels = vec![base; classes.len()];
    let mut i = 0;
    while i < classes.len() {
        if classes[i] == own || classes[i] == Class::Neutral {
            i += 1;
            continue;
        }
        // A stretch of the other direction (or numbers): from here to the
        // last glyph of it before a glyph of the base direction.
        let end = (i..classes.len())
            .take_while(|&j| classes[j] != own)
            .filter(|&j| classes[j] != Class::Neutral)
            .last()
            .unwrap_or(i);
        let has_other = classes[i..=end].contains(&other);
        if rtl && !has_other {
            // Numbers among Arabic: each run of digits on its own.
            let mut j = i;
            while j <= end {
                if matches!(classes[j], Class::Number | Class::Marker) {
                    levels[j] = 2;
                }
                j += 1;
            }
        } else if rtl {
            levels[i..=end].fill(2);
            // A marker drawn at the left of a Latin stretch was set after
            // it (the stretch reads on to its right).
            let mut j = i;
            while j <= end && classes[j] == Class::Marker {
                levels[j] = 1;
                j += 1;
            }
        } else {
            // An Arabic stretch in a left-to-right line; its numbers at 2.
            levels[i..=end].fill(1);
            if has_other {
                for j in i..=end {
                    if matches!(classes[j], Class::Number | Class::Marker) {
                        levels[j] = 2;
                    }
                }
            } else {
                // Numbers alone in a left-to-right line stay at 0.
                levels[i..=end].fill(0);
            }
        }
        i = end + 1;
    }
    levels
}

/// The logical text of glyph texts given in visual order.
pub fn logical(texts: &[&str], classes: &[Class], rtl: bool) -> String {
    let levels = levels(classes, rtl);
    let bracket = |t: &&str| t.contains(['(', ')', '[', ']']);
    let stretch = classes.contains(&Class::L) || (levels.contains(&2) && texts.iter().any(bracket));
    if rtl && stretch {
        // Latin or a number in brackets inside Arabic: where the neutrals
        // at its edges go depends on the producer and on where the line
        // broke.
        return super::readings::most_plausible(texts, classes, &levels);
    }
    let order = visual_order(&levels);
    let plain: String = order.iter().map(|&i| texts[i]).collect();
    // With no right-to-left level the font may still have named the
    // brackets as drawn in a right-to-left paragraph: try them all turned.
    let any_odd = levels.iter().any(|l| l % 2 == 1);
    let mirrored: String = order
        .iter()
        .flat_map(|&i| {
            let odd = levels[i] % 2 == 1 || !any_odd;
            texts[i]
                .chars()
                .map(move |c| if odd { mirror(c).unwrap_or(c) } else { c })
        })
        .collect();
    // The bidi algorithm's reading (mirrored) unless only the other one
    // balances its brackets.
    let (m, p) = (unbalanced(&mirrored), unbalanced(&plain));
    if m < p || (any_odd && m == p) {
        mirrored
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::bidi::ParagraphLevels;

    /// Glyphs in visual order for `logical` laid out by the layout engine
    /// (one glyph per character), then read back.
    fn round_trip(logical_text: &str) -> String {
        let chars: Vec<char> = logical_text.chars().collect();
        let paragraph = ParagraphLevels::new(logical_text, crate::layout::Direction::Auto);
        let mut bytes = Vec::new();
        paragraph.line_levels(0..logical_text.len(), &mut bytes);
        let levels: Vec<u8> = logical_text
            .char_indices()
            .map(|(at, _)| bytes[at])
            .collect();
        let order = visual_order(&levels);
        let visual: Vec<String> = order
            .iter()
            .map(|&i| {
                let c = chars[i];
                let c = if levels[i] % 2 == 1 {
                    mirror(c).unwrap_or(c)
                } else {
                    c
                };
                c.to_string()
            })
            .collect();
        let texts: Vec<&str> = visual.iter().map(String::as_str).collect();
        let classes: Vec<Class> = texts.iter().map(|t| class_of(t)).collect();
        logical(&texts, &classes, rtl_line(&classes))
    }

    #[test]
    fn arabic_with_a_latin_citation_in_brackets() {
        // "يقول الباحث (Smith, 2019, p. 12) إن" (the researcher says … that)
        let text = "\u{064A}\u{0642}\u{0648}\u{0644} \u{0627}\u{0644}\u{0628}\u{0627}\u{062D}\u{062B} (Smith, 2019, p. 12) \u{0625}\u{0646}";
        assert_eq!(round_trip(text), text);
    }

    #[test]
    fn numbers_among_arabic_keep_their_places() {
        // "العدد 3، 2024" (issue 3, 2024)
        let text = "\u{0627}\u{0644}\u{0639}\u{062F}\u{062F} 3\u{060C} 2024";
        assert_eq!(round_trip(text), text);
    }

    #[test]
    fn an_arabic_word_in_an_english_line() {
        // "The word كتاب (book) means 12 things"
        let text = "The word \u{0643}\u{062A}\u{0627}\u{0628} (book) means 12 things";
        assert_eq!(round_trip(text), text);
    }

    #[test]
    fn a_marker_left_of_a_latin_stretch_follows_it() {
        // "صيغته H2O¹ وأن" (its formula H2O¹ and that), drawn left to right
        // as "وأن" " " marker "H2O" " " "صيغته", the marker set apart.
        let texts = [
            "\u{0646}", "\u{0623}", " ", "*", "H", "2", "O", " ", "\u{0647}",
        ];
        let mut classes: Vec<Class> = texts.iter().map(|t| class_of(t)).collect();
        classes[3] = Class::Marker;
        assert_eq!(
            logical(&texts, &classes, true),
            "\u{0647} H2O* \u{0623}\u{0646}"
        );
    }

    #[test]
    fn brackets_whose_text_was_not_mirrored_are_kept() {
        // Drawn left to right: "(" "ب" "ا" ")" for the logical "(اب)"… the
        // font gave the text of each glyph as drawn, so mirroring would
        // unbalance them: visual ")ب ا(" read back needs mirroring, but
        // visual "(با)" with the text as drawn does not.
        let texts = [")", "\u{0628}", "\u{0627}", "("];
        let classes: Vec<Class> = texts.iter().map(|t| class_of(t)).collect();
        assert_eq!(logical(&texts, &classes, true), "(\u{0627}\u{0628})");
        let texts = ["(", "\u{0628}", "\u{0627}", ")"];
        assert_eq!(logical(&texts, &classes, true), "(\u{0627}\u{0628})");
    }
}
