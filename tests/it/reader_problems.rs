//! The problems list's cursor (`e`): j/k move it from problem to problem, its lines in
//! the cursor's style; Enter goes to the problem's place (the annotation at a finding's
//! line in its brief, the nearest text of an orphaned quote in its document), `E` opens
//! the brief at the finding's line. On tests/fixtures/reader/basic: two findings (a
//! broken brief, a quote not found in econ.yaml) and that quote as an orphan.

use briefing::engine::{Corpus, CorpusParts, CorpusSource, Finding};
use briefing::reader::palette::Palette;
use briefing::reader::state::{Overlay, Pane};
use briefing::reader::{Action, App};

use crate::common::screen::{app_on, app_with, apply, buffer, find, reader_fixture, screen};
use crate::common::styled::styled;
use crate::common::{Corpus as TempCorpus, assert_contains, assert_ends, assert_starts, brief_of};

/// The basic fixture from its folder (so `E` has files to open), 120 x 30, in colour.
fn basic() -> App {
    let dir = std::path::PathBuf::from("tests/fixtures/reader/basic");
    let app = App::new(reader_fixture("basic")).with_source(CorpusSource::Dir(dir));
    let mut app = app.with_palette(Palette::color());
    app.update(briefing::reader::Msg::Size {
        width: 120,
        height: 30,
    });
    app
}

/// The line under the cursor: the problems list's cursor line, as drawn.
fn cursor_line(app: &App) -> usize {
    match app.overlay() {
        Overlay::Problems { cursor, .. } => cursor,
        other => panic!("the problems list is not open: {other:?}"),
    }
}

/// Whether the cell where `text` starts on screen is drawn in the cursor's style.
fn under_cursor(app: &App, text: &str) -> bool {
    let screen = buffer(app);
    let (x, y) = find(&screen, text).unwrap_or_else(|| panic!("{text:?} not on screen"));
    let cursor = app.palette().cursor.add_modifier;
    screen[(x, y)].style().add_modifier.contains(cursor)
}

/// The first lines of the three problems.
const BROKEN: &str = "tests/fixtures/reader/basic/briefs/broken.yaml:6:5";
const NOT_FOUND: &str = "tests/fixtures/reader/basic/briefs/econ.yaml:54:15";
const ORPHAN: &str = "tests/fixtures/reader/basic/briefs/econ.yaml: 12 % Export";

#[test]
fn j_and_k_move_the_cursor_from_problem_to_problem_and_stop_at_either_end() {
    let mut app = basic();
    app.update(Action::Problems);
    assert!(under_cursor(&app, BROKEN));
    let first = cursor_line(&app);
    app.update(Action::Up);
    assert_eq!(cursor_line(&app), first, "nothing above the first problem");
    app.update(Action::Down);
    assert!(under_cursor(&app, NOT_FOUND));
    assert!(!under_cursor(&app, BROKEN));
    // The finding's note is part of it; the cursor is on it whole.
    assert!(under_cursor(&app, "nearest text: \"xuất khẩu, tiêu\""));
    insta::assert_snapshot!("problems_cursor", styled(&buffer(&app), app.palette()));
    apply(&mut app, &[Action::Down, Action::Down]);
    assert!(under_cursor(&app, ORPHAN));
    let last = cursor_line(&app);
    app.update(Action::Down);
    assert_eq!(cursor_line(&app), last, "nothing below the last problem");
    apply(&mut app, &[Action::Top]);
    assert_eq!(cursor_line(&app), first);
    assert_contains(
        &screen(&app),
        "j/k choose · Enter go there · E edit the brief there · Esc close",
    );
}

#[test]
fn enter_on_a_quote_not_found_selects_the_annotation_of_that_line_of_its_brief() {
    let mut app = basic();
    apply(&mut app, &[Action::Problems, Action::Down, Action::Open]);
    assert_eq!(app.overlay(), Overlay::None);
    let a = app.selected().expect("an annotation selected");
    assert_eq!(app.corpus().annotations()[a].headline(), "Export growth");
    let message = app.message().expect("a message");
    assert_starts(
        message,
        "tests/fixtures/reader/basic/briefs/econ.yaml:54:15: error",
    );
    assert_contains(message, " · i shows the annotation, E edits it there");
}

