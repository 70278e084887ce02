//! The squeezed text as the pass reads it: squeezed a piece at a time, so that only a
//! window of it is held beside the text (a piece and a margin on either side, as long as
//! the longest quote with its context: whatever a check at an offset handed out compares
//! is in the window), with the original offset of each of its bytes.

use std::ops::Range;

use super::super::squeeze::{Shift, Stream, original};
use super::keys::{KEY, load};

/// Squeezed bytes handed out at a time (in tests, few: a piece then ends inside
/// characters, runs and keys).
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
    shifts: Vec<Shift>,
    /// Where the offsets handed out so far end.
    next: usize,
    /// Bytes kept before and made after the offsets handed out.
    margin: usize,
}

impl<'t> Pieces<'t> {
    /// The squeezed `text`, with `margin` bytes on either side of the offsets handed out.
    pub(super) fn new(text: &'t str, margin: usize) -> Pieces<'t> {
        Pieces {
            stream: Stream::new(text),
            bytes: Vec::new(),
            base: 0,
            shifts: Vec::new(),
            next: 0,
            margin,
        }
    }

    /// The next squeezed offsets to read; `None` once all are read. The window holds the
    /// `margin` bytes before the first of them (or the start) and those after the last
    /// (or the end), and the eight bytes of each.
    pub(super) fn advance(&mut self) -> Option<Range<usize>> {
        // What no offset to come needs goes.
        let keep = self.next.saturating_sub(self.margin).max(self.base);
        self.bytes.drain(..keep - self.base);
        self.base = keep;
        let before = self
            .shifts
            .partition_point(|&(s, _)| s as usize <= self.base);
        self.shifts.drain(..before.saturating_sub(1));
        let want = (self.next - self.base) + PIECE + self.margin + KEY;
        let room = want.saturating_sub(self.bytes.len());
        self.stream.fill(&mut self.bytes, &mut self.shifts, room);
        let end = self.end();
        let to = if self.stream.done() {
            end
        } else {
            // Not done: `want` bytes at least are held.
            end - self.margin - (KEY - 1)
        };
        let from = self.next;
        self.next = to.max(from);
        (to > from).then_some(from..to)
    }

    /// Where the squeezed bytes read so far end.
    pub(super) fn end(&self) -> usize {
        self.base + self.bytes.len()
    }

    /// The window: its bytes, and the squeezed offset of the first.
    pub(super) fn window(&self) -> (&[u8], usize) {
        (&self.bytes, self.base)
    }

    /// The eight squeezed bytes from `at`, one of the offsets last handed out.
    pub(super) fn word(&self, at: usize) -> u64 {
        load(&self.bytes, at - self.base)
    }

    /// The original offset of squeezed offset `at`, in the window.
    pub(super) fn original(&self, at: usize) -> usize {
        original(&self.shifts, at)
    }
}
