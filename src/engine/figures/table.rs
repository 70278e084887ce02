//! A text table laid out by display width (Vietnamese letters one column, CJK two) that
//! fits a width: columns that fit keep their natural width, the others share what is left
//! and wrap. Too narrow for a table, each row becomes a block of `header: value` lines.

use crate::engine::text::width::display_width as wrap_width;
use crate::engine::text::wrap::{wrap_line, wrap_str};

/// Between two columns.
const GAP: &str = "  ";
/// Narrower than this, a column is not worth having: the table becomes records.
const MIN_COLUMN: usize = 4;
/// Before each detail line.
const DETAIL: &str = "  ";
/// Words this short are never cut: a table that would have to is written as records.
const WORD_FLOOR: usize = 8;
/// A word longer than this may be cut to let other columns breathe.
const WORD_CAP: usize = 16;

/// Columns `s` takes: printable ASCII (most cells) by its length, anything else grapheme
/// by grapheme; the same answer either way.
fn display_width(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        s.len()
    } else {
        wrap_width(s)
    }
}

/// `line` in rows of `width`: itself when it fits, without looking for places to break.
fn rows_of(line: &str, width: usize) -> Vec<&str> {
    if display_width(line) <= width {
        vec![line]
    } else {
        wrap_str(line, width)
    }
}

