//! The folding behind search: each character of a text mapped to what it
//! is compared as (or dropped), with the byte offset it came from, so a
//! match in the folded text is a byte range of the original.

use std::ops::Range;

/// A folded text and, for each of its bytes, the byte of the original it
/// came from; `ends[i]` is where that original character ends.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    pub text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

/// What `c` is compared as: `None` to drop it.
pub fn fold(c: char) -> Option<char> {
    Some(match c {
        // harakat (fathatan … sukun, and the rest of U+064B..U+065F),
        // superscript alef, tatweel
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        // alef with madda, hamza above, hamza below; alef wasla
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
        // alef maqsura → yeh
        '\u{0649}' => '\u{064A}',
        // teh marbuta → heh
        '\u{0629}' => '\u{0647}',
        // Arabic-Indic and Extended Arabic-Indic digits → ASCII
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c if c.is_ascii() => c,
        // Other cased letters (Latin with accents, Greek, Cyrillic…)
        c if c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        c => c,
    })
}

/// Fold `text` into `out` (cleared first), without the offsets: enough to
/// tell whether and how often a query matches.
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    out.extend(text.chars().filter_map(fold));
}

/// Fold `text`.
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(text.len()),
        starts: Vec::with_capacity(text.len()),
        ends: Vec::with_capacity(text.len()),
    };
    for (at, c) in text.char_indices() {
        if let Some(f) = fold(c) {
            let end = (at + c.len_utf8()) as u32;
            for _ in 0..f.len_utf8() {
                out.starts.push(at as u32);
                out.ends.push(end);
            }
            out.text.push(f);
        } else if let Some(&first_of_last) = out.starts.last() {
            // A dropped mark belongs to the character before it, so a
            // match that ends on that character takes the mark along: every
            // byte of that folded character now ends after the mark.
            let end = (at + c.len_utf8()) as u32;
            for i in (0..out.ends.len()).rev() {
                if out.starts[i] != first_of_last {
                    break;
                }
                out.ends[i] = end;
            }
        }
    }
    out
}

impl Normalized {
    /// Original byte ranges of every match of the folded `query`.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        if query.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(query)
            .map(|(at, m)| self.starts[at] as usize..self.ends[at + m.len() - 1] as usize)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn harakat_and_tatweel_are_ignored() {
        // "الشَّعب" (the people, with shadda and fatha) folds to "الشعب"
        assert_eq!(
            folded("\u{0627}\u{0644}\u{0634}\u{0651}\u{064E}\u{0639}\u{0628}"),
            "\u{0627}\u{0644}\u{0634}\u{0639}\u{0628}"
        );
        // "كتـــاب" with tatweel folds to "كتاب"
        assert_eq!(
            folded("\u{0643}\u{062A}\u{0640}\u{0640}\u{0627}\u{0628}"),
            "\u{0643}\u{062A}\u{0627}\u{0628}"
        );
    }

    #[test]
    fn alef_forms_yeh_heh_digits_and_case() {
        // أكتوبر (October, alef with hamza) folds like اكتوبر
        assert_eq!(
            folded("\u{0623}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}"),
            folded("\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}")
        );
        // إ آ ٱ → ا
        for c in ['\u{0625}', '\u{0622}', '\u{0671}'] {
            assert_eq!(fold(c), Some('\u{0627}'));
        }
        assert_eq!(fold('\u{0649}'), Some('\u{064A}')); // ى → ي
        assert_eq!(fold('\u{0629}'), Some('\u{0647}')); // ة → ه
        assert_eq!(folded("\u{0661}\u{0669}\u{0661}\u{0667}"), "1917"); // ١٩١٧
        assert_eq!(folded("Lenin LENIN"), "lenin lenin");
    }

    #[test]
    fn matches_map_back_to_original_bytes() {
        // "قال لينينُ" (Lenin said, damma on the last letter): a match of
        // "لينين" covers the damma too.
        let text = "\u{0642}\u{0627}\u{0644} \u{0644}\u{064A}\u{0646}\u{064A}\u{0646}\u{064F}";
        let n = normalize(text);
        let hits = n.find_all(&normalize("\u{0644}\u{064A}\u{0646}\u{064A}\u{0646}").text);
        assert_eq!(hits.len(), 1);
        let start = text.find(' ').unwrap() + 1;
        assert_eq!(hits[0], start..text.len());
        // a query with hamza finds text without it, and the reverse
        let text = "\u{0623}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631} \u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}";
        assert_eq!(
            super::super::find_all(
                text,
                "\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}",
                super::super::Mode::Folded
            )
            .len(),
            2
        );
    }
}
