//! Everything the reader remembers between two keys. Views read it; only `update` changes it.
//! Places are kept by document and byte offset, not by screen row, so a resize or a
//! reloaded corpus keeps the reader where it was.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::engine::{Corpus, CorpusSource};
use crate::reader::aligned::AlignCache;
use crate::reader::figures::FiguresView;
use crate::reader::keymap::Mode;
use crate::reader::layout_cache::{LayoutCache, Rows};
use crate::reader::search_folds::SearchFolds;
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
    /// The key figures table (its state is `App::figures`).
    Figures,
    /// The results list of the search, its cursor on hit `cursor` (`App::hits`).
    Results {
        cursor: usize,
    },
    /// The whole of an annotation, or a document's sources, scrolled by `scroll` rows.
    Card {
        card: Card,
        scroll: usize,
    },
}

/// What a card shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Card {
    /// Annotation (index into `Corpus::annotations`).
    Annotation(usize),
    /// Document (index into `Corpus::documents`).
    Document(usize),
}

/// Which annotations the panes highlight (`h` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Highlights {
    /// Figures and themes.
    #[default]
    All,
    Figures,
    /// Only the selected annotation.
    Selected,
    None,
}

impl Highlights {
    /// The next in the cycle.
    pub fn next(self) -> Highlights {
        match self {
            Highlights::All => Highlights::Figures,
            Highlights::Figures => Highlights::Selected,
            Highlights::Selected => Highlights::None,
            Highlights::None => Highlights::All,
        }
    }

    /// Whether annotations of `kind` are highlighted (the selected one aside).
    pub fn shows(self, kind: crate::engine::AnnotationKind) -> bool {
        match self {
            Highlights::All => true,
            Highlights::Figures => kind == crate::engine::AnnotationKind::Figure,
            Highlights::Selected | Highlights::None => false,
        }
    }

    /// How the status line says it.
    pub fn describe(self) -> &'static str {
        match self {
            Highlights::All => "Highlighting figures and themes.",
            Highlights::Figures => "Highlighting figures only.",
            Highlights::Selected => "Highlighting the selected annotation only.",
            Highlights::None => "No highlights (search matches still show).",
        }
    }
}

/// The document picker's order (`S` cycles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PickerSort {
    /// As the corpus lists them (seeds/ by name).
    #[default]
    Corpus,
    Id,
    /// By date, then id; undated last.
    Date,
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
    /// Where the panes stood when the prompt opened: typing moves to the first match from
    /// there (as vim's incsearch does), Esc goes back.
    pub origin: Option<[Pane; 2]>,
    /// The prompt's cursor: a byte offset into `typing`.
    pub cursor: usize,
    /// Queries searched before, the latest last (↑ recalls them).
    pub history: Vec<String>,
    /// Which of `history` the prompt shows, while ↑/↓ walk it.
    pub recalled: Option<usize>,
    /// What was typed before ↑, given back by ↓ past the latest.
    pub draft: String,
    /// Whether typing searches at once or once at the end of a burst of input.
    pub pace: Pace,
    /// Whether there were more matches than the `MAX_MATCHES` kept.
    pub more: bool,
}

