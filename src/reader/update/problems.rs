//! The problems list's keys: Enter goes to the problem from its top line, `E` opens it in
//! the editor.

use crate::reader::state::{App, Overlay};
use crate::reader::view::problems::{Target, target_at};

impl App {
    /// Enter in the problems list: an orphaned annotation is selected (its quotes shown
    /// where they stand, the detail line saying why one does not); a finding is said in
    /// the status line with its place, to fix in the brief (the reader reloads it).
    pub(crate) fn open_problem(&mut self, scroll: usize) {
        let target = match target_at(self, scroll) {
            Some(Target::Orphan(a)) => Ok(a),
            Some(Target::Finding(f)) => Err(Some(f.to_string())),
            None => Err(None),
        };
        self.overlay = Overlay::None;
        match target {
            Ok(a) => {
                self.select_annotation(a);
                if self.status.message.is_none() {
                    self.status.message =
                        Some("i shows the whole annotation, with why a quote has no place.".into());
                }
            }
            Err(Some(finding)) => {
                let first = finding.lines().next().unwrap_or_default().to_string();
                self.status.message = Some(format!(
                    "{first} (fix it there: the reader reloads the brief)"
                ));
            }
            Err(None) => self.status.message = Some("No problem here.".into()),
        }
    }

    /// `E` in the problems list: the first problem from its top line, in the editor (a
    /// finding at its line, an orphan at its annotation).
    pub(crate) fn edit_problem(&mut self, scroll: usize) {
        let target = match target_at(self, scroll) {
            Some(Target::Finding(f)) => Ok((f.file.clone(), f.position.map_or(1, |(l, _)| l))),
            Some(Target::Orphan(a)) => Err(a),
            None => return,
        };
        self.overlay = Overlay::None;
        match target {
            Ok((file, line)) => self.request_edit(std::path::Path::new(&file), line),
            Err(a) => {
                self.select_annotation(a);
                self.edit_selected();
            }
        }
    }
}
