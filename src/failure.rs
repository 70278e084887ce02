//! How a command ends short of success, typed to the end: main turns a [`Failure`] into
//! an exit status and one message, and a broken pipe is told by its error kind.

use std::io;

use briefing::engine::figures::FilterError;
use briefing::engine::print::PrintError;
use briefing::engine::{CorpusError, TextError};

/// How a command ended, short of success.
#[derive(Debug)]
pub enum Failure {
    /// Findings or no match: exit 1, the output already said why.
    Negative,
    /// Unusable corpus or arguments: exit 2 with its message.
    Unusable(Unusable),
    /// Standard output could not be written: exit 2, unless the reader of a pipe has
    /// gone (`briefing search x | head`), which is the end of the output, not a failure.
    Output(io::Error),
}

/// Why the corpus, the arguments or an output file cannot be used (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum Unusable {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// A brief or topic that is not there (never an I/O error: those are `Output` or
    /// `Write`).
    #[error(transparent)]
    Print(PrintError),
    #[error(transparent)]
    Filter(#[from] FilterError),
    /// A document's text could not be read again (it changed since the corpus loaded).
    #[error(transparent)]
    Text(#[from] TextError),
    /// The file given to `-o` could not be written; `path` is shown escaped.
    #[error("{path}: {source}")]
    Write {
        path: String,
        #[source]
        source: io::Error,
    },
    /// The terminal could not be set up or read.
    #[error("the terminal: {0}")]
    Terminal(#[source] io::Error),
    /// `-o` names a file of the corpus; `reason` says which.
    #[error(
        "{reason}: {command} never writes into its corpus{what}; give -o a path outside seeds/ and briefs/"
    )]
    IntoCorpus {
        reason: String,
        command: &'static str,
        what: &'static str,
    },
    /// Arguments that cannot be used together or at all, with what to do instead.
    #[error("{0}")]
    Usage(String),
}

impl From<CorpusError> for Failure {
    fn from(e: CorpusError) -> Failure {
        Failure::Unusable(Unusable::Corpus(e))
    }
}

impl Failure {
    /// Arguments that cannot be used: `message` says what to do instead.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Unusable(Unusable::Usage(message.into()))
    }

    /// A print error written to standard output: its I/O errors are the output's.
    pub fn of_print(e: PrintError) -> Failure {
        match e {
            PrintError::Io(io) => Failure::Output(io),
            other => Failure::Unusable(Unusable::Print(other)),
        }
    }

    /// A print error written to the file shown as `path`.
    pub fn of_print_into(path: String, e: PrintError) -> Failure {
        match e {
            PrintError::Io(source) => Failure::Unusable(Unusable::Write { path, source }),
            other => Failure::Unusable(Unusable::Print(other)),
        }
    }
}
