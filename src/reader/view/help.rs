//! The help overlay, generated from the key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::reader::keymap;
use crate::reader::palette::Palette;
use crate::reader::state::App;
use crate::reader::view::{centered, overlay_block, scrolled};

/// Every line of the help, section by section.
pub fn lines(p: &Palette) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (mode, rows) in keymap::sections() {
        if !out.is_empty() {
            out.push(Line::from(""));
        }
        out.push(Line::styled(mode.heading(), p.heading));
        for b in rows {
            out.push(Line::from(vec![
                Span::styled(format!(" {:<16}", b.keys_label()), p.key),
                Span::raw(b.help()),
            ]));
        }
    }
    out.push(Line::from(""));
    out.push(Line::styled("What the highlights mean", p.heading));
    for (style, sample, meaning) in [
        (p.figure, "figure", "a key figure's quote"),
        (p.theme, "theme", "a theme's quote"),
        (p.selected, "selected", "the selected annotation"),
        (p.matched, "match", "a search match"),
        (p.current_match, "current", "the current match"),
    ] {
        out.push(Line::from(vec![
            Span::raw(" "),
            Span::styled(sample, style),
            Span::raw(format!("{}{meaning}", " ".repeat(16 - sample.len()))),
        ]));
    }
    out
}

/// The help's box in `area`, for `len` lines.
fn frame_of(area: Rect, len: usize) -> Rect {
    let height = u16::try_from(len + 2).unwrap_or(u16::MAX);
    centered(area, 64, height)
}

/// How far the help scrolls: until its last line stands at the bottom of the box.
pub fn max_scroll(app: &App, p: &Palette) -> usize {
    let len = lines(p).len();
    let body = Rect {
        height: app.size().height.saturating_sub(1),
        ..app.size()
    };
    let visible = usize::from(frame_of(body, len).height.saturating_sub(2)).max(1);
    len.saturating_sub(visible)
}

/// Draws the help over `area`, scrolled by `scroll` lines.
pub fn render(p: &Palette, frame: &mut Frame, area: Rect, scroll: usize) {
    let lines = lines(p);
    let r = frame_of(area, lines.len());
    let block = overlay_block(p, " Keys ", " j/k scroll · Esc or ? close ");
    scrolled(frame, r, block, lines, scroll);
}
