//! Choosing an importer from a file's name and content.
//!
//! Content wins over the extension where they disagree, except that `.md`
//! and `.json` are trusted: people name Markdown and JSON files so.

use std::path::Path;

use crate::document::model::Format;

/// How many closed bidi embeddings (U+202C) mark a text as poppler's.
const EMBEDDED_RUNS: usize = 20;

/// The format of `text`, read from `path`.
pub fn detect(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "json" => return Format::Json,
        "md" | "markdown" => return Format::Markdown,
        _ => {}
    }
    let head = text.trim_start();
    if head.starts_with('{') && head.contains("\"hamish\"") {
        return Format::Json;
    }
    if looks_like_pdf_text(text) {
        return Format::Pdftext;
    }
    if looks_like_markdown(text) {
        return Format::Markdown;
    }
    Format::Plain
}

/// Signs of text extracted from a PDF: footnote separator lines (only
/// spaces, long), symbol-font glyphs from the private use area, form feeds,
/// runs wrapped in bidi embeddings (poppler writes them around every run,
/// and so does a viewer built on it when text is copied: no writer or
/// editor puts dozens of embeddings in a text), or short hard-wrapped lines
/// with blank lines between them.
fn looks_like_pdf_text(text: &str) -> bool {
    if text.contains('\u{c}') || text.chars().any(|c| ('\u{F000}'..='\u{F0FF}').contains(&c)) {
        return true;
    }
    if text.matches('\u{202C}').take(EMBEDDED_RUNS).count() == EMBEDDED_RUNS {
        return true;
    }
    let lines: Vec<&str> = text.lines().collect();
    if lines.iter().any(|l| l.len() >= 20 && l.trim().is_empty()) {
        return true;
    }
    // Hard-wrapped: most non-empty lines are of similar, short length.
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lengths.len() < 20 {
        return false;
    }
    let short = lengths.iter().filter(|&&n| (30..=130).contains(&n)).count();
    short * 10 >= lengths.len() * 8 && lengths.iter().all(|&n| n <= 200)
}

/// Signs of Markdown: front matter, ATX headings, footnote definitions.
fn looks_like_markdown(text: &str) -> bool {
    if text.starts_with("---\n") {
        return true;
    }
    text.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("# ") || l.starts_with("## ") || l.starts_with("[^")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_detected() {
        let root = env!("CARGO_MANIFEST_DIR");
        let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).unwrap();
        let p = Path::new("x.txt");
        assert_eq!(
            detect(p, &read("seeds/000_888738dd473cd04e.txt")),
            Format::Pdftext
        );
        assert_eq!(
            detect(p, &read("seeds/003_5eac0dfd78b8d8c0.txt")),
            Format::Plain
        );
        assert_eq!(detect(Path::new("a.md"), "hello"), Format::Markdown);
        assert_eq!(detect(p, "---\ntitle: x\n---\n\ntext\n"), Format::Markdown);
        assert_eq!(detect(p, "{\"hamish\": 1}"), Format::Json);
    }

    #[test]
    fn runs_in_bidi_embeddings_are_extracted_text() {
        // A viewer's copy-paste: poppler's RLE … PDF around each run, long
        // lines, no form feeds. "\u{645}\u{627}\u{621}" reads ماء (water).
        let run = "\u{202B}\u{645}\u{627}\u{621}\u{202C} ";
        let line = run.repeat(30);
        let text = [line.as_str(); 3].join("\n");
        assert_eq!(detect(Path::new("x.txt"), &text), Format::Pdftext);
        // A few marks in a hand-written note do not make it extracted.
        let note = format!("{}\n\nplain words\n", run.repeat(3));
        assert_eq!(detect(Path::new("x.txt"), &note), Format::Plain);
    }
}
