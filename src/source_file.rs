//! Reading a document file as text: the checks every importer needs before
//! it can parse anything (a regular file, not too large, not binary), and
//! the decoding (UTF-8, UTF-16 with a byte-order mark, or a legacy Arabic
//! encoding such as Windows-1256 when the bytes are not UTF-8), each
//! failure a one-line message naming the file.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use encoding_rs::Encoding;

/// A file's text, decoded.
#[derive(Debug)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
    /// Bytes that were not valid UTF-8 and became U+FFFD, with the offset of
    /// the first one.
    pub replaced: Option<(usize, usize)>,
    /// The encoding the bytes were decoded from when it was not UTF-8.
    pub decoded_from: Option<&'static str>,
    /// A PDF's bytes, which are no text (`text` is then empty).
    pub pdf: Option<Vec<u8>>,
}

impl SourceText {
    /// Text that needed no decoding (bundled essays, a part of a file).
    pub fn new(path: PathBuf, text: String) -> SourceText {
        SourceText {
            path,
            text,
            replaced: None,
            decoded_from: None,
            pdf: None,
        }
    }

    /// The bytes that identify the document (its text, or a PDF's bytes):
    /// the state file keys positions by their hash.
    pub fn identity(&self) -> &[u8] {
        self.pdf.as_deref().unwrap_or(self.text.as_bytes())
    }
}

/// A PDF announces itself with `%PDF-` in its first kilobyte.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}: no such file")]
    Missing(PathBuf),
    #[error("{0}: is a directory, not a file")]
    Directory(PathBuf),
    #[error("{0}: is a {1}, not a regular file")]
    NotRegular(PathBuf, &'static str),
    #[error("{0}: is {1} MB, over the limit of {2} MB (--max-size MB raises it)")]
    TooLarge(PathBuf, u64, u64),
    #[error("{0}: cannot read: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0}: looks like a binary file (NUL byte at offset {1}), not text")]
    Binary(PathBuf, usize),
    #[error("{0}: is empty")]
    Empty(PathBuf),
}

/// Files larger than this are refused unless the user raises the limit:
/// hamish holds a document and its layout in memory (a few times the file).
pub const DEFAULT_MAX_BYTES: u64 = 256 << 20;

static MAX_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_BYTES);
static FORCED_ENCODING: Mutex<Option<&'static Encoding>> = Mutex::new(None);

/// Raise or lower the size limit for every file read after this (set once
/// from the command line).
pub fn set_max_bytes(bytes: u64) {
    MAX_BYTES.store(bytes, Ordering::Relaxed);
}

/// Decode every file read after this with `label` (an encoding name such
/// as "windows-1256", "iso-8859-6", "utf-16le"); an unknown name is an error.
pub fn force_encoding(label: &str) -> Result<(), String> {
    let encoding = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding `{label}` (try windows-1256, iso-8859-6, utf-8, utf-16le)")
    })?;
    *FORCED_ENCODING.lock().unwrap_or_else(|p| p.into_inner()) = Some(encoding);
    Ok(())
}

fn forced_encoding() -> Option<&'static Encoding> {
    *FORCED_ENCODING.lock().unwrap_or_else(|p| p.into_inner())
}

/// How much is read to tell text from binary before reading the rest.
const FIRST_BLOCK: usize = 8192;

/// Read `path` as text: decoded (see the module comment), invalid UTF-8
/// replaced (and counted), a leading byte-order mark dropped, CRLF line
/// ends turned into LF.
pub fn read_text(path: &Path) -> Result<SourceText, InputError> {
    let bytes = if is_stdin(path) {
        read_stdin()?
    } else {
        read_bounded(path)?
    };
    decode_file(path.to_path_buf(), bytes)
}

/// `-` names standard input, as in most Unix tools.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Standard input, up to the size limit (a pipe has no size to check
/// first, so reading stops one byte past the limit).
fn read_stdin() -> Result<Vec<u8>, InputError> {
    let limit = MAX_BYTES.load(Ordering::Relaxed);
    let name = || PathBuf::from("standard input");
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Io(name(), e))?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge(name(), limit >> 20, limit >> 20));
    }
    Ok(bytes)
}

