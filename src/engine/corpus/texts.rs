//! The texts read again lately, kept a while so that a frame drawn again does not read
//! its documents again: the few most recent whatever their size (the two panes and what
//! was just left), and more within a budget of texts and bytes. A scan over every
//! document reads past it. A text that could not be read again is not tried again by
//! this corpus: what it says stands until a reload makes another corpus.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::engine::corpus::{DocId, TextError};
use crate::engine::text::Text;

/// The most recent texts kept whatever their size.
const ALWAYS_KEPT: usize = 4;
/// At most this many texts are kept.
const KEPT_TEXTS: usize = 16;
/// And beyond the first [`ALWAYS_KEPT`], only while all of them come to no more bytes.
const KEPT_BYTES: usize = 64 << 20;

/// The texts read lately, the most recent first, and why those that could not be were
/// not.
#[derive(Debug, Default)]
pub(crate) struct TextCache {
    recent: Mutex<VecDeque<(DocId, Arc<Text>)>>,
    failed: Mutex<HashMap<DocId, TextError>>,
}

impl TextCache {
    /// The kept text of `doc`, made the most recent.
    pub(crate) fn get(&self, doc: DocId) -> Option<Arc<Text>> {
        let mut recent = self.lock();
        let at = recent.iter().position(|(d, _)| *d == doc)?;
        let entry = recent.remove(at)?;
        let text = Arc::clone(&entry.1);
        recent.push_front(entry);
        Some(text)
    }

    /// The kept text of `doc`, left where it is.
    pub(crate) fn peek(&self, doc: DocId) -> Option<Arc<Text>> {
        let recent = self.lock();
        recent
            .iter()
            .find(|(d, _)| *d == doc)
            .map(|(_, t)| Arc::clone(t))
    }

    /// Keeps `text` as the most recent, letting the oldest go past the bounds.
    pub(crate) fn put(&self, doc: DocId, text: Arc<Text>) {
        let mut recent = self.lock();
        recent.retain(|(d, _)| *d != doc);
        recent.push_front((doc, text));
        recent.truncate(KEPT_TEXTS);
        let mut bytes = 0;
        let keep = recent
            .iter()
            .enumerate()
            .take_while(|(i, (_, t))| {
                bytes += t.len();
                *i < ALWAYS_KEPT || bytes <= KEPT_BYTES
            })
            .count();
        recent.truncate(keep);
    }

    /// Why `doc`'s text could not be read, if it was tried.
    pub(crate) fn failure(&self, doc: DocId) -> Option<TextError> {
        unpoisoned(&self.failed).get(&doc).cloned()
    }

    /// Remembers why `doc`'s text could not be read.
    pub(crate) fn fail(&self, doc: DocId, why: &TextError) {
        unpoisoned(&self.failed).insert(doc, why.clone());
    }

    fn lock(&self) -> MutexGuard<'_, VecDeque<(DocId, Arc<Text>)>> {
        unpoisoned(&self.recent)
    }
}

/// What `mutex` guards: a panic while it was held leaves it whole (each change is one
/// call that cannot stop half way).
fn unpoisoned<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// A corpus made again starts with nothing kept.
impl Clone for TextCache {
    fn clone(&self) -> TextCache {
        TextCache::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(len: usize) -> Arc<Text> {
        Arc::new(Text::new(&"a".repeat(len)))
    }

    #[test]
    fn the_most_recent_texts_are_kept_within_their_bounds() {
        let cache = TextCache::default();
        for i in 0..KEPT_TEXTS + 3 {
            cache.put(DocId::new(i), text(1));
        }
        assert!(cache.get(DocId::new(2)).is_none(), "the oldest went");
        assert!(cache.get(DocId::new(3)).is_some());
        // Asking made 3 the most recent: it outlives those put before it.
        for i in 100..100 + KEPT_TEXTS - 1 {
            cache.put(DocId::new(i), text(1));
        }
        assert!(cache.peek(DocId::new(3)).is_some());
        assert!(cache.peek(DocId::new(4)).is_none());
    }

    #[test]
    fn texts_beyond_the_budget_are_kept_while_they_are_among_the_most_recent() {
        let cache = TextCache::default();
        cache.put(DocId::new(0), text(10));
        // Two large texts side by side: both kept, and the small one before them.
        cache.put(DocId::new(1), text(KEPT_BYTES));
        cache.put(DocId::new(2), text(KEPT_BYTES));
        for doc in 0..3 {
            assert!(cache.peek(DocId::new(doc)).is_some(), "{doc}");
        }
        for doc in 3..3 + ALWAYS_KEPT {
            cache.put(DocId::new(doc), text(10));
        }
        // Past the most recent, the budget is over at 2: it and all before it go.
        for doc in 0..3 {
            assert!(cache.peek(DocId::new(doc)).is_none(), "{doc}");
        }
        assert_eq!(cache.lock().len(), ALWAYS_KEPT);
    }
}
