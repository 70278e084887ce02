//! The detail line: the selected annotation's label, value, note and where it stands, the
//! words the search finds in them marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

use crate::engine::AnnotationKind;
use crate::engine::search::Searcher;
use crate::engine::text::width::{display_width, grapheme_width};
use crate::engine::text::wrap::wrap_line;
use crate::reader::palette::Palette;
use crate::reader::state::App;

/// Draws the detail line in `area`: wrapped, and when it does not fit, cut with an
/// ellipsis and the key that shows the whole annotation.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect) {
    let more = if app.selected().is_some() {
        "… i: all"
    } else {
        "…"
    };
    let rows = fit_rows(
        line(app, p),
        usize::from(area.width),
        usize::from(area.height),
        Span::styled(more, p.key),
    );
    frame.render_widget(Paragraph::new(rows), area);
}

/// `line` wrapped to `width` columns on at most `height` rows, styles kept; when it needs
/// more, the last row is cut to make room for `more`.
pub fn fit_rows(
    line: Line<'static>,
    width: usize,
    height: usize,
    more: Span<'static>,
) -> Vec<Line<'static>> {
    let mut text = String::new();
    let mut spans = Vec::new();
    for span in &line.spans {
        let start = text.len();
        text.push_str(&span.content);
        spans.push((start..text.len(), span.style));
    }
    let mut rows = wrap_line(&text, width);
    let cut = rows.len() > height.max(1);
    rows.truncate(height.max(1));
    if cut && let Some(last) = rows.last_mut() {
        let room = width.saturating_sub(display_width(&more.content) + 1);
        let row = text.get(last.clone()).unwrap_or("");
        let mut used = 0;
        let mut end = last.start;
        for (at, g) in row.grapheme_indices(true) {
            used += grapheme_width(g);
            if used > room {
                break;
            }
            end = last.start + at + g.len();
        }
        last.end = end;
    }
    let count = rows.len();
    rows.into_iter()
        .enumerate()
        .map(|(k, row)| {
            let mut out: Vec<Span<'static>> = spans
                .iter()
                .filter_map(|(range, style)| {
                    let (from, to) = (range.start.max(row.start), range.end.min(row.end));
                    let piece = text.get(from..to).filter(|p| !p.is_empty())?;
                    Some(Span::styled(piece.to_string(), *style))
                })
                .collect();
            if cut && k + 1 == count {
                out.push(Span::raw(" "));
                out.push(more.clone());
            }
            Line::from(out)
        })
        .collect()
}

/// The detail line's content.
pub fn line(app: &App, p: &Palette) -> Line<'static> {
    let c = &app.corpus;
    // In the navigator, a topic under the cursor is described whole (its row may be cut).
    let cursor_topic = match (app.focus(), app.nav_items().get(app.nav_cursor())) {
        (crate::reader::state::Focus::Topics, Some(crate::reader::state::NavItem::Topic(t))) => {
            Some(*t)
        }
        _ => None,
    };
    let selected = app.selected().filter(|_| cursor_topic.is_none());
    let Some(a) = selected.and_then(|i| c.annotations().get(i)) else {
        return match cursor_topic
            .or(app.topic())
            .and_then(|t| c.topics().get(t).map(|topic| (t, topic)))
        {
            Some((t, topic)) => Line::from(vec![
                Span::styled(topic.title.clone(), p.title),
                Span::raw(format!(
                    " · {} {} · n/N walk them",
                    app.listed_count(t),
                    app.listing().noun()
                )),
                Span::styled(
                    topic
                        .summary
                        .as_ref()
                        .map(|s| format!(" · {s}"))
                        .unwrap_or_default(),
                    p.dim,
                ),
            ]),
            None => Line::styled(
                format!(
                    "{} briefs · {} documents · {} topics · {} annotations · ] chooses a topic, n walks annotations",
                    c.briefs().len(),
                    c.documents().len(),
                    c.topics().len(),
                    c.annotations().len()
                ),
                p.dim,
            ),
        };
    };
    let mut spans = Vec::new();
    let mark = search_marks(app, p);
    let words = |text: &str, style: Style| marked(text, style, mark.as_ref());
    match a.kind() {
        AnnotationKind::Figure => {
            spans.push(Span::styled("Figure ", p.figure));
            spans.extend(words(a.label().unwrap_or_default(), p.title));
            if let Some(value) = a.value() {
                spans.push(Span::raw(": "));
                spans.extend(words(value, p.figure));
            }
            if let Some(note) = a.note() {
                spans.push(Span::raw(" · "));
                spans.extend(words(note, Style::new()));
            }
        }
        AnnotationKind::Theme => {
            spans.push(Span::styled("Theme ", p.theme));
            spans.extend(words(a.headline(), p.title));
        }
    }
    let places: Vec<String> = a
        .quotes
        .iter()
        .map(|q| match &q.anchor {
            Ok(anchor) => format!("{} {}:{}", q.doc_id, anchor.line(), anchor.column()),
            Err(why) => format!("{}: {why}", q.doc_id),
        })
        .collect();
    spans.push(Span::styled(format!(" · {}", places.join(", ")), p.dim));
    let cycle = app.cycle();
    if let Some(k) = app
        .nav
        .selected
        .and_then(|s| cycle.iter().position(|&i| i == s))
    {
        let scope = app
            .nav
            .topic
            .and_then(|t| c.topics().get(t))
            .map_or("all".to_string(), |t| format!("in {}", t.title));
        spans.push(Span::styled(
            format!(" · {}/{} {scope}", k + 1, cycle.len()),
            p.dim,
        ));
    }
    Line::from(spans)
}

/// The active search and how its words are marked in the selected annotation: as the
/// current match when `n` stands on it, else as a match.
pub fn search_marks(app: &App, p: &Palette) -> Option<(Searcher, Style)> {
    let search = app.search();
    let searcher = Searcher::new(search.query()).filter(|_| search.is_active())?;
    let current = search.current_note().is_some() && search.current_note() == app.selected();
    Some((searcher, if current { p.current_match } else { p.matched }))
}

/// `text` in `style`, the parts the search finds in it marked over that style.
pub fn marked(text: &str, style: Style, mark: Option<&(Searcher, Style)>) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for found in mark.map(|(s, _)| s.find_in(text)).unwrap_or_default() {
        let (Some(before), Some(word)) = (text.get(at..found.start), text.get(found.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            spans.push(Span::styled(before.to_string(), style));
        }
        let over = mark.map_or(style, |(_, m)| style.patch(*m));
        spans.push(Span::styled(word.to_string(), over));
        at = found.end;
    }
    spans.push(Span::styled(
        text.get(at..).unwrap_or_default().to_string(),
        style,
    ));
    spans
}