fn decode_file(owned: PathBuf, bytes: Vec<u8>) -> Result<SourceText, InputError> {
    let shown = || {
        if is_stdin(&owned) {
            PathBuf::from("standard input")
        } else {
            owned.clone()
        }
    };
    if bytes.is_empty() {
        return Err(InputError::Empty(shown()));
    }
    if looks_like_pdf(&bytes) && forced_encoding().is_none() {
        let mut source = SourceText::new(owned, String::new());
        source.pdf = Some(bytes);
        return Ok(source);
    }
    let bom = Encoding::for_bom(&bytes).map(|(e, _)| e);
    let forced = forced_encoding();
    if forced.is_none() && bom.is_none() {
        if let Some(at) = memchr_nul(&bytes) {
            return Err(InputError::Binary(shown(), at));
        }
    }
    let (text, replaced, decoded_from) = decode(bytes, forced.or(bom));
    let text = text
        .strip_prefix('\u{FEFF}')
        .map(str::to_owned)
        .unwrap_or(text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    Ok(SourceText {
        path: owned,
        text,
        replaced,
        decoded_from,
        pdf: None,
    })
}

/// The bytes of a regular file no larger than the limit. Devices, FIFOs
/// and sockets are refused before they are opened (reading `/dev/zero`
/// never ends, opening a FIFO with no writer never returns), and a file
/// that looks binary in its first block is refused before the rest is read.
fn read_bounded(path: &Path) -> Result<Vec<u8>, InputError> {
    let owned = || path.to_path_buf();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::Missing(owned()),
        _ => InputError::Io(owned(), e),
    })?;
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(InputError::Directory(owned()));
    }
    if !kind.is_file() {
        let what = if kind.is_fifo() {
            "FIFO"
        } else if kind.is_char_device() || kind.is_block_device() {
            "device"
        } else {
            "special file"
        };
        return Err(InputError::NotRegular(owned(), what));
    }
    let limit = MAX_BYTES.load(Ordering::Relaxed);
    if meta.len() > limit {
        return Err(InputError::TooLarge(owned(), meta.len() >> 20, limit >> 20));
    }
    let mut file = std::fs::File::open(path).map_err(|e| InputError::Io(owned(), e))?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize + 1);
    (&mut file)
        .take(FIRST_BLOCK as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Io(owned(), e))?;
    if Encoding::for_bom(&bytes).is_none() && forced_encoding().is_none() && !looks_like_pdf(&bytes)
    {
        if let Some(at) = memchr_nul(&bytes) {
            return Err(InputError::Binary(owned(), at));
        }
    }
    // `take` guards against a file that grows while it is read.
    file.take(limit + 1 - bytes.len() as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Io(owned(), e))?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge(
            owned(),
            bytes.len() as u64 >> 20,
            limit >> 20,
        ));
    }
    Ok(bytes)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    // `contains` on bytes is a memchr; find the offset only when needed.
    if !bytes.contains(&0) {
        return None;
    }
    bytes.iter().position(|&b| b == 0)
}

type Decoded = (String, Option<(usize, usize)>, Option<&'static str>);

/// Decode with `encoding` when it is known (forced or from a byte-order
/// mark); else as UTF-8, unless the bytes are not UTF-8 and a detector
/// finds a legacy Arabic encoding that fits them (Windows-1256, ISO-8859-6).
fn decode(bytes: Vec<u8>, encoding: Option<&'static Encoding>) -> Decoded {
    if let Some(encoding) = encoding.filter(|e| *e != encoding_rs::UTF_8) {
        let (text, _, _) = encoding.decode(&bytes);
        return (text.into_owned(), None, Some(encoding.name()));
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(s) => return (s, None, None),
        Err(e) => e.into_bytes(),
    };
    let (count, first) = invalid_utf8(&bytes);
    if encoding.is_none() && looks_legacy(&bytes, count) {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(&bytes, true);
        let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
        // Only the legacy Arabic encodings are taken on a guess: for other
        // scripts a wrong guess would be worse than the replaced bytes that
        // are reported (and `--encoding` is there for them).
        if guess == encoding_rs::WINDOWS_1256 || guess == encoding_rs::ISO_8859_6 {
            let (text, _, _) = guess.decode(&bytes);
            return (text.into_owned(), None, Some(guess.name()));
        }
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    (text, Some((count, first)), None)
}

/// A file written in UTF-8 with a few damaged bytes stays UTF-8 (and the
/// damage is reported); one where most non-ASCII bytes are not valid UTF-8
/// was written in some other encoding.
fn looks_legacy(bytes: &[u8], invalid: usize) -> bool {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    invalid * 2 > non_ascii
}

/// How many bytes are not valid UTF-8, and the offset of the first.
fn invalid_utf8(bytes: &[u8]) -> (usize, usize) {
    let mut count = 0;
    let mut first = None;
    for chunk in bytes.utf8_chunks() {
        if !chunk.invalid().is_empty() {
            let at =
                chunk.valid().as_ptr() as usize - bytes.as_ptr() as usize + chunk.valid().len();
            first.get_or_insert(at);
            count += chunk.invalid().len();
        }
    }
    (count, first.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "في العام 1917 قامت الثورة" (in the year 1917 the revolution came).
    const SENTENCE: &str = "\u{641}\u{64a} \u{627}\u{644}\u{639}\u{627}\u{645} 1917 \u{642}\u{627}\u{645}\u{62a} \u{627}\u{644}\u{62b}\u{648}\u{631}\u{629}";

    #[test]
    fn windows_1256_is_detected_and_named() {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(SENTENCE);
        assert!(!unmappable);
        let (text, replaced, from) = decode(bytes.into_owned(), None);
        assert_eq!(text, SENTENCE);
        assert_eq!(replaced, None);
        assert_eq!(from, Some("windows-1256"));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in SENTENCE.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let bom = Encoding::for_bom(&bytes).map(|(e, _)| e);
        let (text, _, from) = decode(bytes, bom);
        assert_eq!(text.trim_start_matches('\u{feff}'), SENTENCE);
        assert_eq!(from, Some("UTF-16LE"));
    }

    #[test]
    fn utf8_with_one_bad_byte_stays_utf8() {
        let mut bytes = SENTENCE.as_bytes().to_vec();
        bytes.insert(4, 0xFF);
        let (text, replaced, from) = decode(bytes, None);
        assert_eq!(from, None);
        assert_eq!(replaced, Some((1, 4)));
        assert!(text.contains('\u{FFFD}'));
    }
}
