//! Anchoring every quote of the corpus: placed on every core once all briefs are
//! resolved (with the nearest text of those not found), then turned, in order, into
//! anchors or findings with their positions.

use std::collections::HashMap;

use rayon::prelude::*;

use super::placements::{Placed, Placements};
use super::{Report, add_note, shorten};
use crate::engine::anchor::nearest::{PATTERN_LIMIT, nearest};
use crate::engine::anchor::{Anchorer, INDEX_FROM_QUOTES, Placement};
use crate::engine::corpus::*;
use crate::engine::finding::Finding;

/// A quote to place: where it is in the corpus and in its brief.
pub(super) struct Job {
    pub brief: BriefId,
    pub annotation: AnnotationId,
    pub quote: usize,
    pub doc: DocId,
}

/// The YAML path of a job's quote (`figures[3].quotes[0]`), made only for a finding.
fn quote_path(corpus: &CorpusParts, job: &Job) -> String {
    let brief = &corpus.briefs[job.brief];
    // A brief's annotations are in corpus order, figures first: both found by halving.
    let local = brief
        .annotations
        .binary_search(&job.annotation)
        .unwrap_or(0);
    let figures = brief
        .annotations
        .partition_point(|&a| corpus.annotations[a].kind() == AnnotationKind::Figure);
    match corpus.annotations[job.annotation].kind() {
        AnnotationKind::Figure => format!("figures[{local}].quotes[{}]", job.quote),
        AnnotationKind::Theme => format!(
            "themes[{}].quotes[{}]",
            local - figures.min(local),
            job.quote
        ),
    }
}

/// A brief's path and YAML text, kept for the positions of findings about its quotes.
pub(super) struct Source {
    pub shown: String,
    pub source: String,
}

/// A quote as anchoring sees it: document, text, prefix, suffix.
type QuoteKey<'a> = (DocId, &'a str, Option<&'a str>, Option<&'a str>);

/// Places every quote, then records each anchor or finding, in order. The same quote in
/// the same document (an alias, a copy) is placed once. A document with a few quotes is
/// one task, all such documents on every core; a document with many is indexed once and
/// its quotes placed on every core. With `kept` (live reload), a quote placed last time
/// in the very same text is not placed again, and `kept` becomes this load's placings.
pub(super) fn anchor_all(
    corpus: &mut CorpusParts,
    jobs: Vec<Job>,
    sources: &IdVec<BriefId, Source>,
    findings: &mut Vec<Finding>,
    kept: Option<&mut Placements>,
) {
    let shared: &CorpusParts = corpus;
    let quote_of = |job: &Job| &shared.annotations[job.annotation].quotes[job.quote];
    let before = kept.as_deref();
    let mut distinct: HashMap<QuoteKey, usize> = HashMap::new();
    let mut by_doc: HashMap<DocId, Vec<(usize, &Quote)>> = HashMap::new();
    let mut keys: Vec<(DocId, &Quote)> = Vec::new();
    let mut reused: Vec<(usize, Placed)> = Vec::new();
    let which: Vec<usize> = jobs
        .iter()
        .map(|job| {
            let q = quote_of(job);
            let key = (
                job.doc,
                q.text.as_str(),
                q.prefix.as_deref(),
                q.suffix.as_deref(),
            );
            let next = distinct.len();
            *distinct.entry(key).or_insert_with(|| {
                match before.and_then(|p| p.get(&shared.documents[job.doc], q)) {
                    Some(placed) => reused.push((next, placed.clone())),
                    None => by_doc.entry(job.doc).or_default().push((next, q)),
                }
                keys.push((job.doc, q));
                next
            })
        })
        .collect();
    let mut placed: Vec<Option<Placed>> = vec![None; distinct.len()];
    drop(distinct);
    let reused_count = reused.len();
    for (k, p) in reused {
        placed[k] = Some(p);
    }
    let (heavy, light): (Vec<_>, Vec<_>) = by_doc
        .into_iter()
        .partition(|(_, quotes)| quotes.len() >= INDEX_FROM_QUOTES);
    let light: Vec<Vec<_>> = light
        .into_par_iter()
        .map(|(doc, quotes)| {
            let anchorer = Anchorer::new(shared.documents[doc].text.as_str());
            quotes
                .into_iter()
                .map(|(k, q)| (k, place_one(&anchorer, q)))
                .collect()
        })
        .collect();
    for (k, p) in light.into_iter().flatten() {
        placed[k] = Some(p);
    }
    for (doc, quotes) in heavy {
        let anchorer = Anchorer::indexed(shared.documents[doc].text.as_str());
        let placed_here: Vec<_> = quotes
            .into_par_iter()
            .map(|(k, q)| (k, place_one(&anchorer, q)))
            .collect();
        for (k, p) in placed_here {
            placed[k] = Some(p);
        }
    }
    if let Some(kept) = kept {
        let placings = keys
            .iter()
            .zip(&placed)
            .filter_map(|(&(doc, q), p)| Some((&shared.documents[doc], q, p.as_ref()?)));
        kept.replace(placings, reused_count);
    }
    drop(keys);
    let mut report: Option<(BriefId, Report)> = None;
    for (job, k) in jobs.iter().zip(which) {
        if !matches!(report, Some((b, _)) if b == job.brief) {
            let source = &sources[job.brief];
            report = Some((
                job.brief,
                Report::new(&source.shown, &source.source, &mut *findings),
            ));
        }
        let (Some((_, report)), Some(placed)) = (report.as_mut(), placed[k].clone()) else {
            continue;
        };
        let anchor = finish(corpus, job, placed, report);
        corpus.annotations[job.annotation].quotes[job.quote].anchor = anchor;
    }
}

