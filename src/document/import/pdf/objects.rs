//! Reading the object graph through lopdf with every size bounded: the
//! helpers the interpreter and the font reader share (references followed,
//! numbers read leniently, streams decoded under a limit).

use lopdf::{Dictionary, Document, Object};

/// No single stream (page content, font map, form) may decode to more.
pub const MAX_STREAM_BYTES: usize = 32 << 20;

/// `object`, with references followed (a dangling one is `Null`).
pub fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    static NULL: Object = Object::Null;
    doc.dereference(object).map_or(&NULL, |(_, o)| o)
}

/// The value of `key` in `dict`, references followed.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key)
        .ok()
        .map(|o| resolve(doc, o))
        .filter(|o| !matches!(o, Object::Null))
}

/// The dictionary at `key` (or the dictionary of a stream there).
pub fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    match get(doc, d, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// The array at `key`.
pub fn array<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, d, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// A number, integer or real.
pub fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r).filter(|r| r.is_finite()),
        _ => None,
    }
}

/// A number at `key`, references followed.
pub fn number_at(doc: &Document, d: &Dictionary, key: &[u8]) -> Option<f32> {
    get(doc, d, key).and_then(number)
}

/// A name at `key`.
pub fn name<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, d, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// The decoded bytes of the stream `object` refers to, within the limit;
/// `None` when it is no stream, or too large, or its filter is unknown.
pub fn stream_bytes(doc: &Document, object: &Object) -> Option<Vec<u8>> {
    let Object::Stream(stream) = resolve(doc, object) else {
        return None;
    };
    if stream.dict.has(b"Filter") {
        stream
            .decompressed_content_with_limit(MAX_STREAM_BYTES)
            .ok()
    } else {
        (stream.content.len() <= MAX_STREAM_BYTES).then(|| stream.content.clone())
    }
}
