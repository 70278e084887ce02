//! The door: parse the command line, run one command, map its outcome to an exit status
//! (0 success, 1 findings or no match, 2 unusable corpus or arguments). Errors are printed
//! here and nowhere else, cleaned like all output; a closed pipe counts as success.

mod align_cmd;
mod cli;
mod failure;
mod figures_cmd;

use std::fmt::Display;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use briefing::engine::check::{self, Checked};
use briefing::engine::clean::{CleanWriter, Escape, clean, clean_os};
use briefing::engine::output::{atomic, guard};
use briefing::engine::print::{self, PrintError, PrintOptions};
use briefing::engine::search::print::{Colour, Layout, SearchPrinter};
use briefing::engine::search::{Searched, Searcher, search_files};
use briefing::engine::source::{self, Parts};
use briefing::engine::{CorpusSource, load_stored};
use cli::{Cli, ColorArg, Command};
use failure::{Failure, Unusable};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are output too: if it cannot be written, say so.
            let printed = e.print();
            let failed = e.use_stderr() || printed.is_err();
            if let (Err(error), false) = (&printed, e.use_stderr()) {
                report(format!("standard output: {error}"));
            }
            return ExitCode::from(if failed { 2 } else { 0 });
        }
    };
    let source = match (cli.corpus, cli.follow) {
        (None, _) => CorpusSource::BuiltIn,
        (Some(dir), false) => CorpusSource::Dir(dir),
        (Some(dir), true) => CorpusSource::DirFollowingLinks(dir),
    };
    let result = match cli.command {
        None => read(source),
        Some(Command::Check { strict }) => check(&source, strict),
        Some(Command::Print {
            brief,
            topics,
            format,
            width,
            output,
            parallel,
        }) => {
            let options = PrintOptions {
                brief,
                topics,
                width: usize::from(width),
            };
            // `-o -` is standard output, as with most tools.
            let output = output.filter(|o| o.as_os_str() != "-");
            print_brief(&source, format, &options, parallel, output.as_deref())
        }
        Some(Command::Search {
            query,
            vimgrep,
            heading,
            color,
        }) => {
            use std::io::IsTerminal;
            let terminal = io::stdout().is_terminal();
            let layout = if heading || (terminal && !vimgrep) {
                Layout::Heading
            } else {
                Layout::Vimgrep
            };
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let colour = match color {
                ColorArg::Always => Colour::On,
                ColorArg::Auto if terminal && !no_color => Colour::On,
                ColorArg::Auto | ColorArg::Never => Colour::Off,
            };
            search(&source, &query, SearchPrinter::new(layout, colour), layout)
        }
        Some(figures @ Command::Figures { .. }) => figures_cmd::run(&source, figures),
        Some(Command::Align {
            a,
            b,
            format,
            width,
            output,
        }) => align_cmd::run(
            &source,
            (&a, b.as_deref()),
            format,
            width,
            output.as_deref(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Negative) => ExitCode::from(1),
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            report(format!("standard output: {e}"));
            ExitCode::from(2)
        }
        Err(Failure::Unusable(why)) => {
            report(why);
            ExitCode::from(2)
        }
    }
}

/// Writes `message` on standard error after `briefing: `, cleaned: it may quote the corpus.
fn report(message: impl Display) {
    eprintln!("briefing: {}", clean(&message.to_string()));
}

/// Standard output, buffered and cleaned; its errors are `Failure::Output`. When the
/// shell closed it (`briefing check >&-`), the runtime has put /dev/null in its place:
/// that is said rather than printing into nothing.
fn stdout() -> Result<CleanWriter<BufWriter<io::StdoutLock<'static>>>, Failure> {
    if stdout_was_closed() {
        return Err(Failure::Output(io::Error::from_raw_os_error(9)));
    }
    // Searches print megabytes: a larger buffer makes a few hundred writes of them, not
    // thousands.
    Ok(CleanWriter::new(
        BufWriter::with_capacity(64 * 1024, io::stdout().lock()),
        Escape::Visible,
    ))
}

/// Whether standard output is the /dev/null that Rust's runtime opens, read and write,
/// for a descriptor that was closed at start; a redirection to /dev/null opens it for
/// writing only (Linux; elsewhere this says no).
fn stdout_was_closed() -> bool {
    let points_at_null =
        std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    points_at_null
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        })
}

