//! Figures that measure the same thing (`measure:`) side by side: each measure's targets,
//! forecasts and results in time order, and the series a bar chart can draw (amounts that
//! share a unit; mixed units never chart together).

use std::cmp::Ordering;

use super::{FigureRow, KIND_ORDER, amount_text, kind_rank};
use crate::engine::corpus::AnnotationId;

/// One measure and its figures.
#[derive(Debug, Clone)]
pub struct MeasureGroup<'r, 'a> {
    pub id: &'a str,
    /// The units its figures give, in order of first appearance; more than one means they
    /// disagree (`check` warns).
    pub units: Vec<&'a str>,
    /// In time order: by period, then kind (target, forecast, result, ...), then document.
    pub rows: Vec<&'r FigureRow<'a>>,
}

/// Bars of one unit: the amounts of a measure that can be drawn against each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub unit: String,
    pub bars: Vec<Bar>,
}

/// One amount of a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What it stands for: period and kind (`2025 target`).
    pub label: String,
    /// The amount (the lower bound of a range).
    pub amount: f64,
    /// The figure's annotation.
    pub index: AnnotationId,
}

/// The measures among `rows`, by id; figures without a measure are left out.
pub fn by_measure<'r, 'a>(rows: &'r [FigureRow<'a>]) -> Vec<MeasureGroup<'r, 'a>> {
    let mut measured: Vec<&FigureRow> = rows.iter().filter(|r| r.measure_id().is_some()).collect();
    measured.sort_by(|a, b| {
        a.measure_id()
            .cmp(&b.measure_id())
            .then_with(|| in_time(a, b))
    });
    let mut groups: Vec<MeasureGroup> = Vec::new();
    for row in measured {
        let id = row.measure_id().unwrap_or("");
        let group = match groups.last_mut() {
            Some(g) if g.id == id => g,
            _ => {
                groups.push(MeasureGroup {
                    id,
                    units: Vec::new(),
                    rows: Vec::new(),
                });
                groups.last_mut().expect("just pushed")
            }
        };
        if let Some(unit) = row.unit()
            && !group.units.contains(&unit)
        {
            group.units.push(unit);
        }
        group.rows.push(row);
    }
    groups
}

/// Period (blank last), then kind, then the first document, then the briefs' order.
fn in_time(a: &FigureRow, b: &FigureRow) -> Ordering {
    let blank = |r: &FigureRow| r.period().is_none();
    blank(a)
        .cmp(&blank(b))
        .then(a.period_key.cmp(&b.period_key))
        .then(kind_rank(a.kind()).cmp(&kind_rank(b.kind())))
        .then_with(|| {
            let (x, y) = (a.quotes.first(), b.quotes.first());
            x.map(|q| q.doc_id).cmp(&y.map(|q| q.doc_id))
        })
        .then(a.index.cmp(&b.index))
}

impl MeasureGroup<'_, '_> {
    /// The kinds its figures have, in [`KIND_ORDER`], a figure without one last (`""`).
    pub fn kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = KIND_ORDER
            .iter()
            .copied()
            .filter(|k| self.rows.iter().any(|r| r.kind() == Some(*k)))
            .collect();
        if self
            .rows
            .iter()
            .any(|r| r.kind().is_none_or(|k| !KIND_ORDER.contains(&k)))
        {
            kinds.push("");
        }
        kinds
    }

    /// What a comparison cell shows for `row`: its amount, with the unit when the
    /// measure's units disagree; its value when it has no amount.
    pub fn cell(&self, row: &FigureRow) -> String {
        let amount = row.amount_text();
        match (amount.is_empty(), row.unit()) {
            (true, _) => row.value().to_string(),
            (false, Some(unit)) if self.units.len() > 1 => format!("{amount} {unit}"),
            (false, _) => amount,
        }
    }

    /// The column of `row` among [`MeasureGroup::kinds`].
    pub fn kind_column(&self, row: &FigureRow) -> usize {
        let kinds = self.kinds();
        let kind = row.kind().filter(|k| KIND_ORDER.contains(k)).unwrap_or("");
        kinds.iter().position(|k| *k == kind).unwrap_or(0)
    }

    /// One series per unit that two or more amounts share, in order of the units.
    pub fn series(&self) -> Vec<Series> {
        self.units
            .iter()
            .filter_map(|&unit| {
                let bars: Vec<Bar> = self
                    .rows
                    .iter()
                    .filter(|r| r.unit() == Some(unit))
                    .filter_map(|r| {
                        Some(Bar {
                            label: bar_label(r),
                            amount: r.measure.amount?,
                            index: r.index,
                        })
                    })
                    .collect();
                (bars.len() >= 2).then(|| Series {
                    unit: unit.to_string(),
                    bars,
                })
            })
            .collect()
    }
}

/// `2025 target`, `H1 2025 result`: what a bar stands for.
fn bar_label(row: &FigureRow) -> String {
    let parts: Vec<&str> = [row.period(), row.kind()].into_iter().flatten().collect();
    match parts.is_empty() {
        true => amount_text(row.measure.amount, row.measure.amount_max),
        false => super::cell(&parts.join(" ")),
    }
}
