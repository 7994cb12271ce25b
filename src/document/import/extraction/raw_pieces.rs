//! Lines that `pdftotext -raw` cut into pieces, put back together.
//!
//! `-raw` writes the words in the order the PDF draws them and starts a
//! new output line wherever the direction or the baseline changes, so one
//! printed line of right-to-left text comes out as several: the Arabic
//! words, then a number or a Latin citation on a line of its own, then
//! the punctuation after it opening the next piece (`1727` / `. ولا`); a
//! raised footnote marker alone (`الشائعة` / `1` / `.`); a list's bullet
//! alone before its item; a numbered heading's number alone before its
//! title (`2` / `. القنوات`). The pieces come in reading order, so what
//! was cut apart is put back where it stood:
//! - **punctuation opening a piece** ends the piece before it (the
//!   sentence's full stop after a number or a marker);
//! - **a bullet alone** opens the item after it;
//! - **a heading's number alone** (`2.` after a finished sentence, the
//!   page's top or a heading, and before a short line that ends no
//!   sentence) opens its title;
//! - **punctuation alone between Latin lines** (a Latin paragraph set in a
//!   right-to-left page: its neutrals are drawn as a run of their own
//!   before the words) goes to the end of the line after it, where a
//!   paragraph's full stop stands.
//!
//! A piece joined to its neighbour leaves the page; its text is in the
//! neighbour's line. Only text whose runs are single words (the family's
//! evidence, `Family::word_runs`) is read so.

use std::borrow::Cow;

use super::is_arabic_letter;
use crate::document::import::heading_words::{classify_heading, is_standard_heading};
use crate::document::import::paginated::SourceLine;
use crate::document::model::SectionKind;

/// Put the pieces of a page's lines back together.
pub fn rejoin(lines: &mut Vec<SourceLine<'_>>) {
    heading_numbers_to_their_titles(lines);
    punctuation_to_the_piece_before(lines);
    numbers_to_the_piece_before(lines);
    latin_punctuation_to_the_line_after(lines);
    bullets_to_their_items(lines);
}

/// Sentence punctuation: what a piece may open with when it belongs to
/// the piece before.
fn is_sentence_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ':' | ';' | '!' | '\u{60c}' | '\u{61b}' | '\u{61f}'
    )
}

/// The punctuation a line opens with (with the spaces after it), and the
/// rest of the line.
fn leading_punctuation(t: &str) -> Option<(&str, &str)> {
    let end = t
        .char_indices()
        .find(|&(_, c)| !is_sentence_punctuation(c) && c != ' ')
        .map_or(t.len(), |(i, _)| i);
    (end > 0).then(|| (t[..end].trim_end(), &t[end..]))
}

/// `1727` / `. ولا يمكن` → `1727.` / `ولا يمكن`; `الشائعة` / `1` / `.`
/// → `الشائعة` / `1.`. Only after a number alone on its line: the
/// direction changed there, which is why the piece was cut. After a
/// number of one or two digits (a marker, perhaps) only a full stop
/// moves (`2.` still reads as a marker set apart).
fn punctuation_to_the_piece_before(lines: &mut Vec<SourceLine<'_>>) {
    let mut i = 0;
    while i < lines.len() {
        let prev = if i > 0 {
            lines[i - 1].text.as_ref()
        } else {
            ""
        };
        let number = !prev.is_empty() && prev.bytes().all(|b| b.is_ascii_digit());
        let Some((punct, rest)) = leading_punctuation(&lines[i].text) else {
            i += 1;
            continue;
        };
        // Punctuation before a number (`.2`, a note's label drawn as
        // seen) is the number's.
        let opens_words = rest.is_empty() || rest.starts_with(is_arabic_letter);
        let fits = prev.len() > 2 || punct == ".";
        if !(number && opens_words && fits) {
            // Any other piece opening with punctuation before its words
            // is a line drawn so: the punctuation ends it.
            if let Cow::Owned(fixed) = super::final_punctuation_back(&lines[i].text) {
                lines[i].text = fixed.into();
            }
            i += 1;
            continue;
        }
        let (punct, rest) = (punct.to_string(), rest.trim().to_string());
        lines[i - 1].text.to_mut().push_str(&punct);
        if rest.is_empty() {
            lines.remove(i);
        } else {
            lines[i].text = rest.into();
            i += 1;
        }
    }
}

/// `سنة` / `1244.` → `سنة 1244.`: a number of three digits or more
/// (no marker) after an unfinished piece with Arabic letters is the rest
/// of its line, so a paragraph does not end at it. Never the page's first
/// or last line (a page number stands there).
fn numbers_to_the_piece_before(lines: &mut Vec<SourceLine<'_>>) {
    let mut i = 1;
    while i + 1 < lines.len() {
        let t = lines[i].text.as_ref();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let number = digits >= 3 && t[digits..].chars().all(is_sentence_punctuation);
        let prev = lines[i - 1].text.as_ref();
        let unfinished = prev.chars().any(is_arabic_letter) && !ends_sentence(prev);
        if number && unfinished {
            let joined = format!("{prev} {t}");
            lines[i - 1].text = joined.into();
            lines.remove(i);
        } else {
            i += 1;
        }
    }
}

