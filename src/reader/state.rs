//! Everything the reader remembers between two keys. Views read it; only `update` changes it.
//! Places are kept by document and byte offset, not by screen row, so a resize or a
//! reloaded corpus keeps the reader where it was.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::engine::{Corpus, CorpusSource};
use crate::reader::keymap::Mode;
use crate::reader::layout_cache::{LayoutCache, Rows};
use crate::reader::view::style::Palette;

/// Which part of the screen keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The topic navigator.
    Topics,
    /// Document pane 0 (left or top) or 1.
    Pane(usize),
}

/// What is drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The list of keys, scrolled by `scroll` lines.
    Help {
        scroll: usize,
    },
    /// The document picker for `pane`, its cursor on document `cursor`.
    Picker {
        pane: usize,
        cursor: usize,
    },
    /// Findings and orphans, scrolled by `scroll` lines.
    Problems {
        scroll: usize,
    },
}

/// A document pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pane {
    /// Index into `Corpus::documents`.
    pub doc: Option<usize>,
    /// Byte offset where the top row starts.
    pub top: usize,
}

/// One row of the topic navigator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavItem {
    Topic(usize),
    /// An annotation listed under an open topic.
    Annotation {
        topic: usize,
        annotation: usize,
    },
}

/// The search: what is being typed and what was found.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query being typed, while the prompt is open.
    pub typing: Option<String>,
    /// The query whose matches are shown (empty: no search active).
    pub query: String,
    /// Every match: (document, byte range), documents in corpus order.
    pub matches: Vec<(usize, Range<usize>)>,
    /// Index into `matches` of the current one.
    pub current: Option<usize>,
}

impl Search {
    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }
}

/// A place to come back to (a mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub panes: [Pane; 2],
    pub selected: Option<usize>,
    pub topic: Option<usize>,
}

/// The reader's whole state.
#[derive(Debug)]
pub struct App {
    pub corpus: Corpus,
    /// Where the corpus came from, for reloading it.
    pub source: Option<CorpusSource>,
    pub panes: [Pane; 2],
    pub focus: Focus,
    pub overlay: Overlay,
    /// A prefix key waiting for its letter (`Mode::Mark` or `Mode::Jump`).
    pub pending: Option<Mode>,
    /// The chosen topic: `n`/`N` walk its annotations.
    pub topic: Option<usize>,
    /// Topics opened in the navigator.
    pub open_topics: Vec<bool>,
    pub nav_cursor: usize,
    /// The selected annotation.
    pub selected: Option<usize>,
    pub search: Search,
    pub marks: HashMap<char, Place>,
    /// Synchronised scrolling of the two panes.
    pub sync: bool,
    /// The pane shown when only one fits.
    pub shown: usize,
    /// A one-off message for the status line (cleared by the next key).
    pub message: Option<String>,
    pub palette: Palette,
    /// Where `p` writes the printed brief.
    pub print_dir: PathBuf,
    /// The terminal's size, for layout in `update` (set by `resize`).
    pub size: Rect,
    pub quit: bool,
    cache: RefCell<LayoutCache>,
}

impl App {
    /// A reader over `corpus` showing the first declared document and its partner.
    pub fn new(corpus: Corpus) -> App {
        let mut app = App {
            open_topics: vec![false; corpus.topics.len()],
            corpus,
            source: None,
            panes: [Pane::default(); 2],
            focus: Focus::Pane(0),
            overlay: Overlay::None,
            pending: None,
            topic: None,
            nav_cursor: 0,
            selected: None,
            search: Search::default(),
            marks: HashMap::new(),
            sync: true,
            shown: 0,
            message: None,
            palette: Palette::from_env(),
            print_dir: PathBuf::from("."),
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            cache: RefCell::new(LayoutCache::default()),
        };
        let [first, second] = app.default_documents();
        app.panes[0].doc = first;
        app.panes[1].doc = second;
        app
    }

    /// The first document the first brief declares and its partner (or the next one).
    fn default_documents(&self) -> [Option<usize>; 2] {
        let c = &self.corpus;
        let first = c
            .briefs
            .iter()
            .find_map(|b| b.documents.first().copied())
            .or(if c.documents.is_empty() {
                None
            } else {
                Some(0)
            });
        let Some(first) = first else {
            return [None, None];
        };
        let second = c
            .partner(first)
            .or_else(|| {
                c.briefs
                    .iter()
                    .flat_map(|b| b.documents.iter().copied())
                    .find(|&d| d != first)
            })
            .or_else(|| (0..c.documents.len()).find(|&d| d != first));
        [Some(first), second]
    }

