//! The order a load reads a corpus in: every brief parsed first, then every document
//! read and decoded on every core while its quotes are placed. The parsed briefs are
//! resolved into the corpus, and let go, before the documents arrive, so a load never
//! holds both; `check` lets each document's text go as well. Where that order cannot be
//! kept, the documents are read first, as a whole: when a brief pins passages (resolving
//! a pin needs the texts of both sides), and when a document cannot be read or decoded
//! (which changes which ids bind: the load is then done again in that order).

use std::mem;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::seed;
use super::{Gathered, LastGood, QuoteStats, Stats, Task, TextStats, run};
use crate::engine::corpus::{CorpusParts, DocId, DocText, Document, Keep};
use crate::engine::resolve::{
    Fetched, Loaded, Placements, Texts, Unread, resolve_held, resolve_parts,
};
use crate::engine::source::Listing;

/// Which order a load took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// Briefs first, then the documents, each placed as it was read.
    BriefsFirst,
    /// Documents first: a brief pins passages.
    DocumentsFirstForPins,
    /// Documents first, again: a document could not be read or decoded.
    DocumentsFirstAgain,
}

/// Loads `listing` briefs first where it can (see the module), the documents of the parts
/// given back keeping what `keep` says of their texts.
pub(super) fn load_ordered(
    listing: Listing,
    mut last_good: Option<&mut LastGood>,
    keep: Keep,
) -> (CorpusParts, Stats, Order) {
    let Listing {
        root,
        seeds,
        briefs,
        findings: mut listed,
    } = listing;
    // What a load documents first would need again, should a document not be read: the
    // seeds themselves stay here.
    let again = (root.clone(), briefs.clone(), listed.clone());
    let brief_paths: Vec<String> = briefs.iter().map(|b| b.shown.clone()).collect();
    let mut stats = Stats::default();
    let tasks = briefs.into_iter().map(Task::Brief).collect();
    let Gathered { parsed, failed, .. } = run(
        tasks,
        last_good.as_deref_mut(),
        keep,
        &mut stats,
        &mut listed,
    );
    if parsed.iter().any(|p| !p.brief.pins.is_empty()) {
        let tasks = seeds.into_iter().map(Task::Seed).collect();
        let documents = run(
            tasks,
            last_good.as_deref_mut(),
            keep,
            &mut stats,
            &mut listed,
        )
        .documents;
        let loaded = Loaded {
            root,
            documents,
            parsed,
            failed,
            findings: listed,
        };
        let parts = held(loaded, last_good, &brief_paths, keep, &mut stats);
        return (parts, stats, Order::DocumentsFirstForPins);
    }
    let documents = seeds
        .iter()
        .map(|file| Document {
            file: file.name.clone(),
            text: DocText::Gone,
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
    let decoded = AtomicUsize::new(0);
    let unchanged = AtomicUsize::new(0);
    let resolved = {
        let (kept_texts, mut placements) = match last_good.as_deref_mut() {
            Some(kept) => {
                kept.forget_unlisted(&brief_paths);
                let (texts, placements) = kept.lend();
                (Some(texts), Some(placements))
            }
            None => (None, None),
        };
        let read = |doc: DocId| {
            let file = seeds.get(doc.index())?;
            let kept = kept_texts.and_then(|t| t.get(&file.name)).copied();
            let fetched = seed::read_fetched(file, kept, keep)?;
            let counter = match fetched {
                Fetched::Decoded(_) => &decoded,
                Fetched::Unchanged { .. } => &unchanged,
            };
            counter.fetch_add(1, Ordering::Relaxed);
            Some(fetched)
        };
        let texts = Texts::Read { read: &read, keep };
        let resolved = resolve_parts(loaded, placements.as_deref_mut(), texts);
        count_quotes(&mut stats, placements.as_deref());
        resolved
    };
    match resolved {
        Ok(parts) => {
            stats.texts = TextStats {
                decoded: decoded.into_inner(),
                unchanged: unchanged.into_inner(),
            };
            if let Some(kept) = last_good {
                kept.keep_texts(parts.documents.iter());
            }
            (parts, stats, Order::BriefsFirst)
        }
        Err(Unread) => {
            let (root, briefs, findings) = again;
            let listing = Listing {
                root,
                seeds,
                briefs,
                findings,
            };
            let (parts, stats) = documents_first(listing, last_good, keep);
            (parts, stats, Order::DocumentsFirstAgain)
        }
    }
}

/// Loads `listing` documents first: every file read, decoded or parsed on every core,
/// then ids bound and quotes anchored in the texts held, of which `keep` says what stays.
pub(super) fn documents_first(
    listing: Listing,
    mut last_good: Option<&mut LastGood>,
    keep: Keep,
) -> (CorpusParts, Stats) {
    let Listing {
        root,
        seeds,
        briefs,
        findings: mut listed,
    } = listing;
    let brief_paths: Vec<String> = briefs.iter().map(|b| b.shown.clone()).collect();
    let tasks: Vec<Task> = briefs
        .into_iter()
        .map(Task::Brief)
        .chain(seeds.into_iter().map(Task::Seed))
        .collect();
    let mut stats = Stats::default();
    let Gathered {
        documents,
        parsed,
        failed,
    } = run(
        tasks,
        last_good.as_deref_mut(),
        keep,
        &mut stats,
        &mut listed,
    );
    let loaded = Loaded {
        root,
        documents,
        parsed,
        failed,
        findings: listed,
    };
    let parts = held(loaded, last_good, &brief_paths, keep, &mut stats);
    (parts, stats)
}

/// Resolves what was loaded in the texts it holds, then keeps what `keep` says of them;
/// what they were is kept for the next reload.
fn held(
    loaded: Loaded,
    last_good: Option<&mut LastGood>,
    brief_paths: &[String],
    keep: Keep,
    stats: &mut Stats,
) -> CorpusParts {
    let mut placements = last_good.map(|kept| kept.settle(&loaded.documents, brief_paths));
    let mut parts = resolve_held(loaded, placements.as_deref_mut());
    count_quotes(stats, placements.as_deref());
    for document in parts.documents.iter_mut() {
        document.text = mem::take(&mut document.text).kept(keep);
    }
    parts
}

/// How many quotes a reload placed and took from its last placings.
fn count_quotes(stats: &mut Stats, placements: Option<&Placements>) {
    if let Some(p) = placements {
        stats.quotes = QuoteStats {
            reused: p.reused,
            placed: p.placed,
        };
    }
}

#[cfg(test)]
mod tests;
