//! The user's vocabulary: every intent a key or the mouse can express. `update` is the only
//! place that turns an action into a change of state.

/// One intent of the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader (or close what is open).
    Quit,
    /// Leave the reader at once, from anywhere.
    Interrupt,
    /// Move down one line (or to the next item of a list).
    Down,
    /// Move up one line (or to the previous item of a list).
    Up,
    /// Move down one screen.
    PageDown,
    /// Move up one screen.
    PageUp,
    /// Move down half a screen.
    HalfPageDown,
    /// Move up half a screen.
    HalfPageUp,
    /// Go to the first line.
    Top,
    /// Go to the last line.
    Bottom,
    /// Move the focus to the next part of the screen.
    FocusNext,
    /// Move the focus to the previous part of the screen.
    FocusPrev,
    /// Open what is under the cursor: a topic, an annotation, a document, a problem.
    Open,
    /// Start typing a search.
    SearchStart,
    /// Next search match, or next annotation when no search is active.
    Next,
    /// Previous search match, or previous annotation when no search is active.
    Prev,
    /// Choose the next topic.
    NextTopic,
    /// Choose the previous topic.
    PrevTopic,
    /// Show or hide the list of keys.
    Help,
    /// Close what is open: an overlay, the search, the selection.
    Close,
    /// Choose the document shown in the focused pane.
    PickDocument,
    /// Show or hide the problems found in the corpus.
    Problems,
    /// Sort the document picker by id or by date.
    SortPicker,
    /// Open the brief in $EDITOR at the line (the selected annotation's, or the problem's).
    EditBrief,
    /// Cycle the highlights: all, figures only, the selected one, none.
    CycleHighlights,
    /// Cycle what the navigator lists under each topic (and `n`/`N` walk): all, figures
    /// only, themes only.
    CycleListing,
    /// List every match of the search, by document, with the annotations and topics.
    Results,
    /// Show the whole selected annotation: label, value, note, every quote and its place.
    ShowAnnotation,
    /// Show the focused document's sources: titles, date, source, event, curator's note.
    ShowDocument,
    /// Turn synchronised scrolling of parallel documents on or off.
    ToggleSync,
    /// Mark the counterpart of the passage at the reading line in the other pane, or not.
    ToggleCounterpart,
    /// Show the other document (when only one pane fits).
    SwitchPane,
    /// Write the current brief (or topic) to a text file.
    Print,
    /// Wait for a letter, then remember the place under it.
    MarkPrefix,
    /// Wait for a letter, then return to the place remembered under it.
    JumpPrefix,
    /// Remember the current place under a letter.
    SetMark(char),
    /// Return to the place remembered under a letter.
    JumpMark(char),
    /// A digit of the count for the next key (`5j`, `3n`).
    Digit(char),
    /// Add a character to the search being typed.
    Input(char),
    /// Delete the character before the prompt's cursor.
    Backspace,
    /// Edit the search being typed: move, delete, recall.
    Prompt(Edit),
    /// Run the search being typed.
    Submit,
    /// Abandon the search being typed.
    Cancel,
    /// Scroll the pane at a screen position (mouse wheel); `down` says which way.
    Wheel { column: u16, row: u16, down: bool },
    /// Open the figures view, or change what it lists.
    Figures(FigureKey),
}

/// What a key of the figures view asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKey {
    /// Open (or close) the figures view.
    Open,
    /// Close the view and scroll the panes to the figure's quotes.
    Go,
    /// Close the figures view.
    Close,
    /// Sort by the next column.
    Sort,
    /// Turn the order round.
    Reverse,
    /// Group by measure, each in time order, with its bar chart.
    Compare,
    /// Show only the next topic's figures (then all again).
    Topic,
    /// Show only the next kind (target, forecast, result, ...).
    Kind,
    /// Show only the figures quoted in the next document.
    Document,
    /// Show only the figures quoted in the next language.
    Language,
    /// Clear every filter.
    Clear,
}

