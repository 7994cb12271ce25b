//! Where a Markdown text can be cut so that each part parses as it would
//! inside the whole, and what a part needs from the others.
//!
//! pulldown-cmark builds a tree of the whole text before the first event,
//! about one and a half times the text: a 150 MB essay would hold that on
//! top of the text and the document being built. Parsed part by part (a
//! megabyte or so each), only one part's tree exists at a time. A part
//! starts only where a new top-level block must start in any case: after a
//! blank line, at a line with no indentation that neither continues a list
//! or a quote nor sits inside a fenced code block or a raw HTML block that
//! runs across blank lines. What crosses parts is carried by hand: notes
//! defined in another part (a stand-in definition is added and its events
//! dropped) and link reference definitions (resolved through the parser's
//! broken-link callback).

use std::collections::{HashMap, HashSet};

/// Byte offsets in `text` where it may be cut, about `every` bytes apart
/// (never 0 or the end).
pub fn cuts(text: &str, every: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let mut last = 0;
    let mut blocks = BlockTracker::default();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let may_cut = blocks.may_start_part_at(line);
        if may_cut && at - last >= every && at > 0 {
            found.push(at);
            last = at;
        }
        blocks.see(line);
        at += line.len();
    }
    found
}

/// The first place at or after byte `min` of `text` where it may be cut.
pub fn first_cut_after(text: &str, min: usize) -> Option<usize> {
    let mut blocks = BlockTracker::default();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at >= min && at > 0 && blocks.may_start_part_at(line) {
            return Some(at);
        }
        blocks.see(line);
        at += line.len();
    }
    None
}

/// `text` cut at `cuts`.
pub fn split<'t>(text: &'t str, cuts: &[usize]) -> Vec<&'t str> {
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for &cut in cuts {
        parts.push(&text[from..cut]);
        from = cut;
    }
    parts.push(&text[from..]);
    parts
}

/// What the lines so far leave open: a fence, a raw HTML block, and
/// whether the last line was blank.
#[derive(Default)]
struct BlockTracker {
    /// The fence's character and length, inside a fenced code block.
    fence: Option<(u8, usize)>,
    /// The text that closes the raw HTML block we are in.
    html_end: Option<&'static str>,
    after_blank: bool,
}

impl BlockTracker {
    fn may_start_part_at(&self, line: &str) -> bool {
        let first = line.as_bytes().first().copied().unwrap_or(b'\n');
        self.after_blank
            && self.fence.is_none()
            && self.html_end.is_none()
            && !first.is_ascii_whitespace()
            && first != b'>'
            && !starts_list_item(line)
    }

    fn see(&mut self, line: &str) {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if let Some((ch, len)) = self.fence {
            if indent < 4 && fence_of(trimmed).is_some_and(|(c, l)| c == ch && l >= len) {
                self.fence = None;
            }
        } else if let Some(end) = self.html_end {
            if line.to_ascii_lowercase().contains(end) {
                self.html_end = None;
            }
        } else if indent < 4 {
            self.fence = fence_of(trimmed);
            self.html_end = html_block_end(trimmed).filter(|end| {
                // A block that closes on its first line is over already.
                !trimmed.to_ascii_lowercase()[1..].contains(end)
            });
        }
        self.after_blank = line.trim().is_empty();
    }
}

/// A fence opening or closing a code block: its character and length.
fn fence_of(line: &str) -> Option<(u8, usize)> {
    let ch = *line.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == ch).count();
    (len >= 3).then_some((ch, len))
}

/// The raw HTML blocks that blank lines do not end (CommonMark's kinds 1
/// to 5), by what ends them.
fn html_block_end(line: &str) -> Option<&'static str> {
    let lower = line.get(..10).unwrap_or(line).to_ascii_lowercase();
    for (start, end) in [
        ("<pre", "</pre>"),
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<textarea", "</textarea>"),
        ("<!--", "-->"),
        ("<?", "?>"),
        ("<![cdata[", "]]>"),
    ] {
        if lower.starts_with(start) {
            return Some(end);
        }
    }
    (lower.starts_with("<!") && lower.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic))
        .then_some(">")
}

