//! Keys while something is open over the panes: scrolling help, problems and cards; the
//! document picker; closing, or closing and doing what was asked.

use crate::engine::corpus::DocId;
use crate::reader::action::Action;
use crate::reader::state::{App, Focus, Overlay, Pane};

impl App {
    /// Help and cards: scroll, close, or close and do what was asked.
    pub(super) fn overlay_action(
        &mut self,
        action: Action,
        scroll: usize,
        len: usize,
        toggle: Action,
    ) {
        let page = self.page();
        let max = len.saturating_sub(1);
        let scroll = match action {
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll + page / 2,
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page / 2),
            Action::Top => 0,
            Action::Bottom => max,
            other => {
                self.close_then(other, toggle);
                return;
            }
        }
        .min(max);
        self.overlay = match self.overlay {
            Overlay::Help { .. } => Overlay::Help { scroll },
            Overlay::Card { card, .. } => Overlay::Card { card, scroll },
            other => other,
        };
    }

    /// Closes what is open; a key that is not a way to close it (Esc, q, `toggle`) then
    /// does what it does in reading mode.
    pub(super) fn close_then(&mut self, action: Action, toggle: Action) {
        self.overlay = Overlay::None;
        if !matches!(action, Action::Close | Action::Quit) && action != toggle {
            self.normal(action);
        }
    }

    /// The document picker.
    pub(super) fn picker(&mut self, action: Action, pane: Pane, cursor: DocId) {
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
                if self.corpus.documents().get(cursor).is_some() {
                    self.set_doc(pane, cursor);
                    self.view.focus = Focus::Pane(pane);
                    self.sync_from(pane.other());
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

    /// `S`: the picker's next order.
    pub(crate) fn sort_picker(&mut self) {
        self.picker_sort = self.picker_sort.next();
        self.status.message = Some(format!("The picker sorts {}.", self.picker_sort.name()));
    }
}
