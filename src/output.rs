//! Writing hamish's output where the user asked (`convert -o`) without ever
//! destroying what is there: a regular file is replaced atomically (through
//! a symbolic link, which stays), a FIFO or a character device such as
//! `/dev/null` is written into as it is, and anything else is refused.
//! Also: telling a closed pipe (a reader such as `head` that has had
//! enough) from a real write error.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The exit status of a program ended by SIGPIPE (128 + 13), as `cat` or
/// `less` report it: returned, quietly, when stdout's reader goes away.
pub const BROKEN_PIPE_STATUS: u8 = 141;

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{0}: is a directory; give a file name to write to")]
    Directory(PathBuf),
    #[error("{0}: is {1}; hamish writes only to files, FIFOs and character devices")]
    Refused(PathBuf, &'static str),
    #[error("{0}: cannot write: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("cannot write to standard output: {0}")]
    Stdout(std::io::Error),
}

impl OutputError {
    /// True when the reader of stdout (or of a FIFO) went away.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, OutputError::Io(_, e) | OutputError::Stdout(e)
            if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// True when `error`, or any error it was caused by, is a closed pipe.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<OutputError>()
                .is_some_and(OutputError::is_broken_pipe)
    })
}

/// Write `bytes` to stdout and flush.
pub fn write_stdout(bytes: &[u8]) -> Result<(), OutputError> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(OutputError::Stdout)
}

/// Write `bytes` to `path`: `-` is stdout; a regular file (or a name not
/// yet taken) is replaced atomically, through symbolic links; an existing
/// FIFO or character device is written into directly; a directory, block
/// device or socket is refused.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    if path.as_os_str() == "-" {
        return write_stdout(bytes);
    }
    let io = |e| OutputError::Io(path.to_path_buf(), e);
    let target = crate::persist::resolve_links(path).map_err(io)?;
    let meta = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    match meta {
        None => crate::persist::write_atomically(&target, bytes).map_err(io),
        Some(meta) if meta.is_file() => {
            crate::persist::write_atomically(&target, bytes).map_err(io)
        }
        Some(meta) if meta.is_dir() => Err(OutputError::Directory(path.to_path_buf())),
        Some(meta) => match writable_in_place(&meta) {
            Ok(()) => write_in_place(&target, bytes).map_err(io),
            Err(what) => Err(OutputError::Refused(path.to_path_buf(), what)),
        },
    }
}

/// A FIFO or character device is written into; anything else is refused,
/// named in the error.
fn writable_in_place(meta: &std::fs::Metadata) -> Result<(), &'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() || t.is_char_device() {
            return Ok(());
        }
        if t.is_block_device() {
            return Err("a block device (a disk)");
        }
        if t.is_socket() {
            return Err("a socket");
        }
    }
    let _ = meta;
    Err("not a regular file")
}

/// Open what is there for writing, without creating or truncating it.
fn write_in_place(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    file.write_all(bytes)?;
    file.flush()
}
