//! The interactive reader: two documents side by side, the topic navigator, search, marks.
//! State lives in [`App`]; [`App::update`] applies an [`Action`]; [`render`] draws from
//! `&App` into any ratatui backend, which is how the tests render whole screens.

pub mod action;
pub mod keymap;
pub mod layout_cache;
mod print;
mod scroll;
mod select;
pub mod state;
mod terminal;
mod update;
pub mod view;

use std::io;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

pub use action::Action;
pub use state::App;
pub use view::render;

use crate::engine::{Corpus, CorpusSource};
use crate::reader::keymap::Mode;

/// Runs the reader over `corpus` until the user quits; the terminal is restored on every
/// way out. `source` is kept so the corpus can be reloaded.
pub fn run(corpus: Corpus, source: CorpusSource) -> io::Result<()> {
    let mut app = App::new(corpus);
    app.source = Some(source);
    let mut terminal = terminal::init()?;
    let result = event_loop(&mut terminal, &mut app, event::read);
    terminal::restore();
    result
}

/// Draws, waits for an event, applies it; until the app quits. Generic over the backend
/// and the event source.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut() -> io::Result<Event>,
) -> io::Result<()>
where
    B::Error: Into<io::Error>,
{
    while !app.quit {
        let size = terminal.size().map_err(Into::into)?;
        app.resize(size.width, size.height);
        terminal
            .draw(|frame| render(app, frame))
            .map_err(Into::into)?;
        handle_event(app, next_event()?);
    }
    Ok(())
}

/// Turns a terminal event into actions.
pub fn handle_event(app: &mut App, event: Event) {
    match event {
        Event::Key(key) => {
            let mode = app.mode();
            match keymap::action_for(mode, key) {
                Some(action) => app.update(action),
                // A prefix waits for a letter; any other key abandons it.
                None if matches!(mode, Mode::Mark | Mode::Jump) => app.pending = None,
                None => {}
            }
        }
        Event::Mouse(mouse) => {
            if let Some(action) = keymap::mouse_action(mouse) {
                app.update(action);
            }
        }
        Event::Resize(width, height) => app.resize(width, height),
        _ => {}
    }
}
