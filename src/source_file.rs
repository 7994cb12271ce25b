//! Reading a document's file as text: the checks every importer needs before
//! it can parse anything (a regular file, not too large, not binary), and
//! decoding (UTF-8, UTF-16 with a byte-order mark, legacy Arabic code pages),
//! each failure a one-line message naming the file.

use std::io::Read;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;

/// The largest file read unless the user allows more: far beyond any essay,
/// small enough that a mistaken `hamish /dev/sda1`-sized file fails at once.
pub const DEFAULT_MAX_BYTES: u64 = 256 << 20;

/// The environment variable that overrides [`DEFAULT_MAX_BYTES`] (as
/// `--max-size` does), in bytes or with a K, M or G suffix.
pub const MAX_SIZE_VAR: &str = "HAMISH_MAX_SIZE";

/// Bytes looked at to tell text from binary before reading the rest.
const FIRST_BLOCK: usize = 8192;

/// How to read a file.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    /// Files larger than this are refused.
    pub max_bytes: u64,
    /// Decode with this encoding instead of detecting one.
    pub encoding: Option<&'static Encoding>,
}

impl Default for ReadOptions {
    /// The size limit from `HAMISH_MAX_SIZE` when it is set and valid, else
    /// [`DEFAULT_MAX_BYTES`]; the encoding detected.
    fn default() -> Self {
        let max_bytes = std::env::var(MAX_SIZE_VAR)
            .ok()
            .and_then(|v| parse_size(&v).ok())
            .unwrap_or(DEFAULT_MAX_BYTES);
        ReadOptions {
            max_bytes,
            encoding: None,
        }
    }
}

/// A file's text, decoded.
#[derive(Debug)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
    /// Bytes that were not valid UTF-8 and became U+FFFD, with the offset of
    /// the first one.
    pub replaced: Option<(usize, usize)>,
    /// The encoding the text was decoded from, when it was not UTF-8
    /// ("UTF-16LE", "windows-1256"…), for a notice to the user.
    pub encoding: Option<&'static str>,
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}: no such file")]
    Missing(PathBuf),
    #[error("{0}: is a directory, not a file")]
    Directory(PathBuf),
    #[error("{0}: is {1}, not a regular file; only files are read")]
    NotRegular(PathBuf, &'static str),
    #[error(
        "{0}: is {1} bytes, more than the limit of {2} (--max-size or HAMISH_MAX_SIZE raise it)"
    )]
    TooLarge(PathBuf, u64, u64),
    #[error("{0}: cannot read: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0}: looks like a binary file (NUL byte at offset {1}), not text")]
    Binary(PathBuf, usize),
    #[error("{0}: is empty")]
    Empty(PathBuf),
}

/// Read `path` as text with the default options (see [`ReadOptions`]).
pub fn read_text(path: &Path) -> Result<SourceText, InputError> {
    read_text_with(path, &ReadOptions::default())
}