/// Places one quote; for one not found, looks for its nearest text too.
fn place_one(anchorer: &Anchorer, quote: &Quote) -> Placed {
    let placement = anchorer.place(
        &quote.text,
        quote.prefix.as_deref(),
        quote.suffix.as_deref(),
    );
    let nearest = match placement {
        Placement::NotFound => nearest(anchorer.text(), &quote.text).map(|(range, _)| range),
        _ => None,
    };
    Placed { placement, nearest }
}

/// The anchor of a placed quote, or the finding that says why it has none.
fn finish(
    corpus: &CorpusParts,
    job: &Job,
    placed: Placed,
    report: &mut Report,
) -> Result<Anchor, AnchorFailure> {
    let Placed { placement, nearest } = placed;
    let quote = &corpus.annotations[job.annotation].quotes[job.quote];
    let document = &corpus.documents[job.doc];
    let text = document.text.as_str();
    let at = format!("{} ({})", quote.doc_id, document.file);
    // Made only for a finding: most quotes land.
    let text_path = || format!("{}.text", quote_path(corpus, job));
    match placement {
        Placement::Unique(range) => {
            let (line, column) = document.text.line_col(range.start);
            Ok(Anchor {
                doc: job.doc,
                range,
                line,
                column,
            })
        }
        Placement::Empty => {
            report.error(
                &text_path(),
                "empty quote: copy the words from the document",
            );
            Err(AnchorFailure::Empty)
        }
        Placement::NotFound => {
            let f = report.error(
                &text_path(),
                format!("quote not found in {at}: \"{}\"", shorten(&quote.text)),
            );
            let whose = if quote.text.chars().count() > PATTERN_LIMIT {
                "nearest text to its start"
            } else {
                "nearest text"
            };
            let hint = match nearest {
                Some(range) => format!(
                    "{whose}: \"{}\" at line {}",
                    shorten(text.get(range.clone()).unwrap_or("")),
                    document.text.line_col(range.start).0
                ),
                None => "no similar text in the document: copy the quote from it".to_string(),
            };
            add_note(f, hint);
            Err(AnchorFailure::NotFound)
        }
        Placement::Ambiguous(ranges, total) => {
            let places: Vec<(usize, usize)> = ranges
                .iter()
                .map(|r| document.text.line_col(r.start))
                .collect();
            let lines: Vec<usize> = places.iter().map(|&(line, _)| line).collect();
            report.error(
                &text_path(),
                format!(
                    "quote matches {total} places in {at} ({}); add prefix: or suffix:",
                    list_places(&places, total)
                ),
            );
            Err(AnchorFailure::Ambiguous(lines))
        }
    }
}

/// Where an ambiguous quote stands: `lines 4, 9, 12` when each place has its own line,
/// else `at 1:1, 1:40, …` (line:column); at most ten, then an ellipsis.
pub(super) fn list_places(places: &[(usize, usize)], total: usize) -> String {
    const SHOWN: usize = 10;
    let distinct_lines = places.windows(2).all(|w| w[0].0 != w[1].0);
    let shown = places.iter().take(SHOWN);
    let mut listed: Vec<String> = if distinct_lines {
        shown.map(|(line, _)| line.to_string()).collect()
    } else {
        shown
            .map(|(line, column)| format!("{line}:{column}"))
            .collect()
    };
    if total > listed.len() {
        listed.push("…".to_string());
    }
    let head = if distinct_lines { "lines" } else { "at" };
    format!("{head} {}", listed.join(", "))
}

#[cfg(test)]
mod tests {
    use super::list_places;

    #[test]
    fn places_are_lines_when_distinct_else_line_and_column() {
        assert_eq!(list_places(&[(4, 1), (9, 3), (12, 7)], 3), "lines 4, 9, 12");
        assert_eq!(list_places(&[(6, 1), (6, 20)], 2), "at 6:1, 6:20");
        let many: Vec<(usize, usize)> = (0..50).map(|i| (1, 1 + 39 * i)).collect();
        assert_eq!(
            list_places(&many, 1000),
            "at 1:1, 1:40, 1:79, 1:118, 1:157, 1:196, 1:235, 1:274, 1:313, 1:352, …"
        );
    }
}
