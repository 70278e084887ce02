//! Search across documents, ignoring case and diacritics, with smart diacritics: a query
//! character that carries a mark itself ("đồng") matches only that mark ("đóng" is not
//! found), an unmarked one matches any ("dong" finds both). Matches never cross a line.
//!
//! `query.rs` compiles the query and finds it in a text (`anchored.rs` without folding
//! all of it, where it can); `documents.rs` searches loaded
//! documents (the reader); `files.rs` searches files in one pass (`briefing search`),
//! keeping what `matches.rs` holds of each, and `print.rs` shows its matches.

mod anchored;
mod documents;
mod files;
mod matches;
pub mod print;
mod query;

pub use documents::{Match, search_documents};
pub use files::{Searched, search_files};
pub use matches::FileMatches;
pub use query::Searcher;
