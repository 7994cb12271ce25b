//! Where `hamish convert -o OUT` writes: standard output for `-`, a regular
//! file replaced atomically (through a symlink, which stays a link), or an
//! existing device or FIFO written in place — never replaced by a regular
//! file, which is what a plain rename would do to `/dev/null`.

use std::io::{BufWriter, Write};
use std::path::Path;

use super::atomic::BUFFER;

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{0}: is a directory")]
    Directory(String),
    #[error("{0}: is a {1}; hamish writes only to files, FIFOs and character devices")]
    Refused(String, &'static str),
    #[error("{0}: cannot write: {1}")]
    Io(String, std::io::Error),
}

/// Write `bytes` to `out` as described in the module comment. A closed
/// pipe on standard output is returned as an `Io` error of kind
/// `BrokenPipe`, for the caller to end quietly.
pub fn write_output(out: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    write_output_with(out, |w| w.write_all(bytes))
}

/// [`write_output`] of what `write` writes (buffered), so that a long
/// output need not be held whole first.
pub fn write_output_with(
    out: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let name = out.display().to_string();
    let io = |e| OutputError::Io(name.clone(), e);
    if out.as_os_str() == "-" {
        let mut stdout = BufWriter::with_capacity(BUFFER, std::io::stdout().lock());
        write(&mut stdout).map_err(io)?;
        return stdout.flush().map_err(io);
    }
    let target = super::atomic::resolve_links(out);
    let meta = match std::fs::metadata(&target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return super::atomic::write_atomically_with(&target, write).map_err(io)
        }
        Err(e) => return Err(io(e)),
    };
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_file() {
        super::atomic::write_atomically_with(&target, write).map_err(io)
    } else if kind.is_dir() {
        Err(OutputError::Directory(name))
    } else if kind.is_char_device() || kind.is_fifo() {
        // In place: no truncation (a device has no length), no rename.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(io)?;
        let mut file = BufWriter::with_capacity(BUFFER, file);
        write(&mut file).map_err(io)?;
        file.flush().map_err(io)
    } else if kind.is_block_device() {
        Err(OutputError::Refused(name, "block device"))
    } else {
        Err(OutputError::Refused(name, "socket or special file"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_device_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        write_output(Path::new("/dev/null"), b"gone").unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(meta.file_type().is_char_device());
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = std::env::temp_dir();
        let err = write_output(&dir, b"x").unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
    }
}