/// When the incremental search runs. Keys that arrive faster than a search (a burst, a
/// paste without bracketed paste) are taken together: only the last query is searched,
/// so typing never queues work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pace {
    /// Every key searches (the API's default: tests see each key's result).
    #[default]
    EveryKey,
    /// Inside a burst; `stale` once the query changed without being searched.
    Burst { stale: bool },
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
    /// A count typed before a key (`5j`, `3n`).
    pub count: Option<usize>,
    /// A file the user asked to edit (`E`), for the event loop to open in the editor.
    pub edit: Option<crate::reader::editor::EditRequest>,
    /// How the document picker orders the documents.
    pub picker_sort: PickerSort,
    /// The topic Esc last let go of: `]` and `[` go on from it.
    pub last_topic: Option<usize>,
    /// Which annotations the panes highlight.
    pub highlights: Highlights,
    /// Topics opened in the navigator.
    pub open_topics: Vec<bool>,
    pub nav_cursor: usize,
    /// The selected annotation.
    pub selected: Option<usize>,
    pub search: Search,
    pub marks: HashMap<char, Place>,
    /// Synchronised scrolling of the two panes.
    pub sync: bool,
    /// Mark, in the partner pane, the counterpart of the passage at the reading line.
    pub mark_counterpart: bool,
    /// The pane shown when only one fits.
    pub shown: usize,
    /// A one-off message for the status line (cleared by the next key).
    pub message: Option<String>,
    /// What is still loading in the background, kept on the status line until it is done.
    pub progress: Option<String>,
    pub palette: Palette,
    /// Where `p` writes the printed brief.
    pub print_dir: PathBuf,
    /// The figures view: filters, order, cursor.
    pub figures: FiguresView,
    /// The terminal's size, for layout in `update` (set by `resize`).
    pub size: Rect,
    pub quit: bool,
    cache: RefCell<LayoutCache>,
    pub(crate) aligned: RefCell<AlignCache>,
    /// Documents folded for search, kept between keystrokes.
    pub(crate) folds: SearchFolds,
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
            count: None,
            last_topic: None,
            picker_sort: PickerSort::Corpus,
            edit: None,
            highlights: Highlights::All,
            nav_cursor: 0,
            selected: None,
            search: Search::default(),
            marks: HashMap::new(),
            sync: true,
            mark_counterpart: true,
            shown: 0,
            message: None,
            progress: None,
            palette: Palette::from_env(),
            print_dir: PathBuf::from("."),
            figures: FiguresView::default(),
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            cache: RefCell::new(LayoutCache::default()),
            aligned: RefCell::new(AlignCache::default()),
            folds: SearchFolds::default(),
        };
        let [first, second] = app.default_documents();
        app.panes[0].doc = first;
        app.panes[1].doc = second;
        app
    }

    /// The first declared document that has a parallel partner, beside that partner: two
    /// languages side by side is what the reader is for. Without any pair, the first
    /// declared document and the next one.
    fn default_documents(&self) -> [Option<usize>; 2] {
        let c = &self.corpus;
        let declared = || c.briefs.iter().flat_map(|b| b.documents.iter().copied());
        if let Some((first, partner)) = declared().find_map(|d| c.partner(d).map(|p| (d, p))) {
            return [Some(first), Some(partner)];
        }
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

    /// Opens on the whole corpus, loaded after a part of it, as if it had been there from
    /// the start (its own first pair), keeping how the reader was started and drawn.
    pub fn open_whole(&mut self, corpus: Corpus) {
        let mut whole = App::new(corpus);
        whole.source = self.source.take();
        whole.palette = self.palette;
        whole.print_dir = std::mem::take(&mut self.print_dir);
        whole.size = self.size;
        whole.message = self.message.take();
        *self = whole;
    }

    /// Records the terminal size (on start and on every resize).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.keep_panes_full();
    }

    /// Replaces the corpus (after a reload), keeping documents by id, scroll by line,
    /// topics by id, the selected annotation by brief and headline (or place in its
    /// brief), what is open over the panes, the search and marks where they still apply.
    pub fn replace_corpus(&mut self, corpus: Corpus) {
        let old_item = self.nav_items().get(self.nav_cursor).copied();
        let old = std::mem::replace(&mut self.corpus, corpus);
        let new = &self.corpus;
        let map_pane = |p: Pane| {
            let doc = p.doc.and_then(|d| same_document(&old, d, new));
            // Kept by text, so lines added above the place do not move the view.
            let top = match (
                p.doc.and_then(|d| old.documents.get(d)),
                doc.and_then(|d| new.documents.get(d)),
            ) {
                (Some(before), Some(after)) => {
                    crate::reader::steady::same_place(&before.text, p.top, &after.text)
                }
                _ => 0,
            };
            Pane { doc, top }
        };
        let map_topic = |t: usize| old.topics.get(t).and_then(|t| new.topic_by_id(&t.id));
        let map_place = |place: Place| Place {
            panes: place.panes.map(map_pane),
            selected: place.selected.and_then(|a| same_annotation(&old, a, new)),
            topic: place.topic.and_then(map_topic),
        };
        let now = map_place(self.place());
        let mut open_topics = vec![false; new.topics.len()];
        for (t, _) in self.open_topics.iter().enumerate().filter(|(_, o)| **o) {
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
            .current
            .and_then(|k| self.search.matches.get(k))
            .and_then(|(d, r)| Some((same_document(&old, *d, new)?, r.start)));
        let marks = std::mem::take(&mut self.marks)
            .into_iter()
            .map(|(k, place)| (k, map_place(place)))
            .collect();

        self.panes = now.panes;
        self.selected = now.selected;
        self.topic = now.topic;
        self.marks = marks;
        self.open_topics = open_topics;
        self.overlay = overlay;
        let items = self.nav_items();
        self.nav_cursor = nav_item
            .and_then(|item| items.iter().position(|i| *i == item))
            .unwrap_or(self.nav_cursor)
            .min(items.len().saturating_sub(1));
        self.cache.borrow_mut().clear();
        self.folds.clear();
        let figure = self.figures.current();
        let figure = figure.and_then(|a| same_annotation(&old, a, &self.corpus));
        self.figures.refresh_on(&self.corpus, figure);
        self.aligned.borrow_mut().clear();
        // The same query finds its matches in the new text; the current one stays the
        // first at or after where it was.
        let typing = self.search.typing.take();
        let query = std::mem::take(&mut self.search.query);
        let history = std::mem::take(&mut self.search.history);
        let cursor = self.search.cursor;
        self.search = Search {
            history,
            cursor,
            ..Search::default()
        };
        if !query.is_empty() {
            self.run_search(&query);
            self.search.query = query;
            self.search.current = current_match.and_then(|(doc, start)| {
                self.search
                    .matches
                    .iter()
                    .position(|(d, r)| *d == doc && r.start >= start)
            });
        }
        if let Some(typing) = typing {
            self.run_search(&typing);
            self.search.typing = Some(typing);
        }
    }

    /// The keyboard mode now.
    pub fn mode(&self) -> Mode {
        if self.search.typing.is_some() {
            Mode::Prompt
        } else if self.overlay == Overlay::Figures && self.pending.is_none() {
            Mode::Figures
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

    /// The annotations `n`/`N` walk: the chosen topic's, or all, the focused document's
    /// first in the order they stand in it.
    pub fn cycle(&self) -> Vec<usize> {
        match self.topic {
            Some(t) => self.corpus.annotations_for_topic(t).collect(),
            None => self.reading_order(),
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

/// Document `d` of `old` in `new`: by id, else by file.
fn same_document(old: &Corpus, d: usize, new: &Corpus) -> Option<usize> {
    let d = old.documents.get(d)?;
    new.document_by_id(d.id())
        .or_else(|| new.documents.iter().position(|n| n.file == d.file))
}

/// Annotation `a` of `old` in `new`: in the brief of the same id, the annotation of the
/// same kind and headline, else the one at the same place in the brief if of the same kind
/// (its text was edited).
fn same_annotation(old: &Corpus, a: usize, new: &Corpus) -> Option<usize> {
    let ann = old.annotations.get(a)?;
    let old_brief = old.briefs.get(ann.brief)?;
    let place = old_brief.annotations.iter().position(|&i| i == a)?;
    let brief = new.briefs.iter().find(|b| b.id == old_brief.id)?;
    let alike = |i: usize| new.annotations.get(i).filter(|n| n.kind == ann.kind);
    // Several with the same headline: the one nearest the old place.
    let by_headline = (brief.annotations.iter().enumerate())
        .filter(|&(_, &i)| alike(i).is_some_and(|n| n.headline() == ann.headline()))
        .min_by_key(|&(k, _)| k.abs_diff(place))
        .map(|(_, &i)| i);
    by_headline.or_else(|| {
        let &i = brief.annotations.get(place)?;
        alike(i).map(|_| i)
    })
}
