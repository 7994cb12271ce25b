//! The content-stream interpreter: runs a page's operators with the text
//! state and the matrices they change, and yields every shown glyph with
//! its position, advance, size and weight, and the horizontal rules drawn
//! (a footnote area starts under one). Form XObjects are followed with
//! their own resources and matrix, to a bounded depth and never into
//! themselves; operators and glyphs per page are bounded too.

use compact_str::CompactString;
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::actual_text::Spans;
use super::fonts::{Code, Font};
use super::matrix::Matrix;
use super::objects::{dict, number, resolve, stream_bytes};

/// Bounds on one page's work.
const MAX_OPERATIONS: usize = 2_000_000;
const MAX_GLYPHS: usize = 400_000;
const MAX_FORM_DEPTH: usize = 8;
const MAX_STATE_DEPTH: usize = 64;
/// Form content decoded for one page, all drawings of forms together (a
/// form drawn a million times is decoded a million times).
const MAX_FORM_BYTES: usize = 64 << 20;

/// A glyph as placed on the page (points, y from the top of the page).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// Its text; U+FFFD when the font does not say. Inline: a page has
    /// thousands of glyphs, of a letter or two each.
    pub text: CompactString,
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Width of the glyph itself (without character or word spacing).
    pub width: f32,
    /// Font size as drawn.
    pub size: f32,
    pub bold: bool,
}

#[cfg(test)]
impl Glyph {
    /// A regular-weight glyph, for the tests of the stages that read glyphs.
    pub(super) fn regular(text: &str, x: f32, y: f32, width: f32, size: f32) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            width,
            size,
            bold: false,
        }
    }
}

/// A horizontal rule: y from the top, and its left and right ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub y: f32,
    pub x0: f32,
    pub x1: f32,
}

/// What a page shows.
#[derive(Debug, Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Glyphs no font said the text of.
    pub undecodable: usize,
    /// The page's work was cut short at a bound.
    pub truncated: bool,
}

/// Fonts already read (shared by all pages): by object, or by where an
/// inline font dictionary sits; and how many entries (widths, mappings)
/// they hold together, which is bounded.
#[derive(Default)]
pub struct FontCache {
    by_id: HashMap<ObjectId, Rc<Font>>,
    inline: HashMap<usize, Rc<Font>>,
    entries: usize,
}

/// Past this many entries in all fonts together, no more fonts are read
/// (their glyphs are not shown): a file of ten thousand huge fonts must
/// not take gigabytes.
const MAX_FONT_ENTRIES: usize = 2_000_000;

impl FontCache {
    pub fn new() -> FontCache {
        FontCache::default()
    }

    fn read(&mut self, doc: &Document, d: &Dictionary) -> Option<Rc<Font>> {
        if self.entries > MAX_FONT_ENTRIES {
            return None;
        }
        let font = Rc::new(Font::read(doc, d));
        self.entries += font.entries();
        Some(font)
    }
}

#[derive(Clone)]
struct TextState {
    char_space: f32,
    word_space: f32,
    scale: f32,
    leading: f32,
    rise: f32,
    size: f32,
    font: Option<Rc<Font>>,
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    text: TextState,
}

/// Runs content streams for one page.
pub struct Interpreter<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    /// Device space to page space: x from the left, y from the top.
    page_top: f32,
    page_left: f32,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    path: Vec<(f32, f32, f32, f32)>,
    path_start: (f32, f32),
    forms: Vec<ObjectId>,
    operations: usize,
    form_bytes: usize,
    out: PageContent,
    codes: Vec<Code>,
    /// Marked content: spans whose glyphs stand for an actual text.
    spans: Spans,
}