/// A line with Latin letters and no Arabic ones.
fn is_latin(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_alphabetic()) && !t.chars().any(is_arabic_letter)
}

/// `•` / `item` → `• item`. A bullet after another lone bullet is one of
/// a list whose bullets all come after their items (drawn last), and a
/// line without letters is no item.
fn bullets_to_their_items(lines: &mut Vec<SourceLine<'_>>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let next = lines[i + 1].text.as_ref();
        let lone = |l: &SourceLine| l.text == "\u{2022}";
        let after_bullet = i > 0 && lone(&lines[i - 1]);
        let item = next.chars().any(char::is_alphabetic) && !next.starts_with('\u{2022}');
        if lone(&lines[i]) && !after_bullet && item {
            let item = format!("\u{2022} {next}");
            lines[i + 1].text = item.into();
            lines.remove(i);
        }
        i += 1;
    }
}

/// `2` / `. القنوات والآبار` → `2. القنوات والآبار`: the number's full
/// stop opens the title's piece. Only when what stands before the number
/// is no unfinished sentence (the number would be a marker then, and the
/// stop the sentence's) or the title names a part, and the title is short
/// and ends no sentence.
fn heading_numbers_to_their_titles(lines: &mut Vec<SourceLine<'_>>) {
    let mut i = 0;
    while i + 1 < lines.len() {
        let number = lines[i].text.as_ref();
        let is_number =
            (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
        let after_finished = i == 0 || ends_sentence(&lines[i - 1].text);
        let Some(title) = lines[i + 1].text.strip_prefix(". ") else {
            i += 1;
            continue;
        };
        let is_title = title.starts_with(is_arabic_letter)
            && title.split_whitespace().count() <= 6
            && !ends_sentence(title);
        // A part's own name (`المقدمة`) says heading wherever it stands
        // (after a running head's last number, say).
        let named = is_standard_heading(title) || classify_heading(title).0 != SectionKind::Body;
        if is_number && (after_finished || named) && is_title {
            let heading = format!("{number}. {title}");
            lines[i + 1].text = heading.into();
            lines.remove(i);
        }
        i += 1;
    }
}

/// A sentence ends here, or nothing is written (an empty line).
fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end();
    t.is_empty() || t.ends_with(['.', ':', '!', '?', '\u{61f}'])
}

/// `.` / `and costly` → `and costly.`: punctuation alone after a Latin
/// line and before one goes to the end of the line after it.
fn latin_punctuation_to_the_line_after(lines: &mut Vec<SourceLine<'_>>) {
    let mut i = 1;
    while i + 1 < lines.len() {
        let alone = leading_punctuation(&lines[i].text).is_some_and(|(_, rest)| rest.is_empty())
            || only_punctuation_and_numbers(&lines[i].text);
        if alone && is_latin(&lines[i - 1].text) && is_latin(&lines[i + 1].text) {
            let punct = lines[i].text.trim().to_string();
            let after = &mut lines[i + 1].text;
            let joined = format!("{} {punct}", after.trim_end());
            *after = joined.into();
            lines.remove(i);
        } else {
            i += 1;
        }
    }
}

