//! The problems list: findings from loading (briefs that failed, quotes not placed) and every
//! orphaned annotation with its reason, as `check` reports them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use crate::engine::{Finding, Quote, Severity};
use crate::reader::palette::Palette;
use crate::reader::state::App;
use crate::reader::view::topics::nav_title;
use crate::reader::view::{centered, overlay_block};

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
    Orphan(usize, &'a Quote, bool),
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

/// What Enter goes to: the first finding or orphaned annotation from line `from` on.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Finding(&'a Finding),
    /// An annotation (index) with a quote that could not be placed.
    Orphan(usize),
}

/// The first finding or orphan at or after line `from` (the list's top line).
pub fn target_at(app: &App, from: usize) -> Option<Target<'_>> {
    rows(app).skip(from).find_map(|row| match row {
        Row::Finding(f, _) => Some(Target::Finding(f)),
        Row::Orphan(i, _, _) => Some(Target::Orphan(i)),
        _ => None,
    })
}

/// How many lines the list has.
pub fn line_count(app: &App) -> usize {
    rows(app).count()
}

/// Lines `from..from + count` of the list.
pub fn lines(app: &App, p: &Palette, from: usize, count: usize) -> Vec<Line<'static>> {
    rows(app)
        .skip(from)
        .take(count)
        .map(|row| line(app, p, row))
        .collect()
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

/// Draws the list over `area`, from line `scroll` on: only the lines that fit are made.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect, scroll: usize) {
    let r = centered(area, 100, area.height.saturating_sub(2).max(3));
    let block = overlay_block(
        p,
        " Problems ",
        " j/k scroll · Enter go to the top one · Esc close ",
    );
    frame.render_widget(Clear, r);
    let visible = lines(app, p, scroll, usize::from(r.height));
    frame.render_widget(
        Paragraph::new(visible)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}
