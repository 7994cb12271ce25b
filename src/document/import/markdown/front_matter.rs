//! Front matter: the `---` block at the top of a Markdown essay, read as the
//! small subset of YAML hamish writes and people use (`title`, `authors`,
//! `lang`, `abstract`; plain, quoted or block scalars; `[a, b]` or `- `
//! lists).

/// Front matter as read.
#[derive(Default, Debug)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub lang: Option<String>,
    pub abstract_text: Option<String>,
    /// Keys (or lines) that are not read, for a warning.
    pub unknown: Vec<String>,
}

/// Split off a leading `---` block; returns it and the rest.
pub fn split(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

/// A scalar without its quotes. In double quotes, the escapes hamish's
/// exporter writes (`\\`, `\"`, `\uXXXX`) are read back, so a title such
/// as `C:\dir\file` survives any number of round trips; any other
/// backslash is kept as written (people type Windows paths in quotes).
fn unquote(s: &str) -> String {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        return unescape_double_quoted(inner);
    }
    s.strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(s)
        .to_string()
}

fn unescape_double_quoted(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let hex = after
            .strip_prefix('u')
            .and_then(|h| h.get(..4))
            .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
            .and_then(|h| char::from_u32(u32::from_str_radix(h, 16).ok()?));
        rest = match (after.chars().next(), hex) {
            (Some(c @ ('\\' | '"')), _) => {
                out.push(c);
                &after[1..]
            }
            (Some('u'), Some(c)) => {
                out.push(c);
                &after[5..]
            }
            _ => {
                out.push('\\');
                after
            }
        };
    }
    out.push_str(rest);
    out
}

pub fn parse(block: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let lines: Vec<&str> = block.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            fm.unknown.push(line.trim().to_string());
            continue;
        };
        let key = key.trim().to_lowercase();
        let value = value.trim();
        // Indented continuation lines: a `|` block or `- ` items.
        let mut nested = Vec::new();
        while i < lines.len()
            && (lines[i].starts_with(' ')
                || lines[i].starts_with('\t')
                || lines[i].trim().is_empty())
        {
            nested.push(lines[i].trim());
            i += 1;
        }
        while nested.last().is_some_and(|l| l.is_empty()) {
            nested.pop();
        }
        let scalar = if value == "|" || value == ">" || value.is_empty() {
            nested.join(if value == "|" { "\n" } else { " " })
        } else {
            unquote(value)
        };
        match key.as_str() {
            "title" => fm.title = Some(scalar),
            "lang" | "language" => fm.lang = Some(scalar),
            "abstract" => fm.abstract_text = Some(scalar),
            "authors" | "author" => {
                fm.authors =
                    if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                        list.split(',')
                            .map(unquote)
                            .filter(|a| !a.is_empty())
                            .collect()
                    } else if value.is_empty() {
                        nested
                            .iter()
                            .filter_map(|l| l.strip_prefix("- ").or_else(|| l.strip_prefix('-')))
                            .map(unquote)
                            .collect()
                    } else {
                        vec![unquote(value)]
                    };
            }
            other => fm.unknown.push(other.to_string()),
        }
    }
    fm
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_scalars_read_back_what_the_exporter_escaped() {
        assert_eq!(unquote(r#""C:\\dir\\file""#), r"C:\dir\file");
        assert_eq!(unquote(r#""say \"hi\"""#), r#"say "hi""#);
        assert_eq!(unquote(r#""a\u001Bb\u0085""#), "a\u{1b}b\u{85}");
        // Backslashes the exporter never writes are kept as typed.
        assert_eq!(unquote(r#""C:\dir\users\u12""#), r"C:\dir\users\u12");
        assert_eq!(unquote(r"C:\dir\file"), r"C:\dir\file");
        assert_eq!(unquote("'single'"), "single");
    }

    #[test]
    fn keys_lists_and_blocks() {
        let fm = parse(
            "title: \"An essay\"\nauthors:\n  - A. Writer\n  - 'B. Writer'\nabstract: |\n  One.\n\n  Two.\ncolour: red\n",
        );
        assert_eq!(fm.title.as_deref(), Some("An essay"));
        assert_eq!(fm.authors, ["A. Writer", "B. Writer"]);
        assert_eq!(fm.abstract_text.as_deref(), Some("One.\n\nTwo."));
        assert_eq!(fm.unknown, ["colour"]);
        assert_eq!(
            split("---\ntitle: x\n---\nrest"),
            (Some("title: x\n"), "rest")
        );
        assert_eq!(split("no front matter"), (None, "no front matter"));
    }
}
