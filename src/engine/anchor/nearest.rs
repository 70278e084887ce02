//! The nearest text to a quote that was not found, so that a curator can repair it in
//! seconds: approximate search (edit distance, at most half the quote's length), run only
//! in windows where the quote's words stand, so a large document stays cheap.

use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;

/// Candidate windows examined at most.
const WINDOWS: usize = 8;
/// Occurrences of one word counted at most.
const HITS_PER_WORD: usize = 2_000;
/// When no word of the quote is found, the whole document is searched only if that costs
/// fewer edit-distance cells than this.
const WHOLE_DOCUMENT_CELLS: usize = 20_000_000;
/// Characters of a quote matched at most: a longer quote is placed by its start, which
/// keeps the search linear in the document whatever the quote (a quote is a clause, not
/// a page).
pub const PATTERN_LIMIT: usize = 160;

/// The closest place to `quote` in `text`: its byte range and edit distance. A quote
/// longer than `PATTERN_LIMIT` characters is placed by its first `PATTERN_LIMIT`.
pub fn nearest(text: &str, quote: &str) -> Option<(Range<usize>, usize)> {
    let quote: Vec<char> = pattern(quote).chars().collect();
    if quote.is_empty() || text.is_empty() {
        return None;
    }
    let budget = quote.len() / 2;
    // First each window's least cost alone (bit-parallel for a short quote), then the
    // place, with its start, only in the first window that has the least of all: the same
    // answer as placing in every window, for a fraction of the work.
    let windows = windows(text, &quote);
    let mut best: Option<(usize, usize)> = None; // (cost, window)
    for (w, window) in windows.iter().enumerate() {
        let chars = window_chars(text, window.clone());
        if let Some(cost) = least_cost(&chars, &quote)
            && best.is_none_or(|(c, _)| cost < c)
        {
            best = Some((cost, w));
        }
    }
    let (cost, w) = best.filter(|&(cost, _)| cost <= budget)?;
    let window = windows.get(w)?.clone();
    best_in(text, window, &quote).filter(|(_, c)| *c == cost)
}

/// The quote as it is matched: white-space runs as one space, its first `PATTERN_LIMIT`
/// characters.
fn pattern(quote: &str) -> String {
    quote
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(PATTERN_LIMIT)
        .collect()
}

/// The distinct words of a pattern that are looked for: those of three characters or
/// more.
fn words(pattern: &str) -> Vec<&str> {
    let mut words: Vec<&str> = pattern
        .split(' ')
        .filter(|w| w.chars().count() >= 3)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// At most what `nearest` costs for `quote` in a text of `text_len` bytes: bytes scanned
/// for its words and cells of edit distance (see `windows` and `least_cost`), so that a
/// caller can bound the work of many searches in one text before doing any.
pub fn cost(text_len: usize, quote: &str) -> usize {
    let quote = pattern(quote);
    let m = quote.chars().count();
    let scanned = words(&quote).len().saturating_mul(text_len);
    // Each window spans five times the quote, and one more is searched for its start.
    let window = (5 * quote.len().max(1)).min(text_len);
    let in_windows = (WINDOWS + 1) * window * m;
    let whole = text_len.saturating_mul(m);
    let whole = if whole <= WHOLE_DOCUMENT_CELLS {
        whole
    } else {
        0
    };
    scanned.saturating_add(in_windows).saturating_add(whole)
}

/// The characters of `text[window]` with their byte offsets, white-space runs as one
/// space.
fn window_chars(text: &str, window: Range<usize>) -> Vec<(usize, char)> {
    let slice = text.get(window.clone()).unwrap_or("");
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(slice.len());
    for (i, c) in slice.char_indices() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' && chars.last().is_some_and(|&(_, p)| p == ' ') {
            continue;
        }
        chars.push((window.start + i, c));
    }
    chars
}

/// The least edit distance between `quote` and any substring of `chars`.
fn least_cost(chars: &[(usize, char)], quote: &[char]) -> Option<usize> {
    if chars.is_empty() {
        return None;
    }
    if quote.len() <= 64 {
        return Some(myers(chars, quote));
    }
    Some(table_least(chars, quote))
}

/// `least_cost` by the table, a column at a time, costs only.
fn table_least(chars: &[(usize, char)], quote: &[char]) -> usize {
    // cost[i]: the best alignment of quote[..i] ending at the current character.
    let m = quote.len();
    let mut cost: Vec<u32> = (0..=m as u32).collect();
    let mut least = u32::MAX;
    for &(_, c) in chars {
        let mut diag = cost[0];
        for i in 1..=m {
            let up = cost[i];
            let value = (diag + u32::from(quote[i - 1] != c))
                .min(up + 1)
                .min(cost[i - 1] + 1);
            diag = up;
            cost[i] = value;
        }
        least = least.min(cost[m]);
    }
    least as usize
}

/// Myers' bit-vector algorithm (1999) for a quote of at most 64 characters: the column
/// of edit distances is two words, updated for each character of the text at once.
fn myers(chars: &[(usize, char)], quote: &[char]) -> usize {
    let m = quote.len();
    let mut peq: HashMap<char, u64> = HashMap::new();
    for (i, &q) in quote.iter().enumerate() {
        *peq.entry(q).or_default() |= 1 << i;
    }
    let last = 1u64 << (m - 1);
    let (mut pv, mut mv, mut score) = (u64::MAX, 0u64, m);
    let mut least = m;
    for &(_, c) in chars {
        let eq = peq.get(&c).copied().unwrap_or(0);
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & last != 0 {
            score += 1;
        } else if mh & last != 0 {
            score -= 1;
        }
        // A match may start anywhere in the text: the top row stays zero.
        let (ph, mh) = (ph << 1, mh << 1);
        pv = mh | !(xv | ph);
        mv = ph & xv;
        least = least.min(score);
    }
    least
}

