//! Repairs inside Arabic words, each on evidence clean text cannot show.
//!
//! - **Kashida** (tatweel, U+0640) between two Arabic letters is
//!   stretching, not a letter: `قــال` → `قال`. Some fonts' justification
//!   glyphs come out as apostrophes, digits or control characters inside
//!   a word (`م''اهو`, `الن22ديم`, U+0016 from PyMuPDF): 1–4 of them
//!   strictly between two Arabic letters go too.
//! - **Detached harakat**: a space after a haraka, before `ة` or `ى`
//!   (letters that end words and never start one), is inside the word:
//!   `السطحيّ ة` → `السطحيّة`.
//! - **Lam-alef** decomposed in the wrong order by a font's Unicode map:
//!   `األ` → `الأ` (also with إ and آ), and `اهلل` → `الله`; likewise
//!   lam with alef maksura, `ىل` at a word's end → `لى` (`إىل` → `إلى`):
//!   alef maksura never stands inside a word. Only these
//!   sequences, which no Arabic word contains; the plain `ال` for `لا`
//!   (`أوال` for `أولا`) cannot be told from the article and is left.

use super::is_arabic_letter;

/// Kashida and the glyphs fonts give it, out from between Arabic letters.
pub fn kashida(text: &str) -> Option<String> {
    let stretch = |c: char| {
        c == '\u{640}'
            || c == '\''
            || c == '\u{2019}'
            || c.is_ascii_digit()
            || (c.is_control() && c != '\n')
    };
    // Most text has none: look for a letter then a stretch before copying.
    let mut prev_letter = false;
    let found = text.chars().any(|c| {
        let hit = prev_letter && stretch(c);
        prev_letter = is_arabic_letter(c) && !stretch(c);
        hit
    });
    if !found {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if stretch(chars[i]) && i > 0 && is_arabic_letter(chars[i - 1]) {
            let run = chars[i..].iter().take_while(|&&c| stretch(c)).count();
            let tatweel = chars[i..i + run].iter().all(|&c| c == '\u{640}');
            let next = chars.get(i + run).copied();
            if next.is_some_and(is_arabic_letter) && (tatweel || run <= 4) {
                i += run;
                changed = true;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    changed.then_some(out)
}

fn is_haraka(c: char) -> bool {
    ('\u{64B}'..='\u{652}').contains(&c)
}

/// A word cut after a haraka: the space before its `ة` or `ى` goes.
pub fn detached_harakat(text: &str) -> Option<String> {
    if !text.contains([' ']) || !text.chars().any(is_haraka) {
        return None;
    }
    // Most text has none: look for a haraka, a space and ة or ى first.
    let cut = |w: &[char]| is_haraka(w[0]) && w[1] == ' ' && matches!(w[2], '\u{629}' | '\u{649}');
    let mut window = ['x'; 3];
    let found = text.chars().any(|c| {
        window = [window[1], window[2], c];
        cut(&window)
    });
    if !found {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let cut = c == ' '
            && i > 0
            && is_haraka(chars[i - 1])
            && matches!(chars.get(i + 1), Some('\u{629}' | '\u{649}'))
            && !chars.get(i + 2).is_some_and(|&n| is_arabic_letter(n));
        if cut {
            changed = true;
            continue;
        }
        out.push(c);
    }
    changed.then_some(out)
}

/// `األ` `اإل` `اآل` → `الأ` `الإ` `الآ`; `اهلل` → `الله`; `ىل` ending a
/// word → `لى` (alef maksura only ends words: `إىل` is `إلى`).
pub fn lam_alef(text: &str) -> Option<String> {
    let swapped = lam_alef_pairs(text);
    let maksura = lam_maksura(swapped.as_deref().unwrap_or(text));
    maksura.or(swapped)
}

/// `ىل` at the end of a word → `لى`.
fn lam_maksura(text: &str) -> Option<String> {
    const BROKEN: &str = "\u{649}\u{644}";
    if !text.contains(BROKEN) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(at) = rest.find(BROKEN) {
        let after = &rest[at + BROKEN.len()..];
        let word_end = !after.starts_with(is_arabic_letter);
        let inside = rest[..at].ends_with(is_arabic_letter);
        out.push_str(&rest[..at]);
        if word_end && inside {
            out.push_str("\u{644}\u{649}");
            changed = true;
        } else {
            out.push_str(BROKEN);
        }
        rest = after;
    }
    out.push_str(rest);
    changed.then_some(out)
}

fn lam_alef_pairs(text: &str) -> Option<String> {
    const SWAPS: [(&str, &str); 4] = [
        ("\u{627}\u{623}\u{644}", "\u{627}\u{644}\u{623}"),
        ("\u{627}\u{625}\u{644}", "\u{627}\u{644}\u{625}"),
        ("\u{627}\u{622}\u{644}", "\u{627}\u{644}\u{622}"),
        (
            "\u{627}\u{647}\u{644}\u{644}",
            "\u{627}\u{644}\u{644}\u{647}",
        ),
    ];
    if !SWAPS.iter().any(|(from, _)| text.contains(from)) {
        return None;
    }
    let mut out = text.to_string();
    for (from, to) in SWAPS {
        out = out.replace(from, to);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kashida_goes_from_inside_words() {
        // قــال "qala", said; النديم "an-nadim", with "22" for its kashida
        assert_eq!(
            kashida("\u{642}\u{640}\u{640}\u{627}\u{644}").unwrap(),
            "\u{642}\u{627}\u{644}"
        );
        assert_eq!(
            kashida("\u{627}\u{644}\u{646}22\u{62f}\u{64a}\u{645}").unwrap(),
            "\u{627}\u{644}\u{646}\u{62f}\u{64a}\u{645}"
        );
        // ت U+0016 أخرت: a control character for the kashida (PyMuPDF)
        assert_eq!(
            kashida("\u{62a}\u{16}\u{623}\u{62e}\u{631}\u{62a}").unwrap(),
            "\u{62a}\u{623}\u{62e}\u{631}\u{62a}"
        );
        // م''اهو "ma huwa", what is
        assert_eq!(
            kashida("\u{645}''\u{627}\u{647}\u{648}").unwrap(),
            "\u{645}\u{627}\u{647}\u{648}"
        );
        // Numbers between words, a year after a word: untouched.
        for clean in [
            "\u{633}\u{646}\u{629} 1514",
            "H2O",
            "\u{633}\u{646}\u{629}1514",
            "l'homme",
        ] {
            assert_eq!(kashida(clean), None, "{clean}");
        }
    }

    #[test]
    fn detached_harakat_rejoin_their_word() {
        // السطحيّ ة → السطحيّة (superficial)
        let cut = "\u{627}\u{644}\u{633}\u{637}\u{62d}\u{64a}\u{651} \u{629} x";
        assert_eq!(
            detached_harakat(cut).unwrap(),
            "\u{627}\u{644}\u{633}\u{637}\u{62d}\u{64a}\u{651}\u{629} x"
        );
        // A word that ends in a haraka before another word stays.
        assert_eq!(
            detached_harakat("\u{643}\u{62a}\u{628}\u{64e} \u{639}\u{644}\u{649}"),
            None
        );
    }

    #[test]
    fn lam_alef_in_the_wrong_order() {
        // األولى → الأولى (the first), اهلل → الله (God)
        assert_eq!(
            lam_alef("\u{627}\u{623}\u{644}\u{648}\u{644}\u{649}").unwrap(),
            "\u{627}\u{644}\u{623}\u{648}\u{644}\u{649}"
        );
        assert_eq!(
            lam_alef("\u{627}\u{647}\u{644}\u{644}").unwrap(),
            "\u{627}\u{644}\u{644}\u{647}"
        );
        // إىل → إلى (to), ليىل → ليلى (Layla)
        assert_eq!(
            lam_alef("\u{625}\u{649}\u{644} x").unwrap(),
            "\u{625}\u{644}\u{649} x"
        );
        assert_eq!(
            lam_alef("\u{644}\u{64a}\u{649}\u{644}").unwrap(),
            "\u{644}\u{64a}\u{644}\u{649}"
        );
        // الأولى, written right, stays.
        assert_eq!(lam_alef("\u{627}\u{644}\u{623}\u{648}\u{644}\u{649}"), None);
    }
}
