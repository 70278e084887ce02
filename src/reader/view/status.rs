//! The status line: the search prompt or a message or the main keys, and the position.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::text::width::display_width;
use crate::reader::keymap::{self, Mode};
use crate::reader::palette::Palette;
use crate::reader::state::{App, Stop};
use crate::reader::view::{Areas, panes};

/// Draws the status line in `area`.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect, areas: &Areas) {
    let right = right_side(app, areas);
    let right_width = u16::try_from(display_width(&right)).unwrap_or(u16::MAX);
    let left = match app.mode() {
        Mode::Prompt => Line::from(vec![
            Span::styled("/", p.key),
            Span::raw(prompt_part(app, true)),
            Span::styled("▏", p.key),
            Span::raw(prompt_part(app, false)),
            Span::styled(
                match_count(app)
                    .map(|m| format!("  {m}"))
                    .unwrap_or_default(),
                p.dim,
            ),
        ]),
        Mode::Mark => Line::styled("m: press a letter to set a mark", p.key),
        Mode::Jump => Line::styled("': press the letter of a mark", p.key),
        _ => match app.message() {
            Some(m) => Line::styled(m.to_string(), p.title),
            None => hints(p),
        },
    };
    let fits = right_width + 10 < area.width;
    let left_area = Rect {
        width: if fits {
            area.width - right_width - 1
        } else {
            area.width
        },
        ..area
    };
    frame.render_widget(Paragraph::new(left), left_area);
    if fits {
        let r = Rect {
            x: area.right() - right_width,
            width: right_width,
            ..area
        };
        frame.render_widget(Paragraph::new(Line::styled(right, p.dim)), r);
    }
}

/// The query being typed before (`true`) or after the cursor.
fn prompt_part(app: &App, before: bool) -> String {
    let (head, tail) = app.search.around_cursor();
    if before { head } else { tail }.to_string()
}

fn hints(p: &Palette) -> Line<'static> {
    let mut spans = Vec::new();
    for (key, hint) in keymap::hints() {
        spans.push(Span::styled(key, p.key));
        spans.push(Span::raw(format!(" {hint}  ")));
    }
    Line::from(spans)
}

/// "3/12 matches" while a search is shown; how far it is while it runs.
fn match_count(app: &App) -> Option<String> {
    let s = &app.search;
    let query = s.typing().unwrap_or(s.query());
    if query.trim().is_empty() {
        return None;
    }
    if let Some((done, all)) = app.searching() {
        return Some(format!(
            "{} matches so far · searching {done}/{all} documents…",
            s.matches().len()
        ));
    }
    let notes = s.notes().len();
    Some(match (s.stop(), s.matches().len()) {
        (Some(Stop::Note(j)), _) => format!("label/note {}/{notes}", j + 1),
        (_, 0) if notes > 0 => format!("no match · {notes} in labels/notes"),
        (_, 0) => "no match".to_string(),
        (Some(Stop::Match(k)), n) => format!("{}/{n} matches", k + 1),
        (None, n) => format!("{n} matches"),
    })
}

/// Search state, sync, and the focused pane's position.
fn right_side(app: &App, areas: &Areas) -> String {
    let mut parts = Vec::new();
    if app.search.typing().is_none()
        && app.search.is_active()
        && let Some(m) = match_count(app)
    {
        parts.push(format!("/{} {m}", app.search.query()));
    }
    if let Some(progress) = app.progress() {
        parts.push(progress.to_string());
    }
    if app.sync() && areas.both_panes() {
        parts.push("sync".to_string());
    }
    let pane = app.focused_pane();
    if let Some(pos) = areas.panes[pane].and_then(|r| panes::position(app, pane, r)) {
        parts.push(format!("line {}/{} {}%", pos.line, pos.lines, pos.percent));
    }
    parts.join("  ")
}
