//! Marked text, in the manner of helix-core's `test::print`: a test writes where things
//! land as a diagram, `"Tăng trưởng [8,3]% năm 2025"`, and gets the plain text and the
//! byte ranges of its marked parts; `mark` draws ranges back the same way, so a failure
//! shows a diagram too. `[` and `]` are the marks; `\[` and `\]` stand for themselves.

use std::ops::Range;

/// The text without its marks, and the byte range (in that text) of each marked part.
///
/// Panics on a mark left open, a `]` with no `[`, or a `[` inside a marked part.
pub fn marked(s: &str) -> (String, Vec<Range<usize>>) {
    let mut text = String::with_capacity(s.len());
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(m @ ('[' | ']' | '\\')) => text.push(m),
                other => panic!("{s:?}: `\\` escapes `[`, `]` or `\\`, not {other:?}"),
            },
            '[' => {
                assert!(open.is_none(), "{s:?}: `[` inside a marked part");
                open = Some(text.len());
            }
            ']' => {
                let start = open
                    .take()
                    .unwrap_or_else(|| panic!("{s:?}: `]` with no `[`"));
                ranges.push(start..text.len());
            }
            c => text.push(c),
        }
    }
    assert!(open.is_none(), "{s:?}: a `[` is never closed");
    (text, ranges)
}

/// `text` with `ranges` (byte ranges, in order, not overlapping) marked as `marked`
/// reads them: the inverse of `marked`.
pub fn mark(text: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len() + 2 * ranges.len());
    let mut at = 0;
    for range in ranges {
        assert!(
            at <= range.start && range.start <= range.end,
            "ranges out of order: {ranges:?}"
        );
        out.push_str(&escape(
            text.get(at..range.start).expect("on char boundaries"),
        ));
        out.push('[');
        out.push_str(&escape(
            text.get(range.clone()).expect("on char boundaries"),
        ));
        out.push(']');
        at = range.end;
    }
    out.push_str(&escape(text.get(at..).expect("on a char boundary")));
    out
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

#[test]
fn marks_become_byte_ranges_of_the_plain_text() {
    let (text, ranges) = marked("Tăng trưởng [8,3]% năm [2025]");
    assert_eq!(text, "Tăng trưởng 8,3% năm 2025");
    // "Tăng trưởng " is 16 bytes: ă and ư are two each, ở three.
    assert_eq!(ranges, [16..19, 26..30]);
    assert_eq!(text.get(ranges[0].clone()), Some("8,3"));
}

#[test]
#[allow(clippy::single_range_in_vec_init)] // one range, as the diagram has one mark
fn no_marks_no_ranges_and_an_empty_mark_is_an_empty_range() {
    assert_eq!(marked("Hà Nội"), ("Hà Nội".to_string(), vec![]));
    assert_eq!(marked("Hà[] Nội"), ("Hà Nội".to_string(), vec![3..3]));
}

#[test]
#[allow(clippy::single_range_in_vec_init)] // one range, as the diagram has one mark
fn escaped_brackets_are_text() {
    let (text, ranges) = marked(r"\[1\] [FTA] \\");
    assert_eq!(text, r"[1] FTA \");
    assert_eq!(ranges, [4..7]);
}

#[test]
fn mark_is_the_inverse_of_marked() {
    for s in [
        "Tăng trưởng [8,3]% năm [2025]",
        "[Thủ tướng] Phạm Minh Chính[]",
        r"\[1\] [a\]b] \\",
        "",
    ] {
        let (text, ranges) = marked(s);
        assert_eq!(mark(&text, &ranges), s);
    }
}

#[test]
#[should_panic(expected = "is never closed")]
fn an_open_mark_panics() {
    marked("Tăng [trưởng");
}

#[test]
#[should_panic(expected = "with no `[`")]
fn a_close_without_open_panics() {
    marked("Tăng] trưởng");
}

#[test]
#[should_panic(expected = "inside a marked part")]
fn nested_marks_panic() {
    marked("[Tăng [trưởng]]");
}
