//! Work the event loop does between inputs, a slice at a time: the search under way,
//! layouts made exact, documents folded ahead of a search. Without the event loop (tests,
//! benches) each search runs whole at once, as before.

use std::time::{Duration, Instant};

use crate::engine::corpus::{AnnotationId, DocId};
use crate::reader::search_folds::Scan;

/// The longest stretch of work between two looks at the input.
pub const SLICE: Duration = Duration::from_millis(15);

/// What is left to do in the background.
#[derive(Debug, Default)]
pub struct Work {
    /// The time the event loop gives each slice (`Msg::Work`); without it, work runs
    /// whole at once.
    pub(crate) slice: Option<Duration>,
    /// The search under way, if one is.
    pub(crate) search: Option<Running>,
    /// Fold ahead of the next search the pieces that are kept folded (the prompt has been
    /// opened).
    pub(crate) fold: bool,
    /// The query whose matches, all found, the search shows (so Enter on the query
    /// just typed does not search it again).
    pub(crate) found: Option<String>,
}

/// A search under way and what to do once it is done.
#[derive(Debug)]
pub struct Running {
    pub(crate) query: String,
    pub(crate) scan: Scan,
    /// The annotations whose words match, found once the documents are searched.
    pub(crate) notes: Vec<AnnotationId>,
    /// Annotations before this index are looked at.
    pub(crate) notes_from: usize,
    pub(crate) then: Then,
}

/// Annotations whose words a slice looks at between two looks at the clock.
pub const NOTES_CHUNK: usize = 4096;

/// What a search does once it is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// Shows its matches, nothing more.
    Show,
    /// Typed in the prompt: the panes go to the first match from where the search began.
    AsTyped,
    /// Submitted with Enter: it becomes the active search and goes to its first match.
    Submit,
    /// Submitted, and at its first match already (found before the search was done):
    /// where `n`/`N` stand then stays.
    Stepped,
    /// Searched again in a reloaded corpus: the current match is the first at or after
    /// this place.
    Renewed(Option<(DocId, usize)>),
}

impl Work {
    /// A deadline-keeper for one slice: true while there is time left (always, unsliced).
    pub fn budget(&self) -> impl FnMut() -> bool + use<> {
        let end = self.slice.map(|slice| Instant::now() + slice);
        move || end.is_none_or(|end| Instant::now() < end)
    }
}
