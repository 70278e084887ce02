//! The search's state: the query being typed, the active one and its matches, the
//! prompt's cursor and history, and the pace of incremental search.

use std::ops::Range;

use crate::reader::state::Panes;

/// The search: what is being typed and what was found.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query being typed, while the prompt is open.
    pub(crate) typing: Option<String>,
    /// The query whose matches are shown (empty: no search active).
    pub(crate) query: String,
    /// Every match: (document, byte range), documents in corpus order.
    pub(crate) matches: Vec<(usize, Range<usize>)>,
    /// Index into `matches` of the current one.
    pub(crate) current: Option<usize>,
    /// Where the panes stood when the prompt opened: typing moves to the first match from
    /// there (as vim's incsearch does), Esc goes back.
    pub(crate) origin: Option<Panes>,
    /// The prompt's cursor: a byte offset into `typing`.
    pub(crate) cursor: usize,
    /// Queries searched before, the latest last (↑ recalls them).
    pub(crate) history: Vec<String>,
    /// Which of `history` the prompt shows, while ↑/↓ walk it.
    pub(crate) recalled: Option<usize>,
    /// What was typed before ↑, given back by ↓ past the latest.
    pub(crate) draft: String,
    /// Whether typing searches at once or once at the end of a burst of input.
    pub(crate) pace: Pace,
    /// Whether there were more matches than the `MAX_MATCHES` kept.
    pub(crate) more: bool,
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
    pub fn matches(&self) -> &[(usize, Range<usize>)] {
        &self.matches
    }

    /// Index into `matches` of the current one.
    pub fn current(&self) -> Option<usize> {
        self.current
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

    /// The query the results list is for: the one being typed, else the active one.
    pub fn results_query(&self) -> &str {
        self.typing
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.query)
    }
}
