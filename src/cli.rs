//! The command line, as clap sees it. Parsing only; `main` runs the commands.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use briefing::engine::figures::Column;
use briefing::engine::figures::output::Format as FiguresFormat;
use briefing::engine::print::Format;

const AFTER_HELP: &str = "\
A corpus is a directory with seeds/ (documents, UTF-8 *.txt) and briefs/ (YAML annotations,
*.yaml). Without --corpus, briefing uses the corpus built into it.

Examples:
  briefing                              read the built-in corpus side by side
  briefing check --strict               validate every brief; warnings fail too
  briefing print --topic fta --width 100
  briefing print --format html -o brief.html
  briefing search 'pham minh chinh'     case- and diacritic-insensitive
  briefing figures --by-measure         each measure's targets and results side by side

Exit status: 0 success; 1 check found errors (or warnings with --strict), or search
found nothing; 2 the corpus or the arguments are unusable.";

/// A terminal reader for source documents and the briefs curated over them.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// The corpus directory (holding seeds/ and briefs/); default: the built-in corpus
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// Follow symbolic links that lead outside the corpus directory (by default they are
    /// skipped, each with a warning)
    #[arg(short = 'L', long, global = true)]
    pub follow: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every brief against its documents; one line per finding, then a summary
    #[command(
        after_help = "Exit status: 0 clean; 1 errors (or warnings with --strict); 2 unusable corpus."
    )]
    Check {
        /// Treat warnings (such as a document no brief covers) as failures
        #[arg(long)]
        strict: bool,
    },
    /// Print a brief: every topic with its figures, themes and original quotes
    Print {
        /// Only this brief (its file name without .yaml); default: every brief
        #[arg(long, value_name = "ID")]
        brief: Option<String>,
        /// Only these topics (repeat the flag for several)
        #[arg(long = "topic", value_name = "ID")]
        topics: Vec<String>,
        /// Output format
        #[arg(long, value_parser = choice::<Format>(), default_value = "text")]
        format: Format,
        /// Line width for the text format, in terminal columns
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
        /// Write to FILE (atomically; never into the corpus's seeds/ or briefs/) instead of
        /// standard output; `-` is standard output
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Add the aligned text of each parallel pair of documents as an annex (text,
        /// markdown, html)
        #[arg(long)]
        parallel: bool,
    },
    /// List the key figures: one row per figure, or each measure compared (--by-measure)
    #[command(after_help = FIGURES_HELP)]
    Figures {
        /// Only figures carrying this topic (repeat the flag for several)
        #[arg(long = "topic", value_name = "ID")]
        topics: Vec<String>,
        /// Only figures of this kind
        #[arg(long, value_name = "K", value_parser = clap::builder::PossibleValuesParser::new(briefing::engine::brief::FIGURE_KINDS))]
        kind: Option<String>,
        /// Only figures quoted in this document
        #[arg(long, value_name = "ID")]
        doc: Option<String>,
        /// Only figures quoted in a document of this language (e.g. vi)
        #[arg(long, value_name = "TAG")]
        lang: Option<String>,
        /// Sort by this column (blank cells last; ties keep the briefs' order)
        #[arg(long, value_parser = choice::<Column>(), value_name = "COLUMN", default_value = "brief")]
        sort: Column,
        /// Sort in descending order
        #[arg(long)]
        reverse: bool,
        /// Output format
        #[arg(long, value_parser = choice::<FiguresFormat>(), default_value = "text")]
        format: FiguresFormat,
        /// Table width for the text format, in terminal columns
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
        /// Compare the figures of each measure: targets, forecasts and results by period
        #[arg(long)]
        by_measure: bool,
    },
    /// Align two documents passage by passage: each sentence beside its counterpart
    #[command(
        after_help = "B defaults to A's `parallel:` document. Pairs come from pins, shared annotations, \
shared numbers, codes and names, and sentence lengths.\nExit status: 0 aligned; 2 unknown document or unusable corpus."
    )]
    Align {
        /// The first document's id (its passages are in order)
        a: String,
        /// The second document's id; default: A's parallel document
        b: Option<String>,
        /// Output format
        #[arg(long, value_parser = choice::<Format>(), default_value = "text")]
        format: Format,
        /// Line width for the text format, in terminal columns
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
        /// Write to FILE (atomically) instead of standard output
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Find QUERY in every document, ignoring case and diacritics; FILE:LINE:COLUMN: text
    #[command(
        after_help = "A query letter that carries a diacritic matches only that diacritic: \
'dong' finds đồng and đóng, 'đồng' finds only đồng.\nExit status: 0 matches found; 1 none; 2 unusable corpus or empty query."
    )]
    Search {
        /// The words to find
        query: String,
        /// One line per match, FILE:LINE:COLUMN: text (what is printed when standard
        /// output is not a terminal)
        #[arg(long, conflicts_with = "heading")]
        vimgrep: bool,
        /// A heading per document (its id and file), then each matching line once with
        /// its number (what is printed on a terminal)
        #[arg(long)]
        heading: bool,
        /// Colour the matches: auto (on a terminal, unless NO_COLOR is set), always, never
        #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
        color: ColorArg,
    },
}

