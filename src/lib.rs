//! `briefing`: a terminal reader for source documents and the curated briefs over them.
//!
//! The [`engine`] loads a corpus, anchors every quote, checks, searches and prints; it
//! knows no terminal. The [`reader`] is the interactive program on top of it.

pub mod engine;
#[cfg(feature = "reader")]
pub mod reader;
