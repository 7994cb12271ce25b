//! Text as extractors write it, put in logical order line by line before
//! the structure stage reads it.
//!
//! Each extractor family leaves its own evidence, and each fix needs it:
//! - **bidi controls** (poppler's pdftotext, all modes): runs and their
//!   direction; `controls` resolves them and removes them.
//! - **visual order** (pdfminer.six): whole right-to-left lines reversed;
//!   `visual` tells them by their letters and turns them.
//! - **runs in visual order** (PyMuPDF, paginated text without
//!   controls): a line split by a number or a Latin citation; `runs`.
//! - **control characters inside Arabic words** (a font's kashida glyph,
//!   U+0016 from PyMuPDF): removed; controls elsewhere stay, for the
//!   screen to show as symbols.
//! - **a bullet at the end of a left-to-right item** of a right-to-left
//!   list, where it is drawn: it goes first.
//! - **a right-to-left line opening with its final punctuation** (PyMuPDF
//!   puts the full stop at the left end, where it is drawn: `.الخط`): the
//!   punctuation goes back to the end. Only a line with Arabic letters right
//!   after it, in a text without bidi controls, is touched.

pub mod column_notes;
pub mod column_order;
pub mod columns;
pub mod controls;
pub mod raw_pieces;
pub mod runs;
#[cfg(test)]
mod test_pages;
pub mod unmapped;
pub mod visual;
pub mod visual_notes;
pub mod visual_numbers;

use std::borrow::Cow;

/// A letter of the Arabic script (not a digit, mark or punctuation).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{621}'..='\u{64A}' | '\u{66E}'..='\u{6D3}' | '\u{6FA}'..='\u{6FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// What a whole text says about how its lines were written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Family {
    /// pdftotext: bidi embedding controls around runs.
    pub controls: bool,
    /// A viewer's copy (Evince): the runs of a line in reading order, not
    /// visual order as pdftotext writes them.
    pub runs_in_reading_order: bool,
    /// `pdftotext -raw` (and a viewer's copy): every right-to-left run
    /// holds one word, and a printed line may come out cut into pieces
    /// (`raw_pieces`).
    pub word_runs: bool,
    /// pdfminer: right-to-left lines in visual order.
    pub visual: bool,
    /// Words that read reversed in the whole text: with fewer than two, no
    /// line of a logical text can be turned, and none is looked at.
    pub reversed_words: usize,
    /// Form feeds between pages, no bidi controls (PyMuPDF's recipe,
    /// pdfminer): lines split by numbers may have their runs in visual
    /// order (`runs`). Text without pages (seed 000) is left to the
    /// repairs of the structure stage.
    pub paged: bool,
}

impl Family {
    /// Read the evidence from the whole text (one pass).
    pub fn of(text: &str) -> Family {
        let controls = text.chars().any(controls::is_bidi_control);
        let (mut logical, mut reversed) = (0, 0);
        if !controls {
            for line in text.lines() {
                let (l, r) = visual::evidence(line);
                logical += l;
                reversed += r;
            }
        }
        Family {
            controls,
            runs_in_reading_order: controls && controls::runs_in_reading_order(text),
            word_runs: controls && controls::runs_are_words(text),
            visual: reversed > logical,
            reversed_words: reversed,
            paged: !controls && text.contains('\u{c}'),
        }
    }

    /// One line in logical order, without bidi controls.
    pub fn line<'a>(&self, raw: &'a str) -> Cow<'a, str> {
        // Unmapped glyphs first: inside words they hide which way a line
        // runs.
        match unmapped::drop_unmapped(raw) {
            Some(clean) => Cow::Owned(self.clean_line(&clean).into_owned()),
            None => self.clean_line(raw),
        }
    }

    /// [`Family::line`] for a line without unmapped glyphs in words.
    fn clean_line<'a>(&self, raw: &'a str) -> Cow<'a, str> {
        let line = if self.controls {
            controls::resolve(raw, self.runs_in_reading_order)
                .map_or(Cow::Borrowed(raw), Cow::Owned)
        } else if (self.visual || self.reversed_words >= 2)
            && raw.chars().any(is_arabic_letter)
            && visual::is_visual(raw, self.visual)
        {
            Cow::Owned(visual::turn(raw))
        } else if let Some(heading) = numbered_heading(raw) {
            Cow::Owned(heading)
        } else if let Some(turned) = self.paged.then(|| runs::turn(raw)).flatten() {
            Cow::Owned(turned)
        } else if let Some(fixed) = self.paged.then(|| runs::bracket_back(raw)).flatten() {
            Cow::Owned(fixed)
        } else {
            Cow::Borrowed(raw)
        };
        // The bullet first: `.Johns, 2002 •` then has its full stop
        // at the front for `final_punctuation_back`.
        let line = match bullet_to_front(&line) {
            Some(fixed) => Cow::Owned(fixed),
            None => line,
        };
        // Text cut into pieces opens a piece with the punctuation of the
        // piece before it: `raw_pieces` puts it back there.
        let line = match final_punctuation_back(&line) {
            Cow::Owned(fixed)
                if !self.word_runs
                    || self.runs_in_reading_order
                    || !line.chars().any(is_arabic_letter) =>
            {
                Cow::Owned(fixed)
            }
            _ => line,
        };
        match controls_inside_words(&line) {
            Some(fixed) => Cow::Owned(fixed),
            None => line,
        }
    }
}

