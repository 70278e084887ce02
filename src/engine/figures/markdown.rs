//! The figures as Markdown tables (GitHub style): the list, or one table per measure.
//! Cells are the text tables' cells with `|` escaped and line breaks as `<br>`.

use std::io::{self, Write};

use super::FigureRow;
use super::compare::MeasureGroup;
use super::text::{
    LIST_HEADERS, comparison_cells, comparison_headers, comparison_title, list_cells,
};

/// A cell's text safe inside a Markdown table row.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|")
}

fn table_row<S: AsRef<str>>(cells: &[S], out: &mut dyn Write) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| md(c.as_ref())).collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

fn rule(n: usize, right: &[usize], out: &mut dyn Write) -> io::Result<()> {
    let cells: Vec<&str> = (0..n)
        .map(|i| if right.contains(&i) { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", cells.join("|"))
}

pub fn write_list(rows: &[FigureRow], out: &mut dyn Write) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "No figures.");
    }
    table_row(&LIST_HEADERS, out)?;
    rule(LIST_HEADERS.len(), &[4], out)?;
    for row in rows {
        let (cells, quotes) = list_cells(row);
        let quotes: Vec<String> = quotes.iter().map(|l| md(l)).collect();
        let mut cells: Vec<String> = cells.iter().map(|c| md(c)).collect();
        cells.push(quotes.join("<br>"));
        // Already escaped: written as is.
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

pub fn write_comparison(
    groups: &[MeasureGroup],
    unmeasured: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if groups.is_empty() {
        writeln!(out, "No figures with a measure.")?;
    }
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "### {}", md(&comparison_title(group)))?;
        writeln!(out)?;
        let headers = comparison_headers(group);
        table_row(&headers, out)?;
        let right: Vec<usize> = (1..=group.kinds().len()).collect();
        rule(headers.len(), &right, out)?;
        for row in &group.rows {
            table_row(&comparison_cells(group, row), out)?;
        }
    }
    if unmeasured > 0 {
        let s = if unmeasured == 1 { "" } else { "s" };
        writeln!(out)?;
        writeln!(
            out,
            "{unmeasured} figure{s} without a measure not compared."
        )?;
    }
    Ok(())
}
