//! Everything the reader remembers between two keys. Views read it; only `update` changes it.
//! Places are kept by document and byte offset, not by screen row, so a resize or a
//! reloaded corpus keeps the reader where it was.

mod overlay;
mod panes;
mod queries;
mod search;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::engine::{Corpus, CorpusSource, Document};
use crate::reader::aligned::AlignCache;
use crate::reader::editor::EditRequest;
use crate::reader::figures::FiguresView;
use crate::reader::keymap::Mode;
use crate::reader::layout_cache::LayoutCache;
use crate::reader::search_folds::SearchFolds;
use crate::reader::view::style::Palette;

pub use overlay::{Card, Overlay};
pub use panes::{ByPane, Pane, PaneView, Panes};
pub use search::{Pace, Search};

/// Which part of the screen keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The topic navigator.
    Topics,
    /// A document pane.
    Pane(Pane),
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

impl PickerSort {
    /// The next in the cycle.
    pub fn next(self) -> PickerSort {
        match self {
            PickerSort::Corpus => PickerSort::Id,
            PickerSort::Id => PickerSort::Date,
            PickerSort::Date => PickerSort::Corpus,
        }
    }

    /// How the order is said.
    pub fn name(self) -> &'static str {
        match self {
            PickerSort::Corpus => "as the corpus lists them",
            PickerSort::Id => "by id",
            PickerSort::Date => "by date",
        }
    }

    /// The documents in this order: as the corpus lists them, by id, or by date (then
    /// id; undated last).
    pub fn order(self, docs: &[Document]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let date = |d: usize| docs[d].meta.as_ref().and_then(|m| m.date.clone());
        match self {
            PickerSort::Corpus => {}
            PickerSort::Id => order.sort_by(|&a, &b| docs[a].id().cmp(docs[b].id())),
            PickerSort::Date => order.sort_by(|&a, &b| {
                (date(a).is_none(), date(a), docs[a].id()).cmp(&(
                    date(b).is_none(),
                    date(b),
                    docs[b].id(),
                ))
            }),
        }
        order
    }
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

/// A place to come back to (a mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub panes: Panes,
    pub selected: Option<usize>,
    pub topic: Option<usize>,
}

/// The reader's whole state.
#[derive(Debug)]
pub struct App {
    pub corpus: Corpus,
    /// Where the corpus came from, for reloading it.
    pub source: Option<CorpusSource>,
    pub panes: Panes,
    pub focus: Focus,
    pub overlay: Overlay,
    /// A prefix key waiting for its letter (`Mode::Mark` or `Mode::Jump`).
    pub pending: Option<Mode>,
    /// The chosen topic: `n`/`N` walk its annotations.
    pub topic: Option<usize>,
    /// A count typed before a key (`5j`, `3n`).
    pub count: Option<usize>,
    /// A file the user asked to edit (`E`), for the event loop to open in the editor.
    pub edit: Option<EditRequest>,
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
    pub shown: Pane,
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
    pub(crate) cache: RefCell<LayoutCache>,
    pub(crate) aligned: RefCell<AlignCache>,
    /// Documents folded for search, kept between keystrokes.
    pub(crate) folds: SearchFolds,
}

impl App {
    /// A reader over `corpus` showing the first declared document and its partner.
    pub fn new(corpus: Corpus) -> App {
        let mut app = App {
            open_topics: vec![false; corpus.topics().len()],
            corpus,
            source: None,
            panes: Panes::default(),
            focus: Focus::Pane(Pane::Left),
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
            shown: Pane::Left,
            message: None,
            progress: None,
            palette: Palette::color(),
            print_dir: PathBuf::from("."),
            figures: FiguresView::default(),
            size: Rect::new(0, 0, 80, 24),
            quit: false,
            cache: RefCell::new(LayoutCache::default()),
            aligned: RefCell::new(AlignCache::default()),
            folds: SearchFolds::default(),
        };
        app.panes = app.default_documents().map(|doc| PaneView { doc, top: 0 });
        app
    }

    /// Where the corpus came from (a folder can be edited, and is never printed into).
    pub fn with_source(mut self, source: CorpusSource) -> App {
        self.source = Some(source);
        self
    }

    /// The folder `p` writes printed briefs to.
    pub fn with_print_dir(mut self, dir: PathBuf) -> App {
        self.print_dir = dir;
        self
    }

    /// The styles the views draw with.
    pub fn with_palette(mut self, palette: Palette) -> App {
        self.palette = palette;
        self
    }

    /// The first declared document that has a parallel partner, beside that partner: two
    /// languages side by side is what the reader is for. Without any pair, the first
    /// declared document and the next one.
    fn default_documents(&self) -> ByPane<Option<usize>> {
        let c = &self.corpus;
        let declared = || c.briefs().iter().flat_map(|b| b.documents.iter().copied());
        if let Some((first, partner)) = declared().find_map(|d| c.partner(d).map(|p| (d, p))) {
            return ByPane::new(Some(first), Some(partner));
        }
        let first = c
            .briefs()
            .iter()
            .find_map(|b| b.documents.first().copied())
            .or(if c.documents().is_empty() {
                None
            } else {
                Some(0)
            });
        let Some(first) = first else {
            return ByPane::default();
        };
        let second = c
            .partner(first)
            .or_else(|| {
                c.briefs()
                    .iter()
                    .flat_map(|b| b.documents.iter().copied())
                    .find(|&d| d != first)
            })
            .or_else(|| (0..c.documents().len()).find(|&d| d != first));
        ByPane::new(Some(first), second)
    }
}
