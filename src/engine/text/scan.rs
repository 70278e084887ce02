//! Branchless scans of UTF-8 bytes by blocks that the compiler vectorises, each position
//! seen with the two bytes after it: what `fold::spelt_in_ascii` and `is_nfc` ask of a
//! whole text, at memory speed rather than a character at a time.

/// The OR of `f(b[k], b[k + 1], b[k + 2])` over every position `k` of `bytes` (bytes past
/// the end read as continuation bytes, 0x80), given up as soon as a block has brought
/// any bit of `stop`. `f` should be written without branches (with [`eq`] and
/// [`at_least`]), so that the loop is vectorised.
// Always inlined, so that a caller compiled for wider vectors (AVX2) compiles it so too.
#[inline(always)]
pub(crate) fn or_of_triples(bytes: &[u8], stop: u8, f: impl Fn(u8, u8, u8) -> u8) -> u8 {
    const BLOCK: usize = 4096;
    let n = bytes.len();
    let (mut start, mut seen) = (0, 0);
    while start + 2 < n {
        let end = (start + BLOCK).min(n - 2);
        let (Some(l), Some(s), Some(t)) = (
            bytes.get(start..end),
            bytes.get(start + 1..end + 1),
            bytes.get(start + 2..end + 2),
        ) else {
            break;
        };
        seen |= l
            .iter()
            .zip(s)
            .zip(t)
            .fold(0, |any, ((&l, &s), &t)| any | f(l, s, t));
        if seen & stop != 0 {
            return seen;
        }
        start = end;
    }
    let at = |k: usize| bytes.get(k).copied().unwrap_or(0x80);
    seen | (start..n).fold(0, |any, k| any | f(at(k), at(k + 1), at(k + 2)))
}

/// All ones when `x == y`: masks, so that the vectorised code needs no conversions.
#[inline(always)]
pub(crate) fn eq(x: u8, y: u8) -> u8 {
    0u8.wrapping_sub(u8::from(x == y))
}

/// All ones when `x >= y`.
#[inline(always)]
pub(crate) fn at_least(x: u8, y: u8) -> u8 {
    0u8.wrapping_sub(u8::from(x >= y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_position_is_seen_with_the_two_bytes_after_it() {
        for n in [0, 1, 2, 3, 4, 4097, 4098, 4099, 9000] {
            let bytes: Vec<u8> = (0..n).map(|k| (k % 251) as u8).collect();
            let near = |k: usize| {
                [0, 4093, 4096, 8189, 8192, n]
                    .iter()
                    .any(|&b| k.abs_diff(b) < 4)
            };
            for k in (0..n).filter(|&k| near(k)) {
                let want = (
                    bytes[k],
                    bytes.get(k + 1).copied(),
                    bytes.get(k + 2).copied(),
                );
                let found = or_of_triples(&bytes, 0, |l, s, t| {
                    let here =
                        l == want.0 && s == want.1.unwrap_or(0x80) && t == want.2.unwrap_or(0x80);
                    u8::from(here)
                });
                assert_eq!(found, 1, "{n} {k}");
            }
        }
    }
}
