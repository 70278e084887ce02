//! Whole screens of the reader rendered into ratatui's TestBackend and compared with
//! snapshots (accept changes with `INSTA_UPDATE=always cargo test --test it reader_view`).

use crate::common::assert_contains;
use briefing::engine::{Corpus, CorpusSource, load};
use briefing::reader::Msg;
use briefing::reader::state::Pane;
use briefing::reader::state::{Focus, Overlay};
use briefing::reader::{Action, App};

use crate::common::Corpus as TempCorpus;
use crate::common::screen::{app_on, apply, buffer, reader_fixture as fixture, screen, search};
use unicode_normalization::UnicodeNormalization;

fn app(width: u16, height: u16) -> App {
    app_on(fixture("basic"), width, height)
}

/// The text of pane `i`, rows joined and white space collapsed, so wrapped quotes read whole.
fn pane_text(app: &App, i: Pane) -> String {
    let Some(area) = briefing::reader::view::areas(app.size(), app).panes[i] else {
        return String::new();
    };
    let area = briefing::reader::view::inner(area);
    let buffer = buffer(app);
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push(' ');
    }
    let nfc: String = out.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn wide_screen_shows_navigator_and_two_panes_side_by_side() {
    let app = app(120, 30);
    insta::assert_snapshot!("wide_start", screen(&app));
}

#[test]
fn topic_opens_into_its_figures_and_themes() {
    let mut app = app(120, 30);
    apply(&mut app, &[Action::NextTopic]);
    let s = screen(&app);
    assert_contains(&s, "▾ Growth (4)");
    assert_contains(&s, "GDP growth target for 2025: 8.3–8.5 %");
    assert_contains(&s, "1/4 in");
    insta::assert_snapshot!("topic_growth", s);
}

#[test]
fn choosing_an_annotation_quoted_off_screen_switches_the_partner_pane() {
    let mut app = app(120, 30);
    // Foreign policy's second theme is quoted in vi-vgp, which no pane shows at first.
    apply(&mut app, &[Action::PrevTopic, Action::Next]);
    assert_eq!(
        app.selected()
            .map(|a| app.corpus().annotations()[a].quotes[0].doc_id.clone()),
        Some("vi-vgp".into())
    );
    let s = screen(&app);
    assert_contains(&s, "vi-vgp · vi");
    assert_contains(&s, "vi-gov · vi");
    for i in Pane::BOTH {
        assert!(
            pane_text(&app, i).contains("nhìn xa trông rộng, nghĩ sâu làm lớn"),
            "pane {i:?}\n{s}"
        );
    }
}

#[test]
fn search_highlights_and_walks_matches_across_documents() {
    let mut app = app(120, 30);
    search(&mut app, "pham minh chinh");
    assert!(app.search().matches().len() >= 3);
    let s = screen(&app);
    assert!(
        pane_text(&app, Pane::Left).contains("Phạm Minh Chính"),
        "{s}"
    );
    assert_contains(&s, "matches");
    let first = app.search().current();
    app.update(Action::Next);
    assert_ne!(app.search().current(), first);
    app.update(Action::Close);
    assert!(!app.search().is_active());
}

#[test]
fn help_lists_every_key_of_the_table() {
    let mut app = app(100, 80);
    app.update(Action::Help);
    let s = screen(&app);
    for b in briefing::reader::keymap::KEYS {
        assert!(s.contains(b.help()), "help lacks {:?}\n{s}", b.help());
    }
    insta::assert_snapshot!("help", s);
    app.update(Action::Close);
    assert_eq!(app.overlay(), Overlay::None);
}

#[test]
fn problems_list_failed_briefs_and_orphans() {
    let mut app = app(120, 30);
    app.update(Action::Problems);
    let s = screen(&app);
    assert_contains(&s, "broken.yaml");
    assert_contains(&s, "Export growth");
    assert_contains(&s, "quote not found");
    insta::assert_snapshot!("problems", s);
}

#[test]
fn narrow_screen_shows_one_pane_and_w_switches() {
    let mut app = app(80, 24);
    let s = screen(&app);
    assert_contains(&s, "vi-gov · vi");
    assert!(!s.contains("id-vna · id"), "{s}");
    insta::assert_snapshot!("narrow", s);
    app.update(Action::SwitchPane);
    let s = screen(&app);
    assert_contains(&s, "id-vna · id");
    assert_eq!(app.focus(), Focus::Pane(Pane::Right));
}

