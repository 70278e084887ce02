//! Reading from the reading line: where `n`/`N` start when nothing is selected (the
//! focused pane's top row), count prefixes (`5j`, `3n`) as in vim and less, and the
//! navigator's cursor previewing the annotation under it.

use crate::engine::corpus::AnnotationId;
use crate::reader::action::Action;
use crate::reader::state::{App, NavItem};

/// The largest count a prefix can give; more digits are ignored.
const MAX_COUNT: usize = 9_999;

impl App {
    /// Where `n` (or `N`, going back) starts when nothing of the cycle is selected: the
    /// first annotation of the focused document at or after the reading line (the last
    /// before it, going back); else the cycle's first (or last).
    pub(crate) fn start_from_reading_line(&self, cycle: &[AnnotationId], forward: bool) -> usize {
        let fallback = if forward {
            0
        } else {
            cycle.len().saturating_sub(1)
        };
        let pane = self.view.panes[self.focused_pane()];
        let Some(doc) = pane.doc else {
            return fallback;
        };
        let start_in_doc = |a: AnnotationId| {
            self.corpus.annotations().get(a).and_then(|ann| {
                ann.quotes
                    .iter()
                    .filter_map(|q| q.anchor.as_ref().ok())
                    .find(|x| x.doc == doc)
                    .map(|x| x.start())
            })
        };
        let placed: Vec<(usize, usize)> = cycle
            .iter()
            .enumerate()
            .filter_map(|(k, &a)| start_in_doc(a).map(|s| (k, s)))
            .collect();
        let found = if forward {
            placed
                .iter()
                .filter(|&&(_, s)| s >= pane.top)
                .min_by_key(|&&(_, s)| s)
        } else {
            placed
                .iter()
                .filter(|&&(_, s)| s < pane.top)
                .max_by_key(|&&(_, s)| s)
        };
        found.map_or(fallback, |&(k, _)| k)
    }

    /// A digit typed in reading mode: part of the count for the next key.
    pub(crate) fn add_digit(&mut self, d: u32) {
        let count = self.keys.count.unwrap_or(0) * 10 + d as usize;
        self.keys.count = Some(count.min(MAX_COUNT)).filter(|&c| c > 0);
        if let Some(c) = self.keys.count {
            self.status.message = Some(format!("{c}"));
        }
    }

    /// How many times `action` runs: the count typed before it, for the actions that
    /// repeat (moving, walking annotations, matches and topics); once otherwise.
    pub(crate) fn repeat_for(&mut self, action: Action) -> usize {
        let count = self.keys.count.take().unwrap_or(1);
        let repeats = matches!(
            action,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Next
                | Action::Prev
                | Action::NextTopic
                | Action::PrevTopic
        );
        if repeats { count } else { 1 }
    }

    /// The navigator's cursor moved: an annotation under it is shown in the panes (as a
    /// preview: its topic chosen, it selected), a topic's whole title stands in the
    /// detail line.
    pub(crate) fn preview_nav_item(&mut self) {
        match self.nav_items().get(self.nav.cursor).copied() {
            Some(NavItem::Annotation { topic, annotation }) => {
                self.nav.topic = Some(topic);
                self.select_annotation(annotation);
            }
            Some(NavItem::Topic(_)) | None => {}
        }
    }
}
