//! Reading a corpus from disk (or from the copy built into the binary) and decoding its
//! files. Decoding is where text is normalised, once: BOM dropped, CRLF unified, NFC.

use std::fs;
use std::path::{Path, PathBuf};

use crate::engine::error::CorpusError;
use crate::engine::finding::Finding;
use crate::engine::model::{Corpus, Document};
use crate::engine::{embedded, par, resolve};

use crate::engine::clean::clean_os;
pub use crate::engine::decode::{decode, decode_documents};
use crate::engine::walk::{Confine, Found, Walk, not_regular};

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

/// A file as read, before decoding.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// Name relative to its folder (`001_x.txt`, `sub/econ.yaml`).
    pub name: String,
    /// The path shown to the user (`seeds/001_x.txt`, `DIR/briefs/econ.yaml`).
    pub shown: String,
    /// The bytes, or why they could not be read.
    pub bytes: Result<Vec<u8>, String>,
}

/// Every file of a corpus, read but not decoded.
#[derive(Debug, Clone, Default)]
pub struct RawCorpus {
    pub root: Option<String>,
    pub seeds: Vec<RawFile>,
    pub briefs: Vec<RawFile>,
    /// Problems met while listing the folders (a symlink loop, an unreadable folder).
    pub findings: Vec<Finding>,
}

/// Loads, anchors and checks a whole corpus.
pub fn load(source: &CorpusSource) -> Result<Corpus, CorpusError> {
    Ok(resolve::build_listing(list(source, true)?, None))
}

/// Loads a corpus again for live reload: a brief that no longer loads keeps its last good
/// version (see `resolve::LastGood`), with its problem among the findings.
pub fn load_keeping(
    source: &CorpusSource,
    last_good: &mut resolve::LastGood,
) -> Result<Corpus, CorpusError> {
    Ok(resolve::build_listing(list(source, true)?, Some(last_good)))
}

/// Loads the documents only (for search), with the problems met decoding them.
pub fn load_seeds(source: &CorpusSource) -> Result<(Vec<Document>, Vec<Finding>), CorpusError> {
    let raw = read(source, false)?;
    let mut findings = raw.findings;
    let docs = decode_documents(raw.seeds, &mut findings);
    Ok((docs, findings))
}

/// A file of a corpus, listed but not yet read.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Name relative to its folder.
    pub name: String,
    /// The path shown to the user.
    pub shown: String,
    location: Location,
}

#[derive(Debug, Clone)]
enum Location {
    BuiltIn(&'static [u8]),
    Disk(PathBuf),
    /// Already read (or failed to read), e.g. a `RawFile`.
    Memory(Result<Vec<u8>, String>),
}

impl Entry {
    /// Where the file is on disk, if it is on disk.
    pub fn path(&self) -> Option<&Path> {
        match &self.location {
            Location::Disk(path) => Some(path),
            _ => None,
        }
    }

    /// The file's bytes, or why they could not be read.
    pub fn read(&self) -> Result<Vec<u8>, String> {
        match &self.location {
            Location::BuiltIn(bytes) => Ok(bytes.to_vec()),
            Location::Disk(path) => {
                let mut buf = Vec::new();
                read_regular(path, &mut buf).map(|()| buf)
            }
            Location::Memory(bytes) => bytes.clone(),
        }
    }

    /// The file's bytes, moved out where they are already in memory.
    pub fn into_bytes(self) -> Result<Vec<u8>, String> {
        match self.location {
            Location::Memory(bytes) => bytes,
            _ => self.read(),
        }
    }

    /// Reads the file into `buf` (cleared first), reusing its memory.
    pub fn read_into(&self, buf: &mut Vec<u8>) -> Result<(), String> {
        buf.clear();
        match &self.location {
            Location::BuiltIn(bytes) => buf.extend_from_slice(bytes),
            Location::Memory(bytes) => {
                buf.extend_from_slice(bytes.as_ref().map_err(String::clone)?)
            }
            Location::Disk(path) => read_regular(path, buf)?,
        }
        Ok(())
    }

