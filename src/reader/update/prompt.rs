//! The search prompt keeps terminal habits: the cursor moves (←/→, Ctrl-A/Home,
//! Ctrl-E/End), Ctrl-W deletes the word before it, Ctrl-U everything before it, and ↑/↓
//! recall earlier searches, as a shell's line editor does.

use crate::reader::action::Edit;
use crate::reader::state::App;

/// Searches remembered for ↑ at most.
const HISTORY: usize = 100;

impl App {
    /// Applies one edit to the query being typed, then searches it as typed.
    pub(crate) fn edit_prompt(&mut self, edit: Edit) {
        let mut text = self.search.typing.take().unwrap_or_default();
        let mut at = self.search.cursor.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = |at: usize, text: &str| text.get(..at).and_then(|s| s.chars().next_back());
        match edit {
            Edit::Insert(c) => {
                text.insert(at, c);
                at += c.len_utf8();
            }
            Edit::Backspace => {
                if let Some(c) = before(at, &text) {
                    at -= c.len_utf8();
                    text.remove(at);
                }
            }
            Edit::Left => at -= before(at, &text).map_or(0, char::len_utf8),
            Edit::Right => {
                at += text
                    .get(at..)
                    .and_then(|s| s.chars().next())
                    .map_or(0, char::len_utf8)
            }
            Edit::Home => at = 0,
            Edit::End => at = text.len(),
            Edit::DeleteWord => {
                let head = text.get(..at).unwrap_or("");
                let kept = head.trim_end_matches(char::is_whitespace);
                let start = kept
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                text.replace_range(start..at, "");
                at = start;
            }
            Edit::DeleteToStart => {
                text.replace_range(..at, "");
                at = 0;
            }
            Edit::Older | Edit::Newer => {
                let n = self.search.history.len();
                let next = match (edit, self.search.recalled) {
                    (Edit::Older, None) if n > 0 => Some(n - 1),
                    (Edit::Older, Some(k)) => Some(k.saturating_sub(1)),
                    (Edit::Newer, Some(k)) if k + 1 < n => Some(k + 1),
                    _ => None,
                };
                if self.search.recalled.is_none() && next.is_some() {
                    self.search.draft = text.clone();
                }
                text = match next {
                    Some(k) => self.search.history.get(k).cloned().unwrap_or_default(),
                    None if self.search.recalled.is_some() => {
                        std::mem::take(&mut self.search.draft)
                    }
                    None => text,
                };
                self.search.recalled = next;
                at = text.len();
            }
        }
        self.search.cursor = at;
        self.search.typing = Some(text.clone());
        if !matches!(edit, Edit::Left | Edit::Right | Edit::Home | Edit::End) {
            self.search_as_typed(&text);
        }
    }

    /// Remembers a submitted query for ↑ (once, the latest last).
    pub(crate) fn remember_query(&mut self, query: &str) {
        if query.trim().is_empty() {
            return;
        }
        let history = &mut self.search.history;
        history.retain(|q| q != query);
        history.push(query.to_string());
        if history.len() > HISTORY {
            history.remove(0);
        }
        self.search.recalled = None;
        self.search.cursor = 0;
    }
}
