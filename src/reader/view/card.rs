//! Cards over the panes: the whole of an annotation (label, value, measure, topics, note,
//! every quote with its document and line), or a document's sources (title, English
//! title, date, source, event, the curator's note). Rows are wrapped here, so scrolling
//! counts what is on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::engine::AnnotationKind;
use crate::engine::text::width::display_width;
use crate::reader::palette::Palette;
use crate::reader::state::{App, Card};
use crate::reader::view::detail::{fit_rows, marked, search_marks};
use crate::reader::view::{body, centered, overlay_block, scrolled};

/// Columns of the field names.
const LABEL: usize = 10;
/// The card's widest box.
const WIDTH: u16 = 100;

/// The card's title.
fn title(app: &App, card: Card) -> String {
    match card {
        Card::Annotation(a) => match app.corpus.annotations().get(a).map(|a| a.kind()) {
            Some(AnnotationKind::Figure) => " Figure ".into(),
            _ => " Theme ".into(),
        },
        Card::Document(d) => app
            .corpus
            .documents()
            .get(d)
            .map_or(" Document ".into(), |d| format!(" {} · sources ", d.id())),
    }
}

/// (field, text, style) rows before wrapping.
fn fields(app: &App, p: &Palette, card: Card) -> Vec<(String, String, Style)> {
    let c = &app.corpus;
    let mut out = Vec::new();
    let mut push = |name: &str, text: Option<String>, style: Style| {
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            out.push((name.to_string(), text, style));
        }
    };
    match card {
        Card::Annotation(i) => {
            let Some(a) = c.annotations().get(i) else {
                return out;
            };
            let kind_style = match a.kind() {
                AnnotationKind::Figure => p.figure,
                AnnotationKind::Theme => p.theme,
            };
            push("label", a.label().map(str::to_string), p.title);
            push("value", a.value().map(str::to_string), kind_style);
            if let Some(m) = &a.measure() {
                let amount = match (m.amount, m.amount_max) {
                    (Some(lo), Some(hi)) => Some(format!("{lo}–{hi}")),
                    (Some(lo), None) => Some(lo.to_string()),
                    _ => None,
                };
                let parts: Vec<String> = [
                    m.id.clone(),
                    m.kind.clone(),
                    amount,
                    m.unit.clone(),
                    m.period.clone(),
                ]
                .into_iter()
                .flatten()
                .collect();
                push("measure", Some(parts.join(" · ")), Style::new());
            }
            let topics: Vec<&str> = a
                .topics
                .iter()
                .filter_map(|&t| c.topics().get(t).map(|t| t.title.as_str()))
                .collect();
            push("topics", Some(topics.join(", ")), Style::new());
            push("note", a.note().map(str::to_string), Style::new());
            push(
                "brief",
                c.briefs()
                    .get(a.brief)
                    .map(|b| format!("{} ({})", b.title, b.path)),
                p.dim,
            );
            for q in &a.quotes {
                let (place, style) = match &q.anchor {
                    Ok(anchor) => {
                        let file = c
                            .documents()
                            .get(anchor.doc)
                            .map_or("", |d| d.file.as_str());
                        (
                            format!("{} {file}:{}:{}", q.doc_id, anchor.line(), anchor.column()),
                            p.key,
                        )
                    }
                    Err(why) => (format!("{}: {why}", q.doc_id), p.error),
                };
                push("quote", Some(place), style);
                push(
                    "",
                    Some(format!("\u{201c}{}\u{201d}", q.text)),
                    Style::new(),
                );
            }
        }
        Card::Document(d) => {
            let Some(doc) = c.documents().get(d) else {
                return out;
            };
            let meta = doc.meta.clone().unwrap_or_default();
            push("id", Some(doc.id().to_string()), p.title);
            push("file", Some(doc.file.clone()), p.dim);
            push("language", meta.lang, Style::new());
            push("title", meta.title, p.title);
            push("in English", meta.title_en, Style::new());
            push("date", meta.date, Style::new());
            push("source", meta.source, Style::new());
            push("event", meta.event, Style::new());
            push("parallel", meta.parallel, Style::new());
            push("note", meta.note, p.error);
            let briefs: Vec<&str> = c
                .briefs()
                .iter()
                .filter(|b| b.documents.contains(&d))
                .map(|b| b.path.as_str())
                .collect();
            push("briefs", Some(briefs.join(", ")), p.dim);
            if doc.meta.is_none() {
                push(
                    "note",
                    Some("no brief declares this document".into()),
                    p.error,
                );
            }
        }
    }
    out
}

/// Every row of the card wrapped to `width` columns of text; in the label, value and note
/// the words the search finds are marked.
pub fn lines(app: &App, p: &Palette, card: Card, width: usize) -> Vec<Line<'static>> {
    let text_width = width.saturating_sub(LABEL + 1).max(10);
    let marks = search_marks(app, p);
    let mut out = Vec::new();
    for (name, text, style) in fields(app, p, card) {
        let mark = marks
            .as_ref()
            .filter(|_| matches!(name.as_str(), "label" | "value" | "note"));
        for (k, paragraph) in text.lines().enumerate() {
            let words = Line::from(marked(paragraph, style, mark));
            let rows = fit_rows(words, text_width, usize::MAX, Span::raw(""));
            for (r, row) in rows.into_iter().enumerate() {
                let label = if k == 0 && r == 0 { name.as_str() } else { "" };
                let pad = LABEL.saturating_sub(display_width(label));
                let mut spans = vec![Span::styled(format!("{label}{} ", " ".repeat(pad)), p.dim)];
                spans.extend(row.spans);
                out.push(Line::from(spans));
            }
        }
    }
    out
}

/// The box in `area` and its text width.
fn frame_of(app: &App, p: &Palette, card: Card, area: Rect) -> (Rect, Vec<Line<'static>>) {
    let width = WIDTH.min(area.width);
    let lines = lines(app, p, card, usize::from(width.saturating_sub(2)));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    (centered(area, width, height), lines)
}

/// How far the card scrolls: until its last row stands at the bottom of the box.
pub fn max_scroll(app: &App, p: &Palette, card: Card) -> usize {
    let (r, lines) = frame_of(app, p, card, body(app.size()));
    lines
        .len()
        .saturating_sub(usize::from(r.height.saturating_sub(2)).max(1))
}

/// Draws the card over `area`, scrolled by `scroll` rows.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect, card: Card, scroll: usize) {
    let (r, lines) = frame_of(app, p, card, area);
    let block = overlay_block(p, title(app, card), " j/k scroll · Esc close ");
    scrolled(frame, r, block, lines, scroll);
}
