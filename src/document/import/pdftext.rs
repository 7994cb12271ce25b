//! `pdftext`: text extracted from a PDF (seed 000): hard-wrapped lines,
//! blank-line noise, page furniture, footnote areas after separator lines,
//! symbol-font glyphs, and right-to-left runs written in the wrong order.
//!
//! The heuristics, each with the evidence it needs:
//! - **Separator**: a line of only spaces at least 20 long (or of `_`/`-`,
//!   at least 10) opens a footnote area.
//! - **Page number**: a line that is only 1–4 digits with brackets or dashes
//!   around, blank lines on both sides. **Running header/footer**: the
//!   nearest isolated line above or below a page number (up to two each
//!   side) that carries a year, an ISSN, or a volume/issue word; and any
//!   line of 10+ characters that recurs 3+ times at least 10 lines apart,
//!   each time with blank lines around it.
//! - **Footnote area**: notes start at a line that begins with a marker (a
//!   symbol-font glyph, or `(n)`/`[n]`). A note goes on while its lines are
//!   as long as a full footnote line; its first shorter line (not its first
//!   line) is its last, except that URL lines right after it still belong to
//!   it. The next line that is neither is body text again (the next page).
//!   When the *next* footnote area starts with text that has no marker, the
//!   last note of this area continues there, so on this page it has no short
//!   last line: a short line after its full lines is the next page's body.
//! - **Markers in the body**: a symbol-font glyph inside a line is a
//!   footnote marker; `(n)` is one only when a note labelled `(n)` follows.
//!   Markers are linked to the notes of the next footnote area in order
//!   (page by page), or in document order when a page's counts disagree.
//! - **Bullets**: a symbol-font bullet glyph (U+F0B7, U+F0A7…) or •▪◦ at
//!   the start of a line starts a list item (a reference entry under a
//!   references heading).
//! - **Headings**: a line that is a known heading (abstract, keywords,
//!   introduction, conclusion, references, in English or Arabic) once its
//!   swapped runs are repaired, or a short title-like line (2–12 words, no
//!   commas or brackets, not indented) between the end of a paragraph and
//!   an indented first line of the next.
//! - **Paragraphs**: wrapped lines are joined with spaces. A paragraph
//!   starts at an indented line (3+ spaces before left-to-right text, after
//!   right-to-left text, where the extraction puts the indent) and after a
//!   line shorter than 60% of the usual line length of its direction.
//! - **Repairs** (right-to-left paragraphs only): mirrored brackets and
//!   year ranges written backwards (see `repair`), recorded on the block.

use std::collections::HashMap;

use crate::document::import::markdown::classify_heading;
use crate::document::model::{
    Block, BlockKind, Document, Format, Inline, Note, Section, SectionKind,
};
use crate::document::repair;
use crate::layout::Direction;

/// Symbol-font glyphs that are bullets (Symbol •, Wingdings ▪ § ✓ ■ ❖).
const BULLET_GLYPHS: &[char] = &[
    '\u{F0B7}', '\u{F0A7}', '\u{F0FC}', '\u{F06E}', '\u{F076}', '\u{F0D8}', '\u{F0A8}',
];
const BULLETS: &[char] = &['•', '▪', '◦', '●', '■'];

fn is_symbol_glyph(c: char) -> bool {
    ('\u{F000}'..='\u{F0FF}').contains(&c)
}

fn is_marker_glyph(c: char) -> bool {
    is_symbol_glyph(c) && !BULLET_GLYPHS.contains(&c)
}

fn is_rtl_char(c: char) -> bool {
    ('\u{0590}'..='\u{08FF}').contains(&c) || ('\u{FB1D}'..='\u{FEFF}').contains(&c)
}

