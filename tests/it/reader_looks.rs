//! How the reader looks through an analyst's day (issue 12) in TestBackend, styles
//! asserted: highlight cycling, colours on light terminals and without colour, the
//! navigator, the problems list's Enter and the picker's order.

use crate::common::assert_contains;
use crate::common::screen::*;
use briefing::engine::{AnnotationId, TopicId};
use briefing::reader::palette::Palette;
use briefing::reader::state::Pane;
use briefing::reader::{Action, App};
use ratatui::style::Modifier;

/// The styles of the cells of pane `i` that hold the quote of annotation `a` there.
fn quote_cells(app: &App, i: Pane, a: AnnotationId) -> Vec<ratatui::style::Style> {
    let doc = app.panes()[i].doc.expect("doc");
    let anchor = app.corpus().annotations()[a]
        .quotes
        .iter()
        .filter_map(|q| q.anchor.as_ref().ok())
        .find(|x| x.doc == doc)
        .expect("quoted here")
        .clone();
    let (rect, rows, top) = pane_layout(app, i);
    let row = briefing::reader::layout_cache::row_of(&rows, anchor.start());
    let y = rect.y + u16::try_from(row - top).expect("on screen");
    let held = app.corpus().text(doc).expect("a text");
    let text = held
        .as_str()
        .get(rows[row].start..anchor.start())
        .expect("row text");
    let x = rect.x + u16::try_from(unicode_width::UnicodeWidthStr::width(text)).expect("x");
    let buf = buffer(app);
    (x..(x + 3).min(rect.right()))
        .map(|x| buf[(x, y)].style())
        .collect()
}

/// Whether byte `offset` of pane `i`'s document is on screen.
fn visible(app: &App, i: Pane, offset: usize) -> bool {
    let (rect, rows, top) = pane_layout(app, i);
    let row = briefing::reader::layout_cache::row_of(&rows, offset);
    row >= top && row < top + usize::from(rect.height)
}

