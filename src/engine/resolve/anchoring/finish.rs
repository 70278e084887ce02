//! A quote's placing turned into its anchor, or into the finding that says why it has
//! none, at the YAML path of the quote.

use super::Job;
use crate::engine::anchor::nearest::PATTERN_LIMIT;
use crate::engine::corpus::*;
use crate::engine::resolve::placed::{Nearest, Placed, Several};
use crate::engine::resolve::{Report, add_note, shorten};

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

/// The anchor of a placed quote, or the finding that says why it has none.
pub(super) fn finish(
    corpus: &CorpusParts,
    job: &Job,
    placed: &Placed,
    report: &mut Report,
) -> Result<Anchor, AnchorFailure> {
    let quote = &corpus.annotations[job.annotation].quotes[job.quote as usize];
    let document = &corpus.documents[job.doc];
    // Both made only for a finding: most quotes land.
    let at = || format!("{} ({})", quote.doc_id, document.file);
    let text_path = || format!("{}.text", quote_path(corpus, job));
    match placed {
        Placed::Unique(place) => Ok(place.anchor(job.doc)),
        Placed::Empty => {
            report.error(
                &text_path(),
                "empty quote: copy the words from the document",
            );
            Err(AnchorFailure::Empty)
        }
        Placed::NotFound { nearest } => {
            let f = report.error(
                &text_path(),
                format!("quote not found in {}: \"{}\"", at(), shorten(&quote.text)),
            );
            let whose = if quote.text.chars().count() > PATTERN_LIMIT {
                "nearest text to its start"
            } else {
                "nearest text"
            };
            let hint = match nearest {
                Nearest::Found(found) => {
                    let (words, line) = &**found;
                    format!("{whose}: \"{words}\" at line {line}")
                }
                Nearest::Nothing => {
                    "no similar text in the document: copy the quote from it".to_string()
                }
                Nearest::NotSearched => "nearest text not searched: so many quotes are not \
                                         found in this document that only the first ones \
                                         were; fix those, then check again"
                    .to_string(),
            };
            add_note(f, hint);
            Err(AnchorFailure::NotFound)
        }
        Placed::Ambiguous(several) => {
            let Several { places, total } = &**several;
            let lines = places.iter().map(|&(line, _)| line).collect();
            report.error(
                &text_path(),
                format!(
                    "quote matches {total} places in {} ({}); add prefix: or suffix:",
                    at(),
                    list_places(places, *total)
                ),
            );
            Err(AnchorFailure::Ambiguous(Box::new(Places { lines })))
        }
    }
}

/// Where an ambiguous quote stands: `lines 4, 9, 12` when each place has its own line,
/// else `at 1:1, 1:40, …` (line:column); at most ten, then an ellipsis.
pub(in crate::engine::resolve) fn list_places(places: &[(usize, usize)], total: usize) -> String {
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
