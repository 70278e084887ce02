//! Where output may go: never into the corpus it was made from. Documents and briefs are
//! only ever read, so `print -o` and the reader's `p` refuse a path inside seeds/ or
//! briefs/, or one that names a corpus file by another way (a link, a hard link).

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::engine::clean::clean_os;
use crate::engine::source::{CorpusSource, Parts, list};

/// Why writing `target` would write into the corpus of `source`, if it would.
pub fn into_corpus(source: &CorpusSource, target: &Path) -> Option<String> {
    let dir = source.dir()?;
    let real = real_target(target)?;
    for folder in ["seeds", "briefs"] {
        let Ok(folder_real) = fs::canonicalize(dir.join(folder)) else {
            continue;
        };
        if real.starts_with(&folder_real) {
            return Some(format!(
                "{} is inside the corpus's {folder}/ folder",
                clean_os(target.as_os_str())
            ));
        }
    }
    // A corpus file reached another way: the same file on disk, whatever its name.
    let meta = fs::metadata(&real).ok()?;
    let listing = list(source, Parts::All).ok()?;
    listing
        .seeds
        .iter()
        .chain(&listing.briefs)
        .find(|entry| {
            entry
                .path()
                .and_then(|p| fs::metadata(p).ok())
                .is_some_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino())
        })
        .map(|entry| {
            format!(
                "{} is the corpus file {}",
                clean_os(target.as_os_str()),
                entry.shown
            )
        })
}

/// Where a write to `target` lands: the file itself through any links, or, for a file
/// not made yet, its real folder joined with its name.
fn real_target(target: &Path) -> Option<PathBuf> {
    if let Ok(real) = fs::canonicalize(target) {
        return Some(real);
    }
    let mut current = target.to_path_buf();
    // A dangling link: the file it would create.
    for _ in 0..40 {
        match fs::read_link(&current) {
            Ok(next) => {
                let base = current.parent().map(Path::to_path_buf).unwrap_or_default();
                current = base.join(next);
            }
            Err(_) => break,
        }
    }
    let name = current.file_name()?;
    let parent = match current.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(fs::canonicalize(parent).ok()?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("seeds/sub")).unwrap();
        fs::create_dir(dir.path().join("briefs")).unwrap();
        fs::write(dir.path().join("seeds/a.txt"), "text").unwrap();
        fs::write(dir.path().join("briefs/b.yaml"), "title: x").unwrap();
        dir
    }

    #[test]
    fn paths_into_seeds_or_briefs_are_refused() {
        let dir = corpus();
        let source = CorpusSource::Dir(dir.path().to_path_buf());
        for inside in [
            "seeds/a.txt",
            "seeds/new.txt",
            "seeds/sub/../b.txt",
            "briefs/b.yaml",
        ] {
            let reason = into_corpus(&source, &dir.path().join(inside));
            assert!(
                reason.is_some_and(|r| r.contains("inside the corpus")),
                "{inside}"
            );
        }
        assert_eq!(into_corpus(&source, &dir.path().join("out.txt")), None);
        assert_eq!(
            into_corpus(&CorpusSource::BuiltIn, Path::new("seeds/a.txt")),
            None
        );
    }

    #[test]
    fn a_corpus_file_reached_by_a_link_or_a_hard_link_is_refused() {
        let dir = corpus();
        let source = CorpusSource::Dir(dir.path().to_path_buf());
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("seeds/a.txt", &link).unwrap();
        assert!(into_corpus(&source, &link).is_some());
        let hard = dir.path().join("hard.yaml");
        fs::hard_link(dir.path().join("briefs/b.yaml"), &hard).unwrap();
        let reason = into_corpus(&source, &hard).unwrap_or_default();
        let file = clean_os(dir.path().join("briefs/b.yaml").as_os_str());
        assert!(
            reason.ends_with(&format!("is the corpus file {file}")),
            "{reason}"
        );
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink("seeds/made.txt", &dangling).unwrap();
        assert!(into_corpus(&source, &dangling).is_some());
    }
}
