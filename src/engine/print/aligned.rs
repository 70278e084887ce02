//! An alignment laid out: two columns of text by display width, a Markdown table, an HTML
//! parallel text for A4 (a whole page, or a section for `print --parallel`), and JSON for
//! scripts. Every passage is cleaned of control characters before it is written.

use std::io::{self, Write};

use serde::Serialize;

use super::html::esc;
use super::markdown::inline;
use super::{Format, one_line};
use crate::engine::align::{Alignment, Pair};
use crate::engine::clean::CleanWriter;
use crate::engine::corpus::Document;
use crate::engine::text::Text;
use crate::engine::text::width::display_width;
use crate::engine::text::wrap::wrap_str;

/// Two documents, their texts and their alignment.
pub struct AlignedView<'a> {
    pub a: &'a Document,
    pub b: &'a Document,
    /// The texts of `a` and `b`.
    pub texts: [&'a Text; 2],
    pub alignment: &'a Alignment,
}

impl AlignedView<'_> {
    fn passage(&self, pair: &Pair, side_b: bool) -> Option<&str> {
        let r = if side_b { &pair.b } else { &pair.a };
        let span = self.alignment.span(r, side_b)?;
        self.text(side_b).as_str().get(span)
    }

    /// The text of side B, or of side A.
    fn text(&self, side_b: bool) -> &Text {
        self.texts[usize::from(side_b)]
    }

    fn heading(doc: &Document) -> String {
        one_line(&format!("{} ({}) {}", doc.id(), doc.lang(), doc.title()))
    }
}

/// Writes the alignment in `format`, through the cleaner in the format's own notation
/// (whatever a layout leaves raw, such as BiDi controls in a JSON string, is escaped).
pub fn write(
    view: &AlignedView,
    format: Format,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = CleanWriter::new(out, format.escape());
    match format {
        Format::Text => text(view, width, &mut out)?,
        Format::Markdown => markdown(view, 1, &mut out)?,
        Format::Html => html_page(view, &mut out)?,
        Format::Json => json(view, &mut out)?,
    }
    out.finish().map(drop)
}

/// Two columns `width` wide in all, a passage without counterpart beside a blank.
pub fn text(view: &AlignedView, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let column = (width.saturating_sub(3) / 2).max(8);
    let row = |out: &mut dyn Write, left: &str, right: &str| -> io::Result<()> {
        let pad = column.saturating_sub(display_width(left));
        let line = format!("{left}{} │ {right}", " ".repeat(pad));
        writeln!(out, "{}", line.trim_end())
    };
    let head_a = one_line(view.a.id());
    let head_b = one_line(view.b.id());
    row(
        out,
        &format!("{head_a} ({})", one_line(view.a.lang())),
        &format!("{head_b} ({})", one_line(view.b.lang())),
    )?;
    writeln!(out, "{}┼{}", "─".repeat(column + 1), "─".repeat(column + 1))?;
    for (k, pair) in view.alignment.pairs.iter().enumerate() {
        if k > 0 {
            row(out, "", "")?;
        }
        let left = one_line(view.passage(pair, false).unwrap_or(""));
        let right = one_line(view.passage(pair, true).unwrap_or(""));
        let (l, r) = (wrap_str(&left, column), wrap_str(&right, column));
        for i in 0..l.len().max(r.len()) {
            let cell = |rows: &[&str]| rows.get(i).map_or(String::new(), |s| (*s).to_string());
            row(out, &cell(&l), &cell(&r))?;
        }
    }
    Ok(())
}

/// A Markdown table under a heading of level `level`.
pub fn markdown(view: &AlignedView, level: usize, out: &mut dyn Write) -> io::Result<()> {
    let hashes = "#".repeat(level.clamp(1, 6));
    writeln!(
        out,
        "{hashes} {} beside {}\n",
        inline(view.a.id()),
        inline(view.b.id())
    )?;
    writeln!(
        out,
        "| {} | {} | by | score |",
        inline(&AlignedView::heading(view.a)),
        inline(&AlignedView::heading(view.b))
    )?;
    writeln!(out, "| --- | --- | --- | ---: |")?;
    for pair in &view.alignment.pairs {
        writeln!(
            out,
            "| {} | {} | {} | {:.2} |",
            inline(view.passage(pair, false).unwrap_or("")),
            inline(view.passage(pair, true).unwrap_or("")),
            pair.by.as_str(),
            pair.score
        )?;
    }
    writeln!(out)
}

