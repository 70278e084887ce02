//! The figures view's state: which figures are listed (filters by topic, kind, document
//! and language), in what order (a column, either way, or grouped by measure for
//! comparison), and where the cursor is; and the keys that change what is listed. Rows
//! are kept as annotation indices, so a frame draws only those on screen however many
//! figures the corpus holds.

use crate::engine::corpus::AnnotationId;
use crate::engine::corpus::{AnnotationKind, Corpus};
use crate::engine::figures::{self, Column, Filter, KIND_ORDER, compare};
use crate::reader::action::FigureKey;

/// What the figures view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiguresView {
    filter: Filter,
    sort: Column,
    descending: bool,
    /// Grouped by measure, each in time order, figures without a measure left out.
    compare: bool,
    /// Annotation indices in the order shown.
    rows: Vec<AnnotationId>,
    /// Index into `rows`.
    cursor: usize,
    /// After a reload while the view was closed: the rows are stale, listed again when it
    /// opens, the cursor then on this figure (by its new index) where it is still listed.
    later: Option<Option<AnnotationId>>,
}

impl Default for FiguresView {
    fn default() -> FiguresView {
        FiguresView {
            filter: Filter::default(),
            sort: Column::Brief,
            descending: false,
            compare: false,
            rows: Vec::new(),
            cursor: 0,
            later: None,
        }
    }
}

impl FiguresView {
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The column the figures are sorted by.
    pub fn sort(&self) -> Column {
        self.sort
    }

    /// Annotation indices in the order shown.
    pub fn rows(&self) -> &[AnnotationId] {
        &self.rows
    }

    /// Index into `rows` of the cursor.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Whether the order is turned round.
    pub fn descending(&self) -> bool {
        self.descending
    }

    /// Whether the figures are grouped by measure.
    pub fn compare(&self) -> bool {
        self.compare
    }

    /// Puts the cursor on row `k`, or the last row when there are fewer.
    pub fn set_cursor(&mut self, k: usize) {
        self.cursor = k.min(self.rows.len().saturating_sub(1));
    }

    /// The annotation under the cursor.
    pub fn current(&self) -> Option<AnnotationId> {
        match self.later {
            Some(keep) => keep,
            None => self.rows.get(self.cursor).copied(),
        }
    }

    /// Lists the figures again after a change of filter, order or corpus, keeping the
    /// cursor on the same figure where it is still listed.
    pub fn refresh(&mut self, corpus: &Corpus) {
        self.refresh_on(corpus, self.current());
    }

    /// Like `refresh_on`, left for when the view opens (`refresh`): listing every figure of
    /// a large corpus again is not worth a reload's frame while nobody looks at them.
    pub fn refresh_later(&mut self, keep: Option<AnnotationId>) {
        self.later = Some(keep);
    }

    /// Like `refresh`, the cursor on figure `keep` (after a reload, its new index).
    pub fn refresh_on(&mut self, corpus: &Corpus, keep: Option<AnnotationId>) {
        self.later = None;
        let mut rows = figures::rows(corpus);
        rows.retain(|r| self.filter.accepts(r));
        figures::sort(&mut rows, self.sort, self.descending);
        self.rows = if self.compare {
            compare::by_measure(&rows)
                .iter()
                .flat_map(|g| g.rows.iter().map(|r| r.index))
                .collect()
        } else {
            rows.iter().map(|r| r.index).collect()
        };
        self.cursor = keep
            .and_then(|a| self.rows.iter().position(|&r| r == a))
            .unwrap_or(self.cursor)
            .min(self.rows.len().saturating_sub(1));
    }

