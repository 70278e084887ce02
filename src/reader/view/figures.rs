//! The figures view (`f`): a table of the key figures, sorted and filtered as
//! `App::figures` says, the cursor's row reversed; under it, a bar chart of the cursor's
//! measure when two or more of its amounts share a unit. Only the rows on screen are
//! built, so a frame costs the same for 25 figures or 100,000.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Clear, Paragraph, Row, Table};

use crate::engine::figures::compare::{self, Series};
use crate::engine::figures::{self, Column, FigureRow, cell};
use crate::engine::text::width::{display_width, fit};
use crate::reader::keymap::{self, Mode};
use crate::reader::palette::Palette;
use crate::reader::state::App;
use crate::reader::view::overlay_block;

/// The columns, in list order; compare mode puts the measure and period first.
const LIST: [Column; 7] = [
    Column::Label,
    Column::Kind,
    Column::Amount,
    Column::Unit,
    Column::Period,
    Column::Measure,
    Column::Document,
];
const COMPARE: [Column; 7] = [
    Column::Measure,
    Column::Period,
    Column::Kind,
    Column::Amount,
    Column::Unit,
    Column::Label,
    Column::Document,
];
/// The chart takes at most this many rows, and only with this many left for the table.
const CHART_ROWS: u16 = 8;
const TABLE_ROWS_MIN: u16 = 6;

/// Draws the view over `area`.
pub fn render(app: &App, p: &Palette, frame: &mut Frame, area: Rect) {
    let view = &app.figures;
    let total = app
        .corpus
        .annotations()
        .iter()
        .filter(|a| a.kind() == crate::engine::AnnotationKind::Figure)
        .count();
    let mut title = format!(" Figures · {} of {total}", view.rows().len());
    title.push_str(&format!(
        " · by {} {}",
        view.sort().name(),
        if view.descending() { "▼" } else { "▲" }
    ));
    if view.compare() {
        title.push_str(" · compared by measure");
    }
    let filter = view.describe_filter();
    if !filter.is_empty() {
        title.push_str(&format!(" · {}", cell(&filter)));
    }
    title.push(' ');
    let keys: Vec<String> = keymap::hints_in(Mode::Figures)
        .map(|(k, h)| format!("{k} {h}"))
        .collect();
    let block = overlay_block(
        p,
        shorten(&title, usize::from(area.width.saturating_sub(2))),
        format!(" {} ", keys.join(" · ")),
    );
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if view.rows().is_empty() {
        let says = if total == 0 {
            "No figures in this corpus."
        } else {
            "No figures match the filters: x clears them."
        };
        frame.render_widget(Paragraph::new(Line::styled(says, p.dim)), inner);
        return;
    }
    let current = view.current().and_then(|a| figures::row_at(&app.corpus, a));
    let series = current.as_ref().and_then(|row| chart_series(app, row));
    let chart_rows = series.as_ref().map_or(0, |s| {
        u16::try_from(s.bars.len() + 1)
            .unwrap_or(u16::MAX)
            .min(CHART_ROWS)
    });
    let (table_area, chart_area) = if chart_rows > 0 && inner.height >= TABLE_ROWS_MIN + chart_rows
    {
        let table = Rect {
            height: inner.height - chart_rows - 1,
            ..inner
        };
        let chart = Rect {
            y: inner.bottom() - chart_rows,
            height: chart_rows,
            ..inner
        };
        (table, Some(chart))
    } else {
        (inner, None)
    };
    table(app, p, frame, table_area);
    if let (Some(series), Some(r), Some(row)) = (series, chart_area, current) {
        chart(p, frame, r, &series, &row);
    }
}

/// `s` cut with an ellipsis when wider than `width`, never padded.
fn shorten(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        s.to_string()
    } else {
        fit(s, width)
    }
}

/// The rows on screen: the window that keeps the cursor visible.
fn table(app: &App, p: &Palette, frame: &mut Frame, area: Rect) {
    let view = &app.figures;
    let height = usize::from(area.height.saturating_sub(1)).max(1);
    let first = (view.cursor() + 1).saturating_sub(height);
    let columns = if view.compare() { COMPARE } else { LIST };
    let shown: Vec<(usize, FigureRow)> = view
        .rows()
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .filter_map(|(k, &a)| Some((k, figures::row_at(&app.corpus, a)?)))
        .collect();
    let header = Row::new(columns.iter().map(|&c| {
        let mark = match (c == view.sort(), view.descending()) {
            (false, _) => "",
            (true, false) => " ▲",
            (true, true) => " ▼",
        };
        Cell::from(format!("{}{mark}", c.name()))
    }))
    .style(p.heading);
    let rows: Vec<Row> = shown
        .iter()
        .map(|(k, row)| {
            let cells = columns.iter().map(|&c| {
                let text = cell_text(row, c);
                match c {
                    Column::Amount => Cell::from(Line::from(text).right_aligned()).style(p.figure),
                    _ => Cell::from(text),
                }
            });
            let style = if *k == view.cursor() {
                p.cursor
            } else {
                Style::new()
            };
            Row::new(cells).style(style)
        })
        .collect();
    let widths = widths(&columns, &shown, area.width);
    frame.render_widget(Table::new(rows, widths).header(header), area);
}

