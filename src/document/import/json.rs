//! `json`: hamish's own format, the serialised model, so a converted
//! document reopens exactly.

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
        format!("{what}: {e}")
    })?;
    if doc.hamish > FORMAT_VERSION {
        return Err(format!(
            "written by a newer hamish (format {}, this one reads up to {FORMAT_VERSION})",
            doc.hamish
        ));
    }
    Ok(doc)
}

/// Serialise a document (pretty, stable field order).
pub fn export(doc: &Document) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
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
    }
}
