//! Which body lines are headings.
//!
//! - **Known headings**: a line that names a part (abstract, keywords,
//!   introduction, conclusion, references, in English or Arabic) once its
//!   swapped runs are repaired. Before the body, a keywords line may carry
//!   its keywords on the same line.
//! - **Numbered headings**: `1. المقدمة`, `٢- القنوات`, `أولاً: مدخل`
//!   (an ordinal word and a colon or dash), `المبحث الثاني: الخريطة` (a
//!   noun and its ordinal adjective, then a colon), `II. Method`: the number, then
//!   at most eight words without sentence punctuation. The title keeps its
//!   number; the section kind comes from the words after it.
//! - **Title-like lines**: 2–12 words, no commas or brackets; the structure
//!   stage takes one as a heading when it stands between the end of a
//!   paragraph and an indented first line of the next.

use super::ordinal_label;
use super::repair;
use super::text::char_len;
use crate::document::import::heading_words::{
    classify_heading, is_standard_heading, KEYWORD_PHRASES,
};
use crate::document::model::SectionKind;

/// A known heading line.
#[derive(Debug, PartialEq)]
pub struct Heading {
    pub kind: SectionKind,
    pub lang: Option<&'static str>,
    pub title: String,
    /// Content on the same line (keywords after their phrase).
    pub content: Option<String>,
}

/// A known heading line. `front`: still before the body, where a keywords
/// line can be.
pub fn heading(t: &str, front: bool) -> Option<Heading> {
    if t.len() > 480 {
        return None;
    }
    // Known headings are a few words; only short lines can be one.
    if t.len() <= 80 {
        let repaired = repair::swapped_heading(t).unwrap_or_else(|| t.to_string());
        let bare = repaired.trim().trim_matches([':', '.', ' ']).to_string();
        let (kind, lang) = classify_heading(&bare);
        if kind != SectionKind::Body || is_standard_heading(&bare) {
            return Some(Heading {
                kind,
                lang,
                title: bare,
                content: None,
            });
        }
    }
    if let Some(h) = numbered(t) {
        return Some(h);
    }
    if front {
        keywords_line(t)
    } else {
        None
    }
}

/// أولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا (first …
/// tenth), without their tanween (stripped before the comparison).
const ORDINALS: [&str; 10] = [
    "\u{623}\u{648}\u{644}\u{627}",
    "\u{62b}\u{627}\u{646}\u{64a}\u{627}",
    "\u{62b}\u{627}\u{644}\u{62b}\u{627}",
    "\u{631}\u{627}\u{628}\u{639}\u{627}",
    "\u{62e}\u{627}\u{645}\u{633}\u{627}",
    "\u{633}\u{627}\u{62f}\u{633}\u{627}",
    "\u{633}\u{627}\u{628}\u{639}\u{627}",
    "\u{62b}\u{627}\u{645}\u{646}\u{627}",
    "\u{62a}\u{627}\u{633}\u{639}\u{627}",
    "\u{639}\u{627}\u{634}\u{631}\u{627}",
];

/// The number a numbered heading opens with: `2. البناء` is 2, `ثانياً:
/// مدخل` is 2 (the two-column reader orders columns by it).
pub fn heading_number(t: &str) -> Option<u32> {
    let t = t.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = t[digits..].strip_prefix(['.', '-', ')'])?;
        return rest.starts_with(' ').then(|| t[..digits].parse().ok())?;
    }
    let (word, _) = t.split_once([':', '-', '\u{2013}'])?;
    let word: String = word
        .chars()
        .filter(|&c| c != '\u{64b}' && !c.is_whitespace())
        .collect();
    let at = ORDINALS.iter().position(|o| *o == word)?;
    Some(at as u32 + 1)
}

/// A heading that starts with its number (`1. المقدمة`, `أولاً: مدخل`).
pub fn is_numbered(t: &str) -> bool {
    after_number(t.trim()).is_some()
}

/// The words after a heading's number: `1.`, `1-`, `1)`, `١.`, `IV.`, or
/// an ordinal word with `:` or `-`.
fn after_number(t: &str) -> Option<&str> {
    let numeral =
        |c: char| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c) || "IVX".contains(c);
    let len = t.find(|c: char| !numeral(c)).unwrap_or(t.len());
    let number = &t[..len];
    let roman = number.chars().all(|c| "IVX".contains(c));
    let count = number.chars().count();
    // Sections run to two digits; four would be a year starting a sentence.
    if count > 0 && count <= if roman { 4 } else { 2 } {
        let rest = &t[len..];
        let rest = rest.strip_prefix(['.', '-', ')', '\u{2013}'])?;
        return rest.starts_with(' ').then_some(rest.trim_start());
    }
    let (word, rest) = t.split_once([':', '-', '\u{2013}'])?;
    (is_ordinal(word) || is_ordinal_phrase(word)).then_some(rest.trim_start())
}

