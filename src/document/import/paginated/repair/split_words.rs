//! Arabic words cut in two by a space, rejoined from the document's own
//! vocabulary.
//!
//! Justified Arabic set by some fonts (LibreOffice with Noto Sans Arabic,
//! Noto Naskh, Amiri) extracts with spaces inside words, where the glyphs
//! were spread: `ال راوي` for `الراوي`, `مقام ة` for `مقامة`, `ه ذا` for
//! `هذا`. No dictionary of the language is needed to see it: the same
//! document writes most of those words whole elsewhere.
//!
//! - **Evidence for one pair** `A B` (two Arabic words side by side, with
//!   no punctuation between them): `AB` stands whole elsewhere in the
//!   document, and `A` or `B` is never a word of its own in it (outside
//!   such pairs; a single letter never is). Two real words side by side
//!   (`في المدينة`) are both words elsewhere and stay apart; `و`, "and",
//!   which many write apart from the next word (`و ليون`), is never
//!   joined to it. In a document that shows the pattern (below), also a
//!   `B` that starts with `ة` or `ى`, letters that end words and start
//!   none (`مدين ة`).
//! - **Evidence for the document**: pairs written whole elsewhere rejoin
//!   to at least [`MIN_JOINS`] different words, and to at least
//!   [`MIN_JOINS_PER_THOUSAND`] per thousand words of the text. Clean text
//!   may show a coincidence or two (a name written both `عبد الله` and
//!   `عبدالله`), a long extraction a few stray cuts; one whose justified
//!   lines were cut shows them every few lines.
//! - A word cut in three (`الم ؤرخ ين`) rejoins piece by piece, each step
//!   on the same evidence.

use std::collections::{HashMap, HashSet};

/// How many different words must rejoin before any is rejoined…
pub const MIN_JOINS: usize = 3;
/// …and how many per thousand words of the text.
pub const MIN_JOINS_PER_THOUSAND: usize = 5;
/// How much of a document's text is read to see whether it cuts words.
pub const SAMPLE: usize = 256 * 1024;

/// A letter or haraka of the Arabic script: what a word's core is made of.
fn is_word_char(c: char) -> bool {
    super::is_arabic_letter(c) || ('\u{64B}'..='\u{652}').contains(&c) || c == '\u{670}'
}

/// The word's Arabic core (punctuation around it trimmed), if the rest of
/// it is Arabic letters.
fn core(token: &str) -> Option<&str> {
    let core = token.trim_matches(|c: char| !is_word_char(c));
    (!core.is_empty() && core.chars().all(is_word_char)).then_some(core)
}

/// The words of a document, counted by their cores.
#[derive(Default)]
pub struct Vocabulary {
    words: HashMap<String, u32>,
    /// How often each piece stands in a pair that rejoins to a word.
    in_pairs: HashMap<String, u32>,
    /// How many different words pairs written whole elsewhere rejoin to.
    joins: usize,
    /// How many words the text has.
    total: usize,
}

impl Vocabulary {
    /// The document's vocabulary when it shows the pattern, else `None`.
    /// The pattern is looked for in its first [`SAMPLE`] bytes (an
    /// extraction that cuts words does so from its first page), so that a
    /// long clean text costs one short look.
    pub fn of_document<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Option<Vocabulary> {
        let mut seen = 0;
        let sample = texts.clone().take_while(move |t| {
            let before = seen;
            seen += t.len();
            before < SAMPLE
        });
        let first = Vocabulary::of(sample);
        if !first.cuts_words() {
            return None;
        }
        let whole: usize = texts.clone().map(str::len).sum();
        Some(if whole <= SAMPLE {
            first
        } else {
            Vocabulary::of(texts)
        })
    }

