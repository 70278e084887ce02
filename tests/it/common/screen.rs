//! Screens of the reader in ratatui's TestBackend, for the tests of its views: a reader
//! on a fixture or the built-in corpus, the frame as a buffer or as text, and the places
//! on it (a pane's rows, the detail line) that several tests read.
#![allow(dead_code)]

use briefing::reader::Msg;
use briefing::reader::state::Pane;
use std::path::PathBuf;

use briefing::engine::{Corpus, CorpusSource, load};
use briefing::reader::layout_cache::{Rows, row_of};
use briefing::reader::palette::Palette;
use briefing::reader::{Action, App, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_normalization::UnicodeNormalization;

/// A corpus under tests/fixtures/reader/.
pub fn reader_fixture(name: &str) -> Corpus {
    load_fixture(&format!("reader/{name}"))
}

/// The corpus tests/fixtures/NAME, loaded where it is (its paths as the tests show them).
pub fn load_fixture(name: &str) -> Corpus {
    let dir = PathBuf::from("tests/fixtures").join(name);
    load(&CorpusSource::Dir(dir)).expect("fixture corpus loads")
}

pub fn built_in() -> Corpus {
    load(&CorpusSource::BuiltIn).expect("built-in corpus")
}

/// A reader on `corpus` in a width x height terminal, without colour.
pub fn app_on(corpus: Corpus, width: u16, height: u16) -> App {
    app_with(corpus, Palette::mono(), width, height)
}

/// A reader on `corpus` in a width x height terminal with this palette.
pub fn app_with(corpus: Corpus, palette: Palette, width: u16, height: u16) -> App {
    let mut app = App::new(corpus).with_palette(palette);
    app.update(Msg::Size { width, height });
    app
}

pub fn buffer(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size().width, app.size().height))
        .expect("test terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The cells `xs` of row `y` as text, a wide character's second cell skipped.
pub fn row(buffer: &Buffer, y: u16, xs: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    let mut x = xs.start;
    while x < xs.end {
        let symbol = buffer[(x, y)].symbol();
        out.push_str(symbol);
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol))
            .unwrap_or(1)
            .max(1);
    }
    out
}

/// The cells `xs` of row `y` as text, with the runs of cells that `pick` accepts marked
/// as common/marked.rs reads them: `tăng [8,3]%` (trailing blanks cut).
pub fn marked_cells(
    buffer: &Buffer,
    y: u16,
    xs: std::ops::Range<u16>,
    pick: impl Fn(&ratatui::buffer::Cell) -> bool,
) -> String {
    let mut text = String::new();
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut x = xs.start;
    while x < xs.end {
        let cell = &buffer[(x, y)];
        let start = text.len();
        text.push_str(cell.symbol());
        if pick(cell) {
            match ranges.last_mut() {
                Some(last) if last.end == start => last.end = text.len(),
                _ => ranges.push(start..text.len()),
            }
        }
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(cell.symbol()))
            .unwrap_or(1)
            .max(1);
    }
    super::marked::mark(&text, &ranges).trim_end().to_string()
}

/// Each row of the screen as text, trailing blanks cut.
pub fn lines(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| row(buffer, y, 0..buffer.area.width).trim_end().to_string())
        .collect()
}

/// The screen as text, one line per row, NFC.
pub fn screen(app: &App) -> String {
    let buffer = buffer(app);
    let mut out = String::new();
    for y in 0..buffer.area.height {
        out.push_str(&row(&buffer, y, 0..buffer.area.width));
        out.push('\n');
    }
    out.nfc().collect()
}

/// The cell (x, y) where `text` starts on the screen.
pub fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let first = text.chars().next()?.to_string();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            if buffer[(x, y)].symbol() == first
                && row(buffer, y, x..buffer.area.width).starts_with(text)
            {
                return Some((x, y));
            }
        }
    }
    None
}

/// Types `query` after `/` and Enter.
pub fn search(app: &mut App, query: &str) {
    app.update(Action::SearchStart);
    for c in query.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
}

pub fn apply(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

/// Pane `i`'s inner area, its document's rows at that width, and the row at its top.
pub fn pane_layout(app: &App, i: Pane) -> (Rect, Rows, usize) {
    let rect = briefing::reader::view::inner(
        briefing::reader::view::areas(app.size(), app).panes[i].expect("pane"),
    );
    let rows = app
        .rows(app.panes()[i].doc.expect("doc"), rect.width)
        .expect("rows");
    let top = row_of(&rows, app.panes()[i].top);
    (rect, rows, top)
}

/// Pane `i`'s top row, its height and its document's number of rows.
pub fn pane_rows(app: &App, i: Pane) -> (usize, usize, usize) {
    let (rect, rows, top) = pane_layout(app, i);
    (top, usize::from(rect.height), rows.len())
}

pub fn detail_rows(app: &App) -> (Vec<String>, Buffer, ratatui::layout::Rect) {
    let area = briefing::reader::view::areas(app.size(), app)
        .detail
        .expect("a detail line");
    let buffer = buffer(app);
    let rows = (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect();
    (rows, buffer, area)
}

/// Selects, with `n`, the first annotation that `pick` accepts.
pub fn select_first(
    app: &mut App,
    pick: impl Fn(&briefing::engine::Annotation) -> bool,
) -> briefing::engine::AnnotationId {
    for _ in 0..app.corpus().annotations().len() {
        app.update(Action::Next);
        let a = app.selected().expect("selected");
        if pick(&app.corpus().annotations()[a]) {
            return a;
        }
    }
    panic!("no such annotation");
}
