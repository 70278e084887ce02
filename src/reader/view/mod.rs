//! Drawing: pure functions from `&App` to a frame. The screen's division into areas lives
//! here too, because `update` needs the same sizes (page length, the pane under the mouse).

pub(crate) mod card;
pub(crate) mod detail;
pub(crate) mod figures;
pub(crate) mod help;
pub(crate) mod panes;
mod picker;
pub(crate) mod problems;
mod results;
mod status;
pub(crate) mod topics;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::engine::clean::is_unsafe;
use crate::reader::layout_cache::CONTROL_SUBSTITUTE;
use crate::reader::palette::Palette;
use crate::reader::state::{App, ByPane, Focus, Overlay};

/// At this width and above, the two panes stand side by side.
pub const WIDE: u16 = 100;
/// Below this width the navigator only shows when it has the focus.
const NAV_BESIDE: u16 = 60;
/// Below `WIDE`, a body at least this tall stacks the two panes instead of showing one.
const STACK_HEIGHT: u16 = 30;

/// Where each part of the screen goes; `None` for parts that do not fit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub nav: Option<Rect>,
    pub panes: ByPane<Option<Rect>>,
    pub detail: Option<Rect>,
    pub status: Option<Rect>,
}

impl Areas {
    /// Whether both document panes are on screen.
    pub fn both_panes(&self) -> bool {
        self.panes.iter().all(Option::is_some)
    }
}

/// Divides `area` for the state's focus and single-pane choice.
pub fn areas(area: Rect, app: &App) -> Areas {
    let mut a = Areas::default();
    if area.width == 0 || area.height == 0 {
        return a;
    }
    let mut body = area;
    body.height -= 1;
    a.status = Some(Rect::new(area.x, area.bottom() - 1, area.width, 1));
    if body.height >= 4 {
        // Two rows for the detail line when there is room: notes run long.
        let rows = if body.height >= 16 { 2 } else { 1 };
        body.height -= rows;
        a.detail = Some(Rect::new(area.x, body.bottom(), area.width, rows));
    }
    if body.height == 0 {
        return a;
    }
    // Past 160 columns the navigator takes more room, up to what its longest row needs.
    let nav_width = if area.width > 160 {
        (area.width / 4).clamp(34, nav_wanted(app).clamp(34, 60))
    } else if area.width >= WIDE {
        (area.width / 4).clamp(24, 34)
    } else if area.width >= NAV_BESIDE {
        (area.width / 4).clamp(20, 26)
    } else {
        0
    };
    if nav_width == 0 {
        if app.focus() == Focus::Topics {
            a.nav = Some(body);
        } else {
            a.panes[app.shown()] = Some(body);
        }
        return a;
    }
    a.nav = Some(Rect {
        width: nav_width,
        ..body
    });
    let rest = Rect {
        x: body.x + nav_width,
        width: body.width - nav_width,
        ..body
    };
    // Side by side when wide, stacked when tall, else the one shown; the first pane takes
    // the smaller half.
    let halves = if area.width >= WIDE {
        Some(Layout::horizontal([
            Constraint::Length(rest.width / 2),
            Constraint::Fill(1),
        ]))
    } else if rest.height >= STACK_HEIGHT {
        Some(Layout::vertical([
            Constraint::Length(rest.height / 2),
            Constraint::Fill(1),
        ]))
    } else {
        None
    };
    match halves {
        Some(layout) => {
            let [first, second] = layout.areas(rest);
            a.panes = ByPane::new(Some(first), Some(second));
        }
        None => a.panes[app.shown()] = Some(rest),
    }
    a
}

/// The navigator's width for its longest topic row: arrow, title, count, borders.
fn nav_wanted(app: &App) -> u16 {
    // Counted per frame: the widest count is bounded by the number of annotations, so
    // no topic's annotations are walked here.
    let c = &app.corpus;
    let count = format!(" ({})", c.annotations().len()).len();
    let longest = c
        .topics()
        .iter()
        .map(|topic| crate::engine::text::width::display_width(&topic.title))
        .max()
        .unwrap_or(0);
    u16::try_from(longest + count + 4).unwrap_or(u16::MAX)
}

/// Where overlays are drawn on a screen of `size`: all but the status line.
pub fn body(size: Rect) -> Rect {
    Rect {
        height: size.height.saturating_sub(1),
        ..size
    }
}

/// The text area inside a bordered box.
pub fn inner(area: Rect) -> Rect {
    area.inner(Margin::new(1, 1))
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    // The palette the reader was started with, handed to each view.
    let p = &app.palette();
    let a = areas(frame.area(), app);
    if let Some(r) = a.nav {
        topics::render(app, p, frame, r);
    }
    for (pane, r) in a.panes.each() {
        if let Some(r) = r {
            panes::render(app, p, frame, *r, pane);
        }
    }
    if let Some(r) = a.detail {
        detail::render(app, p, frame, r);
    }
    if let Some(r) = a.status {
        status::render(app, p, frame, r, &a);
    }
    let body = body(frame.area());
    match app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::render(p, frame, body, scroll),
        Overlay::Picker { pane, cursor } => picker::render(app, p, frame, body, pane, cursor),
        Overlay::Problems { scroll, cursor } => {
            problems::render(app, p, frame, body, scroll, cursor)
        }
        Overlay::Figures => figures::render(app, p, frame, body),
        Overlay::Card { card, scroll } => card::render(app, p, frame, body, card, scroll),
        Overlay::Results { cursor } => results::render(app, p, frame, body, cursor),
    }
    clean_buffer(frame.buffer_mut());
}

/// The net under every view: no cell reaches the terminal holding a control, C1 or BiDi
/// character (ratatui drops C0 and C1 but passes BiDi controls, which a terminal may obey).
/// A cell of nothing else shows the substitute; one where such a character rode on a
/// letter keeps the letter.
fn clean_buffer(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        if symbol.chars().any(is_unsafe) {
            let kept: String = symbol.chars().filter(|&c| !is_unsafe(c)).collect();
            if kept.is_empty() {
                cell.set_symbol(CONTROL_SUBSTITUTE);
            } else {
                cell.set_symbol(&kept);
            }
        }
    }
}

/// The box of what opens over the panes: `title` on top, the keys that work in it at the
/// bottom right.
fn overlay_block<'a>(p: &Palette, title: impl Into<String>, keys: impl Into<String>) -> Block<'a> {
    Block::bordered()
        .border_style(p.border_focused)
        .title(Line::styled(title.into(), p.title))
        .title_bottom(Line::from(keys.into()).right_aligned())
}

/// `lines` in `block` over what is drawn in `r`, scrolled by `scroll` rows.
fn scrolled(frame: &mut Frame, r: Rect, block: Block, lines: Vec<Line<'static>>, scroll: usize) {
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        r,
    );
}

/// A box centred in `area`, at most `width` x `height`.
fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
