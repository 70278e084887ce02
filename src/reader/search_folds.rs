//! The reader's search: documents are folded in pieces of whole lines as a search reaches
//! them, each piece searched and then dropped, but for a bounded few kept between searches
//! ([`KEPT_BYTES`]), so memory never holds a folded copy of the corpus. A search is a
//! [`Scan`] that goes on piece by piece for as long as its caller allows, so the event
//! loop can take keys between pieces and drop a stale one; matches are capped, so that a
//! one-letter query on a 200 MB document stays small. No match crosses a line break (a
//! query is one line), so pieces cut after one find exactly what the whole document would.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::engine::Document;
use crate::engine::corpus::DocId;
use crate::engine::search::Searcher;
use crate::engine::text::Text;
use crate::engine::text::fold::Folded;

/// Matches kept at most: past this, highlights stop and the count says "more than".
pub const MAX_MATCHES: usize = 100_000;

/// Bytes of text in a piece (whole lines, so a longer line is a piece of its own).
pub const PIECE_BYTES: usize = 1 << 20;

/// Bytes of folded pieces kept between searches at most (the first pieces folded, in
/// corpus order: a search walks every piece, so keeping the newest would only churn).
pub const KEPT_BYTES: usize = 4 << 20;

/// A piece kept folded: the text it was folded from (so a reload keeps it only for the
/// same text), where it ends, and its fold.
#[derive(Debug)]
struct Kept {
    text: Arc<Text>,
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
    doc: usize,
    /// Where the next piece of `doc` starts.
    at: usize,
    matches: Vec<(DocId, Range<usize>)>,
    more: bool,
    done: bool,
}

