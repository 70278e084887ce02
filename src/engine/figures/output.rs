//! `briefing figures` from options to output: select the rows, sort them, then write the
//! list or the comparison in the format asked for.

use std::io::{self, Write};

use super::{Column, Filter, FilterError, compare, csv, json, markdown, rows, sort, text};
use crate::engine::model::Corpus;

/// The formats of `briefing figures`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Json,
    Markdown,
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
    if options.by_measure {
        let groups = compare::by_measure(&sorted);
        let unmeasured = sorted.iter().filter(|r| r.measure_id().is_none()).count();
        match options.format {
            Format::Text => text::write_comparison(&groups, unmeasured, options.width, out)?,
            Format::Csv => csv::write_comparison(&groups, out)?,
            Format::Json => json::write_comparison(&groups, out)?,
            Format::Markdown => markdown::write_comparison(&groups, unmeasured, out)?,
        }
    } else {
        match options.format {
            Format::Text => text::write_list(&sorted, options.width, out)?,
            Format::Csv => csv::write_list(&sorted, out)?,
            Format::Json => json::write_list(&sorted, out)?,
            Format::Markdown => markdown::write_list(&sorted, out)?,
        }
    }
    Ok(())
}
