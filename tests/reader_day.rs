//! The reader through an analyst's working day (issue 12), screen by screen in
//! TestBackend: printing a topic, resizing, panes that keep their side, the wheel, the
//! detail line, help, problems, the picker, and editing a document while it is open.

#![cfg(feature = "reader")]

use std::path::PathBuf;

use briefing::engine::{Corpus, CorpusSource, load};
use briefing::reader::view::style::Palette;
use briefing::reader::{Action, App, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_normalization::UnicodeNormalization;

fn fixture(name: &str) -> Corpus {
    let dir = PathBuf::from("tests/fixtures/reader").join(name);
    load(&CorpusSource::Dir(dir)).expect("fixture corpus loads")
}

fn built_in() -> Corpus {
    load(&CorpusSource::BuiltIn).expect("built-in corpus")
}

fn app_on(corpus: Corpus, width: u16, height: u16) -> App {
    let mut app = App::new(corpus);
    app.palette = Palette::mono();
    app.resize(width, height);
    app
}

fn buffer(app: &App) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.width, app.size.height)).expect("test terminal");
    terminal.draw(|f| render(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, NFC.
fn screen(app: &App) -> String {
    let buffer = buffer(app);
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            out.push_str(symbol);
            x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol))
                .unwrap_or(1)
                .max(1);
        }
        out.push('\n');
    }
    out.nfc().collect()
}

fn apply(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

#[test]
fn p_with_a_topic_prints_the_whole_topic_across_briefs_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = built_in();
    let fta = corpus.topic_by_id("fta").expect("topic fta");
    let expected = corpus.annotations_for_topic(fta).count();
    let mut briefs: Vec<String> = corpus
        .annotations_for_topic(fta)
        .map(|a| corpus.briefs[corpus.annotations[a].brief].title.clone())
        .collect();
    briefs.sort();
    briefs.dedup();
    assert!(briefs.len() > 1, "the topic spans briefs");
    let mut app = app_on(corpus, 200, 50);
    app.print_dir = dir.path().to_path_buf();
    while app.topic != Some(fta) {
        app.update(Action::NextTopic);
    }
    // An annotation of one brief selected: still the whole topic.
    app.update(Action::Next);
    app.update(Action::Print);
    let path = dir.path().join("briefing-topic-fta.txt");
    let text = std::fs::read_to_string(&path).expect("printed topic");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for title in &briefs {
        assert!(
            words(&text).contains(&words(title)),
            "{title} missing from:\n{text}"
        );
    }
    let message = app.message.clone().unwrap_or_default();
    assert_eq!(
        message,
        format!(
            "Wrote {} (topic Trade agreements and markets: {expected} annotations from {} briefs).",
            path.display(),
            briefs.len()
        )
    );
    assert!(
        screen(&app).contains("Wrote /"),
        "the status line says where"
    );
}

/// Pane `i`'s first row on screen, its height and how many rows its document has.
fn pane_rows(app: &App, i: usize) -> (usize, usize, usize) {
    let rect = briefing::reader::view::inner(
        briefing::reader::view::areas(app.size, app).panes[i].expect("pane"),
    );
    let rows = app
        .rows(app.panes[i].doc.expect("doc"), rect.width)
        .expect("rows");
    let top = briefing::reader::layout_cache::row_of(&rows, app.panes[i].top);
    (top, usize::from(rect.height), rows.len())
}

#[test]
fn a_resize_with_the_end_of_a_document_in_view_keeps_every_pane_full() {
    let mut app = app_on(built_in(), 100, 30);
    apply(&mut app, &[Action::Bottom]);
    let (top, height, rows) = pane_rows(&app, 0);
    assert_eq!(top + height, rows, "the end at the bottom");
    app.resize(200, 60);
    for i in 0..2 {
        let (top, height, rows) = pane_rows(&app, i);
        assert!(
            top == 0 || top + height <= rows,
            "pane {i}: {} empty rows",
            top + height - rows
        );
    }
    let (top, height, rows) = pane_rows(&app, 0);
    assert_eq!(top + height, rows, "the end still at the bottom");
    assert!(screen(&app).contains("100%"), "{}", screen(&app));
}

