//! The one way in: a corpus listed (source), every brief parsed on every core (brief),
//! ids bound and annotations resolved, then every document read and decoded on every
//! core while its quotes are placed (text, resolve), giving the [`Corpus`] (`order.rs`
//! says when the documents are read first instead). [`load_keeping`] is the same for live reload, where a brief whose text is
//! unchanged is not parsed again, a document whose bytes are unchanged is not decoded
//! again, and a brief that no longer loads keeps its last good version.

mod last_good;
mod order;
mod seed;

use rayon::prelude::*;

use crate::engine::brief::Declared;
use crate::engine::brief::parse::{Failed, Parsed, parse};
use crate::engine::corpus::{Corpus, CorpusParts, Document, Keep};
use crate::engine::error::CorpusError;
use crate::engine::finding::Finding;
use crate::engine::source::{CorpusSource, Listing, Parts, SourceFile, list};

use last_good::Brief;
pub use last_good::LastGood;

/// Loads, anchors and checks a whole corpus.
pub fn load(source: &CorpusSource) -> Result<Corpus, CorpusError> {
    Ok(load_listing(list(source, Parts::All)?, None))
}

/// Loads a corpus whose documents' texts are let go once their quotes are placed and
/// read again when asked for ([`Corpus::text`]): for the commands that print the model
/// and read a text or two at most (`print`, `figures`, `align`), so that their memory
/// does not grow with the texts of the corpus.
pub fn load_stored(source: &CorpusSource) -> Result<Corpus, CorpusError> {
    let (parts, _, _) = order::load_ordered(list(source, Parts::All)?, None, Keep::Stored);
    Ok(Corpus::new(parts))
}

/// Loads a corpus again for live reload: a brief whose decoded text is exactly the one
/// kept in `last_good` reuses its kept parsed form, a brief that no longer loads keeps
/// its last good version (see [`LastGood`]), with its problem among the findings.
/// A document whose bytes are exactly its kept text shares that text; every quote is
/// anchored again, as by [`load`].
pub fn load_keeping(
    source: &CorpusSource,
    last_good: &mut LastGood,
) -> Result<Corpus, CorpusError> {
    Ok(load_listing(list(source, Parts::All)?, Some(last_good)))
}

/// What loading did with the files.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Stats {
    pub briefs: BriefStats,
    pub texts: TextStats,
    /// Counted on live reload only.
    pub quotes: QuoteStats,
}

/// How many briefs were parsed, reused from [`LastGood`] unparsed, or did not load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BriefStats {
    pub parsed: usize,
    pub reused: usize,
    pub failed: usize,
}

/// How many distinct quotes were placed, and how many took their place from the last load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct QuoteStats {
    pub placed: usize,
    pub reused: usize,
}

/// How many documents were decoded, and how many were read with the very bytes the last
/// load read (and decoded only where a quote of theirs was new).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TextStats {
    pub decoded: usize,
    pub unchanged: usize,
}

/// One file read: a seed decoded or shared, or a brief parsed, reused or failed.
// Transient, one per file: the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
enum Done {
    Seed(seed::Read),
    Brief(Brief),
}

/// Loads the files of `listing` (a whole corpus, or the part a first screen needs): every
/// file is read and decoded (documents) or parsed (briefs) on every core, briefs first
/// since they take longest; then ids are bound and quotes anchored. With `last_good`, a
/// brief whose text is unchanged reuses its kept parsed form, a brief that does not load
/// is replaced by its last good version (its problem still reported), and every brief
/// that loads is remembered there.
pub fn load_listing(listing: Listing, last_good: Option<&mut LastGood>) -> Corpus {
    load_counting(listing, last_good).0
}

/// [`load_listing`], saying what it did with the files.
pub(crate) fn load_counting(listing: Listing, last_good: Option<&mut LastGood>) -> (Corpus, Stats) {
    let keep = keep_for(last_good.as_deref());
    let (parts, stats, _) = order::load_ordered(listing, last_good, keep);
    (Corpus::new(parts), stats)
}