impl Scan {
    /// A search of `searcher` from the first document.
    pub fn new(searcher: Searcher) -> Scan {
        Scan {
            searcher,
            doc: 0,
            at: 0,
            matches: Vec::new(),
            more: false,
            done: false,
        }
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
/// `piece_bytes` on (so whole lines), or at the text's end.
fn piece_end(text: &str, start: usize, piece_bytes: usize) -> usize {
    let target = start.saturating_add(piece_bytes.max(1));
    match text.as_bytes().get(target..) {
        Some(rest) => memchr::memchr(b'\n', rest).map_or(text.len(), |i| target + i + 1),
        None => text.len(),
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
        }
    }

    /// Bytes of folds kept.
    pub fn kept_bytes(&self) -> usize {
        self.kept_bytes
    }

    /// After the corpus is replaced by `docs`: keeps the folds of the documents that
    /// stand at the same index with the very same text (a reload shares unchanged texts),
    /// drops the rest.
    pub fn renew(&mut self, docs: &[Document]) {
        let same = |i: usize, piece: &Kept| {
            docs.get(i)
                .is_some_and(|d| Arc::ptr_eq(&d.text, &piece.text))
        };
        self.kept.retain(|&(i, _), piece| same(i, piece));
        self.kept_bytes = self.kept.values().map(|k| fold_cost(&k.folded)).sum();
        self.ahead = (0, 0);
    }

    /// The piece of document `i` starting at `start`, folded (kept, or folded now into
    /// the scratch buffer, and kept if there is room); where it ends.
    fn piece(&mut self, docs: &[Document], i: usize, start: usize) -> Option<(&Folded, usize)> {
        let doc = docs.get(i)?;
        if self.kept.contains_key(&(i, start)) {
            let kept = self.kept.get(&(i, start))?;
            return Some((&kept.folded, kept.end));
        }
        let text = doc.text.as_str();
        let end = piece_end(text, start, self.piece_bytes);
        self.scratch.fold(text.get(start..end).unwrap_or(""));
        let cost = fold_cost(&self.scratch);
        if self.kept_bytes + cost <= self.budget {
            self.kept_bytes += cost;
            let piece = Kept {
                text: Arc::clone(&doc.text),
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
        docs: &[Document],
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
            let Some(doc) = docs.get(i) else {
                scan.done = true;
                break;
            };
            if at >= doc.text.len() && (at > 0 || doc.text.is_empty()) {
                scan.doc += 1;
                scan.at = 0;
                continue;
            }
            let Some((folded, end)) = self.piece(docs, i, at) else {
                scan.done = true;
                break;
            };
            let text = doc.text.as_str().get(at..end).unwrap_or("");
            ranges.clear();
            // One more than the cap says whether there were more.
            let room = MAX_MATCHES + 1 - scan.matches.len();
            scan.searcher
                .find_in_folded_up_to(text, folded, &mut ranges, room);
            scan.matches.extend(
                ranges
                    .drain(..)
                    .map(|r| (DocId(i), r.start + at..r.end + at)),
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

    /// Every match of `searcher` in `docs`, in order, up to `MAX_MATCHES`; and whether
    /// there were more.
    pub fn search(
        &mut self,
        docs: &[Document],
        searcher: &Searcher,
    ) -> (Vec<(DocId, Range<usize>)>, bool) {
        let mut scan = Scan::new(searcher.clone());
        self.scan(docs, &mut scan, || true);
        scan.into_found()
    }

    /// Folds the first pieces ahead of a search, in order, until the budget of kept folds
    /// is full or `go_on` says stop (asked before each piece but the first); whether
    /// nothing is left to fold ahead.
    pub fn fold_more(&mut self, docs: &[Document], mut go_on: impl FnMut() -> bool) -> bool {
        let mut first = true;
        loop {
            let (i, at) = self.ahead;
            let Some(doc) = docs.get(i) else {
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
            let Some((_, end)) = self.piece(docs, i, at) else {
                return true;
            };
            if !self.kept.contains_key(&(i, at)) {
                // No room for this one: the budget is as full as it gets.
                return true;
            }
            self.ahead = (i, end);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn doc(text: &str) -> Document {
        Document {
            file: "d.txt".into(),
            text: Text::new(text).into(),
            meta: None,
        }
    }

    /// What one search of each whole document finds (the reference), capped as a scan is.
    fn whole(docs: &[Document], searcher: &Searcher) -> (Vec<(DocId, Range<usize>)>, bool) {
        let mut plain = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            let all = searcher.find_in(d.text.as_str());
            plain.extend(all.into_iter().map(|r| (DocId(i), r)));
        }
        let more = plain.len() > MAX_MATCHES;
        plain.truncate(MAX_MATCHES);
        (plain, more)
    }

    #[test]
    fn a_scan_in_steps_finds_what_one_search_finds_across_pieces() {
        let line = "Thủ tướng Phạm Minh Chính chủ trì hội nghị 8,3% về ngoại giao.\n";
        let long = line.repeat(PIECE_BYTES / line.len() * 3);
        let docs = vec![doc(&long), doc("pham\nminh"), doc(""), doc(&long)];
        for query in ["pham minh", "8.3", "p", "giao.\nthu", "ngoại giao"] {
            let Some(searcher) = Searcher::new(query) else {
                continue;
            };
            let plain = whole(&docs, &searcher);
            let mut folds = SearchFolds::default();
            let mut scan = Scan::new(searcher.clone());
            let mut steps = 0;
            while !folds.scan(&docs, &mut scan, || false) {
                steps += 1;
            }
            assert!(steps >= 3, "{query}: one piece a step");
            assert_eq!(scan.clone().into_found(), plain, "{query}");
            assert_eq!(folds.search(&docs, &searcher), plain);
            assert!(folds.kept_bytes() <= KEPT_BYTES, "{query}");
        }
    }

    #[test]
    fn folding_ahead_fills_the_budget_and_no_more() {
        let text = "Phạm a\n".repeat(1000);
        let docs = vec![doc(&text), doc("b"), doc(""), doc(&text)];
        let mut folds = SearchFolds::with_sizes(100, 3000);
        let mut calls = 0;
        while !folds.fold_more(&docs, || false) {
            calls += 1;
        }
        assert!(calls >= 3, "a piece a call");
        assert!(folds.kept_bytes() <= 3000 && folds.kept_bytes() > 2000);
        assert!(folds.fold_more(&docs, || false));
        let searcher = Searcher::new("pham a").unwrap();
        assert_eq!(folds.search(&docs, &searcher), whole(&docs, &searcher));
        // Everything fits: all of it is kept, and a search folds nothing more.
        let mut all = SearchFolds::with_sizes(100, usize::MAX);
        assert!(all.fold_more(&docs, || true));
        let held = all.kept_bytes();
        assert_eq!(all.search(&docs, &searcher), whole(&docs, &searcher));
        assert_eq!(all.kept_bytes(), held);
    }

    #[test]
    fn a_reload_keeps_the_folds_of_unchanged_texts_only() {
        let (a, b) = (doc("Phạm Minh\nChính"), doc("pham minh"));
        let mut folds = SearchFolds::with_sizes(4, usize::MAX);
        let searcher = Searcher::new("minh").unwrap();
        folds.search(&[a.clone(), b.clone()], &searcher);
        let both = folds.kept_bytes();
        // `a` kept with its text; `b` changed.
        let new = vec![a.clone(), doc("pham minh!")];
        folds.renew(&new);
        assert!(folds.kept_bytes() < both && folds.kept_bytes() > 0);
        assert_eq!(folds.search(&new, &searcher), whole(&new, &searcher));
        // Moved to another index, it is folded again.
        let moved = vec![doc("x"), a];
        folds.renew(&moved);
        assert_eq!(folds.kept_bytes(), 0);
        assert_eq!(folds.search(&moved, &searcher), whole(&moved, &searcher));
    }

    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "pham", "Phạm", "PHAM", "minh", "Minh", "chính", "a", "á", "đồng", "dong", " ",
            "\u{a0}", "\n", "\n\n", "8,3", "8.3", ",", ".", "1", "nhnh", "a\u{301}", "ç",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        #[test]
        fn pieces_and_a_bounded_cache_find_what_the_whole_fold_finds(
            texts in prop::collection::vec(text(), 0..5),
            query in prop::sample::select(vec![
                "pham", "phạm minh", "a", "á", "đồng", "dong", "8.3", "1.1", "nhnh", "minh chinh",
                "a a",
            ]),
            piece_bytes in 1usize..40,
            budget in prop::sample::select(vec![0usize, 100, 400, usize::MAX]),
        ) {
            let docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
            let searcher = Searcher::new(query).unwrap();
            let mut folds = SearchFolds::with_sizes(piece_bytes, budget);
            let mut scan = Scan::new(searcher.clone());
            while !folds.scan(&docs, &mut scan, || false) {}
            prop_assert_eq!(scan.into_found(), whole(&docs, &searcher));
            // Again, over what the first search kept.
            prop_assert_eq!(folds.search(&docs, &searcher), whole(&docs, &searcher));
            prop_assert!(folds.kept_bytes() <= budget);
        }
    }
}
