//! `update`: the one place where an action changes the state.

use crate::reader::action::{Action, Edit};
use crate::reader::keymap::Mode;
use crate::reader::state::{App, Card, Focus, NavItem, Overlay};
use crate::reader::view::{self, areas, inner};

/// Rows the mouse wheel moves per notch.
const WHEEL_ROWS: isize = 3;

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Wheel { .. }) {
            self.message = None;
        }
        self.pending = None;
        let times = match action {
            Action::Digit(_) => 1,
            other => self.repeat_for(other),
        };
        match action {
            Action::Interrupt => self.quit = true,
            Action::Digit(c) => self.add_digit(c.to_digit(10).unwrap_or(0)),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Input(c) => self.edit_prompt(Edit::Insert(c)),
            Action::Backspace => self.edit_prompt(Edit::Backspace),
            Action::Prompt(edit) => self.edit_prompt(edit),
            Action::Submit => {
                let query = self.search.typing.clone().unwrap_or_default();
                self.remember_query(&query);
                self.submit_search();
            }
            Action::Cancel => {
                self.search.typing = None;
                if let Some(origin) = self.search.origin.take() {
                    self.panes = origin;
                }
                let q = self.search.query.clone();
                self.run_search(&q);
            }
            Action::SetMark(c) => {
                self.marks.insert(c, self.place());
                self.message = Some(format!("Mark {c} set."));
            }
            Action::JumpMark(c) => match self.marks.get(&c).copied() {
                Some(place) => {
                    self.panes = place.panes;
                    self.selected = place.selected;
                    self.topic = place.topic;
                    self.message = Some(format!("Back at mark {c}."));
                }
                None => self.message = Some(format!("No mark {c}: set one with m{c}.")),
            },
            _ => match self.overlay {
                Overlay::None => {
                    for _ in 0..times {
                        self.normal(action);
                    }
                }
                Overlay::Help { scroll } => {
                    let positions = view::help::max_scroll(self) + 1;
                    self.overlay_action(action, scroll, positions, Action::Help);
                }
                Overlay::Problems { scroll } if action == Action::Open => self.open_problem(scroll),
                Overlay::Problems { scroll } if action == Action::EditBrief => {
                    self.edit_problem(scroll)
                }
                Overlay::Problems { scroll } => {
                    let len = view::problems::line_count(self);
                    self.overlay_action(action, scroll, len, Action::Problems);
                }
                Overlay::Picker { pane, cursor } => self.picker(action, pane, cursor),
                Overlay::Figures => self.figures_action(action),
                Overlay::Results { cursor } => self.results_action(action, cursor),
                Overlay::Card { card, scroll } => {
                    let positions = view::card::max_scroll(self, card) + 1;
                    let toggle = match card {
                        Card::Annotation(_) => Action::ShowAnnotation,
                        Card::Document(_) => Action::ShowDocument,
                    };
                    self.overlay_action(action, scroll, positions, toggle);
                }
            },
        }
    }

    /// The reading keys, with nothing open over the panes.
    fn normal(&mut self, action: Action) {
        let page = self.page() as isize;
        match action {
            Action::Quit => self.quit = true,
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(page.max(2) - 1),
            Action::PageUp => self.move_by(1 - page.max(2)),
            Action::HalfPageDown => self.move_by((page / 2).max(1)),
            Action::HalfPageUp => self.move_by(-(page / 2).max(1)),
            Action::Top => self.move_to_end(false),
            Action::Bottom => self.move_to_end(true),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Open => self.open(),
            Action::SearchStart => {
                self.search.typing = Some(String::new());
                self.search.cursor = 0;
                self.search.recalled = None;
                self.search.origin = Some(self.panes);
            }
            Action::Next | Action::Prev => {
                let forward = action == Action::Next;
                if self.search.is_active() {
                    self.step_match(forward);
                } else {
                    self.step_annotation(forward);
                }
            }
            Action::NextTopic => self.step_topic(true),
            Action::PrevTopic => self.step_topic(false),
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::Problems => self.overlay = Overlay::Problems { scroll: 0 },
            Action::Results => self.open_results(),
            Action::EditBrief => self.edit_selected(),
            Action::SortPicker => self.sort_picker(),
            Action::CycleHighlights => {
                self.highlights = self.highlights.next();
                self.message = Some(self.highlights.describe().into());
            }
            Action::ShowAnnotation => match self.selected {
                Some(a) => {
                    self.overlay = Overlay::Card {
                        card: Card::Annotation(a),
                        scroll: 0,
                    }
                }
                None => {
                    self.message = Some("No annotation selected: n or Enter selects one.".into())
                }
            },
            Action::ShowDocument => match self.panes[self.focused_pane()].doc {
                Some(d) => {
                    self.overlay = Overlay::Card {
                        card: Card::Document(d),
                        scroll: 0,
                    }
                }
                None => self.message = Some("No document in this pane: o chooses one.".into()),
            },
            Action::PickDocument => {
                let pane = self.focused_pane();
                let cursor = self.panes[pane].doc.unwrap_or(0);
                self.overlay = Overlay::Picker { pane, cursor };
            }
            Action::Close => {
                if self.search.is_active() {
                    self.clear_search();
                } else if self.selected.is_some() {
                    self.selected = None;
                } else {
                    // `]` goes on from here.
                    self.last_topic = self.topic.or(self.last_topic);
                    self.topic = None;
                }
            }
            Action::ToggleSync => {
                self.sync = !self.sync;
                self.message = Some(format!(
                    "Synchronised scrolling {}.",
                    if self.sync { "on" } else { "off" }
                ));
                let p = self.focused_pane();
                self.sync_from(p);
            }
            Action::ToggleCounterpart => {
                self.mark_counterpart = !self.mark_counterpart;
                self.message = Some(format!(
                    "Counterpart marking {}.",
                    if self.mark_counterpart { "on" } else { "off" }
                ));
            }
            Action::SwitchPane => {
                let both = areas(self.size, self).both_panes();
                let other = 1 - self.focused_pane().min(1);
                if !both {
                    self.shown = other;
                }
                self.focus = Focus::Pane(other);
            }
            Action::Print => self.print(),
            Action::Figures(_) => self.open_figures(),
            Action::MarkPrefix => self.pending = Some(Mode::Mark),
            Action::JumpPrefix => self.pending = Some(Mode::Jump),
            _ => {}
        }
    }

    /// Help and problems: scroll, close, or close and do what was asked.
    fn overlay_action(&mut self, action: Action, scroll: usize, len: usize, toggle: Action) {
        let page = self.page();
        let max = len.saturating_sub(1);
        let scroll = match action {
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll + page / 2,
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page / 2),
            Action::Top => 0,
            Action::Bottom => max,
            Action::Close | Action::Quit => {
                self.overlay = Overlay::None;
                return;
            }
            a if a == toggle => {
                self.overlay = Overlay::None;
                return;
            }
            other => {
                self.overlay = Overlay::None;
                self.normal(other);
                return;
            }
        }
        .min(max);
        self.overlay = match self.overlay {
            Overlay::Help { .. } => Overlay::Help { scroll },
            Overlay::Problems { .. } => Overlay::Problems { scroll },
            Overlay::Card { card, .. } => Overlay::Card { card, scroll },
            other => other,
        };
    }

    /// The document picker.
    fn picker(&mut self, action: Action, pane: usize, cursor: usize) {
        // The cursor is a document; it moves through the documents in the picker's order.
        let order = self.picker_order();
        let at = order.iter().position(|&d| d == cursor).unwrap_or(0);
        let step = |k: usize| order.get(k).copied().unwrap_or(cursor);
        let cursor = match action {
            Action::Down => step((at + 1).min(order.len().saturating_sub(1))),
            Action::Up => step(at.saturating_sub(1)),
            Action::Top | Action::PageUp => step(0),
            Action::Bottom | Action::PageDown => step(order.len().saturating_sub(1)),
            Action::SortPicker => {
                self.sort_picker();
                cursor
            }
            Action::Open => {
                self.overlay = Overlay::None;
                if cursor < self.corpus.documents.len() {
                    self.set_doc(pane, cursor);
                    self.focus = Focus::Pane(pane);
                    self.sync_from(1 - pane.min(1));
                }
                return;
            }
            Action::Close | Action::Quit | Action::PickDocument => {
                self.overlay = Overlay::None;
                return;
            }
            _ => cursor,
        };
        self.overlay = Overlay::Picker { pane, cursor };
    }

    /// Rows in a page of what has the focus.
    fn page(&self) -> usize {
        match self.focus {
            Focus::Topics => areas(self.size, self)
                .nav
                .map_or(1, |r| usize::from(inner(r).height).max(1)),
            Focus::Pane(p) => self.pane_height(p),
        }
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Topics => {
                let last = self.nav_items().len().saturating_sub(1);
                self.nav_cursor = self.nav_cursor.saturating_add_signed(delta).min(last);
                self.preview_nav_item();
            }
            Focus::Pane(p) => self.scroll_by(p, delta),
        }
    }

    fn move_to_end(&mut self, end: bool) {
        match self.focus {
            Focus::Topics => {
                self.nav_cursor = if end {
                    self.nav_items().len().saturating_sub(1)
                } else {
                    0
                };
            }
            Focus::Pane(p) => self.scroll_to_end(p, end),
        }
    }

    /// Tab: the navigator, then each pane on screen.
    fn cycle_focus(&mut self, forward: bool) {
        let order: Vec<Focus> = if areas(self.size, self).both_panes() {
            vec![Focus::Topics, Focus::Pane(0), Focus::Pane(1)]
        } else {
            vec![Focus::Topics, Focus::Pane(self.shown)]
        };
        let k = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        let next = if forward {
            (k + 1) % n
        } else {
            (k + n - 1) % n
        };
        self.focus = order[next];
    }

    /// Enter: in the navigator, open a topic or select an annotation; in a pane, select
    /// the next annotation on screen.
    fn open(&mut self) {
        match self.focus {
            Focus::Topics => match self.nav_items().get(self.nav_cursor).copied() {
                Some(NavItem::Topic(t)) => {
                    let open = self.open_topics.get(t).copied().unwrap_or(false);
                    if let Some(o) = self.open_topics.get_mut(t) {
                        *o = !open;
                    }
                    self.topic = if open { None } else { Some(t) };
                }
                Some(NavItem::Annotation { topic, annotation }) => {
                    self.topic = Some(topic);
                    self.select_annotation(annotation);
                }
                None => {}
            },
            Focus::Pane(p) => self.select_on_screen(p),
        }
    }

    /// Selects the first annotation quoted on pane `p`'s screen after the selected one.
    fn select_on_screen(&mut self, p: usize) {
        let Some(doc) = self.panes[p].doc else { return };
        let r = self.pane_rect(p);
        let Some(rows) = self.rows(doc, r.width.max(1)) else {
            return;
        };
        let top = crate::reader::layout_cache::row_of(&rows, self.panes[p].top);
        let end = rows
            .get(
                (top + usize::from(r.height))
                    .min(rows.len())
                    .saturating_sub(1),
            )
            .map_or(0, |row| row.end);
        let start = self.panes[p].top;
        let mut here: Vec<(usize, usize)> = self
            .corpus
            .annotations
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                a.quotes.iter().find_map(|q| {
                    q.anchor
                        .as_ref()
                        .ok()
                        .filter(|x| x.doc == doc && x.range.start < end && x.range.end > start)
                        .map(|x| (x.range.start, i))
                })
            })
            .collect();
        here.sort_unstable();
        let after = self
            .selected
            .and_then(|s| here.iter().position(|(_, i)| *i == s))
            .map_or(0, |k| k + 1);
        match here.get(after).or(here.first()) {
            Some(&(_, a)) => self.select_annotation(a),
            None => self.message = Some("No annotation on this screen.".into()),
        }
    }

    /// The wheel scrolls what is under the pointer.
    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let delta = if down { WHEEL_ROWS } else { -WHEEL_ROWS };
        let pos = ratatui::layout::Position::new(column, row);
        match self.overlay {
            Overlay::Help { .. }
            | Overlay::Problems { .. }
            | Overlay::Picker { .. }
            | Overlay::Figures
            | Overlay::Card { .. }
            | Overlay::Results { .. } => {
                self.update(if down { Action::Down } else { Action::Up });
                return;
            }
            Overlay::None => {}
        }
        let a = areas(self.size, self);
        if let Some(i) = (0..2).find(|&i| a.panes[i].is_some_and(|r| r.contains(pos))) {
            self.scroll_by(i, delta);
        } else if a.nav.is_some_and(|r| r.contains(pos)) {
            let last = self.nav_items().len().saturating_sub(1);
            self.nav_cursor = self.nav_cursor.saturating_add_signed(delta).min(last);
        }
    }
}
