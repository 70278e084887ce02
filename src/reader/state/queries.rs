//! What the views and `update` ask of the state: derived from it, never stored.

use std::ops::Range;

use ratatui::layout::Rect;

use crate::engine::Corpus;

use crate::engine::corpus::{AnnotationId, DocId, IdVec, TopicId};
use crate::reader::aligned::Counterpart;
use crate::reader::editor::EditRequest;
use crate::reader::figures::FiguresView;
use crate::reader::keymap::Mode;
use crate::reader::layout::LaidOut;
use crate::reader::layout_cache::Rows;
use crate::reader::palette::Palette;
use crate::reader::results::{self, Hit};
use crate::reader::state::{
    App, Focus, Highlights, Listing, NavItem, Overlay, Pane, Panes, Place, Search,
};

impl App {
    /// The keyboard mode now.
    pub fn mode(&self) -> Mode {
        if self.search.typing.is_some() {
            Mode::Prompt
        } else if self.overlay == Overlay::Figures && self.keys.pending.is_none() {
            Mode::Figures
        } else {
            self.keys.pending.unwrap_or(Mode::Normal)
        }
    }

    /// Document `doc` laid out at `width` columns (cached; blocks wrapped as asked for);
    /// `None` where its text can no longer be read (it changed: a reload is coming).
    pub fn layout(&self, doc: DocId, width: u16) -> Option<LaidOut<'_>> {
        let text = self.corpus.text(doc).ok()?;
        let layout = self.cache.borrow_mut().layout(doc, width, &text);
        Some(LaidOut::sharing(layout, text))
    }

    /// Every wrapped row of document `doc` at `width` columns (the whole layout, for
    /// tests: the reader itself asks only for the rows it shows).
    pub fn rows(&self, doc: DocId, width: u16) -> Option<Rows> {
        Some(self.layout(doc, width)?.all().into())
    }

    /// Whether background work is left for the event loop's slices (`Msg::Work`).
    pub fn working(&self) -> bool {
        self.work.search.is_some()
            || self.work.fold
            || Pane::BOTH.into_iter().any(|p| {
                self.pane_layout(p)
                    .is_some_and(|(laid, _)| !laid.is_exact())
            })
    }

    /// The search under way, if one is: documents searched so far, and in all.
    pub fn searching(&self) -> Option<(usize, usize)> {
        let running = self.work.search.as_ref()?;
        Some((running.scan.documents_done(), self.corpus.documents().len()))
    }

    /// How many layouts the cache holds.
    pub fn cached_layouts(&self) -> usize {
        self.cache.borrow().len()
    }

    /// The rows of the navigator: topics, with the annotations of open topics under them.
    pub fn nav_items(&self) -> Vec<NavItem> {
        self.nav.items(&self.corpus)
    }

    /// The annotations `n`/`N` walk: the chosen topic's, or all, the focused document's
    /// first in the order they stand in it; only the kinds the navigator lists.
    pub fn cycle(&self) -> Vec<AnnotationId> {
        match self.nav.topic {
            Some(t) => self.listed(t).collect(),
            None => {
                let mut order = self.reading_order();
                let listing = self.nav.listing;
                let annotations = self.corpus.annotations();
                order.retain(|&a| annotations.get(a).is_some_and(|a| listing.lists(a.kind())));
                order
            }
        }
    }

    /// The annotations of topic `t` that the navigator lists.
    pub fn listed(&self, t: TopicId) -> impl Iterator<Item = AnnotationId> + '_ {
        self.nav.listed(&self.corpus, t)
    }

    /// What the navigator lists under each topic.
    pub fn listing(&self) -> Listing {
        self.nav.listing
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The terminal's size, as the state last heard it.
    pub fn size(&self) -> Rect {
        self.view.size
    }

    /// Where the keys go.
    pub fn focus(&self) -> Focus {
        self.view.focus
    }

    /// What is open over the panes.
    pub fn overlay(&self) -> Overlay {
        self.overlay
    }

    /// The selected annotation.
    pub fn selected(&self) -> Option<AnnotationId> {
        self.nav.selected
    }

    /// The chosen topic.
    pub fn topic(&self) -> Option<TopicId> {
        self.nav.topic
    }

    /// The pane shown when only one fits.
    pub fn shown(&self) -> Pane {
        self.view.shown
    }

    /// Whether the two panes scroll together.
    pub fn sync(&self) -> bool {
        self.view.sync
    }

    /// The navigator's cursor: an index into `nav_items()`.
    pub fn nav_cursor(&self) -> usize {
        self.nav.cursor
    }

    /// Whether topic `t` is open in the navigator.
    pub fn topic_open(&self, t: TopicId) -> bool {
        self.nav.open_topics.get(t).copied().unwrap_or(false)
    }

    /// What is still loading in the background.
    pub fn progress(&self) -> Option<&str> {
        self.status.progress.as_deref()
    }

    /// Which annotations the panes highlight.
    pub fn highlights(&self) -> Highlights {
        self.nav.highlights
    }

    /// The status line's one-off message.
    pub fn message(&self) -> Option<&str> {
        self.status.message.as_deref()
    }

    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The figures view: filters, order, cursor.
    pub fn figures(&self) -> &FiguresView {
        &self.figures
    }

    /// The styles the views draw with.
    pub fn palette(&self) -> &Palette {
        &self.settings.palette
    }

    /// Whether the user asked to leave.
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// A file the user asked to edit, for the event loop to open in the editor.
    pub fn edit_request(&self) -> Option<&EditRequest> {
        self.edit.as_ref()
    }

    /// What both panes show.
    pub fn panes(&self) -> Panes {
        self.view.panes
    }

    /// The pane keys go to (the navigator's partner pane is the one shown).
    pub fn focused_pane(&self) -> Pane {
        match self.view.focus {
            Focus::Pane(p) => p,
            Focus::Topics => self.view.shown,
        }
    }

    /// The current place, for marks.
    pub fn place(&self) -> Place {
        Place {
            panes: self.view.panes,
            selected: self.nav.selected,
            topic: self.nav.topic,
        }
    }

    /// How many problems there are (an orphan is also a finding, unless the engine
    /// reported nothing at all).
    pub fn problem_count(&self) -> usize {
        self.counts.borrow_mut().problems(&self.corpus)
    }

    /// How many annotations the navigator lists under topic `t`.
    pub fn listed_count(&self, t: TopicId) -> usize {
        self.counts.borrow_mut().listed(&self.corpus, &self.nav, t)
    }

    /// The annotations anchored in the focused pane's document, by where they stand
    /// (their first quote there), then every other annotation in corpus order.
    pub(crate) fn reading_order(&self) -> Vec<AnnotationId> {
        let c = &self.corpus;
        let Some(doc) = self.view.panes[self.focused_pane()].doc else {
            return c.annotations().ids().collect();
        };
        let len = c.documents().get(doc).map_or(0, |d| d.text.len());
        // Each annotation where its first quote in the document stands (a list of seen
        // ones, not a search of those kept: a document may hold a million).
        let mut listed: IdVec<AnnotationId, bool> = IdVec::from(vec![false; c.annotations().len()]);
        let mut here: Vec<(usize, AnnotationId)> = Vec::new();
        for (range, a) in c.anchors_in(doc, 0..len.max(1)) {
            if let Some(seen) = listed.get_mut(a)
                && !*seen
            {
                *seen = true;
                here.push((range.start, a));
            }
        }
        here.sort_unstable();
        let mut order: Vec<AnnotationId> = here.iter().map(|&(_, a)| a).collect();
        order.extend(c.annotations().ids().filter(|&a| !listed[a]));
        order
    }

    /// How many alignments are cached (for tests: one per pair, not one per key).
    pub fn cached_alignments(&self) -> usize {
        self.aligned.borrow().len()
    }

    /// The counterpart in document `b` of the passage of document `a` that holds byte
    /// `offset` (or the next passage after it).
    pub(crate) fn counterpart(&self, a: DocId, offset: usize, b: DocId) -> Option<Counterpart> {
        self.aligned
            .borrow_mut()
            .counterpart(&self.corpus, a, offset, b)
    }

    /// The range marked in `pane`: the counterpart of the passage at the top of the
    /// other pane when that one has the focus (or is shown beside the navigator).
    pub fn marked_counterpart(&self, pane: Pane) -> Option<Range<usize>> {
        let from = self.focused_pane();
        if !self.view.mark_counterpart || from == pane {
            return None;
        }
        let (a, b) = (self.view.panes[from].doc?, self.view.panes[pane].doc?);
        match self.counterpart(a, self.view.panes[from].top, b)? {
            Counterpart::Passage { to, .. } => Some(to),
            Counterpart::None { .. } => None,
        }
    }

    /// The documents in the order the picker lists them.
    pub fn picker_order(&self) -> Vec<DocId> {
        self.picker_sort.order(self.corpus.documents())
    }

    /// The query the results list is for: the one being typed, else the active one.
    pub(crate) fn results_query(&self) -> &str {
        self.search.results_query()
    }

    /// Every row of the results list Enter can go to, in the order the list shows them.
    pub fn hits(&self) -> Vec<Hit> {
        results::hits(
            &self.corpus,
            self.search.results_query(),
            self.search.matches.len(),
        )
    }
}
