//! A suffix array (SA-IS, linear time): every occurrence of any string in a text found by
//! two binary searches, whatever the text repeats. Quotes that the pass of `many.rs`
//! gives up on, when they are many (a text that repeats them everywhere), are placed
//! through it in O(quote · log text) each instead of a scan each.

use std::ops::Range;

/// An empty slot while inducing.
const NONE: u32 = u32::MAX;
/// Below this length, suffixes are simply sorted.
const NAIVE_BELOW: usize = 10;

/// The suffixes of a byte string, in sorted order.
#[derive(Debug)]
pub struct SuffixArray {
    sa: Vec<u32>,
}

impl SuffixArray {
    /// Sorts the suffixes of `text`, or `None` when it is too long for 32-bit offsets.
    pub fn new(text: &[u8]) -> Option<SuffixArray> {
        if text.len() >= NONE as usize {
            return None;
        }
        Some(SuffixArray {
            sa: sa_is(text, usize::from(u8::MAX)),
        })
    }

    /// The slots of the suffixes of `text` (the one it was built on) that begin with
    /// `needle`: their number is the number of occurrences, overlapping ones included.
    pub fn range(&self, text: &[u8], needle: &[u8]) -> Range<usize> {
        let head = |s: u32| {
            let s = s as usize;
            text.get(s..(s + needle.len()).min(text.len()))
                .unwrap_or(&[])
        };
        let lo = self.sa.partition_point(|&s| head(s) < needle);
        // The end by galloping from the start: a quote is usually unique, so this is a
        // step or two instead of a second search over the whole array.
        let rest = &self.sa[lo..];
        let mut step = 1;
        while rest.get(step).is_some_and(|&s| head(s) == needle) {
            step *= 2;
        }
        let window = rest
            .get(step / 2..(step + 1).min(rest.len()))
            .unwrap_or(&[]);
        let hi = lo + step / 2 + window.partition_point(|&s| head(s) == needle);
        lo..hi
    }

    /// The text offsets in `slots` (from `range`), in the array's order.
    pub fn starts(&self, slots: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        self.sa
            .get(slots)
            .unwrap_or(&[])
            .iter()
            .map(|&s| s as usize)
    }
}

/// A symbol of the string being sorted: bytes at the top, ranks in the recursion.
trait Symbol: Copy + Ord {
    fn rank(self) -> usize;
}

impl Symbol for u8 {
    fn rank(self) -> usize {
        usize::from(self)
    }
}

impl Symbol for u32 {
    fn rank(self) -> usize {
        self as usize
    }
}

fn sa_naive<T: Symbol>(s: &[T]) -> Vec<u32> {
    let mut sa: Vec<u32> = (0..s.len() as u32).collect();
    sa.sort_by(|&a, &b| s[a as usize..].cmp(&s[b as usize..]));
    sa
}

/// Bucket boundaries: where the L-type and the S-type suffixes of each symbol begin.
struct Buckets {
    l: Vec<u32>,
    s: Vec<u32>,
}

