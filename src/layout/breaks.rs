//! Where a row may end: UAX #14 line-break opportunities.
//!
//! unicode-linebreak implements UAX #14 as of Unicode 15.0. Two rules added
//! in Unicode 15.1 matter in the essays hamish was made for, and are applied
//! here on top of it (ICU, the reference the goldens are checked against,
//! already follows both):
//! - LB15c, `SP ÷ IS NU`: after a space, a number that starts with a
//!   separator (".1917" as PDF extraction leaves it) may start a row;
//! - LB20a, word-initial hyphens: `(sot | SP | BK | CR | LF | NL | ZW | GL)
//!   (HY | U+2010) × (AL | HL)`, so "-انجلز" is not split after its hyphen.

use unicode_linebreak::{break_property, linebreaks, BreakClass};

use super::wrap::Break;

/// Break opportunities of `text` as (byte offset of the first byte after the
/// break, kind), sorted, excluding offset 0.
pub fn break_opportunities(text: &str) -> Vec<(usize, Break)> {
    let mut out: Vec<(usize, Break)> = linebreaks(text)
        .map(|(at, kind)| {
            let kind = match kind {
                unicode_linebreak::BreakOpportunity::Mandatory => Break::Mandatory,
                unicode_linebreak::BreakOpportunity::Allowed => Break::Allowed,
            };
            (at, kind)
        })
        .collect();
    apply_unicode_15_1_rules(text, &mut out);
    out
}

fn class(c: char) -> BreakClass {
    break_property(c as u32)
}

fn apply_unicode_15_1_rules(text: &str, breaks: &mut Vec<(usize, Break)>) {
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let after_word_start = |p: Option<char>| {
            p.is_none_or(|p| {
                matches!(
                    class(p),
                    BreakClass::Space
                        | BreakClass::Mandatory
                        | BreakClass::CarriageReturn
                        | BreakClass::LineFeed
                        | BreakClass::NextLine
                        | BreakClass::ZeroWidthSpace
                        | BreakClass::NonBreakingGlue
                )
            })
        };
        let is_class = |c: Option<char>, classes: &[BreakClass]| {
            c.is_some_and(|c| classes.contains(&class(c)))
        };
        // SP is U+0020 alone and HY is U+002D alone, so most characters are
        // ruled out before any table is consulted.
        if prev == Some(' ')
            && class(c) == BreakClass::InfixSeparator
            && is_class(next, &[BreakClass::Numeric])
        {
            added.push(at);
        } else if (c == '-' || c == '\u{2010}')
            && after_word_start(prev)
            && is_class(next, &[BreakClass::Alphabetic, BreakClass::HebrewLetter])
        {
            removed.push(at + c.len_utf8());
        }
        prev = Some(c);
    }
    if added.is_empty() && removed.is_empty() {
        return;
    }
    breaks.retain(|(at, kind)| *kind == Break::Mandatory || !removed.contains(at));
    for at in added {
        if let Err(i) = breaks.binary_search_by_key(&at, |&(b, _)| b) {
            breaks.insert(i, (at, Break::Allowed));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(text: &str) -> Vec<usize> {
        break_opportunities(text)
            .into_iter()
            .map(|(at, _)| at)
            .collect()
    }

    #[test]
    fn space_before_separator_and_number_may_break() {
        // "a .1917": LB15c allows a break before ".1917"
        assert_eq!(allowed("a .1917"), vec![2, 7]);
        // but not inside "a.1917" or before "." not followed by a digit
        assert_eq!(allowed("a.1917"), vec![6]);
    }

    #[test]
    fn word_initial_hyphen_stays_with_its_word() {
        // "على -انجلز": no break between "-" and the Arabic word
        let text = "\u{0639}\u{0644}\u{0649} -\u{0627}\u{0646}";
        let hyphen_end = text.find('-').unwrap() + 1;
        assert!(!allowed(text).contains(&hyphen_end));
        // a hyphen inside a word still allows a break after it
        assert!(allowed("well-known").contains(&5));
    }
}
