//! Right-to-left lines whose runs come in visual order while each run is
//! logical inside: PyMuPDF writes a line so when a number or a Latin
//! citation splits it (`، ولم تعرف … عربية1514 طبع أول … سنة` for
//! `طبع أول … سنة 1514، ولم تعرف … عربية`).
//!
//! - **Evidence** (any one): the line opens with punctuation that ends or
//!   closes something (`،` `.` `)` `:`); a full stop glued to the digits
//!   after it (`سنة.50`); three or more digits glued to the end of an
//!   Arabic word (`عربية1514`; footnote markers have one or two).
//! - **Turning**: the line is cut into Arabic runs and the left-to-right
//!   spans between them (Latin words, numbers, with their inner
//!   punctuation), and the pieces are put in reverse order. An opening
//!   bracket at the start of an Arabic run belongs at its end (`( ويرى
//!   غوتاس` before `Gutas`). A note's label at the start (`. 2`) stays
//!   first.
//! - Only lines with Arabic on both sides of a left-to-right span are
//!   turned, and only in paginated text without bidi controls (the caller
//!   decides).

use super::is_arabic_letter;

fn strong_ltr(c: char) -> bool {
    // The cheap tests first: most characters are Arabic letters.
    c.is_ascii_alphanumeric() || (!c.is_ascii() && !is_arabic_letter(c) && c.is_alphabetic())
}

/// The line shows that its runs are in visual order.
fn has_evidence(t: &str) -> bool {
    let opens_wrong = t.starts_with(['\u{60c}', '.', ')', ':']);
    let chars: Vec<char> = t.chars().collect();
    let stop_digit = chars
        .windows(2)
        .any(|w| w[0] == '.' && w[1].is_ascii_digit())
        && chars
            .windows(3)
            .any(|w| is_arabic_letter(w[0]) && w[1] == '.' && w[2].is_ascii_digit());
    let long_glued = chars
        .windows(4)
        .any(|w| is_arabic_letter(w[0]) && w[1..].iter().all(char::is_ascii_digit));
    opens_wrong || stop_digit || long_glued
}

/// The pieces of a line: (is a left-to-right span, text).
fn pieces(t: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let idx: Vec<(usize, char)> = t.char_indices().collect();
    let mut i = 0;
    while i < idx.len() {
        if !strong_ltr(idx[i].1) {
            i += 1;
            continue;
        }
        // A span: to the last strong left-to-right char before the next
        // Arabic letter.
        let mut last = i;
        let mut j = i;
        while j < idx.len() && !is_arabic_letter(idx[j].1) {
            if strong_ltr(idx[j].1) {
                last = j;
            }
            j += 1;
        }
        let (from, to) = (idx[i].0, idx[last].0 + idx[last].1.len_utf8());
        if from > start {
            out.push((false, &t[start..from]));
        }
        out.push((true, &t[from..to]));
        start = to;
        i = last + 1;
    }
    if start < t.len() {
        out.push((false, &t[start..]));
    }
    out
}

/// The line in reading order, or `None` when it shows no evidence or has
/// no span between Arabic runs.
pub fn turn(line: &str) -> Option<String> {
    let t = line.trim();
    let label_len = note_label_len(t);
    let (label, body) = t.split_at(label_len);
    let label_then_bracket = label_len > 0 && body.starts_with([')', '(']);
    if !(has_evidence(body) || label_then_bracket) {
        return None;
    }
    let parts = pieces(body);
    let inner = parts
        .iter()
        .enumerate()
        .any(|(k, &(ltr, _))| ltr && k > 0 && k + 1 < parts.len());
    let arabic = |s: &str| s.chars().any(is_arabic_letter);
    if !inner || !parts.iter().any(|&(ltr, s)| !ltr && arabic(s)) {
        return None;
    }
    let mut out = String::from(label.trim());
    if !out.is_empty() {
        out.push(' ');
    }
    for &(ltr, piece) in parts.iter().rev() {
        match piece.strip_prefix("( ").or_else(|| piece.strip_prefix('(')) {
            Some(rest) if !ltr => {
                out.push_str(rest.trim_end());
                out.push_str(" (");
            }
            _ => out.push_str(piece),
        }
    }
    Some(out.trim().to_string())
}

