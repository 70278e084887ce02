//! The interactive reader: two documents side by side, the topic navigator, search, marks.
//! State lives in [`App`]; [`App::update`] applies a [`Msg`] (a key, an [`Action`], a
//! resize, a finished load); [`render`] draws from `&App` into any ratatui backend, which
//! is how the tests render whole screens.

pub mod action;
pub mod aligned;
pub mod debounce;
mod editor;
pub mod figures;
mod follow;
pub mod keymap;
pub mod layout_cache;
pub mod live;
pub mod msg;
pub mod reload;
pub mod results;
pub mod search_folds;
pub mod state;
mod terminal;
mod update;
pub mod view;

use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

pub use action::Action;
pub use msg::Msg;
pub use state::App;
pub use view::render;

use crate::engine::opening::Opening;
use crate::engine::{CorpusSource, LastGood};
use crate::reader::live::{Live, Loaded};
use crate::reader::view::style::Palette;

/// What wakes the event loop.
#[derive(Debug)]
pub enum Input {
    /// A key, the mouse, a resize.
    Terminal(Event),
    /// Seeds or briefs changed on disk.
    Files,
    /// A load in the background is done: the whole corpus, or a reload.
    Loaded(Box<Loaded>),
}

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
    B::Error: Into<io::Error>,
{
    let size = terminal.size().map_err(Into::into)?;
    // A parallel pair opens in sync.
    app.update(Msg::Resized {
        width: size.width,
        height: size.height,
    });
    terminal
        .draw(|frame| render(app, frame))
        .map_err(Into::into)?;
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

/// The longest stretch of queued input applied before a frame is drawn.
const BURST: Duration = Duration::from_millis(50);

/// Draws, waits for an input, applies it; until the app quits. Generic over the backend;
/// inputs come from a channel. While a reload is pending the wait ends when it is due;
/// otherwise the loop sleeps until something arrives.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    inputs: &Receiver<io::Result<Input>>,
    mut live: Option<&mut Live>,
) -> io::Result<()>
where
    B::Error: Into<io::Error>,
{
    let gone = || io::Error::other("the terminal's event reader stopped");
    let mut draw = true;
    // Whether the user has done anything yet: the whole corpus, once loaded, opens on its
    // own first pair only if not.
    let mut touched = false;
    while !app.quit {
        if draw {
            app.update(size_of(terminal)?);
            let _screen = terminal::hold_screen();
            terminal
                .draw(|frame| render(app, frame))
                .map_err(Into::into)?;
        }
        let input = match live.as_deref().and_then(Live::due) {
            Some(due) => match inputs.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(input) => Some(input?),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Err(gone()),
            },
            None => Some(inputs.recv().map_err(|_| gone())??),
        };
        // Everything that has already arrived is applied before the next frame, typing
        // searched once at the end: keys faster than a search never queue searches.
        app.update(Msg::BurstStart);
        draw = apply(app, input, live.as_deref_mut(), &mut touched);
        let burst = Instant::now();
        // A flood of input still gives way to a frame now and then.
        while !app.quit && burst.elapsed() < BURST {
            let Ok(more) = inputs.try_recv() else {
                break;
            };
            // Each input sees the panes as a frame would have left them.
            app.update(size_of(terminal)?);
            draw |= apply(app, Some(more?), live.as_deref_mut(), &mut touched);
        }
        app.update(Msg::BurstEnd);
        if let Some(request) = app.edit_request().cloned() {
            let status = run_editor(terminal, &request)?;
            app.update(Msg::Edited { status });
            draw = true;
        }
    }
    Ok(())
}

/// The terminal's size, as a message.
fn size_of<B: Backend>(terminal: &Terminal<B>) -> io::Result<Msg>
where
    B::Error: Into<io::Error>,
{
    let size = terminal.size().map_err(Into::into)?;
    Ok(Msg::Size {
        width: size.width,
        height: size.height,
    })
}

/// Runs the editor on `request` with the terminal given back, then takes it again and
/// redraws it whole; live reload sees what was saved. Says how the editor ended.
fn run_editor<B: Backend>(
    terminal: &mut Terminal<B>,
    request: &editor::EditRequest,
) -> io::Result<String>
where
    B::Error: Into<io::Error>,
{
    use std::sync::atomic::Ordering;
    editor::EDITING.store(true, Ordering::SeqCst);
    // The reading thread polls in 50 ms steps: let it see the flag before the editor reads.
    std::thread::sleep(Duration::from_millis(120));
    terminal::restore();
    let command = editor::editor_command();
    let shown = crate::engine::clean::clean_os(request.path.as_os_str());
    let status = command.split_first().map(|(program, args)| {
        std::process::Command::new(program)
            .args(args)
            .arg(format!("+{}", request.line))
            .arg(&request.path)
            .status()
    });
    let resumed = terminal::resume();
    editor::EDITING.store(false, Ordering::SeqCst);
    resumed?;
    // Both of ratatui's buffers blank: the next frame is drawn whole on the cleared screen
    // (`Terminal::clear` would ask the terminal for its cursor first).
    terminal.swap_buffers();
    Ok(match status {
        Some(Ok(s)) if s.success() => format!("Back from the editor ({shown}:{})", request.line),
        Some(Ok(s)) => format!("The editor ended with {s} ({shown})"),
        Some(Err(e)) => format!(
            "Could not run the editor `{}`: {e}; set $EDITOR",
            command.join(" ")
        ),
        None => "No editor: set $EDITOR".to_string(),
    })
}

/// Applies one input (`None`: a pending reload is due); whether a frame should follow.
fn apply(app: &mut App, input: Option<Input>, live: Option<&mut Live>, touched: &mut bool) -> bool {
    match (input, live) {
        (Some(Input::Terminal(event)), _) => {
            *touched |= matches!(event, Event::Key(_) | Event::Mouse(_) | Event::Paste(_));
            if let Some(msg) = Msg::from_event(event) {
                app.update(msg);
            }
            true
        }
        (Some(Input::Loaded(loaded)), Some(live)) => {
            app.update(live.finished(*loaded, *touched));
            true
        }
        (Some(Input::Loaded(_)), None) => false,
        // Nothing to show yet: the reload waits for the files to settle.
        (Some(Input::Files), Some(live)) => {
            live.changed(Instant::now());
            false
        }
        (Some(Input::Files), None) => false,
        // The reload runs in the background; its result wakes the loop.
        (None, Some(live)) => {
            live.reload_if_due(Instant::now());
            false
        }
        (None, None) => true,
    }
}
