//! `E`: asking the event loop to open a brief in the editor at a line.

use std::path::{Path, PathBuf};

use crate::reader::editor::{EditRequest, line_of};
use crate::reader::state::App;

impl App {
    /// Asks for the brief of the selected annotation, at the line its label or note
    /// stands on (or the top of the brief).
    pub(crate) fn edit_selected(&mut self) {
        let c = &self.corpus;
        let Some(a) = self.nav.selected.and_then(|a| c.annotations().get(a)) else {
            self.status.message =
                Some("No annotation selected: n selects one, E then opens its brief.".into());
            return;
        };
        let Some(brief) = c.briefs().get(a.brief) else {
            return;
        };
        let words = a.label().or(a.note()).unwrap_or("");
        let line = std::fs::read_to_string(&brief.path)
            .ok()
            .and_then(|source| line_of(&source, words))
            .unwrap_or(1);
        let path = PathBuf::from(&brief.path);
        self.request_edit(&path, line);
    }

    /// Asks for `path` at `line`, when the corpus is a folder (the built-in one has no
    /// files to edit).
    pub(crate) fn request_edit(&mut self, path: &Path, line: usize) {
        if self
            .settings
            .source
            .as_ref()
            .and_then(|s| s.dir())
            .is_none()
        {
            self.status.message = Some(
                "The built-in corpus has no files to edit: open a folder with --corpus DIR.".into(),
            );
            return;
        }
        self.edit = Some(EditRequest {
            path: path.to_path_buf(),
            line: line.max(1),
        });
    }
}
