//! Links, e-mail addresses, file paths and DOIs inside right-to-left text,
//! kept whole and left to right.
//!
//! The bidi algorithm alone treats the slashes, dots and digits of
//! `www.unicode.org/reports/tr9` as neutrals and numbers between Arabic
//! words, so a link cut across rows comes out as `/www.unicode.org/reports/tr9`
//! or worse. A reader wants what the author would have marked with LRI…PDI:
//! one left-to-right token. The layout cannot insert characters (byte offsets
//! into the source text must stay valid), so the text the bidi algorithm
//! sees has every character of such a token replaced by a strong
//! left-to-right letter of the same UTF-8 length: the token resolves as one
//! left-to-right run, in order, wherever the row is cut. Only tokens made of
//! no right-to-left letter are taken: a path with Arabic in it keeps the
//! algorithm's own answer, which reads its Arabic the right way round.

use std::borrow::Cow;
use std::ops::Range;

use unicode_bidi::{BidiClass, BidiDataSource, HardcodedBidiData};

/// The byte ranges of `text` that are links, e-mail addresses, paths or
/// DOIs, each without the punctuation around it.
pub fn ltr_tokens(text: &str) -> Vec<Range<usize>> {
    // Every kind has one of these (a bare `www.` host aside): most
    // paragraphs are done with here.
    if !text.bytes().any(|b| matches!(b, b'/' | b'@' | b'\\')) && !text.contains("www.") {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(at),
            (true, Some(from)) => {
                start = None;
                let token = trim_punctuation(text, from..at);
                if is_ltr_token(&text[token.clone()]) {
                    found.push(token);
                }
            }
            _ => {}
        }
    }
    found
}

/// `range` of `text` without the brackets, quotes and sentence punctuation
/// (Latin or Arabic) that lead or end it; a closing bracket stays when it
/// closes one of the token's own, as in a Wikipedia link.
fn trim_punctuation(text: &str, range: Range<usize>) -> Range<usize> {
    const LEADING: &[char] = &['(', '[', '{', '\u{AB}', '"', '\'', '<'];
    const TRAILING: &[char] = &[
        '.', ',', ';', ':', '!', '?', '"', '\'', '\u{BB}', '>', '\u{060C}', '\u{061B}', '\u{061F}',
        '\u{06D4}',
    ];
    let token = &text[range.clone()];
    let mut trimmed = token.trim_start_matches(LEADING);
    loop {
        let before = trimmed.len();
        trimmed = trimmed.trim_end_matches(TRAILING);
        for (open, close) in [('(', ')'), ('[', ']'), ('{', '}')] {
            if trimmed.ends_with(close)
                && trimmed.matches(close).count() > trimmed.matches(open).count()
            {
                trimmed = &trimmed[..trimmed.len() - 1];
            }
        }
        if trimmed.len() == before {
            break;
        }
    }
    let start = range.start + (token.len() - token.trim_start_matches(LEADING).len());
    start..start + trimmed.len()
}

