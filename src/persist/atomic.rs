//! Replacing a file atomically: write a temporary file beside it, sync,
//! rename. A symlink is followed, so the link stays a link and its target
//! gets the new contents.

use std::io::Write;
use std::path::{Path, PathBuf};

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
    let path = resolve_links(path);
    let tmp = temporary_for(&path);
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        // The new file keeps the old one's permissions (a private file
        // stays private).
        if let Ok(meta) = std::fs::metadata(&path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, &path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
}
