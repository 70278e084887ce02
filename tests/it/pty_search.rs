//! `briefing search` on a real terminal: headings and colours by default, none under
//! NO_COLOR, and the editors' layout on request.

use crate::common::pty_session::*;
use crate::common::{assert_contains, assert_starts};

fn search_on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> Session {
    let mut all: Vec<std::ffi::OsString> = vec!["search".into(), "--corpus".into()];
    all.push(fixture_dir().into_os_string());
    all.extend(args.iter().map(Into::into));
    let mut s = Session::start_with(&all, env, 250, 60);
    assert!(s.wait_exit().success());
    s
}

#[test]
fn a_terminal_gets_headings_and_coloured_matches() {
    let s = search_on_a_terminal(&["pham minh chinh"], &[("TERM", "xterm-256color")]);
    let text = s.text();
    assert_starts(&text, "odd odd.txt\n4:Phạm Minh Chính nói");
    assert_contains(&text, "\nvi-gov vi-gov.txt\n");
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        raw.contains("\u{1b}[1m\u{1b}[31mPhạm Minh Chính\u{1b}[0m"),
        "{raw:?}"
    );

    let s = search_on_a_terminal(&["pham minh chinh"], &[("NO_COLOR", "1")]);
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(!raw.contains('\u{1b}'), "{raw:?}");
    assert!(
        s.text().starts_with("odd odd.txt\n4:Phạm Minh Chính nói"),
        "{}",
        s.text()
    );

    let s = search_on_a_terminal(&["--vimgrep", "pham minh chinh"], &[("NO_COLOR", "1")]);
    assert!(
        s.text().starts_with("odd.txt:4:1: Phạm Minh Chính"),
        "{}",
        s.text()
    );
}
