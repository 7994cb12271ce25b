//! From body lines to sections and blocks: headings open sections, wrapped
//! lines join into paragraphs, bullets start list items (reference entries
//! under a references heading).
//!
//! - A paragraph starts at an indented line and after a line shorter than
//!   60% of the usual (median) line length of its direction.
//! - A title-like line is a heading when it stands between the end of a
//!   paragraph and an indented, full first line of the next (see
//!   `headings`). Keywords come with the abstracts, before the body.
//! - The essay's title: the document's first text line, when it reads
//!   like a title (2–12 words, no sentence punctuation), no heading came
//!   before it, and the line after it is short (the author) or a heading. It goes to the document's title, not to a block.
//! - Under a references heading, bulleted items are entries; when the list
//!   has no bullet at all, each paragraph is one.
//! - Where indents are lost (most extractions), a short title (1–6 words,
//!   no sentence punctuation, shorter than 80% of the usual line: in a
//!   narrow column a full line may have six words) is a heading when the
//!   line before it ended a sentence or a heading (or a list, a blank
//!   line after its last item), and a full line follows it.

use super::classified::{Kind, Line};
use super::headings::{heading, title_like, title_text};
use super::joining::Pending;
use super::numbered::{names_a_part, split_marker};
use super::repair::is_arabic_letter;
use super::symbols::label as symbol_label;
use super::text::{bullet_item, char_len, rtl};
use super::title_end;
use crate::document::import::body_section;
use crate::document::model::{Block, BlockKind, Inline, Section, SectionKind};
use crate::document::Id;
use crate::layout::Direction;

/// The body as assembled: sections, and per block (in document order) the
/// marker glyphs found in it as (byte offset, line).
pub struct Body {
    pub sections: Vec<Section>,
    /// The essay's title, when its first line is one.
    pub title: Option<String>,
    /// The lines that became headings (or the title).
    pub headings: Vec<usize>,
    pub glyphs: Vec<Vec<(usize, usize)>>,
}

/// Turn the body lines into sections of blocks.
pub fn assemble(lines: &[Line], note_numbers: &[u32]) -> Body {
    let lengths = TypicalLengths::of(lines);
    let mut headings = Vec::new();
    let mut a = Assembler {
        sections: Vec::new(),
        glyphs: Vec::new(),
        pending: Pending::default(),
        prev_short: true, // the start counts as a paragraph end
        prev_end: true,
        in_body: false,
        prev_larger: false,
        pending_page: None,
        seen_text: false,
        note_numbers,
        title: None,
        lifted: None,
        symbols: note_symbols(lines),
        held_symbol: None,
        trailing: Vec::new(),
    };
    // The second line of a title set on two, already taken.
    let mut taken = None;
    for (no, line) in lines.iter().enumerate() {
        if line.kind != Kind::Body || taken == Some(no) {
            continue;
        }
        // A marker set apart after an unfinished line is no numbered
        // heading (`4. وكانت …` after `… إلى اليوم`), unless it names a part.
        let marker = a.split_marker(line.text()).is_some() && !names_a_part(line.text());
        let heading = !marker && a.known_heading(line, no)
            || a.document_title(lines, no, &lengths)
            || a.title_heading(lines, no, &lengths)
            || a.standalone_heading(lines, no, &lengths);
        if heading {
            headings.push(no);
            taken = a.title_rest(lines, no);
            headings.extend(taken);
            let references = a.sections.last().map(|s| s.kind) == Some(SectionKind::References);
            a.trailing = if references {
                trailing_bullets(lines, no)
            } else {
                Vec::new()
            };
        } else {
            let next = lines[no + 1..].iter().find(|l| l.kind == Kind::Body);
            a.text_line(line, no, next, &lengths);
        }
    }
    a.flush();
    unbulleted_references(&mut a.sections);
    Body {
        sections: a.sections,
        title: a.title,
        headings,
        glyphs: a.glyphs,
    }
}

/// The usual line length of each direction, for the short-line rule.
struct TypicalLengths {
    rtl: usize,
    ltr: usize,
}

impl TypicalLengths {
    fn of(lines: &[Line]) -> TypicalLengths {
        let median = |want_rtl: bool| {
            let mut v: Vec<usize> = lines
                .iter()
                .filter(|l| l.kind == Kind::Body && rtl(l.text()) == want_rtl)
                .map(|l| char_len(l.text()))
                .collect();
            v.sort_unstable();
            v.get(v.len() / 2).copied().unwrap_or(60)
        };
        TypicalLengths {
            rtl: median(true),
            ltr: median(false),
        }
    }

