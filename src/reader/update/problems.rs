//! The problems list's keys: j/k move the cursor from problem to problem, Enter goes to the
//! one under it (the annotation at the finding's line of its brief, or the nearest text
//! of an orphaned quote in its document), `E` opens its brief in the editor.

use crate::engine::anchor::nearest::nearest;
use crate::engine::corpus::AnnotationId;
use crate::engine::{Finding, Quote};
use crate::reader::action::Action;
use crate::reader::editor::line_of;
use crate::reader::state::{App, Overlay};
use crate::reader::view::problems::{Target, end, keep_in_view, list_height, step, target_at};

impl App {
    /// Opens the list, the cursor on its first problem.
    pub(crate) fn open_problems(&mut self) {
        self.overlay = Overlay::Problems {
            scroll: 0,
            cursor: end(self, false),
        };
    }

    /// Keys while the list is open.
    pub(crate) fn problems_action(&mut self, action: Action, scroll: usize, cursor: usize) {
        // Half the list's own height, whatever pane has the focus behind it.
        let half = (list_height(self) / 2).max(1);
        let steps = |app: &App, forward: bool, times: usize| {
            (0..times).fold(cursor, |at, _| step(app, at, forward))
        };
        let (scroll, cursor) = match action {
            Action::Down => (scroll, step(self, cursor, true)),
            Action::Up => (scroll, step(self, cursor, false)),
            Action::PageDown | Action::HalfPageDown => (scroll, steps(self, true, half)),
            Action::PageUp | Action::HalfPageUp => (scroll, steps(self, false, half)),
            Action::Top => (0, end(self, false)),
            // The last problem at the top of the list, as G always showed it.
            Action::Bottom => {
                let last = end(self, true);
                (last, last)
            }
            Action::Open => return self.open_problem(cursor),
            Action::EditBrief => return self.edit_problem(cursor),
            other => {
                self.close_then(other, Action::Problems);
                return;
            }
        };
        self.overlay = Overlay::Problems {
            scroll: keep_in_view(self, scroll, cursor),
            cursor,
        };
    }

    /// Enter: a finding goes to the annotation its brief defines at its line (when the
    /// brief loaded), else says its place; an orphaned quote goes to the nearest text in
    /// its document, its annotation selected.
    fn open_problem(&mut self, cursor: usize) {
        let going = match target_at(self, cursor) {
            Some(Target::Orphan(a, q)) => Going::Orphan(a, q.clone()),
            Some(Target::Finding(f)) => match self.annotation_at(f) {
                Some(a) => Going::Annotation(first_line(f), a),
                None => Going::Place(first_line(f)),
            },
            None => Going::Nowhere,
        };
        self.overlay = Overlay::None;
        self.status.message = match going {
            Going::Orphan(a, quote) => return self.open_orphan(a, &quote),
            Going::Annotation(finding, a) => {
                self.select_annotation(a);
                Some(format!(
                    "{finding} · i shows the annotation, E edits it there"
                ))
            }
            Going::Place(finding) => Some(format!(
                "{finding} (fix it there: the reader reloads the brief)"
            )),
            Going::Nowhere => Some("No problem here.".into()),
        };
    }

    /// An orphaned quote: its annotation selected, and its document at the nearest text.
    fn open_orphan(&mut self, a: AnnotationId, quote: &Quote) {
        self.select_annotation(a);
        let doc = self.corpus.document_by_id(&quote.doc_id);
        let text = doc.and_then(|d| self.corpus.text(d).ok());
        let near = doc
            .zip(text.as_deref())
            .and_then(|(d, text)| Some((d, nearest(text.as_str(), &quote.text)?.0)));
        let Some((doc, range)) = near else {
            let why = match doc {
                None => format!("no document {} in the corpus", quote.doc_id),
                Some(_) => format!("no text in {} near the quote", quote.doc_id),
            };
            self.status.message = Some(format!("{why}: i shows the annotation, E its brief"));
            return;
        };
        self.show_at(doc, range.start);
        if let Some(text) = text {
            let (line, _) = text.line_col(range.start);
            self.status.message = Some(format!(
                "{} line {line}: the nearest text to the quote \u{201c}{}\u{201d} · i shows why it has no place",
                quote.doc_id, quote.text
            ));
        }
    }

    /// The annotation whose label or note stands last at or before `f`'s line in its
    /// brief, when the brief loaded and can be read.
    fn annotation_at(&self, f: &Finding) -> Option<AnnotationId> {
        let (line, _) = f.position?;
        let c = &self.corpus;
        let brief = c.briefs().iter().find(|b| b.path == f.file)?;
        let source = std::fs::read_to_string(&brief.path).ok()?;
        brief
            .annotations
            .iter()
            .filter_map(|&a| {
                let ann = c.annotations().get(a)?;
                let at = line_of(&source, ann.label().or(ann.note())?)?;
                (at <= line).then_some((at, a))
            })
            .max()
            .map(|(_, a)| a)
    }

    /// `E`: the problem under the cursor in the editor (a finding at its line, an orphan
    /// at its annotation).
    fn edit_problem(&mut self, cursor: usize) {
        let target = match target_at(self, cursor) {
            Some(Target::Finding(f)) => Ok((f.file.clone(), f.position.map_or(1, |(l, _)| l))),
            Some(Target::Orphan(a, _)) => Err(a),
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

/// Where Enter goes from the problem under the cursor.
enum Going {
    /// An orphaned quote of annotation (index).
    Orphan(AnnotationId, Quote),
    /// The annotation a finding (its first line) stands at in its brief.
    Annotation(String, AnnotationId),
    /// Only the finding's place to say (its first line).
    Place(String),
    Nowhere,
}

/// A finding's first line: its place and message.
fn first_line(f: &Finding) -> String {
    f.to_string().lines().next().unwrap_or_default().to_string()
}
