//! Findings: what `check` reports, each tied to a file and, where there is one, a position.

use std::fmt;

use crate::engine::clean::Line;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the corpus, compiler style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The file as shown to the user (`briefs/x.yaml`, `seeds/y.txt`, with the corpus
    /// directory in front when one was given).
    pub file: String,
    /// 1-based line and column, when the problem has a place.
    pub position: Option<(usize, usize)>,
    pub message: String,
    /// Further lines: the nearest text, what to do.
    pub notes: Vec<String>,
    /// A declaration this finding exists for want of: when the brief that declares it
    /// failed to load, the finding follows from that failure rather than standing alone.
    pub wants: Option<Box<Wanted>>,
}

/// An id a finding needed and did not find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    Document(String),
    Topic(String),
}

impl Finding {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Error,
            file: file.into(),
            position: None,
            message: message.into(),
            notes: Vec::new(),
            wants: None,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Finding {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(file, message)
        }
    }

    pub fn at(mut self, position: Option<(usize, usize)>) -> Finding {
        self.position = position;
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Finding {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every part may hold corpus text: shown cleaned, each on its one line.
        write!(f, "{}", Line(&self.file))?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {level}: {}", Line(&self.message))?;
        for note in &self.notes {
            write!(f, "\n    {}", Line(note))?;
        }
        Ok(())
    }
}