    /// Records the terminal size (on start and on every resize).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
    }

    /// Replaces the corpus (after a reload), keeping documents by id, scroll by line,
    /// the chosen topic by id and marks where their documents remain.
    pub fn replace_corpus(&mut self, corpus: Corpus) {
        let old = std::mem::replace(&mut self.corpus, corpus);
        let map_doc = |new: &Corpus, doc: Option<usize>| {
            doc.and_then(|d| old.documents.get(d)).and_then(|d| {
                new.document_by_id(d.id())
                    .or_else(|| new.documents.iter().position(|n| n.file == d.file))
            })
        };
        let map_pane = |new: &Corpus, p: Pane| {
            let line = p
                .doc
                .and_then(|d| old.documents.get(d))
                .map_or(0, |d| d.text.line_index(p.top));
            let doc = map_doc(new, p.doc);
            let top = doc
                .and_then(|d| new.documents.get(d))
                .map_or(0, |d| d.text.line_range(line).start);
            Pane { doc, top }
        };
        self.panes = self.panes.map(|p| map_pane(&self.corpus, p));
        let topic_id = self
            .topic
            .and_then(|t| old.topics.get(t))
            .map(|t| t.id.clone());
        self.topic = topic_id.and_then(|id| self.corpus.topic_by_id(&id));
        self.open_topics = vec![false; self.corpus.topics.len()];
        if let Some(t) = self.topic
            && let Some(open) = self.open_topics.get_mut(t)
        {
            *open = true;
        }
        self.nav_cursor = 0;
        self.selected = None;
        self.overlay = Overlay::None;
        let marks = std::mem::take(&mut self.marks);
        self.marks = marks
            .into_iter()
            .map(|(k, place)| {
                let panes = place.panes.map(|p| map_pane(&self.corpus, p));
                (
                    k,
                    Place {
                        panes,
                        selected: None,
                        topic: None,
                    },
                )
            })
            .collect();
        self.cache.borrow_mut().clear();
        let query = std::mem::take(&mut self.search.query);
        self.search = Search::default();
        if !query.is_empty() {
            self.run_search(&query);
        }
    }

    /// The keyboard mode now.
    pub fn mode(&self) -> Mode {
        if self.search.typing.is_some() {
            Mode::Prompt
        } else {
            self.pending.unwrap_or(Mode::Normal)
        }
    }

    /// The wrapped rows of document `doc` at `width` columns (cached).
    pub fn rows(&self, doc: usize, width: u16) -> Option<Rows> {
        let text = &self.corpus.documents.get(doc)?.text;
        Some(self.cache.borrow_mut().rows(doc, width, text))
    }

    /// How many layouts the cache holds.
    pub fn cached_layouts(&self) -> usize {
        self.cache.borrow().len()
    }

    /// The rows of the navigator: topics, with the annotations of open topics under them.
    pub fn nav_items(&self) -> Vec<NavItem> {
        let mut items = Vec::new();
        for t in 0..self.corpus.topics.len() {
            items.push(NavItem::Topic(t));
            if self.open_topics.get(t).copied().unwrap_or(false) {
                items.extend(self.corpus.annotations_for_topic(t).map(|annotation| {
                    NavItem::Annotation {
                        topic: t,
                        annotation,
                    }
                }));
            }
        }
        items
    }

    /// The annotations `n`/`N` walk: the chosen topic's, or all.
    pub fn cycle(&self) -> Vec<usize> {
        match self.topic {
            Some(t) => self.corpus.annotations_for_topic(t).collect(),
            None => (0..self.corpus.annotations.len()).collect(),
        }
    }

    /// The pane keys go to (the navigator's partner pane is the one shown).
    pub fn focused_pane(&self) -> usize {
        match self.focus {
            Focus::Pane(p) => p,
            Focus::Topics => self.shown,
        }
    }

    /// The current place, for marks.
    pub fn place(&self) -> Place {
        Place {
            panes: self.panes,
            selected: self.selected,
            topic: self.topic,
        }
    }

    /// How many problems there are (an orphan is also a finding, unless the engine
    /// reported nothing at all).
    pub fn problem_count(&self) -> usize {
        match self.corpus.findings.len() {
            0 => self.corpus.orphans().count(),
            n => n,
        }
    }
}
