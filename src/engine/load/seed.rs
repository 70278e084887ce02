//! One seed read: decoded and, for the reader, known on disk by the fingerprint of its
//! bytes; on a live reload, a seed whose bytes are exactly those the last load read is
//! not decoded unless one of its quotes is new (see [`Fetched`]).

use crate::engine::corpus::{DocText, Document, Keep, Stored};
use crate::engine::finding::Finding;
use crate::engine::resolve::Fetched;
use crate::engine::source::{Fingerprint, SourceFile};
use crate::engine::text::decode;

/// What the last load read of a seed: the fingerprint of its bytes and the length of the
/// text they decoded to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Kept {
    pub fingerprint: Fingerprint,
    pub len: usize,
}

/// What reading one seed gave, its text decoded.
pub(super) enum Read {
    Decoded(Document),
    /// Its bytes were exactly those the last load read.
    Unchanged(Document),
    Failed(Finding),
}

/// Reads and decodes `file` for a load that holds its texts while it places their quotes
/// (see `order`), keeping what `keep` says once they are placed.
pub(super) fn read(file: SourceFile, kept: Option<Kept>, keep: Keep) -> Read {
    let name = file.name.clone();
    let shown = file.shown.clone();
    let document = |text| Document {
        text,
        file: name,
        meta: None,
    };
    match fetch(file, kept, keep) {
        Ok(fetched) => {
            let unchanged = matches!(fetched, Fetched::Unchanged { .. });
            match fetched.decoded() {
                Some(text) if unchanged => Read::Unchanged(document(text)),
                Some(text) => Read::Decoded(document(text)),
                // Unchanged bytes decode as they did: this is not met.
                None => Read::Failed(Finding::error(&shown, "cannot decode")),
            }
        }
        Err(finding) => Read::Failed(finding),
    }
}

/// Reads `file` for a load that places its quotes as it reads (see `order`): decoded,
/// or, where its bytes are exactly those `kept` says the last load read, left to decode
/// until a quote needs it; `None` if it cannot be read or decoded.
pub(super) fn read_fetched(file: &SourceFile, kept: Option<Kept>, keep: Keep) -> Option<Fetched> {
    fetch(file.clone(), kept, keep).ok()
}

/// The seed `file` read: with `keep` saying texts are stored, fingerprinted, and taken as
/// unchanged where its fingerprint is `kept`'s.
fn fetch(file: SourceFile, kept: Option<Kept>, keep: Keep) -> Result<Fetched, Finding> {
    let shown = file.shown.clone();
    if keep != Keep::Stored {
        let bytes = file.into_bytes().map_err(|e| e.finding(&shown))?;
        let text = decode(&shown, bytes)?;
        return Ok(Fetched::Decoded(DocText::Held(text.into())));
    }
    let bytes = file.read().map_err(|e| e.finding(&shown))?;
    let fingerprint = Fingerprint::of(&bytes);
    if let Some(kept) = kept.filter(|k| k.fingerprint == fingerprint) {
        let stored = Box::new(Stored::new(file, fingerprint, kept.len));
        return Ok(Fetched::Unchanged { stored, bytes });
    }
    let text = decode(&shown, bytes)?;
    let stored = Box::new(Stored::new(file, fingerprint, text.len()));
    Ok(Fetched::Decoded(DocText::Placing(text.into(), stored)))
}
