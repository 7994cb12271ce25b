//! Fonts: what text each character code of a shown string stands for, and
//! how far the pen moves after it. ToUnicode maps first; then simple
//! encodings with `/Differences`; symbol fonts to the private use area
//! (U+F000 + code, as extractions show Symbol and Wingdings glyphs); Type0
//! fonts with two-byte codes (Identity-H) and their `/W` widths; Type3
//! fonts through their `/FontMatrix`.

use compact_str::CompactString;
use lopdf::{Dictionary, Document, Object};

use super::cmap::{self, CodeMap, ToUnicode};
use super::encoding::{glyph_name, win_ansi};
use super::objects::{array, dict, get, name, number, number_at, stream_bytes};
use super::strokes;

/// At most this many widths are read from one font's `/W` array.
const MAX_WIDTHS: usize = 70_000;

/// A font as the interpreter needs it.
#[derive(Debug, Default)]
pub struct Font {
    /// Codes are two bytes (Type0 fonts), else one.
    two_byte: bool,
    to_unicode: Option<ToUnicode>,
    /// Simple fonts: the text of each code from the encoding.
    simple: CodeMap<u8, String>,
    /// Symbol fonts without a map: codes go to U+F000 + code.
    symbolic: bool,
    widths: CodeMap<u32, f32>,
    default_width: f32,
    /// Glyph space to text space (1/1000 except for Type3 fonts).
    scale: f32,
    pub bold: bool,
}

/// One character code of a shown string.
#[derive(Debug, PartialEq)]
pub struct Code {
    /// Its text; `None` when the font does not say.
    pub text: Option<CompactString>,
    /// Advance in text space for a font size of 1.
    pub width: f32,
    /// The single-byte code 32, which word spacing (`Tw`) applies to.
    pub word_space: bool,
}

impl Font {
    /// Read the font dictionary `d`.
    pub fn read(doc: &Document, d: &Dictionary) -> Font {
        let subtype = name(doc, d, b"Subtype").unwrap_or(b"");
        let mut font = Font {
            scale: 0.001,
            default_width: 0.0,
            ..Font::default()
        };
        font.to_unicode = get(doc, d, b"ToUnicode")
            .and_then(|o| stream_bytes(doc, o))
            .map(|bytes| cmap::parse(&bytes))
            .filter(|m| !m.is_empty());
        let base_name = name(doc, d, b"BaseFont").unwrap_or(b"");
        let descriptor = if subtype == b"Type0" {
            font.two_byte = true;
            let descendant = array(doc, d, b"DescendantFonts")
                .and_then(|a| a.first())
                .map(|o| super::objects::resolve(doc, o));
            if let Some(Object::Dictionary(cid)) = descendant {
                font.default_width = number_at(doc, cid, b"DW").unwrap_or(1000.0);
                font.read_cid_widths(doc, cid);
                let identity = matches!(
                    name(doc, d, b"Encoding"),
                    Some(b"Identity-H" | b"Identity-V")
                );
                let descriptor = dict(doc, cid, b"FontDescriptor");
                if let (true, Some(fd)) = (identity, descriptor) {
                    font.unmap_strokes(doc, cid, fd);
                }
                descriptor
            } else {
                None
            }
        } else {
            if subtype == b"Type3" {
                font.scale = array(doc, d, b"FontMatrix")
                    .and_then(|m| m.first())
                    .and_then(number)
                    .filter(|s| s.abs() > 1e-6 && s.abs() < 1.0)
                    .unwrap_or(0.001);
            }
            font.read_simple_widths(doc, d);
            font.default_width = font.average_width();
            font.read_encoding(doc, d);
            dict(doc, d, b"FontDescriptor")
        };
        let flags = descriptor
            .and_then(|fd| number_at(doc, fd, b"Flags"))
            .unwrap_or(0.0) as u32;
        let weight = descriptor
            .and_then(|fd| number_at(doc, fd, b"FontWeight"))
            .unwrap_or(400.0);
        let lower = String::from_utf8_lossy(base_name).to_ascii_lowercase();
        font.bold = weight >= 600.0
            || flags & (1 << 18) != 0
            || ["bold", "black", "heavy", "semibold", "demi"]
                .iter()
                .any(|w| lower.contains(w));
        // Symbolic (flag 3) and not the ordinary text kind: codes are
        // pictures, shown in the private use area when nothing maps them.
        font.symbolic = (flags & 4 != 0 && font.simple.is_empty())
            || lower.contains("symbol")
            || lower.contains("wingding");
        font
    }

