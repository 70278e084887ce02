//! `p`: the current brief, or the chosen topic of it, written through the text printer to
//! a file next to where the reader was started.

use std::path::PathBuf;

use crate::engine::atomic::write_atomically;
use crate::engine::print::{Format, PrintError, PrintOptions, print};
use crate::reader::state::App;

/// Line width of the printed text.
const PRINT_WIDTH: usize = 80;

impl App {
    /// The brief `p` prints: the selected annotation's, else one carrying the chosen topic,
    /// else the one declaring the focused pane's document, else the first.
    pub(crate) fn current_brief(&self) -> Option<usize> {
        let c = &self.corpus;
        let selected = self
            .selected
            .and_then(|a| c.annotations.get(a))
            .map(|a| a.brief);
        let by_topic = self
            .topic
            .and_then(|t| c.briefs.iter().position(|b| b.topics.contains(&t)));
        let doc = self.panes.get(self.focused_pane()).and_then(|p| p.doc);
        let by_doc = doc.and_then(|d| c.briefs.iter().position(|b| b.documents.contains(&d)));
        selected
            .or(by_topic)
            .or(by_doc)
            .or(if c.briefs.is_empty() { None } else { Some(0) })
    }

    /// Writes the brief (limited to the chosen topic when it has it) to a text file.
    pub(crate) fn print(&mut self) {
        let Some(b) = self.current_brief() else {
            self.message = Some("No brief loaded: nothing to print.".into());
            return;
        };
        let c = &self.corpus;
        let Some(brief) = c.briefs.get(b) else { return };
        let topic = self
            .topic
            .filter(|t| brief.topics.contains(t))
            .and_then(|t| c.topics.get(t))
            .map(|t| t.id.clone());
        let name = match &topic {
            Some(t) => format!("briefing-{}-{t}.txt", file_safe(&brief.id)),
            None => format!("briefing-{}.txt", file_safe(&brief.id)),
        };
        let path: PathBuf = self.print_dir.join(name);
        let options = PrintOptions {
            brief: Some(brief.id.clone()),
            topics: topic.into_iter().collect(),
            width: PRINT_WIDTH,
        };
        let result = write_atomically(&path, |w| -> Result<(), PrintError> {
            print(c, Format::Text, &options, w)
        });
        self.message = Some(match result {
            Ok(()) => format!("Wrote {}", path.display()),
            Err(e) => format!("Could not write {}: {e}", path.display()),
        });
    }
}

/// A brief id as a file name part: path separators and odd characters become `-`.
fn file_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
