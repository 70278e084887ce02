//! The problems list: findings from loading (briefs that failed, quotes not placed) and every
//! orphaned annotation with its reason, as `check` reports them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::engine::Severity;
use crate::reader::state::App;
use crate::reader::view::centered;
use crate::reader::view::topics::headline;

/// Every line of the list.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let p = &app.palette;
    let c = &app.corpus;
    let mut out = vec![Line::styled(
        format!("Findings ({})", c.findings.len()),
        p.heading,
    )];
    if c.findings.is_empty() {
        out.push(Line::styled(" none", p.dim));
    }
    for f in &c.findings {
        let text = f.to_string();
        let mut rows = text.lines();
        if let Some(first) = rows.next() {
            let style = if f.severity == Severity::Error {
                p.error
            } else {
                p.title
            };
            out.push(Line::styled(format!(" {first}"), style));
        }
        out.extend(rows.map(|r| Line::from(format!(" {r}"))));
    }
    out.push(Line::from(""));
    let orphans: Vec<_> = c.orphans().collect();
    out.push(Line::styled(
        format!("Orphaned annotations ({})", orphans.len()),
        p.heading,
    ));
    if orphans.is_empty() {
        out.push(Line::styled(" none", p.dim));
    }
    for (i, q) in orphans {
        let Some(a) = c.annotations.get(i) else {
            continue;
        };
        let brief = c.briefs.get(a.brief).map_or("?", |b| b.path.as_str());
        let reason = q
            .anchor
            .as_ref()
            .err()
            .map(|e| e.reason())
            .unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled(format!(" {brief}: "), p.dim),
            Span::styled(headline(a), p.title),
        ]));
        out.push(Line::from(format!(
            "   {}: {reason}: \"{}\"",
            q.doc_id, q.text
        )));
    }
    out
}

/// Draws the list over `area`, scrolled by `scroll` lines.
pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let r = centered(area, 100, area.height.saturating_sub(2).max(3));
    let block = Block::bordered()
        .border_style(app.palette.border_focused)
        .title(Line::styled(" Problems ", app.palette.title))
        .title_bottom(Line::from(" j/k scroll · Esc close ").right_aligned());
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines(app))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        r,
    );
}
