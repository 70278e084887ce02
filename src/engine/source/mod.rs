//! Where a corpus comes from: a folder on disk or the copy built into the binary, listed
//! as [`SourceFile`]s (one type for every file, whether on disk, built in or in memory).
//! Nothing here decodes: that is the text layer's.

mod embedded;
mod fingerprint;
mod read;
mod walk;

use std::fs;
use std::path::{Path, PathBuf};

use crate::engine::clean::clean_os;
use crate::engine::error::CorpusError;
use crate::engine::finding::Finding;

pub use embedded::FILES as BUILT_IN;
pub use fingerprint::Fingerprint;
pub use read::{MAX_FILE_BYTES, ReadError};
use walk::{Confine, Found, Walk};

/// Where a corpus comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    /// The repository's seeds/ and briefs/, compiled into the binary.
    BuiltIn,
    /// A directory holding seeds/ and briefs/; symbolic links are followed only where
    /// they stay inside it.
    Dir(PathBuf),
    /// A directory as above, following symbolic links wherever they lead (`--follow`).
    DirFollowingLinks(PathBuf),
}

impl CorpusSource {
    /// The corpus directory, unless the corpus is the built-in one.
    pub fn dir(&self) -> Option<&Path> {
        match self {
            CorpusSource::BuiltIn => None,
            CorpusSource::Dir(dir) | CorpusSource::DirFollowingLinks(dir) => Some(dir),
        }
    }
}

/// Which folders of a corpus are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parts {
    /// seeds/ and briefs/.
    All,
    /// seeds/ alone (search needs no briefs).
    Seeds,
}

/// A file of a corpus, listed but not necessarily read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Name relative to its folder (`001_x.txt`, `sub/econ.yaml`).
    pub name: String,
    /// The path shown to the user (`seeds/001_x.txt`, `DIR/briefs/econ.yaml`), escaped.
    pub shown: String,
    location: Location,
}

#[derive(Debug, Clone)]
enum Location {
    BuiltIn(&'static [u8]),
    Disk(PathBuf),
    Memory(Vec<u8>),
}

impl SourceFile {
    /// A file held in memory (a brief's last good version, a test's corpus).
    pub fn in_memory(
        name: impl Into<String>,
        shown: impl Into<String>,
        bytes: Vec<u8>,
    ) -> SourceFile {
        SourceFile {
            name: name.into(),
            shown: shown.into(),
            location: Location::Memory(bytes),
        }
    }

    /// Where the file is on disk, if it is on disk.
    pub fn path(&self) -> Option<&Path> {
        match &self.location {
            Location::Disk(path) => Some(path),
            _ => None,
        }
    }

    /// The file's bytes.
    pub fn read(&self) -> Result<Vec<u8>, ReadError> {
        let mut buf = Vec::new();
        self.read_into(&mut buf)?;
        Ok(buf)
    }

    /// The file's bytes, moved out where they are already in memory.
    pub fn into_bytes(self) -> Result<Vec<u8>, ReadError> {
        match self.location {
            Location::Memory(bytes) => Ok(bytes),
            _ => self.read(),
        }
    }

    /// Reads the file into `buf` (what it held replaced), reusing its memory.
    pub fn read_into(&self, buf: &mut Vec<u8>) -> Result<(), ReadError> {
        match &self.location {
            Location::BuiltIn(bytes) => copy_into(bytes, buf),
            Location::Memory(bytes) => copy_into(bytes, buf),
            Location::Disk(path) => read::read_regular(path, buf)?,
        }
        Ok(())
    }
}

fn copy_into(bytes: &[u8], buf: &mut Vec<u8>) {
    buf.clear();
    buf.extend_from_slice(bytes);
}

/// The files of a corpus, listed, with the problems met listing them (a symbolic link
/// loop, an unreadable folder, a FIFO).
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// The corpus folder as shown, unless the corpus is built in.
    pub root: Option<String>,
    pub seeds: Vec<SourceFile>,
    pub briefs: Vec<SourceFile>,
    pub findings: Vec<Finding>,
}

/// Lists the files of a corpus without reading them.
pub fn list(source: &CorpusSource, parts: Parts) -> Result<Listing, CorpusError> {
    match source {
        CorpusSource::BuiltIn => Ok(list_built_in(parts)),
        CorpusSource::Dir(dir) => list_dir(dir, false, parts),
        CorpusSource::DirFollowingLinks(dir) => list_dir(dir, true, parts),
    }
}