    /// The file with its bytes read.
    pub fn into_raw(self) -> RawFile {
        RawFile {
            name: self.name.clone(),
            shown: self.shown.clone(),
            bytes: self.into_bytes(),
        }
    }
}

impl From<RawFile> for Entry {
    fn from(raw: RawFile) -> Entry {
        Entry {
            name: raw.name,
            shown: raw.shown,
            location: Location::Memory(raw.bytes),
        }
    }
}

impl From<RawCorpus> for Listing {
    fn from(raw: RawCorpus) -> Listing {
        Listing {
            root: raw.root,
            seeds: raw.seeds.into_iter().map(Entry::from).collect(),
            briefs: raw.briefs.into_iter().map(Entry::from).collect(),
            findings: raw.findings,
        }
    }
}

/// The files of a corpus, listed.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub root: Option<String>,
    pub seeds: Vec<Entry>,
    pub briefs: Vec<Entry>,
    pub findings: Vec<Finding>,
}

/// Reads the files of a corpus (on every core); `briefs` says whether briefs/ is read too.
pub fn read(source: &CorpusSource, briefs: bool) -> Result<RawCorpus, CorpusError> {
    let listing = list(source, briefs)?;
    Ok(RawCorpus {
        root: listing.root,
        seeds: par::map(listing.seeds, Entry::into_raw),
        briefs: listing.briefs.into_iter().map(Entry::into_raw).collect(),
        findings: listing.findings,
    })
}

/// Lists the files of a corpus without reading them.
pub fn list(source: &CorpusSource, briefs: bool) -> Result<Listing, CorpusError> {
    match source {
        CorpusSource::BuiltIn => Ok(list_built_in(briefs)),
        CorpusSource::Dir(dir) => list_dir_corpus(dir, false, briefs),
        CorpusSource::DirFollowingLinks(dir) => list_dir_corpus(dir, true, briefs),
    }
}

fn list_built_in(briefs: bool) -> Listing {
    let mut listing = Listing::default();
    for &(path, bytes) in embedded::FILES {
        let entry = |name: &str| Entry {
            name: name.to_string(),
            shown: path.to_string(),
            location: Location::BuiltIn(bytes),
        };
        if let Some(name) = path.strip_prefix("seeds/").filter(|n| n.ends_with(".txt")) {
            listing.seeds.push(entry(name));
        } else if let Some(name) = path.strip_prefix("briefs/").filter(|n| is_brief_name(n)) {
            if briefs {
                listing.briefs.push(entry(name));
            }
        }
    }
    listing
}

fn list_dir_corpus(dir: &Path, follow: bool, briefs: bool) -> Result<Listing, CorpusError> {
    let shown_root = clean_os(dir.as_os_str());
    let meta = fs::metadata(dir).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CorpusError::NotFound {
            path: shown_root.clone(),
        },
        _ => CorpusError::Io {
            path: shown_root.clone(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Err(CorpusError::NotADirectory { path: shown_root });
    }
    let confine = Confine {
        root: fs::canonicalize(dir).map_err(|e| CorpusError::Io {
            path: shown_root.clone(),
            source: e,
        })?,
        follow,
    };
    let seeds_dir = dir.join("seeds");
    let shown_seeds = clean_os(seeds_dir.as_os_str());
    match fs::metadata(&seeds_dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CorpusError::NoSeeds { path: shown_root });
        }
        Err(e) => {
            return Err(CorpusError::Io {
                path: shown_seeds,
                source: e,
            });
        }
        Ok(m) if !m.is_dir() => return Err(CorpusError::SeedsNotADirectory { path: shown_seeds }),
        Ok(_) => {}
    }
    if let Some(target) = outside(&confine, &seeds_dir) {
        return Err(CorpusError::SeedsOutside {
            path: shown_seeds,
            target: clean_os(target.as_os_str()),
        });
    }
    let mut listing = Listing {
        root: Some(shown_root),
        ..Listing::default()
    };
    let mut walk = Walk::new(&confine, &|n: &str| n.ends_with(".txt"));
    walk.dir(&seeds_dir, "", 0);
    if walk.found.is_empty() && walk.findings.is_empty() {
        return Err(CorpusError::Empty { path: shown_seeds });
    }
    listing.seeds = entries(walk.found);
    listing.findings = walk.findings;
    let briefs_dir = dir.join("briefs");
    if !briefs {
        return Ok(listing);
    }
    if briefs_dir.exists() && !briefs_dir.is_dir() {
        listing.findings.push(
            Finding::error(
                clean_os(briefs_dir.as_os_str()),
                "briefs/ is not a directory",
            )
            .note("put the briefs (*.yaml) in a folder named briefs/"),
        );
    } else if let Some(target) = outside(&confine, &briefs_dir) {
        listing.findings.push(
            Finding::warning(
                clean_os(briefs_dir.as_os_str()),
                format!(
                    "symbolic link to `{}`, outside the corpus; skipped",
                    clean_os(target.as_os_str())
                ),
            )
            .note("pass --follow to read files that links lead to elsewhere"),
        );
    } else if briefs_dir.is_dir() {
        let mut walk = Walk::new(&confine, &is_brief_name);
        walk.dir(&briefs_dir, "", 0);
        listing.briefs = entries(walk.found);
        listing.findings.extend(walk.findings);
    }
    Ok(listing)
}