#[test]
fn h_cycles_the_highlights_and_the_help_says_what_each_means() {
    let mut app = app_on(built_in(), 200, 60);
    let figure = select_first(&mut app, |a| {
        a.kind() == briefing::engine::AnnotationKind::Figure
    });
    // A theme on the same screen, not selected.
    let doc = app.panes()[Pane::Left].doc.expect("doc");
    let theme = app.corpus().annotations().ids().find(|&t| {
        app.corpus().annotations()[t].kind() == briefing::engine::AnnotationKind::Theme
            && app.corpus().annotations()[t].quotes.iter().any(|q| {
                q.anchor
                    .as_ref()
                    .is_ok_and(|x| x.doc == doc && visible(&app, Pane::Left, x.start()))
            })
    });
    let underlined = |s: &ratatui::style::Style| s.add_modifier.contains(Modifier::UNDERLINED);
    let reversed = |s: &ratatui::style::Style| s.add_modifier.contains(Modifier::REVERSED);
    assert!(
        quote_cells(&app, Pane::Left, figure).iter().all(reversed),
        "selected"
    );
    assert!(theme.is_some(), "a theme on the screen of the first figure");
    if let Some(t) = theme {
        assert!(
            quote_cells(&app, Pane::Left, t).iter().all(underlined),
            "themes underlined"
        );
        app.update(Action::CycleHighlights);
        assert_eq!(app.message(), Some("Highlighting figures only."));
        assert!(
            !quote_cells(&app, Pane::Left, t).iter().any(underlined),
            "themes off"
        );
        assert!(
            quote_cells(&app, Pane::Left, figure).iter().all(reversed),
            "still selected"
        );
    } else {
        app.update(Action::CycleHighlights);
    }
    app.update(Action::CycleHighlights);
    assert!(
        quote_cells(&app, Pane::Left, figure).iter().all(reversed),
        "the selected one only"
    );
    app.update(Action::CycleHighlights);
    assert!(
        quote_cells(&app, Pane::Left, figure)
            .iter()
            .all(|s| s.add_modifier.is_empty()),
        "none"
    );
    app.update(Action::CycleHighlights);
    assert_eq!(app.message(), Some("Highlighting figures and themes."));
    // The help's legend.
    let mut tall = app_on(built_in(), 100, 120);
    tall.update(Action::Help);
    let shown = screen(&tall);
    assert_contains(&shown, "What the highlights mean");
    assert_contains(&shown, "theme           a theme's quote");
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
    let panes = briefing::reader::view::areas(app.size(), &app).panes;
    let title_cell = |i: Pane| {
        let r = panes[i].expect("pane");
        buf[(r.x + 3, r.y)].modifier
    };
    assert!(
        title_cell(Pane::Left).contains(Modifier::REVERSED),
        "focused"
    );
    assert!(
        !title_cell(Pane::Right).contains(Modifier::REVERSED),
        "not focused"
    );
    let title = first;
    let date = app.corpus().documents()[app.panes()[Pane::Left].doc.expect("doc")]
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
        briefing::reader::view::areas(app.size(), app)
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
    let topics = narrow.corpus().topics().len();
    for row in nav_rows(&narrow).iter().take(topics) {
        assert!(row.ends_with(')'), "a cut count: {row:?}");
    }
    let wide = app_on(built_in(), 220, 40);
    let w = |app: &App| {
        briefing::reader::view::areas(app.size(), app)
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
    assert_eq!(narrow.focus(), briefing::reader::state::Focus::Topics);
    let long = (0..topics)
        .find(|&t| nav_rows(&narrow)[t].contains('…'))
        .expect("a cut title at 100 columns");
    for _ in 0..long {
        narrow.update(Action::Down);
    }
    let (rows, _, _) = detail_rows(&narrow);
    let title = narrow.corpus().topics()[TopicId::new(long)].title.clone();
    assert!(rows.join(" ").contains(&title), "{rows:?}");
    // Open it and move onto its first annotation: the panes show it.
    narrow.update(Action::Open);
    narrow.update(Action::Down);
    let first = narrow
        .corpus()
        .annotations_for_topic(TopicId::new(long))
        .next()
        .expect("annotation");
    assert_eq!(narrow.selected(), Some(first));
    assert_eq!(narrow.topic(), Some(TopicId::new(long)));
}

#[test]
fn after_esc_the_next_topic_goes_on_from_the_last() {
    let mut app = app_on(built_in(), 160, 40);
    apply(
        &mut app,
        &[Action::NextTopic, Action::NextTopic, Action::NextTopic],
    );
    assert_eq!(app.topic(), Some(TopicId::new(2)));
    apply(&mut app, &[Action::Close, Action::Close]);
    assert_eq!(app.topic(), None);
    app.update(Action::NextTopic);
    assert_eq!(app.topic(), Some(TopicId::new(3)));
}

#[test]
fn enter_in_the_problems_list_goes_to_the_problem() {
    let mut app = app_on(reader_fixture("basic"), 120, 40);
    let first = app.corpus().findings()[0].to_string();
    let first = first.lines().next().expect("a finding").to_string();
    apply(&mut app, &[Action::Problems, Action::Open]);
    assert_eq!(app.overlay(), briefing::reader::state::Overlay::None);
    assert_eq!(
        app.message(),
        Some(format!("{first} (fix it there: the reader reloads the brief)").as_str())
    );
    // The orphans come last: from the bottom, Enter selects the orphaned annotation.
    let (orphan, _) = app.corpus().orphans().last().expect("an orphan");
    apply(&mut app, &[Action::Problems, Action::Bottom, Action::Open]);
    assert_eq!(app.selected(), Some(orphan));
}

#[test]
fn the_picker_sorts_by_id_or_by_date_and_shows_the_date() {
    let mut app = app_on(built_in(), 160, 40);
    app.update(Action::PickDocument);
    let ids_on_screen = |app: &App| -> Vec<String> {
        let shown = screen(app);
        let ids: Vec<String> = app
            .corpus()
            .documents()
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
    assert_eq!(app.message(), Some("The picker sorts by id."));
    let by_id = ids_on_screen(&app);
    let mut sorted = by_id.clone();
    sorted.sort();
    assert_eq!(by_id, sorted);
    assert_eq!(by_id.len(), app.corpus().documents().len());
    app.update(Action::SortPicker);
    assert_eq!(app.message(), Some("The picker sorts by date."));
    let by_date = ids_on_screen(&app);
    let date = |id: &String| {
        let d = app.corpus().document_by_id(id).expect("doc");
        app.corpus().documents()[d]
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
    let first = app.corpus().document_by_id(&by_date[0]).expect("doc");
    assert_eq!(app.panes()[Pane::Left].doc, Some(first));
}
