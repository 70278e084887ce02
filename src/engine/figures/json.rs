//! The figures as JSON, with serialize-only types of their own so the shape stays stable
//! whatever the model does: `{"figures": [...]}` for the list, `{"measures": [{"id",
//! "units", "figures"}]}` for the comparison. Field names follow the brief's YAML.

use std::io::{self, Write};

use serde::Serialize;

use super::FigureRow;
use super::compare::MeasureGroup;
use crate::engine::corpus::Measure;

#[derive(Serialize)]
struct List<'a> {
    figures: Vec<FigureJson<'a>>,
}

#[derive(Serialize)]
struct Comparison<'a> {
    measures: Vec<MeasureJson<'a>>,
}

#[derive(Serialize)]
struct MeasureJson<'a> {
    id: &'a str,
    units: &'a [&'a str],
    figures: Vec<FigureJson<'a>>,
}

#[derive(Serialize)]
struct FigureJson<'a> {
    brief: &'a str,
    label: &'a str,
    value: &'a str,
    #[serde(flatten)]
    structured: StructuredJson<'a>,
    topics: Vec<&'a str>,
    note: Option<&'a str>,
    quotes: Vec<QuoteJson<'a>>,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    doc: &'a str,
    lang: Option<&'a str>,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    error: Option<String>,
}

/// A figure's structured value, under the brief's own keys: the same in `briefing
/// figures` and `briefing print --format json`.
#[derive(Serialize)]
pub(crate) struct StructuredJson<'a> {
    measure: Option<&'a str>,
    kind: Option<&'a str>,
    amount: Option<f64>,
    amount_max: Option<f64>,
    unit: Option<&'a str>,
    period: Option<&'a str>,
}

impl<'a> StructuredJson<'a> {
    pub(crate) fn of(m: Option<&'a Measure>) -> StructuredJson<'a> {
        StructuredJson {
            measure: m.and_then(|m| m.id.as_deref()),
            kind: m.and_then(|m| m.kind.as_deref()),
            amount: m.and_then(|m| m.amount),
            amount_max: m.and_then(|m| m.amount_max),
            unit: m.and_then(|m| m.unit.as_deref()),
            period: m.and_then(|m| m.period.as_deref()),
        }
    }
}

fn figure<'a>(row: &FigureRow<'a>) -> FigureJson<'a> {
    FigureJson {
        brief: &row.brief.id,
        label: row.label(),
        value: row.value(),
        structured: StructuredJson::of(Some(row.measure)),
        topics: row.topics.iter().map(|t| t.id.as_str()).collect(),
        note: row.annotation.note(),
        quotes: row
            .quotes
            .iter()
            .map(|q| QuoteJson {
                doc: q.doc_id,
                lang: q
                    .doc
                    .and_then(|d| d.meta.as_ref())
                    .and_then(|m| m.lang.as_deref()),
                file: q.doc.map(|d| d.file.as_str()),
                line: q.anchor.ok().map(|a| a.line()),
                column: q.anchor.ok().map(|a| a.column()),
                error: q.anchor.err().map(|f| f.to_string()),
            })
            .collect(),
    }
}

pub fn write_list(rows: &[FigureRow], out: &mut dyn Write) -> io::Result<()> {
    let list = List {
        figures: rows.iter().map(figure).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

pub fn write_comparison(groups: &[MeasureGroup], out: &mut dyn Write) -> io::Result<()> {
    let comparison = Comparison {
        measures: groups
            .iter()
            .map(|g| MeasureJson {
                id: g.id,
                units: &g.units,
                figures: g.rows.iter().map(|r| figure(r)).collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &comparison)?;
    writeln!(out)
}
