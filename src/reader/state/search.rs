//! The search's state: the query being typed, the active one and its matches (in the
//! documents, and the annotations whose label, value or note match), where `n`/`N` stand,
//! the prompt's cursor and history, and the pace of incremental search.

use std::ops::Range;

use crate::engine::corpus::{AnnotationId, DocId};
use crate::reader::state::Panes;

/// The search: what is being typed and what was found.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query being typed, while the prompt is open.
    pub(super) typing: Option<String>,
    /// The query whose matches are shown (empty: no search active).
    pub(super) query: String,
    /// Every match: (document, byte range), documents in corpus order.
    pub(super) matches: Vec<(DocId, Range<usize>)>,
    /// The annotations whose label, value or note match, in corpus order.
    pub(super) notes: Vec<AnnotationId>,
    /// Where `n`/`N` stand.
    pub(super) current: Option<Stop>,
    /// Where the panes stood when the prompt opened: typing moves to the first match from
    /// there (as vim's incsearch does), Esc goes back.
    pub(super) origin: Option<Panes>,
    /// The prompt's cursor: a byte offset into `typing`.
    pub(super) cursor: usize,
    /// Queries searched before, the latest last (↑ recalls them).
    pub(super) history: Vec<String>,
    /// Which of `history` the prompt shows, while ↑/↓ walk it.
    pub(super) recalled: Option<usize>,
    /// What was typed before ↑, given back by ↓ past the latest.
    pub(super) draft: String,
    /// Whether typing searches at once or once at the end of a burst of input.
    pub(super) pace: Pace,
    /// Whether there were more matches than the `MAX_MATCHES` kept.
    pub(super) more: bool,
}

/// Where `n`/`N` stand in a search: the matches in the documents, then the annotations
/// whose label or note match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Index into `Search::matches`.
    Match(usize),
    /// Index into `Search::notes`.
    Note(usize),
}

/// When the incremental search runs. Keys that arrive faster than a search (a burst, a
/// paste without bracketed paste) are taken together: only the last query is searched,
/// so typing never queues work.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pace {
    /// Every key searches (the API's default: tests see each key's result).
    #[default]
    EveryKey,
    /// Inside a burst; `stale` once the query changed without being searched.
    Burst { stale: bool },
}

impl Search {
    /// The query being typed, while the prompt is open.
    pub fn typing(&self) -> Option<&str> {
        self.typing.as_deref()
    }

    /// The query whose matches are shown (empty: no search active).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Every match: (document, byte range), documents in corpus order.
    pub fn matches(&self) -> &[(DocId, Range<usize>)] {
        &self.matches
    }

    /// Index into `matches` of the current one.
    pub fn current(&self) -> Option<usize> {
        match self.current {
            Some(Stop::Match(k)) => Some(k),
            _ => None,
        }
    }

    /// The annotations whose label, value or note match, in corpus order.
    pub fn notes(&self) -> &[AnnotationId] {
        &self.notes
    }

    /// Where `n`/`N` stand: on a match, on an annotation, or nowhere yet.
    pub fn stop(&self) -> Option<Stop> {
        self.current
    }

    /// The annotation `n`/`N` stand on, when they stand on one.
    pub fn current_note(&self) -> Option<AnnotationId> {
        match self.current {
            Some(Stop::Note(j)) => self.notes.get(j).copied(),
            _ => None,
        }
    }

    /// Whether there were more matches than the `MAX_MATCHES` kept.
    pub fn more(&self) -> bool {
        self.more
    }

    /// The prompt's cursor: a byte offset into the query being typed.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_active(&self) -> bool {
        !self.query.is_empty()
    }

    /// The query being typed, cut at the prompt's cursor: what stands before it and after.
    pub fn around_cursor(&self) -> (&str, &str) {
        let typing = self.typing.as_deref().unwrap_or("");
        let mut at = self.cursor.min(typing.len());
        while !typing.is_char_boundary(at) {
            at -= 1;
        }
        typing.split_at(at)
    }

    /// Where the panes stood when the prompt opened.
    pub fn origin(&self) -> Option<Panes> {
        self.origin
    }

    /// Opens the prompt, empty, the panes standing at `origin`.
    pub fn open_prompt(&mut self, origin: Panes) {
        self.typing = Some(String::new());
        self.cursor = 0;
        self.recalled = None;
        self.origin = Some(origin);
    }

    /// Closes the prompt: what was typed, and where the panes stood when it opened.
    pub fn close_prompt(&mut self) -> (Option<String>, Option<Panes>) {
        (self.typing.take(), self.origin.take())
    }

    /// Puts back the query being typed (after a reload searched it again).
    pub fn reopen_prompt(&mut self, typing: String) {
        self.typing = Some(typing);
    }

    /// The matches found and the annotations whose words match, none current yet; `more`
    /// when there were more matches than kept.
    pub fn found(
        &mut self,
        matches: Vec<(DocId, Range<usize>)>,
        notes: Vec<AnnotationId>,
        more: bool,
    ) {
        self.matches = matches;
        self.notes = notes;
        self.current = None;
        self.more = more;
    }

    /// The matches a search under way has found so far (they only grow, so where `n`/`N`
    /// stand stays).
    pub fn found_so_far(&mut self, matches: Vec<(DocId, Range<usize>)>) {
        self.matches = matches;
    }

    /// Makes `query` the active search (its matches already found).
    pub fn activate(&mut self, query: String) {
        self.query = query;
    }

    /// Makes match `k` the current one (or none).
    pub fn set_current(&mut self, k: Option<usize>) {
        self.current = k.map(Stop::Match);
    }

    /// Makes `stop` where `n`/`N` stand.
    pub fn set_stop(&mut self, stop: Stop) {
        self.current = Some(stop);
    }

    /// Starts over after a reload, keeping the history and the prompt's cursor: what was
    /// being typed and the active query, to search again in the new text.
    pub fn renew(&mut self) -> (Option<String>, String) {
        let typing = self.typing.take();
        let query = std::mem::take(&mut self.query);
        *self = Search {
            history: std::mem::take(&mut self.history),
            cursor: self.cursor,
            ..Search::default()
        };
        (typing, query)
    }

    /// A burst of input begins: typing changes the query without searching it yet.
    pub fn begin_burst(&mut self) {
        self.pace = Pace::Burst { stale: false };
    }

    /// Inside a burst, a query to search is left for its end (true); else it is searched
    /// now (false).
    pub fn defer(&mut self) -> bool {
        match &mut self.pace {
            Pace::Burst { stale } => {
                *stale = true;
                true
            }
            Pace::EveryKey => false,
        }
    }

    /// The burst ends: the query being typed, if it changed without being searched.
    pub fn end_burst(&mut self) -> Option<String> {
        match std::mem::take(&mut self.pace) {
            Pace::Burst { stale: true } => self.typing.clone(),
            _ => None,
        }
    }

    /// The query the results list is for: the one being typed, else the active one.
    pub fn results_query(&self) -> &str {
        self.typing
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.query)
    }
}