/// Control characters between two Arabic letters: what some fonts'
/// kashida glyphs extract as (PyMuPDF writes U+0016), never text. They go
/// here, before headings and titles are read; controls anywhere else are
/// left for the screen to show as symbols.
fn controls_inside_words(line: &str) -> Option<String> {
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
    if !line.chars().any(control) {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        if control(chars[i]) && i > 0 && is_arabic_letter(chars[i - 1]) {
            let run = chars[i..].iter().take_while(|&&c| control(c)).count();
            if chars.get(i + run).is_some_and(|&c| is_arabic_letter(c)) {
                i += run;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    Some(out)
}

/// `. المقدمة1` → `1. المقدمة`: PyMuPDF writes a numbered heading's
/// number and full stop where they are drawn, at the two ends of the line.
/// Only a line of at most six words that opens with `. ` and an Arabic
/// letter and ends in one or two digits glued to a word.
fn numbered_heading(raw: &str) -> Option<String> {
    let t = raw.trim();
    let words = t.strip_prefix(". ")?;
    let digits = words.chars().rev().take_while(char::is_ascii_digit).count();
    let title = &words[..words.len() - digits];
    let fits = (1..=2).contains(&digits)
        && title.starts_with(is_arabic_letter)
        && title.ends_with(is_arabic_letter)
        && title.split_whitespace().count() <= 6;
    fits.then(|| format!("{}. {title}", &words[title.len()..]))
}

/// `.الخط المكتوب` → `الخط المكتوب.`: a right-to-left line that opens with
/// sentence-final punctuation straight before an Arabic letter; and
/// `.Leiden, 2010` → `Leiden, 2010.`, a Latin line set in a right-to-left
/// page, whose full stop glued to its first letter no sentence starts with.
fn final_punctuation_back(raw: &str) -> Cow<'_, str> {
    // After a bullet, the item's own line.
    let trimmed = raw.trim_start();
    let bullet = trimmed
        .strip_prefix('\u{2022}')
        .filter(|rest| rest.starts_with(' '))
        .map(|rest| (&trimmed[..trimmed.len() - rest.len()], rest));
    if let Some((mark, rest)) = bullet {
        return match final_punctuation_back(rest) {
            Cow::Owned(fixed) => Cow::Owned(format!("{mark} {fixed}")),
            Cow::Borrowed(_) => Cow::Borrowed(raw),
        };
    }
    let t = raw.trim_start();
    let punct: String = t
        .chars()
        .take_while(|c| matches!(c, '.' | '،' | ':' | '؛' | '؟' | '!' | ','))
        .collect();
    let glued = &t[punct.len()..];
    let rest = glued.trim_start();
    let arabic = rest.chars().next().is_some_and(is_arabic_letter);
    let latin = glued.starts_with(|c: char| c.is_ascii_alphabetic())
        && !raw.chars().any(is_arabic_letter)
        && (punct == "." || punct == ",");
    if punct.is_empty() || !(arabic || latin) {
        return Cow::Borrowed(raw);
    }
    let rest = rest.trim_end();
    Cow::Owned(format!("{rest}{punct}"))
}

/// `Kilito, Abdelfattah. Les •` → `• Kilito, Abdelfattah. Les`: a
/// right-to-left list's bullet stands at the right of its items, so an
/// item in a left-to-right script comes out with the bullet at its end.
/// Only a line with no Arabic letter that ends in a bullet after a space.
///
/// An Arabic item can end in its bullet too, when pdftotext wraps the
/// bullet with the punctuation before it in a left-to-right run and sets
/// that run last: `البيروني، … الأسطرلاب، •`, `القاهرة، 1929 •.` or
/// `.ابن … 1929 •` (a
/// bullet never ends an item, and the full stop after it is the item's).
fn bullet_to_front(line: &str) -> Option<String> {
    let trimmed = line.trim_end();
    // The full stop after the bullet, or (set where it is drawn) first.
    let stop_first = trimmed
        .strip_prefix('.')
        .filter(|rest| rest.starts_with(is_arabic_letter));
    let (item, stop) = match (trimmed.strip_suffix('.'), stop_first) {
        (Some(before), _) if before.ends_with('\u{2022}') => (before, "."),
        (_, Some(rest)) => (rest, "."),
        _ => (trimmed, ""),
    };
    let item = item.strip_suffix('\u{2022}')?;
    let arabic = item.chars().any(is_arabic_letter);
    let latin = stop.is_empty() && item.ends_with(' ') && item.chars().any(|c| c.is_alphabetic());
    // The run moved with its punctuation: a comma before the bullet or a
    // full stop after it. A bare `word •` may be a list drawn so.
    let moved = !stop.is_empty() || item.trim_end().ends_with(['\u{60c}', ',']);
    let rtl_item = arabic
        && moved
        && !item.contains('\u{2022}')
        && item.trim_start().starts_with(is_arabic_letter);
    ((latin && !arabic) || rtl_item).then(|| format!("\u{2022} {}{stop}", item.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    // الخط المكتوب "the written script"
    const SCRIPT: &str =
        "\u{627}\u{644}\u{62e}\u{637} \u{627}\u{644}\u{645}\u{643}\u{62a}\u{648}\u{628}";

    #[test]
    fn final_punctuation_goes_back_to_the_end() {
        assert_eq!(
            final_punctuation_back(&format!(".{SCRIPT}")),
            format!("{SCRIPT}.")
        );
        assert_eq!(
            final_punctuation_back(&format!(" :{SCRIPT} ")),
            format!("{SCRIPT}:")
        );
        assert_eq!(final_punctuation_back(".Leiden, 2010"), "Leiden, 2010.");
        assert_eq!(
            final_punctuation_back("\u{2022} .Roper, 2010"),
            "\u{2022} Roper, 2010."
        );
        for clean in [SCRIPT, ". Latin", "...", "1. Heading", "Text."] {
            assert_eq!(final_punctuation_back(clean), clean);
        }
    }

    #[test]
    fn a_bullet_at_the_end_goes_to_the_front() {
        assert_eq!(
            bullet_to_front(".Johns, 2002 \u{2022}").as_deref(),
            Some("\u{2022} .Johns, 2002")
        );
        assert_eq!(
            final_punctuation_back("\u{2022} .Johns, 2002"),
            "\u{2022} Johns, 2002."
        );
        for clean in [
            "\u{2022} Johns, 2002.",
            "Johns, 2002.",
            "\u{2022}",
            "\u{2022} \u{2022}",
        ] {
            assert_eq!(bullet_to_front(clean), None);
        }
    }

    #[test]
    fn a_bullet_drawn_at_the_right_of_a_latin_item_goes_first() {
        assert_eq!(
            bullet_to_front("Kilito, Abdelfattah. Les \u{2022}").unwrap(),
            "\u{2022} Kilito, Abdelfattah. Les"
        );
        // An Arabic item, a bullet in the middle, no bullet: untouched.
        // البيروني، تحقيق، • (al-Biruni, edited,): an Arabic item whose
        // bullet pdftotext set last, with the full stop after it or not.
        let biruni = "\u{627}\u{644}\u{628}\u{64a}\u{631}\u{648}\u{646}\u{64a}\u{60c} \u{62a}\u{62d}\u{642}\u{64a}\u{642}\u{60c}";
        assert_eq!(
            bullet_to_front(&format!("{biruni} \u{2022}")).unwrap(),
            format!("\u{2022} {biruni}")
        );
        assert_eq!(
            bullet_to_front(&format!("{biruni} 1929 \u{2022}.")).unwrap(),
            format!("\u{2022} {biruni} 1929.")
        );
        assert_eq!(
            bullet_to_front(&format!(".{biruni} 1929 \u{2022}")).unwrap(),
            format!("\u{2022} {biruni} 1929.")
        );
        assert_eq!(bullet_to_front(&format!("{SCRIPT} \u{2022}")), None);
        assert_eq!(bullet_to_front("a \u{2022} b"), None);
        assert_eq!(bullet_to_front("\u{2022} Kilito"), None);
    }

    #[test]
    fn controls_inside_arabic_words_go() {
        // مقامة with five U+0016 for its kashida
        let line = "\u{645}\u{642}\u{627}\u{645}\u{16}\u{16}\u{16}\u{16}\u{16}\u{629} \u{1b}[0m";
        assert_eq!(
            controls_inside_words(line).unwrap(),
            "\u{645}\u{642}\u{627}\u{645}\u{629} \u{1b}[0m"
        );
        assert_eq!(controls_inside_words("plain"), None);
    }

    #[test]
    fn numbered_headings_drawn_apart() {
        // ". المقدمة1" is "1. المقدمة" (1. the introduction)
        let intro = "\u{627}\u{644}\u{645}\u{642}\u{62f}\u{645}\u{629}";
        assert_eq!(
            numbered_heading(&format!(". {intro}1")).unwrap(),
            format!("1. {intro}")
        );
        assert_eq!(numbered_heading(&format!("{intro}1.")), None);
        assert_eq!(numbered_heading(&format!(". {intro}")), None);
        assert_eq!(numbered_heading(&format!(". {intro} 1917")), None);
    }

    #[test]
    fn the_family_is_read_from_the_whole_text() {
        assert!(Family::of("a \u{202B}x\u{202C}").controls);
        let reversed: String = "\u{645}\u{62c}\u{644}\u{629}".chars().rev().collect();
        assert!(Family::of(&reversed).visual);
        assert_eq!(Family::of("plain"), Family::default());
    }
}
