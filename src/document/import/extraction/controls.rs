//! Bidi embedding controls as poppler's pdftotext writes them: evidence of
//! runs and their direction, used to put a line in logical order and then
//! removed (none may reach the document).
//!
//! What pdftotext does (default, `-layout`, `-raw`): every right-to-left
//! run is wrapped in RLE…PDF, every left-to-right run inside it in LRE…PDF.
//! - The runs at the top of a right-to-left line come in visual order, left
//!   to right (`-raw` writes each word, even pieces of a word, as a run):
//!   reversed, they are in reading order.
//! - Inside an RLE run the text is logical.
//! - An LRE run inside right-to-left text is written as seen: the
//!   punctuation the right-to-left sentence puts after a number or a Latin
//!   citation sits at its left (` .1` for `1. `, ` )Lambton` for
//!   `Lambton) `), and numbers separated by Arabic punctuation are in
//!   visual order (`2026 ،2` for `2، 2026`).

use super::is_arabic_letter;

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';
const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';

/// A bidi formatting character: embeddings, overrides, isolates, marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One piece of a line: a character outside any run, or a run.
enum Item {
    Char(char),
    Run { rtl: bool, items: Vec<Item> },
}

/// The line's pieces, runs nested as the controls say; a PDF without an
/// opener is dropped, a run left open is closed at the end.
fn parse(line: &str) -> Vec<Item> {
    let mut stack: Vec<(bool, Vec<Item>)> = vec![(false, Vec::new())];
    for c in line.chars() {
        match c {
            LRE | LRO | RLE | RLO => stack.push((matches!(c, RLE | RLO), Vec::new())),
            PDF if stack.len() > 1 => {
                let (rtl, items) = stack.pop().expect("an open run");
                stack
                    .last_mut()
                    .expect("the line")
                    .1
                    .push(Item::Run { rtl, items });
            }
            c if is_bidi_control(c) => {}
            c => stack.last_mut().expect("the line").1.push(Item::Char(c)),
        }
    }
    while stack.len() > 1 {
        let (rtl, items) = stack.pop().expect("an open run");
        stack
            .last_mut()
            .expect("the line")
            .1
            .push(Item::Run { rtl, items });
    }
    stack.pop().expect("the line").1
}

/// How many lines ending a sentence settle the order of a text's runs,
/// and how many lines are read at most to find them: the first pages
/// tell, and a large text is not parsed twice.
const ENOUGH_SENTENCE_ENDS: usize = 60;
const LINES_TO_READ: usize = 3000;

/// Whether the top-level runs of right-to-left lines come in reading order
/// (a viewer's copy) rather than visual order (pdftotext). The evidence is
/// where the lines of several runs keep a run that ends a sentence (`.`,
/// `:`, `؟`, `!`): last in reading order, first in visual order. Visual
/// order unless reading order wins clearly.
pub fn runs_in_reading_order(text: &str) -> bool {
    let (mut reading, mut visual) = (0usize, 0usize);
    let lines = text.lines().take(LINES_TO_READ);
    for line in lines.filter(|l| l.contains(PDF) && line_is_rtl(l)) {
        let runs: Vec<String> = parse(line)
            .iter()
            .filter_map(|item| match item {
                Item::Run { .. } => {
                    let mut text = String::new();
                    write(item, false, &mut text);
                    Some(text)
                }
                Item::Char(_) => None,
            })
            .collect();
        if runs.len() < 2 {
            continue;
        }
        let ends = |run: &String| run.trim_end().ends_with(['.', ':', '؟', '!']);
        reading += usize::from(ends(&runs[runs.len() - 1]));
        visual += usize::from(ends(&runs[0]));
        if reading + visual >= ENOUGH_SENTENCE_ENDS {
            break;
        }
    }
    reading >= 3 && reading > 2 * visual
}

/// Whether the text's right-to-left runs hold one word each (`pdftotext
/// -raw`, a viewer's copy) rather than whole phrases: at least 20 runs
/// read, and fewer than one in fifty with a space inside.
pub fn runs_are_words(text: &str) -> bool {
    let (mut runs, mut phrases) = (0usize, 0usize);
    for line in text.lines().take(LINES_TO_READ) {
        for piece in line.split(RLE).skip(1) {
            let run = piece.split([PDF, LRE, RLE]).next().unwrap_or("");
            runs += 1;
            phrases += usize::from(run.trim().contains(' '));
        }
    }
    runs >= 20 && phrases * 50 < runs
}

