//! The results list of a search, as vim's quickfix or television show one: every match in
//! every document grouped by document with its line, then the annotations whose curator's
//! label, value or note match, then the topics whose title does. Enter goes there.

use crate::engine::search::Searcher;
use crate::reader::action::Action;
use crate::reader::state::{App, Overlay};

/// One row of the list that Enter can go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// Index into `Search::matches`.
    Match(usize),
    /// An annotation whose label, value or note matches.
    Annotation(usize),
    /// A topic whose title (or summary) matches.
    Topic(usize),
}

impl App {
    /// The query the list is for: the one being typed, else the active one.
    pub(crate) fn results_query(&self) -> &str {
        self.search
            .typing
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.search.query)
    }

    /// Every row Enter can go to, in the order the list shows them.
    pub fn hits(&self) -> Vec<Hit> {
        let Some(searcher) = Searcher::new(self.results_query()) else {
            return Vec::new();
        };
        let c = &self.corpus;
        let found = |s: &Option<String>| {
            s.as_deref()
                .is_some_and(|s| !searcher.find_in(s).is_empty())
        };
        let mut hits: Vec<Hit> = (0..self.search.matches.len()).map(Hit::Match).collect();
        hits.extend(
            c.annotations
                .iter()
                .enumerate()
                .filter(|(_, a)| found(&a.label) || found(&a.value) || found(&a.note))
                .map(|(i, _)| Hit::Annotation(i)),
        );
        hits.extend(
            c.topics
                .iter()
                .enumerate()
                .filter(|(_, t)| found(&Some(t.title.clone())) || found(&t.summary))
                .map(|(i, _)| Hit::Topic(i)),
        );
        hits
    }

    /// Opens the results list, its cursor on the current match.
    pub(crate) fn open_results(&mut self) {
        if self.results_query().trim().is_empty() {
            self.message = Some("No search: / searches, then r lists every match.".into());
            return;
        }
        let cursor = self.search.current.unwrap_or(0);
        self.overlay = Overlay::Results { cursor };
    }

    /// Keys while the list is open.
    pub(crate) fn results_action(&mut self, action: Action, cursor: usize) {
        let hits = self.hits();
        let last = hits.len().saturating_sub(1);
        let page = usize::from(self.size.height.saturating_sub(4)).max(1);
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