fn finish(out: CleanWriter<impl Write>) -> Result<(), Failure> {
    out.finish().map(drop).map_err(Failure::Output)
}

#[cfg(feature = "reader")]
fn read(source: CorpusSource) -> Result<(), Failure> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(Failure::usage(
            "the reader needs a terminal; in scripts use `briefing check`, `print` or `search` (see --help)",
        ));
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(Failure::usage(
            "the reader needs a terminal that understands escape codes, and TERM is `dumb`; \
             run it in a terminal emulator (TERM=xterm-256color), or use `briefing print` or `search`",
        ));
    }
    // What the first screen needs: a large corpus loads the rest in the background.
    let opening = briefing::engine::opening::load_opening(&source)?;
    briefing::reader::run(opening, source).map_err(|e| Failure::Unusable(Unusable::Terminal(e)))
}

#[cfg(not(feature = "reader"))]
fn read(_source: CorpusSource) -> Result<(), Failure> {
    Err(Failure::usage(
        "this build has no reader; use check, print or search (see --help)",
    ))
}

fn check(source: &CorpusSource, strict: bool) -> Result<(), Failure> {
    let Checked { findings, summary } = check::check(source)?;
    let mut out = stdout()?;
    for finding in &findings {
        writeln!(out, "{finding}").map_err(Failure::Output)?;
    }
    writeln!(out, "{summary}").map_err(Failure::Output)?;
    finish(out)?;
    if summary.fails(strict) {
        Err(Failure::Negative)
    } else {
        Ok(())
    }
}

fn print_brief(
    source: &CorpusSource,
    format: print::Format,
    options: &PrintOptions,
    parallel: bool,
    output: Option<&Path>,
) -> Result<(), Failure> {
    if parallel && format == print::Format::Json {
        return Err(Failure::usage(
            "--parallel adds an annex to text, markdown and html; for JSON use `briefing align ID --format json`",
        ));
    }
    if let Some(reason) = output.and_then(|path| guard::into_corpus(source, path)) {
        return Err(Failure::Unusable(Unusable::IntoCorpus {
            reason,
            command: "print",
            what: " (documents and briefs are only read)",
        }));
    }
    let corpus = load_stored(source)?;
    let errors = corpus.error_count();
    if errors > 0 {
        report(format!(
            "warning: the corpus has {errors} error(s); unplaced quotes are marked. Run `briefing check` for details."
        ));
    }
    match output {
        Some(path) => atomic::write_atomically(path, atomic::Links::Follow, |w| {
            print::annex::print_with(&corpus, format, options, parallel, w)
        })
        .map_err(|e| Failure::of_print_into(clean_os(path.as_os_str()), e)),
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            if stdout_was_closed() {
                return Err(Failure::Output(io::Error::from_raw_os_error(9)));
            }
            print::annex::print_with(&corpus, format, options, parallel, &mut out)
                .and_then(|()| out.flush().map_err(PrintError::Io))
                .map_err(Failure::of_print)
        }
    }
}

fn search(
    source: &CorpusSource,
    query: &str,
    mut printer: SearchPrinter,
    layout: Layout,
) -> Result<(), Failure> {
    let Some(searcher) = Searcher::new(query) else {
        return Err(Failure::usage(
            "empty query: give the words to find, e.g. briefing search 'pham minh chinh'",
        ));
    };
    // Headings name each document by its id, which only the briefs know.
    let mut listing = source::list(
        source,
        if layout == Layout::Heading {
            Parts::All
        } else {
            Parts::Seeds
        },
    )?;
    let ids = briefing::engine::brief::doc_ids::document_ids(std::mem::take(&mut listing.briefs));
    for finding in &listing.findings {
        eprintln!("{finding}");
    }
    let mut out = stdout()?;
    for searched in search_files(listing.seeds, &searcher, &printer, ids) {
        match searched {
            Searched::Printed(printed) => {
                printer
                    .printed(&mut out, printed)
                    .map_err(Failure::Output)?;
            }
            Searched::Unreadable(finding) => eprintln!("{finding}"),
        }
    }
    finish(out)?;
    let found = printer.printed_any();
    if found {
        Ok(())
    } else {
        Err(Failure::Negative)
    }
}