    /// Shorter than 60% of the usual length: the last line of a paragraph.
    fn short(&self, t: &str) -> bool {
        char_len(t) * 10 < 6 * if rtl(t) { self.rtl } else { self.ltr }
    }

    /// At least 80% of the usual length: a full line of text, never a
    /// short title (in a narrow column, most lines have six words or fewer).
    fn full(&self, t: &str) -> bool {
        char_len(t) * 10 >= 8 * if rtl(t) { self.rtl } else { self.ltr }
    }
}

struct Assembler<'n> {
    sections: Vec<Section>,
    glyphs: Vec<Vec<(usize, usize)>>,
    pending: Pending,
    /// The line before ended a paragraph.
    prev_short: bool,
    /// The line before ended a sentence or was a heading.
    prev_end: bool,
    /// A titled body section has begun: no keywords line after that.
    in_body: bool,
    /// The line before was a heading by its size (a heading may take two
    /// lines).
    prev_larger: bool,
    /// The page the block being assembled starts on, when the source
    /// places its lines (a PDF).
    pending_page: Option<u32>,
    /// A text line (or heading) has been read.
    seen_text: bool,
    /// The numbers of the numbered notes, whose markers may stand on a
    /// line of their own.
    note_numbers: &'n [u32],
    title: Option<String>,
    /// A marker lifted onto a line of its own above the line it belongs
    /// to (pdftotext writes a raised figure so), waiting for that line.
    lifted: Option<String>,
    /// The symbols that label notes (`*`): alone on a line, one is the
    /// marker of the line before it, or of the next when none is open.
    symbols: Vec<&'static str>,
    /// A symbol marker waiting for its line.
    held_symbol: Option<&'static str>,
    /// Lines that start a reference entry whose bullet the extraction
    /// wrote after them (`trailing_bullets`).
    trailing: Vec<usize>,
}

