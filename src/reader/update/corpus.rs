//! A new corpus under the reader: the whole one after an opening part, or a reload that
//! keeps every place, selection, overlay, search and mark that still applies, each said
//! in the status line; and the terminal's size.

use std::time::Duration;

use ratatui::layout::Rect;

use crate::engine::corpus::{DocId, IdVec, TopicId};
use crate::engine::{Corpus, CorpusError};
use crate::reader::follow::{same_annotation, same_document, same_place};
use crate::reader::state::{App, Card, Counts, NavItem, Overlay, PaneView, Place, Then};

impl App {
    /// The whole corpus came after the opening part: it opens on its own first pair when
    /// the reader was not touched yet, and otherwise keeps the place, as a reload does.
    pub(super) fn whole_loaded(
        &mut self,
        result: Result<Corpus, CorpusError>,
        took: Duration,
        touched: bool,
    ) {
        self.status.progress = None;
        match result {
            Ok(corpus) => {
                let documents = corpus.documents().len();
                if touched {
                    self.replace_corpus(corpus);
                } else {
                    self.open_whole(corpus);
                }
                self.status.message = Some(format!(
                    "loaded {documents} documents in {:.1} s{}",
                    took.as_secs_f64(),
                    match self.problem_count() {
                        0 => String::new(),
                        1 => ": 1 problem (e to list)".to_string(),
                        n => format!(": {n} problems (e to list)"),
                    }
                ));
            }
            Err(e) => {
                self.status.message = Some(format!(
                    "the rest of the corpus did not load, showing a part: {e}"
                ));
            }
        }
    }

    /// A live reload is done: the corpus replaced, keeping the place, and how it went
    /// said; a corpus that cannot be loaded at all leaves the old one on screen.
    pub(super) fn reloaded(&mut self, result: Result<Corpus, CorpusError>) {
        match result {
            Ok(corpus) => {
                self.replace_corpus(corpus);
                self.status.message = Some(match self.problem_count() {
                    0 => "reloaded".to_string(),
                    1 => "reloaded: 1 problem (e to list)".to_string(),
                    n => format!("reloaded: {n} problems (e to list)"),
                });
            }
            Err(e) => {
                self.status.message =
                    Some(format!("reload failed, showing the corpus as it was: {e}"));
            }
        }
    }

    /// Opens on the whole corpus, loaded after a part of it, as if it had been there from
    /// the start (its own first pair), keeping how the reader was started and drawn.
    fn open_whole(&mut self, corpus: Corpus) {
        let mut whole = App::new(corpus);
        whole.settings.source = self.settings.source.take();
        whole.settings.palette = self.settings.palette;
        whole.settings.print_dir = std::mem::take(&mut self.settings.print_dir);
        whole.view.size = self.view.size;
        whole.status.message = self.status.message.take();
        drop_aside(std::mem::take(&mut self.corpus));
        *self = whole;
    }

