//! A document as a load reads it to place its quotes: its text decoded, or, on a live
//! reload where its bytes are exactly those the last load stored, not decoded at all
//! unless one of its quotes is new and must be placed in it.

use std::mem;
use std::sync::Arc;

use crate::engine::corpus::{DocText, Keep, Stored};
use crate::engine::source::Fingerprint;
use crate::engine::text::{Text, decode};

/// One document read for anchoring.
#[derive(Debug)]
pub(crate) enum Fetched {
    /// Decoded as it was read (held, or held and known on disk).
    Decoded(DocText),
    /// The bytes of the text the last load stored, unchanged: decoded on first need.
    Unchanged { stored: Box<Stored>, bytes: Vec<u8> },
}

impl Fetched {
    /// The fingerprint of the bytes read, when the text is kept on disk.
    pub(crate) fn fingerprint(&self) -> Option<Fingerprint> {
        match self {
            Fetched::Decoded(text) => text.fingerprint(),
            Fetched::Unchanged { stored, .. } => Some(stored.fingerprint),
        }
    }

    /// The text, decoded the first time it is asked for; `None` if it cannot be.
    pub(crate) fn text(&mut self) -> Option<Arc<Text>> {
        if let Fetched::Unchanged { stored, bytes } = self {
            let text = Arc::new(decode(&stored.file.shown, mem::take(bytes)).ok()?);
            let stored = Box::new((**stored).clone());
            *self = Fetched::Decoded(DocText::Placing(text, stored));
        }
        match self {
            Fetched::Decoded(text) => text.held().cloned(),
            Fetched::Unchanged { .. } => None,
        }
    }

    /// The text decoded, held, and known on disk where it is; `None` if it cannot be
    /// decoded.
    pub(crate) fn decoded(mut self) -> Option<DocText> {
        self.text()?;
        match self {
            Fetched::Decoded(text) => Some(text),
            Fetched::Unchanged { .. } => None,
        }
    }

    /// What `keep` keeps of the text once its quotes are placed; `None` if that needs the
    /// text decoded and it cannot be.
    pub(crate) fn kept(mut self, keep: Keep) -> Option<DocText> {
        if keep == Keep::Texts {
            self.text()?;
        }
        Some(match self {
            Fetched::Decoded(text) => text.kept(keep),
            Fetched::Unchanged { .. } if keep == Keep::Nothing => DocText::Gone,
            Fetched::Unchanged { stored, .. } => DocText::Stored(stored),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::source::SourceFile;

    fn unchanged(bytes: &[u8]) -> Fetched {
        let file = SourceFile::in_memory("a.txt", "seeds/a.txt", bytes.to_vec());
        let len = decode("seeds/a.txt", bytes.to_vec()).map_or(0, |t| t.len());
        let stored = Stored::new(file, Fingerprint::of(bytes), len);
        Fetched::Unchanged {
            stored: Box::new(stored),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn unchanged_bytes_are_decoded_only_when_asked_and_then_once() {
        let bytes = "Cafe\u{301}\r\nhai\n".as_bytes();
        let mut fetched = unchanged(bytes);
        assert_eq!(fetched.fingerprint(), Some(Fingerprint::of(bytes)));
        let text = fetched.text().expect("decodes");
        assert_eq!(text.as_str(), "Café\nhai\n");
        assert!(matches!(fetched, Fetched::Decoded(DocText::Placing(..))));
        assert!(Arc::ptr_eq(&text, &fetched.text().unwrap()), "decoded once");
        assert_eq!(fetched.fingerprint(), Some(Fingerprint::of(bytes)));
    }

    #[test]
    fn what_is_kept_of_a_text_fetched() {
        let bytes = b"mot hai\n";
        let stored = unchanged(bytes).kept(Keep::Stored).unwrap();
        assert!(matches!(stored, DocText::Stored(_)));
        assert_eq!(stored.len(), 8);
        assert!(matches!(
            unchanged(bytes).kept(Keep::Nothing),
            Some(DocText::Gone)
        ));
        let held = unchanged(bytes).kept(Keep::Texts).unwrap();
        assert_eq!(held.held().unwrap().as_str(), "mot hai\n");
        assert!(
            unchanged(b"\xff").kept(Keep::Texts).is_none(),
            "undecodable"
        );
    }
}