#[test]
fn documents_keep_their_side_and_languages_their_places_however_you_arrive() {
    let corpus = built_in();
    let total = corpus.annotations.len();
    let mut app = app_on(corpus, 200, 50);
    let lang = |app: &App, i: usize| {
        app.panes[i]
            .doc
            .map(|d| app.corpus.documents[d].lang().to_string())
    };
    assert_eq!(lang(&app, 0).as_deref(), Some("vi"));
    assert_eq!(lang(&app, 1).as_deref(), Some("id"));
    // The focus on the right pane must not put the first document there.
    app.update(Action::FocusNext);
    // Where each annotation's documents stand, going forward (twice round) and back.
    let mut sides = std::collections::HashMap::new();
    let steps = [Action::Next; 2]
        .repeat(total)
        .into_iter()
        .chain([Action::Prev; 2].repeat(total));
    for action in steps {
        app.update(action);
        if lang(&app, 0) != lang(&app, 1) {
            assert_ne!(
                lang(&app, 0).as_deref(),
                Some("id"),
                "Indonesian moved left"
            );
            assert_ne!(
                lang(&app, 1).as_deref(),
                Some("vi"),
                "Vietnamese moved right"
            );
        }
        let selected = app.selected.expect("an annotation");
        let docs: Vec<(usize, Option<usize>)> = app.corpus.annotations[selected]
            .quotes
            .iter()
            .filter_map(|q| q.anchor.as_ref().ok())
            .map(|a| (a.doc, app.panes.iter().position(|p| p.doc == Some(a.doc))))
            .collect();
        let first = sides.entry(selected).or_insert_with(|| docs.clone());
        assert_eq!(*first, docs, "annotation {selected} arrived at other sides");
    }
}

#[test]
fn the_wheel_moves_three_rows_and_never_the_other_pane_backwards_at_the_end() {
    let mut app = app_on(built_in(), 200, 60);
    let pane = briefing::reader::view::areas(app.size, &app).panes[0].expect("left pane");
    let wheel = |down| Action::Wheel {
        column: pane.x + 2,
        row: pane.y + 2,
        down,
    };
    let row_of = |app: &App, i: usize| {
        let rect = briefing::reader::view::inner(
            briefing::reader::view::areas(app.size, app).panes[i].expect("pane"),
        );
        let rows = app
            .rows(app.panes[i].doc.expect("doc"), rect.width)
            .expect("rows");
        briefing::reader::layout_cache::row_of(&rows, app.panes[i].top)
    };
    app.update(wheel(true));
    assert_eq!(row_of(&app, 0), 3);
    app.update(wheel(false));
    assert_eq!(row_of(&app, 0), 0);
    apply(&mut app, &[Action::Bottom]);
    let (left, right) = (app.panes[0].top, row_of(&app, 1));
    for _ in 0..5 {
        app.update(wheel(true));
        assert_eq!(app.panes[0].top, left, "the left pane is at its end");
        assert!(row_of(&app, 1) >= right, "the right pane went back");
    }
}

