//! The interactive reader: two documents side by side, the topic navigator, search, marks.
//! State lives in [`App`]; [`App::update`] applies a [`Msg`] (a key, an [`Action`], a
//! resize, a finished load); [`render`] draws from `&App` into any ratatui backend, which
//! is how the tests render whole screens.

pub mod action;
pub mod aligned;
pub mod debounce;
mod editor;
mod event_loop;
pub mod figures;
mod follow;
pub mod keymap;
pub mod layout;
pub mod layout_cache;
pub mod live;
pub mod msg;
pub mod pairs;
pub mod palette;
pub mod reload;
pub mod results;
pub mod search_folds;
pub mod state;
mod terminal;
mod update;
pub mod view;

use std::io;
use std::sync::mpsc::{Sender, channel};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event;

pub use action::Action;
pub use event_loop::{Input, IntoIo, event_loop};
pub use msg::Msg;
pub use state::App;
pub use view::render;

use crate::engine::opening::Opening;
use crate::engine::{CorpusSource, LastGood};
use crate::reader::live::Live;
use crate::reader::palette::Palette;

/// Runs the reader until the user quits; the terminal is restored on every way out. The
/// first frame shows `opening` (the whole corpus, or the part of a large one that the
/// first screen needs, the rest loading in the background). A corpus from a folder is
/// watched and reloaded in the background when its files change; the briefs' last good
/// versions keep a brief broken later on screen.
pub fn run(opening: Opening, source: CorpusSource) -> io::Result<()> {
    let (corpus, last_good, loading) = match opening {
        Opening::Whole(corpus, last_good) => (corpus, last_good, None),
        Opening::Part { corpus, documents } => (corpus, LastGood::default(), Some(documents)),
    };
    let mut app = App::new(corpus)
        .with_source(source.clone())
        .with_palette(Palette::from_env());
    if let Some(documents) = loading {
        app.update(Msg::Loading { documents });
    }
    let (tx, inputs) = channel();
    let files = tx.clone();
    let loads = tx.clone();
    let mut terminal = terminal::init()?;
    // The first frame comes before the watch starts: a recursive watch walks the corpus.
    first_frame(&mut terminal, &mut app)?;
    let mut live = Live::start(
        &source,
        last_good,
        move || {
            let _ = files.send(Ok(Input::Files));
        },
        move |loaded| {
            let _ = loads.send(Ok(Input::Loaded(Box::new(loaded))));
        },
    );
    if let Some(failed) = live.as_ref().and_then(Live::watch_failed) {
        app.update(Msg::Status(failed.to_string()));
    }
    if loading.is_some()
        && let Some(live) = live.as_mut()
    {
        live.load_whole();
    }
    // Terminal events come through the same channel as file changes and finished loads,
    // so the loop can sleep until any of them arrives.
    std::thread::spawn(move || read_terminal(&tx));
    let result = event_loop(&mut terminal, &mut app, &inputs, live.as_mut());
    terminal::restore();
    result
}

fn first_frame<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> io::Result<()>
where
    B::Error: IntoIo,
{
    let size = terminal.size().map_err(IntoIo::into_io)?;
    // A parallel pair opens in sync.
    app.update(Msg::Resized {
        width: size.width,
        height: size.height,
    });
    terminal
        .draw(|frame| render(app, frame))
        .map_err(IntoIo::into_io)?;
    Ok(())
}

/// Sends terminal events until reading fails (the error is sent too) or the loop is gone.
/// (crossterm's default mio source can leave keys that came with a resize unread until the
/// next key: see `keys_and_resizes_in_quick_succession` in tests/pty.rs.)
fn read_terminal(tx: &Sender<io::Result<Input>>) {
    loop {
        // While an editor runs, the input is its own: wait, without reading.
        if editor::EDITING.load(std::sync::atomic::Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(20));
            continue;
        }
        match event::poll(Duration::from_millis(50)) {
            Ok(false) => continue,
            Ok(true) => {}
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        }
        if editor::EDITING.load(std::sync::atomic::Ordering::SeqCst) {
            continue;
        }
        let event = event::read();
        let failed = event.is_err();
        if tx.send(event.map(Input::Terminal)).is_err() || failed {
            return;
        }
    }
}