    /// A key that changes what is listed or how (sort, reverse, compare, a filter), then
    /// the list again over `corpus`.
    pub fn apply_key(&mut self, corpus: &Corpus, key: FigureKey) {
        match key {
            FigureKey::Sort => {
                let all = Column::ALL;
                let k = all
                    .iter()
                    .position(|c| *c == self.sort)
                    .map_or(0, |k| k + 1);
                self.sort = all[k % all.len()];
            }
            FigureKey::Reverse => self.descending = !self.descending,
            FigureKey::Compare => self.compare = !self.compare,
            FigureKey::Clear => self.filter = Filter::default(),
            FigureKey::Topic => {
                let next = cycle(
                    self.filter.topics.first().map(String::as_str),
                    &choices(corpus, key),
                );
                self.filter.topics = next.into_iter().collect();
            }
            FigureKey::Kind => {
                self.filter.kind = cycle(self.filter.kind.as_deref(), &choices(corpus, key));
            }
            FigureKey::Document => {
                self.filter.doc = cycle(self.filter.doc.as_deref(), &choices(corpus, key));
            }
            FigureKey::Language => {
                self.filter.lang = cycle(self.filter.lang.as_deref(), &choices(corpus, key));
            }
            FigureKey::Open | FigureKey::Go | FigureKey::Close => {}
        }
        self.refresh(corpus);
    }

    /// What the filters say, for the title: `topic growth · kind target`.
    pub fn describe_filter(&self) -> String {
        let f = &self.filter;
        let mut parts: Vec<String> = Vec::new();
        parts.extend(f.topics.first().map(|t| format!("topic {t}")));
        parts.extend(f.kind.as_ref().map(|k| format!("kind {k}")));
        parts.extend(f.doc.as_ref().map(|d| format!("document {d}")));
        parts.extend(f.lang.as_ref().map(|l| format!("language {l}")));
        parts.join(" · ")
    }
}

/// The next value of a filter: none, then each choice in turn, then none again.
fn cycle(current: Option<&str>, choices: &[String]) -> Option<String> {
    let next = match current.and_then(|c| choices.iter().position(|x| x == c)) {
        None => 0,
        Some(k) => k + 1,
    };
    choices.get(next).cloned()
}

/// Pushes `item` unless it is there already (choices keep their first-seen order).
fn push_new(choices: &mut Vec<String>, item: &str) {
    if !choices.iter().any(|c| c == item) {
        choices.push(item.to_string());
    }
}

/// The values a filter can take in this corpus: only those some figure has.
fn choices(corpus: &Corpus, key: FigureKey) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let figures = corpus
        .annotations()
        .iter()
        .filter(|a| a.kind() == AnnotationKind::Figure);
    for a in figures {
        match key {
            FigureKey::Topic => {
                for t in a.topics.iter().filter_map(|&t| corpus.topics().get(t)) {
                    push_new(&mut out, &t.id);
                }
            }
            FigureKey::Kind => {
                if let Some(k) = a.measure().and_then(|m| m.kind.as_deref()) {
                    push_new(&mut out, k);
                }
            }
            FigureKey::Document | FigureKey::Language => {
                for q in a.quotes.iter().filter_map(|q| q.anchor.as_ref().ok()) {
                    let Some(doc) = corpus.documents().get(q.doc) else {
                        continue;
                    };
                    match key {
                        FigureKey::Document => push_new(&mut out, doc.id()),
                        _ => push_new(&mut out, doc.lang()),
                    }
                }
            }
            _ => {}
        }
    }
    match key {
        FigureKey::Kind => out.sort_by_key(|k| KIND_ORDER.iter().position(|o| o == k)),
        FigureKey::Document | FigureKey::Language => out.sort(),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_cycle_through_their_choices_and_back_to_none() {
        let choices = ["a".to_string(), "b".to_string()];
        assert_eq!(cycle(None, &choices).as_deref(), Some("a"));
        assert_eq!(cycle(Some("a"), &choices).as_deref(), Some("b"));
        assert_eq!(cycle(Some("b"), &choices), None);
        assert_eq!(cycle(Some("gone"), &choices).as_deref(), Some("a"));
        assert_eq!(cycle(None, &[]), None);
    }
}
