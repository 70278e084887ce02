//! Searching: the query as typed (at the pace of the input), submitted, stepped through
//! match by match across documents, cleared.

use crate::engine::corpus::DocId;
use crate::reader::action::Edit;
use crate::reader::results::annotation_hits_in;
use crate::reader::search_folds::Scan;
use crate::reader::state::{App, NOTES_CHUNK, Pane, Running, Stop, Then};

impl App {
    /// Finds `query` in every document, then does `then`; the matches are highlighted,
    /// none is current yet. Under the event loop it runs a slice now and goes on between
    /// inputs (a newer query drops it); else it runs whole now.
    pub(crate) fn run_search(&mut self, query: &str, then: Then) {
        let Some(scan) = Scan::new(query) else {
            self.work.search = None;
            self.work.found = None;
            self.search.found(Vec::new(), Vec::new(), false);
            self.search_done(then);
            return;
        };
        if self.work.search.is_none() && self.work.found.as_deref() == Some(query) {
            self.search.set_current(None);
            self.search_done(then);
            return;
        }
        self.work.found = None;
        match &mut self.work.search {
            // The same query under way keeps what it found; only what follows changes.
            Some(running) if running.query == query => running.then = then,
            _ => {
                self.search.set_current(None);
                self.work.search = Some(Running {
                    query: query.to_string(),
                    scan,
                    notes: Vec::new(),
                    notes_from: 0,
                    then,
                })
            }
        }
        let mut go_on = self.work.budget();
        self.go_on_searching(&mut go_on);
    }

    /// Goes on with the search under way while `go_on` says so: documents folded and
    /// searched a piece at a time. Shows what it found so far, and all once done.
    pub(super) fn go_on_searching(&mut self, go_on: &mut impl FnMut() -> bool) {
        let Some(running) = self.work.search.as_mut() else {
            return;
        };
        let searched = running.scan.done();
        if !self
            .folds
            .scan(&self.corpus, &mut running.scan, &mut *go_on)
        {
            let so_far = running.scan.matches().to_vec();
            let then = running.then;
            self.search.found_so_far(so_far);
            // The first match from here, once found, is the first of the whole search:
            // the panes go there before the search is done.
            let early = match then {
                Then::AsTyped => Some(Then::Show),
                Then::Submit if self.search.stop().is_none() => Some(Then::Stepped),
                _ => None,
            };
            if let Some(next) = early
                && self.first_match_is_found()
            {
                self.search_done(then);
                if let Some(running) = self.work.search.as_mut() {
                    running.then = next;
                }
            }
            return;
        }
        // Then the annotations whose words match, a chunk at a time too.
        let all = self.corpus.annotations().len();
        let mut first = searched;
        while running.notes_from < all {
            if !std::mem::take(&mut first) && !go_on() {
                if !searched {
                    self.search.found_so_far(running.scan.matches().to_vec());
                }
                return;
            }
            let to = (running.notes_from + NOTES_CHUNK).min(all);
            let chunk = running.notes_from..to;
            let hits = annotation_hits_in(&self.corpus, running.scan.searcher(), chunk);
            running.notes.extend(hits);
            running.notes_from = to;
        }
        let Some(Running {
            query,
            scan,
            notes,
            then,
            ..
        }) = self.work.search.take()
        else {
            return;
        };
        let (matches, more) = scan.into_found();
        // Where `n` went while the search ran stays (it walked matches already final).
        let stop = self.search.stop();
        let keep = stop.filter(|_| matches!(then, Then::Submit | Then::Stepped));
        self.search.found(matches, notes, more);
        self.work.found = Some(query);
        match keep {
            Some(stop) => {
                self.search.set_stop(stop);
                // Its line says the count of all now, unless another message took it.
                let said = format!("/{}  ", self.search.query());
                if let (Stop::Match(k), Some(true)) = (
                    stop,
                    self.status.message.as_ref().map(|m| m.starts_with(&said)),
                ) {
                    self.status.message = self.match_message(k);
                }
            }
            None => self.search_done(then),
        }
    }

