//! A document laid out at one width, lazily: its lines cut into blocks of about
//! [`BLOCK_BYTES`], a block wrapped only when one of its rows is asked for (what the screen
//! needs), the others counted by an estimate until [`Layout::wrap_more`] makes them exact
//! in the background. A block is whole lines wrapped by the engine's one wrapper
//! ([`wrap_line`]), so its rows are exactly those the whole text would have; a line longer
//! than a block is cut into segments of about a block (`cuts.rs`), each a block wrapped on
//! its own, so any place of a huge line costs one segment to reach, from above or below.
//! Places are rows ([`RowId`]) found from byte offsets, never row numbers kept across
//! changes.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use crate::engine::text::Text;
use crate::engine::text::wrap::wrap_line;

mod cuts;
mod laid_out;
#[cfg(test)]
mod tests;

pub use laid_out::LaidOut;

/// Bytes of text in a block (whole lines, or a segment of a longer line).
pub const BLOCK_BYTES: usize = 64 << 10;

/// A row of a layout: its block and its index there. Rows compare in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowId {
    block: usize,
    row: usize,
}

#[derive(Debug)]
struct Block {
    /// The lines (0-based indices) it holds, whole or (a segment) in part.
    lines: Range<usize>,
    /// Byte where it starts: its first line's start, or its segment's.
    start: usize,
    /// Bytes it spans, up to the next block.
    len: usize,
    /// Its rows once wrapped, as byte ranges of the whole text.
    rows: Vec<Range<usize>>,
    done: bool,
}

/// One document's rows at one width, wrapped block by block as they are needed.
#[derive(Debug)]
pub struct Layout {
    width: usize,
    blocks: RefCell<Vec<Block>>,
    /// Rows and bytes of text wrapped so far (the estimate's ratio).
    wrapped: Cell<(usize, usize)>,
    /// Blocks before this one are all wrapped (where `wrap_more` goes on).
    scan: Cell<usize>,
}

impl Layout {
    /// `text`'s lines cut into blocks for `width` columns; nothing wrapped yet.
    pub fn new(text: &Text, width: u16) -> Layout {
        Layout::with_block_bytes(text, width, BLOCK_BYTES)
    }

    /// Like `new` with blocks of about `block_bytes` (small ones for tests).
    pub fn with_block_bytes(text: &Text, width: u16, block_bytes: usize) -> Layout {
        let blocks = spans(text, block_bytes)
            .into_iter()
            .map(|(lines, bytes)| Block {
                lines,
                start: bytes.start,
                len: bytes.len(),
                rows: Vec::new(),
                done: false,
            })
            .collect();
        Layout {
            width: usize::from(width).max(1),
            blocks: RefCell::new(blocks),
            wrapped: Cell::new((0, 0)),
            scan: Cell::new(0),
        }
    }

    /// Bytes of memory its rows take.
    pub fn bytes(&self) -> usize {
        let blocks = self.blocks.borrow();
        let rows: usize = blocks
            .iter()
            .map(|b| b.rows.capacity() * std::mem::size_of::<Range<usize>>())
            .sum();
        rows + blocks.len() * std::mem::size_of::<Block>()
    }

    /// Whether every block is wrapped (then counts and percents are exact).
    pub fn is_exact(&self) -> bool {
        self.scan.get() >= self.blocks.borrow().len()
    }

    /// Wraps what is not yet wrapped, in order, a block at a time until `more` says stop (asked before each but the first); whether every block
    /// is now wrapped.
    pub fn wrap_more(&self, text: &Text, mut more: impl FnMut() -> bool) -> bool {
        let mut first = true;
        loop {
            let k = self.scan.get();
            if k >= self.blocks.borrow().len() {
                return true;
            }
            if !std::mem::take(&mut first) && !more() {
                return false;
            }
            self.wrap_step(text, k);
        }
    }

    /// How many rows block `k` has, wrapping it if it is not yet.
    fn rows_in(&self, text: &Text, k: usize) -> usize {
        let done = self.blocks.borrow().get(k).map(|b| b.done);
        if done == Some(false) {
            self.wrap_step(text, k);
        }
        self.blocks.borrow().get(k).map_or(0, |b| b.rows.len())
    }

    /// Wraps block `k`: each of its lines, or the part of its line it holds.
    fn wrap_step(&self, text: &Text, k: usize) {
        let Some((lines, bytes)) = self
            .blocks
            .borrow()
            .get(k)
            .filter(|b| !b.done)
            .map(|b| (b.lines.clone(), b.start..b.start + b.len))
        else {
            return;
        };
        let mut rows = Vec::new();
        for line in lines {
            let r = text.line_range(line);
            let part = r.start.max(bytes.start)..r.end.min(bytes.end);
            let s = text.as_str().get(part.clone()).unwrap_or("");
            rows.extend(
                wrap_line(s, self.width)
                    .into_iter()
                    .map(|x| x.start + part.start..x.end + part.start),
            );
        }
        rows.shrink_to_fit();
        let (seen_rows, seen_bytes) = self.wrapped.get();
        self.wrapped
            .set((seen_rows + rows.len(), seen_bytes + bytes.len()));
        if let Some(b) = self.blocks.borrow_mut().get_mut(k) {
            b.rows = rows;
            b.done = true;
        }
        while self
            .blocks
            .borrow()
            .get(self.scan.get())
            .is_some_and(|b| b.done)
        {
            self.scan.set(self.scan.get() + 1);
        }
    }

    /// Rows of block `b`, counted once wrapped, else estimated from what is wrapped so far
    /// (at least one a line).
    fn count_of(&self, b: &Block) -> usize {
        if b.done {
            return b.rows.len();
        }
        let lines = b.lines.len();
        let estimate = match self.wrapped.get() {
            (rows, bytes) if bytes > 0 => b.len.saturating_mul(rows) / bytes,
            _ => b.len / self.width + lines,
        };
        estimate.max(lines)
    }
}

/// The blocks of `text`: (lines, bytes) of whole lines of about `block_bytes` together,
/// or of a segment of a longer line (`cuts.rs`); in order, covering the text.
fn spans(text: &Text, block_bytes: usize) -> Vec<(Range<usize>, Range<usize>)> {
    let lines = text.line_count();
    let mut spans = Vec::new();
    let mut first = 0;
    while first < lines {
        let start = text.line_range(first).start;
        // The line holding the byte a block's length on, and the lines before it.
        let target = start.saturating_add(block_bytes.max(1));
        let next = text.line_index(target).clamp(first + 1, lines);
        let next = if target >= text.len() { lines } else { next };
        let end = if next >= lines {
            text.len()
        } else {
            text.line_range(next).start
        };
        let line = text.line_range(first);
        if next == first + 1 && line.len() > block_bytes {
            // A line longer than a block: its segments.
            let s = text.as_str().get(line.clone()).unwrap_or("");
            let mut from = start;
            for cut in cuts::cuts(s, block_bytes) {
                spans.push((first..next, from..line.start + cut));
                from = line.start + cut;
            }
            spans.push((first..next, from..end));
        } else {
            spans.push((first..next, start..end));
        }
        first = next;
    }
    spans
}
