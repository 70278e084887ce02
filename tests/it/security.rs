//! An untrusted corpus and the terminal, end to end: escape sequences in every field never
//! reach the terminal raw, from any command or from the reader; the reader leaves the
//! terminal as it found it on a signal, and refuses a terminal it cannot drive. The file
//! system side is tests/it/security_files.rs; both are listed in docs/robustness.md.

use crate::common::assert_contains;
use std::fs;
use std::process::Command;

use crate::common::Corpus;
use crate::common::hostile::*;
use crate::common::pty_session::Session;

/// The payloads: OSC 0 (window title), OSC 52 (clipboard), a CSI that asks the terminal to
/// answer, 8-bit CSI (C1), BiDi override and isolate, backspace and DEL.
const PAYLOAD_YAML: &str = r#"\e]0;PWNED\a\e]52;c;cHduZWQ=\a\e[21t\u009b6n\u202e\u2066\b\x7f"#;
const PAYLOAD: &str =
    "\x1b]0;PWNED\x07\x1b]52;c;cHduZWQ=\x07\x1b[21t\u{9b}6n\u{202e}\u{2066}\x08\x7f";

/// A character that must never come out raw (written here independently of the code
/// under test, so that a gap in its list fails this test).
fn forbidden(c: char) -> bool {
    (c < ' ' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

#[track_caller]
fn assert_clean(what: &str, text: &str) {
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| forbidden(c)) {
        let from = (0..=at.saturating_sub(40))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        panic!(
            "{what}: raw {c:?} at byte {at}: {:?}",
            text.get(from..(at + 10).min(text.len()))
                .unwrap_or_default()
        );
    }
}

/// A corpus with the payload in every field a brief has, in document text, in an unknown
/// key, in a file name, and in a brief that does not parse.
fn hostile() -> Corpus {
    let p = PAYLOAD_YAML;
    let brief = format!(
        r#"title: "Title {p}"
date: "2025-07-22{p}"
summary: "Summary {p}"
documents:
  - id: "vi{p}"
    file: vi.txt
    lang: "vi{p}"
    title: "Tiêu đề {p}"
    title_en: "Title en {p}"
    date: "2025{p}"
    source: "Source {p}"
    parallel: "id{p}"
    event: "Event {p}"
    note: "Note {p}"
  - id: id
    file: id.txt
    lang: id
    parallel: "nope{p}"
topics:
  - id: "growth{p}"
    title: "Growth {p}"
    summary: "Topic summary {p}"
figures:
  - label: "Label {p}"
    value: "8 % {p}"
    topics: ["growth{p}", "undefined{p}"]
    note: "Figure note {p}"
    kind: "kind{p}"
    unit: "unit{p}"
    period: "period{p}"
    quotes:
      - doc: "vi{p}"
        text: "Phạm Minh Chính"
        prefix: "prefix{p}"
      - doc: "vi{p}"
        text: "not in the text {p}"
      - doc: "ghost{p}"
        text: "x"
themes:
  - topics: ["growth{p}"]
    note: "Theme note {p}"
    quotes:
      - doc: "vi{p}"
        text: "hội nghị"
        suffix: "suffix{p}"
"#
    );
    let corpus = Corpus::good()
        .write_brief("conference.yaml", &brief)
        .write_brief(
            "unknown-key.yaml",
            &format!("title: x\ndocuments: []\n\"key{p}\": 1\n"),
        )
        .write_brief("broken.yaml", &format!("title: \"x{p}\n  : : [\n"))
        .write_seed("payload.txt", format!("Pham {PAYLOAD} Minh\n").as_bytes());
    // A file name holding escape sequences.
    fs::write(
        corpus
            .root()
            .join("seeds")
            .join(format!("name{PAYLOAD}.txt")),
        "Pham\n",
    )
    .expect("write");
    corpus
}

#[test]
fn no_command_lets_a_raw_control_character_out() {
    let corpus = hostile();
    let dir = corpus.path();
    let out_file = tempfile::tempdir().expect("tempdir");
    let mut runs: Vec<Vec<String>> = [
        vec!["check"],
        vec!["check", "--strict"],
        vec!["search", "pham"],
        vec!["search", "pwned"],
        vec!["search", "\u{1b}]0;"],
        vec!["print", "--topic", "nope"],
        vec!["print", "--brief", "nope"],
        vec!["print", "--width", "20"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect();
    for format in ["text", "markdown", "html", "json"] {
        runs.push(vec!["print".into(), "--format".into(), format.into()]);
        let file = out_file.path().join(format!("out.{format}"));
        runs.push(vec![
            "print".into(),
            "--format".into(),
            format.into(),
            "-o".into(),
            file.display().to_string(),
        ]);
    }
    runs.push(vec![
        "print".into(),
        "--topic".into(),
        format!("growth{PAYLOAD}"),
    ]);
    // The commands that came later go through the same cleaner.
    for format in ["text", "csv", "json", "markdown"] {
        runs.push(vec!["figures".into(), "--format".into(), format.into()]);
        runs.push(vec![
            "figures".into(),
            "--by-measure".into(),
            "--format".into(),
            format.into(),
        ]);
    }
    for format in ["text", "json", "markdown", "html"] {
        for pair in [
            vec!["id".to_string()],
            vec!["id".into(), format!("vi{PAYLOAD}")],
        ] {
            let mut args = vec!["align".to_string()];
            args.extend(pair);
            args.extend(["--format".into(), format.into()]);
            runs.push(args);
        }
    }
    runs.push(vec![
        "search".into(),
        "--heading".into(),
        "--color".into(),
        "never".into(),
        "pwned".into(),
    ]);
    runs.push(vec!["search".into(), "--vimgrep".into(), "pwned".into()]);
    for args in &runs {
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.extend(["--corpus", dir]);
        let out = sane(&all);
        let what = args.join(" ");
        // CSV ends its records in CRLF (RFC 4180): that carriage return is the format's.
        let stdout = if what.contains("csv") {
            out.stdout.replace("\r\n", "\n")
        } else {
            out.stdout.clone()
        };
        assert_clean(&format!("{what}: stdout"), &stdout);
        assert_clean(&format!("{what}: stderr"), &out.stderr);
        assert!(
            !out.stdout.is_empty() || !out.stderr.is_empty(),
            "{what}: said nothing"
        );
    }
    for entry in fs::read_dir(out_file.path()).expect("list") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("read");
        assert_clean(&path.display().to_string(), &text);
        assert!(
            text.contains("PWNED"),
            "{}: the payload is shown",
            path.display()
        );
    }
}

#[test]
fn escapes_are_shown_where_they_stood() {
    let corpus = hostile();
    let out = sane_on(&corpus, "search", &["pwned"]);
    assert_eq!(
        out.stdout,
        "payload.txt:1:10: Pham \\u{1b}]0;PWNED\\u{7}\\u{1b}]52;c;cHduZWQ=\\u{7}\\u{1b}[21t\\u{9b}6n\\u{202e}\\u{2066}\\u{8}\\u{7f} Minh\n"
    );
    let out = sane_on(&corpus, "search", &["pham"]);
    let name = "name\\u{1b}]0;PWNED\\u{7}\\u{1b}]52;c;cHduZWQ=\\u{7}\\u{1b}[21t\\u{9b}6n\\u{202e}\\u{2066}\\u{8}\\u{7f}.txt";
    assert_contains(&out.stdout, &format!("{name}:1:1: Pham\n"));
    let out = check(&corpus);
    assert_contains(
        &out.stdout,
        &format!(
            "{}:3:1: error: unknown field `key\\u{{1b}}]0;PWNED",
            shown(&corpus, "briefs/unknown-key.yaml")
        ),
    );
    // JSON keeps the characters, escaped: what a script reads back is the original text.
    let json = json(&corpus);
    assert_contains(&json, r"\u001b]0;PWNED\u0007");
    assert_contains(&json, r"\u009b6n\u202e\u2066");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid json");
    assert!(value.to_string().contains('\u{202e}'));
    let html = sane(&["print", "--format", "html", "--corpus", corpus.path()]).stdout;
    assert_contains(&html, "\\u{9b}6n\\u{202e}\\u{2066}");
}

#[test]
fn the_reader_never_writes_a_payload_to_the_terminal() {
    let corpus = hostile();
    let mut s = Session::start_on(Some(corpus.root().to_path_buf()), 160, 40);
    s.wait_for_text("Pham");
    // Every pane and overlay that shows corpus text: the picker, the problems list,
    // the topic navigator, search, help. Each overlay is seen open and then closed
    // before the next key, so an Esc never arrives glued to the key after it.
    for (open, title) in [("o", "Show in pane"), ("e", "Problems"), ("?", "Keys")] {
        s.send(open);
        s.wait_for_text(title);
        s.send("\x1b");
        s.wait_for(&format!("{title} closed"), |s| !s.text().contains(title));
    }
    s.send("]");
    s.send("\r");
    s.send("/pwned\r");
    s.wait_for_text("PWNED");
    s.send("\x03");
    s.wait_exit();
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    for bad in [
        "\x1b]", "\x07", "\x1b[21t", "\u{9b}", "\u{202e}", "\u{2066}", "\x08", "\x7f",
    ] {
        assert!(
            !raw.contains(bad),
            "the reader wrote {bad:?} to the terminal"
        );
    }
}

#[test]
fn term_dumb_gets_a_message_not_escape_codes() {
    let mut s = Session::start_with(&[], &[("TERM", "dumb")], 80, 24);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(!raw.contains('\x1b'), "{raw:?}");
    assert!(raw.contains("TERM is `dumb`"), "{raw:?}");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let mut s = Session::start(120, 30, true);
        s.wait_for_text("vi-gov");
        let pid = s.pid().expect("pid").to_string();
        let killed = Command::new("kill").args(["-s", signal, &pid]).status();
        assert!(killed.is_ok_and(|k| k.success()));
        s.wait_exit();
        let raw = String::from_utf8_lossy(&s.raw).into_owned();
        let tail = raw.rsplit("vi-gov").next().unwrap_or_default();
        // Mouse reporting off and the alternate screen left, after the last frame.
        assert!(
            tail.contains("\x1b[?1000l"),
            "SIG{signal}: mouse left on: {tail:?}"
        );
        assert!(
            tail.contains("\x1b[?1049l"),
            "SIG{signal}: alternate screen left on"
        );
    }
}
