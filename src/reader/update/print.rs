//! `p`: the chosen topic across every brief, or else the current brief, written through
//! the text printer to a file in the folder the reader was started from.

use std::path::PathBuf;

use crate::engine::clean::clean_os;
use crate::engine::corpus::BriefId;
use crate::engine::output::atomic::{Links, write_atomically};
use crate::engine::output::guard::into_corpus;
use crate::engine::print::{Format, PrintError, PrintOptions, print};
use crate::reader::state::App;

/// Line width of the printed text.
const PRINT_WIDTH: usize = 80;

impl App {
    /// The brief `p` prints: the selected annotation's, else one carrying the chosen topic,
    /// else the one declaring the focused pane's document, else the first.
    pub(crate) fn current_brief(&self) -> Option<BriefId> {
        let c = &self.corpus;
        let selected = self
            .nav
            .selected
            .and_then(|a| c.annotations().get(a))
            .map(|a| a.brief);
        let by_topic = self
            .nav
            .topic
            .and_then(|t| c.briefs().position(|b| b.topics.contains(&t)));
        let doc = self.view.panes[self.focused_pane()].doc;
        let by_doc = doc.and_then(|d| c.briefs().position(|b| b.documents.contains(&d)));
        selected
            .or(by_topic)
            .or(by_doc)
            .or(if c.briefs().is_empty() {
                None
            } else {
                Some(BriefId::new(0))
            })
    }

    /// Writes the chosen topic, across every brief that carries it, or else the current
    /// brief, to a text file, and says where and what.
    pub(crate) fn print(&mut self) {
        let c = &self.corpus;
        let (name, options, what) = match self.nav.topic.and_then(|t| c.topics().get(t)) {
            Some(topic) => {
                let t = self.nav.topic.unwrap_or_default();
                let count = c.annotations_for_topic(t).count();
                let mut briefs: Vec<BriefId> = c
                    .annotations_for_topic(t)
                    .filter_map(|a| c.annotations().get(a).map(|a| a.brief))
                    .collect();
                briefs.sort_unstable();
                briefs.dedup();
                let what = format!(
                    "topic {}: {count} annotation{} from {} brief{}",
                    topic.title,
                    if count == 1 { "" } else { "s" },
                    briefs.len(),
                    if briefs.len() == 1 { "" } else { "s" },
                );
                let options = PrintOptions {
                    brief: None,
                    topics: vec![topic.id.clone()],
                    width: PRINT_WIDTH,
                };
                (
                    format!("briefing-topic-{}.txt", file_safe(&topic.id)),
                    options,
                    what,
                )
            }
            None => {
                let Some(brief) = self.current_brief().and_then(|b| c.briefs().get(b)) else {
                    self.status.message = Some("No brief loaded: nothing to print.".into());
                    return;
                };
                let options = PrintOptions {
                    brief: Some(brief.id.clone()),
                    topics: Vec::new(),
                    width: PRINT_WIDTH,
                };
                let what = format!("brief {}", brief.title);
                (
                    format!("briefing-{}.txt", file_safe(&brief.id)),
                    options,
                    what,
                )
            }
        };
        // Said in full, so the file can be found from any shell.
        let dir = std::path::absolute(&self.settings.print_dir)
            .unwrap_or_else(|_| self.settings.print_dir.clone());
        let path: PathBuf = dir.join(name);
        let shown = clean_os(path.as_os_str());
        if let Some(reason) = self
            .settings
            .source
            .as_ref()
            .and_then(|s| into_corpus(s, &path))
        {
            self.status.message = Some(format!(
                "Not printed: {reason}; the reader never writes into its corpus. Start it from another folder."
            ));
            return;
        }
        // A link found under the name is replaced, never written through: the reader did
        // not make it.
        let result = write_atomically(&path, Links::Replace, |w| -> Result<(), PrintError> {
            print(c, Format::Text, &options, w)
        });
        self.status.message = Some(match result {
            Ok(()) => format!("Wrote {shown} ({what})."),
            Err(e) => format!("Could not write {shown}: {e}"),
        });
    }
}

/// Longest part of a file name made from an id.
const MAX_NAME_PART: usize = 64;

/// An id as a file name part: ASCII letters, digits, `_` and `-` only, every other run of
/// characters one `-`, so no id can name a path (`x/../seeds/a` is `x-seeds-a`).
fn file_safe(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-');
    let out: String = out.chars().take(MAX_NAME_PART).collect();
    if out.is_empty() {
        "brief".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::file_safe;

    #[test]
    fn ids_become_safe_file_name_parts() {
        for (id, name) in [
            ("x/../seeds/a", "x-seeds-a"),
            ("econ-2025", "econ-2025"),
            ("trade/fta", "trade-fta"),
            ("..", "brief"),
            ("\u{1b}]0;x\u{7}", "0-x"),
            ("thương mại", "th-ng-m-i"),
        ] {
            assert_eq!(file_safe(id), name, "{id:?}");
        }
        assert_eq!(file_safe(&"a".repeat(300)).len(), super::MAX_NAME_PART);
    }
}
