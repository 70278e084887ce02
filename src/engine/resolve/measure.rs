//! A figure's structured value checked: its kind, its amounts (numbers, finite) and its
//! measure id (a slug); then, across the corpus, that the figures of one measure agree on
//! their unit.

use std::collections::HashMap;

use super::anchoring::Source;
use super::annotate::Item;
use super::{Report, add_note};
use crate::engine::brief::{AmountDecl, FIGURE_KINDS, FigureDecl};
use crate::engine::corpus::{AnnotationKind, BriefId, CorpusParts, IdVec, Measure};
use crate::engine::finding::Finding;
use crate::engine::text::fold::fold_str;

/// The structured value of figure `path` (`figures[3]`), every problem reported.
/// A bad amount is left blank, so the figure still loads and lists.
pub(super) fn measure_of(f: &mut FigureDecl, path: &Item, report: &mut Report) -> Measure {
    if let Some(kind) = &f.kind
        && !FIGURE_KINDS.contains(&kind.as_str())
    {
        let e = report.error(&format!("{path}.kind"), format!("unknown kind `{kind}`"));
        add_note(e, format!("use one of: {}", FIGURE_KINDS.join(", ")));
    }
    if let Some(id) = &f.measure
        && !is_slug(id)
    {
        let e = report.error(
            &format!("{path}.measure"),
            format!("measure `{id}` is not an id"),
        );
        add_note(
            e,
            format!(
                "write lower-case letters, digits and hyphens, e.g. `{}`",
                slug_like(id)
            ),
        );
    }
    let amount = f
        .amount
        .take()
        .and_then(|a| number(a, "amount", path, report));
    let amount_max = f
        .amount_max
        .take()
        .and_then(|a| number(a, "amount_max", path, report));
    if let (Some(lo), Some(hi)) = (amount, amount_max)
        && hi < lo
    {
        report.warning(
            &format!("{path}.amount_max"),
            format!("amount_max {hi} is below amount {lo}"),
        );
    }
    Measure {
        id: f.measure.take(),
        kind: f.kind.take(),
        amount,
        amount_max,
        unit: f.unit.take(),
        period: f.period.take(),
    }
}

/// The number an amount holds, or `None` and an error at `path.key`.
fn number(amount: AmountDecl, key: &str, path: &Item, report: &mut Report) -> Option<f64> {
    let (message, note) = match amount {
        AmountDecl::Number(v) if v.is_finite() => return Some(v),
        AmountDecl::Number(v) if v.is_nan() => (
            format!("{key} is .nan, which is not a number"),
            "write a number such as 8.3, or leave the key out",
        ),
        AmountDecl::Number(_) => (
            format!("{key} is infinite"),
            "write a finite number, or leave the key out",
        ),
        AmountDecl::Text(text) => match text.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => return Some(v),
            // Rust reads `inf` and `NaN` as numbers; a brief does not.
            Ok(_) if text.trim().bytes().any(|b| b.is_ascii_digit()) => (
                format!("{key} `{text}` is beyond the range of numbers (about ±1.8e308)"),
                "write the amount in a larger unit (billion, trillion) and say so under unit:",
            ),
            _ => (
                format!("{key} `{text}` is not a number"),
                "write digits with a decimal point, no comma and no unit, e.g. 8.3 (the unit goes under unit:)",
            ),
        },
        AmountDecl::Other(what) => (
            format!("{key} is {what}, not a number"),
            "write one number, e.g. 8.3; a range is amount: and amount_max:",
        ),
    };
    let e = report.error(&format!("{path}.{key}"), message);
    add_note(e, note);
    None
}

/// `gdp-growth`, `fdi_2025`: lower-case ASCII letters and digits, joined by `-` or `_`.
fn is_slug(s: &str) -> bool {
    let word = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    s.split(['-', '_']).all(word)
}

/// A slug made from `s`, for the hint: `Tăng trưởng GDP` becomes `tang-truong-gdp`.
fn slug_like(s: &str) -> String {
    let folded = fold_str(s);
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        "gdp-growth".to_string()
    } else {
        words.join("-")
    }
}

/// A figure of the corpus by brief and by its index among the brief's figures.
type Place = (BriefId, usize);

/// Warns where a figure's unit differs from the unit of the first figure of its measure,
/// naming both places.
pub(super) fn check_units(
    corpus: &CorpusParts,
    sources: &IdVec<BriefId, Source>,
    findings: &mut Vec<Finding>,
) {
    let mut first: HashMap<&str, (Place, &str)> = HashMap::new();
    let mut disagreements = Vec::new();
    for (b, brief) in corpus.briefs.enumerated() {
        let figures = brief
            .annotations
            .iter()
            .map(|&a| &corpus.annotations[a])
            .take_while(|a| a.kind() == AnnotationKind::Figure);
        for (i, a) in figures.enumerate() {
            let Some(m) = a.measure() else {
                continue;
            };
            let (Some(id), Some(unit)) = (m.id.as_deref(), m.unit.as_deref()) else {
                continue;
            };
            match first.get(id) {
                None => {
                    first.insert(id, ((b, i), unit));
                }
                Some(&(there, theirs)) if theirs != unit => {
                    disagreements.push(((b, i), there, id, unit, theirs));
                }
                Some(_) => {}
            }
        }
    }
    // Positions are read only for briefs that have a disagreement, each brief once.
    let mut asked: HashMap<BriefId, Vec<usize>> = HashMap::new();
    for &(here, there, ..) in &disagreements {
        for (b, i) in [here, there] {
            asked.entry(b).or_default().push(i);
        }
    }
    let mut units: HashMap<Place, (usize, usize)> = HashMap::new();
    for (b, figures) in asked {
        let paths: Vec<String> = figures
            .iter()
            .map(|i| format!("figures[{i}].unit"))
            .collect();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let positions = sources[b].source.positions_of(&paths);
        for (i, position) in figures.into_iter().zip(positions) {
            units.extend(position.map(|p| ((b, i), p)));
        }
    }
    let unit_at = |place: Place| units.get(&place).copied();
    for (here, there, id, unit, theirs) in disagreements {
        let place = match unit_at(there) {
            Some((line, column)) => format!("{}:{line}:{column}", sources[there.0].shown),
            None => sources[there.0].shown.clone(),
        };
        findings.push(
            Finding::warning(
                &sources[here.0].shown,
                format!("measure `{id}` is in `{unit}` here but in `{theirs}` at {place}"),
            )
            .at(unit_at(here))
            .note("one measure has one unit: write the same unit, or give this figure a measure of its own"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for good in ["gdp-growth", "fdi_2025", "x", "2025"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "GDP", "gdp growth", "-x", "x-", "tăng", "a--b"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert_eq!(slug_like("GDP Growth 2025"), "gdp-growth-2025");
        assert_eq!(slug_like("Tăng trưởng đồng"), "tang-truong-dong");
        assert_eq!(slug_like("%%"), "gdp-growth");
    }
}
