//! The search prompt keeps terminal habits: the cursor moves (←/→, Ctrl-A/Home,
//! Ctrl-E/End), Ctrl-W deletes the word before it, Ctrl-U everything before it, and ↑/↓
//! recall earlier searches, as a shell's line editor does.

use crate::reader::action::Edit;
use crate::reader::state::Search;

/// Searches remembered for ↑ at most.
const HISTORY: usize = 100;

impl Search {
    /// Applies one edit to the query being typed: the query to search as typed, unless
    /// the edit only moved the cursor.
    pub fn edit(&mut self, edit: Edit) -> Option<String> {
        let mut text = self.typing.take().unwrap_or_default();
        let mut at = self.cursor.min(text.len());
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
                let n = self.history.len();
                let next = match (edit, self.recalled) {
                    (Edit::Older, None) if n > 0 => Some(n - 1),
                    (Edit::Older, Some(k)) => Some(k.saturating_sub(1)),
                    (Edit::Newer, Some(k)) if k + 1 < n => Some(k + 1),
                    _ => None,
                };
                if self.recalled.is_none() && next.is_some() {
                    self.draft = text.clone();
                }
                text = match next {
                    Some(k) => self.history.get(k).cloned().unwrap_or_default(),
                    None if self.recalled.is_some() => std::mem::take(&mut self.draft),
                    None => text,
                };
                self.recalled = next;
                at = text.len();
            }
        }
        self.cursor = at;
        self.typing = Some(text.clone());
        (!matches!(edit, Edit::Left | Edit::Right | Edit::Home | Edit::End)).then_some(text)
    }

    /// Text pasted at the prompt's cursor (bracketed paste: one event, one search): the
    /// query to search, or `None` when no prompt is open. A query is one line, so line
    /// breaks and other controls become spaces.
    pub fn paste(&mut self, text: &str) -> Option<String> {
        let typing = self.typing.as_mut()?;
        let pasted: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let mut at = self.cursor.min(typing.len());
        while !typing.is_char_boundary(at) {
            at -= 1;
        }
        typing.insert_str(at, &pasted);
        self.cursor = at + pasted.len();
        Some(typing.clone())
    }

    /// Remembers a submitted query for ↑ (once, the latest last).
    pub fn remember(&mut self, query: &str) {
        if query.trim().is_empty() {
            return;
        }
        let history = &mut self.history;
        history.retain(|q| q != query);
        history.push(query.to_string());
        if history.len() > HISTORY {
            history.remove(0);
        }
        self.recalled = None;
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::state::Panes;

    fn typed(s: &mut Search, text: &str) {
        for c in text.chars() {
            s.edit(Edit::Insert(c));
        }
    }

    #[test]
    fn the_cursor_moves_by_characters_and_words_go_whole() {
        let mut s = Search::default();
        s.open_prompt(Panes::default());
        typed(&mut s, "tăng trưởng");
        assert_eq!(s.edit(Edit::Left), None, "a move searches nothing");
        assert_eq!(s.around_cursor(), ("tăng trưởn", "g"));
        assert_eq!(s.edit(Edit::DeleteWord).as_deref(), Some("tăng g"));
        assert_eq!(s.edit(Edit::Home), None);
        assert_eq!(s.paste("kinh\nt").as_deref(), Some("kinh ttăng g"));
        assert_eq!(s.around_cursor(), ("kinh t", "tăng g"));
    }

    #[test]
    fn up_and_down_walk_the_history_and_give_back_the_draft() {
        let mut s = Search::default();
        s.remember("fta");
        s.remember("gdp");
        s.remember("fta");
        s.open_prompt(Panes::default());
        typed(&mut s, "dr");
        assert_eq!(s.edit(Edit::Older).as_deref(), Some("fta"));
        assert_eq!(s.edit(Edit::Older).as_deref(), Some("gdp"));
        assert_eq!(
            s.edit(Edit::Older).as_deref(),
            Some("gdp"),
            "the oldest stays"
        );
        assert_eq!(s.edit(Edit::Newer).as_deref(), Some("fta"));
        assert_eq!(
            s.edit(Edit::Newer).as_deref(),
            Some("dr"),
            "past the latest: the draft"
        );
        assert_eq!(Search::default().paste("x"), None, "no prompt, no paste");
    }
}
