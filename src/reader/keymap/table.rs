//! The key table itself: every binding of every mode, in the order the help lists them.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::reader::action::{Action, Edit, FigureKey};
use crate::reader::keymap::Mode::{self, Any, Figures, Jump, Mark, Normal, Prompt};
use crate::reader::keymap::{Binding, Bound, Key};

const fn ch(c: char) -> Key {
    Key::Code(KeyCode::Char(c), KeyModifiers::NONE)
}

const fn ctrl(c: char) -> Key {
    Key::Code(KeyCode::Char(c), KeyModifiers::CONTROL)
}

const fn key(code: KeyCode) -> Key {
    Key::Code(code, KeyModifiers::NONE)
}

const fn bind(
    mode: Mode,
    keys: &'static [Key],
    action: Action,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        mode,
        keys,
        bound: Bound::Do(action),
        hint,
    }
}

const fn fig(keys: &'static [Key], key: FigureKey, hint: &'static str) -> Binding {
    bind(Figures, keys, Action::Figures(key), Some(hint))
}

/// A prompt key that edits the query.
const fn edit(keys: &'static [Key], edit: Edit) -> Binding {
    bind(Prompt, keys, Action::Prompt(edit), None)
}

/// A key class (`Letter`, `Printable`, `Digit`) whose character makes the action.
const fn typed(mode: Mode, keys: &'static [Key], make: fn(char) -> Action) -> Binding {
    Binding {
        mode,
        keys,
        bound: Bound::WithChar(make),
        hint: None,
    }
}

/// Every key the reader knows, in the order the help lists them.
pub const KEYS: &[Binding] = &[
    bind(Any, &[ctrl('c')], Action::Interrupt, None),
    bind(Normal, &[ch('q')], Action::Quit, Some("quit")),
    bind(Normal, &[ch('j'), key(KeyCode::Down)], Action::Down, None),
    bind(Normal, &[ch('k'), key(KeyCode::Up)], Action::Up, None),
    bind(
        Normal,
        &[key(KeyCode::PageDown), ch(' '), ctrl('f')],
        Action::PageDown,
        None,
    ),
    bind(
        Normal,
        &[key(KeyCode::PageUp), ch('b'), ctrl('b')],
        Action::PageUp,
        None,
    ),
    bind(Normal, &[ctrl('d')], Action::HalfPageDown, None),
    bind(Normal, &[ctrl('u')], Action::HalfPageUp, None),
    bind(Normal, &[ch('g'), key(KeyCode::Home)], Action::Top, None),
    bind(Normal, &[ch('G'), key(KeyCode::End)], Action::Bottom, None),
    bind(
        Normal,
        &[key(KeyCode::Tab)],
        Action::FocusNext,
        Some("focus"),
    ),
    bind(Normal, &[key(KeyCode::BackTab)], Action::FocusPrev, None),
    bind(Normal, &[key(KeyCode::Enter)], Action::Open, Some("open")),
    bind(Normal, &[ch('/')], Action::SearchStart, Some("search")),
    bind(Normal, &[ch('n')], Action::Next, Some("next")),
    bind(Normal, &[ch('N')], Action::Prev, None),
    bind(Normal, &[ch(']')], Action::NextTopic, Some("topic")),
    bind(Normal, &[ch('[')], Action::PrevTopic, None),
    bind(Normal, &[ch('o')], Action::PickDocument, Some("docs")),
    bind(Normal, &[ch('w')], Action::SwitchPane, None),
    bind(Normal, &[ch('s')], Action::ToggleSync, None),
    bind(Normal, &[ch('c')], Action::ToggleCounterpart, None),
    bind(Normal, &[ch('e')], Action::Problems, None),
    bind(Normal, &[ch('r')], Action::Results, None),
    bind(Normal, &[ch('h')], Action::CycleHighlights, None),
    bind(Normal, &[ch('t')], Action::CycleListing, None),
    bind(Normal, &[ch('E')], Action::EditBrief, None),
    bind(Normal, &[ch('S')], Action::SortPicker, None),
    bind(Normal, &[ch('i')], Action::ShowAnnotation, None),
    bind(Normal, &[ch('d')], Action::ShowDocument, None),
    bind(Normal, &[ch('p')], Action::Print, None),
    bind(Normal, &[ch('f')], Action::Figures(FigureKey::Open), None),
    bind(Normal, &[ch('m')], Action::MarkPrefix, None),
    bind(Normal, &[ch('\'')], Action::JumpPrefix, None),
    bind(Normal, &[ch('?')], Action::Help, Some("help")),
    bind(Normal, &[key(KeyCode::Esc)], Action::Close, None),
    typed(Normal, &[Key::Digit], Action::Digit),
    Binding {
        mode: Normal,
        keys: &[Key::Wheel],
        bound: Bound::Wheel,
        hint: None,
    },
    bind(Prompt, &[key(KeyCode::Enter)], Action::Submit, None),
    bind(Prompt, &[key(KeyCode::Esc)], Action::Cancel, None),
    bind(Prompt, &[key(KeyCode::Backspace)], Action::Backspace, None),
    edit(&[key(KeyCode::Left)], Edit::Left),
    edit(&[key(KeyCode::Right)], Edit::Right),
    edit(&[ctrl('a'), key(KeyCode::Home)], Edit::Home),
    edit(&[ctrl('e'), key(KeyCode::End)], Edit::End),
    edit(&[ctrl('w')], Edit::DeleteWord),
    edit(&[ctrl('u')], Edit::DeleteToStart),
    edit(&[key(KeyCode::Up)], Edit::Older),
    edit(&[key(KeyCode::Down)], Edit::Newer),
    typed(Prompt, &[Key::Printable], Action::Input),
    fig(&[key(KeyCode::Enter)], FigureKey::Go, "go to"),
    fig(&[ch('s')], FigureKey::Sort, "sort"),
    fig(&[ch('r')], FigureKey::Reverse, "reverse"),
    fig(&[ch('c')], FigureKey::Compare, "compare"),
    fig(&[ch('t')], FigureKey::Topic, "topic"),
    fig(&[ch('y')], FigureKey::Kind, "kind"),
    fig(&[ch('d')], FigureKey::Document, "doc"),
    fig(&[ch('l')], FigureKey::Language, "lang"),
    fig(&[ch('x')], FigureKey::Clear, "clear"),
    fig(
        &[key(KeyCode::Esc), ch('q'), ch('f')],
        FigureKey::Close,
        "close",
    ),
    typed(Mark, &[Key::Letter], Action::SetMark),
    typed(Jump, &[Key::Letter], Action::JumpMark),
];
