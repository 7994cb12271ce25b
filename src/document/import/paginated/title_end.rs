//! A title set on two lines: the first line ends in a word no title ends
//! with, a preposition or conjunction that needs the words after it.
//!
//! `صناعة الورق في بغداد وانتقالها إلى` / `الغرب` (paper-making in Baghdad
//! and its passage to / the West): `إلى` (to) opens a phrase the next line
//! closes. The words are the language's function words, in Arabic and
//! English; a title that ends in one was cut by the line's width.

/// Arabic prepositions and conjunctions that open a phrase: في من إلى على
/// عن مع بين حتى عند لدى نحو منذ و أو ثم (in, from, to, on, about, with,
/// between, until, at, by, towards, since, and, or, then).
const ARABIC: [&str; 15] = [
    "\u{641}\u{64a}",
    "\u{645}\u{646}",
    "\u{625}\u{644}\u{649}",
    "\u{639}\u{644}\u{649}",
    "\u{639}\u{646}",
    "\u{645}\u{639}",
    "\u{628}\u{64a}\u{646}",
    "\u{62d}\u{62a}\u{649}",
    "\u{639}\u{646}\u{62f}",
    "\u{644}\u{62f}\u{649}",
    "\u{646}\u{62d}\u{648}",
    "\u{645}\u{646}\u{630}",
    "\u{648}",
    "\u{623}\u{648}",
    "\u{62b}\u{645}",
];

/// English words that open a phrase.
const ENGLISH: [&str; 14] = [
    "of", "the", "and", "in", "to", "for", "a", "an", "with", "from", "on", "at", "by", "or",
];

/// The line ends in a word that leaves a title open.
pub fn leaves_title_open(t: &str) -> bool {
    let Some(last) = t.split_whitespace().next_back() else {
        return false;
    };
    if t.split_whitespace().count() < 2 {
        return false;
    }
    ARABIC.contains(&last) || ENGLISH.contains(&last.to_ascii_lowercase().as_str())
}

/// A line that can end a title: one to four words, no sentence ending.
pub fn ends_title(t: &str) -> bool {
    let words = t.split_whitespace().count();
    (1..=4).contains(&words)
        && !t
            .trim_end()
            .ends_with(['.', '\u{60c}', ',', ':', '\u{61f}', '?', '!', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_cut_after_a_preposition_is_open() {
        // صناعة الورق في بغداد وانتقالها إلى (paper-making … and its passage to)
        let cut = "\u{635}\u{646}\u{627}\u{639}\u{629} \u{627}\u{644}\u{648}\u{631}\u{642} \u{625}\u{644}\u{649}";
        assert!(leaves_title_open(cut));
        assert!(leaves_title_open("The Astrolabe in the"));
        // A whole title, and a lone preposition: not open.
        assert!(!leaves_title_open("The Astrolabe"));
        assert!(!leaves_title_open("\u{625}\u{644}\u{649}"));
        // الغرب (the West) ends a title; a sentence does not.
        assert!(ends_title("\u{627}\u{644}\u{63a}\u{631}\u{628}"));
        assert!(!ends_title("the West."));
    }
}
