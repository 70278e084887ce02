//! The event loop: draws, sleeps on one channel until an input comes (a terminal event,
//! a file change, a finished load), turns it into a [`Msg`] for [`App::update`], and
//! steps aside for the editor when one was asked for. Generic over the backend, so it
//! runs under test in ratatui's `TestBackend`.

use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;

use crate::reader::editor::{EDITING, EditRequest, editor_command};
use crate::reader::live::{Live, Loaded};
use crate::reader::msg::Msg;
use crate::reader::state::{App, SLICE};
use crate::reader::terminal::{hold_screen, restore, resume};
use crate::reader::view::render;

/// A backend's error as an I/O error: crossterm's already is one, and the
/// `TestBackend`'s never happens.
pub trait IntoIo {
    fn into_io(self) -> io::Error;
}

impl IntoIo for io::Error {
    fn into_io(self) -> io::Error {
        self
    }
}

impl IntoIo for std::convert::Infallible {
    fn into_io(self) -> io::Error {
        match self {}
    }
}

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
    B::Error: IntoIo,
{
    let gone = || io::Error::other("the terminal's event reader stopped");
    let mut draw = true;
    // Whether the user has done anything yet: the whole corpus, once loaded, opens on its
    // own first pair only if not.
    let mut touched = false;
    // Searches and layouts go on between inputs from now on, a slice at a time.
    app.update(Msg::Sliced { slice: SLICE });
    while !app.quit {
        if draw {
            app.update(size_of(terminal)?);
            let _screen = hold_screen();
            terminal
                .draw(|frame| render(app, frame))
                .map_err(IntoIo::into_io)?;
        }
        let due = live.as_deref().and_then(Live::due);
        let input = if app.working() {
            // Work left (a search, a layout, folds): a slice of it, unless input waits.
            match inputs.try_recv() {
                Ok(input) => Some(input?),
                Err(TryRecvError::Disconnected) => return Err(gone()),
                Err(TryRecvError::Empty) if due.is_some_and(|d| d <= Instant::now()) => None,
                Err(TryRecvError::Empty) => {
                    app.update(Msg::Work);
                    draw = true;
                    continue;
                }
            }
        } else {
            match due {
                Some(due) => {
                    match inputs.recv_timeout(due.saturating_duration_since(Instant::now())) {
                        Ok(input) => Some(input?),
                        Err(RecvTimeoutError::Timeout) => None,
                        Err(RecvTimeoutError::Disconnected) => return Err(gone()),
                    }
                }
                None => Some(inputs.recv().map_err(|_| gone())??),
            }
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
    B::Error: IntoIo,
{
    let size = terminal.size().map_err(IntoIo::into_io)?;
    Ok(Msg::Size {
        width: size.width,
        height: size.height,
    })
}

/// Runs the editor on `request` with the terminal given back, then takes it again and
/// redraws it whole; live reload sees what was saved. Says how the editor ended.
fn run_editor<B: Backend>(terminal: &mut Terminal<B>, request: &EditRequest) -> io::Result<String>
where
    B::Error: IntoIo,
{
    use std::sync::atomic::Ordering;
    EDITING.store(true, Ordering::SeqCst);
    // The reading thread polls in 50 ms steps: let it see the flag before the editor reads.
    std::thread::sleep(Duration::from_millis(120));
    restore();
    let command = editor_command();
    let shown = crate::engine::clean::clean_os(request.path.as_os_str());
    let status = command.split_first().map(|(program, args)| {
        std::process::Command::new(program)
            .args(args)
            .arg(format!("+{}", request.line))
            .arg(&request.path)
            .status()
    });
    let resumed = resume();
    EDITING.store(false, Ordering::SeqCst);
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

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::mpsc::{Sender, channel};

    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::engine::{CorpusSource, LastGood, load};
    use crate::reader::state::Pane;

    fn key(c: char) -> io::Result<Input> {
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        Ok(Input::Terminal(Event::Key(key)))
    }

    fn screen(terminal: &Terminal<TestBackend>) -> String {
        let buffer = terminal.backend().buffer();
        buffer.content.iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn keys_from_the_channel_move_the_panes_and_q_ends_the_loop() {
        let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
        let mut app = App::new(corpus);
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
        let (tx, inputs) = channel();
        for c in "jjjq".chars() {
            tx.send(key(c)).expect("send");
        }
        event_loop(&mut terminal, &mut app, &inputs, None).expect("the loop ends");
        assert!(app.quit());
        assert!(app.panes()[Pane::Left].top > 0, "j moved the pane");
        assert!(screen(&terminal).contains("Topics"), "a frame was drawn");
    }

    #[test]
    fn the_loop_ends_with_an_error_when_the_inputs_are_gone() {
        let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
        let mut app = App::new(corpus);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let (tx, inputs) = channel::<io::Result<Input>>();
        drop(tx);
        assert!(event_loop(&mut terminal, &mut app, &inputs, None).is_err());
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("folder");
        for entry in std::fs::read_dir(from).expect("read folder") {
            let entry = entry.expect("entry");
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).expect("copy");
            }
        }
    }

    #[test]
    fn a_change_on_disk_is_reloaded_once_it_settles_and_the_place_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader/basic");
        copy_dir(&fixture, dir.path());
        let source = CorpusSource::Dir(dir.path().to_path_buf());
        let mut app = App::new(load(&source).expect("fixture")).with_source(source.clone());
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("terminal");
        let (tx, inputs) = channel();
        let after_load: Sender<io::Result<Input>> = tx.clone();
        // No watch here: the test says when files changed. A finished load quits after it.
        let mut live = Live::start(
            &source,
            LastGood::default(),
            || {},
            move |loaded| {
                let _ = after_load.send(Ok(Input::Loaded(Box::new(loaded))));
                let _ = after_load.send(key('q'));
            },
        )
        .expect("a folder has live reload");
        app.update(Msg::Size {
            width: 120,
            height: 30,
        });
        for _ in 0..3 {
            app.update(crate::reader::Action::Down);
        }
        let top_line = |app: &App| {
            let pane = app.panes()[Pane::Left];
            let id = pane.doc.expect("a document");
            let text = app.corpus().text(id).expect("its text");
            (
                app.corpus().documents()[id].id().to_string(),
                text.line(text.line_index(pane.top)).to_string(),
            )
        };
        let before = top_line(&app);
        let seed = dir.path().join(format!("seeds/{}.txt", before.0));
        let text = std::fs::read_to_string(&seed).expect("seed");
        std::fs::write(&seed, format!("Dòng mới ở đầu.\n{text}")).expect("edit");
        tx.send(Ok(Input::Files)).expect("send");
        tx.send(Ok(Input::Files)).expect("send");
        event_loop(&mut terminal, &mut app, &inputs, Some(&mut live)).expect("the loop ends");
        let c = app.corpus();
        let doc = c.document_by_id(&before.0).expect("the document");
        assert!(
            c.text(doc)
                .expect("read again")
                .as_str()
                .starts_with("Dòng mới ở đầu.")
        );
        assert_eq!(top_line(&app), before, "the same line at the top");
        assert!(!live.loading(), "one load, done");
        assert_eq!(live.due(), None, "two changes, one reload");
    }
}
