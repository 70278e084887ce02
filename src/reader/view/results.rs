//! Drawing the results list: a heading per document with its match count, each match on
//! its line with the match marked, then the annotations and topics that match. The list is
//! laid out as rows that name what they show, and only the rows on screen are made (a
//! search keeps up to 100,000 matches, on lines of any length).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::engine::AnnotationKind;
use crate::engine::corpus::DocId;
use crate::engine::search::Searcher;
use crate::engine::text::width::fit;
use crate::reader::palette::Palette;
use crate::reader::results::Hit;
use crate::reader::state::App;
use crate::reader::view::{centered, inner, overlay_block};

/// Characters of context shown before a match.
const BEFORE: usize = 24;

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
    // What follows, as far as a row can show (a line may be of megabytes).
    let tail = text.get(at..).unwrap_or("");
    let end = tail
        .char_indices()
        .nth(width * 4)
        .map_or(tail.len(), |(i, _)| i);
    out.push(Span::raw(tail.get(..end).unwrap_or("").to_string()));
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

/// A row of the list, not drawn yet.
#[derive(Debug, Clone, Copy)]
enum Row {
    /// A document's heading, with its count of matches.
    Document(DocId, usize),
    /// A heading of its own words.
    Heading(&'static str),
    /// Hit `k` of `App::hits`.
    Hit(usize),
}

/// The rows of the list and the counts its title gives.
struct Listing {
    rows: Vec<Row>,
    docs: usize,
    annotations: usize,
    topics: usize,
}

/// The rows `hits` make: each document's matches under its heading, then the annotations
/// and the topics under theirs.
fn listing(app: &App, hits: &[Hit]) -> Listing {
    let matches = app.search.matches();
    let mut out = Listing {
        rows: Vec::with_capacity(hits.len() + 3),
        docs: 0,
        annotations: 0,
        topics: 0,
    };
    let mut last_doc = None;
    for (k, hit) in hits.iter().enumerate() {
        match *hit {
            Hit::Match(m) => {
                let Some(doc) = matches.get(m).map(|(d, _)| *d) else {
                    continue;
                };
                if last_doc != Some(doc) {
                    last_doc = Some(doc);
                    out.docs += 1;
                    // Matches come in document order: this one's run from here.
                    let run = matches.get(m..).unwrap_or_default();
                    let n = run.partition_point(|(d, _)| *d == doc);
                    out.rows.push(Row::Document(doc, n));
                }
            }
            Hit::Annotation(_) => {
                if out.annotations == 0 {
                    out.rows.push(Row::Heading(
                        "Annotations: the curators' labels, values and notes",
                    ));
                }
                out.annotations += 1;
            }
            Hit::Topic(_) => {
                if out.topics == 0 {
                    out.rows.push(Row::Heading("Topics"));
                }
                out.topics += 1;
            }
        }
        out.rows.push(Row::Hit(k));
    }
    if out.rows.is_empty() {
        out.rows.push(Row::Heading("Nothing matches."));
    }
    out
}

/// The lines of `rows` (those on screen), `width` columns wide, the cursor on hit `cursor`.
fn lines(
    app: &App,
    p: &Palette,
    width: usize,
    (hits, cursor): (&[Hit], usize),
    rows: &[Row],
) -> Vec<Line<'static>> {
    let c = &app.corpus;
    let searcher = Searcher::new(app.results_query());
    let find = |s: &str| searcher.as_ref().map(|q| q.find_in(s)).unwrap_or_default();
    let heading = |h: String| Line::styled(fit(&h, width).trim_end().to_string(), p.heading);
    let mut at_hand = None;
    // The last match drawn: (document, line, its column, its byte), so that the column of
    // the next one on that line is counted on from there, not from the line's start.
    let mut last: Option<(DocId, usize, usize, usize)> = None;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let k = match *row {
            Row::Document(doc, n) => {
                let Some(d) = c.documents().get(doc) else {
                    continue;
                };
                out.push(heading(format!(
                    "{} · {} · {} ({n} match{})",
                    d.id(),
                    d.lang(),
                    d.title(),
                    if n == 1 { "" } else { "es" }
                )));
                continue;
            }
            Row::Heading(h) => {
                out.push(heading(h.to_string()));
                continue;
            }
            Row::Hit(k) => k,
        };
        let line = match hits.get(k).copied() {
            Some(Hit::Match(m)) => {
                let Some((doc, range)) = app.search.matches().get(m).cloned() else {
                    continue;
                };
                // Read once per document, past the texts kept for the panes: a list can
                // name many documents.
                if at_hand.as_ref().is_none_or(|(d, _)| *d != doc) {
                    at_hand = c.scan_text(doc).ok().map(|text| (doc, text));
                }
                let Some((_, whole)) = &at_hand else {
                    continue;
                };
                let index = whole.line_index(range.start);
                let column = match last {
                    Some((d, l, column, from)) if d == doc && l == index && from <= range.start => {
                        let between = whole.as_str().get(from..range.start).unwrap_or("");
                        column + between.chars().count()
                    }
                    _ => whole.line_col(range.start).1,
                };
                last = Some((doc, index, column, range.start));
                let line = index + 1;
                let line_range = whole.line_range(index);
                let text = whole.line(index);
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
                Line::from(spans)
            }
            Some(Hit::Annotation(a)) => {
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
                Line::from(spans)
            }
            Some(Hit::Topic(t)) => {
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
                Line::from(spans)
            }
            None => continue,
        };
        out.push(if k == cursor {
            line.patch_style(p.cursor)
        } else {
            line
        });
    }
    out
}

/// Draws the list over `area`, the cursor on hit `cursor`.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect, cursor: usize) {
    let r = centered(area, area.width, area.height);
    let list = inner(r);
    let hits = app.hits();
    let listing = listing(app, &hits);
    let n = app.search.matches().len();
    let (docs, annotations, topics) = (listing.docs, listing.annotations, listing.topics);
    let summary = format!(
        " /{} · {n} match{} in {docs} document{} · {annotations} annotation{} · {topics} topic{} ",
        app.results_query(),
        if n == 1 { "" } else { "es" },
        if docs == 1 { "" } else { "s" },
        if annotations == 1 { "" } else { "s" },
        if topics == 1 { "" } else { "s" },
    );
    let block = overlay_block(p, summary, " j/k move · Enter go · Esc close ");
    frame.render_widget(Clear, r);
    frame.render_widget(block, r);
    let height = usize::from(list.height).max(1);
    let at = listing
        .rows
        .iter()
        .position(|row| matches!(row, Row::Hit(k) if *k == cursor))
        .unwrap_or(0);
    // Keep the cursor on screen, with its document's heading when there is room.
    let skip = (at + 1).saturating_sub(height);
    let shown = listing.rows.get(skip..).unwrap_or_default();
    let shown = shown.get(..height.min(shown.len())).unwrap_or_default();
    let lines = lines(app, p, usize::from(list.width), (&hits, cursor), shown);
    frame.render_widget(Paragraph::new(lines), list);
}