impl Assembler<'_> {
    /// Remember the page of a block's first line, for sources whose pages
    /// the reader can cite.
    fn note_page(&mut self, line: &Line) {
        if line.source.evidence.is_some() && self.pending.text.is_empty() {
            self.pending_page = Some(line.source.page);
        }
    }

    /// End the block being assembled, if it has text.
    fn flush(&mut self) {
        let p = std::mem::take(&mut self.pending);
        if p.text.trim().is_empty() {
            return;
        }
        if self.sections.is_empty() {
            self.sections.push(body_section(None, Vec::new()));
        }
        let section = self.sections.last_mut().expect("a section");
        let kind = if section.kind == SectionKind::References && p.kind == BlockKind::Item {
            BlockKind::Reference
        } else {
            p.kind
        };
        let mut text = p.text;
        text.shrink_to_fit();
        section.blocks.push(Block {
            id: Id::default(),
            kind,
            direction: Direction::Auto,
            inlines: vec![Inline::Text { text }],
            repairs: Vec::new(),
            page: self.pending_page.take(),
        });
        self.glyphs.push(p.markers);
    }

    fn open(&mut self, section: Section) {
        self.flush();
        self.seen_text = true;
        self.in_body |= section.kind == SectionKind::Body && section.title.is_some();
        self.sections.push(section);
        self.prev_short = true;
        self.prev_end = true;
    }

    /// The line after heading `no` when the heading ends in a word that
    /// leaves it open (`… وانتقالها إلى` / `الغرب`): added to the title.
    fn title_rest(&mut self, lines: &[Line], no: usize) -> Option<usize> {
        if !title_end::leaves_title_open(lines[no].text()) {
            return None;
        }
        let next = (no + 1..lines.len()).find(|&j| lines[j].kind != Kind::Blank)?;
        let rest = &lines[next];
        let fits = rest.kind == Kind::Body
            && rest.source.page == lines[no].source.page
            && title_end::ends_title(rest.text())
            && heading(rest.text(), false).is_none();
        if !fits {
            return None;
        }
        let heading_text = title_text(lines[no].text());
        let title = match self.title.as_mut() {
            Some(t) if *t == heading_text => t,
            _ => self.sections.last_mut()?.title.as_mut()?,
        };
        title.push(' ');
        title.push_str(&title_text(rest.text()));
        Some(next)
    }

    /// A known heading opens its section; keywords on its line are its
    /// first block.
    fn known_heading(&mut self, line: &Line, no: usize) -> bool {
        let Some(h) = heading(line.text(), !self.in_body) else {
            return false;
        };
        self.open(Section {
            id: String::new(),
            kind: h.kind,
            title: Some(h.title),
            level: 1,
            lang: h.lang.map(str::to_string),
            blocks: Vec::new(),
        });
        if let Some(content) = h.content {
            self.note_page(line);
            self.pending.push_line(&content, no);
            self.flush();
        }
        true
    }

    /// A title stands between two paragraphs: the one before has ended and
    /// the one after starts indented.
    fn title_heading(&mut self, lines: &[Line], no: usize, lengths: &TypicalLengths) -> bool {
        let line = &lines[no];
        let was_larger = std::mem::replace(&mut self.prev_larger, false);
        if line.larger() && char_len(line.text()) <= 200 {
            self.prev_larger = true;
            let title = title_text(line.text());
            // A heading set on two lines is one heading.
            if let (true, true, Some(section)) = (
                was_larger,
                self.pending.text.is_empty(),
                self.sections.last_mut().filter(|s| s.blocks.is_empty()),
            ) {
                if let Some(t) = section.title.as_mut() {
                    t.push(' ');
                    t.push_str(&title);
                    return true;
                }
            }
            self.open(body_section(Some(title), Vec::new()));
            return true;
        }
        let candidate = self.prev_short
            && !line.set_as_body()
            && self.pending.text.is_empty()
            && !line.indented()
            && title_like(line.text())
            && !self
                .sections
                .last()
                .is_some_and(|s| s.kind == SectionKind::References);
        if !candidate {
            return false;
        }
        let next = lines[no + 1..].iter().find(|l| l.kind == Kind::Body);
        if !next.is_some_and(|next| next.indented() && !lengths.short(next.text())) {
            return false;
        }
        self.open(body_section(Some(title_text(line.text())), Vec::new()));
        true
    }

    /// The document's first line, when it reads like a title.
    /// The paragraph's first line is no title: the line after a title is
    /// short (the author) or a heading.
    fn document_title(&mut self, lines: &[Line], no: usize, lengths: &TypicalLengths) -> bool {
        let t = lines[no].text();
        let first = !std::mem::replace(&mut self.seen_text, true) && self.sections.is_empty();
        let next = lines[no + 1..].iter().find(|l| l.kind == Kind::Body);
        let title = first
            && !lines[no].set_as_body()
            && title_like(t)
            && !ends_sentence(t)
            && bullet_item(t).is_none()
            && next.is_some_and(|n| lengths.short(n.text()) || heading(n.text(), true).is_some());
        if title {
            self.title = Some(title_text(t));
        }
        title
    }

    /// A short title alone between a finished sentence and a full line.
    fn standalone_heading(&mut self, lines: &[Line], no: usize, lengths: &TypicalLengths) -> bool {
        let t = lines[no].text();
        // A list item ends no sentence; a blank line after it ends the list.
        let list_ended =
            self.pending.kind == BlockKind::Item && no > 0 && lines[no - 1].kind == Kind::Blank;
        let candidate = (self.prev_end || list_ended)
            && !lines[no].set_as_body()
            && short_title(t)
            && !lengths.full(t)
            && bullet_item(t).is_none()
            && !self
                .sections
                .last()
                .is_some_and(|s| s.kind == SectionKind::References);
        if !candidate {
            return false;
        }
        let next = lines[no + 1..].iter().find(|l| l.kind == Kind::Body);
        // A known heading right after it leaves it no text of its own.
        let full = |n: &Line| {
            !lengths.short(n.text())
                && bullet_item(n.text()).is_none()
                && heading(n.text(), true).is_none()
        };
        if !next.is_some_and(full) {
            return false;
        }
        self.open(body_section(Some(title_text(t)), Vec::new()));
        true
    }

    /// A line of text: a new item at a bullet, a new paragraph at an
    /// indent or after a short line, else more of the block before. A
    /// marker on a line of its own goes back to the word before it.
    fn text_line(&mut self, line: &Line, no: usize, next: Option<&Line>, lengths: &TypicalLengths) {
        let with_marker = self
            .lifted
            .take()
            .and_then(|m| marker_into_gap(line.text(), &m));
        let t = with_marker.as_deref().unwrap_or(line.text());
        if self.symbol_marker(t, next.is_some_and(|n| lengths.short(n.text()))) {
            return;
        }
        // Entries whose bullets trail: the bullet has done its work.
        let trailing = self.trailing.binary_search(&no).is_ok();
        if !self.trailing.is_empty() && bullet_item(t) == Some("") {
            return;
        }
        if let Some(item) = bullet_item(t).or(trailing.then_some(t)) {
            self.flush();
            self.pending.kind = BlockKind::Item;
            self.note_page(line);
            self.pending.push_line(item, no);
            self.prev_short = false;
            self.prev_end = false;
            return;
        }
        if let Some(len) = self.split_marker(t) {
            if len == t.len() && next.is_some_and(|n| marker_gap(n.text()).is_some()) {
                self.lifted = Some(t.to_string());
                return;
            }
            self.pending.text.push_str(&t[..len]);
            self.pending.push_line(&t[len..], no);
            self.prev_short = false;
            self.prev_end = ends_sentence(t);
            return;
        }
        // No paragraph starts inside a sentence: a line standing in from
        // the left margin after a line that ends none, and ending it, is
        // that sentence's last line set a little short (flush right in
        // `pdftotext -layout`), no indented first line.
        let cut_off = !self.prev_end && line.source.trail < 3 && line.source.lead >= 3;
        let indented = line.indented() && !(cut_off && ends_sentence(t));
        if (indented || self.prev_short || line.gap_before())
            && self.pending.kind != BlockKind::Item
        {
            self.flush();
        }
        // A number set on a line of its own inside a sentence (PyMuPDF
        // writes `نحو` / `120` / `سبيلا` so) is no paragraph's end.
        let inside = !self.pending.text.is_empty()
            && !ends_sentence(&self.pending.text)
            && t.bytes().all(|b| b.is_ascii_digit());
        self.note_page(line);
        self.pending.push_line(t, no);
        if let Some(symbol) = self.held_symbol.take() {
            self.pending.text.push_str(symbol);
        }
        // A right-to-left sentence's end set flush right 20+ spaces in
        // (`pdftotext -layout`) is a paragraph's last line, however long.
        let flush_right = rtl(t) && line.source.lead >= 20 && ends_sentence(t);
        // A comma ends no paragraph: a short line ending in one was cut
        // (PyMuPDF breaks a line where a number splits its runs). After a
        // full stop (`1889.،`), the comma is displaced and the stop ends it.
        let clause_open = t
            .strip_suffix(['\u{60c}', ','])
            .is_some_and(|before| !ends_sentence(before));
        self.prev_short = (lengths.short(t) && !clause_open || flush_right)
            && !inside
            && !next.is_some_and(|n| self.split_marker_after(n.text()));
        self.prev_end = ends_sentence(t);
        if self.prev_short && self.pending.kind == BlockKind::Paragraph {
            self.flush();
        }
    }

    /// `t` is a note's symbol on a line of its own: it goes to the end of
    /// the text before it (the paragraph being built, or the last block
    /// when no heading came since), or else waits for the next line when
    /// that is short (the author's name, set under its raised symbol).
    fn symbol_marker(&mut self, t: &str, next_short: bool) -> bool {
        let Some(&symbol) = self.symbols.iter().find(|&&s| s == t) else {
            return false;
        };
        if !self.pending.text.is_empty() {
            self.pending.text.push_str(symbol);
            return true;
        }
        let last = self.sections.last_mut().and_then(|s| s.blocks.last_mut());
        match last.map(|b| b.inlines.as_mut_slice()) {
            Some([Inline::Text { text }]) => text.push_str(symbol),
            _ if next_short => self.held_symbol = Some(symbol),
            _ => return false,
        }
        true
    }

    /// The length of a numbered note's marker at the start of `t` (with
    /// the full stop after it) when the block being built is unfinished.
    fn split_marker(&self, t: &str) -> Option<usize> {
        let open = !self.pending.text.is_empty()
            && self.pending.kind == BlockKind::Paragraph
            && !ends_sentence(&self.pending.text);
        let n = split_marker(t).filter(|n| open && self.note_numbers.contains(n))?;
        let digits = n.to_string().len();
        Some(if t[digits..].starts_with('.') {
            digits + 1
        } else {
            digits
        })
    }

    /// `t` would be a marker on its own line after the current line.
    fn split_marker_after(&self, t: &str) -> bool {
        split_marker(t).is_some_and(|n| self.note_numbers.contains(&n))
    }
}

