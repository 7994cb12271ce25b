//! Writing a document back out: hamish's JSON (exact) and Markdown (the
//! checkable face of the model, and re-importable).
//!
//! Markdown: front matter for the metadata; `#` headings (abstracts and
//! keywords under their own headings); paragraphs as single lines; list
//! items and reference entries as `- ` items; footnote markers as `[^N]`
//! with `[^N]: text` definitions at the end. N is the note's position
//! (1, 2, …) rather than its printed label, because printed labels need not
//! be unique (seed 000 has six glyph markers and a "(2)"); the printed label
//! is kept in the JSON.

use crate::document::model::{Block, BlockKind, Document, Inline};

pub use crate::document::import::json::{export as to_json, write as write_json};

/// A control character that must not reach the output raw: C0 but for
/// newline and tab (whitespace to CommonMark), DEL and C1.
fn is_unsafe_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Escape text so CommonMark reads it back as the same text. Control
/// characters are written as numeric references (`&#x1B;`), which CommonMark
/// reads back as the character (all but NUL, which it reads as U+FFFD), so
/// none reaches the output raw.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_control(c) {
            out.push_str(&format!("&#x{:X};", c as u32));
            continue;
        }
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // Line starts that would begin another block.
    let starts_block = out.starts_with('#')
        || out.starts_with("- ")
        || out.starts_with("+ ")
        || out.starts_with('=')
        || out.starts_with("---")
        || {
            let digits = out.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')'))
        };
    if starts_block {
        out.insert(0, '\\');
        if out[1..].starts_with(|c: char| c.is_ascii_digit()) {
            // "1." → "1\." (a backslash before a digit is not an escape)
            out.remove(0);
            let digits = out.chars().take_while(char::is_ascii_digit).count();
            out.insert(digits, '\\');
        }
    }
    out
}

fn block_markdown(block: &Block, note_number: &dyn Fn(&Option<String>, &str) -> String) -> String {
    let mut out = String::new();
    let mut after_marker = false;
    for inline in &block.inlines {
        match inline {
            Inline::Text { text } => {
                // "[^1](…)" would read as a link: keep the bracket literal.
                if after_marker && text.starts_with(['(', '[', ':']) {
                    out.push('\\');
                }
                out.push_str(&escape(text));
                after_marker = false;
            }
            Inline::Note { note, label } => {
                out.push_str("[^");
                out.push_str(&safe_label(note_number(note, label)));
                out.push(']');
                after_marker = true;
            }
        }
    }
    // A paragraph is one line: no hard breaks, no trailing spaces.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A double-quoted YAML string: backslash and quote escaped, and every
/// control character (newline and tab too) as `\uXXXX`, which the front
/// matter reader turns back into the character.
fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A heading is one line: a newline in its text is written as a reference.
fn escape_heading(title: &str) -> String {
    escape(title).replace('\n', "&#xA;")
}

/// A footnote label as written after `[^`: never a raw control character.
fn safe_label(label: String) -> String {
    if label.chars().any(|c| c.is_control()) {
        crate::document::import::warnings::sanitize(&label)
    } else {
        label
    }
}

/// The metadata as a front-matter block.
fn front_matter(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str("---\n");
    out.push_str(&format!("title: {}\n", yaml_string(&doc.meta.title)));
    if !doc.meta.authors.is_empty() {
        let authors: Vec<String> = doc.meta.authors.iter().map(|a| yaml_string(a)).collect();
        out.push_str(&format!("authors: [{}]\n", authors.join(", ")));
    }
    if let Some(lang) = &doc.meta.language {
        if lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            out.push_str(&format!("lang: {lang}\n"));
        } else {
            out.push_str(&format!("lang: {}\n", yaml_string(lang)));
        }
    }
    out.push_str("---\n\n");
    out
}

