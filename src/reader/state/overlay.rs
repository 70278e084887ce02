//! What is drawn over the panes: help, the picker, problems, figures, results, a card.

use crate::engine::Document;
use crate::engine::corpus::{AnnotationId, DocId, IdVec};
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
        cursor: DocId,
    },
    /// Findings and orphans, scrolled by `scroll` lines, the cursor on the problem that
    /// starts at line `cursor`.
    Problems {
        scroll: usize,
        cursor: usize,
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
    /// An annotation.
    Annotation(AnnotationId),
    /// A document.
    Document(DocId),
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
    pub fn order(self, docs: &IdVec<DocId, Document>) -> Vec<DocId> {
        let mut order: Vec<DocId> = docs.ids().collect();
        let date = |d: DocId| docs[d].meta.as_ref().and_then(|m| m.date.clone());
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
