//! Loading for the findings alone (`check`): every brief parsed, then every document
//! read, decoded, its quotes placed and its text let go, on every core, so that no more
//! than a few documents are held at once however large the corpus.

use std::sync::Arc;

use super::{Gathered, Stats, Task, load_listing, run};
use crate::engine::corpus::{CorpusParts, Document};
use crate::engine::error::CorpusError;
use crate::engine::resolve::{Loaded, Texts, Unread, resolve, resolve_parts};
use crate::engine::source::{CorpusSource, Listing, Parts, list};
use crate::engine::text::Text;

/// Loads a corpus for its findings alone. The parts given back are those of
/// [`load`](super::load) but for the documents' texts, which are empty. Where that cannot
/// be (a brief pins passages, which needs the texts of both sides; a document cannot be
/// read or decoded, reported as a whole load reports it), the corpus is loaded whole, so
/// that the findings are always exactly those of a whole load.
pub fn load_findings(source: &CorpusSource) -> Result<CorpusParts, CorpusError> {
    Ok(load_findings_of(list(source, Parts::All)?).0)
}

/// How [`load_findings`] went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Streamed {
    /// Every text was let go once its quotes were placed.
    Yes,
    /// A brief pins passages: the texts were held.
    NotWithPins,
    /// A document could not be read or decoded: the corpus was loaded whole again.
    NotUnreadable,
}

/// [`load_findings`] of a listing, saying whether the texts could be let go.
pub(crate) fn load_findings_of(listing: Listing) -> (CorpusParts, Streamed) {
    let again = listing.clone();
    let Listing {
        root,
        seeds,
        briefs,
        findings: mut listed,
    } = listing;
    let mut stats = Stats::default();
    let tasks = briefs.into_iter().map(Task::Brief).collect();
    let Gathered { parsed, failed, .. } = run(tasks, None, &mut stats, &mut listed);
    if parsed.iter().any(|p| !p.brief.pins.is_empty()) {
        let tasks = seeds.into_iter().map(Task::Seed).collect();
        let documents = run(tasks, None, &mut stats, &mut listed).documents;
        let loaded = Loaded {
            root,
            documents,
            parsed,
            failed,
            findings: listed,
        };
        return (resolve(loaded, None).into_parts(), Streamed::NotWithPins);
    }
    let empty = Arc::new(Text::default());
    let documents = seeds
        .iter()
        .map(|file| Document {
            file: file.name.clone(),
            text: Arc::clone(&empty),
            meta: None,
        })
        .collect();
    let loaded = Loaded {
        root,
        documents,
        parsed,
        failed,
        findings: listed,
    };
    match resolve_parts(loaded, None, Texts::Streamed(&seeds)) {
        Ok(parts) => (parts, Streamed::Yes),
        Err(Unread) => (
            load_listing(again, None).into_parts(),
            Streamed::NotUnreadable,
        ),
    }
}

#[cfg(test)]
mod tests;