/// Where a marker lifted off this line was: the first space between a
/// word and the punctuation after it (`المارستان . ولم`), which a clean
/// line never has and pdftotext leaves where the raised figure stood.
fn marker_gap(t: &str) -> Option<usize> {
    let mut prev = ' ';
    let mut chars = t.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let punct = chars
            .peek()
            .is_some_and(|&(_, p)| matches!(p, '.' | '\u{60c}' | ':' | '\u{61b}'));
        if c == ' ' && punct && (is_arabic_letter(prev) || prev == ')') {
            return Some(i);
        }
        prev = c;
    }
    None
}

/// `t` with the lifted marker written into its gap (`المارستان1. ولم`).
fn marker_into_gap(t: &str, marker: &str) -> Option<String> {
    let at = marker_gap(t)?;
    Some(format!("{}{marker}{}", &t[..at], &t[at + 1..]))
}

/// Under a references heading whose first entry has no bullet while lone
/// bullets follow, one after each stretch of text, each bullet was
/// written after the first line of its entry (pdftotext does so when the bullet sits a little below that
/// line): those first lines, in order, up to the next known heading.
fn trailing_bullets(lines: &[Line], heading_no: usize) -> Vec<usize> {
    // (A bullet repeating the one before is a duplicate, but still counts.)
    let body: Vec<usize> = (heading_no + 1..lines.len())
        .filter(|&i| matches!(lines[i].kind, Kind::Body | Kind::Duplicate))
        .take_while(|&i| heading(lines[i].text(), false).is_none())
        .collect();
    let lone = |i: usize| bullet_item(lines[i].text()) == Some("");
    // Bullets written apart as a group (PyMuPDF) say nothing of where
    // entries start: each must follow a line of text.
    let grouped = body.windows(2).any(|w| lone(w[0]) && lone(w[1]));
    if grouped
        || body
            .first()
            .is_none_or(|&i| bullet_item(lines[i].text()).is_some())
    {
        return Vec::new();
    }
    let starts: Vec<usize> = body
        .windows(2)
        .filter(|w| lone(w[1]) && !lone(w[0]) && lines[w[0]].kind == Kind::Body)
        .map(|w| w[0])
        .collect();
    // Most entries are one line, ending with their full stop; lines of
    // two columns' text interleaved with bullets mostly are not.
    let whole = starts
        .iter()
        .filter(|&&i| lines[i].text().trim_end().ends_with('.'))
        .count();
    if whole * 2 > starts.len() {
        starts
    } else {
        Vec::new()
    }
}

