//! Finding a query without folding the whole text. Where ASCII alone spells the query's
//! consonants, digits and spaces (`fold::spelt_in_ascii`, most Vietnamese and Indonesian
//! text), the longest run of them is found in the raw bytes with ASCII case ignored (in a
//! text with no-break spaces, each space of the run spelt either way), and only the bytes
//! around each place are folded and searched as usual. Every match holds
//! its run, so it lies in the window around it; windows that do not overlap share no
//! match, so the matches come out as folding the whole text finds them (tested so).

use std::ops::Range;

use memchr::memmem;

use super::Searcher;
use crate::engine::text::fold::{Folded, Spaces, ascii_spelt, spelt_in_ascii_lowering};

/// Runs shorter than this stand in too many places to be worth it.
const MIN_RUN: usize = 3;
/// Raw bytes of a character that `spelt_in_ascii` lets through, at most; each folds to at
/// least one byte, so `n` folded bytes come from at most `n` times this many raw ones.
const MAX_CHAR: usize = 3;
/// Spaces in a run looked for in a text with no-break spaces, at most: each may be spelt
/// either way, so a run has up to 2 to the power of this many spellings.
const MAX_SPACES: usize = 2;

/// The run of a query to look for, for each way a text may spell a space.
#[derive(Debug, Clone)]
pub(super) struct Anchors {
    ascii_spaces: Option<Run>,
    no_break_spaces: Option<Run>,
}

/// A run of the folded query: where it starts there, its length there, and a finder for
/// each spelling.
#[derive(Debug, Clone)]
struct Run {
    offset: usize,
    len: usize,
    finders: Vec<memmem::Finder<'static>>,
}

impl Anchors {
    /// The longest run of `folded` (a query) spelt only in ASCII, avoiding the decimal
    /// `separators` (which match either `.` or `,`); in a text with no-break spaces, a
    /// space spelt either way, and at most `MAX_SPACES` of them.
    pub(super) fn new(folded: &str, separators: &[usize]) -> Anchors {
        let bytes = folded.as_bytes();
        let usable = |i: usize| ascii_spelt(bytes[i], Spaces::Ascii) && !separators.contains(&i);
        let run = |max_spaces| {
            let best = longest_run(bytes, usable, max_spaces);
            let needle = bytes.get(best.clone())?;
            (best.len() >= MIN_RUN).then(|| Run {
                offset: best.start,
                len: best.len(),
                finders: spellings(needle)
                    .iter()
                    .map(|s| memmem::Finder::new(s).into_owned())
                    .collect(),
            })
        };
        Anchors {
            ascii_spaces: run(usize::MAX),
            no_break_spaces: run(MAX_SPACES),
        }
    }
}

/// The longest stretch of `bytes` where every byte is `usable`, with at most
/// `max_spaces` spaces; in one pass.
fn longest_run(bytes: &[u8], usable: impl Fn(usize) -> bool, max_spaces: usize) -> Range<usize> {
    let (mut best, mut start, mut spaces) = (0..0, 0, 0);
    for end in 0..bytes.len() {
        if !usable(end) {
            (start, spaces) = (end + 1, 0);
            continue;
        }
        if bytes[end] == b' ' {
            spaces += 1;
            while spaces > max_spaces {
                spaces -= usize::from(bytes[start] == b' ');
                start += 1;
            }
        }
        if end + 1 - start > best.len() {
            best = start..end + 1;
        }
    }
    best
}

/// `run` with each of its spaces spelt as a space or as a no-break space.
fn spellings(run: &[u8]) -> Vec<Vec<u8>> {
    let mut all = vec![Vec::new()];
    for &b in run {
        if b == b' ' {
            let nbsp = all
                .iter()
                .map(|s| [s.as_slice(), "\u{a0}".as_bytes()].concat());
            let nbsp: Vec<Vec<u8>> = nbsp.collect();
            all.iter_mut().for_each(|s| s.push(b' '));
            all.extend(nbsp);
        } else {
            all.iter_mut().for_each(|s| s.push(b));
        }
    }
    all
}

