//! The engine: corpus loading, the brief model, anchoring, folding, search, check and the
//! printers. Pure data in, data out: no terminal, nothing printed to stdout.
//!
//! Layers, each importing only those before it:
//! `clean`, `finding`, `error` (shared by all) → `source` (where files come from) →
//! `text` (decode, NFC, lines, wrap, fold) → `brief` (schema, parse, positions) →
//! `anchor` (placing a quote in a text) → `corpus` (the resolved model) → `resolve`
//! (bind, annotate, anchor every quote) → `load` (the one way in) → `search`, `print`,
//! `figures`, `align`, `check`, `opening`, `output` (what is made of a corpus).

pub mod align;
pub mod anchor;
pub mod brief;
pub mod check;
pub mod clean;
pub mod corpus;
pub mod error;
pub mod figures;
pub mod finding;
pub mod load;
pub mod opening;
pub mod output;
pub mod print;
mod resolve;
pub mod search;
pub mod source;
pub mod text;

pub use corpus::*;
pub use error::CorpusError;
pub use finding::{Finding, Severity};
pub use load::{LastGood, load, load_keeping, load_listing, load_stored};
pub use source::CorpusSource;