/// Direction of a line from its first strong letter.
fn rtl(text: &str) -> bool {
    // RTL letters first: is_alphabetic is slow outside ASCII.
    text.chars()
        .find(|&c| c.is_ascii_alphabetic() || is_rtl_char(c) || c.is_alphabetic())
        .is_some_and(is_rtl_char)
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// What a line of the file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Blank,
    Separator,
    Furniture,
    Duplicate,
    /// Part of note n (index into the notes list).
    Note(u32),
    Body,
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    (t.is_empty() && line.len() >= 20)
        || (t.chars().count() >= 10 && t.chars().all(|c| matches!(c, '_' | '-' | '—' | '─')))
}

fn is_page_number(t: &str) -> bool {
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    !digits.is_empty()
        && digits.len() <= 4
        && t.chars()
            .all(|c| c.is_ascii_digit() || "()[]-–— ".contains(c))
}

fn looks_like_running_header(t: &str) -> bool {
    let lower = t.to_lowercase();
    let has_year = t.as_bytes().windows(4).any(|w| {
        w.iter().all(u8::is_ascii_digit) && (w.starts_with(b"19") || w.starts_with(b"20"))
    });
    // ISSN, Vol., issue; العدد (issue), المجلد (volume), مجلة (journal)
    has_year
        || [
            "issn",
            "vol.",
            "vol ",
            "volume",
            "issue",
            "\u{0627}\u{0644}\u{0639}\u{062F}\u{062F}",
            "\u{0627}\u{0644}\u{0645}\u{062C}\u{0644}\u{062F}",
            "\u{0645}\u{062C}\u{0644}\u{0629}",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

fn is_url_line(t: &str) -> bool {
    let t = t.trim();
    if t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") {
        return true;
    }
    // The rest of a URL broken across lines: "example.org/path…"
    let token = t.split_whitespace().next().unwrap_or("");
    let host = token.split('/').next().unwrap_or("");
    token.contains('/')
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// A footnote marker at the start of a line in a footnote area: its label
/// (None for a glyph) and the rest of the line.
fn note_start(t: &str) -> Option<(Option<String>, &str)> {
    let first = t.chars().next()?;
    if is_marker_glyph(first) {
        return Some((None, &t[first.len_utf8()..]));
    }
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(rest) = t.strip_prefix(open) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if (1..=3).contains(&digits.len()) && rest[digits.len()..].starts_with(close) {
                let label = format!("{open}{digits}{close}");
                return Some((Some(label), &rest[digits.len() + 1..]));
            }
        }
    }
    None
}

/// A bulleted line: the text after the bullet.
fn bullet_item(t: &str) -> Option<&str> {
    let first = t.chars().next()?;
    (BULLET_GLYPHS.contains(&first) || BULLETS.contains(&first))
        .then(|| t[first.len_utf8()..].trim())
}

/// A line of the file: its trimmed text, the whitespace trimmed off each
/// end (indentation is evidence), and what it turned out to be. Kept small:
/// a large file has hundreds of thousands.
struct Line<'a> {
    text: &'a str,
    lead: u16,
    trail: u16,
    kind: Kind,
}

/// A note as parsed from the footnote areas.
struct RawNote {
    label: Option<String>,
    area: usize,
    lines: Vec<usize>,
}

pub fn import(text: &str) -> Document {
    let mut lines: Vec<Line> = text
        .split('\n')
        .map(|raw| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let text = raw.trim();
            let kind = if is_separator(raw) {
                Kind::Separator
            } else if text.is_empty() {
                Kind::Blank
            } else {
                Kind::Body
            };
            let lead = (raw.len() - raw.trim_start().len()).min(usize::from(u16::MAX)) as u16;
            let trail = (raw.len() - raw.trim_end().len()).min(usize::from(u16::MAX)) as u16;
            Line {
                text,
                lead,
                trail,
                kind,
            }
        })
        .collect();
    mark_furniture(&mut lines);
    mark_duplicates(&mut lines);
    let notes = find_notes(&mut lines);
    build(&lines, &notes)
}

