//! `briefing print`: a brief for paper, a pager or a script. This module chooses what is
//! printed (briefs, topics, which annotation stands under which topic) once for every
//! format; `text`, `markdown`, `html` and `json` only lay it out.
//!
//! An annotation with several topics is printed in full under the first of them that is
//! printed, and named in a "see also" line under the others, so a printout never repeats
//! a figure yet every topic lists what carries it.

pub mod aligned;
pub mod annex;
mod html;
mod json;
mod key_figures;
mod markdown;
mod parts;
mod select;
mod text;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use crate::engine::clean::{CleanWriter, Escape};
use crate::engine::corpus::Corpus;

pub(crate) use key_figures::*;
pub(crate) use parts::*;
pub(crate) use select::*;

/// The output formats of `briefing print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text wrapped to a width, for a printer or a pager.
    Text,
    /// Markdown: headings, lists, block quotes, tables.
    Markdown,
    /// One self-contained HTML page with print CSS.
    Html,
    /// Every brief with resolved quote positions, for scripts.
    Json,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Json];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

impl Format {
    /// How the one cleaner escapes what this format leaves raw, in the format's notation.
    pub(crate) fn escape(self) -> Escape {
        match self {
            Format::Text | Format::Markdown => Escape::Visible,
            Format::Html => Escape::Html,
            Format::Json => Escape::Json,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}`; formats are: text, markdown, html, json")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s) || (s == "md" && *f == Format::Markdown))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// What to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintOptions {
    /// One brief, by id (file stem) or path; `None` prints every brief.
    pub brief: Option<String>,
    /// Only these topics (and the annotations carrying them); empty means all.
    pub topics: Vec<String>,
    /// Line width of the text format, in terminal columns.
    pub width: usize,
}

impl Default for PrintOptions {
    fn default() -> PrintOptions {
        PrintOptions {
            brief: None,
            topics: Vec::new(),
            width: 80,
        }
    }
}

/// Why nothing could be printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("no brief `{id}`; {}", known_list("briefs", known))]
    UnknownBrief { id: String, known: Vec<String> },
    #[error("no topic `{id}`; {}", known_list("topics", known))]
    UnknownTopic { id: String, known: Vec<String> },
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A document's text could not be read again (it changed since the corpus loaded).
    #[error(transparent)]
    Text(#[from] crate::engine::corpus::TextError),
}

fn known_list(what: &str, known: &[String]) -> String {
    if known.is_empty() {
        format!("there are no {what}; add one under briefs/ (see `briefing check`)")
    } else {
        format!("{what} are: {}", known.join(", "))
    }
}

/// Prints the briefs `options` select in `format`.
pub fn print(
    corpus: &Corpus,
    format: Format,
    options: &PrintOptions,
    out: &mut dyn Write,
) -> Result<(), PrintError> {
    let selection = select::select(corpus, options)?;
    // Whatever a format leaves raw (serde_json keeps C1 and BiDi characters) is escaped
    // on the way out, in the format's own notation.
    let mut out = CleanWriter::new(out, format.escape());
    match format {
        Format::Text => text::write(&selection, options.width, &mut out)?,
        Format::Markdown => markdown::write(&selection, &mut out)?,
        Format::Html => html::write(&selection, &mut out)?,
        Format::Json => json::write(&selection, &mut out)?,
    }
    out.finish()?;
    Ok(())
}
