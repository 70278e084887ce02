//! Every occurrence of a string, overlapping ones included, in time linear in the text
//! whatever either repeats. The next occurrence comes from a SIMD test of two of the
//! string's rarest bytes, each candidate compared while that costs little (a quote is
//! looked for once in a short text, where building a memmem finder costs more than the
//! search); past that budget memmem takes over. After a match, the Knuth-Morris-Pratt
//! table carries on from what is already known to match.

use memchr::memmem;

/// A string to look for, prepared once.
pub struct Needle<'n> {
    bytes: &'n [u8],
    pairs: Option<Pairs>,
}

impl<'n> Needle<'n> {
    pub fn new(bytes: &'n [u8]) -> Needle<'n> {
        Needle {
            bytes,
            pairs: pairs(bytes),
        }
    }

    /// The start of every occurrence in `hay`, in order.
    pub fn find_in<'a>(&'a self, hay: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
        let m = self.bytes.len();
        // `pos`: the next byte to read; `k`: how many bytes of the needle end just before it.
        let (mut pos, mut k) = (0usize, 0usize);
        // The table, made at the first match: most needles match once or not at all.
        let mut border: Vec<usize> = Vec::new();
        let mut next = Next {
            pairs: self.pairs.as_ref(),
            budget: 2 * hay.len() + 64,
            memmem: None,
        };
        std::iter::from_fn(move || {
            if m == 0 {
                return None;
            }
            loop {
                if k == 0 {
                    let at = next.find(self.bytes, hay, pos)?;
                    (pos, k) = (at + m, m);
                }
                if border.is_empty() {
                    border = borders(self.bytes);
                }
                while k < m {
                    let c = *hay.get(pos)?;
                    while k > 0 && self.bytes[k] != c {
                        k = border[k - 1];
                    }
                    if self.bytes[k] == c {
                        k += 1;
                    }
                    pos += 1;
                    if k == 0 {
                        break;
                    }
                }
                if k == m {
                    k = border[m - 1];
                    return Some(pos - m);
                }
            }
        })
    }
}

/// How the next occurrence is found: candidates of the pair test compared while the bytes
/// compared stay within `budget`, then memmem (built once needed).
struct Next<'p, 'n> {
    pairs: Option<&'p Pairs>,
    budget: usize,
    memmem: Option<memmem::Finder<'n>>,
}

impl<'n> Next<'_, 'n> {
    /// The first occurrence of `needle` (not empty) in `hay` from `pos` on.
    fn find(&mut self, needle: &'n [u8], hay: &[u8], mut pos: usize) -> Option<usize> {
        while let Some(pairs) = self.pairs.filter(|_| self.budget > 0) {
            let rest = hay.get(pos..)?;
            if rest.len() < pairs.min_haystack_len() {
                // Shorter than the test reads: a few places to compare at most.
                return rest
                    .windows(needle.len())
                    .position(|w| w == needle)
                    .map(|i| pos + i);
            }
            let candidate = pos + pairs.find_prefilter(rest)?;
            self.budget = self.budget.saturating_sub(needle.len());
            if hay.get(candidate..)?.starts_with(needle) {
                return Some(candidate);
            }
            pos = candidate + 1;
        }
        let finder = self
            .memmem
            .get_or_insert_with(|| memmem::Finder::new(needle));
        Some(pos + finder.find(hay.get(pos..)?)?)
    }
}

#[cfg(target_arch = "x86_64")]
use memchr::arch::x86_64::avx2::packedpair::Finder as Pairs;

/// The pair test for `needle`, where the processor has one and the needle two bytes.
#[cfg(target_arch = "x86_64")]
fn pairs(needle: &[u8]) -> Option<Pairs> {
    Pairs::new(needle)
}

/// Elsewhere memmem does it all.
#[cfg(not(target_arch = "x86_64"))]
enum Pairs {}

#[cfg(not(target_arch = "x86_64"))]
impl Pairs {
    fn min_haystack_len(&self) -> usize {
        match *self {}
    }

    fn find_prefilter(&self, _: &[u8]) -> Option<usize> {
        match *self {}
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn pairs(_: &[u8]) -> Option<Pairs> {
    None
}

/// `border[k]`: the length of the longest proper border of `bytes[..=k]`.
fn borders(bytes: &[u8]) -> Vec<usize> {
    let mut border = vec![0; bytes.len()];
    let mut k = 0;
    for i in 1..bytes.len() {
        while k > 0 && bytes[i] != bytes[k] {
            k = border[k - 1];
        }
        if bytes[i] == bytes[k] {
            k += 1;
        }
        border[i] = k;
    }
    border
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(hay: &[u8], needle: &[u8]) -> Vec<usize> {
        (0..hay.len())
            .filter(|&i| hay[i..].starts_with(needle))
            .collect()
    }

    #[test]
    fn finds_what_a_naive_scan_finds() {
        let cases: [(&[u8], &[u8]); 8] = [
            (b"aaaaa", b"aa"),
            (b"abababab", b"abab"),
            (b"abaabaabaab", b"abaab"),
            (b"xyz", b"xyzw"),
            (b"a a a a a b", b"a a b"),
            (b"", b"a"),
            (b"aab aab aab", b"aab aab"),
            (b"mississippi", b"issi"),
        ];
        for (hay, needle) in cases {
            let found: Vec<usize> = Needle::new(needle).find_in(hay).collect();
            assert_eq!(found, naive(hay, needle), "{needle:?} in {hay:?}");
        }
        // Long enough for the pair test, and repetitive enough to spend its budget.
        let long = b"ab ".repeat(300);
        for needle in [
            &b"ab ab a"[..],
            b"b ab ab ab ab ab ab ab ab ab ab ab ab ab ab a",
            b"zz",
        ] {
            let found: Vec<usize> = Needle::new(needle).find_in(&long).collect();
            assert_eq!(found, naive(&long, needle), "{needle:?}");
        }
        let mut x = 7u32;
        for _ in 0..300 {
            let mut next = || {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (x >> 16) as usize
            };
            let hay: Vec<u8> = (0..next() % 400).map(|_| b"ab "[next() % 3]).collect();
            let needle: Vec<u8> = (0..1 + next() % 5).map(|_| b"ab "[next() % 3]).collect();
            let found: Vec<usize> = Needle::new(&needle).find_in(&hay).collect();
            assert_eq!(found, naive(&hay, &needle), "{needle:?} in {hay:?}");
        }
    }
}