/// Whether `token` (no whitespace) is a link, an e-mail address, a path or
/// a DOI, with no right-to-left letter in it.
fn is_ltr_token(token: &str) -> bool {
    let starts = |prefix: &str| {
        token
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    if token.len() < 4
        || !(token.contains(['/', '@', '\\']) || starts("www."))
        || token.chars().any(is_rtl_letter)
    {
        return false;
    }
    let link = token.contains("://") || starts("www.");
    let doi = starts("doi:") || is_bare_doi(token);
    let email = is_email(token);
    let path = is_path(token);
    link || doi || email || path
}

/// `10.1234/anything`: a DOI as printed in references.
fn is_bare_doi(token: &str) -> bool {
    let Some(rest) = token.strip_prefix("10.") else {
        return false;
    };
    let registrant = rest.split('/').next().unwrap_or("");
    registrant.len() >= 4
        && registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && rest.len() > registrant.len() + 1
}

/// `name@host.domain`, in ASCII.
fn is_email(token: &str) -> bool {
    let Some((user, host)) = token.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && token.is_ascii()
        && !host.contains('@')
}

/// `/usr/share/x`, `~/notes`, `./run.sh`, `.config/x`, `C:\dir\file`:
/// a slash and a Latin letter (so dates like `25/10/1917` stay numbers;
/// a Latin `and/or` reads left to right either way).
fn is_path(token: &str) -> bool {
    let unix = token.contains('/') && token.bytes().any(|b| b.is_ascii_alphabetic());
    let bytes = token.as_bytes();
    let windows =
        bytes.len() > 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'\\';
    unix || windows
}

fn is_rtl_letter(c: char) -> bool {
    matches!(
        HardcodedBidiData.bidi_class(c),
        BidiClass::R | BidiClass::AL
    )
}

/// A strong left-to-right character as long in UTF-8 as `c`.
fn strong_ltr_of_len(c: char) -> char {
    match c.len_utf8() {
        1 => 'a',
        2 => '\u{00AA}',  // ª, class L
        3 => '\u{0905}',  // Devanagari A, class L
        _ => '\u{10000}', // Linear B syllable A, class L
    }
}

/// `bidi_text` (the text the bidi algorithm sees, byte for byte as long as
/// the source) with the tokens of `source` that must read left to right
/// made strong left-to-right; borrowed when there are none.
pub fn isolate_ltr_tokens<'a>(source: &str, bidi_text: Cow<'a, str>) -> Cow<'a, str> {
    let tokens = ltr_tokens(source);
    if tokens.is_empty() {
        return bidi_text;
    }
    let mut out = String::with_capacity(bidi_text.len());
    let mut last = 0;
    for token in tokens {
        out.push_str(&bidi_text[last..token.start]);
        out.extend(bidi_text[token.clone()].chars().map(strong_ltr_of_len));
        last = token.end;
    }
    out.push_str(&bidi_text[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        ltr_tokens(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn links_addresses_paths_and_dois_are_found_without_their_punctuation() {
        // "see (http://example.org/a_(b)) and www.unicode.org/reports/tr9."
        let text = "\u{0627}\u{0646}\u{0638}\u{0631} (http://example.org/a_(b)) \
                    \u{0648} www.unicode.org/reports/tr9.";
        assert_eq!(
            tokens(text),
            ["http://example.org/a_(b)", "www.unicode.org/reports/tr9"]
        );
        assert_eq!(tokens("mail a.b@example.com, then"), ["a.b@example.com"]);
        assert_eq!(
            tokens("in /usr/share/doc and C:\\dir\\file"),
            ["/usr/share/doc", "C:\\dir\\file"]
        );
        assert_eq!(
            tokens("doi:10.1000/182 or 10.1093/ajae/aaq063\u{060C}"),
            ["doi:10.1000/182", "10.1093/ajae/aaq063"]
        );
    }

    #[test]
    fn ordinary_words_numbers_and_arabic_paths_are_not_tokens() {
        assert!(tokens("1917. 3.14 e.g. 25/10/1917 1440/5/3 3/4 @name a@b").is_empty());
        // Relative paths: "./run.sh", "../x.txt", "~/x.txt", ".config/h/c.toml".
        assert_eq!(
            tokens("./run.sh ../x.txt ~/x.txt .config/h/c.toml"),
            ["./run.sh", "../x.txt", "~/x.txt", ".config/h/c.toml"]
        );
        // A path with an Arabic folder name: "/home/مقالات/x".
        assert!(tokens("/home/\u{0645}\u{0642}\u{0627}\u{0644}\u{0627}\u{062A}/x").is_empty());
    }

    #[test]
    fn the_bidi_text_keeps_its_length_and_the_rest_of_the_text() {
        let source = "\u{0631}\u{0627}\u{0628}\u{0637} https://x.org/\u{00E9}t\u{00E9}?q=1 \u{0647}\u{0646}\u{0627}";
        let bidi = isolate_ltr_tokens(source, Cow::Borrowed(source));
        assert_eq!(bidi.len(), source.len());
        assert!(bidi.starts_with("\u{0631}\u{0627}\u{0628}\u{0637} a"));
        assert!(bidi.ends_with(" \u{0647}\u{0646}\u{0627}"));
        let token = &bidi[9..source.len() - 7];
        assert!(token
            .chars()
            .all(|c| HardcodedBidiData.bidi_class(c) == BidiClass::L));
    }
}