/// The line in logical order without its bidi controls; `None` when it has
/// none (the caller keeps the line as it is). `reading_order`: the text's
/// top-level runs are in reading order ([`runs_in_reading_order`]).
pub fn resolve(line: &str, reading_order: bool) -> Option<String> {
    if !line.chars().any(is_bidi_control) {
        return None;
    }
    let items = parse(line);
    let mut out = String::with_capacity(line.len());
    if reading_order {
        let rtl = line_is_rtl(line);
        for item in &items {
            write(item, rtl, &mut out);
        }
    } else if line_is_rtl(line) {
        // Characters outside any run are in visual order too: each stretch
        // of them is turned as a whole (its numbers keep their digits'
        // order: `-raw` writes `1514` bare).
        let mut k = items.len();
        while k > 0 {
            let start = items[..k]
                .iter()
                .rposition(|i| matches!(i, Item::Run { .. }))
                .map_or(0, |r| r + 1);
            if start == k {
                k -= 1;
                write(&items[k], true, &mut out);
                continue;
            }
            let bare: String = items[start..k]
                .iter()
                .filter_map(|i| match i {
                    Item::Char(c) => Some(*c),
                    Item::Run { .. } => None,
                })
                .collect();
            out.push_str(&super::visual::turn(&bare));
            k = start;
        }
    } else {
        for item in &items {
            write(item, false, &mut out);
        }
    }
    Some(out)
}

/// More Arabic letters than Latin ones.
fn line_is_rtl(line: &str) -> bool {
    let arabic = line.chars().filter(|&c| is_arabic_letter(c)).count();
    let latin = line.chars().filter(char::is_ascii_alphabetic).count();
    arabic > latin
}

fn write(item: &Item, in_rtl: bool, out: &mut String) {
    match item {
        Item::Char(c) => out.push(*c),
        // A right-to-left run with no Arabic in it (a whole English line
        // wrapped so) is no right-to-left context for what it holds.
        Item::Run { rtl: true, items } => {
            let arabic = has_arabic(items);
            items.iter().for_each(|i| write(i, arabic, out));
        }
        Item::Run { rtl: false, items } if in_rtl => {
            let mut text = String::new();
            items.iter().for_each(|i| write(i, false, &mut text));
            out.push_str(&ltr_in_rtl(&text));
        }
        Item::Run { items, .. } => items.iter().for_each(|i| write(i, false, out)),
    }
}

fn has_arabic(items: &[Item]) -> bool {
    items.iter().any(|i| match i {
        Item::Char(c) => is_arabic_letter(*c),
        Item::Run { items, .. } => has_arabic(items),
    })
}

/// A left-to-right run inside right-to-left text, written as seen, in the
/// order the right-to-left sentence reads it: the neutrals at its right
/// first (reversed), its core, the neutrals at its left (reversed).
pub fn ltr_in_rtl(run: &str) -> String {
    let strong = |c: char| c.is_alphanumeric() && !is_arabic_letter(c);
    let (Some(start), Some(end)) = (run.find(strong), run.rfind(strong)) else {
        return run.chars().rev().collect();
    };
    let end = end + run[end..].chars().next().map_or(1, char::len_utf8);
    let (lead, core, trail) = (&run[..start], &run[start..end], &run[end..]);
    let mut out: String = trail.chars().rev().collect();
    if core.chars().any(|c| c.is_alphabetic()) {
        out.push_str(core);
    } else {
        out.push_str(&numbers_in_reading_order(core));
    }
    out.extend(lead.chars().rev());
    out
}

