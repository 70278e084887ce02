//! What is drawn over the panes: help, the picker, problems, figures, results, a card.

use crate::reader::state::Pane;

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
        pane: Pane,
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
