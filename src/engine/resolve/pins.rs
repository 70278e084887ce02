//! A brief's `pins:`: each pairs two quotes in two documents, so that the aligner keeps
//! those passages together. Every way a pin can be wrong is a finding at its place.

use std::collections::HashMap;
use std::ops::Range;

use super::anchoring::list_places;
use super::{Ids, Report, add_note, known, shorten};
use crate::engine::align::{Pin, segment};
use crate::engine::anchor::nearest::nearest;
use crate::engine::anchor::{Placement, place};
use crate::engine::brief::{PinDecl, QuoteDecl};
use crate::engine::corpus::{Anchor, CorpusParts};

/// Resolves and anchors the pins of brief `brief`, adding those that hold to the corpus.
pub(super) fn resolve_pins(
    corpus: &mut CorpusParts,
    ids: &Ids,
    report: &mut Report,
    brief: usize,
    pins: Vec<PinDecl>,
) {
    // Sentences of the documents pins stand in, made once per document.
    let mut sentences: HashMap<usize, Vec<Range<usize>>> = HashMap::new();
    for (i, pin) in pins.into_iter().enumerate() {
        let path = format!("pins[{i}]");
        if pin.quotes.len() != 2 {
            let f = report.error(
                &format!("{path}.quotes"),
                format!(
                    "a pin pairs two passages: it needs exactly two quotes, this one has {}",
                    pin.quotes.len()
                ),
            );
            add_note(
                f,
                "give one `- doc:` / `text:` in each of the two documents",
            );
            continue;
        }
        let placed: Vec<Option<Anchor>> = pin
            .quotes
            .iter()
            .enumerate()
            .map(|(q, quote)| anchor(corpus, ids, report, &format!("{path}.quotes[{q}]"), quote))
            .collect();
        if let [Some(a), Some(b)] = placed.as_slice() {
            if a.doc == b.doc {
                report.error(
                    &format!("{path}.quotes[1].doc"),
                    format!(
                        "both quotes of this pin are in `{}`: a pin pairs passages of two documents",
                        pin.quotes[1].doc
                    ),
                );
                continue;
            }
            if let Some(k) = clash(corpus, &mut sentences, a, b) {
                let other = &corpus.pins[k];
                let whose = match corpus.briefs.get(other.brief) {
                    Some(b) if other.brief != brief => format!("a pin of {}", b.path),
                    _ => format!(
                        "pins[{}]",
                        corpus.pins[..k].iter().filter(|p| p.brief == brief).count()
                    ),
                };
                let doc = |x: &Anchor| corpus.documents[x.doc].id().to_string();
                report.warning(
                    &path,
                    format!(
                        "this pin shares a sentence of {} or {} with {whose}; the aligner keeps the earlier pin",
                        doc(a),
                        doc(b)
                    ),
                );
            }
            corpus.pins.push(Pin {
                brief,
                note: pin.note,
                a: a.clone(),
                b: b.clone(),
            });
        }
    }
}

/// The first pin of the same two documents that touches a sentence this one touches.
fn clash(
    corpus: &CorpusParts,
    sentences: &mut HashMap<usize, Vec<Range<usize>>>,
    a: &Anchor,
    b: &Anchor,
) -> Option<usize> {
    let mut touched = |x: &Anchor| -> Range<usize> {
        let s = sentences
            .entry(x.doc)
            .or_insert_with(|| segment::sentences(corpus.documents[x.doc].text.as_str()));
        let first = s.partition_point(|r| r.end <= x.range.start);
        let last = s.partition_point(|r| r.start < x.range.end.max(x.range.start + 1));
        first..last.max(first + 1)
    };
    let (ta, tb) = (touched(a), touched(b));
    let meet = |p: &Range<usize>, q: &Range<usize>| p.start < q.end && q.start < p.end;
    corpus.pins.iter().position(|p| {
        let (pa, pb) = if (p.a.doc, p.b.doc) == (a.doc, b.doc) {
            (&p.a, &p.b)
        } else if (p.a.doc, p.b.doc) == (b.doc, a.doc) {
            (&p.b, &p.a)
        } else {
            return false;
        };
        meet(&touched(pa), &ta) || meet(&touched(pb), &tb)
    })
}

/// Places one quote of a pin, or reports why it cannot be placed.
fn anchor(
    corpus: &CorpusParts,
    ids: &Ids,
    report: &mut Report,
    path: &str,
    quote: &QuoteDecl,
) -> Option<Anchor> {
    let Some(&doc) = ids.docs.get(&quote.doc) else {
        let f = report.error(
            &format!("{path}.doc"),
            format!("unknown document `{}`", quote.doc),
        );
        let declared = corpus
            .documents
            .iter()
            .filter_map(|d| d.meta.as_ref().map(|m| &m.id));
        add_note(
            f,
            format!(
                "declare it under documents:, or use one of: {}",
                known(declared)
            ),
        );
        return None;
    };
    let document = corpus.documents.get(doc)?;
    let text = document.text.as_str();
    let at = format!("{} ({})", quote.doc, document.file);
    let text_path = format!("{path}.text");
    match place(
        text,
        &quote.text,
        quote.prefix.as_deref(),
        quote.suffix.as_deref(),
    ) {
        Placement::Unique(range) => {
            let (line, column) = document.text.line_col(range.start);
            Some(Anchor {
                doc,
                range,
                line,
                column,
            })
        }
        Placement::Empty => {
            report.error(&text_path, "empty quote: copy the words from the document");
            None
        }
        Placement::NotFound => {
            let f = report.error(
                &text_path,
                format!("quote not found in {at}: \"{}\"", shorten(&quote.text)),
            );
            let hint = match nearest(text, &quote.text) {
                Some((range, _)) => format!(
                    "nearest text: \"{}\" at line {}",
                    shorten(text.get(range.clone()).unwrap_or("")),
                    document.text.line_col(range.start).0
                ),
                None => "no similar text in the document: copy the quote from it".to_string(),
            };
            add_note(f, hint);
            None
        }
        Placement::Ambiguous(ranges, total) => {
            let places: Vec<(usize, usize)> = ranges
                .iter()
                .map(|r| document.text.line_col(r.start))
                .collect();
            report.error(
                &text_path,
                format!(
                    "quote matches {total} places in {at} ({}); add prefix: or suffix:",
                    list_places(&places, total)
                ),
            );
            None
        }
    }
}
