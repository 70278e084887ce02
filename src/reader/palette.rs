//! The reader's styles. Colours come from the terminal's own palette (never fixed RGB), with
//! explicit foreground and background together where a background is set, so text stays
//! readable on dark and light terminals; NO_COLOR keeps only bold, underline and reverse.

use ratatui::style::{Color, Modifier, Style};

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub figure: Style,
    pub theme: Style,
    pub selected: Style,
    pub matched: Style,
    pub current_match: Style,
    /// The counterpart, in the other pane, of the passage at the reading line.
    pub counterpart: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub cursor: Style,
    pub dim: Style,
    pub key: Style,
    pub error: Style,
    pub heading: Style,
}

impl Palette {
    /// Colours from the terminal's 16-colour palette.
    pub fn color() -> Palette {
        Palette {
            figure: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            // The text's own colour, underlined: green text reads at about 1.9:1 on a
            // light terminal's white, the terminal's foreground always reads.
            theme: Style::new().add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            matched: Style::new().fg(Color::Black).bg(Color::Yellow),
            current_match: Style::new()
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            counterpart: Style::new().fg(Color::Blue).add_modifier(Modifier::ITALIC),
            border: Style::new(),
            border_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().add_modifier(Modifier::DIM),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// No colour at all (NO_COLOR): modifiers only.
    pub fn mono() -> Palette {
        Palette {
            figure: Style::new().add_modifier(Modifier::BOLD),
            theme: Style::new().add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
            current_match: Style::new()
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            counterpart: Style::new().add_modifier(Modifier::ITALIC),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new(),
            key: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// `mono` when NO_COLOR is set to anything non-empty (no-color.org), else `color`.
    pub fn from_env() -> Palette {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Palette::mono(),
            _ => Palette::color(),
        }
    }
}
