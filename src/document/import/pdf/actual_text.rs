//! Marked content with `/ActualText`: the text a run of glyphs stands for,
//! given by the producer when the font's Unicode map cannot say it. Typst
//! writes one for every cluster whose glyphs do not each map to their own
//! letters: a lam-alef ligature, a letter and its harakat drawn as two
//! glyphs. The map alone then gives each glyph the text of the first
//! cluster it appeared in (`لاً` for every lam-alef after one with
//! tanwin).
//!
//! The glyphs of a span become one glyph carrying the actual text, over
//! their extent. A producer that draws a cluster's mark apart from its base
//! (another position, so another text object) gives both parts the same
//! actual text; a span that repeats the one just before it, over the same
//! place with nothing drawn between, is that same cluster and adds nothing.

use compact_str::CompactString;
use lopdf::{Dictionary, Object};

use super::interpret::Glyph;

/// Marked content open at this point of a content stream.
#[derive(Default)]
pub struct Spans {
    /// For each open `BMC`/`BDC`: the actual text and the first glyph it
    /// covers, when it has one (and no outer span does).
    open: Vec<Option<(String, usize)>>,
    /// The last span closed: its text and the index of the glyph it made.
    last: Option<(String, usize)>,
}

/// Past this depth, marked content is not tracked (nor needed).
const MAX_DEPTH: usize = 64;

impl Spans {
    /// `BMC` or `BDC` with `properties` (an inline dictionary; named
    /// property lists never carry the text of glyphs in practice).
    pub fn begin(&mut self, properties: Option<&Object>, glyphs: usize) {
        if self.open.len() >= MAX_DEPTH {
            return;
        }
        let inside = self.open.iter().any(Option::is_some);
        let text = properties
            .and_then(|p| p.as_dict().ok())
            .and_then(actual_text)
            .filter(|_| !inside);
        self.open.push(text.map(|t| (t, glyphs)));
    }

    /// `EMC`: a span with actual text becomes one glyph. Returns how many
    /// of the glyphs it replaced had no text of their own (no longer
    /// undecodable).
    pub fn end(&mut self, glyphs: &mut Vec<Glyph>) -> usize {
        let Some(Some((text, first))) = self.open.pop() else {
            return 0;
        };
        if first >= glyphs.len() {
            return 0;
        }
        let replaced: Vec<Glyph> = glyphs.drain(first..).collect();
        let undecodable = replaced.iter().filter(|g| g.text == "\u{FFFD}").count();
        let mut glyph = union(&replaced, text);
        if let Some((last_text, at)) = &self.last {
            // The same cluster's other part: widen the glyph already made.
            if *at + 1 == glyphs.len() && *last_text == glyph.text && overlaps(&glyphs[*at], &glyph)
            {
                let text = std::mem::take(&mut glyph.text);
                glyphs[*at] = union(&[glyphs[*at].clone(), glyph], text);
                return undecodable;
            }
        }
        self.last = Some((glyph.text.to_string(), glyphs.len()));
        glyphs.push(glyph);
        undecodable
    }
}

/// The dictionary's `/ActualText`, when it has a non-empty one.
fn actual_text(properties: &Dictionary) -> Option<String> {
    let text = lopdf::decode_text_string(properties.get(b"ActualText").ok()?).ok()?;
    (!text.is_empty()).then_some(text)
}

/// One glyph over all of `glyphs`, on the baseline and in the size of the
/// widest (the base letter, not a mark drawn above it).
fn union(glyphs: &[Glyph], text: impl Into<CompactString>) -> Glyph {
    let base = glyphs
        .iter()
        .max_by(|a, b| a.width.total_cmp(&b.width))
        .expect("a span with glyphs");
    let x0 = glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
    let x1 = glyphs
        .iter()
        .map(|g| g.x + g.width)
        .fold(f32::MIN, f32::max);
    Glyph {
        text: text.into(),
        x: x0,
        y: base.y,
        width: x1 - x0,
        size: base.size,
        bold: base.bold,
    }
}

