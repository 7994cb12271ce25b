//! The document's title and language, read off what the stages built.

use super::classified::Line;
use super::headings::is_numbered;
use super::text::is_rtl_char;
use crate::document::import::heading_words::{classify_heading, is_standard_heading};
use crate::document::model::{Section, SectionKind};

/// The first body heading that names neither a part (abstract, keywords,
/// references) nor a standard section (introduction, conclusion), and has
/// no number: journals print the essay's title so.
pub fn title(sections: &[Section]) -> String {
    sections
        .iter()
        .filter(|s| s.kind == SectionKind::Body)
        .filter_map(|s| s.title.as_ref())
        .find(|t| {
            classify_heading(t).0 == SectionKind::Body && !is_standard_heading(t) && !is_numbered(t)
        })
        .cloned()
        .unwrap_or_default()
}

/// "ar" when more than half the letters of the source are right-to-left.
pub fn language(lines: &[Line]) -> Option<String> {
    let rtl_chars = lines
        .iter()
        .flat_map(|l| l.text().chars())
        .filter(|&c| is_rtl_char(c))
        .count();
    let latin = lines
        .iter()
        .flat_map(|l| l.text().bytes())
        .filter(u8::is_ascii_alphabetic)
        .count();
    (rtl_chars > latin).then(|| "ar".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::import::body_section;
    use crate::document::import::paginated::classified::classify;
    use crate::document::import::paginated::classified::tests::page;

    #[test]
    fn the_title_is_the_first_heading_that_is_no_part_name() {
        let sections = [
            body_section(Some("Introduction".into()), vec![]),
            body_section(Some("Trotsky and the revolution".into()), vec![]),
            body_section(Some("Another part".into()), vec![]),
        ];
        assert_eq!(title(&sections), "Trotsky and the revolution");
        assert_eq!(title(&sections[..1]), "");
    }

    #[test]
    fn arabic_when_most_letters_are() {
        // "الثورة" (the revolution): 6 Arabic letters against 5 Latin
        assert_eq!(
            language(&classify(&page(&[
                "\u{0627}\u{0644}\u{062B}\u{0648}\u{0631}\u{0629}",
                "Lenin"
            ]))),
            Some("ar".into())
        );
        assert_eq!(language(&classify(&page(&["Lenin and Stalin"]))), None);
    }
}