/// `. 2` or `.2` at the start: a note's label as PyMuPDF writes it.
fn note_label_len(t: &str) -> usize {
    let Some(rest) = t.strip_prefix('.') else {
        return 0;
    };
    let rest_trim = rest.trim_start();
    let digits = rest_trim.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && !rest_trim[digits..].starts_with(|c: char| c.is_ascii_digit() || c == '-')
    {
        t.len() - rest_trim.len() + digits
    } else {
        0
    }
}

/// `( ويقول الباحثLambton, 1988, p. 45) إن` → `ويقول الباحث (Lambton,
/// 1988, p. 45) إن`: PyMuPDF leaves the runs of such a line in order but
/// writes the opening bracket of a Latin citation at the line's start.
/// Evidence, all of it: the line opens with `( ` and an Arabic letter, its
/// first Latin letter is glued to an Arabic one, and a `)` closes the
/// Latin span before the next Arabic letter.
pub fn bracket_back(t: &str) -> Option<String> {
    let rest = t.strip_prefix("( ")?;
    if !rest.starts_with(is_arabic_letter) {
        return None;
    }
    let latin = rest.find(|c: char| c.is_ascii_alphabetic())?;
    let glued = rest[..latin]
        .chars()
        .next_back()
        .is_some_and(is_arabic_letter);
    let span = &rest[latin..];
    let close = span.find(')')?;
    let closed = !span[..close].contains(is_arabic_letter) && !span[..close].contains('(');
    (glued && closed).then(|| format!("{} ({span}", &rest[..latin]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_bracket_goes_back_before_its_citation() {
        // ويقول الباحث (and the scholar says), إن (that)
        let says = "\u{648}\u{64a}\u{642}\u{648}\u{644} \u{627}\u{644}\u{628}\u{627}\u{62d}\u{62b}";
        let that = "\u{625}\u{646}";
        assert_eq!(
            bracket_back(&format!("( {says}Lambton, 1988, p. 45) {that}")).unwrap(),
            format!("{says} (Lambton, 1988, p. 45) {that}")
        );
        assert_eq!(
            bracket_back(&format!("{says} (Lambton, 1988) {that}")),
            None
        );
        assert_eq!(bracket_back(&format!("( {says} Lambton {that}")), None);
    }

    // طبع "printed", سنة "year", ولم تعرف "and did not know", عربية "Arabic"
    const PRINTED: &str = "\u{637}\u{628}\u{639}";
    const YEAR: &str = "\u{633}\u{646}\u{629}";
    const DID_NOT: &str = "\u{648}\u{644}\u{645} \u{62a}\u{639}\u{631}\u{641}";
    const ARABIC: &str = "\u{639}\u{631}\u{628}\u{64a}\u{629}";

    #[test]
    fn runs_split_by_a_number_go_back_in_order() {
        let extracted = format!("\u{60c} {DID_NOT} {ARABIC}1514 {PRINTED} {YEAR}");
        assert_eq!(
            turn(&extracted).unwrap(),
            format!("{PRINTED} {YEAR}1514\u{60c} {DID_NOT} {ARABIC}")
        );
    }

    #[test]
    fn a_citation_in_brackets() {
        let extracted = format!(") {ARABIC}Gutas, 1998, p. 53( {PRINTED} {YEAR}");
        assert_eq!(
            turn(&extracted).unwrap(),
            format!("{PRINTED} {YEAR} (Gutas, 1998, p. 53) {ARABIC}")
        );
    }

    #[test]
    fn logical_lines_and_lines_without_evidence_stay() {
        for line in [
            format!("{PRINTED} {YEAR} 1514\u{60c} {DID_NOT}"),
            format!("{PRINTED}1 {YEAR}"),
            format!("\u{60c} {PRINTED} {YEAR}"),
            "Gutas, 1998.".to_string(),
        ] {
            assert_eq!(turn(&line), None, "{line}");
        }
    }
}