/// Whether `name` is a brief's: `*.yaml` or `*.yml`.
pub fn is_brief_name(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

fn list_built_in(parts: Parts) -> Listing {
    let mut listing = Listing::default();
    for &(path, bytes) in embedded::FILES {
        let file = |name: &str| SourceFile {
            name: name.to_string(),
            shown: path.to_string(),
            location: Location::BuiltIn(bytes),
        };
        if let Some(name) = path.strip_prefix("seeds/").filter(|n| n.ends_with(".txt")) {
            listing.seeds.push(file(name));
        } else if let Some(name) = path.strip_prefix("briefs/").filter(|n| is_brief_name(n)) {
            if parts == Parts::All {
                listing.briefs.push(file(name));
            }
        }
    }
    listing
}

fn list_dir(dir: &Path, follow: bool, parts: Parts) -> Result<Listing, CorpusError> {
    let shown_root = clean_os(dir.as_os_str());
    let io = |path: &str| {
        let path = path.to_string();
        move |source| CorpusError::Io { path, source }
    };
    let meta = fs::metadata(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CorpusError::NotFound {
            path: shown_root.clone(),
        },
        _ => io(&shown_root)(e),
    })?;
    if !meta.is_dir() {
        return Err(CorpusError::NotADirectory { path: shown_root });
    }
    let confine = Confine {
        root: fs::canonicalize(dir).map_err(io(&shown_root))?,
        follow,
    };
    let seeds_dir = dir.join("seeds");
    let shown_seeds = clean_os(seeds_dir.as_os_str());
    match fs::metadata(&seeds_dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CorpusError::NoSeeds { path: shown_root });
        }
        Err(e) => return Err(io(&shown_seeds)(e)),
        Ok(m) if !m.is_dir() => return Err(CorpusError::SeedsNotADirectory { path: shown_seeds }),
        Ok(_) => {}
    }
    if let Some(target) = outside(&confine, &seeds_dir) {
        return Err(CorpusError::SeedsOutside {
            path: shown_seeds,
            target: clean_os(target.as_os_str()),
        });
    }
    let mut walk = Walk::new(&confine, &|n: &str| n.ends_with(".txt"));
    walk.dir(&seeds_dir, "", 0);
    if walk.found.is_empty() && walk.findings.is_empty() {
        return Err(CorpusError::Empty { path: shown_seeds });
    }
    let mut listing = Listing {
        root: Some(shown_root),
        seeds: on_disk(walk.found),
        briefs: Vec::new(),
        findings: walk.findings,
    };
    if parts == Parts::All {
        list_briefs(&confine, &dir.join("briefs"), &mut listing);
    }
    Ok(listing)
}

/// Lists briefs/ into `listing`; a briefs/ that is no folder, or leads outside the
/// corpus, is a finding.
fn list_briefs(confine: &Confine, briefs_dir: &Path, listing: &mut Listing) {
    let shown = || clean_os(briefs_dir.as_os_str());
    if briefs_dir.exists() && !briefs_dir.is_dir() {
        listing.findings.push(
            Finding::error(shown(), "briefs/ is not a directory")
                .note("put the briefs (*.yaml) in a folder named briefs/"),
        );
    } else if let Some(target) = outside(confine, briefs_dir) {
        listing.findings.push(
            Finding::warning(
                shown(),
                format!(
                    "symbolic link to `{}`, outside the corpus; skipped",
                    clean_os(target.as_os_str())
                ),
            )
            .note("pass --follow to read files that links lead to elsewhere"),
        );
    } else if briefs_dir.is_dir() {
        let mut walk = Walk::new(confine, &is_brief_name);
        walk.dir(briefs_dir, "", 0);
        listing.briefs = on_disk(walk.found);
        listing.findings.extend(walk.findings);
    }
}

/// Where `dir` really is, when a link takes it out of the corpus and that is not allowed.
fn outside(confine: &Confine, dir: &Path) -> Option<PathBuf> {
    fs::canonicalize(dir)
        .ok()
        .filter(|real| !confine.allows(real))
}

fn on_disk(found: Vec<Found>) -> Vec<SourceFile> {
    found
        .into_iter()
        .map(|f| SourceFile {
            // Names are shown one to a line: the walk escaped what needs it.
            shown: clean_os(f.path.as_os_str()),
            name: f.name,
            location: Location::Disk(f.path),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_corpus_has_the_five_seeds() {
        let listing = list(&CorpusSource::BuiltIn, Parts::All).unwrap();
        assert_eq!(listing.seeds.len(), 5);
        assert!(listing.seeds.iter().all(|f| f.shown.starts_with("seeds/")));
        assert!(listing.seeds.iter().all(|f| f.read().is_ok()));
    }
}