/// The rows of the detail line on screen, and the buffer.
fn detail_rows(app: &App) -> (Vec<String>, Buffer, ratatui::layout::Rect) {
    let area = briefing::reader::view::areas(app.size, app)
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
fn select_first(app: &mut App, pick: impl Fn(&briefing::engine::Annotation) -> bool) -> usize {
    for _ in 0..app.corpus.annotations.len() {
        app.update(Action::Next);
        let a = app.selected.expect("selected");
        if pick(&app.corpus.annotations[a]) {
            return a;
        }
    }
    panic!("no such annotation");
}

#[test]
fn a_cut_detail_line_ends_in_an_ellipsis_and_i_shows_the_whole_annotation() {
    let mut app = app_on(built_in(), 100, 40);
    let a = select_first(&mut app, |a| {
        a.quotes.len() >= 3 && a.note.as_ref().is_some_and(|n| n.len() > 200)
    });
    let (rows, buffer, area) = detail_rows(&app);
    assert_eq!(rows.len(), 2);
    let last = rows.last().expect("row");
    assert!(last.ends_with("… i: all"), "{rows:?}");
    // The key is drawn as a key.
    let x = area.left() + u16::try_from(last.chars().count() - 1).expect("width");
    let y = area.bottom() - 1;
    assert_eq!(buffer[(x, y)].symbol(), "l");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::BOLD),
        "the key is bold"
    );
    assert_eq!(buffer[(x - 7, y)].symbol(), "…");
    assert!(
        !buffer[(x - 8, y)].modifier.contains(Modifier::BOLD),
        "the text is not"
    );

    app.update(Action::ShowAnnotation);
    let shown = screen(&app).replace('│', " ");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let ann = app.corpus.annotations[a].clone();
    for q in &ann.quotes {
        let anchor = q.anchor.as_ref().expect("placed");
        let file = &app.corpus.documents[anchor.doc].file;
        let place = format!("{} {file}:{}:{}", q.doc_id, anchor.line, anchor.column);
        // Scroll until the quote's place is on screen.
        let mut found = false;
        for _ in 0..200 {
            if screen(&app).contains(&place) {
                found = true;
                break;
            }
            app.update(Action::Down);
        }
        assert!(found, "{place} never shown:\n{shown}");
    }
    assert!(shown.contains(" quote "), "{shown}");
    app.update(Action::Bottom);
    let bottom = screen(&app).replace('│', " ");
    let last_quote = ann.quotes.last().expect("quote");
    let tail: String = last_quote
        .text
        .chars()
        .rev()
        .take(10)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(
        words(&bottom).contains(&words(&tail)),
        "the end of the last quote:\n{bottom}"
    );
    app.update(Action::Close);
    assert_eq!(app.overlay, briefing::reader::state::Overlay::None);
}

#[test]
fn d_shows_the_focused_documents_sources() {
    // As wide as the card, so that no pane text stands beside it.
    let mut app = app_on(built_in(), 100, 50);
    app.update(Action::ShowDocument);
    let doc = &app.corpus.documents[app.panes[0].doc.expect("doc")];
    let meta = doc.meta.clone().expect("declared");
    let shown = screen(&app).replace('│', " ");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for value in [meta.date, meta.source, meta.title_en]
        .into_iter()
        .flatten()
    {
        assert!(
            words(&shown).contains(&words(&value)),
            "{value} missing:\n{shown}"
        );
    }
    assert!(
        shown.contains(&format!("{} · sources", doc.id())),
        "{shown}"
    );
}

#[test]
fn help_g_stops_with_the_last_line_at_the_bottom() {
    let mut app = app_on(fixture("basic"), 120, 20);
    apply(&mut app, &[Action::Help, Action::Bottom]);
    let shown = screen(&app);
    let rows: Vec<&str> = shown.lines().collect();
    let bottom = rows
        .iter()
        .position(|r| r.contains("Esc or ? close"))
        .expect("the help's bottom border");
    let inside = |r: &str| {
        let start = r.find("│").map_or(0, |i| i + "│".len());
        r.get(start..)
            .unwrap_or("")
            .chars()
            .take(60)
            .collect::<String>()
    };
    // The last line of the help stands right above the border: not blank.
    assert!(
        !inside(rows[bottom - 1]).trim().is_empty(),
        "scrolled past the end:\n{shown}"
    );
    // And not one row further.
    apply(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(screen(&app), shown);
    app.update(Action::Up);
    assert_ne!(screen(&app), shown, "one row up moves");
}

#[test]
fn one_problem_is_one_problem() {
    let app = app_on(fixture("basic"), 120, 30);
    let n = app.problem_count();
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("e: {n} problem{} ", if n == 1 { "" } else { "s" })),
        "{shown}"
    );
    let dir = tempfile::tempdir().expect("dir");
    std::fs::create_dir_all(dir.path().join("seeds")).expect("seeds");
    std::fs::create_dir_all(dir.path().join("briefs")).expect("briefs");
    std::fs::write(dir.path().join("seeds/a.txt"), "Xin chào Việt Nam.\n").expect("seed");
    std::fs::write(
        dir.path().join("briefs/b.yaml"),
        "title: B\ndocuments:\n  - id: a\n    file: a.txt\n    lang: vi\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: [t]\n    quotes:\n      - doc: a\n        text: Việt Nan\n",
    )
    .expect("brief");
    let corpus = load(&CorpusSource::Dir(dir.path().to_path_buf())).expect("loads");
    let app = app_on(corpus, 120, 30);
    assert_eq!(app.problem_count(), 1);
    assert!(screen(&app).contains(" e: 1 problem "), "{}", screen(&app));
}