/// CSS for the parallel text; also embedded in `print --parallel`'s page.
pub const STYLE: &str = r#"
table.parallel { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 1rem 0; }
table.parallel th, table.parallel td { vertical-align: top; text-align: left; padding: .35rem .5rem;
  border-bottom: 1px solid #ddd; }
table.parallel th.by, table.parallel td.by { width: 5.5rem; font-size: .8em; color: #555; }
table.parallel tr { break-inside: avoid; page-break-inside: avoid; }
table.parallel td.none { background: #f4f4f4; }
table.parallel tr.length td.by { color: #999; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print { table.parallel { font-size: 9.5pt; } thead { display: table-header-group; } }
"#;

/// The parallel text as an HTML section (a table), for embedding.
pub fn html_section(view: &AlignedView, out: &mut dyn Write) -> io::Result<()> {
    let lang = |d: &Document| esc(d.lang());
    writeln!(
        out,
        "<section class=\"aligned\"><h2>{} beside {}</h2>",
        esc(view.a.id()),
        esc(view.b.id())
    )?;
    writeln!(out, "<table class=\"parallel\"><thead><tr>")?;
    writeln!(
        out,
        "<th lang=\"{}\">{}</th><th lang=\"{}\">{}</th><th class=\"by\">by</th>",
        lang(view.a),
        esc(&AlignedView::heading(view.a)),
        lang(view.b),
        esc(&AlignedView::heading(view.b))
    )?;
    writeln!(out, "</tr></thead><tbody>")?;
    for pair in &view.alignment.pairs {
        let cell = |side_b: bool| {
            let doc = if side_b { view.b } else { view.a };
            match view.passage(pair, side_b) {
                Some(t) => format!("<td lang=\"{}\">{}</td>", lang(doc), esc(&one_line(t))),
                None => "<td class=\"none\"></td>".to_string(),
            }
        };
        writeln!(
            out,
            "<tr class=\"{by}\">{}{}<td class=\"by\">{by} {:.2}</td></tr>",
            cell(false),
            cell(true),
            pair.score,
            by = pair.by.as_str()
        )?;
    }
    writeln!(out, "</tbody></table></section>")
}

/// A whole self-contained HTML page that prints on A4.
pub fn html_page(view: &AlignedView, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<title>{} beside {}</title>",
        esc(view.a.id()),
        esc(view.b.id())
    )?;
    writeln!(
        out,
        "<style>body {{ font-family: \"Noto Serif\", Georgia, serif; line-height: 1.4; margin: 1.5rem; }}{STYLE}</style>"
    )?;
    writeln!(out, "</head><body>")?;
    html_section(view, out)?;
    writeln!(out, "</body></html>")
}

#[derive(Serialize)]
struct JsonAlignment<'a> {
    a: &'a str,
    b: &'a str,
    pairs: Vec<JsonPair<'a>>,
}

#[derive(Serialize)]
struct JsonPair<'a> {
    a: Option<JsonSpan<'a>>,
    b: Option<JsonSpan<'a>>,
    score: f64,
    by: &'static str,
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
}

/// The JSON contract: 1-based lines and columns (characters of the NFC text), the end
/// inclusive (the passage's last character), pairs in the order of A.
pub fn json(view: &AlignedView, out: &mut dyn Write) -> io::Result<()> {
    let span = |pair: &Pair, side_b: bool| -> Option<JsonSpan> {
        let r = if side_b { &pair.b } else { &pair.a };
        let whole = view.text(side_b);
        let bytes = view.alignment.span(r, side_b)?;
        let text = whole.as_str().get(bytes.clone())?;
        let last = text.char_indices().next_back().map_or(0, |(i, _)| i);
        let (line, column) = whole.line_col(bytes.start);
        let (end_line, end_column) = whole.line_col(bytes.start + last);
        Some(JsonSpan {
            line,
            column,
            end_line,
            end_column,
            text,
        })
    };
    let doc = JsonAlignment {
        a: view.a.id(),
        b: view.b.id(),
        pairs: view
            .alignment
            .pairs
            .iter()
            .map(|p| JsonPair {
                a: span(p, false),
                b: span(p, true),
                score: (f64::from(p.score) * 1000.0).round() / 1000.0,
                by: p.by.as_str(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}
