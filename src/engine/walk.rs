//! Walking a corpus folder: matching files, sorted, through symbolic links but never round
//! a loop, never deeper than a bound; a folder that cannot be read is a finding.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::engine::finding::Finding;

/// Folders deeper than this under seeds/ or briefs/ are not read.
const MAX_DEPTH: usize = 32;

/// Lists matching files under `dir`, sorted, following symlinks but never into a loop.
pub(crate) fn walk(
    dir: &Path,
    prefix: &str,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<String>,
    findings: &mut Vec<Finding>,
    wanted: &dyn Fn(&str) -> bool,
) {
    let shown = dir.display().to_string();
    match fs::canonicalize(dir) {
        Ok(real) if !seen.insert(real.clone()) => {
            findings.push(Finding::warning(
                shown,
                "folder visited twice (a symlink loop?); skipped",
            ));
            return;
        }
        Err(e) => {
            findings.push(Finding::error(shown, format!("cannot read folder: {e}")));
            return;
        }
        Ok(_) => {}
    }
    if depth > MAX_DEPTH {
        findings.push(Finding::warning(shown, "folders nested too deep; skipped"));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            findings.push(Finding::error(
                shown,
                format!("cannot read folder: {e}; check its permissions"),
            ));
            return;
        }
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = format!("{prefix}{name}");
        let path = entry.path();
        // The entry's own type costs no system call; only a symlink is followed with a stat
        // (a dangling one is reported by the read that fails).
        let is_dir = match entry.file_type() {
            Ok(t) if t.is_symlink() => fs::metadata(&path).is_ok_and(|m| m.is_dir()),
            Ok(t) => t.is_dir(),
            Err(_) => false,
        };
        if is_dir {
            walk(
                &path,
                &format!("{rel}/"),
                depth + 1,
                seen,
                out,
                findings,
                wanted,
            );
        } else if wanted(&name) {
            out.push(rel);
        }
    }
}