#[test]
fn editing_a_document_while_it_is_open_keeps_the_place_by_its_text() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::create_dir_all(dir.path().join("seeds")).expect("seeds");
    std::fs::create_dir_all(dir.path().join("briefs")).expect("briefs");
    let seed: String = (1..120)
        .map(|n| format!("Đoạn văn thứ {n} nói về kinh tế.\n\n"))
        .collect();
    std::fs::write(dir.path().join("seeds/a.txt"), &seed).expect("seed");
    std::fs::write(
        dir.path().join("briefs/b.yaml"),
        "title: B\ndocuments:\n  - id: a\n    file: a.txt\n    lang: vi\ntopics:\n  - id: t\n    title: T\n",
    )
    .expect("brief");
    let source = CorpusSource::Dir(dir.path().to_path_buf());
    let mut app = app_on(load(&source).expect("loads"), 120, 30);
    let mut reloader = briefing::reader::reload::Reloader::new(source);
    for _ in 0..40 {
        app.update(Action::Down);
    }
    let top_line = |app: &App| {
        let text = &app.corpus.documents[app.panes[0].doc.expect("doc")].text;
        text.line(text.line_index(app.panes[0].top)).to_string()
    };
    let before = top_line(&app);
    assert!(before.starts_with("Đoạn văn thứ 2"), "{before}");
    let edited = format!("Tiêu đề thêm vào.\n\nMột đoạn mở đầu mới.\n\n{seed}");
    std::fs::write(dir.path().join("seeds/a.txt"), edited).expect("edit");
    reloader.reload(&mut app);
    assert_eq!(top_line(&app), before, "the view stays on the same text");
}

#[test]
fn counts_repeat_the_next_key_as_in_vim() {
    let mut app = app_on(built_in(), 200, 50);
    let mut once = app_on(built_in(), 200, 50);
    apply(
        &mut app,
        &[Action::Digit('1'), Action::Digit('2'), Action::Down],
    );
    for _ in 0..12 {
        once.update(Action::Down);
    }
    assert_eq!(app.panes, once.panes);
    assert_eq!(pane_rows(&app, 0).0, 12);
    apply(&mut app, &[Action::Digit('3'), Action::Next]);
    apply(&mut once, &[Action::Next, Action::Next, Action::Next]);
    assert_eq!(app.selected, once.selected);
    // A count is spent by the key it precedes, and 0 alone is no count.
    apply(&mut app, &[Action::Digit('0'), Action::Down]);
    once.update(Action::Down);
    assert_eq!(app.panes, once.panes);
}

#[test]
fn n_with_no_topic_goes_to_the_next_annotation_after_the_reading_line() {
    let mut app = app_on(built_in(), 200, 50);
    for _ in 0..40 {
        app.update(Action::Down);
    }
    let doc = app.panes[0].doc.expect("doc");
    let top = app.panes[0].top;
    app.update(Action::Next);
    let a = app.selected.expect("selected");
    let corpus = app.corpus.clone();
    let start = |a: usize| {
        corpus.annotations[a]
            .quotes
            .iter()
            .filter_map(|q| q.anchor.as_ref().ok())
            .find(|x| x.doc == doc)
            .map(|x| x.range.start)
    };
    let here = start(a).expect("in the focused document");
    assert!(here >= top, "after the reading line");
    let earliest = (0..corpus.annotations.len())
        .filter_map(start)
        .filter(|&s| s >= top)
        .min()
        .expect("one after");
    assert_eq!(here, earliest, "the first after it");
    // Then on through the document, in the order of its text.
    app.update(Action::Next);
    let next = start(app.selected.expect("selected")).expect("in the document");
    assert!(next >= here);
}

fn search(app: &mut App, query: &str) {
    app.update(Action::SearchStart);
    for c in query.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
}