/// Two glyphs over the same place (within a fifth of their size).
fn overlaps(a: &Glyph, b: &Glyph) -> bool {
    let slack = 0.2 * a.size.max(b.size);
    b.x <= a.x + a.width + slack && a.x <= b.x + b.width + slack
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32, width: f32) -> Glyph {
        Glyph::regular(text, x, y, width, 12.0)
    }

    /// `<</ActualText <FEFF…>>>`: a text string in UTF-16BE, as producers
    /// write any text beyond ASCII.
    fn span(text: &str) -> Object {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        let mut d = Dictionary::new();
        d.set(
            "ActualText",
            Object::String(bytes, lopdf::StringFormat::Hexadecimal),
        );
        Object::Dictionary(d)
    }

    // LAM_ALEF_TANWIN is lam, alef, fathatan (read "laan"): what a
    // producer's map may give every lam-alef glyph.
    const LAM_ALEF_TANWIN: &str = "\u{0644}\u{0627}\u{064B}";
    const LAM_ALEF: &str = "\u{0644}\u{0627}";
    const ALEF_TANWIN: &str = "\u{0627}\u{064B}";

    #[test]
    fn a_span_s_glyphs_become_one_with_its_text() {
        let mut spans = Spans::default();
        let mut glyphs = vec![glyph("x", 0.0, 10.0, 5.0)];
        spans.begin(Some(&span(LAM_ALEF)), glyphs.len());
        glyphs.push(glyph(LAM_ALEF_TANWIN, 10.0, 10.0, 6.0));
        assert_eq!(spans.end(&mut glyphs), 0);
        assert_eq!(glyphs.len(), 2);
        assert_eq!(glyphs[1].text, LAM_ALEF);
        assert_eq!((glyphs[1].x, glyphs[1].width), (10.0, 6.0));
    }

    #[test]
    fn a_cluster_drawn_in_two_spans_is_read_once() {
        // A mark raised over its letter, each in its own span with the
        // cluster's text (as Typst draws "alef with tanwin").
        let mut spans = Spans::default();
        let mut glyphs = Vec::new();
        spans.begin(Some(&span(ALEF_TANWIN)), glyphs.len());
        glyphs.push(glyph(LAM_ALEF_TANWIN, 20.3, 6.5, 0.0));
        spans.end(&mut glyphs);
        spans.begin(Some(&span(ALEF_TANWIN)), glyphs.len());
        glyphs.push(glyph("\u{0627}", 20.0, 10.0, 3.0));
        spans.end(&mut glyphs);
        assert_eq!(glyphs.len(), 1);
        assert_eq!(glyphs[0].text, ALEF_TANWIN);
        // On the letter's baseline, not the mark's.
        assert_eq!(
            (glyphs[0].x, glyphs[0].y, glyphs[0].width),
            (20.0, 10.0, 3.0)
        );
    }

    #[test]
    fn the_same_text_elsewhere_is_another_cluster() {
        let mut spans = Spans::default();
        let mut glyphs = Vec::new();
        for x in [0.0, 40.0] {
            spans.begin(Some(&span(LAM_ALEF)), glyphs.len());
            glyphs.push(glyph(LAM_ALEF_TANWIN, x, 10.0, 6.0));
            spans.end(&mut glyphs);
        }
        assert_eq!(glyphs.len(), 2);
    }

    #[test]
    fn spans_without_actual_text_or_glyphs_change_nothing() {
        let mut spans = Spans::default();
        let mut glyphs = vec![glyph("\u{FFFD}", 0.0, 10.0, 5.0)];
        spans.begin(None, glyphs.len());
        glyphs.push(glyph("a", 5.0, 10.0, 5.0));
        spans.end(&mut glyphs);
        spans.begin(Some(&span("b")), glyphs.len());
        spans.end(&mut glyphs);
        // An unbalanced EMC is ignored.
        spans.end(&mut glyphs);
        assert_eq!(glyphs.len(), 2);
        assert_eq!(glyphs[1].text, "a");
    }

    #[test]
    fn glyphs_with_no_text_are_no_longer_undecodable() {
        let mut spans = Spans::default();
        let mut glyphs = Vec::new();
        spans.begin(Some(&span("fi")), 0);
        glyphs.push(glyph("\u{FFFD}", 0.0, 10.0, 6.0));
        assert_eq!(spans.end(&mut glyphs), 1);
        assert_eq!(glyphs[0].text, "fi");
    }
}
