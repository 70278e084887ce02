//! An untrusted corpus, end to end: escape sequences in every field never reach the
//! terminal raw, from any command or from the reader; output never lands in the corpus;
//! links never lead out of it; a FIFO never hangs a command. See docs/robustness.md.

mod common;
mod pty_session;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::Corpus;
use common::hostile::*;
use pty_session::Session;

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
    let out = sane(&["search", "--corpus", corpus.path(), "pwned"]);
    assert_eq!(
        out.stdout,
        "payload.txt:1:10: Pham \\u{1b}]0;PWNED\\u{7}\\u{1b}]52;c;cHduZWQ=\\u{7}\\u{1b}[21t\\u{9b}6n\\u{202e}\\u{2066}\\u{8}\\u{7f} Minh\n"
    );
    let out = sane(&["search", "--corpus", corpus.path(), "pham"]);
    let name = "name\\u{1b}]0;PWNED\\u{7}\\u{1b}]52;c;cHduZWQ=\\u{7}\\u{1b}[21t\\u{9b}6n\\u{202e}\\u{2066}\\u{8}\\u{7f}.txt";
    assert!(
        out.stdout.contains(&format!("{name}:1:1: Pham\n")),
        "{}",
        out.stdout
    );
    let out = check(&corpus);
    assert!(
        out.stdout.contains(&format!(
            "{}:3:1: error: unknown field `key\\u{{1b}}]0;PWNED",
            shown(&corpus, "briefs/unknown-key.yaml")
        )),
        "{}",
        out.stdout
    );
    // JSON keeps the characters, escaped: what a script reads back is the original text.
    let json = json(&corpus);
    assert!(json.contains(r"\u001b]0;PWNED\u0007"), "{json}");
    assert!(json.contains(r"\u009b6n\u202e\u2066"), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid json");
    assert!(value.to_string().contains('\u{202e}'));
    let html = sane(&["print", "--format", "html", "--corpus", corpus.path()]).stdout;
    assert!(html.contains("\\u{9b}6n\\u{202e}\\u{2066}"), "{html}");
}