/// Page numbers, the running header and footer around them, and lines that
/// recur on many pages.
fn mark_furniture(lines: &mut [Line]) {
    let n = lines.len();
    let blank = |lines: &[Line], i: usize| {
        lines
            .get(i)
            .is_none_or(|l| l.kind == Kind::Blank || l.kind == Kind::Furniture)
    };
    let isolated =
        |lines: &[Line], i: usize| (i == 0 || blank(lines, i - 1)) && blank(lines, i + 1);
    for i in 0..n {
        if lines[i].kind != Kind::Body || !is_page_number(lines[i].text) || !isolated(lines, i) {
            continue;
        }
        lines[i].kind = Kind::Furniture;
        for step in [-1isize, 1] {
            let mut j = i as isize;
            let mut found = 0;
            while found < 2 {
                // the nearest non-blank line within 4 lines
                let mut k = j + step;
                while k >= 0
                    && (k as usize) < n
                    && (j - k).abs() <= 4
                    && lines[k as usize].kind == Kind::Blank
                {
                    k += step;
                }
                if k < 0 || k as usize >= n || (j - k).abs() > 4 {
                    break;
                }
                let ku = k as usize;
                if lines[ku].kind == Kind::Body
                    && isolated(lines, ku)
                    && char_len(lines[ku].text) <= 100
                    && looks_like_running_header(lines[ku].text)
                {
                    lines[ku].kind = Kind::Furniture;
                    found += 1;
                    j = k;
                } else {
                    break;
                }
            }
        }
    }
    // Lines that recur on several pages: (count, last place, always 10+
    // lines apart) per text, without a list of places per line.
    let mut seen: HashMap<&str, (u32, usize, bool)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if l.kind == Kind::Body && l.text.len() >= 10 && isolated(lines, i) {
            let entry = seen.entry(l.text).or_insert((0, i, true));
            if entry.0 > 0 && i - entry.1 < 10 {
                entry.2 = false;
            }
            entry.0 += 1;
            entry.1 = i;
        }
    }
    seen.retain(|_, &mut (count, _, spread)| count >= 3 && spread);
    if !seen.is_empty() {
        for i in 0..n {
            if lines[i].kind == Kind::Body && isolated(lines, i) && seen.contains_key(lines[i].text)
            {
                lines[i].kind = Kind::Furniture;
            }
        }
    }
}

/// A line identical to the previous non-blank one is an extraction
/// duplicate (seed 000 repeats a URL three times).
fn mark_duplicates(lines: &mut [Line]) {
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        match lines[i].kind {
            Kind::Blank | Kind::Furniture => continue,
            Kind::Body => {
                if let Some(p) = prev {
                    if lines[p].text == lines[i].text && lines[p].kind == Kind::Body {
                        lines[i].kind = Kind::Duplicate;
                        continue;
                    }
                }
            }
            _ => {}
        }
        prev = Some(i);
    }
}

