//! The door: parse the command line, run one command, map its outcome to an exit status
//! (0 success, 1 findings or no match, 2 unusable corpus or arguments). Errors are printed
//! here and nowhere else; a closed pipe counts as success.

mod cli;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use briefing::engine::check::Summary;
use briefing::engine::print::{self, Format, PrintOptions};
use briefing::engine::search::{Searcher, search_files};
use briefing::engine::{CorpusSource, atomic, load};
use cli::{Cli, Command, FormatArg};

/// How a command ended, short of success.
enum Failure {
    /// Findings or no match: exit 1, the output already said why.
    Negative,
    /// Unusable corpus or arguments: exit 2 with this message.
    Unusable(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Unusable(e.to_string())
    }
}

impl From<briefing::engine::CorpusError> for Failure {
    fn from(e: briefing::engine::CorpusError) -> Failure {
        Failure::Unusable(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are output too: if it cannot be written, say so.
            let printed = e.print();
            let failed = e.use_stderr() || printed.is_err();
            if let (Err(error), false) = (&printed, e.use_stderr()) {
                eprintln!("briefing: standard output: {error}");
            }
            return ExitCode::from(if failed { 2 } else { 0 });
        }
    };
    let source = cli.corpus.map_or(CorpusSource::BuiltIn, CorpusSource::Dir);
    let result = match cli.command {
        None => read(source),
        Some(Command::Check { strict }) => check(&source, strict),
        Some(Command::Print {
            brief,
            topics,
            format,
            width,
            output,
        }) => {
            let options = PrintOptions {
                brief,
                topics,
                width: usize::from(width),
            };
            print_brief(&source, format, &options, output.as_deref())
        }
        Some(Command::Search { query }) => search(&source, &query),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Negative) => ExitCode::from(1),
        Err(Failure::Unusable(message)) if is_broken_pipe(&message) => ExitCode::SUCCESS,
        Err(Failure::Unusable(message)) => {
            eprintln!("briefing: {message}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(message: &str) -> bool {
    message == io::Error::from(io::ErrorKind::BrokenPipe).to_string()
        || message.contains("Broken pipe")
}

/// A stdout write that treats a closed pipe as the end of the output.
fn stdout_result(r: io::Result<()>) -> Result<(), Failure> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Unusable(format!("standard output: {e}"))),
        Ok(()) => Ok(()),
    }
}

#[cfg(feature = "reader")]
fn read(source: CorpusSource) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Failure::Unusable(
            "the reader needs a terminal; in scripts use `briefing check`, `print` or `search` (see --help)".into(),
        ));
    }
    // Loaded keeping each brief's text, so live reload can fall back on it without
    // reading the briefs a second time before the first frame.
    let mut last_good = briefing::engine::LastGood::default();
    let corpus = briefing::engine::load_keeping(&source, &mut last_good)?;
    briefing::reader::run(corpus, source, last_good).map_err(Failure::from)
}

#[cfg(not(feature = "reader"))]
fn read(_source: CorpusSource) -> Result<(), Failure> {
    Err(Failure::Unusable(
        "this build has no reader; use check, print or search (see --help)".into(),
    ))
}

fn check(source: &CorpusSource, strict: bool) -> Result<(), Failure> {
    let corpus = load(source)?;
    let summary = Summary::of(&corpus);
    let mut out = BufWriter::new(io::stdout().lock());
    let written = (|| {
        for finding in &corpus.findings {
            writeln!(out, "{finding}")?;
        }
        writeln!(out, "{summary}")?;
        out.flush()
    })();
    stdout_result(written)?;
    if summary.fails(strict) {
        Err(Failure::Negative)
    } else {
        Ok(())
    }
}

fn print_brief(
    source: &CorpusSource,
    format: FormatArg,
    options: &PrintOptions,
    output: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let corpus = load(source)?;
    let format = match format {
        FormatArg::Text => Format::Text,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
        FormatArg::Json => Format::Json,
    };
    let errors = corpus.error_count();
    if errors > 0 {
        eprintln!(
            "briefing: warning: the corpus has {errors} error(s); unplaced quotes are marked. Run `briefing check` for details."
        );
    }
    let to_failure = |e: print::PrintError| match e {
        print::PrintError::Io(io) if io.kind() == io::ErrorKind::BrokenPipe => None,
        other => Some(Failure::Unusable(other.to_string())),
    };
    let result = match output {
        Some(path) => atomic::write_atomically(path, |w| print::print(&corpus, format, options, w))
            .map_err(|e| match e {
                print::PrintError::Io(io) => print::PrintError::Io(io::Error::new(
                    io.kind(),
                    format!("{}: {io}", path.display()),
                )),
                other => other,
            }),
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            print::print(&corpus, format, options, &mut out)
                .and_then(|()| out.flush().map_err(print::PrintError::Io))
        }
    };
    match result.map_err(to_failure) {
        Ok(()) | Err(None) => Ok(()),
        Err(Some(failure)) => Err(failure),
    }
}

fn search(source: &CorpusSource, query: &str) -> Result<(), Failure> {
    let Some(searcher) = Searcher::new(query) else {
        return Err(Failure::Unusable(
            "empty query: give the words to find, e.g. briefing search 'pham minh chinh'".into(),
        ));
    };
    let listing = briefing::engine::load::list(source, false)?;
    for finding in &listing.findings {
        eprintln!("{finding}");
    }
    let mut found = false;
    let mut out = BufWriter::new(io::stdout().lock());
    for result in search_files(listing.seeds, &searcher) {
        match result {
            Ok(file) => {
                for (line, column, text) in file.iter() {
                    found = true;
                    stdout_result(writeln!(out, "{}:{line}:{column}: {text}", file.file))?;
                }
            }
            Err(finding) => eprintln!("{finding}"),
        }
    }
    stdout_result(out.flush())?;
    if found {
        Ok(())
    } else {
        Err(Failure::Negative)
    }
}
