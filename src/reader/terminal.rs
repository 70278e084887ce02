//! The terminal: raw mode, alternate screen and mouse capture on the way in; all of it
//! undone on the way out, whether by quitting, by an error, by a panic or by a signal that
//! ends the process (SIGTERM, SIGHUP when the terminal goes, SIGINT and SIGQUIT from kill).

use std::io::{self, stdout};
use std::sync::{Mutex, MutexGuard};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

/// Takes over the terminal. ratatui's hook restores raw mode and the screen on a panic;
/// ours, run first, also gives the mouse back.
pub fn init() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        hook(info);
    }));
    // Bracketed paste: a paste arrives as one event, searched once, not key by key.
    if let Err(e) = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    restore_on_signals()?;
    Ok(terminal)
}

/// Held while a frame is written, so that a signal never restores the terminal halfway
/// through one (the frame's rest would land on the restored screen).
static SCREEN: Mutex<()> = Mutex::new(());

/// The screen, for one frame.
pub fn hold_screen() -> MutexGuard<'static, ()> {
    SCREEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// On a signal that ends the process: restore the terminal, then end as that signal's
/// default action would (so the shell sees "terminated", status 128 + N).
fn restore_on_signals() -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Never released: no frame is drawn after this.
            let screen = hold_screen();
            restore();
            std::mem::forget(screen);
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Takes the terminal again after `restore` (an editor ran): raw mode, the alternate
/// screen, the mouse and bracketed paste.
pub fn resume() -> io::Result<()> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All),
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Gives the terminal back as it was.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}
