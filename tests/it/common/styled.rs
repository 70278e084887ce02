//! Styled screens for snapshots: each row of a TestBackend buffer, then a row of one
//! letter per cell naming its style, then a legend that says what each letter is and
//! which of the palette's styles it equals. A blank letter is the terminal's own style.

use std::fmt::Write as _;

use briefing::reader::palette::Palette;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

const LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// A cell's look: colours (the terminal's own as `None`) and modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Look {
    fg: Option<Color>,
    bg: Option<Color>,
    modifier: Modifier,
}

impl Look {
    fn of(style: Style) -> Look {
        let own = |c: Option<Color>| c.filter(|c| *c != Color::Reset);
        Look {
            fg: own(style.fg),
            bg: own(style.bg),
            modifier: style.add_modifier - style.sub_modifier,
        }
    }

    fn is_plain(self) -> bool {
        self == Look::of(Style::new())
    }

    fn describe(self) -> String {
        let mut parts = Vec::new();
        if let Some(fg) = self.fg {
            parts.push(format!("fg {fg}"));
        }
        if let Some(bg) = self.bg {
            parts.push(format!("bg {bg}"));
        }
        for (name, _) in self.modifier.iter_names() {
            parts.push(name.to_lowercase());
        }
        parts.join(", ")
    }
}

/// The palette's styles by name, in the order the legend names them.
fn names(palette: &Palette) -> [(&'static str, Style); 14] {
    [
        ("figure", palette.figure),
        ("theme", palette.theme),
        ("selected", palette.selected),
        ("matched", palette.matched),
        ("current_match", palette.current_match),
        ("counterpart", palette.counterpart),
        ("border", palette.border),
        ("border_focused", palette.border_focused),
        ("title", palette.title),
        ("cursor", palette.cursor),
        ("dim", palette.dim),
        ("key", palette.key),
        ("error", palette.error),
        ("heading", palette.heading),
    ]
}

/// The buffer as rows of text each followed by its row of style letters, then the legend.
pub fn styled(buffer: &Buffer, palette: &Palette) -> String {
    let mut looks: Vec<Look> = Vec::new();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut text = String::new();
        let mut letters = String::new();
        let mut x = 0;
        while x < buffer.area.width {
            let cell = &buffer[(x, y)];
            let look = Look::of(cell.style());
            let letter = if look.is_plain() {
                ' '
            } else {
                let i = looks.iter().position(|l| *l == look).unwrap_or_else(|| {
                    looks.push(look);
                    looks.len() - 1
                });
                LETTERS.chars().nth(i).unwrap_or('?')
            };
            let width = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
            text.push_str(cell.symbol());
            // A wide character's second cell takes its letter, so letters stand under it.
            for _ in 0..width {
                letters.push(letter);
            }
            x += u16::try_from(width).unwrap_or(1);
        }
        let _ = writeln!(out, "{}", text.trim_end());
        let _ = writeln!(out, "{}", letters.trim_end());
    }
    out.push_str("--\n");
    for (look, letter) in looks.iter().zip(LETTERS.chars()) {
        let same: Vec<&str> = names(palette)
            .iter()
            .filter(|(_, s)| Look::of(*s) == *look)
            .map(|(name, _)| *name)
            .collect();
        let _ = write!(out, "{letter}: {}", look.describe());
        if !same.is_empty() {
            let _ = write!(out, " = {}", same.join(" | "));
        }
        out.push('\n');
    }
    out
}

#[test]
fn each_row_is_followed_by_its_letters_and_the_legend_names_the_palette() {
    use ratatui::layout::Rect;
    let palette = Palette::color();
    let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 2));
    buffer.set_string(0, 0, "8,3% a", Style::new());
    buffer.set_style(Rect::new(0, 0, 4, 1), palette.figure);
    buffer.set_string(0, 1, "越南", palette.theme);
    assert_eq!(
        styled(&buffer, &palette),
        "8,3% a\naaaa\n越南\nbbbb\n--\na: fg Magenta, bold = figure\nb: underlined = theme\n"
    );
}
