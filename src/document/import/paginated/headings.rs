//! Which body lines are headings.
//!
//! - **Known headings**: a line that names a part (abstract, keywords,
//!   introduction, conclusion, references, in English or Arabic) once its
//!   swapped runs are repaired. Before the body, a keywords line may carry
//!   its keywords on the same line.
//! - **Title-like lines**: 2–12 words, no commas or brackets; the structure
//!   stage takes one as a heading when it stands between the end of a
//!   paragraph and an indented first line of the next.

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
    if front {
        keywords_line(t)
    } else {
        None
    }
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

/// A title-like line as the heading shows it: runs put back in order, no
/// trailing punctuation.
pub fn title_text(t: &str) -> String {
    let title = repair::swapped_heading(t).unwrap_or_else(|| t.to_string());
    title.trim_end_matches(['.', ':', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
