//! The figures as text tables that fit a width: the list (one row per figure) and the
//! comparison (one table per measure, its kinds side by side). Markdown shares the cells.

use std::io::{self, Write};

use super::compare::MeasureGroup;
use super::table::Table;
use super::{FigureRow, cell};
use crate::engine::text::wrap::wrap_str;

/// The list's headers; the amount (index 4) stands right. Quotes come last: the text
/// table writes them under each row.
pub const LIST_HEADERS: [&str; 9] = [
    "label", "value", "measure", "kind", "amount", "unit", "period", "topics", "quotes",
];

/// The cells of one figure in the list, made terminal-safe: one per header but the
/// last, and the quotes, one line each.
pub fn list_cells(row: &FigureRow) -> (Vec<String>, Vec<String>) {
    let opt = |s: Option<&str>| s.map(cell).unwrap_or_default();
    let topics: Vec<&str> = row.topics.iter().map(|t| t.id.as_str()).collect();
    let cells = vec![
        cell(row.label()),
        cell(row.value()),
        opt(row.measure_id()),
        opt(row.kind()),
        row.amount_text(),
        opt(row.unit()),
        opt(row.period()),
        cell(&topics.join(", ")),
    ];
    let quotes = row
        .quotes
        .iter()
        .map(|q| cell(&format!("{} ({}) {}", q.doc_id, q.lang(), q.place())))
        .collect();
    (cells, quotes)
}

/// The list as a table; columns blank in every row are left out (label and value stay).
pub fn list_table(rows: &[FigureRow]) -> Table {
    let headers = &LIST_HEADERS[..LIST_HEADERS.len() - 1];
    let mut table = Table::new(headers).align_right(4).with_detail("quotes");
    for row in rows {
        let (cells, quotes) = list_cells(row);
        table.push_with_detail(cells, quotes);
    }
    table.drop_blank_columns(&[0, 1]);
    table
}

/// Writes the list, or a line saying no figure matched.
pub fn write_list(rows: &[FigureRow], width: usize, out: &mut dyn Write) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "No figures.");
    }
    for line in list_table(rows).render(width) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The headers of a measure's comparison: period, its kinds, label, documents.
pub fn comparison_headers(group: &MeasureGroup) -> Vec<String> {
    let mut headers = vec!["period".to_string()];
    headers.extend(group.kinds().iter().map(|k| match *k {
        "" => "value".to_string(),
        k => k.to_string(),
    }));
    headers.push("label".into());
    headers.push("documents".into());
    headers
}

/// One figure's cells in its measure's comparison.
pub fn comparison_cells(group: &MeasureGroup, row: &FigureRow) -> Vec<String> {
    let kinds = group.kinds().len();
    let mut cells = vec![cell(row.period().unwrap_or(""))];
    let column = group.kind_column(row);
    cells.extend((0..kinds).map(|k| {
        if k == column {
            cell(&group.cell(row))
        } else {
            String::new()
        }
    }));
    cells.push(cell(row.label()));
    let docs: Vec<String> = row
        .documents()
        .iter()
        .map(|(id, lang)| format!("{id} ({lang})"))
        .collect();
    cells.push(cell(&docs.join(", ")));
    cells
}

/// A measure's title line: `gdp-growth · percent · 3 figures`.
pub fn comparison_title(group: &MeasureGroup) -> String {
    let units = match group.units.as_slice() {
        [] => "no unit".to_string(),
        [one] => one.to_string(),
        many => format!("units differ: {}", many.join(", ")),
    };
    let n = group.rows.len();
    let figures = if n == 1 { "figure" } else { "figures" };
    cell(&format!("{} · {units} · {n} {figures}", group.id))
}

/// Writes one table per measure, then how many figures had no measure.
pub fn write_comparison(
    groups: &[MeasureGroup],
    unmeasured: usize,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if groups.is_empty() {
        let none = "No figures with a measure: give figures a `measure:` id to compare them.";
        for line in wrap_str(none, width) {
            writeln!(out, "{line}")?;
        }
    }
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for line in wrap_str(&comparison_title(group), width) {
            writeln!(out, "{line}")?;
        }
        let headers = comparison_headers(group);
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut table = Table::new(&headers);
        // A kind's column stands right when it holds amounts only (a value is text).
        for k in 0..group.kinds().len() {
            let in_column = |r: &&&FigureRow| group.kind_column(r) == k;
            if group
                .rows
                .iter()
                .filter(in_column)
                .all(|r| r.measure.amount.is_some() || r.measure.amount_max.is_some())
            {
                table = table.align_right(1 + k);
            }
        }
        for row in &group.rows {
            table.push(comparison_cells(group, row));
        }
        for line in table.render(width) {
            writeln!(out, "{line}")?;
        }
    }
    if unmeasured > 0 {
        let s = if unmeasured == 1 { "" } else { "s" };
        writeln!(out)?;
        let line = format!("{unmeasured} figure{s} without a measure not compared.");
        for line in wrap_str(&line, width) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
