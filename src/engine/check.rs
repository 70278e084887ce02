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
    let parts = load_findings(source)?;
    let summary = Summary::of_parts(&parts);
    Ok(Checked {
        findings: parts.findings,
        summary,
    })
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