/// `, 1820,`: punctuation and numbers, at least one of each.
fn only_punctuation_and_numbers(t: &str) -> bool {
    let t = t.trim();
    t.chars().any(is_sentence_punctuation)
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || is_sentence_punctuation(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(texts: &[&'static str]) -> Vec<SourceLine<'static>> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| SourceLine::plain(t, 1, i as u32, 0, 0))
            .collect()
    }

    fn texts(lines: &[SourceLine]) -> Vec<String> {
        lines.iter().map(|l| l.text.to_string()).collect()
    }

    // سنة "year"; ولا يمكن "and it cannot"; الشائعة "the common (one)"
    const YEAR: &str = "\u{633}\u{646}\u{629}";
    const CANNOT: &str = "\u{648}\u{644}\u{627} \u{64a}\u{645}\u{643}\u{646}";
    const COMMON: &str = "\u{627}\u{644}\u{634}\u{627}\u{626}\u{639}\u{629}";
    // القنوات والآبار "the canals and the wells"
    const CANALS: &str = "\u{627}\u{644}\u{642}\u{646}\u{648}\u{627}\u{62a} \u{648}\u{627}\u{644}\u{622}\u{628}\u{627}\u{631}";

    #[test]
    fn punctuation_after_a_number_goes_back_to_it() {
        let mut lines = page(&[YEAR, "1727", ".", CANNOT]);
        // "." alone is the number's; the next piece keeps its words (and
        // the number, inside the sentence, rejoins its line).
        rejoin(&mut lines);
        assert_eq!(texts(&lines), [format!("{YEAR} 1727."), CANNOT.into()]);
        let opening = format!(". {CANNOT}");
        let mut lines = page(&[YEAR, "1727"]);
        lines.push(SourceLine::plain(&opening, 1, 2, 0, 0));
        rejoin(&mut lines);
        assert_eq!(texts(&lines), [format!("{YEAR} 1727."), CANNOT.into()]);
        // A note's label as drawn (`.2` for `2.`) keeps its full stop.
        let mut lines = page(&[CANNOT, ".2"]);
        rejoin(&mut lines);
        assert_eq!(texts(&lines), [CANNOT, ".2"]);
        // After words the cut was no number's: `: title` is a line
        // drawn with its colon at the left, which goes to its end.
        let colon = format!(": {CANNOT}");
        let mut lines = page(&[YEAR]);
        lines.push(SourceLine::plain(&colon, 1, 1, 0, 0));
        rejoin(&mut lines);
        assert_eq!(texts(&lines), [YEAR.to_string(), format!("{CANNOT}:")]);
        // After a possible marker only a full stop moves.
        let comma = format!("\u{60c} {CANNOT}");
        let mut lines = page(&[YEAR, "1"]);
        lines.push(SourceLine::plain(&comma, 1, 2, 0, 0));
        rejoin(&mut lines);
        assert_eq!(
            texts(&lines),
            [YEAR.to_string(), "1".into(), format!("{CANNOT}\u{60c}")]
        );
    }

    #[test]
    fn a_marker_alone_takes_the_full_stop_after_it() {
        let mut lines = page(&[COMMON, "1", "."]);
        rejoin(&mut lines);
        // An unfinished line before it: a marker, never a heading.
        assert_eq!(texts(&lines), [COMMON, "1."]);
    }

    #[test]
    fn a_heading_number_opens_its_title() {
        let finished = "\u{627}\u{644}\u{647}\u{62c}\u{631}\u{64a}.";
        let opening = format!(". {CANALS}");
        let mut lines = page(&[finished, "2"]);
        lines.push(SourceLine::plain(&opening, 1, 2, 0, 0));
        rejoin(&mut lines);
        assert_eq!(
            texts(&lines),
            [finished.to_string(), format!("2. {CANALS}")]
        );
        // After an unfinished line the number is a marker.
        let mut lines = page(&[COMMON, "2"]);
        lines.push(SourceLine::plain(&opening, 1, 2, 0, 0));
        rejoin(&mut lines);
        assert_eq!(
            texts(&lines),
            [COMMON.to_string(), "2.".into(), CANALS.into()]
        );
    }

    #[test]
    fn a_bullet_alone_opens_its_item() {
        let mut lines = page(&["\u{2022}", CANALS, "\u{2022}", "\u{2022}", CANALS]);
        rejoin(&mut lines);
        // Bullets drawn after their items stay where they are.
        assert_eq!(
            texts(&lines),
            [
                format!("\u{2022} {CANALS}"),
                "\u{2022}".into(),
                "\u{2022}".into(),
                CANALS.into()
            ]
        );
        let mut lines = page(&["\u{2022}", ".1"]);
        rejoin(&mut lines);
        assert_eq!(texts(&lines), ["\u{2022}", ".1"]);
    }

    #[test]
    fn a_number_inside_a_sentence_rejoins_its_line() {
        let mut lines = page(&[YEAR, "1244", ".", CANNOT, "1245"]);
        rejoin(&mut lines);
        // The page's last line may be its number: it stays.
        assert_eq!(
            texts(&lines),
            [format!("{YEAR} 1244."), CANNOT.into(), "1245".into()]
        );
        let finished = format!("{YEAR}.");
        let mut lines = page(&[YEAR, "1244", CANNOT]);
        lines[0].text = finished.clone().into();
        rejoin(&mut lines);
        assert_eq!(texts(&lines), [finished, "1244".into(), CANNOT.into()]);
    }

    #[test]
    fn punctuation_between_latin_lines_ends_the_line_after() {
        let mut lines = page(&["type slow", ".", "and costly", ", 1820,", "in Cairo in"]);
        rejoin(&mut lines);
        assert_eq!(
            texts(&lines),
            ["type slow", "and costly .", "in Cairo in , 1820,"]
        );
        // Before a list's next item it stays: it ends the item before.
        let mut lines = page(&["Paper in", ".", "\u{2022}", "Hunter, Dard."]);
        rejoin(&mut lines);
        assert_eq!(texts(&lines), ["Paper in", ".", "\u{2022} Hunter, Dard."]);
    }

    #[test]
    fn clean_lines_stay_as_they_are() {
        let clean = [
            "An English line.",
            "2026",
            "1. A numbered line",
            CANALS,
            "\u{2022} item",
        ];
        let mut lines = page(&clean);
        rejoin(&mut lines);
        assert_eq!(texts(&lines), clean);
    }
}
