//! Simple-font encodings for fonts without a ToUnicode map: the base
//! encodings as far as essays use them (ASCII and Latin-1 through
//! WinAnsi; the rest of Standard and MacRoman differ only in symbols) and
//! `/Differences` glyph names (`uniXXXX`, `uXXXX`, and the common names).

/// The text of `code` in WinAnsiEncoding (also used for Standard and
/// MacRoman, whose letters and digits agree with it).
pub fn win_ansi(code: u8) -> Option<char> {
    const HIGH: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
        0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    match code {
        0x20..=0x7E | 0xA0..=0xFF => Some(char::from(code)),
        0x80..=0x9F => {
            char::from_u32(u32::from(HIGH[usize::from(code - 0x80)])).filter(|&c| c != '\0')
        }
        _ => None,
    }
}

/// The text a glyph name stands for (Adobe Glyph List conventions for the
/// names producers write; others are unknown).
pub fn glyph_name(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    // "a_b" ligatures and ".alt" variants.
    let base = name.split('.').next().unwrap_or(name);
    if base.contains('_') && base.len() > 1 {
        let parts: Option<String> = base.split('_').map(|p| glyph_name(p.as_bytes())).collect();
        return parts;
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 {
            let units: Option<Vec<u16>> = (0..hex.len())
                .step_by(4)
                .map(|i| u16::from_str_radix(&hex[i..i + 4], 16).ok())
                .collect();
            return char::decode_utf16(units?)
                .collect::<Result<String, _>>()
                .ok();
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) {
            if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                return Some(c.to_string());
            }
        }
    }
    if base.len() == 1 && base.as_bytes()[0].is_ascii_alphabetic() {
        return Some(base.to_string());
    }
    named(base).map(|c| c.to_string())
}

/// The common glyph names of Latin text fonts.
fn named(name: &str) -> Option<char> {
    const DIGITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if let Some(d) = DIGITS.iter().position(|&n| n == name) {
        return char::from_digit(d as u32, 10);
    }
    let c = match name {
        "space" | "nbspace" => ' ',
        "exclam" => '!',
        "quotedbl" => '"',
        "numbersign" => '#',
        "dollar" => '$',
        "percent" => '%',
        "ampersand" => '&',
        "quotesingle" | "quoteright" => '\'',
        "parenleft" => '(',
        "parenright" => ')',
        "asterisk" => '*',
        "plus" => '+',
        "comma" => ',',
        "hyphen" | "minus" => '-',
        "period" => '.',
        "slash" => '/',
        "colon" => ':',
        "semicolon" => ';',
        "less" => '<',
        "equal" => '=',
        "greater" => '>',
        "question" => '?',
        "at" => '@',
        "bracketleft" => '[',
        "backslash" => '\\',
        "bracketright" => ']',
        "underscore" => '_',
        "quoteleft" => '\u{2018}',
        "braceleft" => '{',
        "bar" => '|',
        "braceright" => '}',
        "endash" => '\u{2013}',
        "emdash" => '\u{2014}',
        "quotedblleft" => '\u{201C}',
        "quotedblright" => '\u{201D}',
        "bullet" => '\u{2022}',
        "ellipsis" => '\u{2026}',
        "fi" => '\u{FB01}',
        "fl" => '\u{FB02}',
        _ => return None,
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        assert_eq!(win_ansi(b'A'), Some('A'));
        assert_eq!(win_ansi(0x93), Some('\u{201C}'));
        assert_eq!(win_ansi(0x81), None);
        assert_eq!(glyph_name(b"uni0644").as_deref(), Some("\u{0644}"));
        assert_eq!(
            glyph_name(b"uni06440627").as_deref(),
            Some("\u{0644}\u{0627}")
        );
        assert_eq!(glyph_name(b"u1F600").as_deref(), Some("\u{1F600}"));
        assert_eq!(glyph_name(b"f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_name(b"seven.alt").as_deref(), Some("7"));
        assert_eq!(glyph_name(b"g123"), None);
    }
}
