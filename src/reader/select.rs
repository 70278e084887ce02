//! Going somewhere: choosing a topic, selecting an annotation (panes follow its quotes),
//! searching and stepping through matches.

use crate::engine::search::Searcher;
use crate::reader::layout_cache::row_of;
use crate::reader::state::{App, NavItem, Pace};

impl App {
    /// Selects annotation `a`: every pane showing one of its documents scrolls to the quote;
    /// a document not on screen takes the partner pane.
    pub(crate) fn select_annotation(&mut self, a: usize) {
        let Some(ann) = self.corpus.annotations.get(a) else {
            return;
        };
        self.selected = Some(a);
        let mut docs: Vec<(usize, usize)> = Vec::new();
        for q in &ann.quotes {
            if let Ok(anchor) = &q.anchor
                && !docs.iter().any(|(d, _)| *d == anchor.doc)
            {
                docs.push((anchor.doc, anchor.range.start));
            }
        }
        let Some(&(first, _)) = docs.first() else {
            self.message =
                Some("No quote of this annotation could be placed (e lists problems).".into());
            return;
        };
        let shows = |app: &App, i: usize| {
            docs.iter()
                .find(|(d, _)| app.panes[i].doc == Some(*d))
                .copied()
        };
        // The panes follow from the annotation alone: its first document beside its first
        // in another language (else its second, else the first one's partner).
        let lang = |d: usize| self.corpus.documents.get(d).map(|d| d.lang());
        let other = docs
            .iter()
            .map(|(d, _)| *d)
            .find(|&d| lang(d) != lang(first))
            .or_else(|| docs.get(1).map(|(d, _)| *d))
            .or_else(|| self.corpus.partner(first));
        for (i, d) in self.sides_for(first, other).into_iter().enumerate() {
            if let Some(d) = d {
                self.set_doc(i, d);
            }
        }
        for i in 0..2 {
            if let Some((_, offset)) = shows(self, i)
                && !self.on_screen(i, offset)
            {
                self.scroll_to_offset(i, offset);
            }
        }
        if let Some(i) = (0..2).find(|&i| shows(self, i).is_some())
            && shows(self, 1 - i).is_none()
        {
            self.sync_from(i);
        }
        self.reveal_in_nav(a);
    }

    /// Moves the navigator's cursor to annotation `a` when it is listed.
    fn reveal_in_nav(&mut self, a: usize) {
        let items = self.nav_items();
        let found = items.iter().position(|item| match item {
            NavItem::Annotation { topic, annotation } => {
                *annotation == a && self.topic.is_none_or(|t| t == *topic)
            }
            NavItem::Topic(_) => false,
        });
        if let Some(k) = found {
            self.nav_cursor = k;
        }
    }

    /// `n`/`N` without a search: the next or previous annotation of the cycle.
    pub(crate) fn step_annotation(&mut self, forward: bool) {
        let cycle = self.cycle();
        if cycle.is_empty() {
            self.message = Some("No annotations here.".into());
            return;
        }
        let k = match self
            .selected
            .and_then(|s| cycle.iter().position(|&i| i == s))
        {
            Some(k) if forward => (k + 1) % cycle.len(),
            Some(k) => (k + cycle.len() - 1) % cycle.len(),
            None => self.start_from_reading_line(&cycle, forward),
        };
        if let Some(&a) = cycle.get(k) {
            self.select_annotation(a);
        }
    }

    /// Chooses topic `t`, opens it in the navigator and selects its first annotation.
    pub(crate) fn choose_topic(&mut self, t: usize) {
        if t >= self.corpus.topics.len() {
            return;
        }
        self.topic = Some(t);
        if let Some(open) = self.open_topics.get_mut(t) {
            *open = true;
        }
        if let Some(k) = self
            .nav_items()
            .iter()
            .position(|i| *i == NavItem::Topic(t))
        {
            self.nav_cursor = k;
        }
        let first = self.corpus.annotations_for_topic(t).next();
        match first {
            Some(a) => self.select_annotation(a),
            None => self.selected = None,
        }
    }

    /// `]`/`[`: the next or previous topic.
    pub(crate) fn step_topic(&mut self, forward: bool) {
        let n = self.corpus.topics.len();
        if n == 0 {
            self.message = Some("The corpus has no topics.".into());
            return;
        }
        let t = match self.topic.or(self.last_topic.filter(|&t| t < n)) {
            Some(t) if forward => (t + 1) % n,
            Some(t) => (t + n - 1) % n,
            None if forward => 0,
            None => n - 1,
        };
        self.choose_topic(t);
    }

    /// Finds `query` in every document; the matches are highlighted, none is current yet.
    pub(crate) fn run_search(&mut self, query: &str) {
        self.search.matches.clear();
        self.search.current = None;
        self.search.more = false;
        let Some(searcher) = Searcher::new(query) else {
            return;
        };
        // Over documents folded once and kept: a keystroke is a memmem, on this thread.
        (self.search.matches, self.search.more) =
            self.folds.search(&self.corpus.documents, &searcher);
    }

