//! Where hamish keeps files of its own (XDG base directories) and how it
//! writes files so that a crash, a full disk or a killed SSH session never
//! leaves a half-written one.

mod atomic;
pub mod output;
pub mod state;

pub use atomic::write_atomically;

use std::ffi::OsString;
use std::path::PathBuf;

/// `$VAR/hamish/FILE` when the XDG variable `var` holds an absolute path,
/// else `$HOME/FALLBACK/hamish/FILE` (the XDG base directory defaults).
/// The XDG specification says a relative path in these variables is
/// invalid and must be ignored; a relative or empty `HOME` gives no path at
/// all, so nothing is ever written into whatever directory hamish was
/// started from.
pub fn xdg_file(var: &str, fallback: &str, file: &str) -> Option<PathBuf> {
    xdg_file_from(
        std::env::var_os(var),
        std::env::var_os("HOME"),
        fallback,
        file,
    )
}

/// [`xdg_file`] with the two variables' values given.
fn xdg_file_from(
    var: Option<OsString>,
    home: Option<OsString>,
    fallback: &str,
    file: &str,
) -> Option<PathBuf> {
    let absolute = |v: OsString| {
        let p = PathBuf::from(v);
        p.is_absolute().then_some(p)
    };
    let base = var
        .and_then(absolute)
        .or_else(|| home.and_then(absolute).map(|h| h.join(fallback)))?;
    Some(base.join("hamish").join(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(var: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
        xdg_file_from(
            var.map(OsString::from),
            home.map(OsString::from),
            ".local/state",
            "state.json",
        )
    }

    #[test]
    fn relative_or_empty_xdg_variables_are_ignored() {
        let expected = Some(PathBuf::from("/home/u/.local/state/hamish/state.json"));
        assert_eq!(state(Some("rel/dir"), Some("/home/u")), expected);
        assert_eq!(state(Some(""), Some("/home/u")), expected);
        assert_eq!(state(None, Some("/home/u")), expected);
        assert_eq!(
            state(Some("/x"), Some("/home/u")),
            Some(PathBuf::from("/x/hamish/state.json"))
        );
    }

    #[test]
    fn a_relative_or_empty_home_gives_no_path() {
        assert_eq!(state(Some("rel"), Some("rel-home")), None);
        assert_eq!(state(None, Some("")), None);
        assert_eq!(state(None, None), None);
    }
}
