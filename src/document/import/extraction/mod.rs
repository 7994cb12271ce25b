//! Text as extractors write it, put in logical order line by line before
//! the structure stage reads it.
//!
//! Each extractor family leaves its own evidence, and each fix needs it:
//! - **bidi controls** (poppler's pdftotext, all modes): runs and their
//!   direction; `controls` resolves them and removes them.
//! - **visual order** (pdfminer.six): whole right-to-left lines reversed;
//!   `visual` tells them by their letters and turns them.
//! - **a right-to-left line opening with its final punctuation** (PyMuPDF
//!   puts the full stop at the left end, where it is drawn: `.الخط`): the
//!   punctuation goes back to the end. Only a line with Arabic letters right
//!   after it, in a text without bidi controls, is touched.

pub mod controls;
pub mod visual;

use std::borrow::Cow;

/// A letter of the Arabic script (not a digit, mark or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{621}'..='\u{64A}' | '\u{66E}'..='\u{6D3}' | '\u{6FA}'..='\u{6FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// What a whole text says about how its lines were written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Family {
    /// pdftotext: bidi embedding controls around runs.
    pub controls: bool,
    /// pdfminer: right-to-left lines in visual order.
    pub visual: bool,
}

impl Family {
    /// Read the evidence from the whole text (one pass).
    pub fn of(text: &str) -> Family {
        let controls = text.chars().any(controls::is_bidi_control);
        let (mut logical, mut reversed) = (0, 0);
        if !controls {
            for line in text.lines() {
                let (l, r) = visual::evidence(line);
                logical += l;
                reversed += r;
            }
        }
        Family {
            controls,
            visual: reversed > logical,
        }
    }

    /// One line in logical order, without bidi controls.
    pub fn line<'a>(&self, raw: &'a str) -> Cow<'a, str> {
        if self.controls {
            return controls::resolve(raw).map_or(Cow::Borrowed(raw), Cow::Owned);
        }
        if raw.chars().any(is_arabic_letter) && visual::is_visual(raw, self.visual) {
            return Cow::Owned(visual::turn(raw));
        }
        final_punctuation_back(raw)
    }
}

/// `.الخط المكتوب` → `الخط المكتوب.`: a right-to-left line that opens with
/// sentence-final punctuation straight before an Arabic letter.
fn final_punctuation_back(raw: &str) -> Cow<'_, str> {
    let t = raw.trim_start();
    let punct: String = t
        .chars()
        .take_while(|c| matches!(c, '.' | '،' | ':' | '؛' | '؟' | '!'))
        .collect();
    let rest = t[punct.len()..].trim_start();
    if punct.is_empty() || !rest.chars().next().is_some_and(is_arabic_letter) {
        return Cow::Borrowed(raw);
    }
    let rest = rest.trim_end();
    Cow::Owned(format!("{rest}{punct}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    // الخط المكتوب "the written script"
    const SCRIPT: &str =
        "\u{627}\u{644}\u{62e}\u{637} \u{627}\u{644}\u{645}\u{643}\u{62a}\u{648}\u{628}";

    #[test]
    fn final_punctuation_goes_back_to_the_end() {
        assert_eq!(
            final_punctuation_back(&format!(".{SCRIPT}")),
            format!("{SCRIPT}.")
        );
        assert_eq!(
            final_punctuation_back(&format!(" :{SCRIPT} ")),
            format!("{SCRIPT}:")
        );
        for clean in [SCRIPT, ". Latin", "...", "1. Heading"] {
            assert_eq!(final_punctuation_back(clean), clean);
        }
    }

    #[test]
    fn the_family_is_read_from_the_whole_text() {
        assert!(Family::of("a \u{202B}x\u{202C}").controls);
        let reversed: String = "\u{645}\u{62c}\u{644}\u{629}".chars().rev().collect();
        assert!(Family::of(&reversed).visual);
        assert_eq!(Family::of("plain"), Family::default());
    }
}