    /// Records the terminal size (on start and on every resize).
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.view.size = Rect::new(0, 0, width, height);
        self.keep_panes_full();
    }

    /// Replaces the corpus (after a reload), keeping documents by id, scroll by line,
    /// topics by id, the selected annotation by brief and headline (or place in its
    /// brief), what is open over the panes, the search and marks where they still apply.
    fn replace_corpus(&mut self, corpus: Corpus) {
        let old_item = self.nav_items().get(self.nav.cursor).copied();
        let old = std::mem::replace(&mut self.corpus, corpus);
        let new = &self.corpus;
        let map_pane = |p: PaneView| {
            let doc = p.doc.and_then(|d| same_document(&old, d, new));
            // Kept by text, so lines added above the place do not move the view.
            let top = match (p.doc, doc) {
                (Some(was), Some(now)) => kept_top(&old, was, p.top, new, now),
                _ => 0,
            };
            PaneView { doc, top }
        };
        let map_topic = |t: TopicId| old.topics().get(t).and_then(|t| new.topic_by_id(&t.id));
        let map_place = |place: Place| Place {
            panes: place.panes.map(map_pane),
            selected: place.selected.and_then(|a| same_annotation(&old, a, new)),
            topic: place.topic.and_then(map_topic),
        };
        let now = map_place(self.place());
        let mut open_topics: IdVec<TopicId, bool> = IdVec::from(vec![false; new.topics().len()]);
        for (t, _) in self.nav.open_topics.enumerated().filter(|(_, o)| **o) {
            if let Some(open) = map_topic(t).and_then(|t| open_topics.get_mut(t)) {
                *open = true;
            }
        }
        let nav_item = old_item.and_then(|item| match item {
            NavItem::Topic(t) => map_topic(t).map(NavItem::Topic),
            NavItem::Annotation { topic, annotation } => map_topic(topic).and_then(|topic| {
                same_annotation(&old, annotation, new)
                    .map(|annotation| NavItem::Annotation { topic, annotation })
            }),
        });
        let overlay = match self.overlay {
            Overlay::Picker { pane, cursor } => match same_document(&old, cursor, new) {
                Some(cursor) => Overlay::Picker { pane, cursor },
                None => Overlay::None,
            },
            Overlay::Card { card, scroll } => {
                let card = match card {
                    Card::Annotation(a) => same_annotation(&old, a, new).map(Card::Annotation),
                    Card::Document(d) => same_document(&old, d, new).map(Card::Document),
                };
                card.map_or(Overlay::None, |card| Overlay::Card { card, scroll })
            }
            other => other,
        };
        let current_match = self
            .search
            .current()
            .and_then(|k| self.search.matches().get(k))
            .and_then(|(d, r)| Some((same_document(&old, *d, new)?, r.start)));
        let marks = std::mem::take(&mut self.marks)
            .into_iter()
            .map(|(k, place)| (k, map_place(place)))
            .collect();

        self.view.panes = now.panes;
        self.nav.selected = now.selected;
        self.nav.topic = now.topic;
        self.marks = marks;
        self.nav.open_topics = open_topics;
        self.overlay = overlay;
        let items = self.nav_items();
        self.nav.cursor = nav_item
            .and_then(|item| items.iter().position(|i| *i == item))
            .unwrap_or(self.nav.cursor)
            .min(items.len().saturating_sub(1));
        self.cache.borrow_mut().clear();
        *self.counts.borrow_mut() = Counts::default();
        self.folds.renew(&self.corpus);
        let figure = self.figures.current();
        let figure = figure.and_then(|a| same_annotation(&old, a, &self.corpus));
        if self.overlay == Overlay::Figures {
            self.figures.refresh_on(&self.corpus, figure);
        } else {
            self.figures.refresh_later(figure);
        }
        let shown = match self.view.panes.map(|p| p.doc).iter().as_slice() {
            &[Some(a), Some(b)] => Some((a, b)),
            _ => None,
        };
        self.aligned.borrow_mut().renew(&self.corpus, shown);
        // The same query finds its matches in the new text; the current one stays the
        // first at or after where it was.
        let (typing, query) = self.search.renew();
        self.work.search = None;
        self.work.found = None;
        if !query.is_empty() {
            self.run_search(&query, Then::Renewed(current_match));
            self.search.activate(query);
        }
        if let Some(typing) = typing {
            self.run_search(&typing, Then::Show);
            self.search.reopen_prompt(typing);
        }
        drop_aside(old);
    }
}

/// Frees a corpus on a thread of its own: a large one's many allocations
/// take longer to free than a frame may wait.
fn drop_aside<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Where a pane at `top` in document `was` of `old` stands in document `now` of `new`:
/// the same place if the text is the same, else the same line found by its text.
fn kept_top(old: &Corpus, was: DocId, top: usize, new: &Corpus, now: DocId) -> usize {
    let (Some(before), Some(after)) = (old.documents().get(was), new.documents().get(now)) else {
        return 0;
    };
    if before.text.same(&after.text) {
        return top;
    }
    match (old.text(was), new.text(now)) {
        (Ok(before), Ok(after)) => same_place(&before, top, &after),
        _ => 0,
    }
}
