//! `json`: hamish's own format, the serialised model, so a converted
//! document reopens exactly.

use std::io::Write;

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
/// (U+0080–U+009F, among them the 8-bit CSI) are escaped by [`Escaped`] as
/// `\u00XX`, which reads back as the same character.
pub fn export(doc: &Document) -> String {
    let mut bytes = Vec::new();
    // Writing to memory does not fail, nor does serialising the model.
    let _ = write(doc, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`export`] streamed into `out`: a long document's JSON (larger than
/// the document) is never held whole.
pub fn write(doc: &Document, out: &mut dyn Write) -> std::io::Result<()> {
    let mut escaped = Escaped { out, lead: false };
    serde_json::to_writer_pretty(&mut escaped, doc)?;
    escaped.finish()?;
    escaped.out.write_all(b"\n")
}

/// What serde_json writes, with DEL and C1 escaped. In UTF-8 DEL is the
/// byte 7F and C1 the pairs C2 80 to C2 9F, bytes that are part of no
/// other character, so the bytes can be read one by one (a pair split
/// between two writes held back until its second byte). Outside strings
/// JSON is ASCII without DEL, so every such character sits inside a
/// string, where an escape means itself.
struct Escaped<'w> {
    out: &'w mut dyn Write,
    /// A C2 byte is held back: the last byte written.
    lead: bool,
}

impl Escaped<'_> {
    /// Write a C2 still held back (the output ended with it).
    fn finish(&mut self) -> std::io::Result<()> {
        if std::mem::take(&mut self.lead) {
            self.out.write_all(&[0xC2])?;
        }
        Ok(())
    }
}

impl Write for Escaped<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        // What of `buf` is not yet written.
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if std::mem::take(&mut self.lead) {
                if (0x80..=0x9F).contains(&b) {
                    write!(self.out, "\\u{b:04x}")?;
                    start = i + 1;
                    continue;
                }
                self.out.write_all(&[0xC2])?;
            }
            if b == 0x7F || b == 0xC2 {
                self.out.write_all(&buf[start..i])?;
                start = i + 1;
                if b == 0x7F {
                    self.out.write_all(b"\\u007f")?;
                } else {
                    self.lead = true;
                }
            }
        }
        self.out.write_all(&buf[start..])
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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
    fn a_control_split_between_two_writes_is_escaped() {
        // NEL (U+0085) is C2 85 in UTF-8: written in two pieces.
        let mut out = Vec::new();
        let mut escaped = Escaped {
            out: &mut out,
            lead: false,
        };
        escaped.write_all(b"\"a\xC2").unwrap();
        escaped.write_all(b"\x85\xC2\xA9\x7F\"").unwrap();
        escaped.finish().unwrap();
        // © (C2 A9) is no control and stays as it is.
        assert_eq!(String::from_utf8(out).unwrap(), "\"a\\u0085\u{a9}\\u007f\"");
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
