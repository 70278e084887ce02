//! The results list's keys: moving its cursor, and Enter going to the match, annotation or
//! topic under it.

use crate::reader::action::Action;
use crate::reader::results::Hit;
use crate::reader::state::{App, Overlay};

impl App {
    /// Opens the results list, its cursor on the current match or annotation.
    pub(crate) fn open_results(&mut self) {
        if self.results_query().trim().is_empty() {
            self.status.message = Some("No search: / searches, then r lists every match.".into());
            return;
        }
        // On the current match, or the annotation `n` stands on.
        let note = self.search.current_note().map(Hit::Annotation);
        let cursor = match (self.search.current(), note) {
            (Some(k), _) => k,
            (None, Some(hit)) => self.hits().iter().position(|&h| h == hit).unwrap_or(0),
            (None, None) => 0,
        };
        self.overlay = Overlay::Results { cursor };
    }

    /// Keys while the list is open.
    pub(crate) fn results_action(&mut self, action: Action, cursor: usize) {
        let hits = self.hits();
        let last = hits.len().saturating_sub(1);
        let page = usize::from(self.view.size.height.saturating_sub(4)).max(1);
        let cursor = match action {
            Action::Down | Action::Next => (cursor + 1).min(last),
            Action::Up | Action::Prev => cursor.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => (cursor + page / 2).min(last),
            Action::PageUp | Action::HalfPageUp => cursor.saturating_sub(page / 2),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Open => {
                self.overlay = Overlay::None;
                match hits.get(cursor).copied() {
                    Some(Hit::Match(k)) => self.go_to_match(k),
                    Some(Hit::Annotation(a)) => self.select_annotation(a),
                    Some(Hit::Topic(t)) => self.choose_topic(t),
                    None => {}
                }
                return;
            }
            Action::Close | Action::Quit | Action::Results => {
                self.overlay = Overlay::None;
                return;
            }
            _ => cursor,
        };
        self.overlay = Overlay::Results { cursor };
    }
}