/// The first … tenth as adjectives with the article, masculine and
/// feminine: الأول الأولى الثاني الثانية … العاشر العاشرة.
const DEFINITE_ORDINALS: [&str; 20] = [
    "الأول",
    "الأولى",
    "الثاني",
    "الثانية",
    "الثالث",
    "الثالثة",
    "الرابع",
    "الرابعة",
    "الخامس",
    "الخامسة",
    "السادس",
    "السادسة",
    "السابع",
    "السابعة",
    "الثامن",
    "الثامنة",
    "التاسع",
    "التاسعة",
    "العاشر",
    "العاشرة",
];

/// A part named by a noun and its ordinal before the colon: `المبحث
/// الأول`, `الفصل الثاني`, `Part Two` excluded (Arabic ordinals only).
fn is_ordinal_phrase(words: &str) -> bool {
    let mut w = words.split_whitespace();
    match (w.next(), w.next(), w.next()) {
        (Some(noun), Some(ordinal), None) => {
            noun.chars().all(|c| c.is_alphabetic()) && DEFINITE_ORDINALS.contains(&ordinal)
        }
        _ => false,
    }
}

/// `أولا ً مدخل:` → `أولاً: مدخل`: PyMuPDF writes an ordinal heading's
/// colon at the end of the line, and its tanween apart.
fn ordinal_colon_back(t: &str) -> Option<String> {
    let t = t.strip_suffix(':')?;
    let (word, rest) = t.split_once(' ')?;
    let (tanween, rest) = match rest.strip_prefix('\u{64b}') {
        Some(rest) => ("\u{64b}", rest.trim_start()),
        None => ("", rest),
    };
    let plain = !rest.is_empty() && !rest.contains([':', '-', '\u{2013}']);
    (plain && is_ordinal(word)).then(|| format!("{word}{tanween}: {rest}"))
}

/// One of the ordinal words, with or without its tanween (also detached
/// by a space, as some extractions write it: `أولا ً`).
fn is_ordinal(word: &str) -> bool {
    // An ordinal is one word of five letters and a tanween at most.
    if word.len() > 17 {
        return false;
    }
    let word: String = word
        .chars()
        .filter(|&c| c != '\u{64b}' && !c.is_whitespace())
        .collect();
    ORDINALS.contains(&word.as_str())
}

/// The ordinal word a label spells (`أولاً`, `ًأولا`, `أول ًا`, `أولًاًا`:
/// harakat and spaces aside, a doubled final alef as one), in its plain
/// form without tanween.
pub(super) fn ordinal_word(label: &str) -> Option<&'static str> {
    if label.len() > 24 {
        return None;
    }
    let mut word: String = label
        .chars()
        .filter(|&c| !('\u{64b}'..='\u{652}').contains(&c) && !c.is_whitespace())
        .collect();
    if word.ends_with("\u{627}\u{627}") {
        word.pop();
    }
    ORDINALS.iter().find(|o| **o == word).copied()
}

/// A numbered heading: the number, then a few words that end no sentence.
fn numbered(t: &str) -> Option<Heading> {
    let fixed = ordinal_colon_back(t.trim()).or_else(|| ordinal_label::label_in_front(t));
    let t = fixed.as_deref().unwrap_or(t);
    let words = after_number(t.trim())?;
    let n = words.split_whitespace().count();
    let sentence = words
        .trim_end()
        .ends_with(['.', '\u{60c}', ',', '\u{61f}', '?', '!', ';'])
        || words.contains(['(', ')', '\u{60c}', ',']);
    if !(1..=8).contains(&n) || char_len(words) > 60 || sentence {
        return None;
    }
    let (kind, lang) = classify_heading(words);
    Some(Heading {
        kind,
        lang,
        title: t.trim().trim_end_matches([':', ' ']).to_string(),
        content: None,
    })
}

/// Keywords with their content on the same line, in either order.
fn keywords_line(t: &str) -> Option<Heading> {
    KEYWORD_PHRASES.iter().find_map(|phrase| {
        let pos = t.find(phrase)?;
        let content = format!("{} {}", &t[..pos], &t[pos + phrase.len()..]);
        let content = content.trim().trim_matches([':', ' ']).trim().to_string();
        Some(Heading {
            kind: SectionKind::Keywords,
            lang: classify_heading(phrase).1,
            title: phrase.to_string(),
            content: Some(content).filter(|c| !c.is_empty()),
        })
    })
}

/// A short line that reads like a title: 2–12 words, letters, no commas,
/// brackets or sentence punctuation inside.
pub fn title_like(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=12).contains(&words)
        && char_len(t) <= 80
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 6
        && !t.contains(['،', ',', '(', ')', '[', ']', '"', '؟', '?', '!'])
        && t.chars().filter(|&c| c == '.').count() <= 1
}