#[test]
fn r_lists_every_match_by_document_and_enter_goes_there() {
    let mut app = app_on(built_in(), 160, 50);
    search(&mut app, "fta");
    let n = app.search.matches.len();
    assert!(n > 3, "{n}");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.ends_with("r lists them")),
        "{:?}",
        app.message
    );
    app.update(Action::Results);
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("/fta · {n} matches in ")),
        "{shown}"
    );
    // A heading per document with its count, then its lines.
    let (doc, range) = app.search.matches[0].clone();
    let d = &app.corpus.documents[doc];
    let in_doc = app.search.matches.iter().filter(|(x, _)| *x == doc).count();
    let heading = format!("{} · {} · ", d.id(), d.lang());
    let row = shown
        .lines()
        .position(|l| l.contains(&heading))
        .expect("heading");
    assert!(
        shown
            .lines()
            .nth(row)
            .is_some_and(|l| l.contains(&format!("({in_doc} matches)")))
    );
    let (line, column) = d.text.line_col(range.start);
    assert!(
        shown
            .lines()
            .nth(row + 1)
            .is_some_and(|l| l.contains(&format!("{line}:{column}"))),
        "{shown}"
    );
    // The match is marked, the cursor row reversed.
    let buf = buffer(&app);
    let y = u16::try_from(row + 1).expect("row");
    let marked = (0..buf.area.width)
        .filter(|&x| buf[(x, y)].modifier.contains(Modifier::ITALIC))
        .count();
    assert_eq!(marked, 3, "the match's cells are marked");
    // The cursor opens on the current match; two down, Enter: that one is current.
    let from = app.search.current.expect("current");
    apply(
        &mut app,
        &[Action::Top, Action::Down, Action::Down, Action::Open],
    );
    assert_eq!(app.overlay, briefing::reader::state::Overlay::None);
    assert_eq!(app.search.current, Some(2), "from {from}");
    let (doc, _) = app.search.matches[2].clone();
    assert!(app.panes.iter().any(|p| p.doc == Some(doc)));
}

