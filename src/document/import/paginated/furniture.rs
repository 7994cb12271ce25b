//! Page furniture: page numbers, the running header and footer around them,
//! lines that recur on many pages, and lines an extraction wrote twice.
//!
//! - **Page number**: a line that is only 1–4 digits with brackets or dashes
//!   around, blank lines on both sides.
//! - **Running header/footer**: the nearest isolated line above or below a
//!   page number (up to two each side, within 4 lines) that carries a year,
//!   an ISSN, or a volume/issue word.
//! - **Recurring line**: any line of 10+ bytes that recurs 3+ times at
//!   least 10 lines apart, each time with blank lines around it.
//! - **Duplicate**: a line identical to the previous non-blank one (seed 000
//!   repeats a URL three times).

use std::collections::HashMap;

use super::classified::{Kind, Line};
use super::text::char_len;

/// A page number as printed: `12`, `(12)`, `- 12 -`, `)108)`.
pub fn is_page_number(t: &str) -> bool {
    let digits = t.chars().filter(char::is_ascii_digit).count();
    (1..=4).contains(&digits)
        && t.chars()
            .all(|c| c.is_ascii_digit() || "()[]-–— ".contains(c))
}

/// Words a journal's running header or footer carries, or a year.
pub fn looks_like_running_header(t: &str) -> bool {
    let has_year = t.as_bytes().windows(4).any(|w| {
        w.iter().all(u8::is_ascii_digit) && (w.starts_with(b"19") || w.starts_with(b"20"))
    });
    has_year || names_a_journal(t)
}