const FIGURES_HELP: &str = "\
Examples:
  briefing figures --topic growth --sort period
  briefing figures --by-measure
  briefing figures --format csv > figures.csv";

/// An engine's choice the command line offers: its values by name, each with its help.
/// The values are the engine's own (no mirror enum to keep in step).
pub trait Choice: Copy + Send + Sync + 'static {
    /// Every value, in the order `--help` lists them.
    fn all() -> &'static [Self];
    fn name(self) -> &'static str;
    fn help(self) -> Option<&'static str>;
}

/// A clap value parser over a [`Choice`]: `--help` lists each value with its help, and a
/// wrong value is refused with the list.
pub fn choice<T: Choice>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::all().iter().map(|&v| {
        let value = PossibleValue::new(v.name());
        match v.help() {
            Some(help) => value.help(help),
            None => value,
        }
    }))
    .map(|name: String| {
        T::all()
            .iter()
            .copied()
            .find(|v| v.name() == name)
            .expect("clap accepts only the names listed")
    })
}

impl Choice for Column {
    fn all() -> &'static [Column] {
        &Column::ALL
    }

    fn name(self) -> &'static str {
        Column::name(self)
    }

    fn help(self) -> Option<&'static str> {
        match self {
            Column::Brief => Some("The briefs' own order"),
            Column::Kind => Some("target, forecast, result, count, reference"),
            Column::Period => Some("In time: the first year named, then half, quarter or month"),
            Column::Topic => Some("The first topic"),
            Column::Document => Some("The first document quoted"),
            Column::Label | Column::Value | Column::Measure | Column::Amount | Column::Unit => None,
        }
    }
}

impl Choice for FiguresFormat {
    fn all() -> &'static [FiguresFormat] {
        &FiguresFormat::ALL
    }

    fn name(self) -> &'static str {
        FiguresFormat::name(self)
    }

    fn help(self) -> Option<&'static str> {
        Some(match self {
            FiguresFormat::Text => "A table aligned by display width, fitting --width",
            FiguresFormat::Csv => "RFC 4180, with a header row",
            FiguresFormat::Json => {
                "{\"figures\": [...]} or, with --by-measure, {\"measures\": [...]}"
            }
            FiguresFormat::Markdown => "GitHub-style tables",
        })
    }
}

impl Choice for Format {
    fn all() -> &'static [Format] {
        &Format::ALL
    }

    fn name(self) -> &'static str {
        Format::name(self)
    }

    fn help(self) -> Option<&'static str> {
        Some(match self {
            Format::Text => "Plain text wrapped to --width, for a printer or a pager",
            Format::Markdown => "Markdown",
            Format::Html => "One self-contained HTML page with print CSS",
            Format::Json => "Every brief with resolved quote positions, for scripts",
        })
    }
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}
