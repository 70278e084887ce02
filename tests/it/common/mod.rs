//! Shared helpers for the integration tests: running the binary, throwaway corpora
//! (corpus.rs), hostile inputs, TestBackend screens and pseudo-terminal sessions.
#![allow(dead_code)]

mod corpus;
pub mod hostile;
pub mod marked;
#[cfg(feature = "reader")]
pub mod pty_session;
#[cfg(feature = "reader")]
pub mod screen;
#[cfg(feature = "reader")]
pub mod styled;

use std::process::{Command, Stdio};

pub use corpus::{Corpus, brief_of, fixture};

/// Asserts that `text` contains `part`, showing the whole text when it does not.
#[track_caller]
pub fn assert_contains(text: &str, part: &str) {
    assert!(text.contains(part), "{text}");
}

/// Asserts that `text` starts with `prefix`, showing the whole text when it does not.
#[track_caller]
pub fn assert_starts(text: &str, prefix: &str) {
    assert!(text.starts_with(prefix), "{text}");
}

/// Asserts that `text` ends with `suffix`, showing the whole text when it does not.
#[track_caller]
pub fn assert_ends(text: &str, suffix: &str) {
    assert!(text.ends_with(suffix), "{text}");
}

/// What a run of the binary gave.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `briefing` with `args`, no standard input.
pub fn run(args: &[&str]) -> Output {
    run_in(env!("CARGO_MANIFEST_DIR"), args)
}

/// Runs `briefing` in directory `dir`.
pub fn run_in(dir: &str, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .output()
        .expect("run briefing");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
