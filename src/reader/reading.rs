//! Reading order: with no topic chosen, `n`/`N` walk the focused document's annotations
//! as they stand in its text, starting from the reading line (the pane's top row), then
//! the rest of the corpus; and count prefixes (`5j`, `3n`), as in vim and less.

use crate::reader::action::Action;
use crate::reader::state::App;

/// The largest count a prefix can give; more digits are ignored.
const MAX_COUNT: usize = 9_999;

impl App {
    /// The annotations anchored in the focused pane's document, by where they stand
    /// (their first quote there), then every other annotation in corpus order.
    pub(crate) fn reading_order(&self) -> Vec<usize> {
        let c = &self.corpus;
        let Some(doc) = self.panes.get(self.focused_pane()).and_then(|p| p.doc) else {
            return (0..c.annotations.len()).collect();
        };
        let len = c.documents.get(doc).map_or(0, |d| d.text.len());
        let mut here: Vec<(usize, usize)> = Vec::new();
        for (range, a) in c.anchors_in(doc, 0..len.max(1)) {
            if !here.iter().any(|&(_, b)| b == a) {
                here.push((range.start, a));
            }
        }
        here.sort_unstable();
        let mut order: Vec<usize> = here.iter().map(|&(_, a)| a).collect();
        let mut listed = vec![false; c.annotations.len()];
        for &a in &order {
            if let Some(l) = listed.get_mut(a) {
                *l = true;
            }
        }
        order.extend((0..c.annotations.len()).filter(|&a| !listed[a]));
        order
    }

    /// Where `n` (or `N`, going back) starts when nothing of the cycle is selected: the
    /// first annotation of the focused document at or after the reading line (the last
    /// before it, going back); else the cycle's first (or last).
    pub(crate) fn start_from_reading_line(&self, cycle: &[usize], forward: bool) -> usize {
        let fallback = if forward {
            0
        } else {
            cycle.len().saturating_sub(1)
        };
        let pane = self.panes[self.focused_pane()];
        let Some(doc) = pane.doc else {
            return fallback;
        };
        let start_in_doc = |a: usize| {
            self.corpus.annotations.get(a).and_then(|ann| {
                ann.quotes
                    .iter()
                    .filter_map(|q| q.anchor.as_ref().ok())
                    .find(|x| x.doc == doc)
                    .map(|x| x.range.start)
            })
        };
        let placed: Vec<(usize, usize)> = cycle
            .iter()
            .enumerate()
            .filter_map(|(k, &a)| start_in_doc(a).map(|s| (k, s)))
            .collect();
        let found = if forward {
            placed
                .iter()
                .filter(|&&(_, s)| s >= pane.top)
                .min_by_key(|&&(_, s)| s)
        } else {
            placed
                .iter()
                .filter(|&&(_, s)| s < pane.top)
                .max_by_key(|&&(_, s)| s)
        };
        found.map_or(fallback, |&(k, _)| k)
    }

    /// A digit typed in reading mode: part of the count for the next key.
    pub(crate) fn add_digit(&mut self, d: u32) {
        let count = self.count.unwrap_or(0) * 10 + d as usize;
        self.count = Some(count.min(MAX_COUNT)).filter(|&c| c > 0);
        if let Some(c) = self.count {
            self.message = Some(format!("{c}"));
        }
    }

    /// How many times `action` runs: the count typed before it, for the actions that
    /// repeat (moving, walking annotations, matches and topics); once otherwise.
    pub(crate) fn repeat_for(&mut self, action: Action) -> usize {
        let count = self.count.take().unwrap_or(1);
        let repeats = matches!(
            action,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Next
                | Action::Prev
                | Action::NextTopic
                | Action::PrevTopic
        );
        if repeats { count } else { 1 }
    }

    /// The navigator's cursor moved: an annotation under it is shown in the panes (as a
    /// preview: its topic chosen, it selected), a topic's whole title stands in the
    /// detail line.
    pub(crate) fn preview_nav_item(&mut self) {
        match self.nav_items().get(self.nav_cursor).copied() {
            Some(crate::reader::state::NavItem::Annotation { topic, annotation }) => {
                self.topic = Some(topic);
                self.select_annotation(annotation);
            }
            Some(crate::reader::state::NavItem::Topic(_)) | None => {}
        }
    }

    /// Enter in the problems list: an orphaned annotation is selected (its quotes shown
    /// where they stand, the detail line saying why one does not); a finding is said in
    /// the status line with its place, to fix in the brief (the reader reloads it).
    pub(crate) fn open_problem(&mut self, scroll: usize) {
        use crate::reader::view::problems::{Target, target_at};
        let target = match target_at(self, scroll) {
            Some(Target::Orphan(a)) => Ok(a),
            Some(Target::Finding(f)) => Err(Some(f.to_string())),
            None => Err(None),
        };
        self.overlay = crate::reader::state::Overlay::None;
        match target {
            Ok(a) => {
                self.select_annotation(a);
                if self.message.is_none() {
                    self.message =
                        Some("i shows the whole annotation, with why a quote has no place.".into());
                }
            }
            Err(Some(finding)) => {
                let first = finding.lines().next().unwrap_or_default().to_string();
                self.message = Some(format!(
                    "{first} (fix it there: the reader reloads the brief)"
                ));
            }
            Err(None) => self.message = Some("No problem here.".into()),
        }
    }

    /// `E` in the problems list: the first problem from its top line, in the editor (a
    /// finding at its line, an orphan at its annotation).
    pub(crate) fn edit_problem(&mut self, scroll: usize) {
        use crate::reader::view::problems::{Target, target_at};
        let target = match target_at(self, scroll) {
            Some(Target::Finding(f)) => Ok((f.file.clone(), f.position.map_or(1, |(l, _)| l))),
            Some(Target::Orphan(a)) => Err(a),
            None => return,
        };
        self.overlay = crate::reader::state::Overlay::None;
        match target {
            Ok((file, line)) => self.request_edit(std::path::Path::new(&file), line),
            Err(a) => {
                self.select_annotation(a);
                self.edit_selected();
            }
        }
    }

    /// The documents in the order the picker lists them: as the corpus lists them, by id,
    /// or by date (then id; undated last).
    pub fn picker_order(&self) -> Vec<usize> {
        use crate::reader::state::PickerSort;
        let docs = &self.corpus.documents;
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let date = |d: usize| docs[d].meta.as_ref().and_then(|m| m.date.clone());
        match self.picker_sort {
            PickerSort::Corpus => {}
            PickerSort::Id => order.sort_by(|&a, &b| docs[a].id().cmp(docs[b].id())),
            PickerSort::Date => order.sort_by(|&a, &b| {
                (date(a).is_none(), date(a), docs[a].id()).cmp(&(
                    date(b).is_none(),
                    date(b),
                    docs[b].id(),
                ))
            }),
        }
        order
    }

    /// `S`: the picker's next order.
    pub(crate) fn sort_picker(&mut self) {
        use crate::reader::state::PickerSort;
        self.picker_sort = match self.picker_sort {
            PickerSort::Corpus => PickerSort::Id,
            PickerSort::Id => PickerSort::Date,
            PickerSort::Date => PickerSort::Corpus,
        };
        self.message = Some(format!("The picker sorts {}.", self.picker_sort_name()));
    }

    /// How the picker's order is said.
    pub(crate) fn picker_sort_name(&self) -> &'static str {
        use crate::reader::state::PickerSort;
        match self.picker_sort {
            PickerSort::Corpus => "as the corpus lists them",
            PickerSort::Id => "by id",
            PickerSort::Date => "by date",
        }
    }
}
