//! The words that name the parts of an essay (abstract, keywords,
//! references, introduction, conclusion) in English and Arabic, shared by
//! every importer that meets headings.

use crate::document::model::SectionKind;

/// الكلمات المفتاحية (keywords), and its English forms: a keywords line
/// can carry its content after (or, extracted, before) the phrase.
pub const KEYWORD_PHRASES: [&str; 4] = [
    "\u{0627}\u{0644}\u{0643}\u{0644}\u{0645}\u{0627}\u{062A} \u{0627}\u{0644}\u{0645}\u{0641}\u{062A}\u{0627}\u{062D}\u{064A}\u{0629}",
    // without the article: كلمات مفتاحية
    "\u{0643}\u{0644}\u{0645}\u{0627}\u{062A} \u{0645}\u{0641}\u{062A}\u{0627}\u{062D}\u{064A}\u{0629}",
    "Keywords",
    "Key words",
];

/// What a heading's text says the section is, and its language.
pub fn classify_heading(title: &str) -> (SectionKind, Option<&'static str>) {
    let t = title
        .trim()
        .trim_matches(|c: char| c == ':' || c == '.' || c.is_whitespace())
        .to_lowercase();
    match t.as_str() {
        "abstract" | "summary" => (SectionKind::Abstract, Some("en")),
        // الملخص, ملخص (abstract)
        "\u{0627}\u{0644}\u{0645}\u{0644}\u{062E}\u{0635}" | "\u{0645}\u{0644}\u{062E}\u{0635}" => {
            (SectionKind::Abstract, Some("ar"))
        }
        "keywords" | "key words" => (SectionKind::Keywords, Some("en")),
        // الكلمات المفتاحية (keywords)
        "\u{0627}\u{0644}\u{0643}\u{0644}\u{0645}\u{0627}\u{062A} \u{0627}\u{0644}\u{0645}\u{0641}\u{062A}\u{0627}\u{062D}\u{064A}\u{0629}"
        | "\u{0643}\u{0644}\u{0645}\u{0627}\u{062A} \u{0645}\u{0641}\u{062A}\u{0627}\u{062D}\u{064A}\u{0629}" => {
            (SectionKind::Keywords, Some("ar"))
        }
        "references" | "bibliography" | "sources" | "works cited" => (SectionKind::References, None),
        // المصادر, المراجع, المصادر والمراجع (sources, references)
        "\u{0627}\u{0644}\u{0645}\u{0635}\u{0627}\u{062F}\u{0631}"
        | "\u{0627}\u{0644}\u{0645}\u{0631}\u{0627}\u{062C}\u{0639}"
        | "\u{0627}\u{0644}\u{0645}\u{0635}\u{0627}\u{062F}\u{0631} \u{0648}\u{0627}\u{0644}\u{0645}\u{0631}\u{0627}\u{062C}\u{0639}"
        // قائمة المصادر, قائمة المراجع (list of sources, of references)
        | "\u{0642}\u{0627}\u{0626}\u{0645}\u{0629} \u{0627}\u{0644}\u{0645}\u{0635}\u{0627}\u{062F}\u{0631}"
        | "\u{0642}\u{0627}\u{0626}\u{0645}\u{0629} \u{0627}\u{0644}\u{0645}\u{0631}\u{0627}\u{062C}\u{0639}" => {
            (SectionKind::References, None)
        }
        _ => (SectionKind::Body, None),
    }
}

/// المقدمة (introduction), الخاتمة (conclusion) and their English names:
/// headings that name a part, never the essay.
pub fn is_standard_heading(t: &str) -> bool {
    let t = t.trim().trim_end_matches([':', '.']).to_lowercase();
    [
        "introduction",
        "conclusion",
        "\u{0627}\u{0644}\u{0645}\u{0642}\u{062F}\u{0645}\u{0629}",
        "\u{0627}\u{0644}\u{062E}\u{0627}\u{062A}\u{0645}\u{0629}",
        "\u{0645}\u{0642}\u{062F}\u{0645}\u{0629}",
        "\u{062E}\u{0627}\u{062A}\u{0645}\u{0629}",
    ]
    .contains(&t.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_names_in_both_languages() {
        assert_eq!(
            classify_heading(" Abstract: "),
            (SectionKind::Abstract, Some("en"))
        );
        // "الملخص" (the abstract)
        assert_eq!(
            classify_heading("\u{0627}\u{0644}\u{0645}\u{0644}\u{062E}\u{0635}"),
            (SectionKind::Abstract, Some("ar"))
        );
        assert_eq!(
            classify_heading(KEYWORD_PHRASES[0]),
            (SectionKind::Keywords, Some("ar"))
        );
        // كلمات مفتاحية: keywords, without the article
        assert_eq!(
            classify_heading(KEYWORD_PHRASES[1]),
            (SectionKind::Keywords, Some("ar"))
        );
        // "المراجع" (references)
        assert_eq!(
            classify_heading("\u{0627}\u{0644}\u{0645}\u{0631}\u{0627}\u{062C}\u{0639}").0,
            SectionKind::References
        );
        assert_eq!(classify_heading("Works cited").0, SectionKind::References);
        assert_eq!(classify_heading("The revolution").0, SectionKind::Body);
    }

    #[test]
    fn introduction_and_conclusion_are_standard() {
        // "الخاتمة:" (the conclusion), "مقدمة" (introduction)
        assert!(is_standard_heading(
            "\u{0627}\u{0644}\u{062E}\u{0627}\u{062A}\u{0645}\u{0629}:"
        ));
        assert!(is_standard_heading(
            "\u{0645}\u{0642}\u{062F}\u{0645}\u{0629}"
        ));
        assert!(is_standard_heading("Introduction."));
        assert!(!is_standard_heading("Trotsky and the revolution"));
    }
}
