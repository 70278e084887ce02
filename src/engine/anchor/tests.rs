//! Anchoring one quote: the diagrams of design section 3, and the scan against itself.

use super::*;

/// Reads a diagram: the text with the expected match in brackets.
fn diagram(marked: &str) -> (String, Range<usize>) {
    let start = marked.find('[').expect("diagram has [");
    let end = marked.find(']').expect("diagram has ]") - 1;
    (marked.replacen('[', "", 1).replacen(']', "", 1), start..end)
}

fn assert_lands(marked: &str, quote: &str, prefix: Option<&str>, suffix: Option<&str>) {
    let (text, expected) = diagram(marked);
    assert_eq!(
        place(&text, quote, prefix, suffix),
        Placement::Unique(expected),
        "{quote:?} in {marked:?}"
    );
}

#[test]
fn white_space_runs_match_across_line_breaks() {
    assert_lands(
        "tăng [trưởng\n  kinh\u{a0}tế] cao",
        "trưởng kinh tế",
        None,
        None,
    );
    assert_lands("a [b\n\nc] d", "  b c ", None, None);
}

#[test]
fn nfd_quote_matches_nfc_text() {
    assert_lands(
        "Thủ tướng [Phạm Minh Chính] nói",
        "Pha\u{323}m Minh Chi\u{301}nh",
        None,
        None,
    );
}

#[test]
fn white_space_is_required_between_words() {
    assert_eq!(place("ab", "a b", None, None), Placement::NotFound);
    // A soft hyphen and a zero-width space are not white space.
    assert_eq!(place("a\u{ad}b", "a b", None, None), Placement::NotFound);
    assert_eq!(place("a\u{200b}b", "a b", None, None), Placement::NotFound);
}

#[test]
fn prefix_and_suffix_disambiguate() {
    let text = "FDI tăng 10%. Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.";
    assert!(matches!(
        place(text, "tăng 10%", None, None),
        Placement::Ambiguous(_, 3)
    ));
    let expected = text.find("tăng 10%. Nhập").unwrap();
    let want = Placement::Unique(expected..expected + "tăng 10%".len());
    assert_eq!(place(text, "tăng 10%", Some("Xuất khẩu"), None), want);
    assert_eq!(place(text, "tăng 10%", None, Some(". Nhập")), want);
    assert_lands("x y [z] w z y", "z", Some("x\ny"), Some("w"));
}

#[test]
fn overlapping_matches_count() {
    assert!(matches!(
        place("aaa", "aa", None, None),
        Placement::Ambiguous(_, 2)
    ));
}

#[test]
fn not_found_and_empty() {
    assert_eq!(place("abc", "abd", None, None), Placement::NotFound);
    assert_eq!(place("abc", " \n ", None, None), Placement::Empty);
    assert_eq!(place("", "a", None, None), Placement::NotFound);
}
