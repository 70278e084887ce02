//! The engine: corpus loading, the brief model, anchoring, folding, search, check and the
//! printers. Pure data in, data out: no terminal, nothing printed to stdout.

pub mod align;
pub mod anchor;
pub mod atomic;
pub mod brief;
pub mod check;
pub mod clean;
pub mod decode;
pub mod doc_ids;
pub mod embedded;
pub mod error;
pub mod figures;
pub mod finding;
pub mod fold;
pub mod guard;
pub mod index;
pub mod load;
pub mod model;
pub mod nearest;
mod occurrences;
pub mod opening;
pub mod par;
pub mod print;
pub mod resolve;
pub mod search;
pub mod search_print;
mod squeeze;
mod suffix;
pub mod text;
mod walk;
pub mod wrap;
mod yaml_pos;

pub use error::CorpusError;
pub use finding::{Finding, Severity};
pub use load::{CorpusSource, load, load_keeping, load_seeds};
pub use model::*;
pub use resolve::LastGood;
