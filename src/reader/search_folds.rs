//! The reader's search: each document is folded once, in pieces of whole lines, and kept,
//! so a keystroke costs memmem over folded text on this thread (no re-folding, no threads
//! spawned per key). A search is a [`Scan`] that goes on piece by piece for as long as
//! its caller allows, so the event loop can take keys between pieces and drop a stale
//! one; matches are capped, so that a one-letter query on a 200 MB document stays small.
//! No match crosses a line break (a query is one line), so pieces cut after one find
//! exactly what the whole document would.

use std::ops::Range;

use crate::engine::Document;
use crate::engine::corpus::DocId;
use crate::engine::search::Searcher;
use crate::engine::text::fold::Folded;

/// Matches kept at most: past this, highlights stop and the count says "more than".
pub const MAX_MATCHES: usize = 100_000;

/// Bytes of text in a piece (whole lines, so a longer line is a piece of its own).
pub const PIECE_BYTES: usize = 1 << 20;

/// A piece of a document: its bytes and, once folded, its fold.
#[derive(Debug)]
struct Piece {
    range: Range<usize>,
    folded: Option<Folded>,
}

/// Folded pieces, by document index, made as searches (or `fold_more`) reach them.
#[derive(Debug, Default)]
pub struct SearchFolds {
    docs: Vec<Option<Vec<Piece>>>,
    /// Documents before this one are folded whole (where `fold_more` goes on).
    folded_up_to: usize,
}

/// A search under way: the query, where it stands, what it has found.
#[derive(Debug, Clone)]
pub struct Scan {
    searcher: Searcher,
    doc: usize,
    piece: usize,
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
            piece: 0,
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

/// `text` cut into pieces of whole lines of about `PIECE_BYTES`.
fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut start = 0usize;
    loop {
        let target = start.saturating_add(PIECE_BYTES);
        let end = match text.as_bytes().get(target..) {
            Some(rest) => memchr::memchr(b'\n', rest).map_or(text.len(), |i| target + i + 1),
            None => text.len(),
        };
        out.push(Piece {
            range: start..end,
            folded: None,
        });
        if end >= text.len() {
            return out;
        }
        start = end;
    }
}

impl SearchFolds {
    /// Forgets every fold (after the corpus is replaced).
    pub fn clear(&mut self) {
        self.docs.clear();
        self.folded_up_to = 0;
    }

    /// Piece `k` of document `i` folded (folding it now if it is not yet), and its bytes.
    fn piece(&mut self, docs: &[Document], i: usize, k: usize) -> Option<(&Folded, Range<usize>)> {
        let text = docs.get(i)?.text.as_str();
        if self.docs.len() < docs.len() {
            self.docs.resize_with(docs.len(), || None);
        }
        let piece = self
            .docs
            .get_mut(i)?
            .get_or_insert_with(|| pieces(text))
            .get_mut(k)?;
        let range = piece.range.clone();
        let folded = piece.folded.get_or_insert_with(|| {
            let mut f = Folded::default();
            f.fold(text.get(range.clone()).unwrap_or(""));
            f
        });
        Some((folded, range))
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
            let (i, k) = (scan.doc, scan.piece);
            let Some(doc) = docs.get(i) else {
                scan.done = true;
                break;
            };
            let Some((folded, range)) = self.piece(docs, i, k) else {
                scan.doc += 1;
                scan.piece = 0;
                continue;
            };
            let text = doc.text.as_str().get(range.clone()).unwrap_or("");
            ranges.clear();
            // One more than the cap says whether there were more.
            let room = MAX_MATCHES + 1 - scan.matches.len();
            scan.searcher
                .find_in_folded_up_to(text, folded, &mut ranges, room);
            let at = range.start;
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
            scan.piece += 1;
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

    /// Folds the pieces not yet folded, in order, while `go_on` says so (asked before each
    /// piece but the first); whether every document is folded.
    pub fn fold_more(&mut self, docs: &[Document], mut go_on: impl FnMut() -> bool) -> bool {
        let mut first = true;
        let mut go_on = move || std::mem::take(&mut first) || go_on();
        while self.folded_up_to < docs.len() {
            let i = self.folded_up_to;
            let mut k = 0;
            loop {
                let folded = self
                    .docs
                    .get(i)
                    .and_then(Option::as_ref)
                    .and_then(|p| p.get(k))
                    .map(|p| p.folded.is_some());
                match folded {
                    Some(true) => k += 1,
                    _ if !go_on() => return false,
                    _ => {
                        if self.piece(docs, i, k).is_none() {
                            break;
                        }
                        k += 1;
                    }
                }
            }
            self.folded_up_to += 1;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::Text;

    fn doc(text: &str) -> Document {
        Document {
            file: "d.txt".into(),
            text: Text::new(text).into(),
            meta: None,
        }
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
            let mut plain = Vec::new();
            for (i, d) in docs.iter().enumerate() {
                let all = searcher.find_in(d.text.as_str());
                plain.extend(all.into_iter().map(|r| (DocId(i), r)));
            }
            let more = plain.len() > MAX_MATCHES;
            plain.truncate(MAX_MATCHES);
            let mut folds = SearchFolds::default();
            let mut scan = Scan::new(searcher.clone());
            let mut steps = 0;
            while !folds.scan(&docs, &mut scan, || false) {
                steps += 1;
            }
            assert!(steps >= 3, "{query}: one piece a step");
            assert_eq!(scan.clone().into_found(), (plain.clone(), more), "{query}");
            assert_eq!(folds.search(&docs, &searcher), (plain, more));
        }
    }

    #[test]
    fn folding_in_steps_folds_every_piece_once() {
        let text = "a\n".repeat(PIECE_BYTES);
        let docs = vec![doc(&text), doc("b"), doc(&text)];
        let mut folds = SearchFolds::default();
        let mut calls = 0;
        while !folds.fold_more(&docs, || false) {
            calls += 1;
        }
        assert!(calls >= 3, "a piece a call");
        let all = folds
            .docs
            .iter()
            .flatten()
            .flatten()
            .all(|p| p.folded.is_some());
        assert!(all);
        assert!(folds.fold_more(&docs, || false));
    }
}