#[test]
fn the_reader_never_writes_a_payload_to_the_terminal() {
    let corpus = hostile();
    let mut s = Session::start_on(Some(corpus.root().to_path_buf()), 160, 40);
    s.wait_for_text("Pham");
    // Every pane and overlay that shows corpus text: the picker, the problems list,
    // the topic navigator, search, help.
    for keys in ["o", "\x1b", "e", "\x1b", "]", "\r", "/pwned\r", "?", "\x1b"] {
        s.send(keys);
        s.pump(Duration::from_millis(150));
    }
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
fn print_never_writes_into_the_corpus() {
    let corpus = Corpus::good();
    let seed = corpus.root().join("seeds/vi.txt");
    let before = fs::read(&seed).expect("read");
    for target in [
        "seeds/vi.txt",
        "seeds/new.txt",
        "briefs/conference.yaml",
        "briefs/x.yaml",
    ] {
        let path = shown(&corpus, target);
        let out = sane(&["print", "--corpus", corpus.path(), "-o", &path]);
        assert_eq!(
            (out.code, out.stderr),
            (
                2,
                format!(
                    "briefing: {path} is inside the corpus's {}/ folder: print never writes into its corpus (documents and briefs are only read); give -o a path outside seeds/ and briefs/\n",
                    target.split('/').next().unwrap_or_default()
                )
            )
        );
    }
    // A link or a hard link to a corpus file, from outside seeds/ and briefs/.
    let link = corpus.root().join("link.txt");
    symlink(&seed, &link).expect("symlink");
    let out = sane(&[
        "print",
        "--corpus",
        corpus.path(),
        "-o",
        &link.display().to_string(),
    ]);
    assert_eq!(out.code, 2, "{out:?}");
    let hard = corpus.root().join("hard.txt");
    fs::hard_link(&seed, &hard).expect("hard link");
    let out = sane(&[
        "print",
        "--corpus",
        corpus.path(),
        "-o",
        &hard.display().to_string(),
    ]);
    assert_eq!(
        out.stderr,
        format!(
            "briefing: {} is the corpus file {}: print never writes into its corpus (documents and briefs are only read); give -o a path outside seeds/ and briefs/\n",
            hard.display(),
            shown(&corpus, "seeds/vi.txt")
        )
    );
    assert_eq!(
        fs::read(&seed).expect("read"),
        before,
        "the document is untouched"
    );
    assert!(!corpus.root().join("seeds/new.txt").exists());
    // `-o -` is standard output.
    let out = sane(&["print", "--corpus", corpus.path(), "-o", "-"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("Economic diplomacy conference"),
        "{}",
        out.stdout
    );
}

#[test]
fn links_out_of_the_corpus_are_skipped_unless_followed() {
    let outside = tempfile::tempdir().expect("tempdir");
    fs::write(outside.path().join("secret.txt"), "Pham secret key\n").expect("write");
    let corpus = Corpus::good();
    let seeds = corpus.root().join("seeds");
    symlink(outside.path().join("secret.txt"), seeds.join("secret.txt")).expect("symlink");
    symlink(outside.path(), seeds.join("elsewhere")).expect("symlink");
    // A link that stays inside the corpus is followed as before.
    symlink("vi.txt", seeds.join("same.txt")).expect("symlink");
    let out = sane(&["search", "--corpus", corpus.path(), "secret"]);
    assert_eq!(out.code, 1, "{out:?}");
    let note = "    pass --follow to read files that links lead to elsewhere\n";
    let real = fs::canonicalize(outside.path()).expect("canonical");
    assert_eq!(
        out.stderr,
        format!(
            "{}: warning: symbolic link to `{}`, outside the corpus; skipped\n{note}\
             {}: warning: symbolic link to `{}`, outside the corpus; skipped\n{note}",
            shown(&corpus, "seeds/elsewhere"),
            real.display(),
            shown(&corpus, "seeds/secret.txt"),
            real.join("secret.txt").display(),
        )
    );
    let out = sane(&["search", "--corpus", corpus.path(), "chính"]);
    assert!(out.stdout.contains("same.txt:1:"), "{}", out.stdout);
    let out = sane(&["search", "--follow", "--corpus", corpus.path(), "secret"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            0,
            "elsewhere/secret.txt:1:6: Pham secret key\nsecret.txt:1:6: Pham secret key\n",
            ""
        )
    );
}

#[test]
fn seeds_that_is_a_link_out_of_the_corpus_needs_follow() {
    let outside = tempfile::tempdir().expect("tempdir");
    fs::write(outside.path().join("a.txt"), "Pham\n").expect("write");
    let corpus = tempfile::tempdir().expect("tempdir");
    symlink(outside.path(), corpus.path().join("seeds")).expect("symlink");
    let dir = corpus.path().display().to_string();
    let out = sane(&["check", "--corpus", &dir]);
    assert_eq!(
        (out.code, out.stderr),
        (
            2,
            format!(
                "briefing: {dir}/seeds: a symbolic link to `{}`, outside the corpus; pass --follow to read it\n",
                fs::canonicalize(outside.path())
                    .expect("canonical")
                    .display()
            )
        )
    );
    let out = sane(&["search", "-L", "--corpus", &dir, "pham"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, "a.txt:1:1: Pham\n"));
}

#[test]
fn a_fifo_a_device_and_a_link_to_dev_zero_are_skipped_not_read() {
    let corpus = Corpus::good();
    let seeds = corpus.root().join("seeds");
    let made = Command::new("mkfifo")
        .arg(seeds.join("fifo.txt"))
        .arg(corpus.root().join("briefs/fifo.yaml"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    symlink("/dev/zero", seeds.join("zero.txt")).expect("symlink");
    let dir = corpus.path();
    for args in [
        &["check"][..],
        &["search", "pham"],
        &["print"],
        &["check", "--follow"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--corpus", dir]);
        let out = run_bounded(&all, Duration::from_secs(20)).expect("no hang");
        assert_sane(&out, &all.join(" "));
        if args[0] == "print" {
            continue; // print says only that the corpus has errors
        }
        let text = format!("{}{}", out.stdout, out.stderr);
        assert!(
            text.contains(&format!(
                "{}: warning: not a regular file (a FIFO); skipped\n    documents and briefs are plain files; remove it or rename it",
                shown(&corpus, "seeds/fifo.txt")
            )),
            "{args:?}: {text}"
        );
    }
    let out = sane(&["check", "--follow", "--corpus", dir]);
    assert!(
        out.stdout.contains(&format!(
            "{}: warning: not a regular file (a device); skipped",
            shown(&corpus, "seeds/zero.txt")
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!(
            "{}: warning: not a regular file (a FIFO); skipped",
            shown(&corpus, "briefs/fifo.yaml")
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_opened_and_shown_by_its_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let corpus = Corpus::good();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(
        corpus.root().join("seeds").join(name),
        "Pham in Latin-1 named file\n",
    )
    .expect("write");
    let out = sane(&["search", "--corpus", corpus.path(), "latin-1"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "caf\\xe9.txt:1:9: Pham in Latin-1 named file\n", "")
    );
}

#[test]
fn output_errors_are_named_and_a_closed_stdout_is_one() {
    let corpus = Corpus::good();
    // `>&-`: standard output closed by the shell.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' check --corpus '{}' >&-",
            env!("CARGO_BIN_EXE_briefing"),
            corpus.path()
        ))
        .output()
        .expect("sh");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "briefing: standard output: Bad file descriptor (os error 9)\n"
    );
    // Redirected to /dev/null is not closed.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' check --corpus '{}' >/dev/null",
            env!("CARGO_BIN_EXE_briefing"),
            corpus.path()
        ))
        .output()
        .expect("sh");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn a_corpus_path_that_reads_broken_pipe_is_no_broken_pipe() {
    let parent = tempfile::tempdir().expect("tempdir");
    let dir = parent.path().join("Broken pipe");
    let out = sane(&["check", "--corpus", &dir.display().to_string()]);
    assert_eq!(
        (out.code, out.stderr),
        (
            2,
            format!(
                "briefing: {}: no such directory; --corpus takes a directory holding seeds/ and briefs/\n",
                dir.display()
            )
        )
    );
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

#[test]
fn reader_print_names_are_safe_and_never_land_in_the_corpus() {
    // A topic id that would climb into seeds/: `p` writes a safe name where the reader
    // was started, and never through a link planted under that name.
    let corpus = Corpus::good().write_brief(
        "conference.yaml",
        &BRIEF.replace("growth", "\"x/../seeds/a\""),
    );
    assert_eq!(check(&corpus).code, 0, "{:?}", check(&corpus));
    let work = tempfile::tempdir().expect("tempdir");
    let victim = work.path().join("victim.txt");
    fs::write(&victim, "precious").expect("write");
    symlink(&victim, work.path().join("briefing-topic-x-seeds-a.txt")).expect("symlink");
    let mut s = reader_in(work.path(), corpus.root());
    s.wait_for_text("Growth");
    s.send("]");
    s.wait_for_text("Growth");
    s.send("p");
    s.wait_for_text("Wrote");
    s.send("q");
    s.wait_exit();
    assert_eq!(fs::read_to_string(&victim).expect("read"), "precious");
    let written = work.path().join("briefing-topic-x-seeds-a.txt");
    assert!(fs::symlink_metadata(&written).expect("stat").is_file());
    assert!(
        fs::read_to_string(&written)
            .expect("read")
            .contains("Growth")
    );
    assert!(!corpus.root().join("seeds/a.txt").exists());
    // Started inside the corpus's seeds/, `p` refuses.
    let mut s = reader_in(&corpus.root().join("seeds"), corpus.root());
    s.wait_for_text("Growth");
    s.send("p");
    s.wait_for_text("Not printed");
    s.send("q");
    s.wait_exit();
    let names: Vec<_> = fs::read_dir(corpus.root().join("seeds"))
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

fn reader_in(cwd: &Path, corpus: &Path) -> Session {
    Session::start_in(cwd, corpus, 160, 40)
}
