//! ToUnicode CMaps: which text each character code of a font stands for
//! (`bfchar` and `bfrange` sections, and the code lengths of its
//! `codespacerange`). Only what text extraction needs; the rest of the
//! CMap language is skipped.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for character codes: codes are small numbers a file chose, so
/// a multiply spreads them well enough, much faster than SipHash (a
/// hostile file can at worst make its own lookups slower, within bounds).
#[derive(Default)]
pub struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u8(b);
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u32(u32::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by character codes.
pub type CodeMap<K, V> = HashMap<K, V, BuildHasherDefault<CodeHasher>>;

/// At most this many mappings are read from one CMap (a real font has a
/// few thousand; a hostile one could ask for billions through ranges).
const MAX_MAPPINGS: usize = 70_000;

/// A parsed ToUnicode map.
#[derive(Debug, Default)]
pub struct ToUnicode {
    /// (code length in bytes, code) → text.
    map: CodeMap<(u8, u32), String>,
    /// Code lengths the codespace allows, shortest first.
    pub lengths: Vec<u8>,
}

impl ToUnicode {
    /// The text of `code`, `len` bytes long.
    pub fn get(&self, len: u8, code: u32) -> Option<&str> {
        self.map.get(&(len, code)).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Every mapping: the code (its length in bytes, its value) and its
    /// text.
    pub fn iter(&self) -> impl Iterator<Item = (&(u8, u32), &String)> {
        self.map.iter()
    }

    /// Map a code the map has to `text` instead.
    pub fn replace(&mut self, code: (u8, u32), text: &str) {
        if let Some(t) = self.map.get_mut(&code) {
            text.clone_into(t);
        }
    }
}

/// One token of a CMap: a hex string, an array start or end, or a word.
#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(Vec<u8>),
}

/// Split a CMap into tokens; literal strings, names and comments become
/// words or are skipped: only hex strings carry codes.
fn tokens(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'<' if data.get(i + 1) != Some(&b'<') => {
                let end = data[i + 1..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + 1 + p);
                out.push(Token::Hex(hex_bytes(&data[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            _ if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                i += 1;
                while i < data.len() && !b"<>[]% \t\r\n/(".contains(&data[i]) {
                    i += 1;
                }
                out.push(Token::Word(data[start..i].to_vec()));
            }
        }
    }
    out
}

/// Hex digits to bytes, ignoring whitespace; an odd last digit counts as
/// followed by 0, as the PDF format says.
fn hex_bytes(s: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = s
        .iter()
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|pair| pair[0] << 4 | pair.get(1).copied().unwrap_or(0))
        .collect()
}

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    (1..=4).contains(&bytes.len()).then(|| {
        (
            bytes.len() as u8,
            bytes.iter().fold(0u32, |a, &b| a << 8 | u32::from(b)),
        )
    })
}

/// UTF-16BE to text; unpaired surrogates become U+FFFD.
fn utf16(bytes: &[u8]) -> String {
    let units = bytes
        .chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(p.get(1).copied().unwrap_or(0)));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// Parse a ToUnicode CMap stream.
pub fn parse(data: &[u8]) -> ToUnicode {
    let toks = tokens(data);
    let mut cmap = ToUnicode::default();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Token::Word(w) if w == b"begincodespacerange" => {
                i += 1;
                while let (Some(Token::Hex(lo)), Some(Token::Hex(_))) =
                    (toks.get(i), toks.get(i + 1))
                {
                    let len = lo.len().clamp(1, 4) as u8;
                    if !cmap.lengths.contains(&len) {
                        cmap.lengths.push(len);
                    }
                    i += 2;
                }
            }
            Token::Word(w) if w == b"beginbfchar" => {
                i += 1;
                while let (Some(Token::Hex(src)), Some(Token::Hex(dst))) =
                    (toks.get(i), toks.get(i + 1))
                {
                    if let Some(code) = code_of(src) {
                        cmap.insert(code, utf16(dst));
                    }
                    i += 2;
                }
            }
            Token::Word(w) if w == b"beginbfrange" => {
                i += 1;
                i = bf_ranges(&toks, i, &mut cmap);
            }
            _ => i += 1,
        }
        if cmap.map.len() >= MAX_MAPPINGS {
            break;
        }
    }
    cmap.lengths.sort_unstable();
    cmap
}

impl ToUnicode {
    fn insert(&mut self, code: (u8, u32), text: String) {
        if self.map.len() < MAX_MAPPINGS {
            self.map.insert(code, text);
        }
    }
}

/// The entries of one `bfrange` section, from token `i`; returns where
/// the section ends.
fn bf_ranges(toks: &[Token], mut i: usize, cmap: &mut ToUnicode) -> usize {
    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (toks.get(i), toks.get(i + 1)) {
        let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) else {
            i += 3;
            continue;
        };
        let span = hi.saturating_sub(lo).min(MAX_MAPPINGS as u32);
        match toks.get(i + 2) {
            Some(Token::Hex(dst)) => {
                // Consecutive codes map to consecutive values of the last
                // UTF-16 unit.
                let units: Vec<u16> = dst
                    .chunks(2)
                    .map(|p| u16::from(p[0]) << 8 | u16::from(p.get(1).copied().unwrap_or(0)))
                    .collect();
                for k in 0..=span {
                    let mut u = units.clone();
                    if let Some(last) = u.last_mut() {
                        *last = last.wrapping_add(k as u16);
                    }
                    let text = char::decode_utf16(u)
                        .map(|r| r.unwrap_or('\u{FFFD}'))
                        .collect();
                    cmap.insert((len, lo + k), text);
                }
                i += 3;
            }
            Some(Token::Open) => {
                let mut j = i + 3;
                let mut k = 0;
                while let Some(Token::Hex(dst)) = toks.get(j) {
                    if k <= span {
                        cmap.insert((len, lo + k), utf16(dst));
                    }
                    k += 1;
                    j += 1;
                }
                i = j + 1; // past the closing bracket
            }
            _ => return i + 2,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_and_bfrange_in_both_forms() {
        let cmap = parse(
            b"/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0010> <06440627> endbfchar\n\
              2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<0628> <D83DDE00>] endbfrange",
        );
        assert_eq!(cmap.lengths, [2]);
        assert_eq!(cmap.get(2, 3), Some(" "));
        // One glyph, two letters: lam then alef.
        assert_eq!(cmap.get(2, 0x10), Some("\u{0644}\u{0627}"));
        assert_eq!(cmap.get(2, 0x22), Some("C"));
        assert_eq!(cmap.get(2, 0x30), Some("\u{0628}"));
        assert_eq!(cmap.get(2, 0x31), Some("\u{1F600}"));
        assert_eq!(cmap.get(1, 3), None);
    }

    #[test]
    fn a_huge_range_is_bounded() {
        let cmap = parse(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(cmap.map.len() <= MAX_MAPPINGS);
    }
}