impl Searcher {
    /// Every match in `text` (valid UTF-8), as `find_in_folded` finds them in the whole
    /// text folded, found around the places of the query's anchor run; `false` (and `out`
    /// untouched) when the text or the query has no anchor to go by, or when its places
    /// are so many that folding the whole text is cheaper. `lower` and `folded` are
    /// buffers reused from call to call.
    pub(super) fn find_anchored(
        &self,
        text: &str,
        lower: &mut Vec<u8>,
        folded: &mut Folded,
        out: &mut Vec<Range<usize>>,
    ) -> bool {
        if self.anchors.ascii_spaces.is_none() && self.anchors.no_break_spaces.is_none() {
            return false;
        }
        // The text lower-cased in the same pass as it is checked.
        let run = match spelt_in_ascii_lowering(text, lower) {
            Some(Spaces::Ascii) => &self.anchors.ascii_spaces,
            Some(Spaces::NoBreak) => &self.anchors.no_break_spaces,
            None => return false,
        };
        let Some(run) = run else {
            return false;
        };
        let Some(windows) = windows(text, lower, run, self.folded.len()) else {
            return false;
        };
        for window in windows {
            let Some(part) = text.get(window.clone()) else {
                continue;
            };
            folded.fold(part);
            let from = out.len();
            self.find_in_folded(part, folded, out);
            for range in out.get_mut(from..).unwrap_or_default() {
                *range = range.start + window.start..range.end + window.start;
            }
        }
        true
    }
}

