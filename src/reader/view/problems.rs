//! The problems list: findings from loading (briefs that failed, quotes not placed) and every
//! orphaned annotation with its reason, as `check` reports them; a cursor on one problem
//! (its lines in the cursor's style), the list scrolled to keep it in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::engine::corpus::AnnotationId;
use crate::engine::{Finding, Quote, Severity};
use crate::reader::palette::Palette;
use crate::reader::state::App;
use crate::reader::view::detail::fit_rows;
use crate::reader::view::topics::nav_title;
use crate::reader::view::{body, centered, inner, overlay_block};

/// One line of the list, named before it is formatted: a list of 100,000 findings is
/// walked in microseconds and only the lines on screen are made.
#[derive(Debug, Clone, Copy)]
enum Row<'a> {
    FindingsHeading,
    NoFindings,
    /// A finding's first line (`0`) or one of its notes (`1..`).
    Finding(&'a Finding, usize),
    Blank,
    OrphansHeading(usize),
    NoOrphans,
    /// An orphaned quote: its annotation's headline (`false`), then the quote (`true`).
    Orphan(AnnotationId, &'a Quote, bool),
}

fn rows(app: &App) -> impl Iterator<Item = Row<'_>> + '_ {
    let c = &app.corpus;
    let findings = c
        .findings()
        .iter()
        .flat_map(|f| (0..=f.notes.len()).map(move |k| Row::Finding(f, k)));
    let orphans = c.orphans().count();
    std::iter::once(Row::FindingsHeading)
        .chain(c.findings().is_empty().then_some(Row::NoFindings))
        .chain(findings)
        .chain([Row::Blank, Row::OrphansHeading(orphans)])
        .chain((orphans == 0).then_some(Row::NoOrphans))
        .chain(
            c.orphans()
                .flat_map(|(i, q)| [Row::Orphan(i, q, false), Row::Orphan(i, q, true)]),
        )
}

/// What Enter goes to: the finding or orphaned quote under the cursor.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Finding(&'a Finding),
    /// An annotation (index) and its quote that could not be placed.
    Orphan(AnnotationId, &'a Quote),
}

/// Whether `row` is the first line of a problem (where the cursor can stand).
fn starts(row: &Row) -> bool {
    matches!(row, Row::Finding(_, 0) | Row::Orphan(_, _, false))
}

/// Whether `row` goes on with the problem above it (a note, the quote of an orphan).
fn goes_on(row: &Row) -> bool {
    matches!(row, Row::Finding(_, 1..) | Row::Orphan(_, _, true))
}

/// The problem that starts at line `line`, or the first after it.
pub fn target_at(app: &App, line: usize) -> Option<Target<'_>> {
    rows(app).skip(line).find_map(|row| match row {
        Row::Finding(f, _) => Some(Target::Finding(f)),
        Row::Orphan(i, q, _) => Some(Target::Orphan(i, q)),
        _ => None,
    })
}

/// The line of the problem after (`forward`) or before the one at line `cursor`, or
/// `cursor` when there is none.
pub fn step(app: &App, cursor: usize, forward: bool) -> usize {
    let mut starts_at = rows(app)
        .enumerate()
        .filter(|(_, row)| starts(row))
        .map(|(k, _)| k);
    let found = if forward {
        starts_at.find(|&k| k > cursor)
    } else {
        starts_at.take_while(|&k| k < cursor).last()
    };
    found.unwrap_or(cursor)
}

/// The line of the first (or `last`) problem; 0 when there is none.
pub fn end(app: &App, last: bool) -> usize {
    let mut starts_at = rows(app)
        .enumerate()
        .filter(|(_, row)| starts(row))
        .map(|(k, _)| k);
    if last {
        starts_at.last()
    } else {
        starts_at.next()
    }
    .unwrap_or(0)
}