/// A title-like line as the heading shows it: runs put back in order (a
/// lead word moved after its colon too), no trailing punctuation.
pub fn title_text(t: &str) -> String {
    let title = repair::swapped_heading(t)
        .or_else(|| ordinal_label::lead_word_in_front(t))
        .unwrap_or_else(|| t.to_string());
    title.trim_end_matches(['.', ':', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinal_heading_with_its_colon_at_the_end() {
        // أولا ً تمهيد: → أولاً: تمهيد (first: a preface)
        let line = "\u{623}\u{648}\u{644}\u{627} \u{64b} \u{62a}\u{645}\u{647}\u{64a}\u{62f}:";
        assert_eq!(
            ordinal_colon_back(line).unwrap(),
            "\u{623}\u{648}\u{644}\u{627}\u{64b}: \u{62a}\u{645}\u{647}\u{64a}\u{62f}"
        );
        // A sentence that opens with another word is left alone.
        assert_eq!(
            ordinal_colon_back("\u{62a}\u{645}\u{647}\u{64a}\u{62f} \u{645}:"),
            None
        );
    }

    #[test]
    fn a_swapped_conclusion_heading_is_known() {
        // ":خاتمةال", extracted from "الخاتمة:" (the conclusion)
        let h = heading(
            " :\u{062E}\u{0627}\u{062A}\u{0645}\u{0629}\u{0627}\u{0644}",
            false,
        )
        .unwrap();
        assert_eq!(h.kind, SectionKind::Body);
        assert_eq!(
            h.title,
            "\u{0627}\u{0644}\u{062E}\u{0627}\u{062A}\u{0645}\u{0629}"
        );
    }

    #[test]
    fn keywords_on_their_line_only_before_the_body() {
        let h = heading("Keywords: Trotsky, Lenin", true).unwrap();
        assert_eq!(h.kind, SectionKind::Keywords);
        assert_eq!(h.content.as_deref(), Some("Trotsky, Lenin"));
        // Extracted right to left: "لينين الكلمات المفتاحية:" (Lenin, keywords:)
        let line = format!(
            "\u{0644}\u{064A}\u{0646}\u{064A}\u{0646} {}:",
            KEYWORD_PHRASES[0]
        );
        let h = heading(&line, true).unwrap();
        assert_eq!(h.lang, Some("ar"));
        assert_eq!(
            h.content.as_deref(),
            Some("\u{0644}\u{064A}\u{0646}\u{064A}\u{0646}")
        );
        assert_eq!(heading("Keywords: Trotsky, Lenin", false), None);
    }

    #[test]
    fn numbered_headings() {
        // 1. المقدمة (1. the introduction), أولاً: مدخل (first: an entry)
        let intro = "1. \u{627}\u{644}\u{645}\u{642}\u{62f}\u{645}\u{629}";
        assert_eq!(heading(intro, false).unwrap().title, intro);
        let first = "\u{623}\u{648}\u{644}\u{627}\u{64b}: \u{645}\u{62f}\u{62e}\u{644}";
        assert_eq!(heading(first, false).unwrap().title, first);
        assert_eq!(
            heading("2. References", false).unwrap().kind,
            SectionKind::References
        );
        // A numbered sentence or note is no heading.
        assert_eq!(heading("1. He went home, and slept.", false), None);
        assert_eq!(heading("12 apples were sold", false), None);
        assert_eq!(heading("1917. The year", false), None);
    }

    #[test]
    fn a_part_numbered_by_an_ordinal_adjective() {
        // المبحث الثاني :الخريطة الفضية (second part: the silver map),
        // the colon where pdftotext writes it
        let h = heading("المبحث الثاني :الخريطة الفضية", false).unwrap();
        assert_eq!(h.kind, SectionKind::Body);
        // الفصل الأول: الخاتمة (chapter one: the conclusion)
        assert!(heading("الفصل الأول: الخاتمة", false).is_some());
        // القرن الثاني كان عصر الترجمة: (the second century was …): no
        // colon after the ordinal, a sentence
        assert!(heading("القرن الثاني كان عصر الترجمة: كتب كثيرة", false).is_none());
    }

    #[test]
    fn plain_sentences_are_not_headings() {
        assert_eq!(heading("The revolution began in 1917.", true), None);
    }

    #[test]
    fn title_like_lines() {
        assert!(title_like("Trotsky in the Bolshevik revolution"));
        assert!(!title_like("Trotsky"));
        assert!(!title_like("Trotsky, Lenin and Stalin"));
        assert!(!title_like("He said (in 1917) so"));
        assert!(!title_like("One sentence. Then another. And more"));
        // ".1924-1917دور" → "دور 1917-1924" (role … 1917-1924)
        assert_eq!(
            title_text(" .1924-1917\u{062F}\u{0648}\u{0631} "),
            "\u{062F}\u{0648}\u{0631} 1917-1924"
        );
    }
}