/// SA-IS (Nong, Zhang and Chan, 2009) over symbols `0..=upper`.
fn sa_is<T: Symbol>(s: &[T], upper: usize) -> Vec<u32> {
    let n = s.len();
    if n < NAIVE_BELOW {
        return sa_naive(s);
    }
    // ls[i]: the suffix at i is S-type (smaller than the one after it).
    let mut ls = vec![false; n];
    for i in (0..n - 1).rev() {
        ls[i] = if s[i] == s[i + 1] {
            ls[i + 1]
        } else {
            s[i] < s[i + 1]
        };
    }
    let mut b = Buckets {
        l: vec![0; upper + 1],
        s: vec![0; upper + 1],
    };
    for i in 0..n {
        if ls[i] {
            // An S-type symbol is below some later one, so it is below `upper`.
            b.l[s[i].rank() + 1] += 1;
        } else {
            b.s[s[i].rank()] += 1;
        }
    }
    for c in 0..=upper {
        b.s[c] += b.l[c];
        if c < upper {
            b.l[c + 1] += b.s[c];
        }
    }
    let is_lms = |i: usize| i > 0 && !ls[i - 1] && ls[i];
    let lms: Vec<u32> = (1..n).filter(|&i| is_lms(i)).map(|i| i as u32).collect();
    let mut sa = vec![NONE; n];
    induce(s, &ls, &b, &lms, &mut sa);
    let m = lms.len();
    if m == 0 {
        return sa;
    }
    // Name the sorted LMS substrings; equal substrings get equal names.
    let mut order = vec![NONE; n];
    for (k, &p) in lms.iter().enumerate() {
        order[p as usize] = k as u32;
    }
    let sorted: Vec<u32> = sa
        .iter()
        .copied()
        .filter(|&v| order[v as usize] != NONE)
        .collect();
    let end = |p: usize| {
        let k = order[p] as usize;
        lms.get(k + 1).map_or(n, |&e| e as usize)
    };
    let mut reduced = vec![0u32; m];
    let mut name = 0u32;
    for w in 0..m {
        let r = sorted[w] as usize;
        if w > 0 {
            let l = sorted[w - 1] as usize;
            let (end_l, end_r) = (end(l), end(r));
            let same =
                end_l - l == end_r - r && end_l < n && end_r < n && s[l..=end_l] == s[r..=end_r];
            if !same {
                name += 1;
            }
        }
        reduced[order[r] as usize] = name;
    }
    drop(order);
    let sorted_lms: Vec<u32> = if (name as usize) + 1 == m {
        // Every name distinct: the reduced string's suffix array is its inverse.
        let mut inverse = vec![0u32; m];
        for (k, &r) in reduced.iter().enumerate() {
            inverse[r as usize] = k as u32;
        }
        inverse.iter().map(|&k| lms[k as usize]).collect()
    } else {
        let rec = sa_is(&reduced, name as usize);
        rec.iter().map(|&k| lms[k as usize]).collect()
    };
    drop(reduced);
    induce(s, &ls, &b, &sorted_lms, &mut sa);
    sa
}

/// Induced sorting: LMS suffixes seeded in the order given, then L-types left to right,
/// then S-types right to left.
fn induce<T: Symbol>(s: &[T], ls: &[bool], b: &Buckets, lms: &[u32], sa: &mut [u32]) {
    let n = s.len();
    sa.fill(NONE);
    let mut buf = b.s.clone();
    for &d in lms {
        let c = s[d as usize].rank();
        sa[buf[c] as usize] = d;
        buf[c] += 1;
    }
    buf.copy_from_slice(&b.l);
    let c = s[n - 1].rank();
    sa[buf[c] as usize] = (n - 1) as u32;
    buf[c] += 1;
    for i in 0..n {
        let v = sa[i];
        if v != NONE && v >= 1 && !ls[v as usize - 1] {
            let c = s[v as usize - 1].rank();
            sa[buf[c] as usize] = v - 1;
            buf[c] += 1;
        }
    }
    buf.copy_from_slice(&b.l);
    for i in (0..n).rev() {
        let v = sa[i];
        if v != NONE && v >= 1 && ls[v as usize - 1] {
            let c = s[v as usize - 1].rank() + 1;
            buf[c] -= 1;
            sa[buf[c] as usize] = v - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// xorshift64: strings over small alphabets, where suffixes share long prefixes.
    fn strings() -> impl Iterator<Item = Vec<u8>> {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..600).map(move |i| {
            let len = (next() % 300) as usize + i % 7;
            let alphabet = 1 + (next() % 4) as u8;
            (0..len)
                .map(|_| b'a' + (next() % u64::from(alphabet)) as u8)
                .collect()
        })
    }

    #[test]
    fn sorts_like_a_plain_sort() {
        let fixed: Vec<Vec<u8>> = [
            "",
            "a",
            "banana",
            "mississippi",
            "abracadabra",
            "aaaaaaaaaaaaaaaaaaaaaaa",
            "abababababababababababab",
            "ba ba ba ba ba ba ba ba ba ba ba",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
        for text in fixed.into_iter().chain(strings()) {
            assert_eq!(
                sa_is(&text, 255),
                sa_naive(&text),
                "{:?}",
                String::from_utf8_lossy(&text)
            );
        }
    }

    #[test]
    fn range_counts_overlapping_occurrences() {
        let text = b"aaaa ba aaa";
        let sa = SuffixArray::new(text).expect("short");
        let mut starts: Vec<usize> = sa.starts(sa.range(text, b"aa")).collect();
        starts.sort_unstable();
        assert_eq!(starts, [0, 1, 2, 8, 9]);
        assert_eq!(sa.range(text, b"ab").len(), 0);
        assert_eq!(sa.range(text, b"a ba a").len(), 1);
        assert_eq!(sa.range(text, b"aaa ").len(), 1);
        assert_eq!(sa.range(text, b"aaaa ba aaaX").len(), 0);
    }
}
