//! A slice of the work the event loop does between inputs: the search under way first,
//! then the panes' layouts made exact (so their percent is), then documents folded ahead
//! of a search.

use crate::reader::state::{App, Pane};

impl App {
    /// Does background work until the slice's time is up or nothing is left.
    pub(super) fn work_slice(&mut self) {
        let mut go_on = self.work.budget();
        self.go_on_searching(&mut go_on);
        if self.work.search.is_some() {
            return;
        }
        for pane in Pane::BOTH {
            if let Some((laid, _)) = self.pane_layout(pane)
                && !laid.wrap_more(&mut go_on)
            {
                return;
            }
        }
        self.cache.borrow_mut().evict();
        if self.work.fold && self.folds.fold_more(&self.corpus, &mut go_on) {
            self.work.fold = false;
        }
    }
}