#[test]
fn tall_narrow_screen_stacks_the_panes() {
    let app = app(80, 44);
    let s = screen(&app);
    assert!(
        s.contains("vi-gov · vi") && s.contains("id-vna · id"),
        "{s}"
    );
}

#[test]
fn tabs_wide_and_decomposed_text_keep_the_border_straight() {
    let mut app = app(60, 12);
    let odd = app.corpus().document_by_id("odd").expect("odd document");
    apply(&mut app, &[Action::PickDocument, Action::Top]);
    for _ in 0..odd.index() {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    let s = screen(&app);
    insta::assert_snapshot!("odd_text", s);
    // Every row of the pane ends in its right border at the same column.
    let buffer = buffer(&app);
    for y in 1..9 {
        assert_eq!(buffer[(59, y)].symbol(), "│", "row {y}\n{s}");
    }
    assert_contains(&s, "Phạm Minh Chính");
    assert!(s.contains("Bảng    số liệu"), "tab expanded\n{s}");
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    for (w, h) in [(20, 5), (1, 1), (0, 0), (5, 2), (30, 3), (100, 4)] {
        let mut app = app(w, h);
        apply(
            &mut app,
            &[
                Action::NextTopic,
                Action::Next,
                Action::PageDown,
                Action::Help,
            ],
        );
        let _ = screen(&app);
        apply(
            &mut app,
            &[
                Action::Close,
                Action::FocusNext,
                Action::Bottom,
                Action::PickDocument,
            ],
        );
        let _ = screen(&app);
    }
    let app = app(20, 5);
    insta::assert_snapshot!("tiny", screen(&app));
}

#[test]
fn scrolling_keeps_the_place_across_a_resize_and_moves_the_partner() {
    let mut app = app(120, 30);
    apply(&mut app, &[Action::PageDown, Action::PageDown]);
    let top = app.panes()[Pane::Left].top;
    assert!(top > 0);
    assert!(app.panes()[Pane::Right].top > 0, "sync moved the partner");
    app.update(Msg::Size {
        width: 90,
        height: 30,
    });
    let _ = screen(&app);
    app.update(Msg::Size {
        width: 120,
        height: 30,
    });
    assert_eq!(app.panes()[Pane::Left].top, top);
    app.update(Action::ToggleSync);
    let other = app.panes()[Pane::Right].top;
    app.update(Action::Down);
    assert_eq!(app.panes()[Pane::Right].top, other);
}

#[test]
fn marks_return_to_a_place() {
    let mut app = app(120, 30);
    apply(
        &mut app,
        &[Action::PageDown, Action::MarkPrefix, Action::SetMark('a')],
    );
    let place = app.panes();
    apply(
        &mut app,
        &[Action::Bottom, Action::JumpPrefix, Action::JumpMark('a')],
    );
    assert_eq!(app.panes(), place);
}

#[test]
fn layout_is_cached_per_document_and_width() {
    let mut app = app(120, 30);
    let _ = screen(&app);
    // The first frame lays out the two documents on screen, once each.
    let n = app.cached_layouts();
    assert_eq!(n, 2, "the first frame caches the layouts of both panes");
    for _ in 0..5 {
        app.update(Action::Down);
        let _ = screen(&app);
    }
    assert_eq!(app.cached_layouts(), n);
    // Another width is another layout of each.
    app.update(Msg::Size {
        width: 100,
        height: 30,
    });
    let _ = screen(&app);
    assert_eq!(app.cached_layouts(), 2 * n);
}

#[test]
fn p_prints_the_brief_or_the_chosen_topic_to_a_file_named_in_the_status_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(120, 30);
    app = app.with_print_dir(dir.path().to_path_buf());
    app.update(Action::Print);
    let path = dir.path().join("briefing-econ.txt");
    let text = std::fs::read_to_string(&path).expect("printed brief");
    assert_contains(&text, "Economic diplomacy conference");
    assert!(screen(&app).contains("Wrote "), "status names the file");
    apply(&mut app, &[Action::NextTopic, Action::Print]);
    let topic = std::fs::read_to_string(dir.path().join("briefing-topic-growth.txt"))
        .expect("printed topic");
    assert_contains(&topic, "GDP growth target");
    assert!(!topic.contains("Signed FTAs"), "{topic}");
}

