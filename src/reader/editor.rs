//! `E`: the brief in the user's editor ($VISUAL, else $EDITOR, else vi) at the line in
//! question, by the `+LINE` convention; the reader steps aside while it runs, and live
//! reload picks up what was saved.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

/// Set while the editor runs: the terminal's reading thread leaves the input to it.
pub static EDITING: AtomicBool = AtomicBool::new(false);

/// A file to open at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRequest {
    pub path: PathBuf,
    pub line: usize,
}

/// The 1-based line where the first line of `words` stands in `source`.
pub(crate) fn line_of(source: &str, words: &str) -> Option<usize> {
    let first = words.lines().next()?.trim();
    let probe: String = first.chars().take(40).collect();
    if probe.is_empty() {
        return None;
    }
    source
        .lines()
        .position(|l| l.contains(&probe))
        .map(|i| i + 1)
}

/// The editor's command: $VISUAL, else $EDITOR, else vi; split at white space (so
/// `EDITOR="code -w"` works).
pub fn editor_command() -> Vec<String> {
    let chosen = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    chosen.split_whitespace().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::line_of;

    #[test]
    fn the_line_of_a_label() {
        let source = "title: B\nfigures:\n  - label: GDP growth target for 2025\n    value: x\n";
        assert_eq!(line_of(source, "GDP growth target for 2025"), Some(3));
        assert_eq!(line_of(source, "absent"), None);
        assert_eq!(line_of(source, ""), None);
    }
}