/// Parse the footnote areas; marks note lines and returns the notes.
fn find_notes(lines: &mut [Line]) -> Vec<RawNote> {
    let separators: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Separator)
        .collect();
    let next_content = |lines: &[Line], from: usize| {
        (from..lines.len()).find(|&i| matches!(lines[i].kind, Kind::Body | Kind::Separator))
    };
    // Does the area after separator k open with unmarked text (a note
    // continued from the previous page)?
    let continues: Vec<bool> = separators
        .iter()
        .map(|&s| {
            next_content(lines, s + 1)
                .is_some_and(|i| lines[i].kind == Kind::Body && note_start(lines[i].text).is_none())
        })
        .collect();
    // What a full footnote line is: 90% of the upper quartile of the
    // lengths of the lines right after separators (most are full lines).
    let mut sample = Vec::new();
    for &s in &separators {
        let mut i = s + 1;
        while i < lines.len() && sample.len() < 4000 && lines[i].kind != Kind::Separator {
            if lines[i].kind == Kind::Body && !is_url_line(lines[i].text) {
                sample.push(char_len(lines[i].text));
            }
            i += 1;
            if i > s + 12 {
                break;
            }
        }
    }
    sample.sort_unstable();
    let full = sample.get(sample.len() * 3 / 4).map_or(0, |&q| q * 9 / 10);

    let mut notes: Vec<RawNote> = Vec::new();
    for (area, &s) in separators.iter().enumerate() {
        let next_area_continues = continues.get(area + 1).copied().unwrap_or(false);
        let mut current: Option<usize> = None;
        let mut first = false;
        let mut done = false;
        // Lines taken after the note's last full line (its short last line
        // and URLs), to give back if the note goes on at the next page.
        let mut tail: Vec<usize> = Vec::new();
        if continues[area] {
            current = notes.len().checked_sub(1);
        }
        let mut i = s + 1;
        while i < lines.len() {
            match lines[i].kind {
                Kind::Blank | Kind::Furniture | Kind::Duplicate => {
                    i += 1;
                    continue;
                }
                Kind::Separator => break,
                _ => {}
            }
            let t = lines[i].text;
            if let Some((label, rest)) = note_start(t) {
                notes.push(RawNote {
                    label,
                    area,
                    lines: vec![i],
                });
                current = Some(notes.len() - 1);
                tail.clear();
                // A marker alone on its line: the text starts on the next,
                // which is then the note's first line. Otherwise this is.
                first = rest.trim().is_empty();
                done = !first && char_len(t) < full * 8 / 10;
            } else if let (Some(n), false) = (current, done) {
                notes[n].lines.push(i);
                // A first line may fall a little short of full (the marker
                // and its spacing); any later short line, or a URL, ends it.
                let limit = if first { full * 8 / 10 } else { full };
                if char_len(t) < limit || (!first && is_url_line(t)) {
                    done = true;
                    tail.push(i);
                }
                first = false;
            } else if let (Some(n), true) = (current, done && is_url_line(t)) {
                notes[n].lines.push(i);
                tail.push(i);
            } else {
                break;
            }
            i += 1;
        }
        if next_area_continues {
            if let Some(n) = current {
                notes[n].lines.retain(|l| !tail.contains(l));
            }
        }
    }
    for (n, note) in notes.iter().enumerate() {
        for &l in &note.lines {
            lines[l].kind = Kind::Note(n as u32);
        }
    }
    notes
}

/// A paragraph or item being assembled from lines.
#[derive(Default)]
struct Pending {
    text: String,
    kind: BlockKind,
    /// Where each marker glyph sits in `text`, and its body line.
    markers: Vec<(usize, usize)>,
}

impl Pending {
    fn push_line(&mut self, line: &str, line_no: usize) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            // A URL broken at the end of a line goes on without a space.
            // (the last word only: looking from the end keeps this linear)
            let last = self.text.rsplit(' ').next().unwrap_or("");
            let url_broken = last.ends_with(['-', '/', '.', '_'])
                && (last.starts_with("http") || last.contains("://"));
            if !(url_broken && is_url_line(line)) {
                self.text.push(' ');
            }
        }
        // Runs of spaces in extracted text are layout, not content.
        let mut last_space = false;
        for c in line.chars() {
            if c.is_whitespace() {
                if !last_space {
                    self.text.push(' ');
                }
                last_space = true;
                continue;
            }
            last_space = false;
            if is_marker_glyph(c) {
                self.markers.push((self.text.len(), line_no));
            }
            self.text.push(c);
        }
    }
}

