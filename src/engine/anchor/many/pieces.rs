//! The squeezed text as the pass reads it: squeezed a piece at a time, so that only a
//! piece is held beside the text, with the eight bytes at each offset and the original
//! offset of each.

use std::ops::Range;

use super::super::squeeze::{Stream, original};
use super::keys::{KEY, load};

/// Squeezed bytes made at a time (in tests, few: a piece then ends inside characters,
/// runs and keys).
#[cfg(not(test))]
const PIECE: usize = 1 << 16;
#[cfg(test)]
const PIECE: usize = 5;

pub(super) struct Pieces<'t> {
    stream: Stream<'t>,
    /// Squeezed bytes from offset `base` on.
    bytes: Vec<u8>,
    base: usize,
    /// The shifts of the squeezed text from `base` on, and the last one before.
    shifts: Vec<(usize, usize)>,
    /// Where the offsets handed out so far end.
    next: usize,
}

impl<'t> Pieces<'t> {
    pub(super) fn new(text: &'t str) -> Pieces<'t> {
        Pieces {
            stream: Stream::new(text),
            bytes: Vec::new(),
            base: 0,
            shifts: Vec::new(),
            next: 0,
        }
    }

    /// The next squeezed offsets to read, whose eight bytes [`Pieces::word`] gives
    /// (fewer only at the end of the text); `None` once all are read.
    pub(super) fn advance(&mut self) -> Option<Range<usize>> {
        // What is read goes, but for the bytes the next offsets' words still need.
        self.bytes.drain(..self.next - self.base);
        self.base = self.next;
        let before = self.shifts.partition_point(|&(s, _)| s <= self.base);
        self.shifts.drain(..before.saturating_sub(1));
        let room = (PIECE + KEY).saturating_sub(self.bytes.len());
        self.stream.fill(&mut self.bytes, &mut self.shifts, room);
        let end = self.base + self.bytes.len();
        let end = if self.stream.done() {
            end
        } else {
            end - (KEY - 1).min(self.bytes.len())
        };
        let from = self.base;
        self.next = end;
        (end > from).then_some(from..end)
    }

    /// Where the squeezed bytes read so far end.
    pub(super) fn end(&self) -> usize {
        self.base + self.bytes.len()
    }

    /// The eight squeezed bytes from `at`, one of the offsets last handed out.
    pub(super) fn word(&self, at: usize) -> u64 {
        load(&self.bytes, at - self.base)
    }

    /// The original offset of `at`, one of the offsets last handed out.
    pub(super) fn original(&self, at: usize) -> usize {
        original(&self.shifts, at)
    }
}
