//! One seed read: decoded, or, on a live reload, sharing the text kept for it when its
//! bytes are exactly that text.

use std::sync::Arc;

use crate::engine::corpus::Document;
use crate::engine::finding::Finding;
use crate::engine::source::SourceFile;
use crate::engine::text::{Text, decode};

/// What reading one seed gave.
pub(super) enum Read {
    Decoded(Document),
    /// The kept text, shared: the file's bytes were exactly that text.
    Shared(Document),
    Failed(Finding),
}

/// Reads `file`; where its bytes are exactly `kept` (a file already in NFC with `\n` line
/// ends, which is what decoding keeps as it is), shares `kept` instead of decoding it
/// again. Any other file is decoded, so a kept text is never served stale: an edit of
/// one byte, a touched file, a replaced one are all read as they now are.
pub(super) fn read(file: SourceFile, kept: Option<&Arc<Text>>) -> Read {
    let name = file.name.clone();
    let shown = file.shown.clone();
    let document = |text| Document {
        text,
        file: name,
        meta: None,
    };
    match file.into_bytes() {
        Ok(bytes) => match text_of(&shown, bytes, kept) {
            Ok(Got::Shared(text)) => Read::Shared(document(text)),
            Ok(Got::Decoded(text)) => Read::Decoded(document(text)),
            Err(finding) => Read::Failed(finding),
        },
        Err(e) => Read::Failed(e.finding(&shown)),
    }
}

/// The text of `file`, read as [`read`] reads it, without the document around it.
pub(super) fn read_text(file: &SourceFile, kept: Option<&Arc<Text>>) -> Option<Got> {
    text_of(&file.shown, file.read().ok()?, kept).ok()
}

/// A seed's text: decoded, or the kept one shared.
pub(super) enum Got {
    Decoded(Arc<Text>),
    Shared(Arc<Text>),
}

fn text_of(shown: &str, bytes: Vec<u8>, kept: Option<&Arc<Text>>) -> Result<Got, Finding> {
    if let Some(kept) = kept
        && kept.as_str().as_bytes() == bytes.as_slice()
    {
        return Ok(Got::Shared(Arc::clone(kept)));
    }
    decode(shown, bytes).map(|text| Got::Decoded(Arc::new(text)))
}
