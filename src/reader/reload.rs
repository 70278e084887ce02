//! Live reload: a watch on the corpus folders that says when seeds or briefs change, and the
//! reloader, which reads the corpus again remembering each brief's last good version, so a
//! brief that no longer loads stays on screen with its problem listed.

use std::path::{Component, Path, PathBuf};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::engine::source::{self, Parts};
use crate::engine::{Corpus, CorpusError, CorpusSource, LastGood, load_keeping};
use crate::reader::msg::Msg;

/// Reloads a corpus from its source, remembering the last good version of every brief.
#[derive(Debug)]
pub struct Reloader {
    source: CorpusSource,
    last_good: LastGood,
}

impl Reloader {
    /// A reloader for `source`; the briefs on disk now become the last good versions
    /// (only the briefs are read, no seeds, so this costs little next to the first load).
    pub fn new(source: CorpusSource) -> Reloader {
        let last_good = source::list(&source, Parts::All)
            .map(|listing| LastGood::of_briefs(listing.briefs))
            .unwrap_or_default();
        Reloader { source, last_good }
    }

    /// A reloader for `source` whose briefs were loaded with `load_keeping` into
    /// `last_good`: nothing is read again.
    pub fn with_last_good(source: CorpusSource, last_good: LastGood) -> Reloader {
        Reloader { source, last_good }
    }

    /// Loads the corpus again, here and now: the message that puts it under the reader,
    /// keeping its place.
    pub fn reload(&mut self) -> Msg {
        Msg::Reloaded(self.load())
    }

    /// Loads the corpus again (on any thread), remembering its briefs' good versions.
    pub fn load(&mut self) -> Result<Corpus, CorpusError> {
        load_keeping(&self.source, &mut self.last_good)
    }
}

/// A watch on a corpus folder: the folder itself (so seeds/ or briefs/ appearing, going or
/// being renamed is seen) and, recursively, seeds/ and briefs/. Folders are watched, not
/// files, so an editor's save by rename is caught.
pub struct Watch {
    watcher: RecommendedWatcher,
    root: PathBuf,
}

impl Watch {
    /// Starts watching `dir`; `changed` is called (on the watcher's thread) for every event
    /// that touches a seed, a brief or one of their folders.
    pub fn start(dir: &Path, changed: impl Fn() + Send + 'static) -> notify::Result<Watch> {
        let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let filter_root = root.clone();
        let handler = move |event: notify::Result<notify::Event>| {
            // An error (a lost event, an overflow) may hide a change: reload to be sure.
            if event.is_err() || event.is_ok_and(|e| relevant(&filter_root, &e)) {
                changed();
            }
        };
        // A recursive watch never follows links: `seeds/root -> /` must not make it walk
        // the whole machine. A linked folder is still read on every reload.
        let config = notify::Config::default().with_follow_symlinks(false);
        let watcher = RecommendedWatcher::new(handler, config)?;
        let mut watch = Watch { watcher, root };
        watch
            .watcher
            .watch(&watch.root, RecursiveMode::NonRecursive)?;
        watch.refresh();
        Ok(watch)
    }

    /// Watches seeds/ and briefs/ again: after a reload they may have been created, or
    /// deleted and made anew (a watch dies with its folder).
    pub fn refresh(&mut self) {
        for name in ["seeds", "briefs"] {
            let dir = self.root.join(name);
            if dir.is_dir() {
                // A folder that cannot be watched is still read on every other reload.
                let _ = self.watcher.watch(&dir, RecursiveMode::Recursive);
            }
        }
    }
}

/// Whether `event` may change the corpus under `root`: a seed (.txt) or brief (.yaml,
/// .yml) or a folder under seeds/ or briefs/, or those two folders themselves. Reads,
/// hidden files and editors' backups and swap files are not.
pub fn relevant(root: &Path, event: &notify::Event) -> bool {
    if let EventKind::Access(kind) = event.kind
        && kind != AccessKind::Close(AccessMode::Write)
    {
        return false;
    }
    event.paths.iter().any(|p| relevant_path(root, p))
}

fn relevant_path(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let parts: Vec<&str> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect();
    let Some((&top, rest)) = parts.split_first() else {
        return false;
    };
    let wanted: &[&str] = match top {
        "seeds" => &["txt"],
        "briefs" => &["yaml", "yml"],
        _ => return false,
    };
    let Some(&name) = rest.last() else {
        return true; // the folder itself
    };
    if rest.iter().any(|p| p.starts_with('.')) {
        return false; // the loader skips hidden files and folders
    }
    match name.rsplit_once('.') {
        Some((_, ext)) => wanted.contains(&ext),
        // No extension: most likely a folder (one holding seeds or briefs).
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind, RenameMode};

    fn event(kind: EventKind, paths: &[&str]) -> notify::Event {
        let mut e = notify::Event::new(kind);
        for p in paths {
            e = e.add_path(PathBuf::from(p));
        }
        e
    }

    #[test]
    fn seeds_briefs_and_their_folders_are_relevant_the_rest_is_not() {
        let root = Path::new("/c");
        let modify = EventKind::Modify(ModifyKind::Any);
        let yes = [
            "/c/briefs/econ.yaml",
            "/c/briefs/sub/econ.yml",
            "/c/seeds/vi.txt",
            "/c/seeds/sub",
            "/c/seeds",
            "/c/briefs",
        ];
        for p in yes {
            assert!(relevant(root, &event(modify, &[p])), "{p}");
        }
        let no = [
            "/c/briefs/.econ.yaml.swp",
            "/c/briefs/econ.yaml~",
            "/c/seeds/.hidden/vi.txt",
            "/c/seeds/notes.md",
            "/c/README.md",
            "/elsewhere/briefs/econ.yaml",
        ];
        for p in no {
            assert!(!relevant(root, &event(modify, &[p])), "{p}");
        }
    }

    #[test]
    fn a_save_by_rename_is_relevant_reading_is_not() {
        let root = Path::new("/c");
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert!(relevant(
            root,
            &event(rename, &["/c/briefs/.econ.yaml.tmp", "/c/briefs/econ.yaml"])
        ));
        assert!(relevant(
            root,
            &event(EventKind::Create(CreateKind::File), &["/c/seeds/new.txt"])
        ));
        let open = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert!(!relevant(root, &event(open, &["/c/briefs/econ.yaml"])));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(relevant(root, &event(closed, &["/c/briefs/econ.yaml"])));
    }
}
