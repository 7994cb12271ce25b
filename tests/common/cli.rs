//! Running the hamish binary the way a user would, but hermetically: no
//! user config or state can add messages or change a layout under test.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// A directory that does not exist, given as `XDG_CONFIG_HOME` and
/// `XDG_STATE_HOME`: hamish then reads no config and no state.
pub fn no_home() -> PathBuf {
    std::env::temp_dir().join("hamish-tests-no-home")
}

/// The binary with no user config or state (they could add messages).
pub fn command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hamish"));
    cmd.env("XDG_CONFIG_HOME", no_home())
        .env("XDG_STATE_HOME", no_home());
    cmd
}

/// Run hamish with `args` to the end and collect what it wrote.
pub fn hamish(args: &[&str]) -> Output {
    command().args(args).output().expect("hamish runs")
}

/// Run hamish, killing it (and failing) if it has not ended after
/// `seconds`: a test of "never hangs" must not hang itself.
pub fn hamish_within(seconds: u64, args: &[&str]) -> Output {
    let child = command()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hamish runs");
    let pid = child.id();
    // Collected on a thread, so a full pipe never blocks hamish.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output().unwrap()));
    match rx.recv_timeout(Duration::from_secs(seconds)) {
        Ok(out) => out,
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("hamish {args:?} still running after {seconds} s");
        }
    }
}

/// What hamish wrote on stderr, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A path named `name` in a scratch directory of this test run (one per
/// test binary and process, so parallel runs never meet); the directory
/// exists, the path itself is left for the test to make.
pub fn scratch(name: &str) -> PathBuf {
    let test = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let dir = std::env::temp_dir().join(format!("hamish-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A fresh, empty directory named `name` in this run's scratch directory:
/// for one test's state and config.
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
