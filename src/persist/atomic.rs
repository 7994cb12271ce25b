//! Replacing a file atomically: write a temporary file beside it, sync,
//! rename. A symlink is followed, so the link stays a link and its target
//! gets the new contents.

use std::io::Write;
use std::path::{Path, PathBuf};

/// How much is written at once by the writes that stream.
pub(crate) const BUFFER: usize = 64 * 1024;

/// The file a write to `path` should replace: `path` itself, or, through
/// any chain of symlinks, the file it points to (relative links resolved
/// against the link's directory). A dangling link resolves to its target,
/// which is then created.
pub(crate) fn resolve_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // A bound on the chain, as the kernel has (ELOOP).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&current) {
                Ok(target) => {
                    current = match current.parent() {
                        Some(dir) if target.is_relative() => dir.join(target),
                        _ => target,
                    };
                }
                Err(_) => return current,
            },
            _ => return current,
        }
    }
    current
}

/// The name of the temporary file a save of `path` writes first.
pub(crate) fn temporary_for(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Replace `path` (or the file a symlink at `path` points to) with `bytes`
/// atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Replace `path` atomically with what `write` writes (buffered), so that
/// a long output need not be held whole first.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let path = resolve_links(path);
    let tmp = temporary_for(&path);
    let result = (|| {
        let file = create_new(&tmp)?;
        // The new file keeps the old one's permissions (a private file
        // stays private), set before any byte is written to it.
        if let Ok(meta) = std::fs::metadata(&path) {
            file.set_permissions(meta.permissions())?;
        }
        let mut out = std::io::BufWriter::with_capacity(BUFFER, &file);
        write(&mut out)?;
        out.flush()?;
        drop(out);
        file.sync_all()?;
        std::fs::rename(&tmp, &path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Create `tmp` as a new file, never opening what is already there: in a
/// shared directory (`convert -o /tmp/out.json`) someone else could have
/// put a symlink at the predictable temporary name, and opening it would
/// write into (and truncate) whatever it points to. Whatever is there (a
/// link, or the leftover of a killed save whose pid is reused) is removed
/// (a link itself, not its target) and the file created anew.
fn create_new(tmp: &Path) -> std::io::Result<std::fs::File> {
    let open = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(tmp)
    };
    match open() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(tmp)?;
            open()
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("hamish-atomic-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = scratch("plain");
        let path = dir.join("state.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_symlink_stays_a_symlink_and_its_target_is_written() {
        let dir = scratch("link");
        std::fs::create_dir_all(dir.join("real")).unwrap();
        let target = dir.join("real/state.json");
        std::fs::write(&target, b"old").unwrap();
        let link = dir.join("state.json");
        std::os::unix::fs::symlink("real/state.json", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_link_planted_at_the_temporary_name_is_not_followed() {
        // Someone who can write in the directory puts a link where the
        // temporary file will be, pointing at a file of the victim's.
        let dir = scratch("planted");
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, b"precious").unwrap();
        let out = dir.join("out.json");
        std::os::unix::fs::symlink(&victim, temporary_for(&out)).unwrap();
        write_atomically(&out, b"converted").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
        assert_eq!(std::fs::read(&out).unwrap(), b"converted");
        assert!(!temporary_for(&out).exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_private_file_stays_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = scratch("private");
        let path = dir.join("state.json");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