#[test]
fn the_built_in_corpus_opens_on_a_parallel_pair() {
    let app = App::new(load(&CorpusSource::BuiltIn).expect("built-in corpus"));
    let ids: Vec<&str> = app
        .panes()
        .iter()
        .map(|p| p.doc.map_or("-", |d| app.corpus().documents()[d].id()))
        .collect();
    let pair = app
        .corpus()
        .partner(app.panes()[Pane::Left].doc.expect("a document"));
    assert_eq!(pair, app.panes()[Pane::Right].doc, "{ids:?}");
    let langs: Vec<&str> = app
        .panes()
        .iter()
        .filter_map(|p| p.doc.map(|d| app.corpus().documents()[d].lang()))
        .collect();
    assert_ne!(langs[0], langs[1], "two languages side by side: {ids:?}");
}

#[test]
fn typing_a_search_moves_to_the_first_match_and_esc_goes_back() {
    let mut app = App::new(load(&CorpusSource::BuiltIn).expect("built-in corpus"));
    app.update(Msg::Size {
        width: 120,
        height: 30,
    });
    let before = app.panes();
    app.update(Action::SearchStart);
    for c in "to lam".chars() {
        app.update(Action::Input(c));
    }
    assert!(!app.search().matches().is_empty());
    let moved = app.panes();
    assert_ne!(moved, before, "typing moved to the match");
    assert!(screen(&app).contains("Tô Lâm"), "{}", screen(&app));
    app.update(Action::Cancel);
    assert_eq!(app.panes(), before, "Esc went back");
    // Typing again and Enter keeps the place of the first match.
    app.update(Action::SearchStart);
    for c in "to lam".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    assert_eq!(app.panes(), moved);
    assert!(app.search().is_active());
}

/// A corpus in a temporary folder: `docs` as (file, id, text), in one brief.
fn corpus_of(docs: &[(&str, &str, &str)]) -> (TempCorpus, Corpus) {
    let mut brief = String::from("title: t\ndocuments:\n");
    let mut dir = TempCorpus::new();
    for (file, id, text) in docs {
        dir = dir.with(&format!("seeds/{file}"), text);
        brief.push_str(&format!(
            "  - id: \"{id}\"\n    file: {file}\n    lang: vi\n    title: Title of {file}\n"
        ));
    }
    let dir = dir.with("briefs/b.yaml", brief);
    let corpus = dir.load();
    (dir, corpus)
}

#[test]
fn the_picker_keeps_its_columns_with_long_and_wide_ids() {
    let long = "an-id-far-too-long-for-any-column-of-a-picker-at-all";
    let (_dir, corpus) = corpus_of(&[
        ("a.txt", long, "a\n"),
        ("b.txt", "越南经济", "b\n"),
        ("c.txt", "vi", "c\n"),
    ]);
    let mut app = app_on(corpus, 100, 20);
    apply(&mut app, &[Action::PickDocument]);
    let text = screen(&app);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(" vi    Title of"))
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    // Every title starts in the same column, whatever the id before it.
    let columns: Vec<usize> = rows
        .iter()
        .map(|r| {
            let at = r.find("Title of").unwrap_or(0);
            briefing::engine::text::width::display_width(r.get(..at).unwrap_or(""))
        })
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{text}");
    assert_contains(&text, "an-id-far-too-long-for-an… vi");
}

#[test]
fn no_cell_holds_a_bidi_or_control_character() {
    let (_dir, corpus) = corpus_of(&[(
        "a.txt",
        "x\u{202e}y",
        "Pham \u{202e}evil\u{2066} tail \u{1b}]0;t\u{7} \u{9b}2J soft\u{ad}hyphen\n",
    )]);
    let app = app_on(corpus, 120, 20);
    for cell in &buffer(&app).content {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{ad}')),
            "raw {:?} in a cell",
            cell.symbol()
        );
    }
    let text = screen(&app);
    assert_contains(
        &text,
        "Pham \u{fffd}evil\u{fffd} tail \u{fffd}]0;t\u{fffd} \u{fffd}2J soft-hyphen",
    );
}

#[test]
fn the_status_line_measures_wide_characters_by_their_columns() {
    let (_dir, corpus) = corpus_of(&[("a.txt", "zh", "越南经济外交 越南\n")]);
    let mut app = app_on(corpus, 120, 20);
    search(&mut app, "越南经济");
    let text = screen(&app);
    let status = text.lines().last().unwrap_or_default();
    assert!(
        status.ends_with("/越南经济 1/1 matches  sync  line 1/1 100%"),
        "{text}"
    );
}
