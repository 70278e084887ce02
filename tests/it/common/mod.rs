//! Shared helpers for the end-to-end tests: throwaway corpora and running the binary.
#![allow(dead_code)]

pub mod hostile;
#[cfg(feature = "reader")]
pub mod pty_session;
#[cfg(feature = "reader")]
pub mod screen;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

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

/// A corpus in a temporary directory, copied from a fixture and edited.
pub struct Corpus {
    dir: tempfile::TempDir,
    path: String,
}

impl Corpus {
    /// A copy of tests/fixtures/cli/good: two parallel documents, one clean brief.
    pub fn good() -> Corpus {
        let corpus = Corpus::blank();
        copy_dir(&fixture("cli/good"), corpus.dir.path());
        corpus
    }

    /// A copy of tests/fixtures/NAME.
    pub fn copy_of(name: &str) -> Corpus {
        let corpus = Corpus::blank();
        copy_dir(&fixture(name), corpus.dir.path());
        corpus
    }

    /// Replaces `from` by `to` in `rel` (e.g. `briefs/x.yaml`), which must contain it.
    pub fn edit(self, rel: &str, from: &str, to: &str) -> Corpus {
        let path = self.dir.path().join(rel);
        let text = fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{rel} lacks {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write");
        self
    }

    /// A corpus whose seeds/ is empty.
    pub fn empty() -> Corpus {
        let corpus = Corpus::blank();
        fs::create_dir_all(corpus.dir.path().join("seeds")).expect("mkdir");
        corpus
    }

    /// A corpus whose seeds is a file.
    pub fn seeds_is_a_file() -> Corpus {
        let corpus = Corpus::blank();
        fs::write(corpus.dir.path().join("seeds"), "not a folder").expect("write");
        corpus
    }

    fn blank() -> Corpus {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().to_string_lossy().into_owned();
        Corpus { dir, path }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// Replaces `from` by `to` in briefs/conference.yaml (which must contain it).
    pub fn edit_brief(self, from: &str, to: &str) -> Corpus {
        let path = self.dir.path().join("briefs/conference.yaml");
        let text = fs::read_to_string(&path).expect("read brief");
        assert!(text.contains(from), "fixture lacks {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write brief");
        self
    }

    pub fn write_brief(self, name: &str, text: &str) -> Corpus {
        fs::write(self.dir.path().join("briefs").join(name), text).expect("write brief");
        self
    }

    pub fn write_seed(self, name: &str, bytes: &[u8]) -> Corpus {
        fs::write(self.dir.path().join("seeds").join(name), bytes).expect("write seed");
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }
}

pub fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}