#[test]
fn search_covers_the_curators_labels_notes_and_topic_titles() {
    let mut app = app_on(built_in(), 160, 50);
    search(&mut app, "growth");
    app.update(Action::Results);
    let shown = screen(&app);
    assert!(
        shown.contains("Annotations: the curators' labels, values and notes"),
        "{shown}"
    );
    assert!(shown.contains("Topics"), "{shown}");
    let hits = app.hits();
    let topic = hits
        .iter()
        .position(|h| matches!(h, briefing::reader::results::Hit::Topic(_)))
        .expect("a topic matches");
    let growth = app.corpus.topic_by_id("growth").expect("growth");
    for _ in 0..topic {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert_eq!(app.topic, Some(growth));
}

#[test]
fn n_says_when_the_search_wraps() {
    let mut app = app_on(built_in(), 160, 50);
    search(&mut app, "fta");
    let n = app.search.matches.len();
    let current = app.search.current.expect("current");
    for _ in current + 1..n {
        app.update(Action::Next);
        assert!(!app.message.clone().unwrap_or_default().contains("wrapped"));
    }
    app.update(Action::Next);
    assert_eq!(app.search.current, Some(0));
    assert!(
        app.message
            .clone()
            .unwrap_or_default()
            .ends_with("search wrapped to the top")
    );
    app.update(Action::Prev);
    assert!(
        app.message
            .clone()
            .unwrap_or_default()
            .ends_with("search wrapped to the bottom")
    );
}

#[test]
fn the_prompt_keeps_terminal_habits() {
    use briefing::reader::action::Edit;
    use briefing::reader::keymap::{Mode, action_for};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |code, mods| action_for(Mode::Prompt, KeyEvent::new(code, mods)).expect("bound");
    let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
    let mut app = app_on(built_in(), 160, 40);
    app.update(Action::SearchStart);
    for c in "pham minh chinh".chars() {
        app.update(Action::Input(c));
    }
    app.update(ctrl('w'));
    assert_eq!(app.search.typing.as_deref(), Some("pham minh "));
    app.update(ctrl('w'));
    assert_eq!(app.search.typing.as_deref(), Some("pham "));
    // Into the middle: Ctrl-A, →, type, and the status line shows the cursor there.
    apply(
        &mut app,
        &[
            ctrl('a'),
            key(KeyCode::Right, KeyModifiers::NONE),
            Action::Input('X'),
        ],
    );
    assert_eq!(app.search.typing.as_deref(), Some("pXham "));
    assert!(screen(&app).contains("/pX▏ham"), "{}", screen(&app));
    apply(&mut app, &[ctrl('e'), Action::Input('y')]);
    assert_eq!(app.search.typing.as_deref(), Some("pXham y"));
    apply(
        &mut app,
        &[key(KeyCode::Left, KeyModifiers::NONE), ctrl('u')],
    );
    assert_eq!(app.search.typing.as_deref(), Some("y"));
    assert_eq!(app.search.cursor, 0);
    apply(&mut app, &[Action::Prompt(Edit::End), Action::Backspace]);
    for c in "fta".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    // History: ↑ recalls, ↓ goes back to what was being typed.
    app.update(Action::SearchStart);
    app.update(Action::Input('z'));
    app.update(key(KeyCode::Up, KeyModifiers::NONE));
    assert_eq!(app.search.typing.as_deref(), Some("fta"));
    assert!(
        !app.search.matches.is_empty(),
        "the recalled query is searched"
    );
    app.update(key(KeyCode::Down, KeyModifiers::NONE));
    assert_eq!(app.search.typing.as_deref(), Some("z"));
    app.update(Action::Cancel);
    search(&mut app, "growth");
    app.update(Action::SearchStart);
    apply(
        &mut app,
        &[Action::Prompt(Edit::Older), Action::Prompt(Edit::Older)],
    );
    assert_eq!(app.search.typing.as_deref(), Some("fta"));
    app.update(Action::Prompt(Edit::Older));
    assert_eq!(
        app.search.typing.as_deref(),
        Some("fta"),
        "the oldest stays"
    );
}

/// The styles of the cells of pane `i` that hold the quote of annotation `a` there.
fn quote_cells(app: &App, i: usize, a: usize) -> Vec<ratatui::style::Style> {
    let doc = app.panes[i].doc.expect("doc");
    let anchor = app.corpus.annotations[a]
        .quotes
        .iter()
        .filter_map(|q| q.anchor.as_ref().ok())
        .find(|x| x.doc == doc)
        .expect("quoted here")
        .clone();
    let rect = briefing::reader::view::inner(
        briefing::reader::view::areas(app.size, app).panes[i].expect("pane"),
    );
    let rows = app.rows(doc, rect.width).expect("rows");
    let top = briefing::reader::layout_cache::row_of(&rows, app.panes[i].top);
    let row = briefing::reader::layout_cache::row_of(&rows, anchor.range.start);
    let y = rect.y + u16::try_from(row - top).expect("on screen");
    let text = app.corpus.documents[doc]
        .text
        .as_str()
        .get(rows[row].start..anchor.range.start)
        .expect("row text");
    let x = rect.x + u16::try_from(unicode_width::UnicodeWidthStr::width(text)).expect("x");
    let buf = buffer(app);
    (x..(x + 3).min(rect.right()))
        .map(|x| buf[(x, y)].style())
        .collect()
}

/// Whether byte `offset` of pane `i`'s document is on screen.
fn visible(app: &App, i: usize, offset: usize) -> bool {
    let rect = briefing::reader::view::inner(
        briefing::reader::view::areas(app.size, app).panes[i].expect("pane"),
    );
    let rows = app
        .rows(app.panes[i].doc.expect("doc"), rect.width)
        .expect("rows");
    let top = briefing::reader::layout_cache::row_of(&rows, app.panes[i].top);
    let row = briefing::reader::layout_cache::row_of(&rows, offset);
    row >= top && row < top + usize::from(rect.height)
}

#[test]
fn h_cycles_the_highlights_and_the_help_says_what_each_means() {
    let mut app = app_on(built_in(), 200, 60);
    let figure = select_first(&mut app, |a| {
        a.kind == briefing::engine::AnnotationKind::Figure
    });
    // A theme on the same screen, not selected.
    let doc = app.panes[0].doc.expect("doc");
    let theme = (0..app.corpus.annotations.len()).find(|&t| {
        app.corpus.annotations[t].kind == briefing::engine::AnnotationKind::Theme
            && app.corpus.annotations[t].quotes.iter().any(|q| {
                q.anchor
                    .as_ref()
                    .is_ok_and(|x| x.doc == doc && visible(&app, 0, x.range.start))
            })
    });
    let underlined = |s: &ratatui::style::Style| s.add_modifier.contains(Modifier::UNDERLINED);
    let reversed = |s: &ratatui::style::Style| s.add_modifier.contains(Modifier::REVERSED);
    assert!(
        quote_cells(&app, 0, figure).iter().all(reversed),
        "selected"
    );
    assert!(theme.is_some(), "a theme on the screen of the first figure");
    if let Some(t) = theme {
        assert!(
            quote_cells(&app, 0, t).iter().all(underlined),
            "themes underlined"
        );
        app.update(Action::CycleHighlights);
        assert_eq!(app.message.as_deref(), Some("Highlighting figures only."));
        assert!(
            !quote_cells(&app, 0, t).iter().any(underlined),
            "themes off"
        );
        assert!(
            quote_cells(&app, 0, figure).iter().all(reversed),
            "still selected"
        );
    } else {
        app.update(Action::CycleHighlights);
    }
    app.update(Action::CycleHighlights);
    assert!(
        quote_cells(&app, 0, figure).iter().all(reversed),
        "the selected one only"
    );
    app.update(Action::CycleHighlights);
    assert!(
        quote_cells(&app, 0, figure)
            .iter()
            .all(|s| s.add_modifier.is_empty()),
        "none"
    );
    app.update(Action::CycleHighlights);
    assert_eq!(
        app.message.as_deref(),
        Some("Highlighting figures and themes.")
    );
    // The help's legend.
    let mut tall = app_on(built_in(), 100, 120);
    tall.update(Action::Help);
    let shown = screen(&tall);
    assert!(shown.contains("What the highlights mean"), "{shown}");
    assert!(shown.contains("theme           a theme's quote"), "{shown}");
}

#[test]
fn themes_read_on_light_terminals_and_the_focused_pane_shows_without_colour_with_its_date() {
    let colour = Palette::color();
    assert_eq!(
        colour.theme.fg, None,
        "themes keep the terminal's own text colour"
    );
    assert!(colour.theme.add_modifier.contains(Modifier::UNDERLINED));
    let app = app_on(built_in(), 200, 50);
    let shown = screen(&app);
    let first = shown.lines().next().expect("row");
    // Mono palette: the focused pane's title is reversed, the other's not.
    let buf = buffer(&app);
    let panes = briefing::reader::view::areas(app.size, &app).panes;
    let title_cell = |i: usize| {
        let r = panes[i].expect("pane");
        buf[(r.x + 3, r.y)].modifier
    };
    assert!(title_cell(0).contains(Modifier::REVERSED), "focused");
    assert!(!title_cell(1).contains(Modifier::REVERSED), "not focused");
    let title = first;
    let date = app.corpus.documents[app.panes[0].doc.expect("doc")]
        .meta
        .as_ref()
        .and_then(|m| m.date.clone())
        .expect("a date");
    assert!(
        title.contains(&format!("· {date} ·")),
        "the date in the title: {first}"
    );
}

/// The navigator's rows on screen (inside its box).
fn nav_rows(app: &App) -> Vec<String> {
    let area = briefing::reader::view::inner(
        briefing::reader::view::areas(app.size, app)
            .nav
            .expect("navigator"),
    );
    let buf = buffer(app);
    (area.top()..area.bottom())
        .map(|y| {
            let mut row = String::new();
            let mut x = area.left();
            while x < area.right() {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1))
                    .unwrap_or(1);
            }
            row.trim_end().to_string()
        })
        .collect()
}

