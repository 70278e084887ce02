//! Anchoring every quote of the corpus: placed on every core once all briefs are
//! resolved, then turned, in order, into anchors or findings with their positions.

use std::collections::HashMap;

use super::{Report, add_note, shorten};
use crate::engine::anchor::{Placement, place};
use crate::engine::finding::Finding;
use crate::engine::model::*;
use crate::engine::nearest::{PATTERN_LIMIT, nearest};
use crate::engine::par;

/// A quote to place: where it is in the corpus and in its brief.
pub(super) struct Job {
    pub brief: usize,
    pub annotation: usize,
    pub quote: usize,
    pub doc: usize,
}

/// The YAML path of a job's quote (`figures[3].quotes[0]`), made only for a finding.
fn quote_path(corpus: &Corpus, job: &Job) -> String {
    let brief = &corpus.briefs[job.brief];
    let local = brief
        .annotations
        .iter()
        .position(|&a| a == job.annotation)
        .unwrap_or(0);
    let figures = brief
        .annotations
        .iter()
        .filter(|&&a| corpus.annotations[a].kind == AnnotationKind::Figure)
        .count();
    match corpus.annotations[job.annotation].kind {
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

/// Places every quote (on every core), then records each anchor or finding, in order.
pub(super) fn anchor_all(
    corpus: &mut Corpus,
    jobs: Vec<Job>,
    sources: &[Source],
    findings: &mut Vec<Finding>,
) {
    let shared: &Corpus = corpus;
    let placements = par::map(jobs.iter().collect(), |job: &Job| {
        let quote = &shared.annotations[job.annotation].quotes[job.quote];
        let text = shared.documents[job.doc].text.as_str();
        place(
            text,
            &quote.text,
            quote.prefix.as_deref(),
            quote.suffix.as_deref(),
        )
    });
    let mut report: Option<(usize, Report)> = None;
    let mut nearest_cache = HashMap::new();
    for (job, placement) in jobs.iter().zip(placements) {
        if !matches!(report, Some((b, _)) if b == job.brief) {
            let source = &sources[job.brief];
            report = Some((
                job.brief,
                Report::new(&source.shown, &source.source, &mut *findings),
            ));
        }
        let Some((_, report)) = report.as_mut() else {
            continue;
        };
        let anchor = finish(corpus, job, placement, &mut nearest_cache, report);
        corpus.annotations[job.annotation].quotes[job.quote].anchor = anchor;
    }
}

/// The anchor of a placed quote, or the finding that says why it has none.
fn finish(
    corpus: &Corpus,
    job: &Job,
    placement: Placement,
    nearest_cache: &mut HashMap<(usize, String), Option<std::ops::Range<usize>>>,
    report: &mut Report,
) -> Result<Anchor, AnchorFailure> {
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
            // The same missing quote (an alias, a copy) is looked for once per document.
            let found = nearest_cache
                .entry((job.doc, quote.text.clone()))
                .or_insert_with(|| nearest(text, &quote.text).map(|(range, _)| range))
                .clone();
            let whose = if quote.text.chars().count() > PATTERN_LIMIT {
                "nearest text to its start"
            } else {
                "nearest text"
            };
            let hint = match found {
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
