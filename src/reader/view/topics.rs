//! The topic navigator: topics with their counts, open ones showing their figures and themes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::engine::text::width::{display_width, fit};
use crate::engine::{Annotation, AnnotationKind};
use crate::reader::palette::Palette;
use crate::reader::state::{App, Focus, NavItem};
use crate::reader::view::inner;

/// Draws the navigator in `area`.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect) {
    let focused = app.focus() == Focus::Topics;
    let mut block = Block::bordered()
        .border_style(if focused { p.border_focused } else { p.border })
        .title(Line::styled(app.listing().title(), p.title));
    let problems = app.problem_count();
    if problems > 0 {
        let s = if problems == 1 { "" } else { "s" };
        block = block.title_bottom(Line::styled(format!(" e: {problems} problem{s} "), p.error));
    }
    let list = inner(area);
    frame.render_widget(block, area);
    let items = app.nav_items();
    if items.is_empty() {
        frame.render_widget(Paragraph::new("No topics.").style(p.dim), list);
        return;
    }
    let height = usize::from(list.height).max(1);
    // Keep the cursor on screen: scroll just enough.
    let skip = (app.nav_cursor() + 1).saturating_sub(height);
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(skip)
        .take(height)
        .map(|(k, item)| {
            let line = item_line(app, p, *item, usize::from(list.width));
            if focused && k == app.nav_cursor() {
                line.patch_style(p.cursor)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn item_line(app: &App, p: &Palette, item: NavItem, width: usize) -> Line<'static> {
    match item {
        NavItem::Topic(t) => {
            let open = app.topic_open(t);
            let title = app.corpus.topics().get(t).map_or("?", |t| t.title.as_str());
            let count = app.listed_count(t);
            let style = if app.topic() == Some(t) {
                p.title
            } else {
                Style::default()
            };
            // While the corpus loads, counts would be those of a part: they fill in later.
            let count = match app.progress() {
                Some(_) => " (…)".to_string(),
                None => format!(" ({count})"),
            };
            // The count always shows: the title is cut first, with an ellipsis.
            let room = width.saturating_sub(2 + display_width(&count));
            let title = if display_width(title) > room {
                fit(title, room).trim_end().to_string()
            } else {
                title.to_string()
            };
            Line::from(vec![
                Span::raw(if open { "▾ " } else { "▸ " }),
                Span::styled(title, style),
                Span::styled(count, p.dim),
            ])
        }
        NavItem::Annotation { annotation, .. } => {
            let Some(a) = app.corpus.annotations().get(annotation) else {
                return Line::from("");
            };
            let (tag, style) = match a.kind() {
                AnnotationKind::Figure => ("F ", p.figure),
                AnnotationKind::Theme => ("T ", p.theme),
            };
            let mut spans = vec![Span::raw("  "), Span::styled(tag, style)];
            if !placed(a) {
                spans.push(Span::styled("! ", p.error));
            }
            spans.push(Span::raw(nav_title(a)));
            let line = Line::from(spans);
            if app.selected() == Some(annotation) {
                line.patch_style(p.title)
            } else {
                line
            }
        }
    }
}

/// A navigator row: "8.3–8.5 % GDP growth target" for figures (the value first, to scan
/// by), the gloss for themes.
pub fn nav_title(a: &Annotation) -> String {
    match (&a.value(), a.kind()) {
        (Some(value), AnnotationKind::Figure) => format!("{value} {}", a.headline()),
        _ => a.headline().to_string(),
    }
}

/// Whether any quote of `a` was placed.
pub fn placed(a: &Annotation) -> bool {
    a.quotes.iter().any(|q| q.anchor.is_ok())
}