    /// Whether a match at or after the focused pane's top is among those found so far.
    fn first_match_is_found(&self) -> bool {
        let pane = self.view.panes[self.focused_pane()];
        let here = (pane.doc.unwrap_or_default(), pane.top);
        self.search
            .matches()
            .last()
            .is_some_and(|(d, r)| (*d, r.start) >= here)
    }

    /// What a search does once its matches are found.
    fn search_done(&mut self, then: Then) {
        match then {
            Then::Show | Then::Stepped => {}
            Then::AsTyped => {
                if !self.search.matches().is_empty() {
                    let k = self.first_match_from_here(true);
                    self.go_to_match(k);
                    self.search.set_current(None);
                    self.status.message = None;
                }
            }
            Then::Submit => {
                if self.search.matches().is_empty() && self.search.notes().is_empty() {
                    self.status.message =
                        Some(format!("Pattern not found: {}", self.search.query()));
                } else {
                    self.step_match(true);
                }
            }
            Then::Renewed(current) => {
                let current = current.and_then(|(doc, start)| {
                    self.search
                        .matches()
                        .iter()
                        .position(|(d, r)| *d == doc && r.start >= start)
                });
                self.search.set_current(current);
            }
        }
    }

    /// Applies one edit to the query being typed, then searches it as typed.
    pub(super) fn edit_prompt(&mut self, edit: Edit) {
        if let Some(query) = self.search.edit(edit) {
            self.search_as_typed(&query);
        }
    }

    /// While the query is typed: every match highlighted, and the panes moved to the first
    /// match from where the search began (back there when nothing matches yet).
    pub(crate) fn search_as_typed(&mut self, query: &str) {
        if self.search.defer() {
            return;
        }
        if let Some(origin) = self.search.origin() {
            self.view.panes = origin;
        }
        self.run_search(query, Then::AsTyped);
    }

    /// Starts a burst of input: typing changes the query without searching it yet.
    pub(super) fn begin_burst(&mut self) {
        self.search.begin_burst();
    }

    /// Ends a burst: the query as it now stands is searched, once.
    pub(super) fn end_burst(&mut self) {
        if let Some(query) = self.search.end_burst() {
            self.search_as_typed(&query);
        }
    }

    /// Text pasted into the prompt at its cursor (bracketed paste: one event, one search). A query is
    /// one line, so line breaks and other controls become spaces. Outside the prompt a
    /// paste does nothing but say where it goes.
    pub(super) fn paste(&mut self, text: &str) {
        match self.search.paste(text) {
            Some(query) => self.search_as_typed(&query),
            None => {
                self.status.message = Some("To search for pasted text, press / first.".into());
            }
        }
    }

    /// Makes the typed query the active search and goes to its first match from here.
    pub(crate) fn submit_search(&mut self) {
        let (typed, origin) = self.search.close_prompt();
        let query = typed.unwrap_or_default();
        if let Some(origin) = origin {
            self.view.panes = origin;
        }
        if query.trim().is_empty() {
            self.clear_search();
            return;
        }
        self.search.activate(query.clone());
        self.run_search(&query, Then::Submit);
    }

    pub(crate) fn clear_search(&mut self) {
        self.search = Default::default();
        self.work.search = None;
        self.work.found = None;
    }

