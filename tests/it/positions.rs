//! Where things land, written as diagrams (common/marked.rs): the good corpus's quotes in
//! their document once loaded, search hits across diacritics, case, white space and
//! decimal marks, the rows a line wraps into, and the reader's matches.

use crate::common::assert_ends;
use briefing::engine::Corpus as Loaded;
use briefing::engine::search::Searcher;
use briefing::engine::text::wrap::wrap_line;

use crate::common::Corpus;
use crate::common::marked::{mark, marked};
#[cfg(feature = "reader")]
use crate::common::screen::{app_on, search};

/// Document `id` of `corpus` with the places its quotes land on marked.
fn anchors_in(corpus: &Loaded, id: &str) -> String {
    let doc = corpus.document_by_id(id).expect("the document");
    let mut ranges: Vec<_> = corpus
        .annotations()
        .iter()
        .flat_map(|a| &a.quotes)
        .filter_map(|q| q.anchor.as_ref().ok())
        .filter(|x| x.doc == doc)
        .map(|x| x.range())
        .collect();
    ranges.sort_by_key(|r| r.start);
    mark(corpus.text(doc).expect("a text").as_str(), &ranges)
}

/// The hits of `query` in the diagram's text must be its marked parts.
#[track_caller]
fn assert_finds(query: &str, diagram: &str) {
    let (text, _) = marked(diagram);
    let found = Searcher::new(query).expect("a query").find_in(&text);
    assert_eq!(mark(&text, &found), diagram, "{query:?}");
}

#[test]
fn the_good_corpus_quotes_land_where_the_diagram_says() {
    let corpus = Corpus::good().load();
    assert_eq!(
        anchors_in(&corpus, "vi-gov"),
        "Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế.\n\
         \n\
         Thủ tướng yêu cầu phấn đấu [tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025],\n\
         [khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết].\n\
         \n\
         Xuất khẩu tăng 10%. Nhập khẩu [tăng 10%].\n"
    );
}

#[test]
fn a_quote_moved_by_its_prefix_lands_on_the_second_place() {
    // Without `prefix: "Nhập khẩu"` the quote "tăng 10%" stands twice: not placed.
    let corpus = Corpus::good()
        .edit_brief("        prefix: \"Nhập khẩu\"\n", "")
        .load();
    assert!(anchors_in(&corpus, "vi-gov").ends_with("Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.\n"));
}

#[test]
fn search_hits_ignore_diacritics_and_case() {
    assert_finds(
        "tang truong",
        "[Tăng trưởng] kinh tế, [TĂNG TRƯỞNG] xuất khẩu, tăng giá",
    );
    assert_finds("pham minh chinh", "Thủ tướng [Phạm Minh Chính] chủ trì");
}

#[test]
fn a_search_hit_stays_on_one_line_and_keeps_the_querys_spacing() {
    assert_finds(
        "pham minh chinh",
        "Phạm Minh\nChính, Phạm  Minh\tChính, [Phạm Minh Chính]",
    );
}

#[test]
fn search_hits_take_a_decimal_comma_for_a_point() {
    assert_finds("8.3", "từ [8,3]-8,5% và [8.3]%");
}

/// The line of the diagram wrapped to `width` columns must give its marked parts as rows.
#[track_caller]
fn assert_wraps(width: usize, diagram: &str) {
    let (line, _) = marked(diagram);
    assert_eq!(
        mark(&line, &wrap_line(&line, width)),
        diagram,
        "at {width} columns"
    );
}

#[test]
fn rows_break_at_spaces_and_leave_the_space_out() {
    assert_wraps(10, "[Thủ tướng] [Phạm Minh] [Chính chủ] [trì]");
    assert_wraps(80, "[Thủ tướng Phạm Minh Chính chủ trì]");
}

#[test]
fn a_no_break_space_holds_a_number_to_its_unit() {
    assert_wraps(6, "[tăng] [8,3\u{a0}%]");
}

#[test]
fn wide_characters_take_two_columns_each() {
    assert_wraps(8, "[越南经济] [外交]");
    assert_wraps(5, "[越南] [经济]");
}

#[test]
fn a_word_longer_than_the_row_is_cut() {
    assert_wraps(4, "[ngoạ][i]");
}

#[cfg(feature = "reader")]
#[test]
fn the_readers_matches_are_the_marked_places() {
    let mut app = app_on(Corpus::good().load(), 120, 30);
    search(&mut app, "10%");
    let doc = app.corpus().document_by_id("vi-gov").expect("vi-gov");
    let ranges: Vec<_> = app
        .search()
        .matches()
        .iter()
        .filter(|(d, _)| *d == doc)
        .map(|(_, r)| r.clone())
        .collect();
    let shown = mark(app.corpus().text(doc).expect("a text").as_str(), &ranges);
    assert_ends(&shown, "Xuất khẩu tăng [10%]. Nhập khẩu tăng [10%].\n");
}

/// The rows of pane `i` that hold cells `pick` accepts, those cells marked.
#[cfg(feature = "reader")]
fn marked_rows(
    app: &briefing::reader::App,
    i: briefing::reader::state::Pane,
    pick: impl Fn(&ratatui::buffer::Cell) -> bool,
) -> Vec<String> {
    let (rect, _, _) = crate::common::screen::pane_layout(app, i);
    let buf = crate::common::screen::buffer(app);
    (rect.top()..rect.bottom())
        .map(|y| crate::common::screen::marked_cells(&buf, y, rect.left()..rect.right(), &pick))
        .filter(|row| row.contains('['))
        .collect()
}

#[cfg(feature = "reader")]
#[test]
fn the_selected_figure_is_reversed_over_its_quotes_exactly() {
    use briefing::reader::state::Pane;
    use ratatui::style::Modifier;
    let mut app = crate::common::screen::app_with(
        Corpus::good().load(),
        briefing::reader::palette::Palette::color(),
        120,
        20,
    );
    app.update(briefing::reader::Action::NextTopic);
    let reversed = |c: &ratatui::buffer::Cell| c.modifier.contains(Modifier::REVERSED);
    assert_eq!(
        marked_rows(&app, Pane::Left, reversed),
        [
            "Thủ tướng yêu cầu phấn đấu [tăng trưởng kinh]",
            "[tế từ 8,3-8,5% trong năm 2025],"
        ]
    );
    assert_eq!(
        marked_rows(&app, Pane::Right, reversed),
        [
            "Ia meminta [pertumbuhan ekonomi 8,3-8,5%]",
            "[pada tahun 2025]"
        ]
    );
}
