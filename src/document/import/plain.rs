//! `plain`: an essay with one paragraph per line (seed 003).
//!
//! Blank lines are ignored. A last line that only says the essay is to be
//! continued ("يتبع", "(يتبع)", "to be continued") becomes a flag in the
//! metadata, not a paragraph. A first line that is short and does not end
//! like a sentence is the title; otherwise the title comes from the file name.

use crate::document::import::body_section;
use crate::document::model::{Block, Document, Format};

/// "يتبع" (to be continued), alone or in brackets, and its English forms.
pub fn is_continuation_note(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(|c: char| "()[]-–—.…:".contains(c) || c.is_whitespace());
    let t = t.to_lowercase();
    t == "\u{064A}\u{062A}\u{0628}\u{0639}" || t == "to be continued" || t == "continued"
}

fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    n > 0 && n <= 80 && !t.ends_with(['.', '،', ',', ';', '؛', ':', '!', '?', '؟'])
}

pub fn import(text: &str) -> Document {
    let mut doc = Document::new("", Format::Plain);
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .collect();
    if lines.last().is_some_and(|l| is_continuation_note(l)) {
        lines.pop();
        doc.meta.continued = true;
    }
    if lines.len() > 1 && looks_like_title(lines[0]) && lines[1].chars().count() > 80 {
        doc.meta.title = lines.remove(0).trim().to_string();
    }
    let blocks = lines
        .iter()
        .map(|l| Block::paragraph(String::new(), l.trim()))
        .collect();
    doc.sections.push(body_section(None, blocks));
    if text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        doc.meta.language = Some("ar".into());
    }
    doc.assign_ids();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_line_becomes_a_flag() {
        // "فقرة" (paragraph), then "يتبع" (to be continued)
        let doc = import("\u{0641}\u{0642}\u{0631}\u{0629}\n\u{064A}\u{062A}\u{0628}\u{0639}\n");
        assert!(doc.meta.continued);
        assert_eq!(doc.sections[0].blocks.len(), 1);
        let doc = import("A paragraph.\n(to be continued)\n");
        assert!(doc.meta.continued);
    }

    #[test]
    fn short_first_line_is_a_title() {
        let long = "word ".repeat(30);
        let doc = import(&format!("My essay\n{long}\n{long}\n"));
        assert_eq!(doc.meta.title, "My essay");
        assert_eq!(doc.sections[0].blocks.len(), 2);
        let doc = import(&format!("{long}\n{long}\n"));
        assert_eq!(doc.meta.title, "");
    }
}
