//! Sorting figure rows by a column: stable (ties keep the briefs' order), blank cells
//! last in either direction, text compared folded (case and diacritics aside), periods in
//! time, kinds in the order aim, forecast, outcome.

use std::cmp::Ordering;

use super::FigureRow;
use crate::engine::text::fold::fold_str;

/// What rows can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The order the briefs give (brief by brief).
    Brief,
    Label,
    Value,
    Measure,
    Kind,
    Amount,
    Unit,
    Period,
    Topic,
    Document,
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Brief,
        Column::Label,
        Column::Value,
        Column::Measure,
        Column::Kind,
        Column::Amount,
        Column::Unit,
        Column::Period,
        Column::Topic,
        Column::Document,
    ];

    /// The name `--sort` takes and a table header shows.
    pub fn name(self) -> &'static str {
        match self {
            Column::Brief => "brief",
            Column::Label => "label",
            Column::Value => "value",
            Column::Measure => "measure",
            Column::Kind => "kind",
            Column::Amount => "amount",
            Column::Unit => "unit",
            Column::Period => "period",
            Column::Topic => "topic",
            Column::Document => "document",
        }
    }
}

/// The order kinds are shown in: what was aimed at, foreseen, then achieved.
pub const KIND_ORDER: [&str; 5] = ["target", "forecast", "result", "count", "reference"];

pub(super) fn kind_rank(kind: Option<&str>) -> usize {
    kind.and_then(|k| KIND_ORDER.iter().position(|o| *o == k))
        .unwrap_or(KIND_ORDER.len())
}

/// Sorts rows by `column`, stably (ties keep the briefs' order), blank cells last;
/// `descending` reverses the order of the cells that are not blank.
pub fn sort(rows: &mut Vec<FigureRow>, column: Column, descending: bool) {
    let order = order(rows, column, descending);
    let mut taken: Vec<Option<FigureRow>> = rows.drain(..).map(Some).collect();
    rows.extend(order.into_iter().filter_map(|i| taken.get_mut(i)?.take()));
}

/// The positions of `rows` in the order [`sort`] puts them.
pub fn order(rows: &[FigureRow], column: Column, descending: bool) -> Vec<usize> {
    let flip = |o: Ordering| if descending { o.reverse() } else { o };
    // Blank cells last whatever the direction.
    let blanks_last = |x: bool, y: bool, then: &dyn Fn() -> Ordering| match (x, y) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => flip(then()),
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    match column {
        Column::Brief => order.sort_by(|&i, &j| flip(rows[i].index.cmp(&rows[j].index))),
        Column::Amount => order.sort_by(|&i, &j| {
            let (a, b) = (rows[i].measure, rows[j].measure);
            let (Some(x), Some(y)) = (a.amount, b.amount) else {
                return blanks_last(a.amount.is_none(), b.amount.is_none(), &|| Ordering::Equal);
            };
            flip(x.total_cmp(&y).then_with(|| {
                a.amount_max
                    .unwrap_or(x)
                    .total_cmp(&b.amount_max.unwrap_or(y))
            }))
        }),
        Column::Period => order.sort_by(|&i, &j| {
            let (a, b) = (&rows[i], &rows[j]);
            blanks_last(a.period().is_none(), b.period().is_none(), &|| {
                a.period_key.cmp(&b.period_key)
            })
        }),
        Column::Kind => order.sort_by(|&i, &j| {
            let (x, y) = (kind_rank(rows[i].kind()), kind_rank(rows[j].kind()));
            let none = KIND_ORDER.len();
            blanks_last(x == none, y == none, &|| x.cmp(&y))
        }),
        _ => {
            // Text is compared folded (case and diacritics aside), folded once per row.
            let keys: Vec<Option<String>> = rows
                .iter()
                .map(|r| text_key(r, column).map(fold_str))
                .collect();
            order.sort_by(|&i, &j| match (&keys[i], &keys[j]) {
                (Some(x), Some(y)) => flip(x.cmp(y)),
                (x, y) => blanks_last(x.is_none(), y.is_none(), &|| Ordering::Equal),
            });
        }
    }
    order
}

/// The text a row sorts by in a text column, `None` when blank.
fn text_key<'a>(row: &FigureRow<'a>, column: Column) -> Option<&'a str> {
    let s = match column {
        Column::Label => row.label(),
        Column::Value => row.value(),
        Column::Measure => row.measure_id()?,
        Column::Unit => row.unit()?,
        Column::Topic => row.topics.first().map(|t| t.id.as_str())?,
        Column::Document => row.quotes.first().map(|q| q.doc_id)?,
        _ => return None,
    };
    (!s.trim().is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::figures::rows;
    use crate::engine::figures::test_corpus::{figure, with_figures};

    fn sorted(column: Column, descending: bool) -> Vec<String> {
        let figures = [
            figure(
                "b",
                "một",
                "    kind: result\n    amount: 2\n    period: H1 2025\n",
            ),
            figure("Ă", "hai", "    amount: 2\n    period: \"2024\"\n"),
            figure("a", "ba", "    kind: target\n    amount: 10\n"),
            figure("c", "bốn", ""),
        ]
        .concat();
        let corpus = with_figures(&figures);
        assert_eq!(corpus.findings(), []);
        let mut rows = rows(&corpus);
        sort(&mut rows, column, descending);
        rows.iter().map(|r| r.label().to_string()).collect()
    }

    #[test]
    fn amounts_sort_stably_with_blanks_last_both_ways() {
        assert_eq!(sorted(Column::Amount, false), ["b", "Ă", "a", "c"]);
        assert_eq!(sorted(Column::Amount, true), ["a", "b", "Ă", "c"]);
    }

    #[test]
    fn text_sorts_folded_and_periods_in_time() {
        assert_eq!(sorted(Column::Label, false), ["Ă", "a", "b", "c"]);
        assert_eq!(sorted(Column::Label, true), ["c", "b", "Ă", "a"]);
        assert_eq!(sorted(Column::Period, false), ["Ă", "b", "a", "c"]);
        assert_eq!(sorted(Column::Kind, false), ["a", "b", "Ă", "c"]);
        assert_eq!(sorted(Column::Brief, true), ["c", "a", "Ă", "b"]);
    }
}
