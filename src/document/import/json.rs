//! `json`: hamish's own format, the serialised model, so a converted
//! document reopens exactly.

use crate::document::import::warnings::sanitize;
use crate::document::model::{Document, FORMAT_VERSION};

/// Parse a document; the error names the line, column and field.
pub fn import(text: &str) -> Result<Document, String> {
    let doc: Document = serde_json::from_str(text).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                "not valid JSON"
            }
            _ => "not a hamish document",
        };
        // serde quotes field names from the file: no controls in those.
        sanitize(&format!("{what}: {e}"))
    })?;
    // Recorded warnings are shown on stderr: keep them clean at the source.
    let mut doc = doc;
    for warning in &mut doc.meta.warnings {
        if warning.chars().any(char::is_control) {
            *warning = sanitize(warning);
        }
    }
    if doc.hamish > FORMAT_VERSION {
        return Err(format!(
            "written by a newer hamish (format {}, this one reads up to {FORMAT_VERSION})",
            doc.hamish
        ));
    }
    Ok(doc)
}

/// Serialise a document (pretty, stable field order). No control
/// character reaches the output raw: serde_json escapes C0, and DEL and C1
/// (U+0080–U+009F, among them the 8-bit CSI) are escaped here as `\u00XX`,
/// which reads back as the same character.
pub fn export(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    if s.chars().any(needs_escape) {
        // Outside strings JSON is ASCII without DEL, so every such
        // character sits inside a string, where an escape means itself.
        s = s
            .chars()
            .map(|c| {
                if needs_escape(c) {
                    format!("\\u{:04x}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect();
    }
    s.push('\n');
    s
}

/// DEL and C1: controls serde_json writes raw.
fn needs_escape(c: char) -> bool {
    ('\u{7f}'..='\u{9f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_shape_names_the_field() {
        let err =
            import(r#"{"hamish": 1, "meta": {"title": "x", "format": "plain"}}"#).unwrap_err();
        assert!(err.contains("sections"), "{err}");
        let err =
            import(r#"{"hamish": 1, "meta": {"title": 5, "format": "plain"}, "sections": []}"#)
                .unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        let err = import("{not json").unwrap_err();
        assert!(err.starts_with("not valid JSON"), "{err}");
        // A field name quoting an escape sequence comes back harmless.
        let err = import("{\"\\u001b]52;c;x\\u0007\": 1}").unwrap_err();
        assert!(!err.chars().any(char::is_control), "{err:?}");
    }

    #[test]
    fn controls_are_escaped_and_read_back_exactly() {
        use crate::document::model::{Block, Format};
        let text = "esc\u{1b} del\u{7f} nel\u{85} csi\u{9b} apc\u{9f} tab\t nl\n";
        let mut doc = Document::new(text, Format::Plain);
        doc.sections.push(crate::document::import::body_section(
            Some(text.into()),
            vec![Block::paragraph("s1.p1".into(), text)],
        ));
        let json = export(&doc);
        assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json}");
        assert!(json.contains("\\u009b") && json.contains("\\u007f"));
        assert_eq!(import(&json).unwrap(), doc);
    }

    #[test]
    fn recorded_warnings_are_made_harmless() {
        let doc = import(
            r#"{"hamish": 1, "meta": {"title": "x", "format": "plain", "warnings": ["\u001b]0;t\u0007 \u009b6n"]}, "sections": []}"#,
        )
        .unwrap();
        assert_eq!(doc.meta.warnings, ["\u{241B}]0;t\u{2407} \u{FFFD}6n"]);
    }
}
