//! The one key table. Dispatch, the status line hints and the help overlay all read it, so
//! what the help says is what the keys do.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

mod table;

use crate::reader::action::Action;

pub use table::KEYS;

/// What the keyboard is doing: reading, typing a search, or naming a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Bindings that work in every mode (Ctrl-C).
    Any,
    /// Reading: moving, opening, searching.
    Normal,
    /// Typing a search query.
    Prompt,
    /// After `m`: the letter to remember the place under.
    Mark,
    /// After `'`: the letter of the place to return to.
    Jump,
    /// In the figures view (`f`).
    Figures,
}

impl Mode {
    /// The modes in the order the help overlay and README's key table list them: both
    /// read this one list, so neither can leave a mode out.
    pub const SECTIONS: [Mode; 6] = [
        Mode::Normal,
        Mode::Any,
        Mode::Prompt,
        Mode::Mark,
        Mode::Jump,
        Mode::Figures,
    ];

    /// The heading of the mode's section in the help overlay.
    pub fn heading(self) -> &'static str {
        match self {
            Mode::Any => "Always",
            Mode::Normal => "Reading",
            Mode::Prompt => "Typing a search",
            Mode::Mark => "After m",
            Mode::Jump => "After '",
            Mode::Figures => "In the figures view (f), besides the reading keys",
        }
    }
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// One key with its modifiers (Shift is part of the character, never a modifier).
    Code(KeyCode, KeyModifiers),
    /// Any ASCII letter; the action receives it.
    Letter,
    /// Any printable character; the action receives it.
    Printable,
    /// A digit 1 to 9 (0 too once a count has begun); the action receives it.
    Digit,
    /// The mouse wheel, over a pane.
    Wheel,
}

/// What a binding does.
#[derive(Debug, Clone, Copy)]
pub enum Bound {
    /// This action.
    Do(Action),
    /// The action made from the character typed.
    WithChar(fn(char) -> Action),
    /// Scrolling at the pointer's position.
    Wheel,
}

impl Bound {
    /// A representative action, for descriptions.
    pub fn action(&self) -> Action {
        match self {
            Bound::Do(action) => *action,
            Bound::WithChar(make) => make('a'),
            Bound::Wheel => Action::Wheel {
                column: 0,
                row: 0,
                down: true,
            },
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Key],
    pub bound: Bound,
    /// The word shown in the status line, for the main keys.
    pub hint: Option<&'static str>,
}

impl Binding {
    /// The help text (the action's description).
    pub fn help(&self) -> &'static str {
        self.bound.action().description()
    }

    /// The keys as the user types them, e.g. `j ↓`.
    pub fn keys_label(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| key_label(*k)).collect();
        labels.join(" ")
    }
}

/// The help's sections in order: each mode with its bindings, modes without any left out.
/// The help overlay and README's key table both read this.
pub fn sections() -> impl Iterator<Item = (Mode, Vec<&'static Binding>)> {
    Mode::SECTIONS.into_iter().filter_map(|mode| {
        let rows: Vec<&Binding> = KEYS.iter().filter(|b| b.mode == mode).collect();
        (!rows.is_empty()).then_some((mode, rows))
    })
}

/// The action a key press means in `mode`, if any.
pub fn action_for(mode: Mode, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let (code, mods) = normalise(event);
    // Ctrl-C always quits, also when a terminal reads it together with a lone Esc sent
    // just before (which arrives as Alt).
    if code == KeyCode::Char('c') && mods.contains(KeyModifiers::CONTROL) {
        return Some(Action::Interrupt);
    }
    let found = |m: Mode| {
        KEYS.iter().filter(|b| b.mode == m).find_map(|b| {
            b.keys.iter().find_map(|k| match (*k, code) {
                (Key::Code(c, m), _) if c == code && m == mods => Some(b.bound.action()),
                (Key::Letter, KeyCode::Char(c)) if c.is_ascii_alphabetic() && mods.is_empty() => {
                    with_char(b.bound, c)
                }
                (Key::Printable, KeyCode::Char(c)) if !c.is_control() && mods.is_empty() => {
                    with_char(b.bound, c)
                }
                (Key::Digit, KeyCode::Char(c)) if c.is_ascii_digit() && mods.is_empty() => {
                    with_char(b.bound, c)
                }
                _ => None,
            })
        })
    };
    // The figures view moves with the reading keys; its own come first.
    let reading = || {
        (mode == Mode::Figures)
            .then(|| found(Mode::Normal))
            .flatten()
    };
    found(Mode::Any).or_else(|| found(mode)).or_else(reading)
}