#[test]
fn the_navigator_grows_never_cuts_counts_and_previews_what_the_cursor_is_on() {
    let mut narrow = app_on(built_in(), 100, 40);
    let topics = narrow.corpus.topics.len();
    for row in nav_rows(&narrow).iter().take(topics) {
        assert!(row.ends_with(')'), "a cut count: {row:?}");
    }
    let wide = app_on(built_in(), 220, 40);
    let w = |app: &App| {
        briefing::reader::view::areas(app.size, app)
            .nav
            .expect("nav")
            .width
    };
    assert!(w(&wide) > w(&narrow), "{} vs {}", w(&wide), w(&narrow));
    assert!(
        nav_rows(&wide)
            .iter()
            .take(topics)
            .all(|r| !r.contains('…')),
        "{:?}",
        nav_rows(&wide)
    );
    // The whole title of a cut row stands in the detail line.
    narrow.update(Action::FocusPrev);
    assert_eq!(narrow.focus, briefing::reader::state::Focus::Topics);
    let long = (0..topics)
        .find(|&t| nav_rows(&narrow)[t].contains('…'))
        .expect("a cut title at 100 columns");
    for _ in 0..long {
        narrow.update(Action::Down);
    }
    let (rows, _, _) = detail_rows(&narrow);
    let title = narrow.corpus.topics[long].title.clone();
    assert!(rows.join(" ").contains(&title), "{rows:?}");
    // Open it and move onto its first annotation: the panes show it.
    narrow.update(Action::Open);
    narrow.update(Action::Down);
    let first = narrow
        .corpus
        .annotations_for_topic(long)
        .next()
        .expect("annotation");
    assert_eq!(narrow.selected, Some(first));
    assert_eq!(narrow.topic, Some(long));
}

