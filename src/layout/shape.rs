//! Arabic contextual shaping for terminals that draw every letter isolated.
//!
//! Terminals such as xterm, kitty or Alacritty draw each Arabic letter in its
//! isolated form, so words come out as strings of unjoined letters. Mapping
//! each letter to its Presentation Form (isolated, final, initial, medial) and
//! lam + alef to its ligature lets any font show joined Arabic.
//!
//! Written here rather than taken from a reshaping crate because the layout
//! needs the shaping per grapheme and per logical byte range (a cell must still
//! know which bytes of the source it shows, for search, copy and footnote
//! markers), while the crates we looked at (ar-reshaper, arabic_reshaper) map a
//! string to a string, drop harakat by default and add multi-letter ligatures
//! whose width no terminal agrees on.
//!
//! Only the forms in Arabic Presentation Forms-A/B are produced: harakat stay
//! as they are, after their (shaped) base; letters without presentation forms
//! are left unshaped and do not join, which is what a font without them would
//! show anyway.

/// How a character takes part in cursive joining (Unicode's Joining_Type,
/// restricted to what has presentation forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joining {
    /// Joins on both sides (beh, seen, lam…); has four forms.
    Dual,
    /// Joins only to the letter before it (alef, dal, reh, waw…); two forms.
    Right,
    /// Makes its neighbours join but has no forms (tatweel, ZWJ).
    Causing,
    /// Does not join.
    None,
}

/// Joining type of `c` and the code point of its isolated presentation form
/// (the final, initial and medial forms follow it in that order). Every
/// shaped letter lies in U+0600..U+06FF, so a table indexed by the low byte
/// answers in one load; it is built at compile time from [`letter_entry`].
fn letter(c: char) -> Option<(Joining, u32)> {
    const TABLE: [Option<(Joining, u32)>; 256] = {
        let mut table = [None; 256];
        let mut i = 0;
        while i < 256 {
            if let Some(c) = char::from_u32(0x600 + i as u32) {
                table[i] = letter_entry(c);
            }
            i += 1;
        }
        table
    };
    let cp = c as u32;
    if (0x600..0x700).contains(&cp) {
        TABLE[(cp - 0x600) as usize]
    } else {
        None
    }
}

const fn letter_entry(c: char) -> Option<(Joining, u32)> {
    use Joining::{Dual as D, Right as R};
    let entry = match c {
        '\u{0621}' => (Joining::None, 0xFE80),
        '\u{0622}' => (R, 0xFE81),
        '\u{0623}' => (R, 0xFE83),
        '\u{0624}' => (R, 0xFE85),
        '\u{0625}' => (R, 0xFE87),
        '\u{0626}' => (D, 0xFE89),
        '\u{0627}' => (R, 0xFE8D),
        '\u{0628}' => (D, 0xFE8F),
        '\u{0629}' => (R, 0xFE93),
        '\u{062A}' => (D, 0xFE95),
        '\u{062B}' => (D, 0xFE99),
        '\u{062C}' => (D, 0xFE9D),
        '\u{062D}' => (D, 0xFEA1),
        '\u{062E}' => (D, 0xFEA5),
        '\u{062F}' => (R, 0xFEA9),
        '\u{0630}' => (R, 0xFEAB),
        '\u{0631}' => (R, 0xFEAD),
        '\u{0632}' => (R, 0xFEAF),
        '\u{0633}' => (D, 0xFEB1),
        '\u{0634}' => (D, 0xFEB5),
        '\u{0635}' => (D, 0xFEB9),
        '\u{0636}' => (D, 0xFEBD),
        '\u{0637}' => (D, 0xFEC1),
        '\u{0638}' => (D, 0xFEC5),
        '\u{0639}' => (D, 0xFEC9),
        '\u{063A}' => (D, 0xFECD),
        '\u{0641}' => (D, 0xFED1),
        '\u{0642}' => (D, 0xFED5),
        '\u{0643}' => (D, 0xFED9),
        '\u{0644}' => (D, 0xFEDD),
        '\u{0645}' => (D, 0xFEE1),
        '\u{0646}' => (D, 0xFEE5),
        '\u{0647}' => (D, 0xFEE9),
        '\u{0648}' => (R, 0xFEED),
        // Alef maksura is dual-joining in Unicode, but Forms-B has only its
        // isolated and final forms; it ends words, so treat it as right-joining.
        '\u{0649}' => (R, 0xFEEF),
        '\u{064A}' => (D, 0xFEF1),
        '\u{0671}' => (R, 0xFB50),
        '\u{0679}' => (D, 0xFB66),
        '\u{067E}' => (D, 0xFB56),
        '\u{0686}' => (D, 0xFB7A),
        '\u{0688}' => (R, 0xFB88),
        '\u{0691}' => (R, 0xFB8C),
        '\u{0698}' => (R, 0xFB8A),
        '\u{06A4}' => (D, 0xFB6A),
        '\u{06A9}' => (D, 0xFB8E),
        '\u{06AF}' => (D, 0xFB92),
        '\u{06BE}' => (D, 0xFBAA),
        '\u{06C1}' => (D, 0xFBA6),
        '\u{06CC}' => (D, 0xFBFC),
        '\u{06D2}' => (R, 0xFBAE),
        _ => return None,
    };
    Some(entry)
}

