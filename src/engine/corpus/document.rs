//! A seed document and its text: held in memory, or let go once its quotes are placed and
//! read again from its file when it is shown, served only while the file's bytes are the
//! very ones the load read (their [`Fingerprint`]), so a text shown is never stale.

use std::sync::Arc;

use crate::engine::finding::Finding;
use crate::engine::source::{Fingerprint, SourceFile};
use crate::engine::text::{Text, decode};

/// One seed document.
#[derive(Debug, Clone)]
pub struct Document {
    /// File name relative to `seeds/`, with `/` separators.
    pub file: String,
    /// The text (NFC, line breaks as `\n`), or where to read it again.
    pub text: DocText,
    /// What the briefs say about it; `None` when no brief declares it.
    pub meta: Option<DocMeta>,
}

/// The metadata a brief declares for a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocMeta {
    pub id: String,
    pub lang: Option<String>,
    pub title: Option<String>,
    pub title_en: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The id of the parallel document (translation or report of the same event).
    pub parallel: Option<String>,
    /// The event the document reports, in English.
    pub event: Option<String>,
    /// A curator's remark on the document itself (e.g. that it is cut off).
    pub note: Option<String>,
}

/// A document's text as a corpus has it.
#[derive(Debug, Clone)]
pub enum DocText {
    /// Held: what `print`, `search` and `align` read.
    Held(Arc<Text>),
    /// Held while a load places its quotes, and known on disk (see [`Stored`]).
    Placing(Arc<Text>, Box<Stored>),
    /// Let go once its quotes were placed (the reader): read again when it is shown.
    Stored(Box<Stored>),
    /// Let go for good (`check`, which needs only its findings).
    Gone,
}

/// Where a text let go is read again, and what it was: the file, the fingerprint of the
/// bytes the load decoded, and the decoded text's length in bytes.
#[derive(Debug, Clone)]
pub struct Stored {
    pub(crate) file: SourceFile,
    pub(crate) fingerprint: Fingerprint,
    pub(crate) len: usize,
}

/// What a load keeps of each document's text once its quotes are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// The text itself.
    Texts,
    /// Where to read it again ([`DocText::Stored`]).
    Stored,
    /// Nothing ([`DocText::Gone`]).
    Nothing,
}

/// Why a document's text could not be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TextError {
    /// The file's bytes are no longer those the corpus was loaded from.
    #[error(
        "{file} changed on disk since the corpus was loaded: it is read again when the corpus reloads"
    )]
    Changed { file: String },
    /// The file could not be read or decoded again.
    #[error("{}", .0.message)]
    Unreadable(Box<Finding>),
    /// No document of the corpus has that id.
    #[error("no such document")]
    NoSuchDocument,
    /// The load kept no text (`check`).
    #[error("the text of {file} was not kept")]
    NotKept { file: String },
}

impl DocText {
    /// The text, if it is held.
    pub fn held(&self) -> Option<&Arc<Text>> {
        match self {
            DocText::Held(text) | DocText::Placing(text, _) => Some(text),
            DocText::Stored(_) | DocText::Gone => None,
        }
    }

    /// The fingerprint of the bytes the text was decoded from, when it is known on disk.
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        match self {
            DocText::Placing(_, stored) | DocText::Stored(stored) => Some(stored.fingerprint),
            DocText::Held(_) | DocText::Gone => None,
        }
    }

    /// The text's length in bytes (0 when nothing was kept).
    pub fn len(&self) -> usize {
        match self {
            DocText::Held(text) | DocText::Placing(text, _) => text.len(),
            DocText::Stored(stored) => stored.len,
            DocText::Gone => 0,
        }
    }

    /// Whether the text is empty (or nothing was kept).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `self` and `other` are the very same text: one held text shared, or the
    /// same bytes on disk.
    pub fn same(&self, other: &DocText) -> bool {
        match (self.held(), other.held()) {
            (Some(a), Some(b)) if Arc::ptr_eq(a, b) => true,
            _ => self
                .fingerprint()
                .is_some_and(|f| other.fingerprint() == Some(f)),
        }
    }

    /// What `keep` keeps of this text once its quotes are placed.
    pub fn kept(self, keep: Keep) -> DocText {
        match (self, keep) {
            (DocText::Placing(text, _), Keep::Texts) => DocText::Held(text),
            (DocText::Placing(_, stored), Keep::Stored) => DocText::Stored(stored),
            (_, Keep::Nothing) => DocText::Gone,
            (text, _) => text,
        }
    }
}

impl From<Text> for DocText {
    fn from(text: Text) -> DocText {
        DocText::Held(Arc::new(text))
    }
}

impl From<Arc<Text>> for DocText {
    fn from(text: Arc<Text>) -> DocText {
        DocText::Held(text)
    }
}

impl Default for DocText {
    fn default() -> DocText {
        DocText::Held(Arc::default())
    }
}

impl Stored {
    /// Where `file`'s text, decoded from bytes of `fingerprint` into `len` bytes, is read
    /// again.
    pub(crate) fn new(file: SourceFile, fingerprint: Fingerprint, len: usize) -> Stored {
        Stored {
            file,
            fingerprint,
            len,
        }
    }

    /// Reads the file again and decodes it, if its bytes are those it was loaded from (a
    /// file of another size is not read: it changed).
    fn read(&self) -> Result<Text, TextError> {
        let shown = &self.file.shown;
        let changed = || TextError::Changed {
            file: shown.clone(),
        };
        if let Some(path) = self.file.path()
            && std::fs::metadata(path).is_ok_and(|m| m.len() != self.fingerprint.len())
        {
            return Err(changed());
        }
        let bytes = self
            .file
            .read()
            .map_err(|e| TextError::Unreadable(Box::new(e.finding(shown))))?;
        if Fingerprint::of(&bytes) != self.fingerprint {
            return Err(changed());
        }
        decode(shown, bytes).map_err(|f| TextError::Unreadable(Box::new(f)))
    }
}

impl Document {
    /// Its text: the one held, or read again from its file where the file's bytes are
    /// still those it was loaded from.
    pub fn read_text(&self) -> Result<Arc<Text>, TextError> {
        match &self.text {
            DocText::Held(text) | DocText::Placing(text, _) => Ok(Arc::clone(text)),
            DocText::Stored(stored) => stored.read().map(Arc::new),
            DocText::Gone => Err(TextError::NotKept {
                file: self.file.clone(),
            }),
        }
    }

    /// The id briefs use for it, or its file name when none declares it.
    pub fn id(&self) -> &str {
        self.meta.as_ref().map_or(self.file.as_str(), |m| &m.id)
    }

    /// The language tag, or `?`.
    pub fn lang(&self) -> &str {
        self.meta
            .as_ref()
            .and_then(|m| m.lang.as_deref())
            .unwrap_or("?")
    }

    /// The title in its own language, else the English one, else the file name.
    pub fn title(&self) -> &str {
        self.meta
            .as_ref()
            .and_then(|m| m.title.as_deref().or(m.title_en.as_deref()))
            .unwrap_or(self.file.as_str())
    }
}
