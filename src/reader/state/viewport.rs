//! The screen: its size, what each pane shows, where the keys go, and how the two panes
//! move together.

use ratatui::layout::Rect;

use crate::reader::state::{Pane, Panes};

/// Which part of the screen keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The topic navigator.
    Topics,
    /// A document pane.
    Pane(Pane),
}

/// The screen and the panes on it.
#[derive(Debug)]
pub struct Viewport {
    /// The terminal's size, for layout in `update`.
    pub(crate) size: Rect,
    pub(crate) panes: Panes,
    pub(crate) focus: Focus,
    /// The pane shown when only one fits.
    pub(crate) shown: Pane,
    /// Synchronised scrolling of the two panes.
    pub(crate) sync: bool,
    /// Mark, in the partner pane, the counterpart of the passage at the reading line.
    pub(crate) mark_counterpart: bool,
}

impl Default for Viewport {
    fn default() -> Viewport {
        Viewport {
            size: Rect::new(0, 0, 80, 24),
            panes: Panes::default(),
            focus: Focus::Pane(Pane::Left),
            shown: Pane::Left,
            sync: true,
            mark_counterpart: true,
        }
    }
}
