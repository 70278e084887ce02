//! Panes that stay put: full after a resize (the end of a document never leaves empty
//! rows below it), and documents that keep their side, whichever way the reader arrived.

use crate::engine::text::Text;
use crate::reader::layout_cache::row_of;
use crate::reader::state::App;

impl App {
    /// Moves each pane up as far as needed for its last row to reach the bottom: what a
    /// wider or taller terminal needs when the end of a document was in view.
    pub(crate) fn keep_panes_full(&mut self) {
        for i in 0..2 {
            let r = self.pane_rect(i);
            let Some(rows) = self.panes[i].doc.and_then(|d| self.rows(d, r.width.max(1))) else {
                continue;
            };
            let last = rows.len().saturating_sub(usize::from(r.height).max(1));
            if row_of(&rows, self.panes[i].top) > last
                && let Some(row) = rows.get(last)
            {
                self.panes[i].top = row.start;
            }
        }
    }

    /// The panes for documents `first` and `second` (the second may be absent), decided
    /// by the documents alone, never by the way the reader arrived: each language of the
    /// corpus's first parallel pair keeps its side (Vietnamese left, Indonesian right in
    /// the built-in corpus); two documents of one language stand in the order the
    /// briefs declare them. A lone document goes to its language's side, else the focus.
    pub(crate) fn sides_for(&self, first: usize, second: Option<usize>) -> [Option<usize>; 2] {
        let home = self.home_languages();
        let side = |d: usize| {
            let lang = self.corpus.documents.get(d).map(|d| d.lang());
            (0..2).find(|&i| lang.is_some() && home[i].as_deref() == lang)
        };
        let Some(second) = second.filter(|&s| s != first) else {
            let mut sides = [None, None];
            sides[side(first).unwrap_or_else(|| self.focused_pane().min(1))] = Some(first);
            return sides;
        };
        let left = match (side(first), side(second)) {
            (Some(a), Some(b)) if a != b => a == 0,
            (Some(a), None) => a == 0,
            (None, Some(b)) => b == 1,
            _ => self.declared_order(first) <= self.declared_order(second),
        };
        if left {
            [Some(first), Some(second)]
        } else {
            [Some(second), Some(first)]
        }
    }

    /// The languages of the corpus's first parallel pair, left and right.
    fn home_languages(&self) -> [Option<String>; 2] {
        let c = &self.corpus;
        let lang = |d: usize| c.documents.get(d).map(|d| d.lang().to_string());
        c.briefs
            .iter()
            .flat_map(|b| b.documents.iter().copied())
            .find_map(|d| c.partner(d).map(|p| [lang(d), lang(p)]))
            .filter(|[a, b]| a != b)
            .unwrap_or_default()
    }

    /// Where document `d` stands in the order the briefs declare documents.
    fn declared_order(&self, d: usize) -> (usize, usize) {
        self.corpus
            .briefs
            .iter()
            .enumerate()
            .find_map(|(b, brief)| brief.documents.iter().position(|&x| x == d).map(|k| (b, k)))
            .unwrap_or((usize::MAX, d))
    }
}

/// Where the top of a pane at byte `top` of `old` stands in `new` (the same document,
/// edited): found by the text of its line, the occurrence nearest the old line; a line
/// too short to tell (or not found) is looked for by the next one that is long enough;
/// failing all, the same line number.
pub(crate) fn same_place(old: &Text, top: usize, new: &Text) -> usize {
    let line = old.line_index(top);
    let within = top - old.line_range(line).start;
    for (k, candidate) in (line..old.line_count().min(line + 8)).enumerate() {
        let text = old.line(candidate);
        if text.trim().chars().count() < MIN_LINE {
            continue;
        }
        let found = (0..new.line_count())
            .filter(|&l| new.line(l) == text)
            .min_by_key(|&l| l.abs_diff(candidate));
        if let Some(at) = found {
            // Back up as many lines as were skipped to reach a line long enough.
            let target = at.saturating_sub(k);
            let start = new.line_range(target).start;
            let offset = if k == 0 { within } else { 0 };
            return (start + offset).min(new.line_range(target).end);
        }
    }
    let target = line.min(new.line_count().saturating_sub(1));
    new.line_range(target).start
}

/// Characters a line needs to be found by its text.
const MIN_LINE: usize = 12;

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &Text, line: usize) -> usize {
        text.line_range(line).start
    }

    #[test]
    fn the_place_follows_its_text_when_lines_come_before_it() {
        let old =
            Text::new("Mở đầu.\n\nĐoạn một về tăng trưởng.\n\nĐoạn hai về FTA và thị trường.\n");
        let new = Text::new(
            "Tiêu đề mới\nMở đầu.\nThêm dòng.\n\nĐoạn một về tăng trưởng.\n\nĐoạn hai về FTA và thị trường.\n",
        );
        assert_eq!(same_place(&old, at(&old, 4), &new), at(&new, 6));
        // Inside a line, the same distance into it.
        assert_eq!(same_place(&old, at(&old, 4) + 6, &new), at(&new, 6) + 6);
        // A blank line is found by the next line that says something.
        assert_eq!(same_place(&old, at(&old, 3), &new), at(&new, 5));
    }

    #[test]
    fn a_line_that_is_gone_keeps_the_line_number() {
        let old = Text::new("một\nhai\nĐoạn đã bị xóa hoàn toàn.\n");
        let new = Text::new("một\nhai\nba\n");
        assert_eq!(same_place(&old, at(&old, 2), &new), at(&new, 2));
        let short = Text::new("một\n");
        assert_eq!(same_place(&old, at(&old, 2), &short), at(&short, 0));
    }
}
