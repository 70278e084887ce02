//! Documents wrapped to a width: visual rows as byte ranges of the NFC text, computed once
//! per (document, width) and kept, so a frame never re-wraps a whole document.
//!
//! Widths are measured per grapheme, as ratatui draws them; tabs expand to the next stop
//! counted from the row's start; other control characters show as one replacement cell.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::engine::clean::is_unsafe;
use crate::engine::text::Text;

/// Columns between tab stops.
pub const TAB_STOP: usize = 8;

/// Drawn in place of a control character (ratatui would drop it and shift the row).
pub const CONTROL_SUBSTITUTE: &str = "\u{fffd}";
/// A soft hyphen, a grapheme of its own.
const SOFT_HYPHEN_STR: &str = "\u{ad}";

/// Wrapped rows of one document.
pub type Rows = Rc<[Range<usize>]>;

/// Bytes of rows kept at most, beyond the two layouts in use (one per pane): resizing a
/// large document through many widths keeps memory bounded, not a layout per width.
pub const BUDGET_BYTES: usize = 64 << 20;

/// The cache: rows per (document index, width), the least recently used dropped first
/// once they hold more than `BUDGET_BYTES`.
#[derive(Debug)]
pub struct LayoutCache {
    entries: HashMap<(usize, u16), Entry>,
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
    pub fn rows(&mut self, doc: usize, width: u16, text: &Text) -> Rows {
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

/// Every line of `text` wrapped to `width`; an empty line is one empty row.
pub fn wrap_text(text: &Text, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::with_capacity(text.len() / width.max(1) + text.line_count());
    for index in 0..text.line_count() {
        let line = text.line_range(index);
        let start = line.start;
        let s = text.as_str().get(line).unwrap_or("");
        rows.extend(
            wrap_line(s, width)
                .into_iter()
                .map(|r| r.start + start..r.end + start),
        );
    }
    rows
}

/// The display width of grapheme `g` when it starts at column `column` of a row.
pub fn cell_width(g: &str, column: usize) -> usize {
    if g == "\t" {
        TAB_STOP - column % TAB_STOP
    } else if g.chars().any(|c| c.is_control() || is_unsafe(c)) || g == SOFT_HYPHEN_STR {
        1
    } else {
        g.width()
    }
}

/// What to draw for grapheme `g` at `column`: tabs become spaces, controls a substitute.
pub fn cell_text(g: &str, column: usize) -> std::borrow::Cow<'_, str> {
    if g == "\t" {
        " ".repeat(TAB_STOP - column % TAB_STOP).into()
    } else if g.chars().any(|c| c.is_control() || is_unsafe(c)) {
        CONTROL_SUBSTITUTE.into()
    } else if g == SOFT_HYPHEN_STR {
        // Drawn as the hyphen a terminal would show, in the one cell it takes.
        "-".into()
    } else {
        g.into()
    }
}

/// Word-wraps one line (no line breaks in it) to `width` columns, as byte ranges.
/// A word longer than the width is cut between graphemes; a space at a break is dropped.
pub fn wrap_line(line: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut row_start = 0;
    let mut column = 0;
    // Byte offset just after the last white space of the row: where a break can go.
    let mut last_break: Option<usize> = None;
    for (i, g) in line.grapheme_indices(true) {
        let mut w = cell_width(g, column);
        let space = g.chars().all(char::is_whitespace);
        if column + w > width && column > 0 {
            if space {
                rows.push(row_start..i);
                row_start = i + g.len();
                column = 0;
                last_break = None;
                continue;
            }
            match last_break.filter(|&b| b > row_start) {
                Some(b) => {
                    rows.push(row_start..b);
                    row_start = b;
                    column = line.get(b..i).map_or(0, |word| {
                        word.graphemes(true).map(|g| cell_width(g, 0)).sum()
                    });
                }
                None => {
                    rows.push(row_start..i);
                    row_start = i;
                    column = 0;
                }
            }
            last_break = None;
            w = cell_width(g, column);
        }
        column += w;
        if space {
            last_break = Some(i + g.len());
        }
    }
    if row_start < line.len() || rows.is_empty() {
        rows.push(row_start..line.len());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(line: &str, width: usize) -> Vec<&str> {
        wrap_line(line, width)
            .into_iter()
            .map(|r| line.get(r).unwrap_or("?"))
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries_by_display_width() {
        assert_eq!(
            wrapped("Phạm Minh Chính nói", 10),
            ["Phạm Minh ", "Chính nói"]
        );
        assert_eq!(wrapped("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrapped("", 4), [""]);
    }

    #[test]
    fn wide_characters_never_split_or_overflow() {
        assert_eq!(wrapped("中文全角字", 5), ["中文", "全角", "字"]);
        assert_eq!(wrapped("中", 1), ["中"]);
    }

    #[test]
    fn decomposed_marks_stay_with_their_letter() {
        let nfd = "Pha\u{323}m Pha\u{323}m";
        assert_eq!(wrapped(nfd, 4), ["Pha\u{323}m", "Pha\u{323}m"]);
    }

    #[test]
    fn tabs_expand_to_stops_from_the_row_start() {
        assert_eq!(cell_width("\t", 3), 5);
        assert_eq!(wrapped("a\tb", 9), ["a\tb"]);
        assert_eq!(wrapped("a\tb", 8), ["a\t", "b"]);
    }

    #[test]
    fn every_row_fits_unless_one_grapheme_is_wider() {
        let line = "Tại hội nghị,\tcác đại biểu 中文 đã đánh giá kết quả";
        for width in 1..30 {
            for r in wrap_line(line, width) {
                let s = line.get(r).unwrap_or("");
                let mut col = 0;
                for g in s.graphemes(true) {
                    col += cell_width(g, col);
                }
                assert!(
                    col <= width || s.graphemes(true).count() == 1,
                    "{s:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn layouts_stay_within_the_budget_and_the_newest_stay() {
        let text = Text::new(&"một hai ba bốn năm sáu bảy tám chín mười ".repeat(500));
        let one = wrap_text(&text, 40).len() * std::mem::size_of::<Range<usize>>();
        let mut cache = LayoutCache::with_budget(3 * one);
        for width in 20..120 {
            let rows = cache.rows(0, width, &text);
            assert_eq!(&*rows, wrap_text(&text, usize::from(width)).as_slice());
            // The pane at the other width is drawn in the same frame.
            cache.rows(1, 60, &text);
            assert!(
                cache.bytes() <= 3 * one + 2 * (one * 2),
                "{} at {width}",
                cache.bytes()
            );
        }
        assert!(cache.len() >= 2);
        let held = cache.bytes();
        // The two in use are still there: asking again makes nothing new.
        cache.rows(0, 119, &text);
        cache.rows(1, 60, &text);
        assert_eq!(cache.bytes(), held);
    }
}