/// Numbers separated by spaces or Arabic punctuation, written left to
/// right, in the order a right-to-left sentence reads them.
fn numbers_in_reading_order(core: &str) -> String {
    let mut tokens: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in core.char_indices() {
        if c.is_whitespace() || matches!(c, '،' | '؛') {
            if start < i {
                tokens.push(&core[start..i]);
            }
            tokens.push(&core[i..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    if start < core.len() {
        tokens.push(&core[start..]);
    }
    tokens.iter().rev().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Words used below: المقدمة "the introduction", سنة "year", ولا "and
    // not", الباحث "the researcher", إن "that", العدد "issue", كان "was".
    const INTRO: &str = "\u{627}\u{644}\u{645}\u{642}\u{62f}\u{645}\u{629}";
    const YEAR: &str = "\u{633}\u{646}\u{629}";
    const AND_NOT: &str = "\u{648}\u{644}\u{627}";
    const RESEARCHER: &str = "\u{627}\u{644}\u{628}\u{627}\u{62d}\u{62b}";
    const THAT: &str = "\u{625}\u{646}";
    const ISSUE: &str = "\u{627}\u{644}\u{639}\u{62f}\u{62f}";
    const WAS: &str = "\u{643}\u{627}\u{646}";

    #[test]
    fn a_numbered_heading() {
        // RLE LRE " .1" PDF المقدمة PDF is "1. المقدمة"
        let line = format!("{RLE}{LRE} .1{PDF}{INTRO}{PDF}");
        assert_eq!(resolve(&line, false).unwrap(), format!("1. {INTRO}"));
    }

    #[test]
    fn a_year_and_a_full_stop() {
        let line = format!("{RLE}{YEAR} {LRE} .1727{PDF}{AND_NOT}{PDF}");
        assert_eq!(
            resolve(&line, false).unwrap(),
            format!("{YEAR} 1727. {AND_NOT}")
        );
    }

    #[test]
    fn a_latin_citation_in_brackets() {
        let line = format!("{RLE}{RESEARCHER} ({LRE} )Lambton, 1988, p. 45{PDF}{THAT}{PDF}");
        assert_eq!(
            resolve(&line, false).unwrap(),
            format!("{RESEARCHER} (Lambton, 1988, p. 45) {THAT}")
        );
    }

    #[test]
    fn numbers_between_arabic_commas() {
        let line = format!("{RLE}{ISSUE} {LRE}2026 \u{60c}2{PDF}{PDF}");
        assert_eq!(
            resolve(&line, false).unwrap(),
            format!("{ISSUE} 2\u{60c} 2026")
        );
    }

    #[test]
    fn runs_of_a_right_to_left_line_come_in_visual_order() {
        // `-raw`: each word its own run, the line's words left to right,
        // the full stop at the left end outside the runs.
        let line = format!(".{RLE}{YEAR}{PDF} {RLE}{WAS}{PDF}");
        assert_eq!(resolve(&line, false).unwrap(), format!("{WAS} {YEAR}."));
        // Pieces of one word, glued: م + جلة is مجلة (journal).
        let line = format!("{RLE}\u{62c}\u{644}\u{629}{PDF}{RLE}\u{645}{PDF}");
        assert_eq!(
            resolve(&line, false).unwrap(),
            "\u{645}\u{62c}\u{644}\u{629}"
        );
    }

    #[test]
    fn an_english_line_wrapped_as_right_to_left_keeps_its_full_stop() {
        let line = format!("{RLE}{LRE}letter forms, made slow.{PDF}{PDF}");
        assert_eq!(resolve(&line, false).unwrap(), "letter forms, made slow.");
    }

    #[test]
    fn runs_of_single_words_tell_raw_from_default() {
        // كان (was) and قال الباحث (the researcher said)
        let word = "\u{202B}\u{643}\u{627}\u{646}\u{202C}";
        let phrase =
            "\u{202B}\u{642}\u{627}\u{644} \u{627}\u{644}\u{628}\u{627}\u{62d}\u{62b}\u{202C}";
        let raw = [word; 30].join(" ");
        assert!(runs_are_words(&raw));
        // pdftotext's default: runs hold phrases.
        let default = [phrase; 30].join(" ");
        assert!(!runs_are_words(&default));
        // Too few runs say nothing.
        assert!(!runs_are_words(&[word; 5].join(" ")));
    }

    #[test]
    fn a_viewers_copy_keeps_its_words_in_reading_order() {
        // Evince: each word its own run, in reading order, the full stop
        // in a run of its own at the end: كان سنة. ("was year.")
        let line = format!("{RLE}{WAS}{PDF} {RLE}{YEAR}{PDF} {RLE}{LRE}.{PDF}{PDF}");
        assert_eq!(resolve(&line, true).unwrap(), format!("{WAS} {YEAR} ."));
        let text = [line.as_str(); 3].join("\n");
        assert!(runs_in_reading_order(&text));
        // pdftotext `-raw`: the same words in visual order.
        let raw = format!("{RLE}{YEAR}.{PDF} {RLE}{WAS}{PDF}");
        assert!(!runs_in_reading_order(&[raw.as_str(); 3].join("\n")));
    }

    #[test]
    fn bare_numbers_between_runs_keep_their_digits_in_order() {
        // `-raw`: سنة 1514، with the number outside any run
        let line = format!("\u{60c}1514 {RLE}{YEAR}{PDF}");
        assert_eq!(
            resolve(&line, false).unwrap(),
            format!("{YEAR} 1514\u{60c}")
        );
    }

    #[test]
    fn left_to_right_lines_keep_their_order_and_lose_the_controls() {
        let line = format!("The word {RLE}{WAS}{PDF} means was.");
        assert_eq!(
            resolve(&line, false).unwrap(),
            format!("The word {WAS} means was.")
        );
        assert_eq!(resolve("no controls", false), None);
        assert!(!resolve(&format!("{PDF}{PDF}{RLE}x"), false)
            .unwrap()
            .chars()
            .any(is_bidi_control));
    }
}
