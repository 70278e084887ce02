//! The key figures table a brief opens with, before its topics: one row per figure
//! printed (label, value, kind, period, the documents quoting it), for the text, Markdown
//! and HTML printers. Columns blank in every row are left out; JSON lists figures already.

use super::{BriefView, QuoteView, one_line};
use crate::engine::corpus::{AnnotationKind, Corpus};

/// The heading over the table.
pub(crate) const HEADING: &str = "Key figures";

/// Headers and rows of a brief's key figures table; no rows when it has no figures.
pub(crate) struct KeyFigures {
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

pub(crate) fn key_figures(corpus: &Corpus, view: &BriefView) -> KeyFigures {
    const HEADERS: [&str; 5] = ["Figure", "Value", "Kind", "Period", "Quoted in"];
    let mut rows: Vec<Vec<String>> = view
        .annotations
        .iter()
        .filter(|a| a.kind() == AnnotationKind::Figure)
        .map(|a| {
            let m = a.measure();
            let field = |s: Option<&str>| s.map(one_line).unwrap_or_default();
            let mut docs: Vec<String> = Vec::new();
            for q in &a.quotes {
                let q = QuoteView::new(corpus, q);
                let doc = one_line(&format!("{} ({})", q.quote.doc_id, q.lang()));
                if !docs.contains(&doc) {
                    docs.push(doc);
                }
            }
            vec![
                field(a.label()),
                field(a.value()),
                field(m.and_then(|m| m.kind.as_deref())),
                field(m.and_then(|m| m.period.as_deref())),
                docs.join(", "),
            ]
        })
        .collect();
    let keep: Vec<bool> = (0..HEADERS.len())
        .map(|c| c < 2 || rows.iter().any(|r| !r[c].is_empty()))
        .collect();
    for row in &mut rows {
        let mut c = 0;
        row.retain(|_| {
            c += 1;
            keep[c - 1]
        });
    }
    KeyFigures {
        headers: HEADERS
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(h, _)| *h)
            .collect(),
        rows,
    }
}
