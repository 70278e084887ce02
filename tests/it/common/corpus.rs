//! Throwaway corpora, the one builder every test uses: a temporary folder copied from a
//! fixture or written file by file, edited as a person or an editor would, and loaded
//! through the library or handed to the binary by its path.

use std::fs;
use std::path::{Path, PathBuf};

use super::Output;

/// A corpus in a temporary directory, removed when dropped.
pub struct Corpus {
    dir: tempfile::TempDir,
    path: String,
}

impl Corpus {
    /// A corpus with empty seeds/ and briefs/.
    pub fn new() -> Corpus {
        Corpus::bare().dir("seeds").dir("briefs")
    }

    /// An empty folder: no seeds/, no briefs/.
    pub fn bare() -> Corpus {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().to_string_lossy().into_owned();
        Corpus { dir, path }
    }

    /// A copy of tests/fixtures/cli/good: two parallel documents, one clean brief.
    pub fn good() -> Corpus {
        Corpus::copy_of("cli/good")
    }

    /// A copy of tests/fixtures/NAME.
    pub fn copy_of(name: &str) -> Corpus {
        let corpus = Corpus::bare();
        copy_dir(&fixture(name), corpus.root());
        corpus
    }

    /// A corpus whose seeds/ is empty.
    pub fn empty() -> Corpus {
        Corpus::bare().dir("seeds")
    }

    /// A corpus whose seeds is a file.
    pub fn seeds_is_a_file() -> Corpus {
        Corpus::bare().with("seeds", "not a folder")
    }

    /// The seeds of tests/fixtures/reader/basic and its economy brief without its one
    /// unplaceable quote; also the brief's text.
    pub fn econ() -> (Corpus, String) {
        let src = fixture("reader/basic");
        let mut corpus = Corpus::new();
        for seed in ["vi-gov.txt", "id-vna.txt", "vi-vgp.txt"] {
            let bytes = fs::read(src.join("seeds").join(seed)).expect("read a seed");
            corpus = corpus.with(&format!("seeds/{seed}"), bytes);
        }
        let econ = fs::read_to_string(src.join("briefs/econ.yaml"))
            .expect("read the brief")
            .replace("xuất khẩu tăng 12%", "xuất khẩu, tiêu");
        (corpus.with("briefs/econ.yaml", &econ), econ)
    }

    /// Makes the folder `rel` (and its parents).
    pub fn dir(self, rel: &str) -> Corpus {
        fs::create_dir_all(self.file(rel)).expect("mkdir");
        self
    }

    /// Writes `rel` (e.g. `seeds/a.txt`), making its folder.
    pub fn with(self, rel: &str, contents: impl AsRef<[u8]>) -> Corpus {
        self.write(rel, contents);
        self
    }

    /// Writes `rel` in place, as `with` does, on a corpus already in use.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.file(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(path, contents).expect("write");
    }

    /// Writes `rel` as editors save: a new file, renamed over the old one.
    pub fn save(&self, rel: &str, text: &str) {
        let path = self.file(rel);
        let tmp = path.with_extension("tmp~");
        fs::write(&tmp, text).expect("write the new version");
        fs::rename(&tmp, &path).expect("rename it over the old one");
    }

    /// Replaces `from` by `to` in `rel` (e.g. `briefs/x.yaml`), which must contain it.
    pub fn edit(self, rel: &str, from: &str, to: &str) -> Corpus {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} lacks {from:?}");
        self.with(rel, text.replacen(from, to, 1))
    }

    /// Replaces `from` by `to` in briefs/conference.yaml (which must contain it).
    pub fn edit_brief(self, from: &str, to: &str) -> Corpus {
        self.edit("briefs/conference.yaml", from, to)
    }

    pub fn write_brief(self, name: &str, text: &str) -> Corpus {
        self.with(&format!("briefs/{name}"), text)
    }

    pub fn write_seed(self, name: &str, bytes: &[u8]) -> Corpus {
        self.with(&format!("seeds/{name}"), bytes)
    }

    /// The text of `rel`.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.file(rel)).expect("read")
    }

    /// The path of `rel` inside the corpus.
    pub fn file(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// The folder, as the binary's `--corpus` takes it.
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn source(&self) -> briefing::engine::CorpusSource {
        briefing::engine::CorpusSource::Dir(self.root().to_path_buf())
    }

    /// The arguments `CMD --corpus THIS ARGS...`.
    pub fn args<'a>(&'a self, cmd: &'a str, args: &[&'a str]) -> Vec<&'a str> {
        [cmd, "--corpus", self.path()]
            .into_iter()
            .chain(args.iter().copied())
            .collect()
    }

    /// Runs `briefing CMD --corpus THIS ARGS...`.
    pub fn run(&self, cmd: &str, args: &[&str]) -> Output {
        super::run(&self.args(cmd, args))
    }

    /// Runs `check`, which must fail (exit 1) with `text` in its report; the run, for more.
    #[track_caller]
    pub fn check_fails_with(&self, text: &str) -> Output {
        let out = self.run("check", &[]);
        assert_eq!(out.code, 1);
        assert!(out.stdout.contains(text), "{}", out.stdout);
        out
    }

    /// The corpus loaded through the library.
    pub fn load(&self) -> briefing::engine::Corpus {
        briefing::engine::load(&self.source()).expect("corpus loads")
    }
}

/// A brief `title: T` declaring `docs` as (file, id, lang), then `rest` (topics, figures,
/// themes) as YAML.
pub fn brief_of(title: &str, docs: &[(&str, &str, &str)], rest: &str) -> String {
    let mut brief = format!("title: {title}\ndocuments:\n");
    for (file, id, lang) in docs {
        brief.push_str(&format!(
            "  - id: {id}\n    file: {file}\n    lang: {lang}\n"
        ));
    }
    brief + rest
}

pub fn fixture(name: &str) -> PathBuf {
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