/// Turn the classified lines into sections, blocks and notes.
fn build(lines: &[Line], raw_notes: &[RawNote]) -> Document {
    let mut doc = Document::new("", Format::Pdftext);
    // Typical line lengths, per direction, for the short-line rule.
    let typical = |want_rtl: bool| {
        let mut v: Vec<usize> = lines
            .iter()
            .filter(|l| l.kind == Kind::Body && rtl(l.text) == want_rtl)
            .map(|l| char_len(l.text))
            .collect();
        v.sort_unstable();
        v.get(v.len() / 2).copied().unwrap_or(60)
    };
    let (typical_rtl, typical_ltr) = (typical(true), typical(false));
    let short = |t: &str| char_len(t) * 10 < 6 * if rtl(t) { typical_rtl } else { typical_ltr };
    let indented = |l: &Line| {
        let (lead, trail) = (l.lead, l.trail);
        if rtl(l.text) {
            trail >= 3 || lead >= 3
        } else {
            lead >= 3
        }
    };

    let mut sections: Vec<Section> = Vec::new();
    let mut blocks_markers: Vec<Vec<(usize, usize)>> = Vec::new(); // per block, parallel to blocks
    let mut pending = Pending::default();
    let mut prev_short = true; // the start counts as a paragraph end
    let flush = |sections: &mut Vec<Section>,
                 blocks_markers: &mut Vec<Vec<(usize, usize)>>,
                 pending: &mut Pending| {
        let p = std::mem::take(pending);
        if p.text.trim().is_empty() {
            return;
        }
        if sections.is_empty() {
            sections.push(crate::document::import::body_section(None, Vec::new()));
        }
        let section = sections.last_mut().expect("a section");
        let kind = if section.kind == SectionKind::References && p.kind == BlockKind::Item {
            BlockKind::Reference
        } else {
            p.kind
        };
        section.blocks.push(Block {
            id: String::new(),
            kind,
            direction: Direction::Auto,
            inlines: vec![Inline::Text {
                text: {
                    let mut t = p.text;
                    t.shrink_to_fit();
                    t
                },
            }],
            repairs: Vec::new(),
        });
        blocks_markers.push(p.markers);
    };

    for (no, line) in lines.iter().enumerate() {
        if line.kind != Kind::Body {
            continue;
        }
        let t = line.text;
        // Headings. Keywords come with the abstracts, before the body.
        let front = !sections
            .iter()
            .any(|s| s.kind == SectionKind::Body && s.title.is_some());
        if let Some((kind, lang, title, content)) = heading(t, front) {
            flush(&mut sections, &mut blocks_markers, &mut pending);
            sections.push(Section {
                id: String::new(),
                kind,
                title: Some(title),
                level: 1,
                lang: lang.map(str::to_string),
                blocks: Vec::new(),
            });
            if let Some(content) = content {
                pending.push_line(&content, no);
                flush(&mut sections, &mut blocks_markers, &mut pending);
            }
            prev_short = true;
            continue;
        }
        // A title stands between two paragraphs: the one before has ended
        // and the one after starts indented.
        if prev_short
            && pending.text.is_empty()
            && !indented(line)
            && title_like(t)
            && !sections
                .last()
                .is_some_and(|s| s.kind == SectionKind::References)
        {
            if let Some(next) = lines[no + 1..].iter().find(|l| l.kind == Kind::Body) {
                if indented(next) && !short(next.text) {
                    let title = repair::swapped_heading(t).unwrap_or_else(|| t.to_string());
                    let title = title.trim_end_matches(['.', ':', ' ']).to_string();
                    flush(&mut sections, &mut blocks_markers, &mut pending);
                    sections.push(crate::document::import::body_section(
                        Some(title),
                        Vec::new(),
                    ));
                    prev_short = true;
                    continue;
                }
            }
        }
        if let Some(item) = bullet_item(t) {
            flush(&mut sections, &mut blocks_markers, &mut pending);
            pending.kind = BlockKind::Item;
            pending.push_line(item, no);
            prev_short = false;
            continue;
        }
        if (indented(line) || prev_short) && pending.kind != BlockKind::Item {
            flush(&mut sections, &mut blocks_markers, &mut pending);
        }
        pending.push_line(t, no);
        prev_short = short(t);
        if prev_short && pending.kind == BlockKind::Paragraph {
            flush(&mut sections, &mut blocks_markers, &mut pending);
        }
    }
    flush(&mut sections, &mut blocks_markers, &mut pending);

    // Notes: join their lines; the first line loses its marker.
    let mut notes: Vec<Note> = Vec::new();
    let mut glyph_count = 0;
    for (n, raw) in raw_notes.iter().enumerate() {
        let mut p = Pending::default();
        for (k, &l) in raw.lines.iter().enumerate() {
            let t = lines[l].text;
            let t = if k == 0 {
                note_start(t).map_or(t, |(_, rest)| rest)
            } else {
                t
            };
            p.push_line(t, l);
        }
        if raw.label.is_none() {
            glyph_count += 1;
        }
        let label = raw.label.clone().unwrap_or_else(|| glyph_count.to_string());
        let text = p
            .text
            .chars()
            .filter(|&c| !is_marker_glyph(c))
            .collect::<String>();
        notes.push(Note {
            id: format!("fn{}", n + 1),
            label,
            blocks: vec![Block::paragraph(String::new(), text.trim())],
        });
    }

    // Body markers: glyphs found while joining, plus "(n)" where a note
    // labelled so exists. Then link them page by page.
    let blocks: Vec<&mut Block> = sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .collect();
    let mut markers: Vec<BodyMarker> = Vec::new();
    let bracket_labels: HashMap<&str, usize> = raw_notes
        .iter()
        .filter_map(|r| r.label.as_deref().map(|l| (l, r.lines[0])))
        .collect();
    for (b, block) in blocks.iter().enumerate() {
        // Blocks have one text inline here; no need to copy it.
        let text = match block.inlines.as_slice() {
            [Inline::Text { text }] => std::borrow::Cow::Borrowed(text.as_str()),
            _ => std::borrow::Cow::Owned(block.plain_text()),
        };
        for &(at, line) in &blocks_markers[b] {
            markers.push(BodyMarker {
                block: b,
                at,
                len: text[at..].chars().next().map_or(0, char::len_utf8),
                line,
                label: None,
            });
        }
        // "(n)" or "[n]" in one pass over the text, kept when a note has
        // that label.
        let bytes = text.as_bytes();
        for (at, &open) in bytes.iter().enumerate() {
            let close = match open {
                b'(' => b')',
                b'[' => b']',
                _ => continue,
            };
            let digits = bytes[at + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if !(1..=3).contains(&digits) || bytes.get(at + 1 + digits) != Some(&close) {
                continue;
            }
            let label = &text[at..at + digits + 2];
            if let Some(&note_line) = bracket_labels.get(label) {
                // The body line of this occurrence is lost in joining; the
                // line before its note orders it before the note.
                markers.push(BodyMarker {
                    block: b,
                    at,
                    len: label.len(),
                    line: note_line.saturating_sub(1),
                    label: Some(label.to_string()),
                });
            }
        }
    }
    markers.sort_by_key(|m| (m.block, m.at));
    let links = link_markers(&markers, raw_notes);
    let mut blocks: Vec<&mut Block> = sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .collect();
    // Rebuild each block with markers: text, marker, text…, in one pass
    // over its (still plain) text.
    let mut m = 0;
    while m < markers.len() {
        let b = markers[m].block;
        let text = blocks[b].plain_text();
        let mut inlines = Vec::new();
        let mut from = 0;
        while m < markers.len() && markers[m].block == b {
            let marker = &markers[m];
            let note = links[m].map(|n| notes[n].id.clone());
            m += 1;
            if (note.is_none() && marker.label.is_some()) || marker.at < from {
                continue; // "(3)" with no note stays text; overlaps are skipped
            }
            let label = match (&note, &marker.label) {
                (Some(id), _) => notes
                    .iter()
                    .find(|x| &x.id == id)
                    .map(|x| x.label.clone())
                    .unwrap_or_default(),
                (None, Some(l)) => l.clone(),
                (None, None) => "?".to_string(),
            };
            if marker.at > from {
                inlines.push(Inline::Text {
                    text: text[from..marker.at].to_string(),
                });
            }
            inlines.push(Inline::Note { note, label });
            from = marker.at + marker.len;
        }
        if from < text.len() {
            inlines.push(Inline::Text {
                text: text[from..].to_string(),
            });
        }
        blocks[b].inlines = inlines;
    }
    drop(blocks);

    // Repairs on right-to-left text; blocks are independent, so they are
    // shared among the cores.
    let mut all: Vec<&mut Block> = sections
        .iter_mut()
        .flat_map(|s| s.blocks.iter_mut())
        .chain(notes.iter_mut().flat_map(|n| n.blocks.iter_mut()))
        .collect();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = all.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        for part in all.chunks_mut(chunk) {
            scope.spawn(move || part.iter_mut().for_each(|b| repair_block(b)));
        }
    });
    // Warnings for unlinked glyph markers.
    let unlinked = links
        .iter()
        .zip(&markers)
        .filter(|(l, m)| l.is_none() && m.label.is_none())
        .count();
    if unlinked > 0 {
        doc.meta
            .warnings
            .push(format!("{unlinked} footnote marker(s) have no note text"));
    }
    doc.meta.title = sections
        .iter()
        .find(|s| {
            s.kind == SectionKind::Body
                && s.title.as_ref().is_some_and(|t| {
                    classify_heading(t).0 == SectionKind::Body && !is_standard_heading(t)
                })
        })
        .and_then(|s| s.title.clone())
        .unwrap_or_default();
    let rtl_chars = lines
        .iter()
        .flat_map(|l| l.text.chars())
        .filter(|&c| is_rtl_char(c))
        .count();
    let all_letters = rtl_chars
        + lines
            .iter()
            .flat_map(|l| l.text.bytes())
            .filter(u8::is_ascii_alphabetic)
            .count();
    if rtl_chars * 2 > all_letters {
        doc.meta.language = Some("ar".into());
    }
    doc.sections = sections;
    doc.notes = notes;
    doc.assign_ids();
    doc
}