/// Where `dir` really is, when a link takes it out of the corpus and that is not allowed.
fn outside(confine: &Confine, dir: &Path) -> Option<PathBuf> {
    fs::canonicalize(dir)
        .ok()
        .filter(|real| !confine.allows(real))
}

fn entries(found: Vec<Found>) -> Vec<Entry> {
    found
        .into_iter()
        .map(|f| Entry {
            // Names are shown one to a line: the walk escaped what needs it.
            shown: clean_os(f.path.as_os_str()),
            name: f.name,
            location: Location::Disk(f.path),
        })
        .collect()
}

/// The largest file read: beyond it a document or brief is a finding, not a read that
/// runs the memory out (a huge sparse file).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Reads a regular file into `buf`. Opened without blocking, so a FIFO put in place
/// after the walk cannot hang the read, and checked after opening, so what is read is
/// what was checked.
fn read_regular(path: &Path, buf: &mut Vec<u8>) -> Result<(), String> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    const O_NONBLOCK: i32 = 0o4000;
    const O_NOCTTY: i32 = 0o400;
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK | O_NOCTTY)
        .open(path)
        .map_err(|e| read_error(path, &e))?;
    let meta = file.metadata().map_err(|e| read_error(path, &e))?;
    if let Some(what) = not_regular(&meta.file_type()) {
        return Err(format!("not a regular file ({what})"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "too large ({} bytes; briefing reads files up to {} bytes)",
            meta.len(),
            MAX_FILE_BYTES
        ));
    }
    // Room for exactly the size the file has: read_to_end would otherwise grow the buffer
    // by doubling, up to twice the text held for as long as the document lives. Through
    // `take` it asks for no size hint of its own (no second stat, no seek), and the bound
    // holds even if the file grows while it is read.
    buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(buf)
        .map_err(|e| read_error(path, &e))?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        buf.clear();
        return Err(format!(
            "too large (briefing reads files up to {MAX_FILE_BYTES} bytes)"
        ));
    }
    Ok(())
}

/// Why a file could not be read, calling a broken symbolic link one.
fn read_error(path: &Path, e: &std::io::Error) -> String {
    let broken_link = e.kind() == std::io::ErrorKind::NotFound
        && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match fs::read_link(path) {
        Ok(target) if broken_link => {
            format!("broken symbolic link to `{}`", clean_os(target.as_os_str()))
        }
        _ => e.to_string(),
    }
}

fn is_brief_name(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_corpus_has_the_five_seeds() {
        let raw = read(&CorpusSource::BuiltIn, true).unwrap();
        assert_eq!(raw.seeds.len(), 5);
        assert!(raw.seeds.iter().all(|f| f.shown.starts_with("seeds/")));
    }
}
