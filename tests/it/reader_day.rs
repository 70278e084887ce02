//! The reader through an analyst's working day (issue 12), screen by screen in
//! TestBackend: printing a topic, resizing, panes that keep their side, the wheel, the
//! detail line, help, problems, and editing a document while it is open. Search is in
//! tests/it/reader_search.rs, highlights and the navigator in tests/it/reader_looks.rs.

use crate::common::screen::*;
use crate::common::{Corpus, brief_of};
use crate::common::{assert_contains, assert_starts};
use briefing::engine::{AnnotationId, DocId};
use briefing::reader::Msg;
use briefing::reader::state::Pane;
use briefing::reader::{Action, App};
use ratatui::style::Modifier;

#[test]
fn p_with_a_topic_prints_the_whole_topic_across_briefs_and_says_where() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = built_in();
    let fta = corpus.topic_by_id("fta").expect("topic fta");
    let expected = corpus.annotations_for_topic(fta).count();
    let mut briefs: Vec<String> = corpus
        .annotations_for_topic(fta)
        .map(|a| corpus.briefs()[corpus.annotations()[a].brief].title.clone())
        .collect();
    briefs.sort();
    briefs.dedup();
    assert!(briefs.len() > 1, "the topic spans briefs");
    let mut app = app_on(corpus, 200, 50);
    app = app.with_print_dir(dir.path().to_path_buf());
    while app.topic() != Some(fta) {
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
    let message = app.message().map(str::to_string).unwrap_or_default();
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
#[test]
fn a_resize_with_the_end_of_a_document_in_view_keeps_every_pane_full() {
    let mut app = app_on(built_in(), 100, 30);
    apply(&mut app, &[Action::Bottom]);
    let (top, height, rows) = pane_rows(&app, Pane::Left);
    assert_eq!(top + height, rows, "the end at the bottom");
    app.update(Msg::Size {
        width: 200,
        height: 60,
    });
    for i in Pane::BOTH {
        let (top, height, rows) = pane_rows(&app, i);
        assert!(
            top == 0 || top + height <= rows,
            "pane {i:?}: {} empty rows",
            top + height - rows
        );
    }
    let (top, height, rows) = pane_rows(&app, Pane::Left);
    assert_eq!(top + height, rows, "the end still at the bottom");
    assert!(screen(&app).contains("100%"), "{}", screen(&app));
}

#[test]
fn documents_keep_their_side_and_languages_their_places_however_you_arrive() {
    let corpus = built_in();
    let total = corpus.annotations().len();
    let mut app = app_on(corpus, 200, 50);
    let lang = |app: &App, i: Pane| {
        app.panes()[i]
            .doc
            .map(|d| app.corpus().documents()[d].lang().to_string())
    };
    assert_eq!(lang(&app, Pane::Left).as_deref(), Some("vi"));
    assert_eq!(lang(&app, Pane::Right).as_deref(), Some("id"));
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
        if lang(&app, Pane::Left) != lang(&app, Pane::Right) {
            assert_ne!(
                lang(&app, Pane::Left).as_deref(),
                Some("id"),
                "Indonesian moved left"
            );
            assert_ne!(
                lang(&app, Pane::Right).as_deref(),
                Some("vi"),
                "Vietnamese moved right"
            );
        }
        let selected = app.selected().expect("an annotation");
        let docs: Vec<(DocId, Option<usize>)> = app.corpus().annotations()[selected]
            .quotes
            .iter()
            .filter_map(|q| q.anchor.as_ref().ok())
            .map(|a| (a.doc, app.panes().iter().position(|p| p.doc == Some(a.doc))))
            .collect();
        let first = sides.entry(selected).or_insert_with(|| docs.clone());
        assert_eq!(*first, docs, "annotation {selected} arrived at other sides");
    }
}

#[test]
fn the_wheel_moves_three_rows_and_never_the_other_pane_backwards_at_the_end() {
    let mut app = app_on(built_in(), 200, 60);
    let pane =
        briefing::reader::view::areas(app.size(), &app).panes[Pane::Left].expect("left pane");
    let wheel = |down| Action::Wheel {
        column: pane.x + 2,
        row: pane.y + 2,
        down,
    };
    let row_of = |app: &App, i: Pane| {
        let rect = briefing::reader::view::inner(
            briefing::reader::view::areas(app.size(), app).panes[i].expect("pane"),
        );
        let rows = app
            .rows(app.panes()[i].doc.expect("doc"), rect.width)
            .expect("rows");
        briefing::reader::layout_cache::row_of(&rows, app.panes()[i].top)
    };
    app.update(wheel(true));
    assert_eq!(row_of(&app, Pane::Left), 3);
    app.update(wheel(false));
    assert_eq!(row_of(&app, Pane::Left), 0);
    apply(&mut app, &[Action::Bottom]);
    let (left, right) = (app.panes()[Pane::Left].top, row_of(&app, Pane::Right));
    for _ in 0..5 {
        app.update(wheel(true));
        assert_eq!(
            app.panes()[Pane::Left].top,
            left,
            "the left pane is at its end"
        );
        assert!(
            row_of(&app, Pane::Right) >= right,
            "the right pane went back"
        );
    }
}

