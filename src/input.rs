//! Reading a file as text: the checks every importer needs before it can
//! parse anything, each failure a one-line message naming the file.

use std::path::{Path, PathBuf};

/// A file's text, decoded.
#[derive(Debug)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
    /// Bytes that were not valid UTF-8 and became U+FFFD, with the offset of
    /// the first one.
    pub replaced: Option<(usize, usize)>,
}

/// Why a file could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}: no such file")]
    Missing(PathBuf),
    #[error("{0}: is a directory, not a file")]
    Directory(PathBuf),
    #[error("{0}: cannot read: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0}: looks like a binary file (NUL byte at offset {1}), not text")]
    Binary(PathBuf, usize),
    #[error("{0}: is empty")]
    Empty(PathBuf),
}

/// Read `path` as UTF-8 text; invalid bytes are replaced (and counted), a
/// leading byte-order mark is dropped, CRLF line ends become LF.
pub fn read_text(path: &Path) -> Result<SourceText, InputError> {
    let owned = path.to_path_buf();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::Missing(owned.clone()),
        _ => InputError::Io(owned.clone(), e),
    })?;
    if meta.is_dir() {
        return Err(InputError::Directory(owned));
    }
    let bytes = std::fs::read(path).map_err(|e| InputError::Io(owned.clone(), e))?;
    if bytes.is_empty() {
        return Err(InputError::Empty(owned));
    }
    if let Some(at) = memchr_nul(&bytes) {
        return Err(InputError::Binary(owned, at));
    }
    let (text, replaced) = decode_lossy(bytes);
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
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    // `contains` on bytes is a memchr; find the offset only when needed.
    if !bytes.contains(&0) {
        return None;
    }
    bytes.iter().position(|&b| b == 0)
}

/// Decode UTF-8, replacing invalid sequences; returns how many bytes were
/// replaced and where the first one was.
fn decode_lossy(bytes: Vec<u8>) -> (String, Option<(usize, usize)>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bytes = e.into_bytes();
            let mut count = 0;
            let mut first = None;
            for chunk in bytes.utf8_chunks() {
                if !chunk.invalid().is_empty() {
                    let at = chunk.valid().as_ptr() as usize - bytes.as_ptr() as usize
                        + chunk.valid().len();
                    first.get_or_insert(at);
                    count += chunk.invalid().len();
                }
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (text, first.map(|f| (count, f)))
        }
    }
}