/// Joining behaviour of a whole grapheme, judged by its base character.
pub fn joining(grapheme: &str) -> Joining {
    let Some(base) = grapheme.chars().next() else {
        return Joining::None;
    };
    let joining = match base {
        '\u{0640}' | '\u{200D}' => Joining::Causing,
        _ => match letter(base) {
            Some((j, _)) => j,
            None => return Joining::None,
        },
    };
    // A ZWNJ inside the cluster (after the base) stops it joining onwards;
    // treating the whole cluster as non-joining is the safe reading.
    if grapheme.len() > base.len_utf8() && grapheme.contains('\u{200C}') {
        return Joining::None;
    }
    joining
}

/// The four contextual forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Isolated = 0,
    Final = 1,
    Initial = 2,
    Medial = 3,
}

impl Form {
    /// The form of a letter that joins to the previous letter and/or the next.
    pub fn from_joins(joins_prev: bool, joins_next: bool) -> Form {
        match (joins_prev, joins_next) {
            (false, false) => Form::Isolated,
            (true, false) => Form::Final,
            (false, true) => Form::Initial,
            (true, true) => Form::Medial,
        }
    }
}

/// The presentation form of base letter `c` in form `form`, if it has one.
pub fn presentation_form(c: char, form: Form) -> Option<char> {
    let (joining, isolated) = letter(c)?;
    let offset = match (joining, form) {
        (Joining::Dual, f) => f as u32,
        (Joining::Right, Form::Isolated | Form::Initial) => 0,
        (Joining::Right, Form::Final | Form::Medial) => 1,
        _ => 0,
    };
    char::from_u32(isolated + offset)
}

/// The lam-alef ligature for lam followed by `alef`, in isolated or final form.
pub fn lam_alef_ligature(alef: char, joins_prev: bool) -> Option<char> {
    let isolated = match alef {
        '\u{0622}' => 0xFEF5, // with madda above
        '\u{0623}' => 0xFEF7, // with hamza above
        '\u{0625}' => 0xFEF9, // with hamza below
        '\u{0627}' => 0xFEFB,
        _ => return None,
    };
    char::from_u32(isolated + u32::from(joins_prev))
}

/// What shaping decides for one grapheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shaped {
    /// Keep the grapheme as it is.
    Keep,
    /// Show this presentation form in place of the base letter.
    Form(char),
    /// This lam and the alef after it become one ligature cell.
    LamAlef(char),
}

/// One grapheme as shaping sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Letter {
    /// Its first character.
    pub base: char,
    /// How it joins (from [`joining`]).
    pub joining: Joining,
    /// It directly follows the previous grapheme in the source (no bidi
    /// control or dropped character between them); letters join only then.
    pub adjacent: bool,
}

impl Letter {
    pub fn of(grapheme: &str, adjacent: bool) -> Letter {
        Letter {
            base: grapheme.chars().next().unwrap_or(' '),
            joining: joining(grapheme),
            adjacent,
        }
    }
}

/// Shape a run of graphemes given in logical order. `adjacent[i]` says whether
/// grapheme `i` directly follows grapheme `i - 1` in the source. The result
/// has one entry per grapheme; the alef after a `LamAlef` gets `Keep` and is
/// to be merged into the lam's cell by the caller.
pub fn shape(graphemes: &[&str], adjacent: &[bool]) -> Vec<Shaped> {
    let letters: Vec<Letter> = graphemes
        .iter()
        .zip(adjacent)
        .map(|(g, &a)| Letter::of(g, a))
        .collect();
    shape_letters(&letters)
}

