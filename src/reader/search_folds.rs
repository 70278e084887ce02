//! The reader's search: documents are folded in pieces of whole lines as a search reaches
//! them, each piece searched and then dropped, but for a bounded few kept between searches
//! ([`KEPT_BYTES`]), so memory never holds a folded copy of the corpus. A search is a
//! [`Scan`] that goes on piece by piece for as long as its caller allows, so the event
//! loop can take keys between pieces and drop a stale one; matches are capped, so that a
//! one-letter query on a 200 MB document stays small. No match crosses a line break (a
//! query is one line), so pieces cut after one find exactly what the whole document would;
//! a line longer than two pieces is cut inside too, where no match can cross (`cuts.rs`).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::engine::Corpus;
use crate::engine::corpus::{DocId, DocText};
use crate::engine::search::Searcher;
use crate::engine::text::Text;
use crate::engine::text::fold::Folded;
use cuts::Cuts;

mod cuts;

/// Matches kept at most: past this, highlights stop and the count says "more than".
pub const MAX_MATCHES: usize = 100_000;

/// Bytes of text in a piece (whole lines, so a longer line is a piece of its own).
pub const PIECE_BYTES: usize = 128 << 10;

/// Matches a piece brings, about, past which the next pieces of a search are smaller: a
/// slice of work is a piece at least, and each match costs its mapping back to the text.
const PIECE_MATCHES: usize = 4096;

/// The smallest piece a search makes smaller.
const MIN_PIECE_BYTES: usize = 4 << 10;

/// Bytes of folded pieces kept between searches at most (the first pieces folded, in
/// corpus order: a search walks every piece, so keeping the newest would only churn).
pub const KEPT_BYTES: usize = 4 << 20;

/// A piece kept folded: the text it was folded from (so a reload keeps it only for the
/// same text), where it ends, and its fold.
#[derive(Debug)]
struct Kept {
    text: DocText,
    end: usize,
    folded: Folded,
}

/// Folds kept between searches, by (document index, piece start), and the buffer the
/// others are folded into.
#[derive(Debug)]
pub struct SearchFolds {
    kept: HashMap<(usize, usize), Kept>,
    kept_bytes: usize,
    budget: usize,
    piece_bytes: usize,
    scratch: Folded,
    /// Where `fold_more` goes on: (document index, piece start).
    ahead: (usize, usize),
    /// The text of the document the scan is in (read once for all its pieces, where it
    /// is not held), with the document's text it is.
    at_hand: Option<(usize, DocText, Arc<Text>)>,
}

impl Default for SearchFolds {
    fn default() -> SearchFolds {
        SearchFolds::with_sizes(PIECE_BYTES, KEPT_BYTES)
    }
}

/// A search under way: the query, where it stands, what it has found.
#[derive(Debug, Clone)]
pub struct Scan {
    searcher: Searcher,
    /// Where a long line may be cut for this query.
    cuts: Cuts,
    doc: usize,
    /// Where the next piece of `doc` starts.
    at: usize,
    /// Bytes of its next piece at most: smaller where matches were dense.
    piece_bytes: usize,
    matches: Vec<(DocId, Range<usize>)>,
    more: bool,
    done: bool,
}

impl Scan {
    /// A search of `query` from the first document; `None` when it has nothing to search.
    pub fn new(query: &str) -> Option<Scan> {
        let searcher = Searcher::new(query)?;
        Some(Scan {
            searcher,
            cuts: Cuts::of(query),
            doc: 0,
            at: 0,
            piece_bytes: usize::MAX,
            matches: Vec::new(),
            more: false,
            done: false,
        })
    }

    /// Whether every document has been searched (or the cap reached).
    pub fn done(&self) -> bool {
        self.done
    }

    /// The matches found so far, in order.
    pub fn matches(&self) -> &[(DocId, Range<usize>)] {
        &self.matches
    }

    /// What it searches for.
    pub fn searcher(&self) -> &Searcher {
        &self.searcher
    }

    /// Documents searched so far.
    pub fn documents_done(&self) -> usize {
        self.doc
    }

    /// Its matches, and whether there were more than kept.
    pub fn into_found(self) -> (Vec<(DocId, Range<usize>)>, bool) {
        (self.matches, self.more)
    }
}

