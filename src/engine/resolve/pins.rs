//! A brief's `pins:`: each pairs two quotes in two documents, or marks one quote as
//! without counterpart in another document (`counterpart: none`), so that the aligner
//! keeps those passages together or apart. Every way a pin can be wrong is a finding at
//! its place.

use std::collections::HashMap;
use std::ops::Range;

use super::anchoring::list_places;
use super::{Ids, Report, add_note, known, shorten};
use crate::engine::align::{Counterpart, Pin, segment};
use crate::engine::anchor::nearest::nearest;
use crate::engine::anchor::{Placement, place};
use crate::engine::brief::{PinDecl, QuoteDecl};
use crate::engine::corpus::{Anchor, BriefId, CorpusParts, DocId};

/// Resolves and anchors the pins of brief `brief`, adding those that hold to the corpus.
pub(super) fn resolve_pins(
    corpus: &mut CorpusParts,
    ids: &Ids,
    report: &mut Report,
    brief: BriefId,
    pins: Vec<PinDecl>,
) {
    // Sentences of the documents pins stand in, made once per document.
    let mut sentences: HashMap<DocId, Vec<Range<usize>>> = HashMap::new();
    for (i, pin) in pins.into_iter().enumerate() {
        let path = format!("pins[{i}]");
        let Some((a, b)) = resolve_one(corpus, ids, report, &path, &pin) else {
            continue;
        };
        if let Some(k) = clash(corpus, &mut sentences, &a, &b) {
            let other = &corpus.pins[k];
            let whose = match corpus.briefs.get(other.brief) {
                Some(b) if other.brief != brief => format!("a pin of {}", b.path),
                _ => format!(
                    "pins[{}]",
                    corpus.pins[..k].iter().filter(|p| p.brief == brief).count()
                ),
            };
            let doc = |d: DocId| corpus.documents[d].id().to_string();
            report.warning(
                &path,
                format!(
                    "this pin shares a sentence of {} or {} with {whose}; the aligner keeps the earlier pin",
                    doc(a.doc),
                    doc(b.doc())
                ),
            );
        }
        corpus.pins.push(Pin {
            brief,
            note: pin.note,
            a,
            b,
        });
    }
}

/// One pin's two sides, or the findings that say why it does not hold.
fn resolve_one(
    corpus: &CorpusParts,
    ids: &Ids,
    report: &mut Report,
    path: &str,
    pin: &PinDecl,
) -> Option<(Anchor, Counterpart)> {
    let n = pin.quotes.len();
    let refuse = |report: &mut Report, key: &str, message: String, note: &str| {
        let f = report.error(&format!("{path}.{key}"), message);
        add_note(f, note);
    };
    match pin.counterpart.as_deref() {
        Some("none") if n == 1 => {}
        Some("none") => {
            refuse(
                report,
                "quotes",
                format!(
                    "a pin with `counterpart: none` marks one passage that has no counterpart: it needs exactly one quote, this one has {n}"
                ),
                "keep the quote of that passage, or drop `counterpart: none` to pair two quotes",
            );
            return None;
        }
        Some(other) => {
            refuse(
                report,
                "counterpart",
                format!("`counterpart: {other}` is not known: the only value is `none`"),
                "write `counterpart: none` for a passage without counterpart, or give the pin two quotes and no `counterpart:`",
            );
            return None;
        }
        None if n == 2 => {}
        None => {
            refuse(
                report,
                "quotes",
                format!("a pin pairs two passages: it needs exactly two quotes, this one has {n}"),
                "give one `- doc:` / `text:` in each of the two documents, or one quote and `counterpart: none`",
            );
            return None;
        }
    }
    let quote = |q: usize, report: &mut Report| {
        anchor(
            corpus,
            ids,
            report,
            &format!("{path}.quotes[{q}]"),
            &pin.quotes[q],
        )
    };
    if pin.counterpart.is_some() {
        let a = quote(0, report)?;
        let doc = without(corpus, ids, report, path, pin, &a)?;
        return Some((a, Counterpart::Absent { doc }));
    }
    if pin.within.is_some() {
        report.error(
            &format!("{path}.in"),
            "`in:` names the document without counterpart and goes with `counterpart: none`; a pin of two quotes names both documents",
        );
        return None;
    }
    let (a, b) = (quote(0, report), quote(1, report));
    let (a, b) = (a?, b?);
    if a.doc == b.doc {
        report.error(
            &format!("{path}.quotes[1].doc"),
            format!(
                "both quotes of this pin are in `{}`: a pin pairs passages of two documents",
                pin.quotes[1].doc
            ),
        );
        return None;
    }
    Some((a, Counterpart::Passage(b)))
}