impl<'a> Interpreter<'a> {
    /// An interpreter for a page whose media box is `[x0 y0 x1 y1]`.
    pub fn new(doc: &'a Document, fonts: &'a mut FontCache, media: [f32; 4]) -> Interpreter<'a> {
        Interpreter {
            doc,
            fonts,
            page_top: media[3],
            page_left: media[0],
            state: State {
                ctm: Matrix::IDENTITY,
                text: TextState {
                    char_space: 0.0,
                    word_space: 0.0,
                    scale: 1.0,
                    leading: 0.0,
                    rise: 0.0,
                    size: 0.0,
                    font: None,
                },
            },
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            path: Vec::new(),
            path_start: (0.0, 0.0),
            forms: Vec::new(),
            operations: 0,
            form_bytes: 0,
            out: PageContent::default(),
            spans: Spans::default(),
            codes: Vec::new(),
        }
    }

    /// Run `content` with `resources`, then hand over what was shown.
    pub fn run_page(mut self, content: &[u8], resources: Option<&Dictionary>) -> PageContent {
        self.run(content, resources);
        self.out
    }

    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>) {
        for op in Content::<Vec<lopdf::content::Operation>>::decode_iter(content) {
            let Ok(op) = op else { break };
            self.operations += 1;
            if self.operations > MAX_OPERATIONS || self.out.glyphs.len() > MAX_GLYPHS {
                self.out.truncated = true;
                return;
            }
            self.operation(&op.operator, &op.operands, resources);
        }
    }

    fn operation(&mut self, op: &str, args: &[Object], resources: Option<&Dictionary>) {
        let n = |i: usize| args.get(i).and_then(number).unwrap_or(0.0);
        let t = &mut self.state.text;
        match op {
            "q" if self.stack.len() < MAX_STATE_DEPTH => self.stack.push(self.state.clone()),
            "Q" => {
                if let Some(s) = self.stack.pop() {
                    self.state = s;
                }
            }
            "cm" => {
                let m = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]);
                if m.finite() {
                    self.state.ctm = m.then(&self.state.ctm);
                }
            }
            "BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            "Tc" => t.char_space = n(0),
            "Tw" => t.word_space = n(0),
            "Tz" => t.scale = n(0) / 100.0,
            "TL" => t.leading = n(0),
            "Ts" => t.rise = n(0),
            "Tf" => {
                t.size = n(1);
                let font = args.first().and_then(|o| o.as_name().ok());
                self.state.text.font = font.and_then(|f| self.font(resources, f));
            }
            "Td" => self.next_line(n(0), n(1)),
            "TD" => {
                self.state.text.leading = -n(1);
                self.next_line(n(0), n(1));
            }
            "Tm" => {
                let m = Matrix([n(0), n(1), n(2), n(3), n(4), n(5)]);
                if m.finite() {
                    self.tm = m;
                    self.tlm = m;
                }
            }
            "T*" => self.next_line(0.0, -self.state.text.leading),
            "Tj" => self.show_operand(args.first()),
            "'" => {
                self.next_line(0.0, -self.state.text.leading);
                self.show_operand(args.first());
            }
            "\"" => {
                self.state.text.word_space = n(0);
                self.state.text.char_space = n(1);
                self.next_line(0.0, -self.state.text.leading);
                self.show_operand(args.get(2));
            }
            "TJ" => self.show_array(args.first()),
            "BMC" => self.spans.begin(None, self.out.glyphs.len()),
            "BDC" => self.spans.begin(args.get(1), self.out.glyphs.len()),
            "EMC" => self.out.undecodable -= self.spans.end(&mut self.out.glyphs),
            "Do" => {
                if let Some(name) = args.first().and_then(|o| o.as_name().ok()) {
                    self.form(resources, name);
                }
            }
            _ => self.path_operation(op, args),
        }
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.tlm = Matrix::translate(x, y).then(&self.tlm);
        self.tm = self.tlm;
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = dict(self.doc, resources?, b"Font")?;
        let entry = fonts.get(name).ok()?;
        if let Ok(id) = entry.as_reference() {
            if let Some(font) = self.fonts.by_id.get(&id) {
                return Some(font.clone());
            }
            let Object::Dictionary(d) = resolve(self.doc, entry) else {
                return None;
            };
            let font = self.fonts.read(self.doc, d)?;
            self.fonts.by_id.insert(id, font.clone());
            return Some(font);
        }
        let Object::Dictionary(d) = entry else {
            return None;
        };
        // Where the dictionary sits identifies it while the file is read.
        let at = d as *const Dictionary as usize;
        if let Some(font) = self.fonts.inline.get(&at) {
            return Some(font.clone());
        }
        let font = self.fonts.read(self.doc, d)?;
        self.fonts.inline.insert(at, font.clone());
        Some(font)
    }

    fn show_operand(&mut self, operand: Option<&Object>) {
        if let Some(Object::String(bytes, _)) = operand {
            self.show(bytes);
        }
    }

    fn show_array(&mut self, operand: Option<&Object>) {
        let Some(Object::Array(items)) = operand else {
            return;
        };
        for item in items {
            match item {
                Object::String(bytes, _) => self.show(bytes),
                other => {
                    if let Some(adjust) = number(other) {
                        let t = &self.state.text;
                        let tx = -adjust / 1000.0 * t.size * t.scale;
                        self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
                    }
                }
            }
        }
    }

    /// Show a string: one glyph per code, the pen moved after each.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.text.font.clone() else {
            return;
        };
        let mut codes = std::mem::take(&mut self.codes);
        codes.clear();
        font.decode(bytes, &mut codes);
        // Within one string the text matrix only moves, so the scales hold.
        let t = &self.state.text;
        let placed = self.tm.then(&self.state.ctm);
        let size = placed.y_scale() * t.size;
        let x_scale = placed.x_scale() * t.size * t.scale;
        for code in codes.drain(..) {
            let t = &self.state.text;
            let render = Matrix([t.size * t.scale, 0.0, 0.0, t.size, 0.0, t.rise])
                .then(&self.tm)
                .then(&self.state.ctm);
            let (x, y) = render.apply(0.0, 0.0);
            let width = code.width * x_scale;
            let text = code.text.unwrap_or_else(|| {
                self.out.undecodable += 1;
                CompactString::const_new("\u{FFFD}")
            });
            if x.is_finite() && y.is_finite() && size.is_finite() && width.is_finite() {
                self.out.glyphs.push(Glyph {
                    text,
                    x: x - self.page_left,
                    y: self.page_top - y,
                    width,
                    size,
                    bold: font.bold,
                });
            }
            let spacing = if code.word_space { t.word_space } else { 0.0 };
            let tx = (code.width * t.size + t.char_space + spacing) * t.scale;
            self.tm = Matrix::translate(tx, 0.0).then(&self.tm);
        }
        self.codes = codes;
    }

    /// A Form XObject: its content with its own matrix and resources.
    fn form(&mut self, resources: Option<&Dictionary>, name: &[u8]) {
        let Some(xobjects) = resources.and_then(|r| dict(self.doc, r, b"XObject")) else {
            return;
        };
        let Ok(id) = xobjects.get(name).and_then(Object::as_reference) else {
            return;
        };
        if self.forms.len() >= MAX_FORM_DEPTH || self.forms.contains(&id) {
            return;
        }
        let Ok(Object::Stream(stream)) = self.doc.get_object(id) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        if self.form_bytes > MAX_FORM_BYTES {
            self.out.truncated = true;
            return;
        }
        let Some(content) = stream_bytes(self.doc, &Object::Reference(id)) else {
            return;
        };
        self.form_bytes += content.len();
        let matrix = match stream.dict.get(b"Matrix").map(|o| resolve(self.doc, o)) {
            Ok(Object::Array(m)) if m.len() == 6 => {
                let v: Vec<f32> = m.iter().map(|o| number(o).unwrap_or(0.0)).collect();
                Matrix([v[0], v[1], v[2], v[3], v[4], v[5]])
            }
            _ => Matrix::IDENTITY,
        };
        let own = dict(self.doc, &stream.dict, b"Resources").or(resources);
        let saved = (self.state.clone(), self.tm, self.tlm, self.stack.len());
        if matrix.finite() {
            self.state.ctm = matrix.then(&self.state.ctm);
        }
        self.forms.push(id);
        self.run(&content, own);
        self.forms.pop();
        self.stack.truncate(saved.3);
        (self.state, self.tm, self.tlm) = (saved.0, saved.1, saved.2);
    }

    /// Paths, for the rules among them: thin filled rectangles and stroked
    /// horizontal lines.
    fn path_operation(&mut self, op: &str, args: &[Object]) {
        let n = |i: usize| args.get(i).and_then(number).unwrap_or(0.0);
        match op {
            "re" => {
                let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                let ctm = self.state.ctm;
                let (x0, y0) = ctm.apply(x, y);
                let (x1, y1) = ctm.apply(x + w, y + h);
                if (y1 - y0).abs() <= 2.0 {
                    self.path
                        .push((x0.min(x1), x0.max(x1), (y0 + y1) / 2.0, 0.0));
                }
            }
            "m" => self.path_start = self.state.ctm.apply(n(0), n(1)),
            "l" => {
                let (x1, y1) = self.state.ctm.apply(n(0), n(1));
                let (x0, y0) = self.path_start;
                if (y1 - y0).abs() <= 1.0 {
                    self.path
                        .push((x0.min(x1), x0.max(x1), (y0 + y1) / 2.0, 0.0));
                }
                self.path_start = (x1, y1);
            }
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                for (x0, x1, y, _) in self.path.drain(..) {
                    if x1 - x0 >= 20.0 && self.out.rules.len() < 256 {
                        self.out.rules.push(Rule {
                            y: self.page_top - y,
                            x0: x0 - self.page_left,
                            x1: x1 - self.page_left,
                        });
                    }
                }
            }
            "n" => self.path.clear(),
            _ => {}
        }
    }
}