    /// `n`/`N` during a search: the next or previous match, across documents, then the
    /// annotations whose label or note match, then round again.
    pub(crate) fn step_match(&mut self, forward: bool) {
        let m = self.search.matches().len();
        let n = m + self.search.notes().len();
        if n == 0 {
            self.status.message = Some(format!("Pattern not found: {}", self.search.query()));
            return;
        }
        let current = self.search.stop().map(|stop| match stop {
            Stop::Match(k) => k,
            Stop::Note(j) => m + j,
        });
        let k = match current {
            Some(k) if forward => (k + 1) % n,
            Some(k) => (k + n - 1) % n,
            None if m > 0 => self.first_match_from_here(forward),
            None if forward => 0,
            None => n - 1,
        };
        let wrapped = current.is_some_and(|c| if forward { k <= c } else { k >= c });
        if k < m {
            self.go_to_match(k);
        } else {
            self.go_to_note(k - m);
        }
        if wrapped && let Some(m) = self.status.message.as_mut() {
            m.push_str(if forward {
                " · search wrapped to the top"
            } else {
                " · search wrapped to the bottom"
            });
        }
    }

    /// The first match at or after the focused pane's top (or before it, going back),
    /// in its document; else the first match of the following documents.
    fn first_match_from_here(&self, forward: bool) -> usize {
        let n = self.search.matches().len();
        let pane = self.view.panes[self.focused_pane()];
        let here = (pane.doc.unwrap_or_default(), pane.top);
        let k = self
            .search
            .matches()
            .partition_point(|(d, r)| (*d, r.start) < here);
        if forward { k % n } else { (k + n - 1) % n }
    }

    pub(crate) fn go_to_match(&mut self, k: usize) {
        let Some((doc, range)) = self.search.matches().get(k).cloned() else {
            return;
        };
        self.search.set_current(Some(k));
        self.show_at(doc, range.start);
        if let Some(message) = self.match_message(k) {
            self.status.message = Some(message);
        }
    }

    /// The status line for match `k`: which of how many, where.
    fn match_message(&self, k: usize) -> Option<String> {
        let (doc, range) = self.search.matches().get(k)?;
        let d = self.corpus.documents().get(*doc)?;
        let (line, column) = self.corpus.text(*doc).ok()?.line_col(range.start);
        let more = if self.search.more() { "+" } else { "" };
        Some(format!(
            "/{}  {}/{}{more} in {} {line}:{column} · r lists them",
            self.search.query(),
            k + 1,
            self.search.matches().len(),
            d.id()
        ))
    }

    /// Shows byte `offset` of document `doc`: in the focused pane if it shows the
    /// document, else in the other, else on the document's side.
    pub(crate) fn show_at(&mut self, doc: DocId, offset: usize) {
        let focused = self.focused_pane();
        let pane = if self.view.panes[focused].doc == Some(doc) {
            focused
        } else if let Some(pane) = self.view.panes.find(|p| p.doc == Some(doc)) {
            pane
        } else {
            let side = self.sides_for(doc, None).find(Option::is_some);
            let side = side.unwrap_or(focused);
            self.set_doc(side, doc);
            side
        };
        // Leave the pane alone when the place is already on screen, as less does.
        if !self.on_screen(pane, offset) {
            self.scroll_to_offset(pane, offset);
            self.sync_from(pane);
        }
    }

    /// Selects the `j`th annotation whose label or note match, and says which it is.
    fn go_to_note(&mut self, j: usize) {
        let Some(a) = self.search.notes().get(j).copied() else {
            return;
        };
        self.search.set_stop(Stop::Note(j));
        self.select_annotation(a);
        let headline = self
            .corpus
            .annotations()
            .get(a)
            .map_or("", |a| a.headline());
        self.status.message = Some(format!(
            "/{}  label/note match {}/{}: {headline} · r lists them",
            self.search.query(),
            j + 1,
            self.search.notes().len()
        ));
    }

    /// Whether byte `offset` of `pane`'s document is on screen.
    pub(crate) fn on_screen(&self, pane: Pane, offset: usize) -> bool {
        let Some((laid, height)) = self.pane_layout(pane) else {
            return false;
        };
        let top = laid.at(self.view.panes[pane].top);
        let bottom = laid.step(top, isize::try_from(height - 1).unwrap_or(isize::MAX));
        (top..=bottom).contains(&laid.at(offset))
    }
}