/// [`shape`] on graphemes already described as [`Letter`]s.
pub fn shape_letters(letters: &[Letter]) -> Vec<Shaped> {
    let n = letters.len();
    let links_forward = |j: Joining| matches!(j, Joining::Dual | Joining::Causing);
    let links_backward =
        |j: Joining| matches!(j, Joining::Dual | Joining::Right | Joining::Causing);
    let mut out = vec![Shaped::Keep; n];
    let mut i = 0;
    while i < n {
        let this = letters[i];
        if this.joining == Joining::None {
            i += 1;
            continue;
        }
        let joins_prev = i > 0
            && this.adjacent
            && links_forward(letters[i - 1].joining)
            && links_backward(this.joining);
        // lam + alef: one ligature cell (a ZWNJ in either makes it
        // non-joining, and it is skipped above or here).
        if this.base == '\u{0644}'
            && i + 1 < n
            && letters[i + 1].adjacent
            && letters[i + 1].joining != Joining::None
        {
            if let Some(lig) = lam_alef_ligature(letters[i + 1].base, joins_prev) {
                out[i] = Shaped::LamAlef(lig);
                i += 2;
                continue;
            }
        }
        let joins_next = i + 1 < n
            && letters[i + 1].adjacent
            && links_forward(this.joining)
            && links_backward(letters[i + 1].joining);
        if let Some(form) = presentation_form(this.base, Form::from_joins(joins_prev, joins_next)) {
            out[i] = Shaped::Form(form);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> String {
        use unicode_segmentation::UnicodeSegmentation;
        let gs: Vec<&str> = text.graphemes(true).collect();
        let adjacent = vec![true; gs.len()];
        let shaped = shape(&gs, &adjacent);
        let mut out = String::new();
        let mut skip = false;
        for (g, s) in gs.iter().zip(shaped) {
            if skip {
                skip = false;
                out.extend(g.chars().skip(1));
                continue;
            }
            match s {
                Shaped::Keep => out.push_str(g),
                Shaped::Form(c) => {
                    out.push(c);
                    out.extend(g.chars().skip(1));
                }
                Shaped::LamAlef(c) => {
                    out.push(c);
                    out.extend(g.chars().skip(1));
                    skip = true;
                }
            }
        }
        out
    }

    #[test]
    fn word_gets_initial_medial_final() {
        // "بيت" (beh yeh teh): initial beh, medial yeh, final teh
        assert_eq!(
            forms("\u{0628}\u{064A}\u{062A}"),
            "\u{FE91}\u{FEF4}\u{FE96}"
        );
    }

    #[test]
    fn right_joining_letter_breaks_the_chain() {
        // "دار" (dal alef reh): dal isolated, alef isolated (dal does not join
        // forward), reh isolated too (alef does not join forward)
        assert_eq!(
            forms("\u{062F}\u{0627}\u{0631}"),
            "\u{FEA9}\u{FE8D}\u{FEAD}"
        );
    }

    #[test]
    fn lam_alef_ligature_isolated_and_final() {
        // "لا" alone: isolated ligature U+FEFB
        assert_eq!(forms("\u{0644}\u{0627}"), "\u{FEFB}");
        // "سلام" (seen lam alef meem): seen initial, lam-alef final, meem isolated
        assert_eq!(
            forms("\u{0633}\u{0644}\u{0627}\u{0645}"),
            "\u{FEB3}\u{FEFC}\u{FEE1}"
        );
    }

    #[test]
    fn harakat_stay_on_their_base() {
        // "بَّت": beh + shadda + fatha, teh → initial beh keeps both marks
        assert_eq!(
            forms("\u{0628}\u{0651}\u{064E}\u{062A}"),
            "\u{FE91}\u{0651}\u{064E}\u{FE96}"
        );
        // lam with shadda, then alef: the ligature keeps the shadda
        assert_eq!(forms("\u{0644}\u{0651}\u{0627}"), "\u{FEFB}\u{0651}");
    }

    #[test]
    fn tatweel_causes_joining() {
        // "بـ": beh followed by tatweel takes its initial form
        assert_eq!(forms("\u{0628}\u{0640}"), "\u{FE91}\u{0640}");
    }

    #[test]
    fn latin_is_untouched() {
        assert_eq!(forms("abc (1917)"), "abc (1917)");
    }
}