/// `- `, `* `, `+ `, `1. ` or `1) ` at the start of a line.
fn starts_list_item(line: &str) -> bool {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let marker_end = match b.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(c) if c.is_ascii_digit() && digits <= 9 => match b.get(digits) {
            Some(b'.' | b')') => digits + 1,
            _ => return false,
        },
        _ => return false,
    };
    matches!(b.get(marker_end), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
}

/// The footnote labels `part` names (`[^label]`; its definitions count
/// too, which is harmless: a part's own notes need no stand-in).
pub fn referenced_labels(part: &str) -> HashSet<&str> {
    let mut labels = HashSet::new();
    let mut rest = part;
    while let Some(at) = rest.find("[^") {
        let after = &rest[at + 2..];
        let end = after.find(']').unwrap_or(after.len());
        let label = &after[..end];
        if !label.is_empty() && !label.contains(char::is_whitespace) && end < after.len() {
            labels.insert(label);
        }
        rest = &after[end.min(after.len())..];
    }
    labels
}

/// Link reference definitions (`[label]: url`) outside fenced code, by
/// label as CommonMark matches them (case and spacing folded).
pub fn link_definitions(text: &str) -> HashMap<String, String> {
    let mut defs = HashMap::new();
    let mut fence: Option<(u8, usize)> = None;
    for line in text.lines() {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if indent >= 4 {
            continue;
        }
        match fence {
            Some((ch, len)) => {
                if fence_of(trimmed).is_some_and(|(c, l)| c == ch && l >= len) {
                    fence = None;
                }
                continue;
            }
            None => fence = fence_of(trimmed),
        }
        if fence.is_some() {
            continue;
        }
        let Some(rest) = trimmed.strip_prefix('[') else {
            continue;
        };
        let Some((label, after)) = rest.split_once("]:") else {
            continue;
        };
        let Some(url) = after.split_whitespace().next() else {
            continue;
        };
        if !label.starts_with('^') && !label.trim().is_empty() {
            let url = url.trim_start_matches('<').trim_end_matches('>');
            defs.entry(link_label_key(label))
                .or_insert_with(|| url.to_string());
        }
    }
    defs
}

/// A link label as CommonMark compares them: case folded, runs of spaces
/// as one.
pub fn link_label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_start_only_at_new_top_level_blocks() {
        let text = "# One\n\nText\n\n- item\n\n  more of it\n\n```\ncode\n\n# not a heading\n```\n\n<!-- a\n\nb -->\n\n> quote\n\nPlain.\n";
        let cuts = cuts(text, 1);
        let starts: Vec<&str> = cuts
            .iter()
            .map(|&c| text[c..].lines().next().unwrap_or(""))
            .collect();
        assert_eq!(starts, ["Text", "```", "<!-- a", "Plain."]);
    }

    #[test]
    fn parts_are_about_the_size_asked_for() {
        let text = "Para.\n\n".repeat(1000);
        let cuts = cuts(&text, 700);
        assert_eq!(cuts.len(), 9);
        assert!(cuts.iter().all(|&c| c % 7 == 0));
        assert_eq!(split(&text, &cuts).concat(), text);
    }

    #[test]
    fn the_first_cut_after_a_place_skips_what_cannot_be_cut() {
        let text = "Para.\n\n```\na\n\nb\n```\n\nNext.\n";
        assert_eq!(first_cut_after(text, 1), Some(7), "the fence's start");
        assert_eq!(
            first_cut_after(text, 8),
            Some(text.find("Next").unwrap_or(0))
        );
        assert_eq!(first_cut_after(text, text.len()), None);
    }

    #[test]
    fn labels_and_link_definitions_are_found() {
        let part = "A[^1] and B[^note-2], not [^ x] nor [^]. [^3]: defined.\n";
        let mut labels: Vec<&str> = referenced_labels(part).into_iter().collect();
        labels.sort();
        assert_eq!(labels, ["1", "3", "note-2"]);
        let defs = link_definitions("[Foo  Bar]: /url \"t\"\n```\n[x]: /no\n```\n[^n]: note\n");
        assert_eq!(defs.get("foo bar").map(String::as_str), Some("/url"));
        assert_eq!(defs.len(), 1);
    }
}