/// Read `path` as text: only a regular file, at most `options.max_bytes`
/// long, not binary (judged from its first block, before the rest is read).
/// The text is decoded (see [`decode`]), a leading byte-order mark dropped,
/// CRLF line ends made LF.
pub fn read_text_with(path: &Path, options: &ReadOptions) -> Result<SourceText, InputError> {
    let owned = path.to_path_buf();
    let io_error = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::Missing(owned.clone()),
        _ => InputError::Io(owned.clone(), e),
    };
    // Look before opening: opening a FIFO with no writer would block.
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(InputError::Directory(owned));
    }
    if !meta.is_file() {
        return Err(InputError::NotRegular(owned, kind_of(&meta)));
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    // The same file, now that it is open (it may have been swapped).
    let meta = file.metadata().map_err(io_error)?;
    if !meta.is_file() {
        return Err(InputError::NotRegular(owned, kind_of(&meta)));
    }
    let mut reader = file.take(options.max_bytes.saturating_add(1));
    let mut bytes = Vec::new();
    (&mut reader)
        .take(FIRST_BLOCK as u64)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    let wide = is_utf16(&bytes, options.encoding);
    if !wide {
        if let Some(at) = memchr_nul(&bytes) {
            return Err(InputError::Binary(owned, at));
        }
    }
    if meta.len() > options.max_bytes {
        return Err(InputError::TooLarge(owned, meta.len(), options.max_bytes));
    }
    bytes.reserve(meta.len() as usize);
    reader.read_to_end(&mut bytes).map_err(io_error)?;
    if bytes.len() as u64 > options.max_bytes {
        // It grew while being read.
        return Err(InputError::TooLarge(
            owned,
            bytes.len() as u64,
            options.max_bytes,
        ));
    }
    if bytes.is_empty() {
        return Err(InputError::Empty(owned));
    }
    if !wide {
        if let Some(at) = memchr_nul(&bytes) {
            return Err(InputError::Binary(owned, at));
        }
    }
    let decoded = decode(bytes, options.encoding);
    let text = if decoded.text.contains('\r') {
        decoded.text.replace("\r\n", "\n")
    } else {
        decoded.text
    };
    Ok(SourceText {
        path: owned,
        text,
        replaced: decoded.replaced,
        encoding: decoded.encoding,
    })
}

/// What a file that is not a regular file is, for the message.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "not a file"
}

/// True when the bytes are to be read as UTF-16 (which has NUL bytes).
fn is_utf16(first: &[u8], forced: Option<&'static Encoding>) -> bool {
    let utf16 = |e: &'static Encoding| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
    match forced {
        Some(e) => utf16(e),
        None => Encoding::for_bom(first).is_some_and(|(e, _)| utf16(e)),
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    // `contains` on bytes is a memchr; find the offset only when needed.
    if !bytes.contains(&0) {
        return None;
    }
    bytes.iter().position(|&b| b == 0)
}

/// Text decoded from bytes.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Invalid UTF-8 replaced: how many bytes, and the offset of the first.
    pub replaced: Option<(usize, usize)>,
    /// The encoding used when it was not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Decode a file's bytes.
///
/// - `forced`: that encoding (a byte-order mark of it is dropped).
/// - A UTF-16 byte-order mark: UTF-16 of that byte order.
/// - Valid UTF-8, or mostly UTF-8 (more valid non-ASCII characters than
///   invalid bytes): UTF-8, each invalid byte U+FFFD, counted.
/// - Otherwise, when chardetng judges the bytes to be Arabic in
///   Windows-1256 or ISO-8859-6: that encoding. Anything else stays lossy
///   UTF-8 (hamish reads Arabic and English; a Latin-1 file loses only its
///   accented letters, and says so).
pub fn decode(bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Decoded {
    if let Some(encoding) = forced.filter(|e| *e != encoding_rs::UTF_8) {
        let (text, _) = encoding.decode_with_bom_removal(&bytes);
        return Decoded {
            text: text.into_owned(),
            replaced: None,
            encoding: Some(encoding.name()),
        };
    }
    if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
            return Decoded {
                text: text.into_owned(),
                replaced: None,
                encoding: Some(encoding.name()),
            };
        }
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Decoded {
                text,
                replaced: None,
                encoding: None,
            }
        }
        Err(e) => e.into_bytes(),
    };
    if forced.is_none() && !mostly_utf8(&bytes) {
        if let Some(encoding) = arabic_code_page(&bytes) {
            let (text, _) = encoding.decode_without_bom_handling(&bytes);
            return Decoded {
                text: text.into_owned(),
                replaced: None,
                encoding: Some(encoding.name()),
            };
        }
    }
    let (text, replaced) = decode_lossy(&bytes);
    Decoded {
        text,
        replaced,
        encoding: None,
    }
}

/// More valid non-ASCII UTF-8 characters than invalid bytes: a UTF-8 file
/// with a few damaged bytes, not a file in another encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    valid > invalid
}

/// Windows-1256 or ISO-8859-6 when chardetng takes the bytes for either.
fn arabic_code_page(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    (guess == encoding_rs::WINDOWS_1256 || guess == encoding_rs::ISO_8859_6).then_some(guess)
}