/// What a column shows for a figure, one line, cleaned.
fn cell_text(row: &FigureRow, column: Column) -> String {
    let text = match column {
        Column::Label => row.label().to_string(),
        Column::Value => row.value().to_string(),
        Column::Measure => row.measure_id().unwrap_or("").to_string(),
        Column::Kind => row.kind().unwrap_or("").to_string(),
        Column::Amount => row.amount_text(),
        Column::Unit => row.unit().unwrap_or("").to_string(),
        Column::Period => row.period().unwrap_or("").to_string(),
        Column::Topic => {
            let ids: Vec<&str> = row.topics.iter().map(|t| t.id.as_str()).collect();
            ids.join(", ")
        }
        Column::Document => {
            let docs: Vec<String> = row
                .documents()
                .iter()
                .map(|(id, lang)| format!("{id} ({lang})"))
                .collect();
            docs.join(", ")
        }
        Column::Brief => row.brief.id.clone(),
    };
    cell(&text)
}

/// Short columns as wide as their widest cell on screen; label and documents share the
/// rest, the label twice as much.
fn widths(columns: &[Column], shown: &[(usize, FigureRow)], width: u16) -> Vec<Constraint> {
    columns
        .iter()
        .map(|&c| match c {
            Column::Label => Constraint::Fill(2),
            Column::Document => Constraint::Fill(1),
            c => {
                let widest = shown
                    .iter()
                    .map(|(_, r)| display_width(&cell_text(r, c)))
                    .chain(std::iter::once(display_width(c.name()) + 2))
                    .max()
                    .unwrap_or(0);
                let cap = usize::from(width / 6).max(6);
                Constraint::Length(u16::try_from(widest.min(cap)).unwrap_or(u16::MAX))
            }
        })
        .collect()
}

/// The series of the cursor's measure in the cursor's unit, when it has two bars or more.
fn chart_series(app: &App, current: &FigureRow) -> Option<Series> {
    let id = current.measure_id()?;
    let unit = current.unit()?;
    let same: Vec<FigureRow> = app
        .corpus
        .annotations()
        .ids()
        .filter(|&i| {
            app.corpus.annotations()[i]
                .measure()
                .is_some_and(|m| m.id.as_deref() == Some(id))
        })
        .filter_map(|i| figures::row_at(&app.corpus, i))
        .collect();
    let groups = compare::by_measure(&same);
    let group = groups.first()?;
    group.series().into_iter().find(|s| s.unit == unit)
}

/// A horizontal bar per amount, the cursor's own bar in the selected style.
fn chart(p: &Palette, frame: &mut Frame, area: Rect, series: &Series, current: &FigureRow) {
    let id = current.measure_id().unwrap_or("");
    let mut lines = vec![Line::styled(
        cell(&format!("{id} · {}", series.unit)),
        p.heading,
    )];
    let labels: Vec<String> = series.bars.iter().map(|b| cell(&b.label)).collect();
    let label_width = labels
        .iter()
        .map(|l| display_width(l))
        .max()
        .unwrap_or(0)
        .min(usize::from(area.width / 3));
    let amounts: Vec<String> = series
        .bars
        .iter()
        .map(|b| figures::amount_text(Some(b.amount), None))
        .collect();
    let amount_width = amounts.iter().map(|a| display_width(a)).max().unwrap_or(0);
    let room = usize::from(area.width).saturating_sub(label_width + amount_width + 3);
    let max = series.bars.iter().map(|b| b.amount).fold(0.0_f64, f64::max);
    for ((bar, label), amount) in series.bars.iter().zip(&labels).zip(&amounts) {
        let style = if bar.index == current.index {
            p.selected
        } else {
            p.figure
        };
        lines.push(Line::from(vec![
            Span::raw(format!("{} ", fit(label, label_width))),
            Span::styled(bar_text(bar.amount, max, room), style),
            Span::raw(format!(" {amount}")),
        ]));
    }
    lines.truncate(usize::from(area.height));
    frame.render_widget(Paragraph::new(lines), area);
}

/// A bar `amount / max` of `room` columns long, in eighths of a column.
fn bar_text(amount: f64, max: f64, room: usize) -> String {
    const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    if max <= 0.0 || amount <= 0.0 || room == 0 {
        return String::new();
    }
    let eighths = ((amount / max).min(1.0) * room as f64 * 8.0).round() as usize;
    let mut s = "█".repeat(eighths / 8);
    s.push_str(EIGHTHS[eighths % 8]);
    if s.is_empty() {
        s.push('▏');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_in_eighths() {
        assert_eq!(bar_text(10.0, 10.0, 4), "████");
        assert_eq!(bar_text(5.0, 10.0, 4), "██");
        assert_eq!(bar_text(7.52, 8.3, 10), "█████████");
        assert_eq!(bar_text(1.0, 10.0, 3), "▎");
        assert_eq!(bar_text(0.001, 10.0, 3), "▏", "a tiny amount still shows");
        assert_eq!(bar_text(-2.0, 10.0, 3), "", "a negative amount has no bar");
        assert_eq!(bar_text(3.0, 0.0, 3), "");
    }
}