/// Where the piece of `text` that starts at `start` ends: after the line holding the byte
/// `piece_bytes` on (so whole lines), or at the text's end; and whether it may be kept
/// (whole lines, so the same for every query). Where that would be more than two pieces,
/// a place inside the line where `cuts` allow, if there is one near.
fn piece_end(text: &str, start: usize, piece_bytes: usize, cuts: Option<&Cuts>) -> (usize, bool) {
    let bytes = text.as_bytes();
    let target = start.saturating_add(piece_bytes.max(1));
    let end = match bytes.get(target..) {
        Some(rest) => memchr::memchr(b'\n', rest).map_or(text.len(), |i| target + i + 1),
        None => text.len(),
    };
    if end - start <= piece_bytes.saturating_mul(2) {
        let whole_lines = start == 0 || bytes.get(start - 1) == Some(&b'\n');
        return (end, whole_lines);
    }
    let cut = cuts.and_then(|cuts| cuts.first(text, target, end));
    (cut.unwrap_or(end), false)
}

/// The bytes of the piece after one of `len` bytes that brought `found` matches, when it
/// was to be `now` bytes at most: about `PIECE_MATCHES` matches' worth, growing back where
/// they are few.
fn next_piece_bytes(len: usize, found: usize, now: usize) -> usize {
    if found > PIECE_MATCHES {
        (len.saturating_mul(PIECE_MATCHES) / found).max(MIN_PIECE_BYTES)
    } else if found < PIECE_MATCHES / 4 {
        now.saturating_mul(2)
    } else {
        now
    }
}

/// What a fold of `len` folded bytes takes: its bytes and a checkpoint (16 bytes) about
/// every 128 of them.
fn fold_cost(folded: &Folded) -> usize {
    let len = folded.as_bytes().len();
    len + len / 8 + 64
}

impl SearchFolds {
    /// Folds in pieces of about `piece_bytes`, keeping about `budget` bytes of them.
    pub fn with_sizes(piece_bytes: usize, budget: usize) -> SearchFolds {
        SearchFolds {
            kept: HashMap::new(),
            kept_bytes: 0,
            budget,
            piece_bytes,
            scratch: Folded::default(),
            ahead: (0, 0),
            at_hand: None,
        }
    }

    /// The text of document `i` of `corpus`: held, the one the panes keep, or read again
    /// once for all its pieces (and not kept, so a search does not push the panes' texts
    /// out); `None` for a text that can no longer be read (it changed: a reload comes).
    fn text_of(&mut self, corpus: &Corpus, i: usize) -> Option<Arc<Text>> {
        let doc = corpus.documents().get(DocId::new(i))?;
        if let Some((at, text, whole)) = &self.at_hand
            && *at == i
            && text.same(&doc.text)
        {
            return Some(Arc::clone(whole));
        }
        let whole = corpus.scan_text(DocId::new(i)).ok()?;
        self.at_hand = Some((i, doc.text.clone(), Arc::clone(&whole)));
        Some(whole)
    }

    /// Bytes of folds kept.
    pub fn kept_bytes(&self) -> usize {
        self.kept_bytes
    }

    /// After the corpus is replaced by `corpus`: keeps the folds of the documents that
    /// stand at the same index with the very same text (a reload shares unchanged texts),
    /// drops the rest.
    pub fn renew(&mut self, corpus: &Corpus) {
        let same = |i: usize, piece: &Kept| {
            corpus
                .documents()
                .get(DocId::new(i))
                .is_some_and(|d| d.text.same(&piece.text))
        };
        self.kept.retain(|&(i, _), piece| same(i, piece));
        self.kept_bytes = self.kept.values().map(|k| fold_cost(&k.folded)).sum();
        self.ahead = (0, 0);
        self.at_hand = None;
    }

    /// The piece of document `i` starting at `start`, folded (kept, or folded now into
    /// the scratch buffer, and kept if it is whole lines and there is room); where it
    /// ends. Pieces are of about `bytes` (a kept one up to twice that), cut for the query
    /// of `cuts`, or, without one (folding ahead), only at line breaks: `None` then for a
    /// piece that could not be kept.
    fn piece(
        &mut self,
        corpus: &Corpus,
        (i, start): (usize, usize),
        bytes: usize,
        cuts: Option<&Cuts>,
    ) -> Option<(&Folded, usize)> {
        let fits = |k: &Kept| k.end - start <= bytes.saturating_mul(2);
        if self.kept.get(&(i, start)).is_some_and(fits) {
            let kept = self.kept.get(&(i, start))?;
            return Some((&kept.folded, kept.end));
        }
        let doc_text = corpus.documents().get(DocId::new(i))?.text.clone();
        let whole = self.text_of(corpus, i)?;
        let text = whole.as_str();
        let (end, keepable) = piece_end(text, start, bytes, cuts);
        if cuts.is_none() && !keepable {
            // Folding ahead keeps only what every search can use.
            return None;
        }
        self.scratch.fold(text.get(start..end).unwrap_or(""));
        let cost = fold_cost(&self.scratch);
        // (A kept piece too large for this search stays as it is.)
        if keepable && self.kept_bytes + cost <= self.budget && !self.kept.contains_key(&(i, start))
        {
            self.kept_bytes += cost;
            let piece = Kept {
                text: doc_text,
                end,
                folded: self.scratch.clone(),
            };
            return Some((&self.kept.entry((i, start)).or_insert(piece).folded, end));
        }
        Some((&self.scratch, end))
    }

