//! Everything the reader remembers between two keys. Views read it; only `update` changes it.
//! Places are kept by document and byte offset, not by screen row, so a resize or a
//! reloaded corpus keeps the reader where it was.

mod counts;
mod navigator;
mod overlay;
mod panes;
mod prompt;
mod queries;
mod search;
mod viewport;
mod work;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;

use crate::engine::corpus::{AnnotationId, DocId, TopicId};
use crate::engine::{Corpus, CorpusSource};
use crate::reader::aligned::AlignCache;
use crate::reader::editor::EditRequest;
use crate::reader::figures::FiguresView;
use crate::reader::keymap::Mode;
use crate::reader::layout_cache::LayoutCache;
use crate::reader::pairs::Partners;
use crate::reader::palette::Palette;
use crate::reader::search_folds::SearchFolds;

pub use counts::Counts;
pub use navigator::{Highlights, Listing, NavItem, Navigator};
pub use overlay::{Card, Overlay, PickerSort};
pub use panes::{ByPane, Pane, PaneView, Panes};
pub use search::{Pace, Search, Stop};
pub use viewport::{Focus, Viewport};
pub use work::{NOTES_CHUNK, Running, SLICE, Then, Work};

/// A place to come back to (a mark).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub panes: Panes,
    pub selected: Option<AnnotationId>,
    pub topic: Option<TopicId>,
}

/// How the reader was started: given at construction, never changed by a key.
#[derive(Debug)]
pub struct Settings {
    /// Where the corpus came from (a folder can be edited, and is never printed into).
    pub(crate) source: Option<CorpusSource>,
    /// Where `p` writes the printed brief.
    pub(crate) print_dir: PathBuf,
    /// The styles the views draw with.
    pub(crate) palette: Palette,
}

/// The status line's own state.
#[derive(Debug, Default)]
pub struct Status {
    /// A one-off message (cleared by the next key).
    pub(crate) message: Option<String>,
    /// What is still loading in the background, kept until it is done.
    pub(crate) progress: Option<String>,
}

/// What was typed before a key: a prefix waiting for its letter, a count.
#[derive(Debug, Default)]
pub struct Prefix {
    /// A prefix key waiting for its letter (`Mode::Mark` or `Mode::Jump`).
    pub(crate) pending: Option<Mode>,
    /// A count typed before a key (`5j`, `3n`).
    pub(crate) count: Option<usize>,
}

/// The reader's whole state: the corpus and one part per concern. Outside the crate it is
/// read through accessors and changed only by [`App::update`].
#[derive(Debug)]
pub struct App {
    pub(crate) corpus: Corpus,
    pub(crate) settings: Settings,
    pub(crate) view: Viewport,
    pub(crate) nav: Navigator,
    pub(crate) search: Search,
    pub(crate) overlay: Overlay,
    /// How the document picker orders the documents.
    pub(crate) picker_sort: PickerSort,
    /// The figures view: filters, order, cursor.
    pub(crate) figures: FiguresView,
    pub(crate) marks: HashMap<char, Place>,
    pub(crate) keys: Prefix,
    pub(crate) status: Status,
    /// A file the user asked to edit (`E`), for the event loop to open in the editor.
    pub(crate) edit: Option<EditRequest>,
    pub(crate) quit: bool,
    pub(crate) cache: RefCell<LayoutCache>,
    pub(crate) aligned: RefCell<AlignCache>,
    /// Counts every frame shows, made once per corpus.
    pub(crate) counts: RefCell<Counts>,
    /// Documents folded for search, kept between keystrokes.
    pub(crate) folds: SearchFolds,
    /// What the event loop does between inputs: the search under way, layouts, folds.
    pub(crate) work: Work,
}

impl App {
    /// A reader over `corpus` showing the first declared document and its partner.
    pub fn new(corpus: Corpus) -> App {
        let mut app = App {
            nav: Navigator::new(corpus.topics().len()),
            corpus,
            settings: Settings {
                source: None,
                print_dir: PathBuf::from("."),
                palette: Palette::color(),
            },
            view: Viewport::default(),
            search: Search::default(),
            overlay: Overlay::None,
            picker_sort: PickerSort::Corpus,
            figures: FiguresView::default(),
            marks: HashMap::new(),
            keys: Prefix::default(),
            status: Status::default(),
            edit: None,
            quit: false,
            cache: RefCell::new(LayoutCache::default()),
            aligned: RefCell::new(AlignCache::default()),
            counts: RefCell::new(Counts::default()),
            folds: SearchFolds::default(),
            work: Work::default(),
        };
        app.view.panes = app.default_documents().map(|doc| PaneView { doc, top: 0 });
        app
    }

    /// Where the corpus came from (a folder can be edited, and is never printed into).
    pub fn with_source(mut self, source: CorpusSource) -> App {
        self.settings.source = Some(source);
        self
    }

    /// The folder `p` writes printed briefs to.
    pub fn with_print_dir(mut self, dir: PathBuf) -> App {
        self.settings.print_dir = dir;
        self
    }

    /// The styles the views draw with.
    pub fn with_palette(mut self, palette: Palette) -> App {
        self.settings.palette = palette;
        self
    }

    /// The first declared document that has a parallel partner, beside that partner: two
    /// languages side by side is what the reader is for. Without any pair, the first
    /// declared document and the next one.
    fn default_documents(&self) -> ByPane<Option<DocId>> {
        let c = &self.corpus;
        let partners = Partners::new(c);
        if let Some((first, partner)) = partners.first_pair() {
            return ByPane::new(Some(first), Some(partner));
        }
        let first = c
            .briefs()
            .iter()
            .find_map(|b| b.documents.first().copied())
            .or(if c.documents().is_empty() {
                None
            } else {
                Some(DocId::new(0))
            });
        let Some(first) = first else {
            return ByPane::default();
        };
        let second = partners
            .partner(first)
            .or_else(|| {
                c.briefs()
                    .iter()
                    .flat_map(|b| b.documents.iter().copied())
                    .find(|&d| d != first)
            })
            .or_else(|| c.documents().ids().find(|&d| d != first));
        ByPane::new(Some(first), second)
    }
}