#[test]
fn enter_on_an_orphaned_quote_shows_the_nearest_text_in_its_document() {
    let mut app = basic();
    apply(&mut app, &[Action::Problems, Action::Bottom, Action::Open]);
    let a = app.selected().expect("the orphan selected");
    assert_eq!(app.corpus().annotations()[a].headline(), "Export growth");
    assert_eq!(
        app.message(),
        Some(
            "vi-gov line 23: the nearest text to the quote \u{201c}xuất khẩu tăng 12%\u{201d} · i shows why it has no place"
        )
    );
    let vi_gov = app.corpus().document_by_id("vi-gov").expect("vi-gov");
    let pane = Pane::BOTH
        .into_iter()
        .find(|&p| app.panes()[p].doc == Some(vi_gov))
        .expect("vi-gov in a pane");
    let text = app.corpus().text(vi_gov).expect("a text");
    let (top, _) = text.line_col(app.panes()[pane].top);
    assert!(top <= 23, "line 23 on screen, the pane from line {top}");
    assert_contains(&screen(&app), "xuất khẩu, tiêu");
}

#[test]
fn e_opens_the_brief_at_the_line_of_the_finding_under_the_cursor() {
    let mut app = basic();
    apply(
        &mut app,
        &[Action::Problems, Action::Down, Action::EditBrief],
    );
    let request = app.edit_request().expect("an edit asked for");
    assert_eq!(
        request.path,
        std::path::Path::new("tests/fixtures/reader/basic/briefs/econ.yaml")
    );
    assert_eq!(request.line, 54);
    assert_eq!(app.overlay(), Overlay::None);
}

#[test]
fn e_on_the_built_in_corpus_says_there_is_no_file_to_edit() {
    let mut app = app_on(reader_fixture("basic"), 120, 30);
    apply(
        &mut app,
        &[Action::Problems, Action::Down, Action::EditBrief],
    );
    assert_eq!(app.edit_request(), None);
    assert_eq!(
        app.message(),
        Some("The built-in corpus has no files to edit: open a folder with --corpus DIR.")
    );
}

#[test]
fn with_no_problem_the_keys_do_nothing_and_enter_says_so() {
    let (corpus, _) = TempCorpus::econ();
    let mut app = app_on(corpus.load(), 120, 30);
    assert_eq!(app.problem_count(), 0);
    apply(
        &mut app,
        &[Action::Problems, Action::Down, Action::Up, Action::Bottom],
    );
    assert_contains(&screen(&app), "Findings (0)");
    app.update(Action::Open);
    assert_eq!(app.message(), Some("No problem here."));
}

#[test]
fn enter_on_a_finding_whose_brief_is_gone_says_its_place() {
    let corpus = TempCorpus::copy_of("reader/basic");
    let mut app = app_on(corpus.load(), 120, 30);
    std::fs::remove_file(corpus.file("briefs/econ.yaml")).expect("remove the brief");
    apply(&mut app, &[Action::Problems, Action::Down, Action::Open]);
    assert_eq!(app.selected(), None);
    let message = app.message().expect("a message");
    assert_contains(
        message,
        "briefs/econ.yaml:54:15: error: quote not found in vi-gov",
    );
    assert_ends(message, " (fix it there: the reader reloads the brief)");
}

/// A corpus whose one brief quotes `doc` with `quote`, from vi-gov's seed.
fn orphan_of(doc: &str, quote: &str) -> App {
    let seed = std::fs::read(crate::common::fixture("reader/basic/seeds/vi-gov.txt"));
    let rest = format!(
        "topics:\n  - id: t\n    title: T\nthemes:\n  - topics: [t]\n    note: A theme\n    quotes:\n      - doc: {doc}\n        text: \"{quote}\"\n"
    );
    let corpus = TempCorpus::new()
        .write_seed("vi-gov.txt", &seed.expect("the seed"))
        .write_brief(
            "b.yaml",
            &brief_of("B", &[("vi-gov.txt", "vi-gov", "vi")], &rest),
        );
    let mut app = app_on(corpus.load(), 120, 30);
    apply(&mut app, &[Action::Problems, Action::Bottom, Action::Open]);
    app
}

