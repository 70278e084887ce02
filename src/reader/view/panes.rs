//! A document pane: titled box, the visible rows of the wrapped text, and the highlights of
//! figures, themes, the selected annotation and search matches.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_segmentation::UnicodeSegmentation;

use crate::engine::AnnotationKind;
use crate::engine::corpus::DocId;
use crate::engine::text::width::cell_width;
use crate::reader::layout_cache::cell_text;
use crate::reader::palette::Palette;
use crate::reader::state::{App, Focus, Highlights, Pane};
use crate::reader::view::inner;

/// Where a pane stands: 1-based line of its top row, line count, percent seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub lines: usize,
    pub percent: usize,
}

/// The position of `pane` drawn in `area` (its box).
pub fn position(app: &App, pane: Pane, area: Rect) -> Option<Position> {
    let pane = app.panes()[pane];
    let doc = pane.doc?;
    let inner = inner(area);
    let laid = app.layout(doc, inner.width.max(1))?;
    let text = laid.text();
    // The rows before the top are estimated while blocks above it are not wrapped yet;
    // those on screen are exact, so the end of the document is 100%.
    let top = laid.at(pane.top);
    let height = usize::from(inner.height);
    // At the end when the screen holds the last row (found without wrapping past it).
    let end = !laid.reaches(top, height.max(1));
    let rows = laid.count().max(1);
    let bottom = laid.index(top) + height;
    Some(Position {
        line: text.line_index(pane.top) + 1,
        lines: text.line_count(),
        percent: if end {
            100
        } else {
            (bottom * 100 / rows).min(99)
        },
    })
}

/// Draws `which` pane in `area`.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect, which: Pane) {
    let focused = app.focus() == Focus::Pane(which);
    let pane = app.panes()[which];
    let doc = pane
        .doc
        .and_then(|d| app.corpus.documents().get(d).map(|doc| (d, doc)));
    let title = match doc {
        Some((_, d)) => {
            // The date, when the briefs give one, before the title.
            let date = d
                .meta
                .as_ref()
                .and_then(|m| m.date.as_deref())
                .map(|date| format!("{date} · "))
                .unwrap_or_default();
            format!(" {} · {} · {date}{} ", d.id(), d.lang(), d.title())
        }
        None => " no document ".to_string(),
    };
    // The focused pane's title is reversed, so it shows without colour as well.
    let title_style = if focused {
        p.title.patch(p.cursor)
    } else {
        p.title
    };
    let mut block = Block::bordered()
        .border_style(if focused { p.border_focused } else { p.border })
        .title(Line::styled(title, title_style));
    if let Some(pos) = position(app, which, area) {
        block = block.title_bottom(
            Line::from(format!(" {}/{} {}% ", pos.line, pos.lines, pos.percent)).right_aligned(),
        );
    }
    let text_area = inner(area);
    frame.render_widget(block, area);
    let Some((d, _)) = doc else {
        frame.render_widget(
            Paragraph::new("No document here: press o to choose one.").style(p.dim),
            text_area,
        );
        return;
    };
    let Some(laid) = app.layout(d, text_area.width.max(1)) else {
        if let Err(why) = app.corpus.text(d) {
            frame.render_widget(
                Paragraph::new(format!("{why}."))
                    .wrap(Wrap { trim: false })
                    .style(p.dim),
                text_area,
            );
        }
        return;
    };
    let visible = laid.take(laid.at(pane.top), usize::from(text_area.height));
    let span = match (visible.first(), visible.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    };
    let mut marks = highlights(app, p, d, &span);
    // Weakest of all: the counterpart of the passage the other pane reads.
    if let Some(r) = app
        .marked_counterpart(which)
        .filter(|r| r.start < span.end && span.start < r.end)
    {
        marks.insert(0, (r, p.counterpart));
    }
    let text = laid.text().as_str();
    let lines: Vec<Line> = visible
        .iter()
        .map(|row| row_line(text, row.clone(), &marks))
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
}

/// The styled ranges of document `doc` that meet `visible`, weakest first.
fn highlights(
    app: &App,
    p: &Palette,
    doc: DocId,
    visible: &Range<usize>,
) -> Vec<(Range<usize>, Style)> {
    let mut out = Vec::new();
    let mut selected = Vec::new();
    // Only the anchors that meet the visible rows: the corpus keeps them indexed by document.
    for (range, i) in app.corpus.anchors_in(doc, visible.clone()) {
        let kind = app.corpus.annotations()[i].kind();
        let style = match kind {
            AnnotationKind::Figure => p.figure,
            AnnotationKind::Theme => p.theme,
        };
        if app.selected() == Some(i) && app.highlights() != Highlights::None {
            selected.push((range.clone(), p.selected));
        }
        if app.highlights().shows(kind) {
            out.push((range, style));
        }
    }
    out.append(&mut selected);
    let search = &app.search;
    let first = search
        .matches()
        .partition_point(|(d, r)| (*d, r.end) <= (doc, visible.start));
    for (k, (d, r)) in search.matches().iter().enumerate().skip(first) {
        if *d != doc || r.start >= visible.end.max(visible.start + 1) {
            break;
        }
        let style = if search.current() == Some(k) {
            p.current_match
        } else {
            p.matched
        };
        out.push((r.clone(), style));
    }
    out
}

/// One visual row, cut into spans on grapheme boundaries, tabs expanded.
fn row_line(text: &str, row: Range<usize>, marks: &[(Range<usize>, Style)]) -> Line<'static> {
    let s = text.get(row.clone()).unwrap_or("");
    let mut spans = Vec::new();
    let mut current = String::new();
    let mut current_style = Style::default();
    let mut column = 0;
    for (i, g) in s.grapheme_indices(true) {
        let offset = row.start + i;
        let style = marks
            .iter()
            .filter(|(r, _)| r.start <= offset && offset < r.end)
            .fold(Style::default(), |acc, (_, s)| acc.patch(*s));
        if style != current_style && !current.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut current), current_style));
        }
        current_style = style;
        current.push_str(&cell_text(g, column));
        column += cell_width(g, column);
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, current_style));
    }
    Line::from(spans)
}