    /// Count the words of every text, then the pairs that would rejoin.
    pub fn of<'a>(texts: impl Iterator<Item = &'a str> + Clone) -> Vocabulary {
        let mut v = Vocabulary::default();
        for text in texts.clone() {
            for token in text.split_whitespace() {
                v.total += 1;
                if let Some(c) = core(token) {
                    bump(&mut v.words, c);
                }
            }
        }
        // One buffer for the pairs' joined forms, not one string a pair.
        let mut whole = String::new();
        for text in texts.clone() {
            for (a, b) in pairs(text) {
                whole.clear();
                whole.push_str(a);
                whole.push_str(b);
                let cut_ending = b.starts_with(['\u{629}', '\u{649}']);
                if cut_ending || v.words.contains_key(whole.as_str()) {
                    bump(&mut v.in_pairs, a);
                    bump(&mut v.in_pairs, b);
                }
            }
        }
        let mut joins = HashSet::new();
        for text in texts {
            for (a, b) in pairs(text).filter(|&(a, b)| v.written_whole(a, b)) {
                joins.insert(format!("{a}{b}"));
            }
        }
        v.joins = joins.len();
        v
    }

    /// Whether `piece` is a word of its own somewhere in the document. A
    /// single letter is none, nor a piece that starts with `ة` or `ى`,
    /// letters that only end words.
    fn is_word(&self, piece: &str) -> bool {
        let mut letters = piece.chars();
        let first = letters.next();
        let single = letters.next().is_none();
        if single || matches!(first, Some('\u{629}' | '\u{649}')) {
            return false;
        }
        let all = self.words.get(piece).copied().unwrap_or(0);
        all > self.in_pairs.get(piece).copied().unwrap_or(0)
    }

    /// `a b` is one word cut in two that the document writes whole
    /// elsewhere: not two words, nor `و` ("and") before a word.
    fn written_whole(&self, a: &str, b: &str) -> bool {
        // Most pairs are two words: no joined form to look up.
        a != "\u{648}"
            && !(self.is_word(a) && self.is_word(b))
            && self.words.contains_key(format!("{a}{b}").as_str())
    }

    /// `a b` is one word cut in two: written whole elsewhere, or its
    /// second piece starts with `ة` or `ى`, which no word starts with.
    fn splits(&self, a: &str, b: &str) -> bool {
        b.starts_with(['\u{629}', '\u{649}']) || self.written_whole(a, b)
    }

    /// Whether the document shows the pattern.
    pub fn cuts_words(&self) -> bool {
        self.joins >= MIN_JOINS && self.joins * 1000 >= MIN_JOINS_PER_THOUSAND * self.total
    }

    /// The text with its cut words rejoined, or `None` if none is.
    pub fn rejoin(&self, text: &str) -> Option<String> {
        if !self.cuts_words() {
            return None;
        }
        let tokens: Vec<&str> = text.split(' ').collect();
        let mut out: Vec<String> = Vec::with_capacity(tokens.len());
        let mut changed = false;
        for token in tokens {
            let joined = out.last().and_then(|prev| {
                let a = prev.trim_start_matches(|c: char| !is_word_char(c));
                let b = token.trim_end_matches(|c: char| !is_word_char(c));
                let pair = !a.is_empty()
                    && a.chars().all(is_word_char)
                    && !b.is_empty()
                    && b.chars().all(is_word_char);
                (pair && self.splits(a, b)).then(|| format!("{prev}{token}"))
            });
            match joined {
                Some(j) => {
                    *out.last_mut().expect("a previous token") = j;
                    changed = true;
                }
                None => out.push(token.to_string()),
            }
        }
        changed.then(|| out.join(" "))
    }
}

/// One more of `key` (a string made only for a key not seen yet).
fn bump(counts: &mut HashMap<String, u32>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

/// Adjacent words of a text with nothing but a space between them: the
/// first with no punctuation after it, the second none before it.
fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for w in tokens.windows(2) {
        let a = w[0].trim_start_matches(|c: char| !is_word_char(c));
        let b = w[1].trim_end_matches(|c: char| !is_word_char(c));
        if !a.is_empty()
            && a.chars().all(is_word_char)
            && !b.is_empty()
            && b.chars().all(is_word_char)
        {
            out.push((a, b));
        }
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    // الراوي (the narrator), هذا (this), مقامة (a maqama), في (in),
    // المدينة (the city)
    const NARRATOR: &str = "\u{627}\u{644}\u{631}\u{627}\u{648}\u{64a}";
    const THIS: &str = "\u{647}\u{630}\u{627}";
    const MAQAMA: &str = "\u{645}\u{642}\u{627}\u{645}\u{629}";
    const IN: &str = "\u{641}\u{64a}";
    const CITY: &str = "\u{627}\u{644}\u{645}\u{62f}\u{64a}\u{646}\u{629}";

    fn cut(word: &str, at: usize) -> String {
        let at = word.char_indices().nth(at).unwrap().0;
        format!("{} {}", &word[..at], &word[at..])
    }

    #[test]
    fn words_cut_by_justification_rejoin() {
        // ال راوي، ه ذا، مقام ة: each written whole elsewhere.
        let damaged = format!(
            "{} {IN} {}. {}",
            cut(NARRATOR, 2),
            cut(THIS, 1),
            cut(MAQAMA, 4)
        );
        let whole = format!("{NARRATOR} {THIS} {MAQAMA} {IN} {CITY}");
        let v = Vocabulary::of([damaged.as_str(), whole.as_str()].into_iter());
        assert_eq!(
            v.rejoin(&damaged).unwrap(),
            format!("{NARRATOR} {IN} {THIS}. {MAQAMA}")
        );
        assert_eq!(v.rejoin(&whole), None);
    }

    #[test]
    fn two_words_of_their_own_stay_apart() {
        // في المدينة twice, and فيالمدينة (never a word) once: both
        // pieces are words elsewhere, so nothing joins.
        let glued = format!("{IN}{CITY}");
        let texts = [
            format!("{IN} {CITY}"),
            format!("{IN} {CITY} {IN} {THIS}"),
            format!("{glued} {THIS} {CITY}"),
            format!("{} {} {}", cut(NARRATOR, 2), cut(THIS, 1), cut(MAQAMA, 4)),
            format!("{NARRATOR} {THIS} {MAQAMA}"),
        ];
        let v = Vocabulary::of(texts.iter().map(String::as_str));
        assert!(v.cuts_words());
        assert_eq!(v.rejoin(&texts[0]), None);
    }

    #[test]
    fn one_or_two_coincidences_are_no_pattern() {
        let texts = [cut(NARRATOR, 2), cut(THIS, 1), format!("{NARRATOR} {THIS}")];
        let v = Vocabulary::of(texts.iter().map(String::as_str));
        assert!(!v.cuts_words());
        assert_eq!(v.rejoin(&texts[0]), None);
    }
}
