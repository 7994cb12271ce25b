//! What mlterm's own bidi (`use_ctl`) was before hamish switched it off,
//! so exit puts that back. mlterm 3.9 does not answer the query for it
//! (`OSC 5380`), so it is read where mlterm itself reads it at start: the
//! system file `/etc/mlterm/main`, then the user's `~/.config/mlterm/main`
//! when `~/.config/mlterm` exists, otherwise `~/.mlterm/main` (mlterm's
//! `bl_get_user_rc_path`; it does not look at `XDG_CONFIG_HOME`), the last
//! `use_ctl = …` line winning, true when none says otherwise. A
//! `-C`/`--ctl` option given to that mlterm window cannot be seen.

use std::path::{Path, PathBuf};

/// The value of the last `use_ctl` line of an mlterm configuration file,
/// as mlterm reads it: `key = value`, blank lines and `#` lines skipped,
/// a ` #comment` after the value dropped; only "false" turns it off.
pub fn use_ctl_in(text: &str) -> Option<bool> {
    let mut found = None;
    for line in text.lines() {
        let line = line.trim_start_matches([' ', '\t']);
        if line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if key.trim() != "use_ctl" {
            continue;
        }
        // A "#" after a blank starts a comment.
        let value = match value.rfind('#') {
            Some(cut) if value[..cut].ends_with([' ', '\t']) => &value[..cut],
            _ => value,
        };
        let value = value.trim();
        found = Some(value != "false");
    }
    found
}

/// The files mlterm reads its `main` settings from, in order, for the
/// home directory `home`.
pub fn config_files(home: Option<&Path>) -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("/etc/mlterm/main")];
    if let Some(home) = home {
        let config = home.join(".config").join("mlterm");
        files.push(if config.is_dir() {
            config.join("main")
        } else {
            home.join(".mlterm").join("main")
        });
    }
    files
}

/// Whether mlterm started with its bidi on, as far as its configuration
/// files say (mlterm's default, on, when they say nothing or cannot be
/// read).
pub fn configured_use_ctl(home: Option<&Path>) -> bool {
    // The last file that says anything wins: look from the last one back.
    config_files(home)
        .iter()
        .rev()
        .filter_map(|file| std::fs::read_to_string(file).ok())
        .find_map(|text| use_ctl_in(&text))
        .unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_use_ctl_line_counts_as_mlterm_reads_it() {
        assert_eq!(use_ctl_in("fontsize = 16\n"), None);
        assert_eq!(use_ctl_in("use_ctl = false\n"), Some(false));
        assert_eq!(use_ctl_in("  use_ctl=false  # no bidi\n"), Some(false));
        assert_eq!(use_ctl_in("use_ctl = false\nuse_ctl = true\n"), Some(true));
        // Commented out, or another key that starts the same: not it.
        assert_eq!(use_ctl_in("# use_ctl = false\n"), None);
        assert_eq!(use_ctl_in("use_ctl_x = false\n"), None);
        // Anything but "false" leaves it on.
        assert_eq!(use_ctl_in("use_ctl = no\n"), Some(true));
    }

    #[test]
    fn the_user_file_is_in_dot_config_only_when_that_directory_exists() {
        let home = std::env::temp_dir().join(format!("hamish-mlterm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(home.join(".mlterm")).unwrap();
        assert_eq!(config_files(Some(&home))[1], home.join(".mlterm/main"));
        assert!(configured_use_ctl(Some(&home)) || Path::new("/etc/mlterm/main").exists());
        std::fs::write(home.join(".mlterm/main"), "use_ctl = false\n").unwrap();
        assert!(!configured_use_ctl(Some(&home)));
        std::fs::create_dir_all(home.join(".config/mlterm")).unwrap();
        assert_eq!(
            config_files(Some(&home))[1],
            home.join(".config/mlterm/main")
        );
        std::fs::remove_dir_all(&home).unwrap();
    }
}
