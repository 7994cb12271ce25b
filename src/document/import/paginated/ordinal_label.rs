//! An ordinal heading's label put back in front of its words.
//!
//! PyMuPDF writes a line's spans in the order it met them, so a heading
//! `أولاً - الورق قبل بغداد` (first - paper before Baghdad) comes out with
//! its label and separator moved: `الورق قبل بغداد- ًأولا`,
//! `الورق قبل بغداد- أول ًا`, `تعريف الآلة:أولًاًا` (label last) or
//! `أولاً  الورق قبل بغداد-` (dash last, two spaces where it stood). The
//! evidence is unambiguous: an ordinal word (first … tenth) alone after a
//! dash or colon glued to the last word, ending the line; or a line that
//! opens with one and ends with a dash glued to an Arabic word (Arabic
//! words are never hyphenated).
//!
//! A title's lead word before its colon moves the same way:
//! `آلة الفلكيين والمسافرين:الأسطرلاب` for `الأسطرلاب: آلة الفلكيين
//! والمسافرين` (the astrolabe: an instrument of astronomers and
//! travellers). The evidence: one colon glued to Arabic letters on both
//! sides (written text puts a space after it) and one word after it.

use super::headings::ordinal_word;
use super::repair::is_arabic_letter;

/// The heading with its label in front (`أولاً - الورق`), when the line
/// shows the label moved.
pub fn label_in_front(t: &str) -> Option<String> {
    let t = t.trim();
    if t.len() > 200 {
        return None;
    }
    label_last(t).or_else(|| dash_last(t))
}

/// `الورق قبل بغداد- ًأولا` → `أولاً - الورق قبل بغداد`.
fn label_last(t: &str) -> Option<String> {
    let at = t.rfind([':', '-', '\u{2013}'])?;
    let sep = t[at..].chars().next()?;
    let (words, label) = (&t[..at], &t[at + sep.len_utf8()..]);
    let glued = words.chars().next_back().is_some_and(is_arabic_letter);
    let plain = !words.trim().is_empty() && !words.contains([':', '-', '\u{2013}']);
    let ordinal = ordinal_word(label)?;
    (glued && plain).then(|| joined(ordinal, sep, words.trim()))
}

/// `أولاً  الورق قبل بغداد-` → `أولاً - الورق قبل بغداد`.
fn dash_last(t: &str) -> Option<String> {
    let words = t.strip_suffix('-')?;
    if !words.chars().next_back().is_some_and(is_arabic_letter) {
        return None;
    }
    let (first, rest) = words.split_once(' ')?;
    // The tanween may stand apart: `أولا ً الورق`.
    let (label, rest) = match rest.trim_start().strip_prefix('\u{64b}') {
        Some(after) if after.starts_with(' ') => (format!("{first}\u{64b}"), after),
        _ => (first.to_string(), rest),
    };
    let ordinal = ordinal_word(&label)?;
    let rest = rest.trim();
    let plain = !rest.is_empty() && !rest.contains([':', '-', '\u{2013}']);
    plain.then(|| joined(ordinal, '-', rest))
}

/// `آلة الفلكيين:الأسطرلاب` → `الأسطرلاب: آلة الفلكيين`.
pub fn lead_word_in_front(t: &str) -> Option<String> {
    let t = t.trim();
    let (words, lead) = t.split_once(':')?;
    let glued = words.chars().next_back().is_some_and(is_arabic_letter)
        && lead.chars().next().is_some_and(is_arabic_letter);
    let one_word = !lead.contains(char::is_whitespace) && !lead.contains(':');
    let several = words.split_whitespace().count() >= 2;
    (glued && one_word && several).then(|| format!("{lead}: {words}"))
}

fn joined(ordinal: &str, sep: char, words: &str) -> String {
    match sep {
        ':' => format!("{ordinal}\u{64b}: {words}"),
        _ => format!("{ordinal}\u{64b} {sep} {words}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // أولاً - الورق قبل بغداد (first - paper before Baghdad), as the source has it
    const FIRST: &str = "\u{623}\u{648}\u{644}\u{627}\u{64b}";
    const PAPER: &str = "\u{627}\u{644}\u{648}\u{631}\u{642} \u{642}\u{628}\u{644} \u{628}\u{63a}\u{62f}\u{627}\u{62f}";

    #[test]
    fn a_label_moved_to_the_end_goes_back_in_front() {
        let expected = format!("{FIRST} - {PAPER}");
        // الورق قبل بغداد- ًأولا: tanween written before the word
        let tanween_first = format!("{PAPER}- \u{64b}\u{623}\u{648}\u{644}\u{627}");
        assert_eq!(label_in_front(&tanween_first).unwrap(), expected);
        // الورق قبل بغداد- أول ًا: the word cut before its last letter
        let cut = format!("{PAPER}- \u{623}\u{648}\u{644} \u{64b}\u{627}");
        assert_eq!(label_in_front(&cut).unwrap(), expected);
        // تعريف الآلة:أولًاًا (first: defining the instrument), tanween doubled
        let colon = "\u{62a}\u{639}\u{631}\u{64a}\u{641} \u{627}\u{644}\u{622}\u{644}\u{629}:\u{623}\u{648}\u{644}\u{64b}\u{627}\u{64b}\u{627}";
        assert_eq!(
            label_in_front(colon).unwrap(),
            format!(
                "{FIRST}: \u{62a}\u{639}\u{631}\u{64a}\u{641} \u{627}\u{644}\u{622}\u{644}\u{629}"
            )
        );
    }

    #[test]
    fn a_dash_moved_to_the_end_goes_back_after_the_label() {
        let moved = format!("{FIRST}  {PAPER}-");
        assert_eq!(
            label_in_front(&moved).unwrap(),
            format!("{FIRST} - {PAPER}")
        );
    }

    #[test]
    fn a_title_lead_word_moved_after_its_colon_goes_back() {
        // آلة الفلكيين:الأسطرلاب → الأسطرلاب: آلة الفلكيين (the astrolabe:
        // the astronomers' instrument)
        let instrument =
            "\u{622}\u{644}\u{629} \u{627}\u{644}\u{641}\u{644}\u{643}\u{64a}\u{64a}\u{646}";
        let astrolabe = "\u{627}\u{644}\u{623}\u{633}\u{637}\u{631}\u{644}\u{627}\u{628}";
        assert_eq!(
            lead_word_in_front(&format!("{instrument}:{astrolabe}")).unwrap(),
            format!("{astrolabe}: {instrument}")
        );
        // Written in order, or with a space after the colon: untouched.
        assert_eq!(
            lead_word_in_front(&format!("{astrolabe}: {instrument}")),
            None
        );
        assert_eq!(
            lead_word_in_front(&format!("{instrument}: {astrolabe}")),
            None
        );
        assert_eq!(lead_word_in_front("10:30 am"), None);
    }

    #[test]
    fn lines_in_order_are_left_alone() {
        // The heading as written; a sentence that ends in أولا after a
        // spaced dash; a page number -3-; an English hyphen.
        let sentence = format!("{PAPER} - \u{623}\u{648}\u{644}\u{627}");
        for clean in [
            format!("{FIRST} - {PAPER}"),
            format!("{FIRST}: {PAPER}"),
            sentence,
            "-3-".to_string(),
            "well-".to_string(),
            format!("{PAPER}-"),
        ] {
            assert_eq!(label_in_front(&clean), None, "{clean}");
        }
    }
}
