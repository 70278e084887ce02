//! Every occurrence of a string, overlapping ones included, in time linear in the text
//! whatever either repeats: memmem jumps to the next match, and after a match the
//! Knuth-Morris-Pratt table carries on from what is already known to match.

use memchr::memmem;

/// A string to look for, prepared once.
pub struct Needle<'n> {
    bytes: &'n [u8],
    finder: memmem::Finder<'n>,
}

impl<'n> Needle<'n> {
    pub fn new(bytes: &'n [u8]) -> Needle<'n> {
        Needle {
            bytes,
            finder: memmem::Finder::new(bytes),
        }
    }

    /// The start of every occurrence in `hay`, in order.
    pub fn find_in<'a>(&'a self, hay: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
        let m = self.bytes.len();
        // `pos`: the next byte to read; `k`: how many bytes of the needle end just before it.
        let (mut pos, mut k) = (0usize, 0usize);
        // The table, made at the first match: most needles match once or not at all.
        let mut border: Vec<usize> = Vec::new();
        std::iter::from_fn(move || {
            if m == 0 {
                return None;
            }
            loop {
                if k == 0 {
                    let at = pos + self.finder.find(hay.get(pos..)?)?;
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
        let mut x = 7u32;
        for _ in 0..300 {
            let mut next = || {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (x >> 16) as usize
            };
            let hay: Vec<u8> = (0..next() % 60).map(|_| b"ab "[next() % 3]).collect();
            let needle: Vec<u8> = (0..1 + next() % 5).map(|_| b"ab "[next() % 3]).collect();
            let found: Vec<usize> = Needle::new(&needle).find_in(&hay).collect();
            assert_eq!(found, naive(&hay, &needle), "{needle:?} in {hay:?}");
        }
    }
}