/// The document that has no counterpart of the pinned passage `a`: the one `in:` names,
/// else the partner of `a`'s document.
fn without(
    corpus: &CorpusParts,
    ids: &Ids,
    report: &mut Report,
    path: &str,
    pin: &PinDecl,
    a: &Anchor,
) -> Option<DocId> {
    let own = &pin.quotes[0].doc;
    let Some(id) = &pin.within else {
        let partner = corpus.partner(a.doc);
        if partner.is_none() {
            let f = report.error(
                &format!("{path}.quotes[0].doc"),
                format!(
                    "`{own}` has no partner (no `parallel:` from or to it): `counterpart: none` does not say in which document"
                ),
            );
            add_note(f, "name the document without counterpart with `in:`");
        }
        return partner;
    };
    let Some(&doc) = ids.docs.get(id) else {
        let f = report.error(&format!("{path}.in"), format!("unknown document `{id}`"));
        add_note(f, format!("use one of: {}", known(ids.docs.keys())));
        return None;
    };
    if doc == a.doc {
        report.error(
            &format!("{path}.in"),
            format!(
                "`in: {id}` is the quote's own document: name the document that has no counterpart"
            ),
        );
        return None;
    }
    Some(doc)
}

/// The first pin of the same two documents that touches a sentence this one touches.
fn clash(
    corpus: &CorpusParts,
    sentences: &mut HashMap<DocId, Vec<Range<usize>>>,
    a: &Anchor,
    b: &Counterpart,
) -> Option<usize> {
    let mut touched = |x: &Anchor| -> Range<usize> {
        let s =
            sentences
                .entry(x.doc)
                .or_insert_with(|| match corpus.documents[x.doc].text.held() {
                    Some(text) => segment::sentences(text.as_str()),
                    None => Vec::new(),
                });
        let first = s.partition_point(|r| r.end <= x.start());
        let last = s.partition_point(|r| r.start < x.range().end.max(x.start() + 1));
        first..last.max(first + 1)
    };
    // This pin's sentences in each of its two documents (none where a side is absent).
    let sides = |a: &Anchor, b: &Counterpart| -> [(DocId, Option<Anchor>); 2] {
        let b = match b {
            Counterpart::Passage(x) => (x.doc, Some(x.clone())),
            Counterpart::Absent { doc } => (*doc, None),
        };
        [(a.doc, Some(a.clone())), b]
    };
    let mine = sides(a, b).map(|(d, x)| (d, x.map(|x| touched(&x))));
    let meet = |p: &Range<usize>, q: &Range<usize>| p.start < q.end && q.start < p.end;
    corpus.pins.iter().position(|p| {
        let theirs = sides(&p.a, &p.b).map(|(d, x)| (d, x.map(|x| touched(&x))));
        let order = if (theirs[0].0, theirs[1].0) == (mine[0].0, mine[1].0) {
            [0, 1]
        } else if (theirs[1].0, theirs[0].0) == (mine[0].0, mine[1].0) {
            [1, 0]
        } else {
            return false;
        };
        (0..2).any(|k| match (&mine[k].1, &theirs[order[k]].1) {
            (Some(x), Some(y)) => meet(x, y),
            _ => false,
        })
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
    let Some(&doc) = ids.docs.get(quote.doc.as_str()) else {
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
    // Pins are resolved in texts held (see `load::order`).
    let whole = document.text.held()?;
    let text = whole.as_str();
    let at = format!("{} ({})", quote.doc, document.file);
    let text_path = format!("{path}.text");
    match place(
        text,
        &quote.text,
        quote.prefix.as_deref(),
        quote.suffix.as_deref(),
    ) {
        Placement::Unique(range) => {
            let (line, column) = whole.line_col(range.start);
            Some(Anchor::new(doc, range, line, column))
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
                    whole.line_col(range.start).0
                ),
                None => "no similar text in the document: copy the quote from it".to_string(),
            };
            add_note(f, hint);
            None
        }
        Placement::Ambiguous(ranges, total) => {
            let places: Vec<(usize, usize)> =
                ranges.iter().map(|r| whole.line_col(r.start)).collect();
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
