//! A document laid out at one width, lazily: its lines cut into blocks of about
//! [`BLOCK_BYTES`], a block wrapped only when one of its rows is asked for (what the screen
//! needs), the others counted by an estimate until [`Layout::wrap_more`] makes them exact
//! in the background. A block is whole lines wrapped by the engine's one wrapper
//! ([`wrap_line`]), so its rows are exactly those the whole text would have; a line longer
//! than a block is a block of its own, wrapped a piece at a time from its start (first-fit
//! wrapping can resume at any row's start), so a huge line costs what is shown of it.
//! Places are rows ([`RowId`]) found from byte offsets, never row numbers kept across
//! changes.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use crate::engine::text::Text;
use crate::engine::text::wrap::wrap_line;

mod laid_out;
mod pieces;

pub use laid_out::LaidOut;

/// Bytes of text in a block (whole lines, so a longer line is a block of its own).
pub const BLOCK_BYTES: usize = 64 << 10;

/// A row of a layout: its block and its index there. Rows compare in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowId {
    block: usize,
    row: usize,
}

#[derive(Debug)]
struct Block {
    /// The lines (0-based indices) it holds.
    lines: Range<usize>,
    /// Byte where its first line starts.
    start: usize,
    /// Bytes it spans.
    len: usize,
    /// Its rows wrapped so far, as byte ranges of the whole text.
    rows: Vec<Range<usize>>,
    /// Where wrapping goes on (the start of a row not wrapped yet); `None` once every row
    /// is wrapped.
    resume: Option<usize>,
}

impl Block {
    fn done(&self) -> bool {
        self.resume.is_none()
    }
}

/// One document's rows at one width, wrapped block by block as they are needed.
#[derive(Debug)]
pub struct Layout {
    width: usize,
    block_bytes: usize,
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
        let lines = text.line_count();
        let mut blocks = Vec::new();
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
            blocks.push(Block {
                lines: first..next,
                start,
                len: end - start,
                rows: Vec::new(),
                resume: Some(start),
            });
            first = next;
        }
        Layout {
            width: usize::from(width).max(1),
            block_bytes: block_bytes.max(1),
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

    /// Wraps what is not yet wrapped, in order, a block (or a piece of a long line) at a
    /// time until `more` says stop (asked before each but the first); whether every block
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

    /// How many rows block `k` has, wrapping all of it if it is not yet.
    fn rows_in(&self, text: &Text, k: usize) -> usize {
        self.rows_until(text, k, |_| false)
    }

    /// Wraps block `k` on until `enough` says so of it, or it is all wrapped; how many of
    /// its rows are wrapped then.
    fn rows_until(&self, text: &Text, k: usize, enough: impl Fn(&Block) -> bool) -> usize {
        loop {
            let (done, n) = match self.blocks.borrow().get(k) {
                Some(b) => (b.done() || enough(b), b.rows.len()),
                None => return 0,
            };
            if done {
                return n;
            }
            self.wrap_step(text, k);
        }
    }

    /// Wraps more of block `k`: all of it, or for a line longer than a block the next
    /// piece of it.
    fn wrap_step(&self, text: &Text, k: usize) {
        let Some((lines, end, resume)) = self.blocks.borrow().get(k).and_then(|b| {
            let resume = b.resume?;
            Some((b.lines.clone(), b.start + b.len, resume))
        }) else {
            return;
        };
        let mut rows = Vec::new();
        // A line of its own (a long one, or begun): a piece of it, from where it stopped.
        let next = if lines.len() == 1 {
            let line = text.line_range(lines.start);
            let s = text.as_str().get(line.clone()).unwrap_or("");
            let (got, next) =
                pieces::wrap_piece(s, resume - line.start, self.width, self.block_bytes);
            rows.extend(
                got.into_iter()
                    .map(|r| r.start + line.start..r.end + line.start),
            );
            next.map(|n| n + line.start)
        } else {
            for line in lines {
                let r = text.line_range(line);
                let s = text.as_str().get(r.clone()).unwrap_or("");
                rows.extend(
                    wrap_line(s, self.width)
                        .into_iter()
                        .map(|x| x.start + r.start..x.end + r.start),
                );
            }
            None
        };
        let (seen_rows, seen_bytes) = self.wrapped.get();
        let bytes = next.unwrap_or(end).saturating_sub(resume);
        self.wrapped
            .set((seen_rows + rows.len(), seen_bytes + bytes));
        if let Some(b) = self.blocks.borrow_mut().get_mut(k) {
            b.rows.extend(rows);
            b.resume = next;
            if next.is_none() {
                b.rows.shrink_to_fit();
            }
        }
        while self
            .blocks
            .borrow()
            .get(self.scan.get())
            .is_some_and(Block::done)
        {
            self.scan.set(self.scan.get() + 1);
        }
    }

    /// Rows of block `b`, counted where wrapped, the rest estimated from what is wrapped so
    /// far (at least one a line).
    fn count_of(&self, b: &Block) -> usize {
        let Some(resume) = b.resume else {
            return b.rows.len();
        };
        let left = b.start + b.len - resume;
        // Lines not begun yet (none left of a line begun).
        let lines = if b.rows.is_empty() { b.lines.len() } else { 1 };
        let estimate = match self.wrapped.get() {
            (rows, bytes) if bytes > 0 => left.saturating_mul(rows) / bytes,
            _ => left / self.width + lines,
        };
        b.rows.len() + estimate.max(lines)
    }
}
