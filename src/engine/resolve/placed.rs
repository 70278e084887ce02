//! Placing one distinct quote in a document's text, with everything its anchor or its
//! finding will need of that text worked out there and then (lines and columns, the
//! nearest text), so that a text can be let go as soon as its quotes are placed.

use std::ops::Range;

use super::shorten;
use crate::engine::anchor::Placement;
use crate::engine::anchor::nearest::nearest;
use crate::engine::corpus::{Anchor, DocId, Quote};
use crate::engine::text::Text;

/// What placing one distinct quote found: a function of the document's text and the
/// quote's text, prefix and suffix alone. (24 bytes: a document may have a million, all
/// held between the pass over its text and their anchors; all but one place boxed.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Placed {
    /// One place: the anchor it makes in any document of this text.
    Unique(Unique),
    /// No place; the nearest text, shortened for the message, and its line.
    NotFound {
        nearest: Option<Box<(String, usize)>>,
    },
    /// Several places.
    Ambiguous(Box<Several>),
    /// The quote has no text.
    Empty,
}

/// One place: an [`Anchor`] but for its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unique(Anchor);

impl Unique {
    /// Byte `range`, whose start is at 1-based `line` and `column` (in characters).
    pub fn new(range: Range<usize>, line: usize, column: usize) -> Unique {
        Unique(Anchor::new(DocId::default(), range, line, column))
    }

    /// The anchor it makes in `doc`.
    pub fn anchor(&self, doc: DocId) -> Anchor {
        let mut anchor = self.0.clone();
        anchor.doc = doc;
        anchor
    }
}

/// The places of an ambiguous quote: the line and column of each one kept, and how many
/// in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Several {
    pub places: Vec<(usize, usize)>,
    pub total: usize,
}

/// What `placement`, of `quote` in `text`, says with the positions in it.
pub(super) fn placed(placement: Placement, text: &Text, quote: &Quote) -> Placed {
    match placement {
        Placement::Unique(range) => {
            let (line, column) = text.line_col(range.start);
            Placed::Unique(Unique::new(range, line, column))
        }
        Placement::NotFound => Placed::NotFound {
            nearest: nearest(text.as_str(), &quote.text).map(|(range, _)| {
                let words = text.as_str().get(range.clone()).unwrap_or("");
                Box::new((shorten(words), text.line_col(range.start).0))
            }),
        },
        Placement::Ambiguous(ranges, total) => Placed::Ambiguous(Box::new(Several {
            places: ranges.iter().map(|r| text.line_col(r.start)).collect(),
            total,
        })),
        Placement::Empty => Placed::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every distinct quote of a document has one between the pass and its anchor.
    #[test]
    fn a_placing_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Option<Placed>>(), 24);
    }

    #[test]
    fn a_unique_place_anchors_in_the_document_given() {
        let place = Unique::new(4..9, 2, 3);
        let anchor = place.anchor(DocId::new(5));
        assert_eq!(anchor, Anchor::new(DocId::new(5), 4..9, 2, 3));
    }
}