/// Words that name a journal, its volume or issue.
pub fn names_a_journal(t: &str) -> bool {
    let lower = t.to_lowercase();
    // ISSN, Vol., issue, journal; العدد (issue), المجلد (volume), مجلة
    // (journal)
    [
        "issn",
        "vol.",
        "vol ",
        "volume",
        "issue",
        "\u{0627}\u{0644}\u{0639}\u{062F}\u{062F}",
        "\u{0627}\u{0644}\u{0645}\u{062C}\u{0644}\u{062F}",
        "\u{0645}\u{062C}\u{0644}\u{0629}",
        // حوليات (annals), دورية (periodical)
        "\u{062D}\u{0648}\u{0644}\u{064A}\u{0627}\u{062A}",
        "\u{062F}\u{0648}\u{0631}\u{064A}\u{0629}",
        "journal",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Mark page numbers, the running lines around them, and recurring lines.
/// `paged`: the source says where pages end, and `edges` has found the
/// page numbers; a number alone on a line is then a marker set apart
/// (WeasyPrint's superscripts in pdftotext), not a page number.
pub fn mark(lines: &mut [Line], paged: bool) {
    if !paged {
        mark_page_numbers(lines);
    }
    mark_recurring(lines);
}

fn blank(lines: &[Line], i: usize) -> bool {
    lines
        .get(i)
        .is_none_or(|l| l.kind == Kind::Blank || l.kind == Kind::Furniture)
}

/// Blank (or furniture) lines, or the edge of the text, on both sides.
fn isolated(lines: &[Line], i: usize) -> bool {
    (i == 0 || blank(lines, i - 1)) && blank(lines, i + 1)
}

fn mark_page_numbers(lines: &mut [Line]) {
    for i in 0..lines.len() {
        if lines[i].kind != Kind::Body || !is_page_number(lines[i].text()) || !isolated(lines, i) {
            continue;
        }
        lines[i].kind = Kind::Furniture;
        mark_running_lines(lines, i, -1);
        mark_running_lines(lines, i, 1);
    }
}

/// From the page number at `at`, going `step` (up or down): up to two
/// running lines, each the nearest non-blank line within 4 lines.
fn mark_running_lines(lines: &mut [Line], at: usize, step: isize) {
    let n = lines.len() as isize;
    let mut j = at as isize;
    for _ in 0..2 {
        let mut k = j + step;
        while k >= 0 && k < n && (j - k).abs() <= 4 && lines[k as usize].kind == Kind::Blank {
            k += step;
        }
        if k < 0 || k >= n || (j - k).abs() > 4 {
            return;
        }
        let ku = k as usize;
        let running = lines[ku].kind == Kind::Body
            && isolated(lines, ku)
            && char_len(lines[ku].text()) <= 100
            && looks_like_running_header(lines[ku].text());
        if !running {
            return;
        }
        lines[ku].kind = Kind::Furniture;
        j = k;
    }
}

/// More different recurring lines than this are not page furniture.
const MAX_RUNNING_TEXTS: usize = 8;

/// Lines that recur on several pages: (count, last place, always 10+
/// lines apart) per text, without a list of places per line.
fn mark_recurring(lines: &mut [Line]) {
    let mut seen: HashMap<&str, (u32, usize, bool)> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        // Lines already taken as running lines beside a page number count
        // too: the first page often has no page number to find them by.
        let candidate = matches!(l.kind, Kind::Body | Kind::Furniture);
        if candidate && l.text().len() >= 10 && isolated(lines, i) {
            let entry = seen.entry(l.text()).or_insert((0, i, true));
            if entry.0 > 0 && i - entry.1 < 10 {
                entry.2 = false;
            }
            entry.0 += 1;
            entry.1 = i;
        }
    }
    seen.retain(|_, &mut (count, _, spread)| count >= 3 && spread);
    // Running headers and footers are a handful of texts (journal, title,
    // author, odd and even pages); many different lines that recur are
    // text that recurs (a document pasted twice, a refrain), not furniture.
    if seen.is_empty() || seen.len() > MAX_RUNNING_TEXTS {
        return;
    }
    for i in 0..lines.len() {
        if lines[i].kind == Kind::Body
            && isolated(lines, i)
            && !lines[i].larger()
            && seen.contains_key(lines[i].text())
        {
            lines[i].kind = Kind::Furniture;
        }
    }
}

/// A line identical to the previous non-blank one is an extraction
/// duplicate.
pub fn mark_duplicates(lines: &mut [Line]) {
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        match lines[i].kind {
            Kind::Blank | Kind::Furniture => continue,
            Kind::Body => {
                if let Some(p) = prev {
                    if lines[p].text() == lines[i].text() && lines[p].kind == Kind::Body {
                        if lines[i].larger() && !lines[p].larger() {
                            // A running header repeating the title set
                            // larger below it: the header goes.
                            lines[p].kind = Kind::Furniture;
                        } else {
                            lines[i].kind = Kind::Duplicate;
                            continue;
                        }
                    }
                }
            }
            _ => {}
        }
        prev = Some(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::import::paginated::classified::classify;
    use crate::document::import::paginated::classified::tests::page;

    fn kinds(l: &[Line]) -> Vec<Kind> {
        l.iter().map(|l| l.kind).collect()
    }

    #[test]
    fn page_numbers_as_printed() {
        for t in ["12", "(12)", "- 12 -", ")108)", "[7]"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["12345", "p. 12", "(a)", "--"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn page_number_takes_the_running_lines_around_it() {
        use Kind::*;
        let p = page(&[
            "The last line of a page.",
            "",
            // مجلة جامعة 2023 (the journal of the university, 2023)
            "\u{0645}\u{062C}\u{0644}\u{0629} \u{062C}\u{0627}\u{0645}\u{0639}\u{0629} 2023",
            "",
            "(108)",
            "",
            "JUAH Vol 20 ISSN 1995-8463",
            "",
            "The first line of the next page.",
        ]);
        let mut l = classify(&p);
        mark(&mut l, false);
        assert_eq!(
            kinds(&l),
            [Body, Blank, Furniture, Blank, Furniture, Blank, Furniture, Blank, Body]
        );
    }

    #[test]
    fn a_number_inside_a_paragraph_is_not_a_page_number() {
        let p = page(&["A sentence that ends in the year", "1917", "and goes on."]);
        let mut l = classify(&p);
        mark(&mut l, false);
        assert!(l.iter().all(|l| l.kind == Kind::Body));
    }

    #[test]
    fn a_running_line_needs_journal_words() {
        let p = page(&["", "Just a short line", "", "12", ""]);
        let mut l = classify(&p);
        mark(&mut l, false);
        assert_eq!(l[1].kind, Kind::Body);
        assert_eq!(l[3].kind, Kind::Furniture);
    }

    #[test]
    fn a_text_pasted_three_times_is_not_furniture() {
        // Twelve one-line paragraphs, the whole pasted three times: every
        // line recurs far apart, as headers do, but far too many differ.
        let one: Vec<String> = (0..12)
            .map(|i| format!("Paragraph number {i} of the essay."))
            .collect();
        let mut texts: Vec<&str> = Vec::new();
        for _ in 0..3 {
            for p in &one {
                texts.extend(["", p.as_str()]);
            }
        }
        let p = page(&texts);
        let mut l = classify(&p);
        mark(&mut l, false);
        assert!(l.iter().all(|l| l.kind != Kind::Furniture));
    }

    #[test]
    fn lines_recurring_far_apart_are_furniture() {
        let mut texts = Vec::new();
        for page in 0..3 {
            texts.extend(["", "An essay on revolutions", ""]);
            texts.extend(std::iter::repeat_n("Body text of the page.", 10 + page));
        }
        let p = page(&texts);
        let mut l = classify(&p);
        mark(&mut l, false);
        let headers: Vec<&Line> = l
            .iter()
            .filter(|l| l.text() == "An essay on revolutions")
            .collect();
        assert_eq!(headers.len(), 3);
        assert!(headers.iter().all(|l| l.kind == Kind::Furniture));
        // Seen only twice it is text.
        let p = page(&[
            "",
            "Twice is not enough",
            "",
            "x",
            "",
            "Twice is not enough",
            "",
        ]);
        let mut l = classify(&p);
        mark(&mut l, false);
        assert!(l.iter().all(|l| l.kind != Kind::Furniture));
    }

    #[test]
    fn repeated_lines_are_duplicates() {
        let p = page(&["https://example.org/x", "", "https://example.org/x", "Text"]);
        let mut l = classify(&p);
        mark_duplicates(&mut l);
        assert_eq!(
            kinds(&l),
            [Kind::Body, Kind::Blank, Kind::Duplicate, Kind::Body]
        );
    }
}