/// Decode UTF-8, replacing invalid sequences; returns how many bytes were
/// replaced and where the first one was.
fn decode_lossy(bytes: &[u8]) -> (String, Option<(usize, usize)>) {
    let mut count = 0;
    let mut first = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first.get_or_insert(offset);
            count += chunk.invalid().len();
        }
        offset += chunk.invalid().len();
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    (text, first.map(|f| (count, f)))
}

/// A size in bytes: a whole number, optionally followed by K, M or G
/// (powers of 1024; "KB", "MiB" and lower case are accepted too).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size such as 300M or 1G"))?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(format!("`{text}` is not a size such as 300M or 1G")),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

/// An encoding by any of its WHATWG labels ("windows-1256", "cp1256",
/// "iso-8859-6", "utf-16le", "latin1"…).
pub fn parse_encoding(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!(
            "unknown encoding `{label}` (for example utf-8, utf-16le, windows-1256, iso-8859-6)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "هذا نص عربي قصير للاختبار، مكتوب بترميز ويندوز." — a short Arabic
    /// sentence ("this is a short Arabic text for the test, written in the
    /// Windows encoding").
    const ARABIC: &str = "\u{0647}\u{0630}\u{0627} \u{0646}\u{0635} \u{0639}\u{0631}\u{0628}\u{064A} \u{0642}\u{0635}\u{064A}\u{0631} \u{0644}\u{0644}\u{0627}\u{062E}\u{062A}\u{0628}\u{0627}\u{0631}\u{060C} \u{0645}\u{0643}\u{062A}\u{0648}\u{0628} \u{0628}\u{062A}\u{0631}\u{0645}\u{064A}\u{0632} \u{0648}\u{064A}\u{0646}\u{062F}\u{0648}\u{0632}.\n";

    #[test]
    fn windows_1256_is_detected() {
        let (bytes, _, lossy) = encoding_rs::WINDOWS_1256.encode(ARABIC);
        assert!(!lossy);
        let decoded = decode(bytes.into_owned(), None);
        assert_eq!(decoded.encoding, Some("windows-1256"));
        assert_eq!(decoded.text, ARABIC);
        assert_eq!(decoded.replaced, None);
    }

    #[test]
    fn utf16_with_a_byte_order_mark() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in ARABIC.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let le = decode(le, None);
        assert_eq!((le.text.as_str(), le.encoding), (ARABIC, Some("UTF-16LE")));
        let be = decode(be, None);
        assert_eq!((be.text.as_str(), be.encoding), (ARABIC, Some("UTF-16BE")));
    }

    #[test]
    fn mostly_utf8_keeps_the_replacement_report() {
        // Arabic in UTF-8 with one stray byte (0xFF) at byte 4.
        let mut bytes = ARABIC.as_bytes().to_vec();
        bytes.insert(4, 0xFF);
        let decoded = decode(bytes, None);
        assert_eq!(decoded.encoding, None);
        assert_eq!(decoded.replaced, Some((1, 4)));
        assert!(decoded.text.starts_with("\u{0647}\u{0630}\u{FFFD}\u{0627}"));
    }

    #[test]
    fn a_forced_encoding_wins() {
        // 0xE9 is é in Latin-1 (windows-1252 by its WHATWG label).
        let decoded = decode(b"caf\xe9".to_vec(), Some(parse_encoding("latin1").unwrap()));
        assert_eq!(decoded.text, "caf\u{e9}");
        assert_eq!(decoded.encoding, Some("windows-1252"));
        // ISO-8859-6: 0xC7 is alef, 0xE4 lam.
        let decoded = decode(
            b"\xc7\xe4".to_vec(),
            Some(parse_encoding("iso-8859-6").unwrap()),
        );
        assert_eq!(decoded.text, "\u{0627}\u{0644}");
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("300"), Ok(300));
        assert_eq!(parse_size("2K"), Ok(2048));
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("1gib"), Ok(1 << 30));
        assert!(parse_size("").is_err());
        assert!(parse_size("12T").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }
}