#[test]
fn after_esc_the_next_topic_goes_on_from_the_last() {
    let mut app = app_on(built_in(), 160, 40);
    apply(
        &mut app,
        &[Action::NextTopic, Action::NextTopic, Action::NextTopic],
    );
    assert_eq!(app.topic, Some(2));
    apply(&mut app, &[Action::Close, Action::Close]);
    assert_eq!(app.topic, None);
    app.update(Action::NextTopic);
    assert_eq!(app.topic, Some(3));
}

#[test]
fn enter_in_the_problems_list_goes_to_the_problem() {
    let mut app = app_on(fixture("basic"), 120, 40);
    let first = app.corpus.findings[0].to_string();
    let first = first.lines().next().expect("a finding").to_string();
    apply(&mut app, &[Action::Problems, Action::Open]);
    assert_eq!(app.overlay, briefing::reader::state::Overlay::None);
    assert_eq!(
        app.message.as_deref(),
        Some(format!("{first} (fix it there: the reader reloads the brief)").as_str())
    );
    // The orphans come last: from the bottom, Enter selects the orphaned annotation.
    let (orphan, _) = app.corpus.orphans().last().expect("an orphan");
    apply(&mut app, &[Action::Problems, Action::Bottom, Action::Open]);
    assert_eq!(app.selected, Some(orphan));
}

#[test]
fn the_picker_sorts_by_id_or_by_date_and_shows_the_date() {
    let mut app = app_on(built_in(), 160, 40);
    app.update(Action::PickDocument);
    let ids_on_screen = |app: &App| -> Vec<String> {
        let shown = screen(app);
        let ids: Vec<String> = app
            .corpus
            .documents
            .iter()
            .map(|d| d.id().to_string())
            .collect();
        let from = shown
            .lines()
            .position(|l| l.contains("Show in pane"))
            .expect("the picker");
        let mut found: Vec<(usize, String)> = ids
            .iter()
            .filter_map(|id| {
                shown
                    .lines()
                    .skip(from + 1)
                    .position(|l| l.contains(&format!(" {id} ")) && l.contains("20"))
                    .map(|row| (row, id.clone()))
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, id)| id).collect()
    };
    app.update(Action::SortPicker);
    assert_eq!(app.message.as_deref(), Some("The picker sorts by id."));
    let by_id = ids_on_screen(&app);
    let mut sorted = by_id.clone();
    sorted.sort();
    assert_eq!(by_id, sorted);
    assert_eq!(by_id.len(), app.corpus.documents.len());
    app.update(Action::SortPicker);
    assert_eq!(app.message.as_deref(), Some("The picker sorts by date."));
    let by_date = ids_on_screen(&app);
    let date = |id: &String| {
        let d = app.corpus.document_by_id(id).expect("doc");
        app.corpus.documents[d]
            .meta
            .as_ref()
            .and_then(|m| m.date.clone())
            .unwrap_or_default()
    };
    let dates: Vec<String> = by_date.iter().map(date).collect();
    let mut in_order = dates.clone();
    in_order.sort();
    assert_eq!(dates, in_order, "{by_date:?}");
    // The cursor walks that order: Top, Enter shows the earliest document.
    apply(&mut app, &[Action::Top, Action::Open]);
    let first = app.corpus.document_by_id(&by_date[0]).expect("doc");
    assert_eq!(app.panes[0].doc, Some(first));
}
