//! Undoing damage that PDF text extraction does to right-to-left text: the
//! repairs themselves, on plain strings (`blocks` applies them to blocks).
//!
//! Extraction tools write the runs of an Arabic line in the wrong order and
//! mirror brackets. Each repair here fires only on evidence that correct
//! text cannot show, because a repair that fires wrongly is worse than none;
//! tests run them over the clean seed 003 and require that nothing changes.

pub mod blocks;
pub mod lam_alef_doc;
pub mod letters;
pub mod split_words;

/// Brackets that came out mirrored: a closing bracket with nothing open
/// before it cannot be right, so when it also leans on the word after it,
/// it is taken as an opening one, and an opening bracket that then faces it
/// leaning on the word before it as its (mirrored) partner.
///
/// `)108)` → `(108)`; `)إلى … هذا(` → `(إلى … هذا)`. Text whose brackets
/// already balance is never changed, and a mirrored opener that finds no
/// partner is left as it was. Returns `None` when nothing changed.
pub fn mirrored_brackets(text: &str) -> Option<String> {
    // Most text is balanced: find that out on bytes before any copying.
    let bytes = text.as_bytes();
    if balanced(bytes, b'(', b')') && balanced(bytes, b'[', b']') && balanced(bytes, b'{', b'}') {
        return None;
    }
    // Brackets are ASCII and are only swapped for brackets, so the work
    // can be done on bytes and the result is still UTF-8.
    let mut chars: Vec<u8> = bytes.to_vec();
    let mut changed = false;
    for (open, close) in [(b'(', b')'), (b'[', b']'), (b'{', b'}')] {
        if balanced(&chars, open, close) {
            continue;
        }
        let mut fixed = chars.clone();
        // (position, is a mirrored closer taken as an opener)
        let mut stack: Vec<(usize, bool)> = Vec::new();
        for i in 0..fixed.len() {
            let c = fixed[i];
            if c != open && c != close {
                continue;
            }
            // A mirrored bracket leans the wrong way: the opener it should
            // be hangs on the word after it ("…ذلك )إلى"), the closer on
            // the word before it ("هذا( …"), unlike a real closing or
            // opening bracket.
            let space_before = i == 0 || fixed[i - 1].is_ascii_whitespace();
            let space_after = i + 1 == fixed.len() || fixed[i + 1].is_ascii_whitespace();
            if c == open {
                if let (Some(&(at, true)), false, true) = (stack.last(), space_before, space_after)
                {
                    // The partner of a mirrored opener is mirrored too.
                    stack.pop();
                    fixed[at] = open;
                    fixed[i] = close;
                } else {
                    stack.push((i, false));
                }
            } else {
                match stack.last() {
                    Some(&(at, true)) => {
                        // ")108)": the mirrored opener closes normally.
                        stack.pop();
                        fixed[at] = open;
                    }
                    Some(_) => {
                        stack.pop();
                    }
                    None if space_before && !space_after => stack.push((i, true)),
                    None => {}
                }
            }
        }
        // Only a repair that leaves every bracket paired is evidence enough:
        // "a) x (y) b)" is an enumeration, not mirrored text.
        if balanced(&fixed, open, close) {
            chars = fixed;
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    String::from_utf8(chars).ok()
}

fn balanced(chars: &[u8], open: u8, close: u8) -> bool {
    let mut depth = 0i32;
    for &c in chars {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth < 0 {
                return false;
            }
        }
    }
    depth == 0
}

/// Year ranges written backwards by run reversal: `1924-1870` → `1870-1924`,
/// `(873-809)` → `(809-873)`. Only a range of two numbers with as many
/// digits: four-digit years between 1000 and 2099, or, as the whole of a
/// bracket (a life or a reign, in either calendar), three-digit years at
/// most 150 apart; and the first is larger: a range runs forwards in time. Returns `None` when
/// nothing changed.
pub fn reversed_year_ranges(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut last = 0;
    // Look only around hyphens: "ddd-ddd" with no digit on either side.
    for (dash, _) in text.match_indices('-') {
        if dash < last {
            continue;
        }
        let before = bytes[..dash]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = bytes[dash + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let (a, b) = (
            &text[dash - before..dash],
            &text[dash + 1..dash + 1 + after],
        );
        // A three-digit range only as a bracket's whole content: `(873-809)`.
        // (Either way round: the brackets may be mirrored still.)
        let bracket = |b: Option<&u8>| matches!(b, Some(b'(' | b')'));
        let bracketed = dash > before
            && bracket(bytes.get(dash - before - 1))
            && bracket(bytes.get(dash + 1 + after));
        if before == after && (before == 4 || bracketed) && backwards_years(a, b) {
            out.push_str(&text[last..dash - before]);
            out.push_str(b);
            out.push('-');
            out.push_str(a);
            last = dash + 1 + after;
        }
    }
    if last == 0 {
        return None;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// Two years of a range, as written, that run backwards in time.
fn backwards_years(a: &str, b: &str) -> bool {
    let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) else {
        return false;
    };
    match a.len() {
        4 => (1000..2100).contains(&x) && (1000..2100).contains(&y) && x > y,
        3 => !a.starts_with('0') && !b.starts_with('0') && x > y && x - y <= 150,
        _ => false,
    }
}

pub(super) fn is_arabic_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c) || ('\u{066E}'..='\u{06D3}').contains(&c)
}

/// A heading whose runs came out in the wrong order.
///
/// Evidence used: (1) an Arabic heading that *starts* with punctuation or
/// digits (`:خاتمةال`, `.1924-1917دور…`): in written order those come at
/// its end, so that leading run is moved there, its tokens reversed;
/// (2) teh marbuta (ة), which only ends words, followed by the article ال
/// inside one word (`خاتمةال`): the article is moved back to the front.
/// Returns `None` when nothing changed.
pub fn swapped_heading(line: &str) -> Option<String> {
    let text = line.trim();
    let first_letter = text.chars().position(char::is_alphabetic)?;
    let letter = text.chars().nth(first_letter)?;
    if !is_arabic_letter(letter) {
        return None;
    }
    let mut result = text.to_string();
    let mut changed = false;
    if first_letter > 0 {
        let split = text.char_indices().nth(first_letter).map(|(b, _)| b)?;
        let (lead, rest) = text.split_at(split);
        // Tokens of the leading run: digit groups and single other chars.
        let mut tokens: Vec<String> = Vec::new();
        for c in lead.trim().chars() {
            match tokens.last_mut() {
                Some(t) if c.is_ascii_digit() && t.chars().all(|d| d.is_ascii_digit()) => t.push(c),
                _ if c.is_whitespace() => {}
                _ => tokens.push(c.to_string()),
            }
        }
        tokens.reverse();
        let tail: String = tokens.concat();
        let sep = if tail.starts_with(|c: char| c.is_ascii_digit()) {
            " "
        } else {
            ""
        };
        result = format!("{}{sep}{tail}", rest.trim_end());
        changed = true;
    }
    let words: Vec<String> = result
        .split(' ')
        .map(|w| {
            let chars: Vec<char> = w.chars().collect();
            // "…ةال…": split after ة and put the article first.
            if let Some(p) = chars
                .windows(3)
                .position(|x| x[0] == '\u{0629}' && x[1] == '\u{0627}' && x[2] == '\u{0644}')
            {
                let (stem, article) = chars.split_at(p + 1);
                let article: String = article.iter().collect();
                let trailing: String = article
                    .chars()
                    .rev()
                    .take_while(|c| !is_arabic_letter(*c))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let article = &article[..article.len() - trailing.len()];
                changed = true;
                format!("{article}{}{trailing}", stem.iter().collect::<String>())
            } else {
                w.to_string()
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrored_page_number_and_spanning_pair() {
        assert_eq!(mirrored_brackets(")108)").as_deref(), Some("(108)"));
        // ")إلى ذلك(" (until then) → "(إلى ذلك)"
        assert_eq!(
            mirrored_brackets(")\u{0625}\u{0644}\u{0649} \u{0630}\u{0644}\u{0643}(").as_deref(),
            Some("(\u{0625}\u{0644}\u{0649} \u{0630}\u{0644}\u{0643})")
        );
    }

    #[test]
    fn balanced_brackets_are_never_touched() {
        for text in ["(a) b (c)", "[1] (2) {3}", "((a)(b))", "no brackets", "(a"] {
            assert_eq!(mirrored_brackets(text), None, "{text}");
        }
        // a lone mirrored opener with no partner is left alone, and so is
        // an enumeration whose repair would not balance
        assert_eq!(mirrored_brackets("a ) b"), None);
        assert_eq!(mirrored_brackets("a) x (y) b)"), None);
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            reversed_year_ranges("(1924-1870)").as_deref(),
            Some("(1870-1924)")
        );
        assert_eq!(reversed_year_ranges("1870-1924"), None);
        assert_eq!(reversed_year_ranges("12345-1000"), None);
        assert_eq!(reversed_year_ranges("290-284"), None);
        // A life in brackets, three digits: حنين (873-809) (Hunayn)
        assert_eq!(
            reversed_year_ranges("\u{62d}\u{646}\u{64a}\u{646} (873-809)").as_deref(),
            Some("\u{62d}\u{646}\u{64a}\u{646} (809-873)")
        );
        assert_eq!(reversed_year_ranges("(873-509)"), None);
        assert_eq!(reversed_year_ranges("(809-873)"), None);
        assert_eq!(reversed_year_ranges("(0873-0809)"), None);
    }

    #[test]
    fn swapped_headings() {
        // ":خاتمةال" → "الخاتمة:" (the conclusion)
        assert_eq!(
            swapped_heading(" :\u{062E}\u{0627}\u{062A}\u{0645}\u{0629}\u{0627}\u{0644}")
                .as_deref(),
            Some("\u{0627}\u{0644}\u{062E}\u{0627}\u{062A}\u{0645}\u{0629}:")
        );
        // ".1924-1917دور" → "دور 1917-1924." (role … 1917-1924)
        assert_eq!(
            swapped_heading(" .1924-1917\u{062F}\u{0648}\u{0631} ").as_deref(),
            Some("\u{062F}\u{0648}\u{0631} 1917-1924.")
        );
        // clean headings stay as they are: "المقدمة" (introduction)
        assert_eq!(
            swapped_heading("\u{0627}\u{0644}\u{0645}\u{0642}\u{062F}\u{0645}\u{0629}"),
            None
        );
        assert_eq!(swapped_heading("1. Introduction"), None);
    }
}
