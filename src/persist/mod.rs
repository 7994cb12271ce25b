//! Writing files so that a crash, a full disk or a killed SSH session never
//! leaves a half-written one (write a temporary file beside it, sync,
//! rename), and finding where hamish keeps its files (XDG base directories).

pub mod state;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `$VAR/hamish/FILE` when the XDG variable `var` holds an absolute path,
/// else `$HOME/FALLBACK/hamish/FILE` when `HOME` does (the XDG base
/// directory defaults). A relative or empty value is ignored, as the XDG
/// specification says, so nothing is ever kept in the current directory.
pub fn xdg_file(var: &str, fallback: &str, file: &str) -> Option<PathBuf> {
    xdg_file_from(
        std::env::var_os(var),
        std::env::var_os("HOME"),
        fallback,
        file,
    )
}

/// [`xdg_file`] with the variables' values given.
pub fn xdg_file_from(
    base: Option<OsString>,
    home: Option<OsString>,
    fallback: &str,
    file: &str,
) -> Option<PathBuf> {
    let absolute = |v: OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    let base = base
        .and_then(absolute)
        .or_else(|| home.and_then(absolute).map(|h| h.join(fallback)))?;
    Some(base.join("hamish").join(file))
}

/// Symbolic links followed no further than this (as the kernel's ELOOP).
const MAX_LINKS: usize = 40;

/// The file `path` finally names, following symbolic links (even one whose
/// target does not exist yet), so that writing replaces the target and
/// keeps the link.
pub fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// The directory a file is in ("." for a bare name).
pub fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The temporary file a save of `path` writes before renaming: hidden,
/// beside it, named after it and this process.
fn temporary_for(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent_dir(path).join(format!(".{name}.{}.tmp", std::process::id()))
}

/// True for the name of a temporary file of a save of `name` (by any process).
fn is_temporary_of(candidate: &str, name: &str) -> bool {
    candidate
        .strip_prefix(&format!(".{name}."))
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Remove temporary files left beside `path` by saves that were killed.
/// Only call this while no other save of `path` can be under way (under
/// the state lock).
pub fn remove_stale_temporaries(path: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(parent_dir(path)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        if is_temporary_of(&entry.file_name().to_string_lossy(), &name) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Replace `path` with `bytes` atomically. A symbolic link is followed: its
/// target is replaced and the link stays. A file that was there keeps its
/// permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let path = resolve_links(path)?;
    let tmp = temporary_for(&path);
    let permissions = std::fs::metadata(&path).ok().map(|m| m.permissions());
    let result = (|| {
        let mut file = create_new(&tmp)?;
        file.write_all(bytes)?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.sync_all()?;
        std::fs::rename(&tmp, &path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Create `tmp` anew; one left by a killed process (this pid, reused) is
/// removed first. Never opens through a link someone placed there.
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

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("hamish-persist-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = dir("replace");
        let path = dir.join("state.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_stays_a_link_and_its_target_is_written() {
        let dir = dir("link");
        std::fs::create_dir_all(dir.join("real")).unwrap();
        let target = dir.join("real/state.json");
        std::fs::write(&target, "old").unwrap();
        let link = dir.join("state.json");
        std::os::unix::fs::symlink("real/state.json", &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        // A dangling link: its target is created.
        let dangling = dir.join("dangling");
        std::os::unix::fs::symlink("real/new.json", &dangling).unwrap();
        write_atomically(&dangling, b"x").unwrap();
        assert_eq!(std::fs::read(dir.join("real/new.json")).unwrap(), b"x");
        // A loop is an error, not a hang.
        std::os::unix::fs::symlink("loop-b", dir.join("loop-a")).unwrap();
        std::os::unix::fs::symlink("loop-a", dir.join("loop-b")).unwrap();
        assert!(write_atomically(&dir.join("loop-a"), b"x").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = dir("mode");
        let path = dir.join("out.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stale_temporaries_are_recognised() {
        assert!(is_temporary_of(".state.json.1234.tmp", "state.json"));
        assert!(!is_temporary_of(".state.json.tmp", "state.json"));
        assert!(!is_temporary_of(".state.json.12a.tmp", "state.json"));
        assert!(!is_temporary_of("state.json", "state.json"));
        assert!(!is_temporary_of(".other.json.1.tmp", "state.json"));
    }

    #[test]
    fn relative_and_empty_xdg_values_are_ignored() {
        let some = |s: &str| Some(OsString::from(s));
        let at = |p: &str| Some(PathBuf::from(p));
        assert_eq!(
            xdg_file_from(some("/x/state"), some("/home/u"), ".local/state", "s.json"),
            at("/x/state/hamish/s.json")
        );
        assert_eq!(
            xdg_file_from(some("state"), some("/home/u"), ".local/state", "s.json"),
            at("/home/u/.local/state/hamish/s.json")
        );
        assert_eq!(
            xdg_file_from(some(""), some("/home/u"), ".local/state", "s.json"),
            at("/home/u/.local/state/hamish/s.json")
        );
        assert_eq!(
            xdg_file_from(some("rel"), some("home"), ".local/state", "s.json"),
            None
        );
        assert_eq!(
            xdg_file_from(None, some(""), ".local/state", "s.json"),
            None
        );
        assert_eq!(xdg_file_from(None, None, ".config", "c.toml"), None);
    }
}
