//! Branchless scans of UTF-8 bytes by blocks that the compiler vectorises, each position
//! seen with the two bytes after it: what `fold::spelt_in_ascii` and `is_nfc` ask of a
//! whole text, at memory speed rather than a character at a time; and the one place
//! where a scan is compiled for wider vectors than every x86-64 has, run where the CPU
//! has them (`widest_compiled!`).

use std::sync::atomic::{AtomicU8, Ordering};

/// The vectors a scan is compiled for: the SSE2 every x86-64 has, AVX2, or AVX-512 with
/// its byte instructions (64 bytes at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Width {
    Base,
    Avx2,
    Avx512,
}

/// The widest `Width` this CPU has, no wider than [`cap_width`] allows.
pub(crate) fn widest() -> Width {
    let cap = CAP.load(Ordering::Relaxed);
    #[cfg(target_arch = "x86_64")]
    {
        if cap >= Width::Avx512 as u8 && std::arch::is_x86_feature_detected!("avx512bw") {
            return Width::Avx512;
        }
        if cap >= Width::Avx2 as u8 && std::arch::is_x86_feature_detected!("avx2") {
            return Width::Avx2;
        }
    }
    let _ = cap;
    Width::Base
}

static CAP: AtomicU8 = AtomicU8::new(Width::Avx512 as u8);

/// Makes [`widest`] say no wider than `width`, for tests of each compilation; returns the
/// cap it replaces.
#[cfg(test)]
pub(crate) fn cap_width(width: Width) -> Width {
    match CAP.swap(width as u8, Ordering::Relaxed) {
        0 => Width::Base,
        1 => Width::Avx2,
        _ => Width::Avx512,
    }
}

/// Runs `f` with every `Width` this CPU has, narrowest first, each as the widest (a
/// compilation the CPU lacks is left out). The cap is shared by the whole process, so
/// the tests that change it hold a lock; others meanwhile only run narrower code, which
/// gives the same results.
#[cfg(test)]
pub(crate) fn each_width(mut f: impl FnMut(Width)) {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _held = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    for width in [Width::Base, Width::Avx2, Width::Avx512] {
        let before = cap_width(width);
        let had = widest() == width;
        if had {
            f(width);
        }
        cap_width(before);
    }
}

/// `fn name(args) -> T { body }`, its body compiled three times (for each [`Width`]) and
/// run as the widest the CPU has: the loops of a scan written as plain safe code (what it
/// calls `#[inline(always)]`) come out 16, 32 or 64 bytes at a time.
macro_rules! widest_compiled {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) -> $ret {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f,avx512bw")]
                fn avx512($($arg: $ty),*) -> $ret $body
                #[target_feature(enable = "avx2")]
                fn avx2($($arg: $ty),*) -> $ret $body
                match $crate::engine::text::scan::widest() {
                    // SAFETY: each needs its CPU features and nothing else, and `widest`
                    // says the CPU has them; their bodies are safe code.
                    $crate::engine::text::scan::Width::Avx512 => return unsafe { avx512($($arg),*) },
                    $crate::engine::text::scan::Width::Avx2 => return unsafe { avx2($($arg),*) },
                    $crate::engine::text::scan::Width::Base => {}
                }
            }
            $body
        }
    };
}
pub(crate) use widest_compiled;

/// The OR of `f(b[k], b[k + 1], b[k + 2])` over every position `k` of `bytes` (bytes past
/// the end read as continuation bytes, 0x80), given up as soon as a block has brought
/// any bit of `stop`. `f` should be written without branches (with [`eq`] and
/// [`at_least`]), so that the loop is vectorised.
// Always inlined, so that a caller compiled for wider vectors compiles it so too.
#[inline(always)]
pub(crate) fn or_of_triples(bytes: &[u8], stop: u8, f: impl Fn(u8, u8, u8) -> u8) -> u8 {
    or_of_triples_then(bytes, stop, f, |_| {})
}

/// [`or_of_triples`], handing `then` each block of `bytes` once it is seen (every byte
/// once, in order, up to the block that brought a bit of `stop`), so that a second pass
/// over a text can be made while its block is still in the cache.
#[inline(always)]
pub(crate) fn or_of_triples_then(
    bytes: &[u8],
    stop: u8,
    f: impl Fn(u8, u8, u8) -> u8,
    mut then: impl FnMut(&[u8]),
) -> u8 {
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
        then(l);
        if seen & stop != 0 {
            return seen;
        }
        start = end;
    }
    let at = |k: usize| bytes.get(k).copied().unwrap_or(0x80);
    then(bytes.get(start..).unwrap_or_default());
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
