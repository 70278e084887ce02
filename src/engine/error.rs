//! Errors that make a corpus unusable as a whole (exit status 2). Problems inside a usable
//! corpus are findings instead, so the reader can still open with what loaded.

use std::io;

/// Why a corpus cannot be opened at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{path}: no such directory; --corpus takes a directory holding seeds/ and briefs/")]
    NotFound { path: String },
    #[error("{path}: not a directory; --corpus takes a directory holding seeds/ and briefs/")]
    NotADirectory { path: String },
    #[error(
        "{path}: no seeds/ folder; a corpus holds seeds/ (documents, *.txt) and briefs/ (*.yaml)"
    )]
    NoSeeds { path: String },
    #[error(
        "{path}: seeds/ is not a directory; put the documents (*.txt) in a folder named seeds/"
    )]
    SeedsNotADirectory { path: String },
    #[error("{path}: a symbolic link to `{target}`, outside the corpus; pass --follow to read it")]
    SeedsOutside { path: String, target: String },
    #[error("{path}: no documents; put UTF-8 text files (*.txt) in it")]
    Empty { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
}