/// The rows of the detail line on screen, and the buffer.
#[test]
fn a_cut_detail_line_ends_in_an_ellipsis_and_i_shows_the_whole_annotation() {
    let mut app = app_on(built_in(), 100, 40);
    let a = select_first(&mut app, |a| {
        a.quotes.len() >= 3 && a.note().as_ref().is_some_and(|n| n.len() > 200)
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
    let ann = app.corpus().annotations()[a].clone();
    for q in &ann.quotes {
        let anchor = q.anchor.as_ref().expect("placed");
        let file = &app.corpus().documents()[anchor.doc].file;
        let place = format!("{} {file}:{}:{}", q.doc_id, anchor.line(), anchor.column());
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
    assert_contains(&shown, " quote ");
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
    assert_eq!(app.overlay(), briefing::reader::state::Overlay::None);
}

#[test]
fn d_shows_the_focused_documents_sources() {
    // As wide as the card, so that no pane text stands beside it.
    let mut app = app_on(built_in(), 100, 50);
    app.update(Action::ShowDocument);
    let doc = &app.corpus().documents()[app.panes()[Pane::Left].doc.expect("doc")];
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
    assert_contains(&shown, &format!("{} · sources", doc.id()));
}

#[test]
fn help_g_stops_with_the_last_line_at_the_bottom() {
    let mut app = app_on(reader_fixture("basic"), 120, 20);
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
    let app = app_on(reader_fixture("basic"), 120, 30);
    let n = app.problem_count();
    let shown = screen(&app);
    assert_contains(
        &shown,
        &format!("e: {n} problem{} ", if n == 1 { "" } else { "s" }),
    );
    let corpus = Corpus::new()
        .with("seeds/a.txt", "Xin chào Việt Nam.\n")
        .with(
            "briefs/b.yaml",
            brief_of(
                "B",
                &[("a.txt", "a", "vi")],
                "topics:\n  - id: t\n    title: T\nthemes:\n  - topics: [t]\n    quotes:\n      - doc: a\n        text: Việt Nan\n",
            ),
        )
        .load();
    let app = app_on(corpus, 120, 30);
    assert_eq!(app.problem_count(), 1);
    assert!(screen(&app).contains(" e: 1 problem "), "{}", screen(&app));
}

#[test]
fn editing_a_document_while_it_is_open_keeps_the_place_by_its_text() {
    let seed: String = (1..120)
        .map(|n| format!("Đoạn văn thứ {n} nói về kinh tế.\n\n"))
        .collect();
    let corpus = Corpus::new().with("seeds/a.txt", &seed).with(
        "briefs/b.yaml",
        brief_of(
            "B",
            &[("a.txt", "a", "vi")],
            "topics:\n  - id: t\n    title: T\n",
        ),
    );
    let source = corpus.source();
    let mut app = app_on(corpus.load(), 120, 30);
    let mut reloader = briefing::reader::reload::Reloader::new(source);
    for _ in 0..40 {
        app.update(Action::Down);
    }
    let top_line = |app: &App| {
        let text = app
            .corpus()
            .text(app.panes()[Pane::Left].doc.expect("doc"))
            .expect("a text");
        text.line(text.line_index(app.panes()[Pane::Left].top))
            .to_string()
    };
    let before = top_line(&app);
    assert_starts(&before, "Đoạn văn thứ 2");
    let edited = format!("Tiêu đề thêm vào.\n\nMột đoạn mở đầu mới.\n\n{seed}");
    corpus.write("seeds/a.txt", edited);
    app.update(reloader.reload());
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
    assert_eq!(app.panes(), once.panes());
    assert_eq!(pane_rows(&app, Pane::Left).0, 12);
    apply(&mut app, &[Action::Digit('3'), Action::Next]);
    apply(&mut once, &[Action::Next, Action::Next, Action::Next]);
    assert_eq!(app.selected(), once.selected());
    // A count is spent by the key it precedes, and 0 alone is no count.
    apply(&mut app, &[Action::Digit('0'), Action::Down]);
    once.update(Action::Down);
    assert_eq!(app.panes(), once.panes());
}

#[test]
fn n_with_no_topic_goes_to_the_next_annotation_after_the_reading_line() {
    let mut app = app_on(built_in(), 200, 50);
    for _ in 0..40 {
        app.update(Action::Down);
    }
    let doc = app.panes()[Pane::Left].doc.expect("doc");
    let top = app.panes()[Pane::Left].top;
    app.update(Action::Next);
    let a = app.selected().expect("selected");
    let corpus = app.corpus().clone();
    let start = |a: AnnotationId| {
        corpus.annotations()[a]
            .quotes
            .iter()
            .filter_map(|q| q.anchor.as_ref().ok())
            .find(|x| x.doc == doc)
            .map(|x| x.start())
    };
    let here = start(a).expect("in the focused document");
    assert!(here >= top, "after the reading line");
    let earliest = corpus
        .annotations()
        .ids()
        .filter_map(start)
        .filter(|&s| s >= top)
        .min()
        .expect("one after");
    assert_eq!(here, earliest, "the first after it");
    // Then on through the document, in the order of its text.
    app.update(Action::Next);
    let next = start(app.selected().expect("selected")).expect("in the document");
    assert!(next >= here);
}
