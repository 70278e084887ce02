//! Moving in what has the focus: lines and pages, the ends, the focus itself, Enter, the
//! mouse wheel.

use crate::engine::corpus::AnnotationId;
use crate::reader::action::Action;
use crate::reader::state::{App, Focus, NavItem, Overlay, Pane};
use crate::reader::view::{areas, inner};

/// Rows the mouse wheel moves per notch.
const WHEEL_ROWS: isize = 3;

impl App {
    /// Rows in a page of what has the focus.
    pub(super) fn page(&self) -> usize {
        match self.view.focus {
            Focus::Topics => areas(self.view.size, self)
                .nav
                .map_or(1, |r| usize::from(inner(r).height).max(1)),
            Focus::Pane(p) => self.pane_height(p),
        }
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        match self.view.focus {
            Focus::Topics => {
                let last = self.nav_items().len().saturating_sub(1);
                self.nav.cursor = self.nav.cursor.saturating_add_signed(delta).min(last);
                self.preview_nav_item();
            }
            Focus::Pane(p) => self.scroll_by(p, delta),
        }
    }

    pub(super) fn move_to_end(&mut self, end: bool) {
        match self.view.focus {
            Focus::Topics => {
                self.nav.cursor = if end {
                    self.nav_items().len().saturating_sub(1)
                } else {
                    0
                };
            }
            Focus::Pane(p) => self.scroll_to_end(p, end),
        }
    }

    /// Tab: the navigator, then each pane on screen.
    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let order: Vec<Focus> = if areas(self.view.size, self).both_panes() {
            vec![
                Focus::Topics,
                Focus::Pane(Pane::Left),
                Focus::Pane(Pane::Right),
            ]
        } else {
            vec![Focus::Topics, Focus::Pane(self.view.shown)]
        };
        let k = order
            .iter()
            .position(|f| *f == self.view.focus)
            .unwrap_or(0);
        let n = order.len();
        let next = if forward {
            (k + 1) % n
        } else {
            (k + n - 1) % n
        };
        self.view.focus = order[next];
    }

    /// Enter: in the navigator, open a topic or select an annotation; in a pane, select
    /// the next annotation on screen.
    pub(super) fn open(&mut self) {
        match self.view.focus {
            Focus::Topics => match self.nav_items().get(self.nav.cursor).copied() {
                Some(NavItem::Topic(t)) => {
                    let open = self.nav.open_topics.get(t).copied().unwrap_or(false);
                    if let Some(o) = self.nav.open_topics.get_mut(t) {
                        *o = !open;
                    }
                    self.nav.topic = if open { None } else { Some(t) };
                }
                Some(NavItem::Annotation { topic, annotation }) => {
                    self.nav.topic = Some(topic);
                    self.select_annotation(annotation);
                }
                None => {}
            },
            Focus::Pane(p) => self.select_on_screen(p),
        }
    }

    /// Selects the first annotation quoted on pane `p`'s screen after the selected one.
    pub(super) fn select_on_screen(&mut self, p: Pane) {
        let Some(doc) = self.view.panes[p].doc else {
            return;
        };
        let Some((laid, height)) = self.pane_layout(p) else {
            return;
        };
        let top = laid.at(self.view.panes[p].top);
        let bottom = laid.step(top, isize::try_from(height - 1).unwrap_or(isize::MAX));
        let end = laid.row(bottom).end;
        let start = self.view.panes[p].top;
        let mut here: Vec<(usize, AnnotationId)> = self
            .corpus
            .annotations()
            .enumerated()
            .filter_map(|(i, a)| {
                a.quotes.iter().find_map(|q| {
                    q.anchor
                        .as_ref()
                        .ok()
                        .filter(|x| x.doc == doc && x.start() < end && x.range().end > start)
                        .map(|x| (x.start(), i))
                })
            })
            .collect();
        here.sort_unstable();
        let after = self
            .nav
            .selected
            .and_then(|s| here.iter().position(|(_, i)| *i == s))
            .map_or(0, |k| k + 1);
        match here.get(after).or(here.first()) {
            Some(&(_, a)) => self.select_annotation(a),
            None => self.status.message = Some("No annotation on this screen.".into()),
        }
    }

    /// The wheel scrolls what is under the pointer.
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let delta = if down { WHEEL_ROWS } else { -WHEEL_ROWS };
        let pos = ratatui::layout::Position::new(column, row);
        match self.overlay {
            Overlay::Help { .. }
            | Overlay::Problems { .. }
            | Overlay::Picker { .. }
            | Overlay::Figures
            | Overlay::Card { .. }
            | Overlay::Results { .. } => {
                self.act(if down { Action::Down } else { Action::Up });
                return;
            }
            Overlay::None => {}
        }
        let a = areas(self.view.size, self);
        if let Some(pane) = a.panes.find(|r| r.is_some_and(|r| r.contains(pos))) {
            self.scroll_by(pane, delta);
        } else if a.nav.is_some_and(|r| r.contains(pos)) {
            let last = self.nav_items().len().saturating_sub(1);
            self.nav.cursor = self.nav.cursor.saturating_add_signed(delta).min(last);
        }
    }
}
