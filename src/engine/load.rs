//! Reading a corpus from disk (or from the copy built into the binary) and decoding its
//! files. Decoding is where text is normalised, once: BOM dropped, CRLF unified, NFC.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::engine::error::CorpusError;
use crate::engine::finding::Finding;
use crate::engine::model::{Corpus, Document};
use crate::engine::{embedded, par, resolve};

pub use crate::engine::decode::{decode, decode_documents};
use crate::engine::walk::walk;

/// Where a corpus comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    /// The repository's seeds/ and briefs/, compiled into the binary.
    BuiltIn,
    /// A directory holding seeds/ and briefs/.
    Dir(PathBuf),
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
    /// The file's bytes, or why they could not be read.
    pub fn read(&self) -> Result<Vec<u8>, String> {
        match &self.location {
            Location::BuiltIn(bytes) => Ok(bytes.to_vec()),
            Location::Disk(path) => fs::read(path).map_err(|e| read_error(path, &e)),
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
            Location::Disk(path) => {
                let file = fs::File::open(path).map_err(|e| read_error(path, &e))?;
                // Through `take`, read_to_end asks for no size hint: no stat, no seek per file.
                std::io::Read::read_to_end(&mut std::io::Read::take(&file, u64::MAX), buf)
                    .map_err(|e| read_error(path, &e))?;
            }
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
        CorpusSource::Dir(dir) => list_dir_corpus(dir, briefs),
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

fn list_dir_corpus(dir: &Path, briefs: bool) -> Result<Listing, CorpusError> {
    let shown_root = dir.display().to_string();
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
    let seeds_dir = dir.join("seeds");
    let shown_seeds = seeds_dir.display().to_string();
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
    let mut listing = Listing {
        root: Some(shown_root),
        ..Listing::default()
    };
    let mut names = Vec::new();
    walk(
        &seeds_dir,
        "",
        0,
        &mut HashSet::new(),
        &mut names,
        &mut listing.findings,
        &|n| n.ends_with(".txt"),
    );
    if names.is_empty() && listing.findings.is_empty() {
        return Err(CorpusError::Empty { path: shown_seeds });
    }
    listing.seeds = entries(&seeds_dir, names);
    let briefs_dir = dir.join("briefs");
    if briefs && briefs_dir.exists() && !briefs_dir.is_dir() {
        listing.findings.push(
            Finding::error(
                briefs_dir.display().to_string(),
                "briefs/ is not a directory",
            )
            .note("put the briefs (*.yaml) in a folder named briefs/"),
        );
    }
    if briefs && briefs_dir.is_dir() {
        let mut names = Vec::new();
        walk(
            &briefs_dir,
            "",
            0,
            &mut HashSet::new(),
            &mut names,
            &mut listing.findings,
            &is_brief_name,
        );
        listing.briefs = entries(&briefs_dir, names);
    }
    Ok(listing)
}

fn entries(dir: &Path, names: Vec<String>) -> Vec<Entry> {
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            // Names are shown one to a line: a control character in one is escaped.
            Entry {
                shown: printable(&path.display().to_string()),
                name: printable(&name),
                location: Location::Disk(path),
            }
        })
        .collect()
}

/// Why a file could not be read, calling a broken symbolic link one.
fn read_error(path: &Path, e: &std::io::Error) -> String {
    let broken_link = e.kind() == std::io::ErrorKind::NotFound
        && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match fs::read_link(path) {
        Ok(target) if broken_link => {
            format!("broken symbolic link to `{}`", target.display())
        }
        _ => e.to_string(),
    }
}

/// `s` with control characters (a line break in a file name) escaped.
pub fn printable(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
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
