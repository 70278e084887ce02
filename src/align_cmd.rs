//! `briefing align A [B]`: two documents passage by passage, in one of four formats.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use briefing::engine::align::align_documents;
use briefing::engine::clean::{Line, clean_os};
use briefing::engine::output::{atomic, guard};
use briefing::engine::print::Format;
use briefing::engine::print::aligned::{self, AlignedView};
use briefing::engine::text::Text;
use briefing::engine::{Corpus, CorpusSource, DocId, load_stored};

use crate::failure::{Failure, Unusable};
use crate::stdout_was_closed;

/// Aligns `ids.0` with `ids.1` (or its parallel document) and writes it.
pub fn run(
    source: &CorpusSource,
    ids: (&str, Option<&str>),
    format: Format,
    width: u16,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let output = output.filter(|o| o.as_os_str() != "-");
    if let Some(reason) = output.and_then(|path| guard::into_corpus(source, path)) {
        return Err(Failure::Unusable(Unusable::IntoCorpus {
            reason,
            command: "align",
            what: "",
        }));
    }
    let corpus = load_stored(source)?;
    let a = find(&corpus, ids.0)?;
    let b = match ids.1 {
        Some(id) => find(&corpus, id)?,
        None => corpus.partner(a).ok_or_else(|| {
            Failure::usage(format!(
                "`{0}` has no parallel document; name the second one: briefing align {0} ID",
                Line(ids.0)
            ))
        })?,
    };
    let alignment = align_documents(&corpus, a, b);
    let texts = [text(&corpus, a)?, text(&corpus, b)?];
    let view = AlignedView {
        a: &corpus.documents()[a],
        b: &corpus.documents()[b],
        texts: [&texts[0], &texts[1]],
        alignment: &alignment,
    };
    let width = usize::from(width);
    match output {
        Some(path) => atomic::write_atomically(path, atomic::Links::Follow, |w| {
            aligned::write(&view, format, width, w)
        })
        .map_err(|source| {
            Failure::Unusable(Unusable::Write {
                path: clean_os(path.as_os_str()),
                source,
            })
        }),
        None => {
            if stdout_was_closed() {
                return Err(Failure::Output(io::Error::from_raw_os_error(9)));
            }
            let mut out = BufWriter::new(io::stdout().lock());
            aligned::write(&view, format, width, &mut out)
                .and_then(|()| out.flush())
                .map_err(Failure::Output)
        }
    }
}

/// The document with this id (or seed file name), or an error listing the ids.
/// The text of `doc`, or why it cannot be read (changed on disk since the load).
fn text(corpus: &Corpus, doc: DocId) -> Result<std::sync::Arc<Text>, Failure> {
    corpus
        .text(doc)
        .map_err(|e| Failure::Unusable(Unusable::Text(e)))
}

fn find(corpus: &Corpus, id: &str) -> Result<DocId, Failure> {
    corpus
        .document_by_id(id)
        .or_else(|| corpus.documents().position(|d| d.file == id))
        .ok_or_else(|| {
            let mut ids: Vec<&str> = corpus.documents().iter().map(|d| d.id()).collect();
            ids.sort_unstable();
            Failure::usage(format!(
                "no document `{}`; documents are: {}",
                Line(id),
                Line(&ids.join(", "))
            ))
        })
}