/// How a column's cells stand in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Headers and rows of one-line cells (wrapped to their column's width). A row may carry
/// detail lines (its quotes, say), written under it across the whole width.
#[derive(Debug, Clone, Default)]
pub struct Table {
    headers: Vec<String>,
    align: Vec<Align>,
    rows: Vec<Vec<String>>,
    /// What the detail lines are, for records; and each row's detail lines.
    detail: String,
    details: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            align: vec![Align::Left; headers.len()],
            ..Table::default()
        }
    }

    /// Names the rows' detail lines (`quotes`), as records show them.
    pub fn with_detail(mut self, name: &str) -> Table {
        self.detail = name.to_string();
        self
    }

    /// Aligns column `i` to the right (amounts).
    pub fn align_right(mut self, i: usize) -> Table {
        if let Some(a) = self.align.get_mut(i) {
            *a = Align::Right;
        }
        self
    }

    /// Adds a row of cells (missing cells are blank, extra ones dropped).
    pub fn push(&mut self, cells: Vec<String>) {
        self.push_with_detail(cells, Vec::new());
    }

    /// Adds a row with detail lines under it.
    pub fn push_with_detail(&mut self, mut cells: Vec<String>, detail: Vec<String>) {
        cells.resize(self.headers.len(), String::new());
        self.rows.push(cells);
        self.details.push(detail);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Drops the columns that are blank in every row, except those in `keep`.
    pub fn drop_blank_columns(&mut self, keep: &[usize]) {
        let blank: Vec<bool> = (0..self.headers.len())
            .map(|c| !keep.contains(&c) && self.rows.iter().all(|r| r[c].trim().is_empty()))
            .collect();
        let mut c = 0;
        self.headers.retain(|_| {
            c += 1;
            !blank[c - 1]
        });
        let mut c = 0;
        self.align.retain(|_| {
            c += 1;
            !blank[c - 1]
        });
        for row in &mut self.rows {
            let mut c = 0;
            row.retain(|_| {
                c += 1;
                !blank[c - 1]
            });
        }
    }

    /// The widest line of each column, header included.
    fn natural(&self) -> Vec<usize> {
        self.per_column(display_width)
    }

    /// The longest word of each column (a cell wraps at spaces), at most `cap`.
    fn longest_words(&self, cap: usize) -> Vec<usize> {
        self.per_column(|cell| {
            cell.split_whitespace()
                .map(display_width)
                .max()
                .unwrap_or(0)
                .min(cap)
        })
    }

    /// The largest `measure` of a cell in each column, header included.
    fn per_column(&self, measure: impl Fn(&str) -> usize) -> Vec<usize> {
        (0..self.headers.len())
            .map(|c| {
                self.rows
                    .iter()
                    .map(|r| &r[c])
                    .chain(std::iter::once(&self.headers[c]))
                    .map(|cell| measure(cell.as_str()))
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// Column widths that fit `width`, or `None` when a table cannot. Every column gets
    /// room for its longest word (up to a cap) where it can; what is left goes to the
    /// columns that want more, in proportion to how much more they want.
    fn widths(&self, width: usize) -> Option<Vec<usize>> {
        let n = self.headers.len();
        let natural = self.natural();
        let gaps = GAP.len() * n.saturating_sub(1);
        let room = width.checked_sub(gaps)?;
        if natural.iter().sum::<usize>() <= room {
            return Some(natural);
        }
        // Room for each column's header and longest word (up to a cap); while that is too
        // wide, the widest column gives a column, down to a floor that keeps short words
        // whole. A table that cannot keep its floors becomes records.
        let words = self.longest_words(WORD_CAP);
        let floor: Vec<usize> = (0..n)
            .map(|c| {
                let header = display_width(&self.headers[c]).max(MIN_COLUMN);
                words[c].min(WORD_FLOOR).max(header).min(natural[c])
            })
            .collect();
        if floor.iter().sum::<usize>() > room {
            return None;
        }
        let mut widths: Vec<usize> = (0..n)
            .map(|c| words[c].max(floor[c]).min(natural[c]))
            .collect();
        while widths.iter().sum::<usize>() > room {
            let widest = (0..n)
                .filter(|&c| widths[c] > floor[c])
                .max_by_key(|&c| (widths[c], std::cmp::Reverse(c)))?;
            widths[widest] -= 1;
        }
        let mut extra = room.checked_sub(widths.iter().sum())?;
        // The rest to the columns that want more, in proportion to how much more (the
        // long texts), then what rounding left, a column each.
        let want: Vec<usize> = natural.iter().zip(&widths).map(|(n, w)| n - w).collect();
        let wanted = want.iter().sum::<usize>().max(1);
        let spare = extra;
        for c in 0..n {
            let give = (spare * want[c] / wanted).min(want[c]).min(extra);
            widths[c] += give;
            extra -= give;
        }
        for c in (0..n).cycle().take(n * 2) {
            if extra == 0 {
                break;
            }
            if widths[c] < natural[c] {
                widths[c] += 1;
                extra -= 1;
            }
        }
        Some(widths)
    }

    /// The table as lines, none wider than `width` (at least 1).
    pub fn render(&self, width: usize) -> Vec<String> {
        let width = width.max(1);
        let Some(widths) = self.widths(width) else {
            return self.records(width);
        };
        let mut out = Vec::new();
        self.render_row(&self.headers, &widths, &mut out);
        let total = widths.iter().sum::<usize>() + GAP.len() * widths.len().saturating_sub(1);
        out.push("-".repeat(total.min(width)));
        let mut tall = false;
        let mut body = Vec::new();
        for (row, detail) in self.rows.iter().zip(&self.details) {
            let before = body.len();
            self.render_row(row, &widths, &mut body);
            for line in detail {
                let room = width.saturating_sub(DETAIL.len()).max(1);
                body.extend(
                    wrap_str(line, room)
                        .into_iter()
                        .map(|p| format!("{DETAIL}{p}")),
                );
            }
            tall |= body.len() - before > 1;
            body.push(String::new());
        }
        // Rows of one line each read best packed; taller rows need a blank line between.
        out.extend(body.into_iter().filter(|l| tall || !l.is_empty()));
        if tall {
            out.pop();
        }
        out
    }

    fn render_row(&self, row: &[String], widths: &[usize], out: &mut Vec<String>) {
        let cells: Vec<Vec<&str>> = row
            .iter()
            .zip(widths)
            .map(|(text, &w)| rows_of(text, w))
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for i in 0..height {
            let mut line = String::new();
            for (c, cell) in cells.iter().enumerate() {
                if c > 0 {
                    line.push_str(GAP);
                }
                let text = cell.get(i).copied().unwrap_or("");
                let pad = std::iter::repeat_n(' ', widths[c].saturating_sub(display_width(text)));
                match self.align[c] {
                    Align::Left => {
                        line.push_str(text);
                        line.extend(pad);
                    }
                    Align::Right => {
                        line.extend(pad);
                        line.push_str(text);
                    }
                }
            }
            line.truncate(line.trim_end().len());
            out.push(line);
        }
    }

    /// Each row as `header: value` lines, wrapped, a blank line between rows.
    fn records(&self, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            if r > 0 {
                out.push(String::new());
            }
            for (header, text) in self.headers.iter().zip(row) {
                if !text.trim().is_empty() {
                    fill(&format!("{header}: {text}"), width, &mut out);
                }
            }
            let detail = self.details[r].iter().filter(|l| !l.trim().is_empty());
            for (k, line) in detail.enumerate() {
                match k {
                    0 => fill(&format!("{}: {line}", self.detail), width, &mut out),
                    _ => fill(&format!("  {line}"), width, &mut out),
                }
            }
        }
        out
    }
}

/// `text` wrapped to `width`, rows after the first indented by two spaces.
fn fill(text: &str, width: usize, out: &mut Vec<String>) {
    let first = wrap_line(text, width).into_iter().next().unwrap_or(0..0);
    out.push(text.get(first.clone()).unwrap_or("").to_string());
    let rest = text.get(first.end..).unwrap_or("").trim_start();
    if !rest.is_empty() {
        let room = width.saturating_sub(2).max(1);
        out.extend(wrap_str(rest, room).into_iter().map(|p| format!("  {p}")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[[&str; 3]]) -> Table {
        let mut t = Table::new(&["label", "amount", "place"]).align_right(1);
        for r in rows {
            t.push(r.iter().map(|c| c.to_string()).collect());
        }
        t
    }

    #[test]
    fn columns_align_by_display_width() {
        let t = table(&[
            ["Tăng trưởng", "8.3", "vi.txt:3:29"],
            ["越南经济", "10", "zh.txt:1:1"],
        ]);
        assert_eq!(
            t.render(80),
            [
                "label        amount  place",
                "--------------------------------",
                "Tăng trưởng     8.3  vi.txt:3:29",
                "越南经济         10  zh.txt:1:1",
            ]
        );
    }

    #[test]
    fn wide_columns_wrap_to_fit_and_rows_are_spaced() {
        let t = table(&[
            ["GDP growth target for 2025", "8.3", "vi.txt:3:29"],
            ["Exports", "514", "vi.txt:9:1"],
        ]);
        let lines = t.render(30);
        assert!(lines.iter().all(|l| display_width(l) <= 30), "{lines:#?}");
        assert_eq!(
            lines,
            [
                "label      amount  place",
                "------------------------------",
                "GDP           8.3  vi.txt:3:29",
                "growth",
                "target",
                "for 2025",
                "",
                "Exports       514  vi.txt:9:1",
            ]
        );
    }

    #[test]
    fn too_narrow_for_a_table_rows_become_records() {
        let t = table(&[["Tăng trưởng kinh tế", "8.3", "vi.txt:3:29"]]);
        assert_eq!(
            t.render(16),
            [
                "label: Tăng",
                "  trưởng kinh tế",
                "amount: 8.3",
                "place:",
                "  vi.txt:3:29"
            ]
        );
    }

    #[test]
    fn blank_columns_drop_unless_kept() {
        let mut t = table(&[["a", "", "p"], ["b", "", ""]]);
        t.drop_blank_columns(&[]);
        assert_eq!(
            t.render(80),
            ["label  place", "------------", "a      p", "b"]
        );
    }
}