/// The symbols (`*`, `†`) that label the notes found.
fn note_symbols(lines: &[Line]) -> Vec<&'static str> {
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| matches!(l.kind, Kind::Note(_))) {
        if let Some((s, _)) = symbol_label(line.text()) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// A reference list with no bullets at all (the extraction lost them, or
/// wrote them apart): each of its paragraphs is an entry.
fn unbulleted_references(sections: &mut [Section]) {
    for s in sections
        .iter_mut()
        .filter(|s| s.kind == SectionKind::References)
    {
        if s.blocks.iter().all(|b| b.kind == BlockKind::Paragraph) {
            s.blocks
                .iter_mut()
                .for_each(|b| b.kind = BlockKind::Reference);
        }
    }
}

/// A line that can be a heading on its own: 1–6 words, at most 50
/// characters, a word of four letters or more, no sentence punctuation.
fn short_title(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=6).contains(&words)
        && char_len(t) <= 50
        && t.split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        && !t.contains(['\u{60c}', ',', '(', ')', '[', ']', '"', ';', '\u{61b}'])
        && !ends_sentence(t)
        && !t.trim_end().ends_with(['\u{61f}', '?', '!'])
}

fn ends_sentence(t: &str) -> bool {
    t.trim_end().ends_with(['.', ':', '!', '?', '\u{61f}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lifted_marker_goes_back_into_its_gap() {
        // المارستان . ولم: the space before the full stop is where the
        // raised 1 stood (al-maristan. And not)
        let line = "\u{645}\u{627}\u{631}\u{633}\u{62a}\u{627}\u{646} . \u{648}\u{644}\u{645}";
        assert_eq!(
            marker_into_gap(line, "1").unwrap(),
            "\u{645}\u{627}\u{631}\u{633}\u{62a}\u{627}\u{646}1. \u{648}\u{644}\u{645}"
        );
        // A clean line has no gap: the marker stays where it was.
        assert_eq!(
            marker_gap("\u{645}\u{627}\u{621}. \u{648}\u{644}\u{645}"),
            None
        );
        assert_eq!(marker_gap("1 . 2"), None);
    }
    use crate::document::import::paginated::classified::classify;
    use crate::document::import::paginated::classified::tests::page;

    fn texts(body: &Body) -> Vec<(Option<&str>, Vec<String>)> {
        body.sections
            .iter()
            .map(|s| {
                (
                    s.title.as_deref(),
                    s.blocks.iter().map(Block::plain_text).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn indents_and_short_lines_end_paragraphs() {
        let p = page(&[
            "   The first paragraph starts indented and runs on",
            "over a second line of about the same length here",
            "and ends short.",
            "The second paragraph follows a short line, and runs",
            "   The third starts at an indent, like the first one",
        ]);
        let l = classify(&p);
        let body = assemble(&l, &[]);
        assert_eq!(body.sections.len(), 1);
        assert_eq!(
            texts(&body)[0].1,
            [
                "The first paragraph starts indented and runs on over a second line of about the same length here and ends short.",
                "The second paragraph follows a short line, and runs",
                "The third starts at an indent, like the first one",
            ]
        );
    }

    #[test]
    fn right_to_left_sentence_ends_set_flush_right_end_paragraphs() {
        // pdftotext -layout: a paragraph's last line stands in from the left
        // margin, long or short. "The Arabs wrote in the first century on
        // parchment / and the copyists grew many in the big cities." (24
        // spaces in); "Most historians hold, that the craft reached /
        // (Bloom, 2001) because paper was known before that." (13 in).
        let first = "\u{643}\u{62a}\u{628} \u{627}\u{644}\u{639}\u{631}\u{628} \u{641}\u{64a} \u{627}\u{644}\u{642}\u{631}\u{646} \u{627}\u{644}\u{623}\u{648}\u{644} \u{639}\u{644}\u{649} \u{627}\u{644}\u{631}\u{642} \u{648}\u{627}\u{644}\u{628}\u{631}\u{62f}\u{64a}";
        let first_end = format!(
            "{}\u{648}\u{643}\u{62b}\u{631} \u{627}\u{644}\u{646}\u{633}\u{627}\u{62e} \u{641}\u{64a} \u{627}\u{644}\u{645}\u{62f}\u{646} \u{627}\u{644}\u{643}\u{628}\u{64a}\u{631}\u{629}.",
            " ".repeat(24)
        );
        let second = "\u{648}\u{64a}\u{630}\u{647}\u{628} \u{623}\u{643}\u{62b}\u{631} \u{627}\u{644}\u{645}\u{624}\u{631}\u{62e}\u{64a}\u{646}\u{60c} \u{625}\u{644}\u{649} \u{623}\u{646} \u{627}\u{644}\u{635}\u{646}\u{627}\u{639}\u{629} \u{648}\u{635}\u{644}\u{62a}";
        let second_end = format!(
            "{}(Bloom, 2001) \u{644}\u{623}\u{646} \u{627}\u{644}\u{648}\u{631}\u{642} \u{643}\u{627}\u{646} \u{645}\u{639}\u{631}\u{648}\u{641}\u{627} \u{642}\u{628}\u{644} \u{630}\u{644}\u{643}.",
            " ".repeat(13)
        );
        let p = page(&[first, &first_end, second, &second_end]);
        let l = classify(&p);
        let body = assemble(&l, &[]);
        let blocks = &texts(&body)[0].1;
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert!(blocks[0].ends_with('.') && blocks[1].starts_with('\u{648}'));
        assert!(blocks[1].contains("(Bloom, 2001)"));
    }

    #[test]
    fn a_title_between_paragraphs_opens_a_section() {
        let p = page(&[
            "A paragraph of the introduction that is long enough",
            "ends here.",
            "Trotsky and the revolution",
            "   The section's first line is indented and long enough",
        ]);
        let l = classify(&p);
        let body = assemble(&l, &[]);
        let t = texts(&body);
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].0, Some("Trotsky and the revolution"));
        // Not before a short line: then it is just a short paragraph.
        let p = page(&[
            "A paragraph of the introduction that is long enough",
            "ends here.",
            "Trotsky and the revolution",
            "   short.",
        ]);
        let l = classify(&p);
        assert_eq!(assemble(&l, &[]).sections.len(), 1);
    }

    #[test]
    fn bullets_under_references_are_entries() {
        // " المصادر" (sources), then two bulleted entries
        let p = page(&[
            " \u{0627}\u{0644}\u{0645}\u{0635}\u{0627}\u{062F}\u{0631}",
            "\u{F0B7}  First entry, which wraps",
            "onto a second line.",
            "\u{F0B7}  Second entry.",
        ]);
        let l = classify(&p);
        let body = assemble(&l, &[]);
        let refs = &body.sections[0];
        assert_eq!(refs.kind, SectionKind::References);
        assert!(refs.blocks.iter().all(|b| b.kind == BlockKind::Reference));
        assert_eq!(
            texts(&body)[0].1,
            [
                "First entry, which wraps onto a second line.",
                "Second entry."
            ]
        );
    }

    #[test]
    fn a_reference_list_without_bullets_has_one_entry_per_paragraph() {
        let p = page(&[
            "References",
            "Gutas, Dimitri. Greek Thought, Arabic Culture. London:",
            "Routledge, 1998.",
            "Saliba, George. Islamic Science and the Making of the",
            "European Renaissance. Cambridge, Mass.: MIT Press, 2007.",
        ]);
        let l = classify(&p);
        let body = assemble(&l, &[]);
        let refs = &body.sections[0];
        assert_eq!(refs.kind, SectionKind::References);
        assert_eq!(refs.blocks.len(), 2);
        assert!(refs.blocks.iter().all(|b| b.kind == BlockKind::Reference));
    }

    #[test]
    fn reference_bullets_written_after_their_first_lines() {
        let p = page(&[
            "References",
            "Gutas, Dimitri. Greek Thought.",
            "\u{2022}",
            "Ragab, Ahmed. The Medieval Islamic Hospital: Medicine,",
            "\u{2022}",
            "Cambridge, 2015.",
            "Dols, Michael. The Origins.",
            "\u{2022}",
        ]);
        let l = classify(&p);
        let body = assemble(&l, &[]);
        assert_eq!(
            texts(&body)[0].1,
            [
                "Gutas, Dimitri. Greek Thought.",
                "Ragab, Ahmed. The Medieval Islamic Hospital: Medicine, Cambridge, 2015.",
                "Dols, Michael. The Origins.",
            ]
        );
        assert!(body.sections[0]
            .blocks
            .iter()
            .all(|b| b.kind == BlockKind::Reference));
    }

    #[test]
    fn a_number_alone_inside_a_sentence_goes_on() {
        let p = page(&[
            "A paragraph, which runs over several lines, counts about",
            "120",
            "fountains in the city, then ends here with a full stop.",
        ]);
        let l = classify(&p);
        assert_eq!(texts(&assemble(&l, &[]))[0].1.len(), 1);
    }

    #[test]
    fn a_short_line_ending_in_a_comma_goes_on() {
        let p = page(&[
            "A paragraph, which runs over several lines, was printed in 1592",
            "in Arabic type,",
            "and translated into Latin a little later, and then it ends",
            "here.",
            "A second paragraph, of about the same length as the first,",
            "Rome, 1592.,",
            "A third paragraph: the comma after a full stop was displaced.",
        ]);
        let l = classify(&p);
        assert_eq!(texts(&assemble(&l, &[]))[0].1.len(), 3);
    }

    #[test]
    fn keywords_line_gives_the_keywords_block() {
        let p = page(&[
            "Abstract",
            "Some text.",
            "Keywords: Trotsky, Lenin",
            "More.",
        ]);
        let l = classify(&p);
        let body = assemble(&l, &[]);
        assert_eq!(body.sections[1].kind, SectionKind::Keywords);
        assert_eq!(texts(&body)[1].1, ["Trotsky, Lenin", "More."]);
    }

    #[test]
    fn glyphs_are_kept_per_block() {
        let p = page(&["Lenin\u{F02B}, he said so.", "", "   Stalin\u{F02B} too."]);
        let l = classify(&p);
        let body = assemble(&l, &[]);
        assert_eq!(body.glyphs, [vec![(5, 0)], vec![(6, 2)]]);
    }
}