/// What a load keeps of the texts: a one-off load (`print`, `search`, `align`) holds
/// them; live reload (the reader) keeps where each is on disk and reads it again when it
/// is shown, so that the reader's memory does not grow with the texts of the corpus.
fn keep_for(last_good: Option<&LastGood>) -> Keep {
    match last_good {
        Some(_) => Keep::Stored,
        None => Keep::Texts,
    }
}

/// Loads a corpus for its findings alone (`check`): the parts of [`load`] but for the
/// documents' texts, each let go once its quotes were placed, so that no more than a few
/// are held at once however large the corpus (where the order of [`order`] cannot be
/// kept, the texts are held, and the findings are the same).
pub fn load_findings(source: &CorpusSource) -> Result<CorpusParts, CorpusError> {
    Ok(order::load_ordered(list(source, Parts::All)?, None, Keep::Nothing).0)
}

/// What came of reading a corpus's files.
struct Gathered {
    documents: Vec<Document>,
    parsed: Vec<Parsed>,
    /// The briefs that did not load, by the path shown, with what they would have declared.
    failed: Vec<(String, Box<Declared>)>,
}

/// One file to read: a seed to decode or a brief to parse.
enum Task {
    Seed(SourceFile),
    Brief(SourceFile),
}

/// Reads every file of `tasks` on every core and sorts out what came of each: the
/// documents decoded or shared, the briefs parsed or reused, those that failed with what
/// they declare; problems go to `listed`. With `last_good`, a brief whose text is
/// unchanged reuses its kept parsed form, a brief that does not load is replaced by its
/// last good version (its problem still reported), and every brief that loads is
/// remembered there.
fn run(
    tasks: Vec<Task>,
    mut last_good: Option<&mut LastGood>,
    keep: Keep,
    stats: &mut Stats,
    listed: &mut Vec<Finding>,
) -> Gathered {
    let kept = last_good.as_deref();
    let done: Vec<Done> = tasks
        .into_par_iter()
        .map(|task| match (task, kept) {
            (Task::Brief(file), Some(kept)) => Done::Brief(kept.parse(file)),
            (Task::Brief(file), None) => {
                Done::Brief(parse(file).map_or_else(Brief::Failed, Brief::Parsed))
            }
            (Task::Seed(file), kept) => {
                let text = kept.and_then(|k| k.text(&file.name));
                Done::Seed(seed::read(file, text, keep))
            }
        })
        .collect();
    let mut documents = Vec::new();
    let mut parsed = Vec::new();
    let mut failed = Vec::new();
    for item in done {
        match item {
            Done::Seed(seed::Read::Decoded(doc)) => {
                stats.texts.decoded += 1;
                documents.push(doc);
            }
            Done::Seed(seed::Read::Unchanged(doc)) => {
                stats.texts.unchanged += 1;
                documents.push(doc);
            }
            Done::Seed(seed::Read::Failed(finding)) => listed.push(finding),
            Done::Brief(Brief::Parsed(p)) => {
                stats.briefs.parsed += 1;
                if let Some(kept) = last_good.as_deref_mut() {
                    kept.remember(&p);
                }
                parsed.push(p);
            }
            Done::Brief(Brief::Reused(p)) => {
                stats.briefs.reused += 1;
                parsed.push(p);
            }
            Done::Brief(Brief::Failed(Failed { finding, declared })) => {
                stats.briefs.failed += 1;
                match last_good.as_deref().and_then(|k| k.brief(&finding.file)) {
                    Some(p) => {
                        parsed.push(p.clone());
                        listed.push(
                            finding.note("showing the last version of this brief that loaded"),
                        );
                    }
                    None => {
                        failed.push((finding.file.clone(), declared));
                        listed.push(finding);
                    }
                }
            }
        }
    }
    Gathered {
        documents,
        parsed,
        failed,
    }
}

#[cfg(test)]
mod tests;