    /// While the query is typed: every match highlighted, and the panes moved to the first
    /// match from where the search began (back there when nothing matches yet).
    pub(crate) fn search_as_typed(&mut self, query: &str) {
        if let Pace::Burst { stale } = &mut self.search.pace {
            *stale = true;
            return;
        }
        if let Some(origin) = self.search.origin {
            self.panes = origin;
        }
        self.run_search(query);
        if !self.search.matches.is_empty() {
            let k = self.first_match_from_here(true);
            self.go_to_match(k);
            self.search.current = None;
            self.message = None;
        }
    }

    /// Starts a burst of input: typing changes the query without searching it yet.
    pub fn begin_burst(&mut self) {
        self.search.pace = Pace::Burst { stale: false };
    }

    /// Ends a burst: the query as it now stands is searched, once.
    pub fn end_burst(&mut self) {
        let pace = std::mem::take(&mut self.search.pace);
        if let (Pace::Burst { stale: true }, Some(query)) = (pace, self.search.typing.clone()) {
            self.search_as_typed(&query);
        }
    }

    /// Text pasted into the prompt at its cursor (bracketed paste: one event, one search). A query is
    /// one line, so line breaks and other controls become spaces. Outside the prompt a
    /// paste does nothing but say where it goes.
    pub fn paste(&mut self, text: &str) {
        let Some(typing) = self.search.typing.as_mut() else {
            self.message = Some("To search for pasted text, press / first.".into());
            return;
        };
        let pasted: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let mut at = self.search.cursor.min(typing.len());
        while !typing.is_char_boundary(at) {
            at -= 1;
        }
        typing.insert_str(at, &pasted);
        self.search.cursor = at + pasted.len();
        let query = typing.clone();
        self.search_as_typed(&query);
    }

    /// Makes the typed query the active search and goes to its first match from here.
    pub(crate) fn submit_search(&mut self) {
        let query = self.search.typing.take().unwrap_or_default();
        if let Some(origin) = self.search.origin.take() {
            self.panes = origin;
        }
        if query.trim().is_empty() {
            self.clear_search();
            return;
        }
        self.run_search(&query);
        self.search.query = query;
        if self.search.matches.is_empty() {
            self.message = Some(format!("Pattern not found: {}", self.search.query));
            return;
        }
        self.step_match(true);
    }

    pub(crate) fn clear_search(&mut self) {
        self.search = Default::default();
    }

    /// `n`/`N` during a search: the next or previous match, across documents.
    pub(crate) fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.message = Some(format!("Pattern not found: {}", self.search.query));
            return;
        }
        let k = match self.search.current {
            Some(k) if forward => (k + 1) % n,
            Some(k) => (k + n - 1) % n,
            None => self.first_match_from_here(forward),
        };
        let wrapped = self
            .search
            .current
            .is_some_and(|c| if forward { k <= c } else { k >= c });
        self.go_to_match(k);
        if wrapped && let Some(m) = self.message.as_mut() {
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
        let n = self.search.matches.len();
        let pane = self.panes[self.focused_pane()];
        let here = (pane.doc.unwrap_or(0), pane.top);
        let k = self
            .search
            .matches
            .partition_point(|(d, r)| (*d, r.start) < here);
        if forward { k % n } else { (k + n - 1) % n }
    }

    pub(crate) fn go_to_match(&mut self, k: usize) {
        let Some((doc, range)) = self.search.matches.get(k).cloned() else {
            return;
        };
        self.search.current = Some(k);
        let focused = self.focused_pane();
        let pane = if self.panes[focused].doc == Some(doc) {
            focused
        } else if let Some(i) = (0..2).find(|&i| self.panes[i].doc == Some(doc)) {
            i
        } else {
            let side = self.sides_for(doc, None).iter().position(Option::is_some);
            let side = side.unwrap_or(focused);
            self.set_doc(side, doc);
            side
        };
        // Leave the pane alone when the match is already on screen, as less does.
        if !self.on_screen(pane, range.start) {
            self.scroll_to_offset(pane, range.start);
            self.sync_from(pane);
        }
        if let Some(d) = self.corpus.documents.get(doc) {
            let (line, column) = d.text.line_col(range.start);
            let more = if self.search.more { "+" } else { "" };
            self.message = Some(format!(
                "/{}  {}/{}{more} in {} {line}:{column} · r lists them",
                self.search.query,
                k + 1,
                self.search.matches.len(),
                d.id()
            ));
        }
    }

    /// Whether byte `offset` of pane `i`'s document is on screen.
    pub(crate) fn on_screen(&self, i: usize, offset: usize) -> bool {
        let r = self.pane_rect(i);
        let Some(rows) = self.panes[i].doc.and_then(|d| self.rows(d, r.width.max(1))) else {
            return false;
        };
        let top = row_of(&rows, self.panes[i].top);
        let row = row_of(&rows, offset);
        row >= top && row < top + usize::from(r.height).max(1)
    }
}
