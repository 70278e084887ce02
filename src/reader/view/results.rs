//! Drawing the results list: a heading per document with its match count, each match on
//! its line with the match marked, then the annotations and topics that match.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::engine::AnnotationKind;
use crate::engine::search::Searcher;
use crate::engine::text::width::fit;
use crate::reader::palette::Palette;
use crate::reader::results::Hit;
use crate::reader::state::App;
use crate::reader::view::{centered, inner, overlay_block};

/// Characters of context shown before a match.
const BEFORE: usize = 24;

/// A row of the list: a heading, or a hit (index into `App::hits`).
enum Row {
    Heading(String),
    Hit(usize, Line<'static>),
}

/// `text` on one row of `width` columns, what `spans` cover marked with `mark`.
fn marked(
    text: &str,
    spans: &[std::ops::Range<usize>],
    width: usize,
    mark: Style,
) -> Vec<Span<'static>> {
    let first = spans.first().map_or(0, |s| s.start);
    // Start a little before the first match, on a character boundary.
    let mut start = text.get(..first).map_or(0, |before| {
        before
            .char_indices()
            .rev()
            .nth(BEFORE)
            .map_or(0, |(i, _)| i)
    });
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut out = Vec::new();
    if start > 0 {
        out.push(Span::raw("…"));
    }
    let mut at = start;
    for s in spans {
        if s.start < at {
            continue;
        }
        out.push(Span::raw(text.get(at..s.start).unwrap_or("").to_string()));
        out.push(Span::styled(
            text.get(s.clone()).unwrap_or("").to_string(),
            mark,
        ));
        at = s.end;
    }
    out.push(Span::raw(text.get(at..).unwrap_or("").to_string()));
    // Cut to the width, keeping styles: the spans are short, so cut span by span.
    let mut used = 0;
    let mut fitted = Vec::new();
    for span in out {
        let w = crate::engine::text::width::display_width(&span.content);
        if used + w <= width {
            used += w;
            fitted.push(span);
            continue;
        }
        let room = width.saturating_sub(used);
        if room > 0 {
            let cut = fit(&span.content, room);
            fitted.push(Span::styled(cut.trim_end().to_string(), span.style));
        }
        break;
    }
    fitted
}

fn rows(app: &App, p: &Palette, width: usize) -> (Vec<Row>, String) {
    let c = &app.corpus;
    let hits = app.hits();
    let searcher = Searcher::new(app.results_query());
    let find = |s: &str| searcher.as_ref().map(|q| q.find_in(s)).unwrap_or_default();
    let mut out = Vec::new();
    let mut docs = 0;
    let (mut annotations, mut topics) = (0, 0);
    let mut last_doc = None;
    let mut at_hand = None;
    for (k, hit) in hits.iter().enumerate() {
        match *hit {
            Hit::Match(m) => {
                let Some((doc, range)) = app.search.matches().get(m).cloned() else {
                    continue;
                };
                let Some(d) = c.documents().get(doc) else {
                    continue;
                };
                if last_doc != Some(doc) {
                    last_doc = Some(doc);
                    docs += 1;
                    let n = app
                        .search
                        .matches()
                        .iter()
                        .filter(|(x, _)| *x == doc)
                        .count();
                    out.push(Row::Heading(format!(
                        "{} · {} · {} ({n} match{})",
                        d.id(),
                        d.lang(),
                        d.title(),
                        if n == 1 { "" } else { "es" }
                    )));
                }
                // Read once per document, past the texts kept for the panes: a list can
                // name many documents.
                if at_hand.as_ref().is_none_or(|(d, _)| *d != doc) {
                    at_hand = c.scan_text(doc).ok().map(|text| (doc, text));
                }
                let Some((_, whole)) = &at_hand else {
                    continue;
                };
                let (line, column) = whole.line_col(range.start);
                let line_range = whole.line_range(line - 1);
                let text = whole.line(line - 1);
                let span = range.start - line_range.start
                    ..range.end.min(line_range.end) - line_range.start;
                let place = format!("  {line:>5}:{column:<4} ");
                let style = if app.search.current() == Some(m) {
                    p.current_match
                } else {
                    p.matched
                };
                let mut spans = vec![Span::styled(place.clone(), p.dim)];
                spans.extend(marked(
                    text,
                    &[span],
                    width.saturating_sub(place.len()),
                    style,
                ));
                out.push(Row::Hit(k, Line::from(spans)));
            }
            Hit::Annotation(a) => {
                if annotations == 0 {
                    out.push(Row::Heading(
                        "Annotations: the curators' labels, values and notes".into(),
                    ));
                }
                annotations += 1;
                let Some(ann) = c.annotations().get(a) else {
                    continue;
                };
                let (kind, style) = match ann.kind() {
                    AnnotationKind::Figure => ("Figure ", p.figure),
                    AnnotationKind::Theme => ("Theme  ", p.theme),
                };
                let text = match (ann.label(), ann.value(), ann.note()) {
                    (Some(l), Some(v), note) => format!(
                        "{l}: {v}{}",
                        note.map(|n| format!(" · {n}")).unwrap_or_default()
                    ),
                    (Some(l), None, _) => l.to_string(),
                    (None, _, Some(n)) => n.to_string(),
                    _ => ann.headline().to_string(),
                };
                let mut spans = vec![Span::raw("  "), Span::styled(kind, style)];
                spans.extend(marked(
                    &text,
                    &find(&text),
                    width.saturating_sub(9),
                    p.matched,
                ));
                out.push(Row::Hit(k, Line::from(spans)));
            }
            Hit::Topic(t) => {
                if topics == 0 {
                    out.push(Row::Heading("Topics".into()));
                }
                topics += 1;
                let Some(topic) = c.topics().get(t) else {
                    continue;
                };
                let text = match &topic.summary {
                    Some(s) => format!("{} · {s}", topic.title),
                    None => topic.title.clone(),
                };
                let mut spans = vec![Span::raw("  ")];
                spans.extend(marked(
                    &text,
                    &find(&text),
                    width.saturating_sub(2),
                    p.matched,
                ));
                out.push(Row::Hit(k, Line::from(spans)));
            }
        }
    }
    let n = app.search.matches().len();
    let summary = format!(
        " /{} · {n} match{} in {docs} document{} · {annotations} annotation{} · {topics} topic{} ",
        app.results_query(),
        if n == 1 { "" } else { "es" },
        if docs == 1 { "" } else { "s" },
        if annotations == 1 { "" } else { "s" },
        if topics == 1 { "" } else { "s" },
    );
    if out.is_empty() {
        out.push(Row::Heading("Nothing matches.".into()));
    }
    (out, summary)
}

/// Draws the list over `area`, the cursor on hit `cursor`.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect, cursor: usize) {
    let r = centered(area, area.width, area.height);
    let list = inner(r);
    let (rows, summary) = rows(app, p, usize::from(list.width));
    let block = overlay_block(p, summary, " j/k move · Enter go · Esc close ");
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let height = usize::from(list.height).max(1);
    let at = rows
        .iter()
        .position(|row| matches!(row, Row::Hit(k, _) if *k == cursor))
        .unwrap_or(0);
    // Keep the cursor on screen, with its document's heading when there is room.
    let skip = (at + 1).saturating_sub(height);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(skip)
        .take(height)
        .map(|row| match row {
            Row::Heading(h) => Line::styled(
                fit(&h, usize::from(list.width)).trim_end().to_string(),
                p.heading,
            ),
            Row::Hit(k, line) if k == cursor => line.patch_style(p.cursor),
            Row::Hit(_, line) => line,
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