fn with_char(bound: Bound, c: char) -> Option<Action> {
    match bound {
        Bound::WithChar(make) => Some(make(c)),
        _ => None,
    }
}

/// Shift is carried by the character itself ('G', '?'); Alt and Ctrl stay.
fn normalise(event: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mods = event.modifiers - KeyModifiers::SHIFT;
    match event.code {
        KeyCode::Char(c) => (KeyCode::Char(c), mods),
        code => (code, mods),
    }
}

/// The action for a mouse event, if it means one.
pub fn mouse_action(event: MouseEvent) -> Option<Action> {
    let down = match event.kind {
        MouseEventKind::ScrollDown => true,
        MouseEventKind::ScrollUp => false,
        _ => return None,
    };
    Some(Action::Wheel {
        column: event.column,
        row: event.row,
        down,
    })
}

/// The main keys and their words, for the status line.
pub fn hints() -> impl Iterator<Item = (String, &'static str)> {
    hints_in(Mode::Normal)
}

/// The keys of `mode` that have a word, with it: a status line or a box's bottom line.
pub fn hints_in(mode: Mode) -> impl Iterator<Item = (String, &'static str)> {
    KEYS.iter().filter(move |b| b.mode == mode).filter_map(|b| {
        b.hint
            .map(|h| (b.keys.first().map_or(String::new(), |k| key_label(*k)), h))
    })
}

/// How a key is written in the help and the status line.
pub fn key_label(key: Key) -> String {
    let (code, mods) = match key {
        Key::Code(code, mods) => (code, mods),
        Key::Letter => return "a-z".to_string(),
        Key::Printable => return "text".to_string(),
        Key::Digit => return "1-9".to_string(),
        Key::Wheel => return "wheel".to_string(),
    };
    let name = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Up => "↑".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::BackTab => "S-Tab".to_string(),
        KeyCode::Backspace => "Bksp".to_string(),
        other => other.to_string(),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("C-{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::action::FigureKey;

    #[test]
    fn no_key_is_bound_twice() {
        let modes = [
            Mode::Normal,
            Mode::Prompt,
            Mode::Mark,
            Mode::Jump,
            Mode::Figures,
        ];
        for mode in modes {
            let mut seen: Vec<Key> = Vec::new();
            for b in KEYS
                .iter()
                .filter(|b| b.mode == mode || b.mode == Mode::Any)
            {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} bound twice in {mode:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn shifted_characters_and_control_keys_dispatch() {
        let shift = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Normal, shift), Some(Action::Bottom));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Prompt, ctrl_c), Some(Action::Interrupt));
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Prompt, q), Some(Action::Input('q')));
        assert_eq!(action_for(Mode::Mark, q), Some(Action::SetMark('q')));
        let alt_ctrl_c = KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        );
        assert_eq!(
            action_for(Mode::Normal, alt_ctrl_c),
            Some(Action::Interrupt)
        );
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Normal, ctrl_d), Some(Action::HalfPageDown));
        // The figures view: its own keys first, then the reading keys.
        let d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::NONE);
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::Figures, d),
            Some(Action::Figures(FigureKey::Document))
        );
        assert_eq!(action_for(Mode::Figures, j), Some(Action::Down));
        assert_eq!(
            action_for(Mode::Figures, q),
            Some(Action::Figures(FigureKey::Close))
        );
    }

    #[test]
    fn every_hint_names_a_key() {
        assert!(hints().all(|(k, _)| !k.is_empty()));
        assert!(hints().any(|(k, h)| k == "?" && h == "help"));
    }
}