/// المقدمة (introduction), الخاتمة (conclusion) and their English names:
/// headings that name a part, never the essay.
fn is_standard_heading(t: &str) -> bool {
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

struct BodyMarker {
    block: usize,
    at: usize,
    len: usize,
    line: usize,
    label: Option<String>,
}

/// For each body marker, the index of its note: page by page (markers
/// before an area go with that area's new notes, in order), falling back to
/// document order for glyphs and to the label for "(n)".
fn link_markers(markers: &[BodyMarker], notes: &[RawNote]) -> Vec<Option<usize>> {
    let mut links = vec![None; markers.len()];
    // Glyph markers and glyph notes, in document order.
    let glyph_markers: Vec<usize> = (0..markers.len())
        .filter(|&m| markers[m].label.is_none())
        .collect();
    let glyph_notes: Vec<usize> = (0..notes.len())
        .filter(|&n| notes[n].label.is_none())
        .collect();
    // Page by page: the notes of an area start at its first note line.
    let mut used = vec![false; notes.len()];
    let areas: Vec<usize> = {
        let mut a: Vec<usize> = notes.iter().map(|n| n.area).collect();
        a.dedup();
        a
    };
    let mut page_ok = true;
    let mut assignments = Vec::new();
    let mut mi = 0;
    for &area in &areas {
        let area_notes: Vec<usize> = glyph_notes
            .iter()
            .copied()
            .filter(|&n| notes[n].area == area)
            .collect();
        let Some(start) = area_notes.first().map(|&n| notes[n].lines[0]) else {
            continue;
        };
        let mut page_markers = Vec::new();
        while mi < glyph_markers.len() && markers[glyph_markers[mi]].line < start {
            page_markers.push(glyph_markers[mi]);
            mi += 1;
        }
        if page_markers.len() != area_notes.len() {
            page_ok = false;
            break;
        }
        assignments.extend(page_markers.into_iter().zip(area_notes));
    }
    if page_ok && mi == glyph_markers.len() {
        for (m, n) in assignments {
            links[m] = Some(n);
            used[n] = true;
        }
    } else {
        for (&m, &n) in glyph_markers.iter().zip(&glyph_notes) {
            links[m] = Some(n);
            used[n] = true;
        }
    }
    // "(n)" markers: the first unused note with that label after them.
    for (m, marker) in markers.iter().enumerate() {
        if let Some(label) = &marker.label {
            if let Some(n) =
                (0..notes.len()).find(|&n| !used[n] && notes[n].label.as_deref() == Some(label))
            {
                links[m] = Some(n);
                used[n] = true;
            }
        }
    }
    links
}

/// A known heading line: (kind, language, title, content on the same line).
/// `front`: still before the body, where a keywords line can be.
fn heading(
    t: &str,
    front: bool,
) -> Option<(SectionKind, Option<&'static str>, String, Option<String>)> {
    if t.len() > 480 {
        return None;
    }
    // Known headings are a few words; only short lines can be one.
    if t.len() <= 80 {
        let repaired = repair::swapped_heading(t).unwrap_or_else(|| t.to_string());
        let bare = repaired.trim().trim_matches([':', '.', ' ']).to_string();
        let (kind, lang) = classify_heading(&bare);
        if kind != SectionKind::Body || is_standard_heading(&bare) {
            return Some((kind, lang, bare, None));
        }
    }
    if !front {
        return None;
    }
    // Keywords with their content on the same line, in either order.
    for phrase in ["\u{0627}\u{0644}\u{0643}\u{0644}\u{0645}\u{0627}\u{062A} \u{0627}\u{0644}\u{0645}\u{0641}\u{062A}\u{0627}\u{062D}\u{064A}\u{0629}", "Keywords", "Key words"] {
        if let Some(pos) = t.find(phrase) {
            let content = format!("{} {}", &t[..pos], &t[pos + phrase.len()..]);
            let content = content.trim().trim_matches([':', ' ']).trim().to_string();
            let (_, lang) = classify_heading(phrase);
            return Some((SectionKind::Keywords, lang, phrase.to_string(), Some(content).filter(|c| !c.is_empty())));
        }
    }
    None
}

/// A short line that reads like a title: 2–12 words, letters, no commas,
/// brackets or sentence punctuation inside.
fn title_like(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (2..=12).contains(&words)
        && char_len(t) <= 80
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 6
        && !t.contains(['،', ',', '(', ')', '[', ']', '"', '؟', '?', '!'])
        && t.chars().filter(|&c| c == '.').count() <= 1
}

fn repair_block(block: &mut Block) {
    let first_text = block.inlines.iter().find_map(|i| match i {
        Inline::Text { text } => Some(text.as_str()),
        Inline::Note { .. } => None,
    });
    if !first_text.is_some_and(rtl) {
        return;
    }
    for inline in &mut block.inlines {
        let Inline::Text { text } = inline else {
            continue;
        };
        if let Some(fixed) = repair::reversed_year_ranges(text) {
            *text = fixed;
            if !block.repairs.iter().any(|r| r.starts_with("year")) {
                block.repairs.push("year ranges written backwards".into());
            }
        }
    }
    // Brackets pair across inlines, so repair the whole text and split it
    // back at the same char offsets.
    let whole: String = block
        .inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.clone(),
            Inline::Note { .. } => "\u{FFFC}".to_string(),
        })
        .collect();
    if let Some(fixed) = repair::mirrored_brackets(&whole) {
        // The repair keeps every char in place, so each text inline takes
        // back as many chars as it had (and each marker its one).
        let mut chars = fixed.chars();
        for inline in &mut block.inlines {
            match inline {
                Inline::Text { text } => {
                    let n = text.chars().count();
                    *text = chars.by_ref().take(n).collect();
                }
                Inline::Note { .. } => {
                    chars.next();
                }
            }
        }
        block.repairs.push("mirrored brackets".into());
    }
}
