//! `briefing figures` from options to output: select the rows, sort them, then write the
//! list or the comparison in the format asked for.

use std::io::{self, Write};

use super::{Column, Filter, FilterError, compare, csv, json, markdown, rows, sort, text};
use crate::engine::clean::{CleanWriter, Escape};
use crate::engine::corpus::Corpus;

/// The formats of `briefing figures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Json,
    Markdown,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 4] = [Format::Text, Format::Csv, Format::Json, Format::Markdown];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "markdown",
        }
    }
}

/// What to list and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub filter: Filter,
    pub sort: Column,
    pub descending: bool,
    pub format: Format,
    /// Table width of the text format, in terminal columns.
    pub width: usize,
    /// Compare each measure's figures instead of listing them.
    pub by_measure: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            filter: Filter::default(),
            sort: Column::Brief,
            descending: false,
            format: Format::Text,
            width: 80,
            by_measure: false,
        }
    }
}

/// Why the figures could not be written.
#[derive(Debug, thiserror::Error)]
pub enum FiguresError {
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Writes the figures `options` select.
pub fn write(corpus: &Corpus, options: &Options, out: &mut dyn Write) -> Result<(), FiguresError> {
    if let Some(e) = options.filter.unknown(corpus) {
        return Err(e.into());
    }
    let mut sorted = rows(corpus);
    sorted.retain(|r| options.filter.accepts(r));
    sort(&mut sorted, options.sort, options.descending);
    let groups = options.by_measure.then(|| compare::by_measure(&sorted));
    let unmeasured = sorted.iter().filter(|r| r.measure_id().is_none()).count();
    // Cells are cleaned as they are made (their widths count what is shown); JSON strings
    // are escaped on the way out, where serde_json leaves C1 and BiDi characters raw.
    match (options.format, &groups) {
        (Format::Json, groups) => {
            let mut out = CleanWriter::new(out, Escape::Json);
            match groups {
                Some(groups) => json::write_comparison(groups, &mut out)?,
                None => json::write_list(&sorted, &mut out)?,
            }
            out.finish()?;
        }
        (Format::Text, Some(g)) => text::write_comparison(g, unmeasured, options.width, out)?,
        (Format::Csv, Some(g)) => csv::write_comparison(g, out)?,
        (Format::Markdown, Some(g)) => markdown::write_comparison(g, unmeasured, out)?,
        (Format::Text, None) => text::write_list(&sorted, options.width, out)?,
        (Format::Csv, None) => csv::write_list(&sorted, out)?,
        (Format::Markdown, None) => markdown::write_list(&sorted, out)?,
    }
    Ok(())
}
