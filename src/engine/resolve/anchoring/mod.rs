//! Anchoring every quote of the corpus: placed on every core once all briefs are
//! resolved (with the nearest text of those not found), document by document, then
//! turned, in order, into anchors or findings with their positions.

mod distinct;
mod finish;

use rayon::prelude::*;

use super::Report;
use super::fetched::Fetched;
use super::placed::{self, Placed};
use super::placements::Placements;
use crate::engine::anchor::{Anchorer, INDEX_FROM_QUOTES, Many};
use crate::engine::brief::yaml::Yaml;
use crate::engine::corpus::*;
use crate::engine::finding::Finding;
use crate::engine::source::Fingerprint;
use crate::engine::text::Text;
use distinct::Distinct;
use finish::finish;
pub(super) use finish::list_places;

/// A quote to place: where it is in the corpus and in its brief. (Sixteen bytes: a brief
/// may hold a million.)
pub(super) struct Job {
    pub brief: BriefId,
    pub annotation: AnnotationId,
    /// Its place among the annotation's quotes.
    pub quote: u32,
    pub doc: DocId,
}

/// A brief's path and YAML text, kept for the positions of findings about its quotes.
pub(super) struct Source {
    pub shown: String,
    pub source: Yaml,
}

/// One document's quotes: each distinct one placed once (or taken from the last load),
/// and which of them each of the document's jobs is.
struct InDocument<'a> {
    doc: DocId,
    /// The distinct quote of each of the document's jobs, in order.
    which: Vec<u32>,
    /// The distinct quotes, and where each one stands once placed (none yet for any
    /// when empty).
    quotes: Vec<&'a Quote>,
    placed: Vec<Option<Placed>>,
    reused: usize,
}

impl<'a> InDocument<'a> {
    /// The distinct quotes of the jobs `job_ids` (all in `doc`), those placed in this very
    /// text by the last load already placed.
    fn new(
        doc: DocId,
        job_ids: &[u32],
        quote_of: impl Fn(usize) -> &'a Quote,
        before: Option<(&Placements, &str, Fingerprint)>,
    ) -> InDocument<'a> {
        let mut seen = Distinct::new(job_ids.len());
        // Most jobs of a document are distinct quotes: room for each, not twice as much.
        // Placings are given room here only for those of the last load, else once the
        // quotes are placed, so that a pass over the text does not hold them too.
        let mut quotes: Vec<&Quote> = Vec::with_capacity(job_ids.len());
        let mut placed = Vec::with_capacity(if before.is_some() { job_ids.len() } else { 0 });
        let mut reused = 0;
        let key = |q: &'a Quote| (q.text.as_str(), q.prefix(), q.suffix());
        let which = job_ids
            .iter()
            .map(|&job| {
                let q = quote_of(job as usize);
                let next = quotes.len();
                let k = seen
                    .find_or_add(key(q), next, |k| key(quotes[k]))
                    .unwrap_or_else(|| {
                        let kept = before
                            .and_then(|(p, file, fingerprint)| p.get(file, fingerprint, q))
                            .cloned();
                        reused += usize::from(kept.is_some());
                        quotes.push(q);
                        if before.is_some() {
                            placed.push(kept);
                        }
                        next
                    });
                // Fewer distinct quotes than jobs, and jobs are held in memory.
                u32::try_from(k).unwrap_or(u32::MAX)
            })
            .collect();
        // Copies of one quote (hostile, or aliases) leave room unused.
        quotes.shrink_to_fit();
        placed.shrink_to_fit();
        InDocument {
            doc,
            which,
            quotes,
            placed,
            reused,
        }
    }

    /// How many of its quotes are still to place.
    fn to_place(&self) -> usize {
        self.quotes.len() - self.reused
    }

    /// Places what is still to place: one after another by a scan each, or, when there
    /// are many, together in one pass over the text, their positions then worked out on
    /// every core.
    fn place(&mut self, text: &Text) {
        let to_place = self.to_place();
        if to_place == 0 {
            return;
        }
        let anchorer = Anchorer::new(text.as_str());
        let parts = |q: &'a Quote| (q.text.as_str(), q.prefix(), q.suffix());
        if to_place < INDEX_FROM_QUOTES {
            self.placed.resize(self.quotes.len(), None);
            let to_do = self.quotes.iter().zip(&mut self.placed);
            for (&q, placed) in to_do.filter(|(_, p)| p.is_none()) {
                let (quote, prefix, suffix) = parts(q);
                *placed = Some(placed::placed(anchorer.place(quote, prefix, suffix), text));
            }
        } else {
            let quotes = &self.quotes;
            let many = Many::new(&anchorer, quotes.len(), |k| parts(quotes[k]));
            self.placed.resize(quotes.len(), None);
            self.placed
                .par_iter_mut()
                .enumerate()
                .filter(|(_, p)| p.is_none())
                .for_each(|(k, p)| *p = Some(placed::placed(many.placement(k), text)));
        }
        placed::search_nearest(&mut self.placed, &self.quotes, text);
    }
}

/// Where anchoring finds each document's text.
pub(crate) enum Texts<'r> {
    /// In the corpus's documents.
    Held,
    /// Given by `read`, document by document on every core, while their quotes are
    /// placed; then what `keep` says is kept in the documents.
    Read { read: &'r ReadText<'r>, keep: Keep },
}

/// A document read from its file, or `None` if it cannot be read or decoded.
pub(crate) type ReadText<'r> = dyn Fn(DocId) -> Option<Fetched> + Sync + 'r;

