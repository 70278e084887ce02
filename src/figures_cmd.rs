//! `briefing figures`: the command line's options turned into the engine's, the figures
//! written to standard output.

use std::io::{self, BufWriter, Write};

use briefing::engine::figures::Filter;
use briefing::engine::figures::output::{self, FiguresError, Options};
use briefing::engine::{CorpusSource, load_stored};

use crate::cli::Command;
use crate::failure::{Failure, Unusable};
use crate::{report, stdout_was_closed};

pub fn run(source: &CorpusSource, command: Command) -> Result<(), Failure> {
    let Command::Figures {
        topics,
        kind,
        doc,
        lang,
        sort,
        reverse,
        format,
        width,
        by_measure,
    } = command
    else {
        return Ok(());
    };
    let options = Options {
        filter: Filter {
            topics,
            kind,
            doc,
            lang,
        },
        sort,
        descending: reverse,
        format,
        width: usize::from(width),
        by_measure,
    };
    let corpus = load_stored(source)?;
    let errors = corpus.error_count();
    if errors > 0 {
        report(format!(
            "warning: the corpus has {errors} error(s); blank or unplaced cells may follow. Run `briefing check` for details."
        ));
    }
    if stdout_was_closed() {
        return Err(Failure::Output(io::Error::from_raw_os_error(9)));
    }
    // Not the cleaning writer of the other commands: CSV lines end in CRLF. The engine
    // cleans every cell, and JSON on its way out.
    let mut out = BufWriter::new(io::stdout().lock());
    match output::write(&corpus, &options, &mut out) {
        Ok(()) => out.flush().map_err(Failure::Output),
        Err(FiguresError::Io(e)) => Err(Failure::Output(e)),
        Err(FiguresError::Filter(e)) => Err(Failure::Unusable(Unusable::Filter(e))),
    }
}