    /// Goes on with `scan` piece by piece while `go_on` says so (asked before each piece
    /// but the first); whether it is done.
    pub fn scan(
        &mut self,
        corpus: &Corpus,
        scan: &mut Scan,
        mut go_on: impl FnMut() -> bool,
    ) -> bool {
        let mut ranges = Vec::new();
        let mut first = true;
        while !scan.done {
            if !std::mem::take(&mut first) && !go_on() {
                return false;
            }
            let (i, at) = (scan.doc, scan.at);
            let Some(doc) = corpus.documents().get(DocId::new(i)) else {
                scan.done = true;
                break;
            };
            if at >= doc.text.len() && (at > 0 || doc.text.is_empty()) {
                scan.doc += 1;
                scan.at = 0;
                continue;
            }
            let Some(whole) = self.text_of(corpus, i) else {
                // Changed since the load: the reload that follows searches it.
                scan.doc += 1;
                scan.at = 0;
                continue;
            };
            let bytes = self.piece_bytes.min(scan.piece_bytes);
            let Some((folded, end)) = self.piece(corpus, (i, at), bytes, Some(&scan.cuts)) else {
                scan.done = true;
                break;
            };
            let text = whole.as_str().get(at..end).unwrap_or("");
            ranges.clear();
            // One more than the cap says whether there were more.
            let room = MAX_MATCHES + 1 - scan.matches.len();
            scan.searcher
                .find_in_folded_up_to(text, folded, &mut ranges, room);
            scan.piece_bytes = next_piece_bytes(end - at, ranges.len(), bytes);
            scan.matches.extend(
                ranges
                    .drain(..)
                    .map(|r| (DocId::new(i), r.start + at..r.end + at)),
            );
            if scan.matches.len() > MAX_MATCHES {
                scan.matches.truncate(MAX_MATCHES);
                scan.more = true;
                scan.done = true;
            }
            scan.at = end;
        }
        true
    }

    /// Every match of `query` in `corpus`, in order, up to `MAX_MATCHES`; and whether
    /// there were more.
    pub fn search(&mut self, corpus: &Corpus, query: &str) -> (Vec<(DocId, Range<usize>)>, bool) {
        let Some(mut scan) = Scan::new(query) else {
            return (Vec::new(), false);
        };
        self.scan(corpus, &mut scan, || true);
        scan.into_found()
    }

    /// Folds the first pieces ahead of a search, in order, until the budget of kept folds
    /// is full or `go_on` says stop (asked before each piece but the first); whether
    /// nothing is left to fold ahead. Pieces that could not be kept are passed over.
    pub fn fold_more(&mut self, corpus: &Corpus, mut go_on: impl FnMut() -> bool) -> bool {
        let mut first = true;
        loop {
            let (i, at) = self.ahead;
            let Some(doc) = corpus.documents().get(DocId::new(i)) else {
                return true;
            };
            if at >= doc.text.len() && (at > 0 || doc.text.is_empty()) {
                self.ahead = (i + 1, 0);
                continue;
            }
            if self.kept_bytes >= self.budget {
                return true;
            }
            if !std::mem::take(&mut first) && !go_on() {
                return false;
            }
            let Some(whole) = self.text_of(corpus, i) else {
                self.ahead = (i + 1, 0);
                continue;
            };
            let (end, keepable) = piece_end(whole.as_str(), at, self.piece_bytes, None);
            if keepable {
                self.piece(corpus, (i, at), self.piece_bytes, None);
                if !self.kept.contains_key(&(i, at)) {
                    // No room for this one: the budget is as full as it gets.
                    return true;
                }
            }
            self.ahead = (i, end);
        }
    }
}

#[cfg(test)]
mod tests;
