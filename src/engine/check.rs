//! `check`: the findings of a corpus and the closing summary line. `check` holds no
//! document's text longer than it takes to place its quotes (see [`load_findings`]).

use crate::engine::corpus::{AnnotationKind, Corpus, CorpusParts};
use crate::engine::error::CorpusError;
use crate::engine::finding::Finding;
use crate::engine::load::load_findings;
use crate::engine::source::CorpusSource;

/// What `check` reports: every finding, sorted by file and position, and the counts.
#[derive(Debug, Clone)]
pub struct Checked {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

/// Checks the corpus of `source`.
pub fn check(source: &CorpusSource) -> Result<Checked, CorpusError> {
    let mut parts = load_findings(source)?;
    let summary = Summary::of_parts(&parts);
    let findings = std::mem::take(&mut parts.findings);
    let_go(parts);
    Ok(Checked { findings, summary })
}

/// Frees `value` on a thread of its own, so that the caller does not wait for it (the
/// model of 200,000 quotes takes some 30 ms to free); where no thread can be started,
/// here.
fn let_go<T: Send + 'static>(value: T) {
    let _ = std::thread::Builder::new()
        .name("let go".to_owned())
        .spawn(move || drop(value));
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub briefs: usize,
    pub topics: usize,
    pub figures: usize,
    pub themes: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(corpus: &Corpus) -> Summary {
        Summary::of_parts(corpus.parts())
    }

    /// The counts of a corpus's parts.
    pub fn of_parts(parts: &CorpusParts) -> Summary {
        let figures = parts
            .annotations
            .iter()
            .filter(|a| a.kind() == AnnotationKind::Figure)
            .count();
        let errors = parts.findings.iter().filter(|f| f.is_error()).count();
        Summary {
            documents: parts.documents.len(),
            briefs: parts.briefs.len(),
            topics: parts.topics.len(),
            figures,
            themes: parts.annotations.len() - figures,
            errors,
            warnings: parts.findings.len() - errors,
        }
    }

    /// Whether `check` fails: errors, or warnings under `--strict`.
    pub fn fails(&self, strict: bool) -> bool {
        self.errors > 0 || (strict && self.warnings > 0)
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "{}, {}, {}, {}, {}: {}, {}",
            plural(self.documents, "document", "documents"),
            plural(self.briefs, "brief", "briefs"),
            plural(self.topics, "topic", "topics"),
            plural(self.figures, "figure", "figures"),
            plural(self.themes, "theme", "themes"),
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
        )
    }
}
