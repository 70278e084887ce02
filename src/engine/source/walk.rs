//! Walking a corpus folder: matching files, sorted, never round a loop, never deeper than a
//! bound, never out of the corpus through a symbolic link unless asked (`--follow`), and
//! only regular files: a FIFO or a device named `*.txt` is a warning, never opened.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use crate::engine::clean::clean_os;
use crate::engine::finding::Finding;

/// Folders deeper than this under seeds/ or briefs/ are not read.
const MAX_DEPTH: usize = 32;

/// A file the walk found: its name relative to the walked folder as shown (escaped), and
/// its real path, by which it is opened (a name that is not UTF-8 included).
pub(crate) struct Found {
    pub name: String,
    pub path: PathBuf,
}

/// Where links may lead: inside `root` (the corpus folder, canonical) or, with `follow`,
/// anywhere.
pub(crate) struct Confine {
    pub root: PathBuf,
    pub follow: bool,
}

impl Confine {
    /// Whether a link's canonical target stays where the walk may go.
    pub(crate) fn allows(&self, target: &Path) -> bool {
        self.follow || target.starts_with(&self.root)
    }
}

/// Everything a walk carries along.
pub(crate) struct Walk<'a> {
    pub confine: &'a Confine,
    pub wanted: &'a dyn Fn(&str) -> bool,
    pub seen: HashSet<PathBuf>,
    pub found: Vec<Found>,
    pub findings: Vec<Finding>,
}

impl<'a> Walk<'a> {
    pub(crate) fn new(confine: &'a Confine, wanted: &'a dyn Fn(&str) -> bool) -> Walk<'a> {
        Walk {
            confine,
            wanted,
            seen: HashSet::new(),
            found: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// Lists matching files under `dir` (names prefixed by `prefix`), sorted by name.
    pub(crate) fn dir(&mut self, dir: &Path, prefix: &str, depth: usize) {
        let shown = clean_os(dir.as_os_str());
        match fs::canonicalize(dir) {
            Ok(real) if !self.seen.insert(real.clone()) => {
                self.findings.push(Finding::warning(
                    shown,
                    "folder visited twice (a symlink loop?); skipped",
                ));
                return;
            }
            Err(e) => {
                self.findings
                    .push(Finding::error(shown, format!("cannot read folder: {e}")));
                return;
            }
            Ok(_) => {}
        }
        if depth > MAX_DEPTH {
            self.findings
                .push(Finding::warning(shown, "folders nested too deep; skipped"));
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.findings.push(Finding::error(
                    shown,
                    format!("cannot read folder: {e}; check its permissions"),
                ));
                return;
            }
        };
        let mut entries: Vec<(OsString, fs::DirEntry)> =
            entries.flatten().map(|e| (e.file_name(), e)).collect();
        // Names in one folder differ, so an unstable sort orders them the same.
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (name, entry) in entries {
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let rel = format!("{prefix}{}", clean_os(&name));
            self.entry(&entry, &rel, depth);
        }
    }

    fn entry(&mut self, entry: &fs::DirEntry, rel: &str, depth: usize) {
        let path = entry.path();
        // The entry's own type costs no system call; only a link is followed with a stat.
        let Ok(own) = entry.file_type() else { return };
        let kind = if own.is_symlink() {
            match fs::canonicalize(&path) {
                // A dangling link is listed: the read that fails names it.
                Err(_) => Kind::File,
                Ok(target) if !self.confine.allows(&target) => {
                    if self.wants(rel) || target.is_dir() {
                        self.findings.push(
                            Finding::warning(
                                clean_os(path.as_os_str()),
                                format!(
                                    "symbolic link to `{}`, outside the corpus; skipped",
                                    clean_os(target.as_os_str())
                                ),
                            )
                            .note("pass --follow to read files that links lead to elsewhere"),
                        );
                    }
                    return;
                }
                Ok(target) => {
                    fs::metadata(&target).map_or(Kind::File, |m| Kind::of(&m.file_type()))
                }
            }
        } else {
            Kind::of(&own)
        };
        match kind {
            Kind::Dir => self.dir(&path, &format!("{rel}/"), depth + 1),
            Kind::File if self.wants(rel) => self.found.push(Found {
                name: rel.to_string(),
                path,
            }),
            Kind::Other(what) if self.wants(rel) => self.findings.push(
                Finding::warning(
                    clean_os(path.as_os_str()),
                    format!("not a regular file ({what}); skipped"),
                )
                .note("documents and briefs are plain files; remove it or rename it"),
            ),
            Kind::File | Kind::Other(_) => {}
        }
    }

    fn wants(&self, rel: &str) -> bool {
        (self.wanted)(rel)
    }
}

/// What a directory entry is, as far as the walk cares.
enum Kind {
    Dir,
    File,
    Other(&'static str),
}

impl Kind {
    fn of(t: &fs::FileType) -> Kind {
        use std::os::unix::fs::FileTypeExt;
        if t.is_dir() {
            Kind::Dir
        } else if t.is_file() {
            Kind::File
        } else if t.is_fifo() {
            Kind::Other("a FIFO")
        } else if t.is_socket() {
            Kind::Other("a socket")
        } else if t.is_char_device() || t.is_block_device() {
            Kind::Other("a device")
        } else {
            Kind::Other("not a file")
        }
    }
}

/// Describes a file type that is not a regular file, for a message.
pub(crate) fn not_regular(t: &fs::FileType) -> Option<&'static str> {
    match Kind::of(t) {
        Kind::File => None,
        Kind::Dir => Some("a folder"),
        Kind::Other(what) => Some(what),
    }
}
