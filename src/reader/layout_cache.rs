//! Documents wrapped to a width: visual rows as byte ranges of the NFC text, computed once
//! per (document, width) by the engine's one wrapper ([`wrap_text`]) and kept, so a frame
//! never re-wraps a whole document. A tab shows as spaces to the next stop, a control
//! character as one replacement cell (see the wrapper's rules).

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::engine::clean::is_unsafe;
use crate::engine::corpus::DocId;
use crate::engine::text::Text;
use crate::engine::text::width::{SOFT_HYPHEN, cell_width};
use crate::engine::text::wrap::wrap_text;

/// Drawn in place of a control character (ratatui would drop it and shift the row).
pub const CONTROL_SUBSTITUTE: &str = "\u{fffd}";

/// Wrapped rows of one document.
pub type Rows = Rc<[Range<usize>]>;

/// Bytes of rows kept at most, beyond the two layouts in use (one per pane): resizing a
/// large document through many widths keeps memory bounded, not a layout per width.
pub const BUDGET_BYTES: usize = 64 << 20;

/// The cache: rows per (document index, width), the least recently used dropped first
/// once they hold more than `BUDGET_BYTES`.
#[derive(Debug)]
pub struct LayoutCache {
    entries: HashMap<(DocId, u16), Entry>,
    bytes: usize,
    budget: usize,
    clock: u64,
}

impl Default for LayoutCache {
    fn default() -> LayoutCache {
        LayoutCache::with_budget(BUDGET_BYTES)
    }
}

#[derive(Debug)]
struct Entry {
    rows: Rows,
    used: u64,
}

/// What a layout costs: its rows, and the entry holding them.
fn size_of_rows(rows: &Rows) -> usize {
    std::mem::size_of_val::<[Range<usize>]>(rows) + std::mem::size_of::<Entry>() + 32
}

impl LayoutCache {
    /// A cache that keeps about `budget` bytes of layouts (and always the two newest).
    pub fn with_budget(budget: usize) -> LayoutCache {
        LayoutCache {
            entries: HashMap::new(),
            bytes: 0,
            budget,
            clock: 0,
        }
    }

    /// The rows of document `doc` (whose text is `text`) at `width` columns.
    pub fn rows(&mut self, doc: DocId, width: u16, text: &Text) -> Rows {
        self.clock += 1;
        if let Some(entry) = self.entries.get_mut(&(doc, width)) {
            entry.used = self.clock;
            return Rc::clone(&entry.rows);
        }
        let rows: Rows = wrap_text(text, usize::from(width)).into();
        self.bytes += size_of_rows(&rows);
        self.entries.insert(
            (doc, width),
            Entry {
                rows: Rc::clone(&rows),
                used: self.clock,
            },
        );
        self.evict();
        rows
    }

    /// Drops the least recently used layouts while over budget, keeping the two newest.
    fn evict(&mut self) {
        while self.bytes > self.budget && self.entries.len() > 2 {
            let Some(oldest) = self
                .entries
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| *k)
            else {
                return;
            };
            if let Some(entry) = self.entries.remove(&oldest) {
                self.bytes -= size_of_rows(&entry.rows);
            }
        }
    }

    /// Forgets everything (after the corpus is replaced).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }

    /// How many layouts are held (for tests of the cache itself).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes of rows held.
    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

/// Index of the row holding byte `offset`.
pub fn row_of(rows: &[Range<usize>], offset: usize) -> usize {
    rows.partition_point(|r| r.start <= offset)
        .saturating_sub(1)
}

/// What to draw for grapheme `g` at `column`: a tab becomes spaces to the next stop, a
/// control a substitute, a soft hyphen the hyphen a terminal would show.
pub fn cell_text(g: &str, column: usize) -> std::borrow::Cow<'_, str> {
    if g == "\t" {
        " ".repeat(cell_width(g, column)).into()
    } else if g.chars().any(|c| c.is_control() || is_unsafe(c)) {
        CONTROL_SUBSTITUTE.into()
    } else if g.starts_with(SOFT_HYPHEN) && g.len() == SOFT_HYPHEN.len_utf8() {
        "-".into()
    } else {
        g.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_stay_within_the_budget_and_the_newest_stay() {
        let text = Text::new(&"một hai ba bốn năm sáu bảy tám chín mười ".repeat(500));
        let one = wrap_text(&text, 40).len() * std::mem::size_of::<Range<usize>>();
        let mut cache = LayoutCache::with_budget(3 * one);
        for width in 20..120 {
            let rows = cache.rows(DocId(0), width, &text);
            assert_eq!(&*rows, wrap_text(&text, usize::from(width)).as_slice());
            // The pane at the other width is drawn in the same frame.
            cache.rows(DocId(1), 60, &text);
            assert!(
                cache.bytes() <= 3 * one + 2 * (one * 2),
                "{} at {width}",
                cache.bytes()
            );
        }
        assert!(cache.len() >= 2);
        let held = cache.bytes();
        // The two in use are still there: asking again makes nothing new.
        cache.rows(DocId(0), 119, &text);
        cache.rows(DocId(1), 60, &text);
        assert_eq!(cache.bytes(), held);
    }
}
