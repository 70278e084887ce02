//! `briefing search` as people and editors read it: ripgrep's heading layout, one line per
//! match for editors, colours on demand, and numbers across decimal comma and point.

use crate::common::assert_contains;
use crate::common::{Corpus, run};

#[test]
fn heading_layout_names_each_document_by_id_and_file_with_each_line_once() {
    let corpus = Corpus::good();
    let out = corpus.run("search", &["--heading", "8.3"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout,
        "id-vna id.txt\n3:Ia meminta pertumbuhan ekonomi 8,3-8,5% pada tahun 2025\n\n\
         vi-gov vi.txt\n3:Thủ tướng yêu cầu phấn đấu tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025,\n"
    );
}

#[test]
fn colours_are_written_only_when_asked_and_never_for_a_pipe_by_default() {
    let corpus = Corpus::good();
    let coloured = corpus.run("search", &["--heading", "--color", "always", "tăng 10"]);
    assert_eq!(
        coloured.stdout,
        "\u{1b}[1mvi-gov\u{1b}[0m \u{1b}[35mvi.txt\u{1b}[0m\n\
         \u{1b}[32m6\u{1b}[0m:Xuất khẩu \u{1b}[1m\u{1b}[31mtăng 10\u{1b}[0m%. Nhập khẩu \u{1b}[1m\u{1b}[31mtăng 10\u{1b}[0m%.\n"
    );
    let piped = corpus.run("search", &["tăng 10"]);
    assert_eq!(
        piped.stdout,
        "vi.txt:6:11: Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.\nvi.txt:6:31: Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.\n"
    );
    let never = corpus.run("search", &["--vimgrep", "--color", "never", "tăng 10"]);
    assert_eq!(never.stdout, piped.stdout);
}

#[test]
fn vimgrep_and_heading_exclude_each_other_and_a_bad_colour_is_refused() {
    let out = run(&["search", "--vimgrep", "--heading", "x"]);
    assert_eq!(out.code, 2);
    assert_contains(
        &out.stderr,
        "the argument '--vimgrep' cannot be used with '--heading'",
    );
    let out = run(&["search", "--color", "sometimes", "x"]);
    assert_eq!(out.code, 2);
    assert_contains(
        &out.stderr,
        "invalid value 'sometimes' for '--color <WHEN>'",
    );
}

#[test]
fn numbers_match_across_decimal_comma_and_point_on_the_built_in_corpus() {
    let out = run(&["search", "7.52"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_contains(&out.stdout, "7,52");
    let point = run(&["search", "8.3"]);
    let comma = run(&["search", "8,3"]);
    assert_eq!(point.stdout, comma.stdout);
    assert_contains(&point.stdout, "8,3");
}

#[test]
fn a_file_that_check_refuses_is_refused_by_search_with_the_same_finding() {
    // NUL anywhere (far from the match, or in its line), UTF-16 and broken UTF-8: each is
    // refused as check refuses it, whether or not the query's words are in it.
    let plain = "Thủ tướng Phạm Minh Chính nói.\n".repeat(50);
    let far = format!("{plain}\n{}\u{0}\n", "x ".repeat(2000));
    let corpus = Corpus::new()
        .with("seeds/far.txt", &far)
        .with("seeds/near.txt", "pham minh chinh\u{0} nói\n")
        .with("seeds/utf16.txt", b"\xff\xfep\0h\0")
        .with("seeds/latin1.txt", b"pham minh chinh \xe9\n")
        .with("seeds/ok.txt", "PHẠM MINH CHÍNH\n");
    let check = corpus.run("check", &[]);
    let search = corpus.run("search", &["pham minh chinh"]);
    assert_eq!(search.code, 0, "{search:?}");
    assert_eq!(search.stdout, "ok.txt:1:1: PHẠM MINH CHÍNH\n");
    let errors = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| l.contains(": error: "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(errors(&search.stderr).len(), 4, "{search:?}");
    assert_eq!(errors(&search.stderr), errors(&check.stdout), "{check:?}");
    assert_contains(&search.stderr, "far.txt:52:4001: error: NUL byte");
}