/// The document as Markdown.
pub fn to_markdown(doc: &Document) -> String {
    let number = |note: &Option<String>, label: &str| -> String {
        match note {
            Some(id) => doc
                .note_index(id)
                .map_or_else(|| label.to_string(), |i| (i + 1).to_string()),
            // A marker without a note keeps its label; a fresh name avoids
            // clashing with the numbered notes.
            None => format!("missing-{label}"),
        }
    };
    let mut out = front_matter(doc);
    for section in &doc.sections {
        if let Some(title) = &section.title {
            let level = usize::from(section.level.clamp(1, 6));
            out.push_str(&"#".repeat(level));
            out.push(' ');
            out.push_str(&escape_heading(title));
            out.push_str("\n\n");
        }
        let mut in_list = false;
        for block in &section.blocks {
            let text = block_markdown(block, &number);
            if text.is_empty() {
                continue;
            }
            match block.kind {
                BlockKind::Item | BlockKind::Reference => {
                    out.push_str("- ");
                    out.push_str(&text);
                    out.push('\n');
                    in_list = true;
                }
                BlockKind::Paragraph => {
                    if in_list {
                        out.push('\n');
                        in_list = false;
                    }
                    out.push_str(&text);
                    out.push_str("\n\n");
                }
            }
        }
        if in_list {
            out.push('\n');
        }
    }
    for (i, note) in doc.notes.iter().enumerate() {
        out.push_str(&format!("[^{}]:", i + 1));
        for (j, block) in note.blocks.iter().enumerate() {
            let text = block_markdown(block, &number);
            if j == 0 {
                out.push(' ');
                out.push_str(&text);
                out.push('\n');
            } else {
                out.push_str("\n    ");
                out.push_str(&text);
                out.push('\n');
            }
        }
        if note.blocks.is_empty() {
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_read_back_as_the_same_text() {
        for text in [
            "a*b_c",
            "[4] and [^x]",
            "# not a heading",
            "1. not a list",
            "- not an item",
            "x < y & z",
        ] {
            let md = format!("{}\n", escape(text));
            let doc = crate::document::import::markdown::import(&md);
            assert_eq!(doc.sections[0].blocks[0].plain_text(), text, "{md}");
        }
    }

    /// C0 (but newline and tab), DEL and C1 all appear in `text`.
    const CONTROLS: &str = "a\u{1b}]52;c;aGk=\u{7} b\u{0}\u{8}\u{d}\u{7f} c\u{85}\u{9b}6n\u{9f}";

    fn raw_controls(md: &str) -> Vec<char> {
        md.chars()
            .filter(|&c| c.is_control() && c != '\n')
            .collect()
    }

    #[test]
    fn controls_never_reach_the_markdown_raw_and_read_back() {
        let mut doc = Document::new(CONTROLS, crate::document::Format::Plain);
        doc.meta.authors = vec![CONTROLS.into()];
        doc.meta.language = Some(CONTROLS.into());
        doc.sections.push(crate::document::import::body_section(
            Some(format!("{CONTROLS}\nsecond line")),
            vec![Block::paragraph(String::new(), CONTROLS)],
        ));
        // A marker whose note is missing writes its label: made visible.
        let mut dangling = Block::paragraph(String::new(), "x");
        dangling.inlines.push(Inline::Note {
            note: None,
            label: "\u{1b}[6n".into(),
        });
        doc.sections[0].blocks.push(dangling);
        let md = to_markdown(&doc);
        assert_eq!(raw_controls(&md), [], "{md}");
        let back = crate::document::import::markdown::import(&md);
        // NUL comes back as U+FFFD, as CommonMark reads "&#x0;".
        let expected = CONTROLS.replace('\0', "\u{FFFD}");
        assert_eq!(back.sections[0].blocks[0].plain_text(), expected);
        assert_eq!(back.meta.title, CONTROLS);
        assert_eq!(back.meta.authors, [CONTROLS]);
        assert_eq!(back.meta.language.as_deref(), Some(CONTROLS));
        assert_eq!(
            back.sections[0].title.as_deref(),
            Some(format!("{expected}\nsecond line").as_str())
        );
    }

    #[test]
    fn a_windows_path_title_survives_round_trips() {
        let mut md = "---\ntitle: C:\\dir\\file\n---\n\nText.\n".to_string();
        for _ in 0..3 {
            let doc = crate::document::import::markdown::import(&md);
            assert_eq!(doc.meta.title, r"C:\dir\file", "{md}");
            md = to_markdown(&doc);
        }
        // Quotes in a title too.
        let mut doc = Document::new(r#"say "\hi\""#, crate::document::Format::Plain);
        doc.sections.push(crate::document::import::body_section(
            None,
            vec![Block::paragraph(String::new(), "x")],
        ));
        let back = crate::document::import::markdown::import(&to_markdown(&doc));
        assert_eq!(back.meta.title, doc.meta.title);
    }
}
