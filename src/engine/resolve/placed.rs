//! Placing one distinct quote in a document's text, with everything its anchor or its
//! finding will need of that text worked out there and then (lines and columns, the
//! nearest text), so that a text can be let go as soon as its quotes are placed.

use std::ops::Range;

use super::shorten;
use crate::engine::anchor::Placement;
use crate::engine::anchor::nearest::nearest;
use crate::engine::corpus::Quote;
use crate::engine::text::Text;

/// What placing one distinct quote found: a function of the document's text and the
/// quote's text, prefix and suffix alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Placed {
    /// One place: its byte range, and the 1-based line and column of its start.
    Unique {
        range: Range<usize>,
        line: usize,
        column: usize,
    },
    /// No place; the nearest text, shortened for the message, and its line.
    NotFound { nearest: Option<(String, usize)> },
    /// Several places: the line and column of each one kept, and how many in all.
    Ambiguous {
        places: Vec<(usize, usize)>,
        total: usize,
    },
    /// The quote has no text.
    Empty,
}

/// What `placement`, of `quote` in `text`, says with the positions in it.
pub(super) fn placed(placement: Placement, text: &Text, quote: &Quote) -> Placed {
    match placement {
        Placement::Unique(range) => {
            let (line, column) = text.line_col(range.start);
            Placed::Unique {
                range,
                line,
                column,
            }
        }
        Placement::NotFound => Placed::NotFound {
            nearest: nearest(text.as_str(), &quote.text).map(|(range, _)| {
                let words = text.as_str().get(range.clone()).unwrap_or("");
                (shorten(words), text.line_col(range.start).0)
            }),
        },
        Placement::Ambiguous(ranges, total) => Placed::Ambiguous {
            places: ranges.iter().map(|r| text.line_col(r.start)).collect(),
            total,
        },
        Placement::Empty => Placed::Empty,
    }
}