#[test]
fn an_orphan_of_an_unknown_document_or_with_no_text_near_says_why() {
    let app = orphan_of("nowhere", "tăng trưởng");
    assert_eq!(
        app.message(),
        Some("no document nowhere in the corpus: i shows the annotation, E its brief")
    );
    assert!(app.selected().is_some());
    let app = orphan_of("vi-gov", "qqqqqqqqqqqqqqqqqqqqqqqq");
    assert_eq!(
        app.message(),
        Some("no text in vi-gov near the quote: i shows the annotation, E its brief")
    );
}

#[test]
fn the_cursor_stays_on_screen_past_the_bottom_and_back_above_the_top() {
    let findings: Vec<Finding> = (1..=60)
        .map(|i| Finding::error("briefs/b.yaml", format!("finding number {i}")).at(Some((i, 1))))
        .collect();
    let corpus = Corpus::new(CorpusParts {
        findings,
        ..CorpusParts::default()
    });
    let mut app = app_with(corpus, Palette::color(), 100, 30);
    app.update(Action::Problems);
    // Just enough scrolling: the cursor on the last row of the list, then on its first.
    for (key, times, finding, row) in [(Action::Down, 40, 41, 26), (Action::Up, 30, 11, 2)] {
        for _ in 0..times {
            app.update(key);
        }
        let text = format!("briefs/b.yaml:{finding}:1: error: finding number {finding}");
        assert!(under_cursor(&app, &text));
        let (_, y) = find(&buffer(&app), &text).expect("on screen");
        assert_eq!(y, row, "{text}");
    }
}

#[cfg(unix)]
#[test]
fn real_keys_g_enter_goes_to_the_nearest_text_and_j_e_opens_the_editor_there() {
    use crate::common::pty_session::Session;
    use std::os::unix::fs::PermissionsExt;
    let corpus = TempCorpus::copy_of("reader/basic");
    let work = tempfile::tempdir().expect("work dir");
    let (args, script) = (work.path().join("args"), work.path().join("ed.sh"));
    let record = format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", args.display());
    std::fs::write(&script, record).expect("the editor");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let env = [
        ("TERM", "xterm-256color"),
        ("EDITOR", script.to_str().expect("utf-8 path")),
        ("VISUAL", ""),
    ];
    let mut s = Session::start_with(&["--corpus".into(), corpus.root().into()], &env, 120, 30);
    s.wait_for_text("vi-gov · vi");
    s.send("eG\r");
    s.wait_for_text("vi-gov line 23: the nearest text to the quote");
    s.send("ej");
    s.wait_for_text("j/k choose · Enter go there");
    s.send("E");
    let given = || std::fs::read_to_string(&args).unwrap_or_default();
    s.wait_for("the editor to have run", |_| given().ends_with(".yaml\n"));
    let brief = corpus.file("briefs/econ.yaml");
    assert_eq!(given(), format!("+54\n{}\n", brief.display()));
    s.quit();
}

#[test]
fn page_down_in_the_list_moves_half_the_list_not_half_the_pane_behind_it() {
    // A tall, narrow screen stacks the panes: each is far shorter than the list.
    let findings = (1..=200)
        .map(|i| Finding::error("briefs/b.yaml", format!("finding {i}")).at(Some((i, 1))))
        .collect();
    let mut app = app_with(
        Corpus::new(CorpusParts {
            findings,
            ..CorpusParts::default()
        }),
        Palette::color(),
        80,
        44,
    );
    app.update(Action::Problems);
    let first = cursor_line(&app);
    app.update(Action::PageDown);
    // The list's inner height, from its borders on screen.
    let rows: Vec<String> = screen(&app).lines().map(str::to_string).collect();
    let top = rows
        .iter()
        .position(|r| r.contains("┌ Problems"))
        .expect("the list's top border");
    let bottom = rows
        .iter()
        .rposition(|r| r.trim_start().starts_with('└'))
        .expect("the list's bottom border");
    let inner = bottom - top - 1;
    assert!(
        inner > 30,
        "the list is taller than a stacked pane: {inner}"
    );
    assert_eq!(cursor_line(&app) - first, inner / 2, "{}", rows.join("\n"));
    app.update(Action::PageUp);
    assert_eq!(cursor_line(&app), first);
}