/// Byte windows of `text` around the places where most words of the quote stand.
fn windows(text: &str, quote: &[char]) -> Vec<Range<usize>> {
    let quote_str: String = quote.iter().collect();
    let span = quote_str.len().max(1);
    let mut votes: HashMap<usize, usize> = HashMap::new();
    for word in words(&quote_str) {
        for hit in memmem::find_iter(text.as_bytes(), word.as_bytes()).take(HITS_PER_WORD) {
            *votes.entry(hit / span).or_default() += 1;
        }
    }
    if votes.is_empty() {
        return if text.len().saturating_mul(quote.len()) <= WHOLE_DOCUMENT_CELLS {
            std::iter::once(0..text.len()).collect()
        } else {
            Vec::new()
        };
    }
    let mut buckets: Vec<(usize, usize)> = votes.into_iter().collect();
    buckets.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    buckets
        .into_iter()
        .take(WINDOWS)
        .map(|(bucket, _)| {
            let start = floor_char(text, (bucket * span).saturating_sub(2 * span));
            let end = floor_char(text, ((bucket + 1) * span + 2 * span).min(text.len()));
            start..end
        })
        .collect()
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Sellers' algorithm: the substring of `text[window]` with the least edit distance to
/// `quote`, where white-space runs in the text count as one space.
fn best_in(text: &str, window: Range<usize>, quote: &[char]) -> Option<(Range<usize>, usize)> {
    text.get(window.clone())?;
    let chars = window_chars(text, window.clone());
    let m = quote.len();
    // cost[i] and start[i]: best alignment of quote[..i] ending at the current text char.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut best: Option<(usize, usize, usize)> = None; // (cost, start char, end char)
    for (j, &(_, c)) in chars.iter().enumerate() {
        let (mut diag_cost, mut diag_start) = (cost[0], start[0]);
        cost[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let (up_cost, up_start) = (cost[i], start[i]);
            let sub = diag_cost + usize::from(quote[i - 1] != c);
            let (mut best_cost, mut best_start) = (sub, diag_start);
            if up_cost + 1 < best_cost {
                (best_cost, best_start) = (up_cost + 1, up_start);
            }
            if cost[i - 1] + 1 < best_cost {
                (best_cost, best_start) = (cost[i - 1] + 1, start[i - 1]);
            }
            (diag_cost, diag_start) = (up_cost, up_start);
            cost[i] = best_cost;
            start[i] = best_start;
        }
        if best.is_none_or(|(b, _, _)| cost[m] < b) {
            best = Some((cost[m], start[m], j + 1));
        }
    }
    let (cost, s, e) = best?;
    let byte_start = chars.get(s).map_or(window.end, |&(b, _)| b);
    let byte_end = chars.get(e).map_or(window.end, |&(b, _)| b);
    let range = byte_start..byte_end;
    let trimmed = text.get(range.clone())?.trim_end();
    Some((range.start..range.start + trimmed.len(), cost))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(text: &str, quote: &str) -> Option<String> {
        nearest(text, quote).map(|(r, _)| text.get(r).unwrap_or_default().to_string())
    }

    #[test]
    fn the_cost_bounds_a_scan_per_word_of_three_characters() {
        let len = 1 << 30;
        // "một", "hai" and "bốn" are scanned for (once each), "ba" is too short.
        let three = cost(len, "một  hai ba\nbốn một");
        assert!(three >= 3 * len && three < 4 * len, "{three}");
        assert!(cost(2 * len, "một hai ba bốn") > three);
        // A short text is searched whole when no word is in it: counted too.
        let m = "zzz qqq".chars().count();
        assert!(cost(1000, "zzz qqq") >= 2 * 1000 + 1000 * m);
        assert_eq!(cost(0, "zzz"), 0);
    }

    #[test]
    fn finds_a_typo() {
        let text = "Thủ tướng yêu cầu tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025, và hơn nữa.";
        assert_eq!(
            near(text, "tăng trưởng kinh tế từ 8.3-8.5% trong năm 2025"),
            Some("tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025".to_string())
        );
    }

    #[test]
    fn finds_the_other_tone_placement() {
        let text = "Việt Nam thúc đẩy hội nhập và hòa bình khu vực.";
        assert_eq!(
            near(text, "hội nhập và hoà bình"),
            Some("hội nhập và hòa bình".to_string())
        );
    }

    #[test]
    fn white_space_in_text_is_folded() {
        let text = "một\n\nhai   ba bốn";
        assert_eq!(
            near(text, "một hai ba bon"),
            Some("một\n\nhai   ba bốn".to_string())
        );
    }

    #[test]
    fn nothing_close_is_none() {
        assert_eq!(near("abcdefgh", "zzzzzzzzzzzz"), None);
        assert_eq!(near("", "x"), None);
    }

    #[test]
    fn the_bit_vector_agrees_with_the_table() {
        let mut x = 0x9E37_79B9u64;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n) as usize
        };
        for _ in 0..2000 {
            let chars: Vec<(usize, char)> = (0..1 + next(80))
                .map(|i| (i, ['a', 'b', 'c', ' ', 'đ'][next(5)]))
                .collect();
            let quote: Vec<char> = (0..1 + next(64))
                .map(|_| ['a', 'b', 'đ', ' '][next(4)])
                .collect();
            assert_eq!(
                myers(&chars, &quote),
                table_least(&chars, &quote),
                "{quote:?} in {chars:?}"
            );
        }
    }
}
