//! The detail line: the selected annotation's label, value, note and where it stands.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::engine::AnnotationKind;
use crate::reader::state::App;

/// Draws the detail line in `area`.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    frame.render_widget(Paragraph::new(line(app)).wrap(Wrap { trim: true }), area);
}

/// The detail line's content.
pub fn line(app: &App) -> Line<'static> {
    let p = &app.palette;
    let c = &app.corpus;
    let Some(a) = app.selected.and_then(|i| c.annotations.get(i)) else {
        return match app
            .topic
            .and_then(|t| c.topics.get(t).map(|topic| (t, topic)))
        {
            Some((t, topic)) => Line::from(vec![
                Span::styled(topic.title.clone(), p.title),
                Span::raw(format!(
                    " · {} annotations · n/N walk them",
                    c.annotations_for_topic(t).count()
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
                    c.briefs.len(),
                    c.documents.len(),
                    c.topics.len(),
                    c.annotations.len()
                ),
                p.dim,
            ),
        };
    };
    let mut spans = Vec::new();
    match a.kind {
        AnnotationKind::Figure => {
            spans.push(Span::styled("Figure ", p.figure));
            spans.push(Span::styled(a.label.clone().unwrap_or_default(), p.title));
            if let Some(value) = &a.value {
                spans.push(Span::raw(": "));
                spans.push(Span::styled(value.clone(), p.figure));
            }
            if let Some(note) = &a.note {
                spans.push(Span::raw(format!(" · {note}")));
            }
        }
        AnnotationKind::Theme => {
            spans.push(Span::styled("Theme ", p.theme));
            spans.push(Span::styled(a.headline().to_string(), p.title));
        }
    }
    let places: Vec<String> = a
        .quotes
        .iter()
        .map(|q| match &q.anchor {
            Ok(anchor) => format!("{} {}:{}", q.doc_id, anchor.line, anchor.column),
            Err(why) => format!("{}: {}", q.doc_id, why.reason()),
        })
        .collect();
    spans.push(Span::styled(format!(" · {}", places.join(", ")), p.dim));
    let cycle = app.cycle();
    if let Some(k) = app
        .selected
        .and_then(|s| cycle.iter().position(|&i| i == s))
    {
        let scope = app
            .topic
            .and_then(|t| c.topics.get(t))
            .map_or("all".to_string(), |t| format!("in {}", t.title));
        spans.push(Span::styled(
            format!(" · {}/{} {scope}", k + 1, cycle.len()),
            p.dim,
        ));
    }
    Line::from(spans)
}
