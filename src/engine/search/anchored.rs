//! Finding a query without folding the whole text. Where ASCII alone spells the query's
//! consonants, digits and spaces (`fold::spelt_in_ascii`, most Vietnamese and Indonesian
//! text), the longest run of them is found in the raw bytes with ASCII case ignored, and
//! only the bytes around each place are folded and searched as usual. Every match holds
//! its run, so it lies in the window around it; windows that do not overlap share no
//! match, so the matches come out as folding the whole text finds them (tested so).

use std::ops::Range;

use memchr::memmem;

use super::Searcher;
use crate::engine::text::fold::{Folded, Spaces, ascii_spelt, spelt_in_ascii};

/// Runs shorter than this stand in too many places to be worth it.
const MIN_RUN: usize = 3;
/// Raw bytes of a character that `spelt_in_ascii` lets through, at most; each folds to at
/// least one byte, so `n` folded bytes come from at most `n` times this many raw ones.
const MAX_CHAR: usize = 3;

/// The run of a query to look for, for each way a text may spell a space.
#[derive(Debug, Clone)]
pub(super) struct Anchors {
    ascii_spaces: Option<Run>,
    no_break_spaces: Option<Run>,
}

/// A run of the folded query: where it starts there, and a finder for it.
#[derive(Debug, Clone)]
struct Run {
    offset: usize,
    finder: memmem::Finder<'static>,
}

impl Anchors {
    /// The longest run of `folded` (a query) spelt only in ASCII, avoiding the decimal
    /// `separators` (which match either `.` or `,`).
    pub(super) fn new(folded: &str, separators: &[usize]) -> Anchors {
        let run = |spaces| {
            let bytes = folded.as_bytes();
            let usable = |i: usize| ascii_spelt(bytes[i], spaces) && !separators.contains(&i);
            let (mut best, mut start) = (0..0, 0);
            for i in 0..=bytes.len() {
                if i < bytes.len() && usable(i) {
                    continue;
                }
                if i - start > best.len() {
                    best = start..i;
                }
                start = i + 1;
            }
            (best.len() >= MIN_RUN).then(|| Run {
                offset: best.start,
                finder: memmem::Finder::new(&bytes[best]).into_owned(),
            })
        };
        Anchors {
            ascii_spaces: run(Spaces::Ascii),
            no_break_spaces: run(Spaces::NoBreak),
        }
    }
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
        let run = match spelt_in_ascii(text) {
            Some(Spaces::Ascii) => &self.anchors.ascii_spaces,
            Some(Spaces::NoBreak) => &self.anchors.no_break_spaces,
            None => return false,
        };
        let Some(run) = run else {
            return false;
        };
        lower.clear();
        lower.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
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
    let run_len = run.finder.needle().len();
    let before = MAX_CHAR * run.offset;
    let after = run_len + MAX_CHAR * (query_len - run.offset - run_len);
    let (mut windows, mut covered) = (Vec::<Range<usize>>::new(), 0);
    // Places packed closer than this are given up on before they cost more than the fold.
    let most = text.len() / 32 + 64;
    let mut at = 0;
    // Overlapping places too: a run such as "nhnh" may stand at two places one char apart.
    for _ in 0..most {
        let Some(found) = lower.get(at..).and_then(|rest| run.finder.find(rest)) else {
            return Some(windows);
        };
        let place = at + found;
        at = place + 1;
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
        // With no-break spaces in the text, a space is no longer spelt in ASCII alone.
        let nbsp = text.replace("Phạm Minh", "Phạm\u{a0}Minh");
        assert_eq!(anchored(&searcher, &nbsp), None, "nh / ch are too short");
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
