//! Joining wrapped lines into the text of one paragraph, item or note,
//! noting where the symbol-font marker glyphs fall in it.

use super::text::{is_marker_glyph, is_url_line};
use crate::document::model::BlockKind;

/// A paragraph, item or note being assembled from lines.
#[derive(Default)]
pub struct Pending {
    pub text: String,
    pub kind: BlockKind,
    /// Where each marker glyph sits in `text` (byte offset), and the index
    /// of the line it came from.
    pub markers: Vec<(usize, usize)>,
}

impl Pending {
    /// Add a line: wrapped lines are joined with one space (none inside a
    /// URL broken at the line end, nor in a hyphenated English word, whose
    /// hyphen goes), runs of spaces become one.
    pub fn push_line(&mut self, line: &str, line_no: usize) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        if self.rejoin_hyphenated(line) {
            // The word goes on at once: no space, no hyphen.
        } else if !self.text.is_empty() {
            // A URL broken at the end of a line goes on without a space.
            // (the last word only: looking from the end keeps this linear)
            let last = self.text.rsplit(' ').next().unwrap_or("");
            let url_broken = last.ends_with(['-', '/', '.', '_'])
                && (last.starts_with("http") || last.contains("://"));
            if !(url_broken && is_url_line(line)) {
                self.text.push(' ');
            }
        }
        // Runs of spaces in extracted text are layout, not content.
        let mut last_space = false;
        for c in line.chars() {
            if c.is_whitespace() {
                if !last_space {
                    self.text.push(' ');
                }
                last_space = true;
                continue;
            }
            last_space = false;
            if is_marker_glyph(c) {
                drop_printed_label(&mut self.text);
                self.markers.push((self.text.len(), line_no));
            }
            self.text.push(c);
        }
    }
}

impl Pending {
    /// `de-` + `veloped`: an English word hyphenated at the end of a line
    /// (hyphen-minus, U+2010 or a soft hyphen after a lowercase Latin
    /// letter) going on in lowercase: the hyphen goes.
    fn rejoin_hyphenated(&mut self, next: &str) -> bool {
        let mut end = self.text.chars().rev();
        let (Some(hyphen), Some(letter)) = (end.next(), end.next()) else {
            return false;
        };
        // The last word is letters only (not a URL's piece).
        let word = self.text.rsplit(' ').next().unwrap_or("");
        let word = &word[..word.len() - hyphen.len_utf8()];
        let hyphenated = matches!(hyphen, '-' | '\u{2010}' | '\u{AD}')
            && letter.is_ascii_lowercase()
            && word.chars().all(|c| c.is_alphabetic())
            && next.starts_with(|c: char| c.is_ascii_lowercase());
        if hyphenated {
            self.text.pop();
        }
        hyphenated
    }
}

/// A number of one or two digits standing alone just before a marker
/// glyph is the marker's own label, which some extractions keep beside the
/// glyph ("1\u{F02B}"): the glyph is the marker, so the digits go (a longer
/// number, or one joined to a word, is text and stays).
fn drop_printed_label(text: &mut String) {
    let digits = text.bytes().rev().take_while(u8::is_ascii_digit).count();
    let head = &text[..text.len() - digits];
    if (1..=2).contains(&digits) && (head.is_empty() || head.ends_with(' ')) {
        text.truncate(head.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_with_one_space() {
        let mut p = Pending::default();
        p.push_line("  The Russian   revolution ", 0);
        p.push_line("is not a revolution", 1);
        assert_eq!(p.text, "The Russian revolution is not a revolution");
    }

    #[test]
    fn hyphenated_words_are_rejoined() {
        let mut p = Pending::default();
        p.push_line("the word was de-", 0);
        p.push_line("veloped and cit\u{2010}", 1);
        p.push_line("ies grew; well-", 2);
        p.push_line("Known stays", 3);
        assert_eq!(
            p.text,
            "the word was developed and cities grew; well- Known stays"
        );
    }

    #[test]
    fn a_broken_url_joins_without_a_space() {
        let mut p = Pending::default();
        p.push_line("see https://example.org/a-", 0);
        p.push_line("example.org/b_c", 1);
        assert_eq!(p.text, "see https://example.org/a-example.org/b_c");
    }

    #[test]
    fn a_label_printed_beside_its_glyph_is_not_left_in_the_text() {
        // "أثناء  1<glyph>قائد" (during … leader): the 1 is the marker's.
        let mut p = Pending::default();
        p.push_line(
            "\u{623}\u{62b}\u{646}\u{627}\u{621}  1\u{F02B}\u{642}\u{627}\u{626}\u{62f}",
            0,
        );
        assert_eq!(
            p.text,
            "\u{623}\u{62b}\u{646}\u{627}\u{621} \u{F02B}\u{642}\u{627}\u{626}\u{62f}"
        );
        assert_eq!(p.markers, [(11, 0)]);
        // A year before a marker is text.
        let mut p = Pending::default();
        p.push_line("in 1917\u{F02B}", 0);
        assert_eq!(p.text, "in 1917\u{F02B}");
    }

    #[test]
    fn marker_glyphs_are_recorded_with_their_line() {
        let mut p = Pending::default();
        // "لينين" (Lenin) and a marker glyph after it
        p.push_line("\u{0644}\u{064A}\u{0646}\u{064A}\u{0646}\u{F02B} said", 7);
        assert_eq!(p.markers, [(10, 7)]);
        assert!(p.text[10..].starts_with('\u{F02B}'));
    }
}
