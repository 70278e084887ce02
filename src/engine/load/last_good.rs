//! What live reload keeps from one load to the next: the last version of each brief that
//! loaded, and the fingerprint of each document's bytes, so that what did not change is
//! neither parsed nor decoded again.

use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

use crate::engine::brief::parse::{Failed, Parsed, parse, parse_keeping, read};
use crate::engine::corpus::Document;
use crate::engine::resolve::Placements;
use crate::engine::source::SourceFile;

use super::seed::Kept;

/// The last version of each brief that loaded, parsed, with its decoded source, by the
/// path shown for it: what live reload keeps on screen while the brief on disk is broken,
/// and reuses while the brief's text is unchanged; and what each document of the last
/// load was, by file (the fingerprint of its bytes). Reuse compares whole texts and
/// bytes, not modification times, so nothing kept is ever served stale: a touched file
/// with the same bytes is the same file, any edit is read again.
#[derive(Debug, Clone, Default)]
pub struct LastGood {
    briefs: HashMap<String, Parsed>,
    texts: HashMap<String, Kept>,
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
        // A brief on disk is kept by its file and the fingerprint of its text, not held.
        let again = file.path().is_some().then(|| file.clone());
        let decoded = match read(file) {
            Ok(decoded) => decoded,
            Err(failed) => return Brief::Failed(failed),
        };
        match self.briefs.get(&decoded.shown) {
            Some(kept) if kept.name == decoded.name && kept.source.is(&decoded.source) => {
                Brief::Reused(kept.clone())
            }
            _ => parse_keeping(decoded, again).map_or_else(Brief::Failed, Brief::Parsed),
        }
    }

    /// The kept version of the brief shown as `shown`.
    pub(super) fn brief(&self, shown: &str) -> Option<&Parsed> {
        self.briefs.get(shown)
    }

    /// What the last load read of the seed `file` (as named under seeds/).
    pub(super) fn text(&self, file: &str) -> Option<Kept> {
        self.texts.get(file).copied()
    }

    /// Keeps `parsed` as its brief's last good version.
    pub(super) fn remember(&mut self, parsed: &Parsed) {
        self.briefs.insert(parsed.shown.clone(), parsed.clone());
    }

    /// After a load has read its files: keeps what its `documents` were and no other,
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

    /// What the last load read, by file, and its placings of quotes, for a load that
    /// reads its documents while it places their quotes (and then keeps what it read with
    /// [`keep_texts`](LastGood::keep_texts)).
    pub(super) fn lend(&mut self) -> (&HashMap<String, Kept>, &mut Placements) {
        (&self.texts, &mut self.placements)
    }

    /// Keeps what `documents` were (those known on disk) and no other.
    pub(super) fn keep_texts<'d>(&mut self, documents: impl IntoIterator<Item = &'d Document>) {
        self.texts = documents
            .into_iter()
            .filter_map(|d| {
                let kept = Kept {
                    fingerprint: d.text.fingerprint()?,
                    len: d.text.len(),
                };
                Some((d.file.clone(), kept))
            })
            .collect();
    }
}
