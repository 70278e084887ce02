//! The figures view's keys: moving the cursor, closing, and Enter going to the figure's
//! quotes in the panes; what is listed and how is `FiguresView`'s own.

use crate::reader::action::{Action, FigureKey};
use crate::reader::state::{App, Overlay};

impl App {
    /// `f`: opens the figures view where it was left.
    pub(crate) fn open_figures(&mut self) {
        self.figures.refresh(&self.corpus);
        self.overlay = Overlay::Figures;
    }

    /// A key in the figures view.
    pub(crate) fn figures_action(&mut self, action: Action) {
        let view = &mut self.figures;
        let at = view.cursor();
        let page = usize::from(self.view.size.height.saturating_sub(8)).max(1);
        match action {
            Action::Down => view.set_cursor(at + 1),
            Action::Up => view.set_cursor(at.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => view.set_cursor(at + page),
            Action::PageUp | Action::HalfPageUp => view.set_cursor(at.saturating_sub(page)),
            Action::Top => view.set_cursor(0),
            Action::Bottom => view.set_cursor(usize::MAX),
            Action::Open | Action::Figures(FigureKey::Go) => {
                let Some(a) = view.current() else {
                    self.status.message = Some("No figure to go to: x clears the filters.".into());
                    return;
                };
                self.overlay = Overlay::None;
                self.select_annotation(a);
            }
            Action::Close | Action::Quit | Action::Figures(FigureKey::Open | FigureKey::Close) => {
                self.overlay = Overlay::None;
            }
            Action::Figures(key) => self.figures.apply_key(&self.corpus, key),
            _ => {}
        }
    }
}
