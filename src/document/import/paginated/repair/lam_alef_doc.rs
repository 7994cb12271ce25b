//! Lam-alef swapped throughout a document, put back where one reading is
//! possible.
//!
//! Some fonts map the lam-alef ligature to its letters in the wrong order,
//! so every lam-alef of the document comes out alef-lam: `الأسطرلاب` as
//! `األسطرالب`, `إلا` as `إال`, `لا` as `ال`. `letters::lam_alef` repairs,
//! anywhere, the sequences no Arabic word has (`األ`). This module reads
//! the whole document first, because more can be put back once it is
//! clear the document was damaged:
//!
//! - **Evidence for the document**: at least [`MIN_SWAPS`] places where
//!   two alef forms stand together before a lam (`األ`, `اإل`, `إال`,
//!   `اال`: no Arabic word writes two alefs in a row), and no lam followed
//!   by an alef form anywhere except before another lam (`الال` is a
//!   swapped `اللا`). Clean Arabic writes `لا`, `إلا`, `الأ` in every few
//!   lines; a damaged document never does.
//! - **Repairs**, in such a document only: two alef forms before a lam
//!   are alef, lam, alef (`إال` → `إلا`, `االرتفاع` → `الارتفاع`,
//!   `اآلالت` → `الآلات`, one after the other); the word `ال` standing
//!   alone is `لا` (the article never stands alone), unless the document
//!   shows words cut by justification (`ال ذي`), where it may be a cut
//!   article. An `ال` inside a
//!   word stays: `سالم` (a name) and `سالم` for `سلام` (peace) are the
//!   same letters, and only a dictionary could tell them apart.

/// Places with two alefs before a lam a document must show.
pub const MIN_SWAPS: usize = 2;

fn is_alef(c: char) -> bool {
    matches!(c, '\u{627}' | '\u{623}' | '\u{625}' | '\u{622}')
}

const LAM: char = '\u{644}';

/// What a document's texts show about lam-alef.
#[derive(Default)]
struct Counts {
    /// Two alef forms, then a lam.
    swaps: usize,
    /// A lam, then an alef form, not before another lam.
    in_order: usize,
}

impl Counts {
    fn add(&mut self, text: &str) {
        let mut window = [' '; 3];
        for c in text.chars().chain([' ']) {
            window = [window[1], window[2], c];
            match window {
                [a, b, l] if is_alef(a) && is_alef(b) && l == LAM => self.swaps += 1,
                [l, a, next] if l == LAM && is_alef(a) && next != LAM => self.in_order += 1,
                _ => {}
            }
        }
    }
}

/// Whether the texts, one document's, show lam-alef swapped throughout.
pub fn swapped_throughout<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let mut counts = Counts::default();
    for text in texts {
        counts.add(text);
        if counts.in_order > 0 {
            return false;
        }
    }
    counts.swaps >= MIN_SWAPS
}

/// The repairs of a document where lam-alef is swapped throughout;
/// `lone`: also the lone word `ال` (not where justification cut words,
/// where it may be a cut article). Returns `None` when nothing changed.
pub fn repair(text: &str, lone: bool) -> Option<String> {
    // Most blocks have nothing to repair: look before copying.
    let letter = |c: char| super::is_arabic_letter(c);
    let mut window = [' '; 4];
    let found = text.chars().chain([' ']).any(|c| {
        window = [window[1], window[2], window[3], c];
        let [before, a, b, after] = window;
        (is_alef(before) && is_alef(a) && b == LAM)
            || (lone && a == '\u{627}' && b == LAM && !letter(before) && !letter(after))
    });
    if !found {
        return None;
    }
    let mut chars: Vec<char> = text.chars().collect();
    let mut changed = false;
    let mut i = 0;
    while i + 2 < chars.len() {
        if is_alef(chars[i]) && is_alef(chars[i + 1]) && chars[i + 2] == LAM {
            chars.swap(i + 1, i + 2);
            changed = true;
            // The alef moved on may start the next pair: `اآلالت`.
            i += 2;
        } else {
            i += 1;
        }
    }
    let letter = |c: Option<&char>| c.is_some_and(|&c| letter(c));
    for i in 0..if lone {
        chars.len().saturating_sub(1)
    } else {
        0
    } {
        let alone = chars[i] == '\u{627}'
            && chars[i + 1] == LAM
            && !letter(i.checked_sub(1).and_then(|p| chars.get(p)))
            && !letter(chars.get(i + 2));
        if alone {
            chars.swap(i, i + 1);
            changed = true;
        }
    }
    changed.then(|| chars.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    // إال → إلا (except); االرتفاع → الارتفاع (the height); اآلالت → الآلات
    // (the instruments); ال alone → لا (no)
    const EXCEPT_SWAPPED: &str = "\u{625}\u{627}\u{644}";
    const EXCEPT: &str = "\u{625}\u{644}\u{627}";
    const HEIGHT_SWAPPED: &str = "\u{627}\u{627}\u{644}\u{631}\u{62a}\u{641}\u{627}\u{639}";
    const HEIGHT: &str = "\u{627}\u{644}\u{627}\u{631}\u{62a}\u{641}\u{627}\u{639}";
    const TOOLS_SWAPPED: &str = "\u{627}\u{622}\u{644}\u{627}\u{644}\u{62a}";
    const TOOLS: &str = "\u{627}\u{644}\u{622}\u{644}\u{627}\u{62a}";
    // سالم "Salim", a name: an alef-lam inside a word stays
    const SALIM: &str = "\u{633}\u{627}\u{644}\u{645}";

    #[test]
    fn the_unambiguous_sequences_are_put_back() {
        let damaged =
            format!("{EXCEPT_SWAPPED} {HEIGHT_SWAPPED} {TOOLS_SWAPPED} \u{627}\u{644} {SALIM}");
        let fixed = format!("{EXCEPT} {HEIGHT} {TOOLS} \u{644}\u{627} {SALIM}");
        assert_eq!(repair(&damaged, true).unwrap(), fixed);
        assert_eq!(repair(SALIM, true), None);
        // Where words were cut, `ال` alone stays (a cut article).
        assert_eq!(repair("\u{627}\u{644} x", false), None);
    }

    #[test]
    fn only_a_document_damaged_throughout_shows_the_evidence() {
        let damaged = format!("{EXCEPT_SWAPPED} {HEIGHT_SWAPPED} {SALIM}");
        assert!(swapped_throughout([damaged.as_str()]));
        // One sequence is no evidence.
        assert!(!swapped_throughout([EXCEPT_SWAPPED]));
        // A lam-alef in order anywhere says the font mapped it right.
        assert!(!swapped_throughout([damaged.as_str(), EXCEPT]));
        // الالتينية for اللاتينية (Latin): the lam before an alef is itself
        // from a swapped pair, no evidence against.
        let latin = "\u{627}\u{644}\u{627}\u{644}\u{62a}\u{64a}\u{646}\u{64a}\u{629}";
        assert!(swapped_throughout([damaged.as_str(), latin]));
    }
}