impl FigureKey {
    pub fn description(&self) -> &'static str {
        match self {
            FigureKey::Open => "key figures: a table to sort, filter, compare",
            FigureKey::Go => "go to the figure's quotes in the panes",
            FigureKey::Close => "close the figures view",
            FigureKey::Sort => "sort by the next column",
            FigureKey::Reverse => "reverse the order",
            FigureKey::Compare => "compare by measure (with a bar chart)",
            FigureKey::Topic => "filter by topic (next one)",
            FigureKey::Kind => "filter by kind (next one)",
            FigureKey::Document => "filter by document (next one)",
            FigureKey::Language => "filter by language (next one)",
            FigureKey::Clear => "clear the filters",
        }
    }
}

impl Action {
    /// A short description, for the help overlay and the status line.
    pub fn description(&self) -> &'static str {
        match self {
            Action::Quit => "quit (close what is open)",
            Action::Interrupt => "quit at once",
            Action::Down => "down one line",
            Action::Up => "up one line",
            Action::PageDown => "down one screen",
            Action::PageUp => "up one screen",
            Action::HalfPageDown => "down half a screen",
            Action::HalfPageUp => "up half a screen",
            Action::Top => "go to the top",
            Action::Bottom => "go to the end",
            Action::FocusNext => "focus the next part",
            Action::FocusPrev => "focus the previous part",
            Action::Open => "open the topic, annotation or document",
            Action::SearchStart => "search every document",
            Action::Next => "next match (or annotation)",
            Action::Prev => "previous match (or annotation)",
            Action::NextTopic => "next topic",
            Action::PrevTopic => "previous topic",
            Action::Help => "show this help",
            Action::Close => "close, clear search, deselect",
            Action::PickDocument => "choose the pane's document",
            Action::Problems => "list problems in the corpus",
            Action::Results => "list every match, by document",
            Action::SortPicker => "the picker (o): corpus order, by id, by date",
            Action::EditBrief => "the brief in $EDITOR at its line",
            Action::CycleHighlights => "highlight all, figures, selected, none",
            Action::CycleListing => "the navigator lists all, figures, themes",
            Action::ShowAnnotation => "the whole annotation, every quote",
            Action::ShowDocument => "the document's sources and metadata",
            Action::ToggleSync => "synchronised scrolling on/off",
            Action::ToggleCounterpart => "mark the counterpart in the other pane on/off",
            Action::SwitchPane => "show the other document",
            Action::Print => "print the topic (every brief) or the brief",
            Action::MarkPrefix | Action::SetMark(_) => "set a mark at this place",
            Action::JumpPrefix | Action::JumpMark(_) => "return to a mark",
            Action::Digit(_) => "a count for the next key (5j, 3n)",
            Action::Input(_) => "type the query",
            Action::Backspace => "delete a character",
            Action::Prompt(edit) => edit.description(),
            Action::Submit => "search",
            Action::Cancel => "cancel the search",
            Action::Wheel { .. } => "scroll the pane under the pointer, 3 rows",
            Action::Figures(key) => key.description(),
        }
    }
}

/// An edit of the search prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Left,
    Right,
    Home,
    End,
    /// Ctrl-W: the word before the cursor.
    DeleteWord,
    /// Ctrl-U: everything before the cursor.
    DeleteToStart,
    /// ↑: the search before.
    Older,
    /// ↓: the search after (or what was being typed).
    Newer,
}

impl Edit {
    pub fn description(self) -> &'static str {
        match self {
            Edit::Insert(_) => "type the query",
            Edit::Backspace => "delete a character",
            Edit::Left => "cursor left",
            Edit::Right => "cursor right",
            Edit::Home => "cursor to the start",
            Edit::End => "cursor to the end",
            Edit::DeleteWord => "delete the word before the cursor",
            Edit::DeleteToStart => "delete to the start",
            Edit::Older => "the search before",
            Edit::Newer => "the search after",
        }
    }
}