    fn read_simple_widths(&mut self, doc: &Document, d: &Dictionary) {
        let first = number_at(doc, d, b"FirstChar").unwrap_or(0.0).max(0.0) as u32;
        if let Some(widths) = array(doc, d, b"Widths") {
            for (i, w) in widths.iter().take(256).enumerate() {
                if let Some(w) = number(super::objects::resolve(doc, w)) {
                    self.widths.insert(first + i as u32, w);
                }
            }
        }
    }

    /// `/W`: `c [w1 w2 …]` gives widths from c on; `c1 c2 w` one width
    /// for the range.
    fn read_cid_widths(&mut self, doc: &Document, cid: &Dictionary) {
        let Some(w) = array(doc, cid, b"W") else {
            return;
        };
        let mut i = 0;
        while i < w.len() && self.widths.len() < MAX_WIDTHS {
            let Some(start) = number(&w[i]).map(|s| s.max(0.0) as u32) else {
                i += 1;
                continue;
            };
            match w.get(i + 1).map(|o| super::objects::resolve(doc, o)) {
                Some(Object::Array(list)) => {
                    for (k, v) in list.iter().take(MAX_WIDTHS).enumerate() {
                        if let Some(v) = number(v) {
                            self.widths.insert(start + k as u32, v);
                        }
                    }
                    i += 2;
                }
                Some(end) => {
                    let end = number(end).map_or(start, |e| e.max(0.0) as u32);
                    let width = w.get(i + 2).and_then(number).unwrap_or(self.default_width);
                    let span = end.saturating_sub(start).min(MAX_WIDTHS as u32);
                    for c in start..=start + span {
                        self.widths.insert(c, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    /// Codes of an Identity-encoded font whose glyphs are joining strokes,
    /// though the ToUnicode map gives them a letter, read as tatweel
    /// (`strokes`): the embedded TrueType program says how high each
    /// glyph rises. `cid` is the descendant font, `fd` its descriptor.
    fn unmap_strokes(&mut self, doc: &Document, cid: &Dictionary, fd: &Dictionary) {
        let Some(map) = self.to_unicode.as_mut() else {
            return;
        };
        let Some(program) = get(doc, fd, b"FontFile2").and_then(|o| stream_bytes(doc, o)) else {
            return;
        };
        let Some(glyphs) = strokes::Glyphs::read(&program) else {
            return;
        };
        // CIDs are the codes (Identity); glyph ids are the CIDs, or what
        // a `CIDToGIDMap` stream gives for them (two bytes each).
        let to_gid = match get(doc, cid, b"CIDToGIDMap") {
            Some(o @ Object::Stream(_)) => match stream_bytes(doc, o) {
                Some(bytes) => Some(bytes),
                None => return,
            },
            _ => None,
        };
        let gid = |code: u32| match &to_gid {
            Some(m) => {
                let at = 2 * code as usize;
                m.get(at..at + 2)
                    .map(|b| u32::from(u16::from_be_bytes([b[0], b[1]])))
            }
            None => Some(code),
        };
        let mut codes = Vec::new();
        let mut mapped = Vec::new();
        for (&(len, code), text) in map.iter() {
            let mut chars = text.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                continue;
            };
            if let (2, true, Some(g)) = (len, c.is_alphabetic(), gid(code)) {
                codes.push((code, g));
                mapped.push((g, c));
            }
        }
        let found = strokes::strokes(&mapped, &glyphs);
        for (code, g) in codes {
            if found.contains(&g) {
                map.replace((2, code), "\u{0640}");
            }
        }
    }

    /// The base encoding and `/Differences` of a simple font.
    fn read_encoding(&mut self, doc: &Document, d: &Dictionary) {
        let encoding = get(doc, d, b"Encoding");
        let base_known = match encoding {
            Some(Object::Name(_)) => true,
            Some(Object::Dictionary(e)) => e.has(b"BaseEncoding"),
            _ => false,
        };
        if base_known || !matches!(encoding, Some(Object::Dictionary(_))) {
            for code in 0..=255u8 {
                if let Some(c) = win_ansi(code) {
                    self.simple.insert(code, c.to_string());
                }
            }
        }
        if let Some(Object::Dictionary(e)) = encoding {
            let mut code = 0u32;
            for item in array(doc, e, b"Differences").unwrap_or(&[]) {
                match item {
                    Object::Integer(n) => code = (*n).clamp(0, 255) as u32,
                    Object::Name(n) => {
                        if let Ok(c) = u8::try_from(code) {
                            match glyph_name(n) {
                                Some(text) => self.simple.insert(c, text),
                                None => self.simple.remove(&c),
                            };
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        if name(doc, d, b"Subtype") == Some(b"Type3") && self.to_unicode.is_none() {
            // Type3 glyphs are drawings; only their names (kept above when
            // they are known) say what they are.
        }
    }

    /// How many widths and mappings it holds (the cache bounds their sum).
    pub fn entries(&self) -> usize {
        self.widths.len() + self.simple.len() + self.to_unicode.as_ref().map_or(0, ToUnicode::len)
    }

    /// The codes of a shown string.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<Code>) {
        let mut i = 0;
        while i < bytes.len() {
            let (len, code) = self.next_code(&bytes[i..]);
            i += usize::from(len);
            let text = self.text_of(len, code);
            let width = self
                .widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width)
                * self.scale;
            out.push(Code {
                text,
                width,
                word_space: len == 1 && code == 32,
            });
        }
    }

    /// The length and value of the code at the start of `bytes`: the
    /// shortest the ToUnicode map knows, else the font's own length.
    fn next_code(&self, bytes: &[u8]) -> (u8, u32) {
        let own = if self.two_byte && bytes.len() >= 2 {
            2
        } else {
            1
        };
        let take = |len: u8| {
            (
                len,
                bytes[..usize::from(len)]
                    .iter()
                    .fold(0u32, |a, &b| a << 8 | u32::from(b)),
            )
        };
        if let Some(map) = &self.to_unicode {
            if !self.two_byte {
                return take(1);
            }
            for &len in &map.lengths {
                if usize::from(len) <= bytes.len() && map.get(len, take(len).1).is_some() {
                    return take(len);
                }
            }
        }
        take(own)
    }

    /// Glyphs' text is short: held inline, not allocated glyph by glyph
    /// (a page has thousands).
    fn text_of(&self, len: u8, code: u32) -> Option<CompactString> {
        if let Some(map) = &self.to_unicode {
            // A code the map leaves out is a piece of a cluster whose text
            // came with another glyph (Amiri's joining strokes): no text.
            return Some(map.get(len, code).unwrap_or("").into());
        }
        if self.two_byte {
            return None;
        }
        let byte = code as u8;
        if self.symbolic {
            return char::from_u32(0xF000 + code)
                .map(|c| CompactString::from(&*c.encode_utf8(&mut [0; 4])));
        }
        self.simple.get(&byte).map(|t| t.as_str().into())
    }

    /// A simple font's width for a code it gives none for: the average
    /// of the widths it gives (500 when none), worked out once.
    fn average_width(&self) -> f32 {
        if self.widths.is_empty() {
            500.0
        } else {
            self.widths.values().sum::<f32>() / self.widths.len() as f32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple() -> Font {
        let mut font = Font {
            scale: 0.001,
            ..Font::default()
        };
        for code in 0..=255u8 {
            if let Some(c) = win_ansi(code) {
                font.simple.insert(code, c.to_string());
            }
        }
        font.widths.insert(u32::from(b'A'), 600.0);
        font
    }

    #[test]
    fn simple_codes_decode_through_the_encoding() {
        let mut out = Vec::new();
        simple().decode(b"A ", &mut out);
        assert_eq!(out[0].text.as_deref(), Some("A"));
        assert!((out[0].width - 0.6).abs() < 1e-6);
        assert!(out[1].word_space && !out[0].word_space);
    }

    #[test]
    fn type0_codes_are_two_bytes_and_unknown_ones_have_no_text() {
        let font = Font {
            two_byte: true,
            to_unicode: Some(cmap::parse(
                b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0005> <0644> endbfchar",
            )),
            default_width: 1000.0,
            scale: 0.001,
            ..Font::default()
        };
        let mut out = Vec::new();
        font.decode(&[0, 5, 0, 6], &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].text.as_deref(), Some("\u{0644}"));
        // Left out of the map: a piece of a cluster, no text of its own.
        assert_eq!(out[1].text.as_deref(), Some(""));
        assert!((out[1].width - 1.0).abs() < 1e-6);
        // No map at all: the font does not say.
        let bare = Font {
            two_byte: true,
            scale: 0.001,
            ..Font::default()
        };
        out.clear();
        bare.decode(&[0, 5], &mut out);
        assert_eq!(out[0].text, None);
    }
}
