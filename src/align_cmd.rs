//! `briefing align A [B]`: two documents passage by passage, in one of four formats.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use briefing::engine::align::align_documents;
use briefing::engine::print::aligned::{self, AlignedView};
use briefing::engine::{Corpus, CorpusSource, atomic, load};

use crate::Failure;
use crate::cli::FormatArg;

/// Aligns `ids.0` with `ids.1` (or its parallel document) and writes it.
pub fn run(
    source: &CorpusSource,
    ids: (&str, Option<&str>),
    format: FormatArg,
    width: u16,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let corpus = load(source)?;
    let a = find(&corpus, ids.0)?;
    let b = match ids.1 {
        Some(id) => find(&corpus, id)?,
        None => corpus.partner(a).ok_or_else(|| {
            Failure::Unusable(format!(
                "`{}` has no parallel document; name the second one: briefing align {} ID",
                ids.0, ids.0
            ))
        })?,
    };
    let alignment = align_documents(&corpus, a, b);
    let view = AlignedView {
        a: &corpus.documents[a],
        b: &corpus.documents[b],
        alignment: &alignment,
    };
    let write = |out: &mut dyn Write| match format {
        FormatArg::Text => aligned::text(&view, usize::from(width), out),
        FormatArg::Markdown => aligned::markdown(&view, 1, out),
        FormatArg::Html => aligned::html_page(&view, out),
        FormatArg::Json => aligned::json(&view, out),
    };
    match output {
        Some(path) => atomic::write_atomically(path, |w| write(w))
            .map_err(|e| Failure::Unusable(format!("{}: {e}", path.display()))),
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            crate::stdout_result(write(&mut out).and_then(|()| out.flush()))
        }
    }
}

/// The document with this id (or seed file name), or an error listing the ids.
fn find(corpus: &Corpus, id: &str) -> Result<usize, Failure> {
    corpus
        .document_by_id(id)
        .or_else(|| corpus.documents.iter().position(|d| d.file == id))
        .ok_or_else(|| {
            let mut ids: Vec<&str> = corpus.documents.iter().map(|d| d.id()).collect();
            ids.sort_unstable();
            Failure::Unusable(format!(
                "no document `{}`; documents are: {}",
                briefing::engine::load::printable(id),
                ids.join(", ")
            ))
        })
}