fn line(app: &App, p: &Palette, row: Row) -> Line<'static> {
    let c = &app.corpus;
    match row {
        Row::FindingsHeading => {
            Line::styled(format!("Findings ({})", c.findings().len()), p.heading)
        }
        Row::NoFindings | Row::NoOrphans => Line::styled(" none", p.dim),
        Row::Finding(f, k) => {
            let text = f.to_string();
            let part = text.lines().nth(k).unwrap_or_default();
            match (k, f.severity) {
                (0, Severity::Error) => Line::styled(format!(" {part}"), p.error),
                (0, Severity::Warning) => Line::styled(format!(" {part}"), p.title),
                _ => Line::from(format!(" {part}")),
            }
        }
        Row::Blank => Line::from(""),
        Row::OrphansHeading(n) => Line::styled(format!("Orphaned annotations ({n})"), p.heading),
        Row::Orphan(i, q, second) => {
            let Some(a) = c.annotations().get(i) else {
                return Line::from("");
            };
            if second {
                let reason = q
                    .anchor
                    .as_ref()
                    .err()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                return Line::from(format!("   {}: {reason}: \"{}\"", q.doc_id, q.text));
            }
            let brief = c.briefs().get(a.brief).map_or("?", |b| b.path.as_str());
            Line::from(vec![
                Span::styled(format!(" {brief}: "), p.dim),
                Span::styled(nav_title(a), p.title),
            ])
        }
    }
}

/// The list's box over `area` (the body of the screen), and its text's width and height.
/// How many lines the list shows on the app's screen.
pub fn list_height(app: &App) -> usize {
    list_box(body(app.size())).2
}

fn list_box(area: Rect) -> (Rect, usize, usize) {
    let r = centered(area, 100, area.height.saturating_sub(2).max(3));
    let text = inner(r);
    (r, usize::from(text.width), usize::from(text.height).max(1))
}

/// Line `row` as screen rows `width` wide, the rows after the first under the line's
/// indentation.
fn wrapped(app: &App, p: &Palette, row: Row, width: usize) -> Vec<Line<'static>> {
    let line = line(app, p, row);
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let indent = text.len() - text.trim_start().len();
    let room = width.saturating_sub(indent).max(1);
    let style = line.style;
    fit_rows(line, room, usize::MAX, Span::raw(""))
        .into_iter()
        .enumerate()
        .map(|(k, row)| match k {
            0 => row.style(style),
            _ => {
                let mut spans = vec![Span::raw(" ".repeat(indent))];
                spans.extend(row.spans);
                Line::from(spans).style(style)
            }
        })
        .collect()
}

/// The screen rows of lines `from..`, the problem at line `cursor` in the cursor's style,
/// until `height` rows are filled.
fn screen_rows(
    app: &App,
    p: &Palette,
    (from, cursor): (usize, usize),
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let mut under_cursor = false;
    for (k, row) in rows(app).enumerate().skip(from) {
        if out.len() >= height {
            break;
        }
        under_cursor = k == cursor || (under_cursor && goes_on(&row));
        for line in wrapped(app, p, row, width) {
            out.push(if under_cursor {
                line.patch_style(p.cursor)
            } else {
                line
            });
        }
    }
    out.truncate(height);
    out
}

/// The top line that shows the problem at line `cursor` whole, from `scroll`: the same
/// when it is on screen, the cursor's line when it is above, just enough further when
/// it is below.
pub fn keep_in_view(app: &App, scroll: usize, cursor: usize) -> usize {
    if cursor < scroll {
        return cursor;
    }
    let (_, width, height) = list_box(body(app.size()));
    let p = app.palette();
    let end = cursor + 1 + rows(app).skip(cursor + 1).take_while(goes_on).count();
    let taken = |top: usize| -> usize {
        rows(app)
            .skip(top)
            .take(end - top)
            .map(|row| wrapped(app, p, row, width).len())
            .sum()
    };
    let mut top = scroll;
    while top < cursor && taken(top) > height {
        top += 1;
    }
    top
}

/// Draws the list over `area`, from line `scroll` on, the cursor on the problem at line
/// `cursor`: only the lines that fit are made.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect, scroll: usize, cursor: usize) {
    let (r, width, height) = list_box(area);
    let block = overlay_block(
        p,
        " Problems ",
        " j/k choose · Enter go there · E edit the brief there · Esc close ",
    );
    frame.render_widget(Clear, r);
    let visible = screen_rows(app, p, (scroll, cursor), width, height);
    frame.render_widget(Paragraph::new(visible).block(block), r);
}
