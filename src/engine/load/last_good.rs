//! What live reload keeps from one load to the next: the last version of each brief that
//! loaded, and the text of each document, so that what did not change is neither parsed
//! nor decoded again.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::engine::brief::parse::{Failed, Parsed, parse, parse_decoded, read};
use crate::engine::corpus::Document;
use crate::engine::resolve::Placements;
use crate::engine::source::SourceFile;
use crate::engine::text::Text;

/// The last version of each brief that loaded, parsed, with its decoded source, by the
/// path shown for it: what live reload keeps on screen while the brief on disk is broken,
/// and reuses while the brief's text is unchanged; and the text of each document of the
/// last load, by file. Reuse compares whole texts, not modification times, so nothing
/// kept is ever served stale: a touched file with the same text is the same file, any
/// edit is read again.
#[derive(Debug, Clone, Default)]
pub struct LastGood {
    briefs: HashMap<String, Parsed>,
    texts: HashMap<String, Arc<Text>>,
    placements: Placements,
}

/// One brief read: parsed, reused unparsed from the kept version, or failed.
// Transient, one per brief: the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
pub(super) enum Brief {
    Parsed(Parsed),
    Reused(Parsed),
    Failed(Failed),
}

impl LastGood {
    /// Remembers every brief of `briefs` that loads (nothing is resolved).
    pub fn of_briefs(briefs: Vec<SourceFile>) -> LastGood {
        let parsed: Vec<_> = briefs.into_par_iter().map(parse).collect();
        LastGood {
            briefs: parsed
                .into_iter()
                .flatten()
                .map(|p| (p.shown.clone(), p))
                .collect(),
            texts: HashMap::new(),
            placements: Placements::default(),
        }
    }

    /// Reads `file` and parses it, unless its decoded text is exactly the source of the
    /// version kept for it: then that version is cloned.
    pub(super) fn parse(&self, file: SourceFile) -> Brief {
        let decoded = match read(file) {
            Ok(decoded) => decoded,
            Err(failed) => return Brief::Failed(failed),
        };
        match self.briefs.get(&decoded.shown) {
            Some(kept) if kept.name == decoded.name && kept.source.is(&decoded.source) => {
                Brief::Reused(kept.clone())
            }
            _ => parse_decoded(decoded).map_or_else(Brief::Failed, Brief::Parsed),
        }
    }

    /// The kept version of the brief shown as `shown`.
    pub(super) fn brief(&self, shown: &str) -> Option<&Parsed> {
        self.briefs.get(shown)
    }

    /// The text the last load had for the seed `file` (as named under seeds/).
    pub(super) fn text(&self, file: &str) -> Option<&Arc<Text>> {
        self.texts.get(file)
    }

    /// Keeps `parsed` as its brief's last good version.
    pub(super) fn remember(&mut self, parsed: &Parsed) {
        self.briefs.insert(parsed.shown.clone(), parsed.clone());
    }

    /// After a load has read its files: keeps the texts of its `documents` and no other,
    /// and forgets the briefs that were not listed this time (deleted or renamed), so that
    /// what is kept never outgrows the corpus; then hands over the last placings of quotes,
    /// which anchoring reuses and replaces.
    pub(super) fn settle<'d>(
        &mut self,
        documents: impl IntoIterator<Item = &'d Document>,
        listed_briefs: &[String],
    ) -> &mut Placements {
        self.forget_unlisted(listed_briefs);
        self.keep_texts(documents);
        &mut self.placements
    }

    /// Forgets the briefs that were not listed this time (deleted or renamed).
    pub(super) fn forget_unlisted(&mut self, listed_briefs: &[String]) {
        let listed: HashSet<&str> = listed_briefs.iter().map(String::as_str).collect();
        self.briefs
            .retain(|shown, _| listed.contains(shown.as_str()));
    }

    /// The texts of the last load, by file, and its placings of quotes, for a load that
    /// reads its documents while it places their quotes (and then keeps the texts it
    /// read with [`keep_texts`](LastGood::keep_texts)).
    pub(super) fn lend(&mut self) -> (&HashMap<String, Arc<Text>>, &mut Placements) {
        (&self.texts, &mut self.placements)
    }

    /// Keeps the texts of `documents` and no other.
    pub(super) fn keep_texts<'d>(&mut self, documents: impl IntoIterator<Item = &'d Document>) {
        self.texts = documents
            .into_iter()
            .map(|d| (d.file.clone(), Arc::clone(&d.text)))
            .collect();
    }
}