/// The windows of `text` (char-aligned, merged where they overlap or touch) that hold
/// every match of a query of `query_len` folded bytes whose `run` stands at the places
/// found in `lower` (the text with ASCII lower-cased); `None` once they would cover more
/// than half the text, or the places are more than one in 32 bytes (a hostile text of
/// one letter repeated stays linear and cheap).
fn windows(text: &str, lower: &[u8], run: &Run, query_len: usize) -> Option<Vec<Range<usize>>> {
    // The next place of each spelling, taken in order.
    let next = |finder: &memmem::Finder, at: usize| {
        lower
            .get(at..)
            .and_then(|rest| finder.find(rest))
            .map(|found| at + found)
    };
    let mut ahead: Vec<Option<usize>> = run.finders.iter().map(|f| next(f, 0)).collect();
    let (mut windows, mut covered) = (Vec::<Range<usize>>::new(), 0);
    // Places packed closer than this are given up on before they cost more than the fold.
    let most = text.len() / 32 + 64;
    for _ in 0..most {
        let Some((k, place)) = ahead
            .iter()
            .enumerate()
            .filter_map(|(k, p)| Some((k, (*p)?)))
            .min_by_key(|&(_, p)| p)
        else {
            return Some(windows);
        };
        let finder = run.finders.get(k)?;
        // Overlapping places too: a run such as "nhnh" may stand at two places one char apart.
        ahead[k] = next(finder, place + 1);
        let before = MAX_CHAR * run.offset;
        let rest = query_len.saturating_sub(run.offset + run.len);
        let after = finder.needle().len() + MAX_CHAR * rest;
        let mut start = place.saturating_sub(before);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (place + after).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        match windows.last_mut() {
            Some(last) if start <= last.end => {
                covered += end.saturating_sub(last.end);
                last.end = last.end.max(end);
            }
            _ => {
                covered += end - start;
                windows.push(start..end);
            }
        }
        if covered > text.len() / 2 {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn anchored(searcher: &Searcher, text: &str) -> Option<Vec<Range<usize>>> {
        let mut out = Vec::new();
        searcher
            .find_anchored(text, &mut Vec::new(), &mut Folded::default(), &mut out)
            .then_some(out)
    }

    #[test]
    fn the_anchor_is_the_longest_run_spelt_in_ascii() {
        let searcher = Searcher::new("Phạm Minh Chính").unwrap();
        let filler = "Hội nghị diễn ra sáng nay tại Hà Nội, với sự tham dự của đại biểu. ";
        let names = "Thủ tướng Phạm Minh Chính nói; PHAM MINH CHINH, pham minh chính. ";
        let text = format!("{}{names}", filler.repeat(3)).repeat(40);
        let found = anchored(&searcher, &text).expect("anchored");
        assert_eq!(found, searcher.find_in(&text));
        assert_eq!(
            found.len(),
            40,
            "the marked query matches its own marks only"
        );
        // With no-break spaces in the text, a space in the run is looked for either way.
        let nbsp = text.replace("Phạm Minh", "Phạm\u{a0}Minh");
        let found = anchored(&searcher, &nbsp).expect("nh ch, either space");
        assert_eq!((found.len(), &found), (40, &searcher.find_in(&nbsp)));
        let spaced = nbsp.replace("Minh Chính", "Minh\u{a0}Chính");
        let found = anchored(&searcher, &spaced).expect("nh\u{a0}ch");
        assert_eq!((found.len(), &found), (40, &searcher.find_in(&spaced)));
        let within_words = Searcher::new("hội nghị").unwrap();
        let found = anchored(&within_words, &nbsp).expect("ngh is a run");
        assert_eq!((found.len(), found), (120, within_words.find_in(&nbsp)));
    }

    #[test]
    fn texts_and_queries_it_cannot_go_by_are_left_to_the_whole_fold() {
        let searcher = Searcher::new("minh chinh").unwrap();
        let filler = "Hội nghị diễn ra sáng nay tại Hà Nội, với sự tham dự của đại biểu. ";
        let text = format!("Minh Chính {filler}");
        let found = anchored(&searcher, &text).expect("anchored");
        assert_eq!(found.first(), Some(&(0..11)));
        assert_eq!(found.len(), 1);
        assert_eq!(
            anchored(&searcher, &format!("ç{text}")),
            None,
            "ç is not let through"
        );
        assert_eq!(
            anchored(&Searcher::new("ai").unwrap(), "ai ai"),
            None,
            "no run"
        );
        let dense = "nh ch ".repeat(100);
        assert_eq!(anchored(&searcher, &dense), None, "places everywhere");
        let repeated = "n".repeat(1 << 20);
        assert_eq!(anchored(&Searcher::new("nnn").unwrap(), &repeated), None);
    }

    /// Random pieces between long stretches with no anchor, so that most texts are
    /// searched by their anchors rather than left to the whole fold.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "nh",
            "ch",
            "n",
            "h",
            "c",
            "m",
            "p",
            "P",
            "H",
            "N",
            "C",
            "g",
            "t",
            "r",
            " ",
            " ",
            "\u{a0}",
            "a",
            "á",
            "ạ",
            "i",
            "í",
            "I",
            "o",
            "ồ",
            "đ",
            "Đ",
            "\n",
            "ç",
            "–",
            "“",
            ",",
            ".",
            "8",
            "3",
            "Hội nghị diễn ra sáng nay tại Hà Nội, với sự tham dự. ",
            "Phạm Minh Chính",
            "pham minh chinh",
            "NH CH",
            "ng tr",
            "nhnh",
            "đồng",
            "8,3",
            "Phạm\u{a0}Minh Chính",
            "pham\u{a0}minh\u{a0}chinh",
            "nh\u{a0}ch",
            "\u{a0}\u{a0}",
        ]);
        let part = prop::collection::vec(pieces, 0..12).prop_map(|p| p.concat());
        prop::collection::vec(part, 0..8)
            .prop_map(|parts| parts.join(&"Ơ ư ể – ố, ờ ạ ấ ộ “ề” ọ. ".repeat(8)))
    }

    fn query() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "nh ch",
            "minh chinh",
            "Phạm Minh",
            "pham minh chinh",
            "Phạm Minh Chính",
            "ng tr",
            "nhnh",
            "nh nh",
            "hch",
            "8.3 nh",
            "nh 8,3",
            "đồng nh",
            "m m",
            "NH CH",
            "a",
            "dong",
            "nh ch nh",
            "m m m ch",
            "pham minh chinh nh",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn anchored_finds_what_the_whole_fold_finds(text in text(), query in query()) {
            let searcher = Searcher::new(&query).unwrap();
            if let Some(found) = anchored(&searcher, &text) {
                prop_assert_eq!(found, searcher.find_in(&text), "{:?} in {:?}", query, text);
            }
        }
    }
}