/// A document that [`Texts::Read`] could not read or decode: the corpus must then be
/// loaded another way, where that file is reported as it always is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unread;

/// Places every quote, then records each anchor or finding, in order. The same quote in
/// the same document (an alias, a copy) is placed once. Documents are placed on every
/// core, one task each; a document with many quotes is indexed once and its quotes placed
/// on every core. With `kept` (live reload), a quote placed last time in the very same
/// text is not placed again, and `kept` becomes this load's placings. With texts to
/// read, every document is read and decoded in turn and its quotes placed; if one cannot
/// be, nothing is recorded and that is said.
pub(super) fn anchor_all(
    corpus: &mut CorpusParts,
    jobs: Vec<Job>,
    sources: &IdVec<BriefId, Source>,
    findings: &mut Vec<Finding>,
    kept: Option<&mut Placements>,
    texts: Texts,
) -> Result<(), Unread> {
    let shared: &CorpusParts = corpus;
    let quote_of = |job: usize| {
        let job = &jobs[job];
        &shared.annotations[job.annotation].quotes[job.quote as usize]
    };
    // Job numbers in 4 bytes: fewer jobs than that are held in memory.
    let mut by_doc: IdVec<DocId, Vec<u32>> = vec![Vec::new(); shared.documents.len()].into();
    for (i, job) in jobs.iter().enumerate() {
        by_doc[job.doc].push(u32::try_from(i).unwrap_or(u32::MAX));
    }
    let before = kept.as_deref();
    // The document's quotes, those placed by the last load in the very same bytes taken
    // from there.
    let in_document = |doc: DocId, fingerprint: Option<Fingerprint>| {
        let job_ids = &by_doc[doc];
        if job_ids.is_empty() {
            return None;
        }
        let file = shared.documents[doc].file.as_str();
        let before = before.zip(fingerprint).map(|(p, f)| (p, file, f));
        Some(InDocument::new(doc, job_ids, quote_of, before))
    };
    let mut read_texts: Vec<DocText> = Vec::new();
    let docs: Vec<(InDocument, Option<Fingerprint>)> = match texts {
        Texts::Held => by_doc
            .enumerated()
            .filter(|(_, job_ids)| !job_ids.is_empty())
            .map(|(doc, _)| doc)
            .collect::<Vec<_>>()
            .into_par_iter()
            .filter_map(|doc| {
                let text = &shared.documents[doc].text;
                let mut d = in_document(doc, text.fingerprint())?;
                if let Some(held) = text.held() {
                    d.place(held);
                }
                Some((d, text.fingerprint()))
            })
            .collect(),
        Texts::Read { read, keep } => {
            type Read<'a> = (Option<(InDocument<'a>, Option<Fingerprint>)>, DocText);
            let placed: Option<Vec<Read>> = (0..shared.documents.len())
                .into_par_iter()
                .map(|i| {
                    let mut fetched = read(DocId::new(i))?;
                    let fingerprint = fetched.fingerprint();
                    let d = match in_document(DocId::new(i), fingerprint) {
                        Some(mut d) if d.to_place() > 0 => {
                            d.place(&*fetched.text()?);
                            Some(d)
                        }
                        d => d,
                    };
                    Some((d.map(|d| (d, fingerprint)), fetched.kept(keep)?))
                })
                .collect();
            let (docs, texts): (Vec<_>, Vec<_>) = placed.ok_or(Unread)?.into_iter().unzip();
            read_texts = texts;
            docs.into_iter().flatten().collect()
        }
    };
    if let Some(kept) = kept {
        let reused = docs.iter().map(|(d, _)| d.reused).sum();
        let placings = docs.iter().flat_map(|(d, fingerprint)| {
            let file = shared.documents[d.doc].file.as_str();
            d.quotes
                .iter()
                .zip(&d.placed)
                .filter_map(move |(q, p)| Some((file, (*fingerprint)?, *q, p.as_ref()?)))
        });
        kept.replace(placings, reused);
    }
    // Each job's placing by (document, distinct quote), so that none is copied; the
    // quotes themselves are let go, since the anchors are written into them.
    const NONE: (u32, u32) = (u32::MAX, u32::MAX);
    let mut which: Vec<(u32, u32)> = vec![NONE; jobs.len()];
    let placings: Vec<Vec<Option<Placed>>> = docs
        .into_iter()
        .enumerate()
        .map(|(slot, (d, _))| {
            // Fewer documents than jobs, and jobs are held in memory.
            let slot = u32::try_from(slot).unwrap_or(u32::MAX);
            for (&job, k) in by_doc[d.doc].iter().zip(d.which) {
                which[job as usize] = (slot, k);
            }
            d.placed
        })
        .collect();
    drop(by_doc);
    let placed_of = |job: usize| {
        let (slot, k) = which[job];
        placings.get(slot as usize)?.get(k as usize)?.as_ref()
    };
    // Jobs come brief by brief; each brief's report gives its findings their places
    // when it ends.
    let mut first = 0;
    for group in jobs.chunk_by(|a, b| a.brief == b.brief) {
        let source = &sources[group[0].brief];
        let mut report = Report::new(&source.shown, &source.source, &mut *findings);
        for (i, job) in (first..).zip(group) {
            let Some(placed) = placed_of(i) else {
                continue;
            };
            let anchor = finish(corpus, job, placed, &mut report);
            corpus.annotations[job.annotation].quotes[job.quote as usize].anchor = anchor;
        }
        first += group.len();
    }
    for (document, text) in corpus.documents.iter_mut().zip(read_texts) {
        document.text = text;
    }
    Ok(())
}
