//! A brief's YAML as its findings need it: the positions of nodes are looked up only for
//! a brief with a finding, so the text a load parsed need not stay in memory (a brief of
//! a million quotes is 100 MB of it). A brief on disk keeps its file and a fingerprint of
//! the text and reads it again when a finding asks for a position; the text read is used
//! only if it is the very text parsed, else the finding goes without position.

use std::borrow::Cow;
use std::sync::Arc;

use super::parse::read;
use super::positions::{Position, positions_of};
use crate::engine::source::{Fingerprint, SourceFile};

/// The YAML of a brief that loaded.
#[derive(Debug, Clone)]
pub(crate) enum Yaml {
    /// Held: a brief built in or in memory, or one live reload keeps to tell it unchanged.
    Held(Arc<String>),
    /// Read again from `file` when asked for, and taken only if its text has `print`.
    Again {
        file: SourceFile,
        print: Fingerprint,
    },
}

impl Yaml {
    /// `source`, parsed from `file`: kept by its file where it can be read again.
    pub(crate) fn of(file: Option<SourceFile>, source: String) -> Yaml {
        match file {
            Some(file) if file.path().is_some() => Yaml::Again {
                print: Fingerprint::of(source.as_bytes()),
                file,
            },
            _ => Yaml::Held(Arc::new(source)),
        }
    }

    /// The text parsed, or `None` where its file no longer holds it.
    pub(crate) fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Yaml::Held(text) => Some(Cow::Borrowed(text.as_str())),
            Yaml::Again { file, print } => {
                let source = read(file.clone()).ok()?.source;
                (Fingerprint::of(source.as_bytes()) == *print).then_some(Cow::Owned(source))
            }
        }
    }

    /// Whether `text` is the text parsed.
    pub(crate) fn is(&self, text: &str) -> bool {
        match self {
            Yaml::Held(held) => held.as_str() == text,
            Yaml::Again { print, .. } => Fingerprint::of(text.as_bytes()) == *print,
        }
    }

    /// The position of the node at each of `paths` (or of its nearest ancestor, see
    /// [`positions_of`]); none where the text is no longer to be had.
    pub(crate) fn positions_of(&self, paths: &[&str]) -> Vec<Option<Position>> {
        match self.text() {
            Some(text) => positions_of(&text, paths),
            None => vec![None; paths.len()],
        }
    }
}

#[cfg(test)]
mod tests;
