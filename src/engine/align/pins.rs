//! Pins: two passages a curator pairs by hand where the aligner goes wrong (`pins:` in a
//! brief, resolved and checked in `resolve`). A pin always holds: its passages are the
//! sentences its two quotes touch, paired whatever the text suggests.

use crate::engine::corpus::Anchor;

/// A pin whose two quotes were placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// Index into `Corpus::briefs`.
    pub brief: usize,
    /// The curator's reason, if given.
    pub note: Option<String>,
    /// The first quote's place and the second's (in another document).
    pub a: Anchor,
    pub b: Anchor,
}
