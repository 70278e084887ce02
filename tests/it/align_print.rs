//! `print --parallel`: the aligned text of each parallel pair as an annex to the brief.

use crate::common::Corpus;
use crate::common::assert_contains;

#[test]
fn text_and_markdown_end_with_the_annex() {
    let corpus = Corpus::good();
    let plain = corpus.run("print", &["--width", "60"]);
    let out = corpus.run("print", &["--parallel", "--width", "60"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The brief as without --parallel, then the annex.
    assert!(out.stdout.starts_with(&plain.stdout), "{}", out.stdout);
    assert!(
        out.stdout
            .get(plain.stdout.len()..)
            .unwrap_or("")
            .starts_with("\n\nAnnex: parallel text, vi-gov beside id-vna\n"),
        "{}",
        out.stdout
    );
    let after = out
        .stdout
        .split("Annex: parallel text")
        .nth(1)
        .expect("annex");
    assert_contains(after, &format!("{:<28} │ id-vna (id)", "vi-gov (vi)"));
    assert_contains(after, &format!("{:28} │", "Xuất khẩu tăng 10%."));

    let md = corpus.run("print", &["--parallel", "--format", "markdown"]);
    assert_eq!(md.code, 0);
    assert_contains(
        &md.stdout,
        "\n# Annex: parallel text\n\n## vi-gov beside id-vna\n\n| vi-gov (vi)",
    );
}

#[test]
fn html_holds_the_annex_inside_its_one_page() {
    let corpus = Corpus::good();
    let out = corpus.run("print", &["--parallel", "--format", "html"]);
    assert_eq!(out.code, 0);
    let html = &out.stdout;
    assert_eq!(html.matches("</body>").count(), 1);
    let table = html
        .find("<table class=\"parallel\">")
        .expect("the parallel table");
    assert!(table < html.find("</body>").expect("end"));
    assert!(html.contains("<h1 class=\"annex\">Annex: parallel texts</h1>"));
    assert!(html.contains("table.parallel"), "its style");
}

#[test]
fn json_has_its_own_command() {
    let corpus = Corpus::good();
    let out = corpus.run("print", &["--parallel", "--format", "json"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "briefing: --parallel adds an annex to text, markdown and html; for JSON use `briefing align ID --format json`\n"
        )
    );
}

#[test]
fn a_brief_without_a_parallel_pair_has_no_annex() {
    let corpus = Corpus::good().edit_brief("    parallel: id-vna\n", "");
    let out = corpus.run("print", &["--parallel"]);
    assert_eq!(out.code, 0);
    assert!(!out.stdout.contains("Annex"), "{}", out.stdout);
}
