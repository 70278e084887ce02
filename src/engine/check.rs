//! `check`: the findings of a loaded corpus and the closing summary line.

use crate::engine::corpus::{AnnotationKind, Corpus};

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
        let figures = corpus
            .annotations()
            .iter()
            .filter(|a| a.kind() == AnnotationKind::Figure)
            .count();
        Summary {
            documents: corpus.documents().len(),
            briefs: corpus.briefs().len(),
            topics: corpus.topics().len(),
            figures,
            themes: corpus.annotations().len() - figures,
            errors: corpus.error_count(),
            warnings: corpus.warning_count(),
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
