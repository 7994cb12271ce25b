//! Lines written in visual order (pdfminer.six writes whole right-to-left
//! lines so: `ةلجم` for `مجلة`), told from logical ones and put back.
//!
//! - **Evidence**, per Arabic word: `ة` and `ى` end words and never start
//!   them, so a word that starts with one is reversed, a word that ends
//!   with one is not. Words with neither say nothing.
//! - **Decision**: a text whose reversed words outnumber its logical ones
//!   is in visual order, and each of its lines is turned unless that line
//!   itself says logical. In a logical text a line is turned only when it
//!   has two reversed words and no logical one.
//! - **Turning**: the characters reversed, then each left-to-right span
//!   (Latin words with the spaces and punctuation between them) put back
//!   as it was, and each run of digits; brackets glued to the outside of a
//!   Latin span (`)Roper, 2010(`) turned to face it.

use super::is_arabic_letter;

/// (logical, reversed) word counts of a line.
pub fn evidence(line: &str) -> (usize, usize) {
    let (mut logical, mut reversed) = (0, 0);
    for word in line.split(|c: char| !is_arabic_letter(c)) {
        let mut chars = word.chars();
        let (Some(first), Some(last)) = (chars.next(), chars.next_back()) else {
            continue;
        };
        let marks = |c: char| c == '\u{629}' || c == '\u{649}';
        if marks(last) && !marks(first) {
            logical += 1;
        } else if marks(first) && !marks(last) {
            reversed += 1;
        }
    }
    (logical, reversed)
}

/// Should this line be turned, given the text's totals?
pub fn is_visual(line: &str, text_is_visual: bool) -> bool {
    let (logical, reversed) = evidence(line);
    if text_is_visual {
        reversed >= logical && (reversed > 0 || line.chars().any(is_arabic_letter))
    } else {
        reversed >= 2 && logical == 0
    }
}

/// A visual-order right-to-left line in logical order.
pub fn turn(line: &str) -> String {
    let mut chars: Vec<char> = line.chars().rev().collect();
    let latin = |c: char| !is_arabic_letter(c) && c.is_alphabetic();
    let mut i = 0;
    while i < chars.len() {
        if !(latin(chars[i]) || chars[i].is_ascii_digit()) {
            i += 1;
            continue;
        }
        // The span: up to the last Latin letter or digit before the next
        // Arabic letter.
        let mut end = i;
        let mut j = i;
        while j < chars.len() && !is_arabic_letter(chars[j]) {
            if latin(chars[j]) || chars[j].is_ascii_digit() {
                end = j;
            }
            j += 1;
        }
        if chars[i..=end].iter().any(|&c| latin(c)) {
            chars[i..=end].reverse();
            face_brackets(&mut chars, i, end);
        } else {
            reverse_digit_runs(&mut chars[i..=end]);
        }
        i = end + 1;
    }
    chars.into_iter().collect()
}

fn reverse_digit_runs(span: &mut [char]) {
    let mut k = 0;
    while k < span.len() {
        let start = k;
        while k < span.len() && span[k].is_ascii_digit() {
            k += 1;
        }
        span[start..k].reverse();
        k += usize::from(k == start);
    }
}

/// `)Latin(` around a span from `start` to `end`: the brackets face it.
fn face_brackets(chars: &mut [char], start: usize, end: usize) {
    if start > 0 && chars[start - 1] == ')' {
        chars[start - 1] = '(';
    }
    if chars.get(end + 1) == Some(&'(') {
        chars[end + 1] = ')';
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reversed characters, as pdfminer writes a right-to-left line.
    fn visual(s: &str) -> String {
        s.chars().rev().collect()
    }

    // مجلة دراسات الهامش "journal of margin studies"
    const JOURNAL: &str = "\u{645}\u{62c}\u{644}\u{629} \u{62f}\u{631}\u{627}\u{633}\u{627}\u{62a} \u{627}\u{644}\u{647}\u{627}\u{645}\u{634}";
    // قال الباحث "the researcher said"
    const SAID: &str = "\u{642}\u{627}\u{644} \u{627}\u{644}\u{628}\u{627}\u{62d}\u{62b}";
    // مدينة "city"
    const CITY: &str = "\u{645}\u{62f}\u{64a}\u{646}\u{629}";

    #[test]
    fn the_letters_say_which_way_a_line_runs() {
        assert_eq!(evidence(JOURNAL), (1, 0));
        assert_eq!(evidence(&visual(JOURNAL)), (0, 1));
        assert_eq!(evidence("Latin only"), (0, 0));
    }

    #[test]
    fn a_logical_text_turns_only_lines_that_say_so_twice() {
        let line = visual(&format!("{JOURNAL} {CITY}"));
        assert!(is_visual(&line, false));
        assert!(!is_visual(&visual(JOURNAL), false));
        assert!(!is_visual(JOURNAL, true));
        assert!(is_visual(&visual(SAID), true));
    }

    #[test]
    fn turning_keeps_latin_and_numbers_as_written() {
        let logical = format!("{SAID} (Roper, 2010, p. 122) {CITY} 1674-1745");
        // pdfminer: the characters reversed, Latin and digits left to
        // right, the brackets of the citation as drawn.
        let extracted = format!(
            "1745-1674 {} )Roper, 2010, p. 122( {}",
            visual(CITY),
            visual(SAID)
        );
        assert_eq!(turn(&extracted), logical);
        assert_eq!(turn(&visual(JOURNAL)), JOURNAL);
    }
}
