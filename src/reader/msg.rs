//! Everything that can change the reader's state, wherever it comes from: the user's
//! intents, the terminal's input read through the key table, the terminal's size, and
//! what the loads in the background hand back. [`App::update`](crate::reader::App::update)
//! takes each; nothing else changes the state.

use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyEvent, MouseEvent};

use crate::engine::{Corpus, CorpusError};
use crate::reader::action::Action;

/// One message to the state.
#[derive(Debug)]
pub enum Msg {
    /// A user intent, already decided (tests and the mouse wheel send these).
    Action(Action),
    /// A key pressed, read through the key table in the keyboard's mode now.
    Key(KeyEvent),
    /// A mouse event (the wheel scrolls what is under the pointer).
    Mouse(MouseEvent),
    /// Text pasted (bracketed paste): one message, one search.
    Paste(String),
    /// The terminal says it was resized: the panes stay full and the partner pane
    /// follows the focused one again.
    Resized { width: u16, height: u16 },
    /// The terminal's size as a frame is about to be drawn (nothing else moves).
    Size { width: u16, height: u16 },
    /// A burst of queued input begins: typing changes the query without searching it.
    BurstStart,
    /// The burst ends: the query as it now stands is searched, once.
    BurstEnd,
    /// The rest of the corpus is loading in the background (`documents` of them).
    Loading { documents: usize },
    /// The whole corpus, loaded after the opening part; `touched` says whether the user
    /// did anything before it came (then the place is kept, as a reload keeps it).
    Whole {
        result: Result<Corpus, CorpusError>,
        took: Duration,
        touched: bool,
    },
    /// A live reload is done: the corpus again, or why it could not be read.
    Reloaded(Result<Corpus, CorpusError>),
    /// The editor the reader stepped aside for is done; `status` says how it went.
    Edited { status: String },
    /// The event loop runs: from now on a search, and making layouts exact, go on in
    /// slices of `slice` between inputs (each a `Work`), instead of whole at once. (A zero
    /// slice does one step of each: a piece of a search, a block of a layout.)
    Sliced { slice: Duration },
    /// A slice of background work, given when no input is waiting.
    Work,
    /// A line for the status line from outside the state (a watch that cannot start).
    Status(String),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

impl Msg {
    /// The message a terminal event carries, if any (focus changes carry none).
    pub fn from_event(event: Event) -> Option<Msg> {
        match event {
            Event::Key(key) => Some(Msg::Key(key)),
            Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
            Event::Resize(width, height) => Some(Msg::Resized { width, height }),
            Event::Paste(text) => Some(Msg::Paste(text)),
            _ => None,
        }
    }
}
