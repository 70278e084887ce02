//! Hostile corpora, end to end through the binary: every case checks the exact message
//! (file, line and column where there is one) and the exit status, and that nothing ever
//! panics. Corpora are generated in temporary directories from tests/fixtures/cli/good.
//! A defect found here is first committed as a test marked `#[ignore = "bug: ..."]` and
//! reported; once fixed, the mark goes. docs/robustness.md lists the bugs found so far.

mod common;

use std::fs;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Corpus, Output, run};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

const VI: &str = include_str!("fixtures/cli/good/seeds/vi.txt");
const BRIEF: &str = include_str!("fixtures/cli/good/briefs/conference.yaml");
const CLEAN: &str = "2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 0 errors, 0 warnings\n";
const PHAM: &str = "id.txt:1:17: Perdana Menteri Pham Minh Chinh memimpin konferensi diplomasi ekonomi.\n\
                    vi.txt:1:11: Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế.\n";
const NOT_UTF8_NOTE: &str =
    "    save the file as UTF-8, or convert it, e.g. `iconv -f WINDOWS-1258 -t UTF-8`";
/// The note under a value of the wrong type.
const HINT: &str = "write this value as the message says; the brief is skipped until it loads";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";

/// No panic, no backtrace, and an exit status from the contract.
#[track_caller]
fn assert_sane(out: &Output, what: &str) {
    for text in [&out.stdout, &out.stderr] {
        assert!(
            !text.contains("panicked") && !text.contains("RUST_BACKTRACE"),
            "{what}: {out:?}"
        );
    }
    assert!(
        (0..=2).contains(&out.code),
        "{what}: exit {}: {out:?}",
        out.code
    );
}

/// Runs and checks that it did not panic.
#[track_caller]
fn sane(args: &[&str]) -> Output {
    let out = run(args);
    assert_sane(&out, &args.join(" "));
    out
}

fn check(corpus: &Corpus) -> Output {
    sane(&["check", "--corpus", corpus.path()])
}

/// `DIR/briefs/NAME` or `DIR/seeds/NAME` as the binary shows it.
fn shown(corpus: &Corpus, rel: &str) -> String {
    format!("{}/{rel}", corpus.path())
}

/// Runs the binary and kills it after `limit`: a hang becomes a failure, not a stuck suite.
fn run_bounded(args: &[&str], limit: Duration) -> Result<Output, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn briefing");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {limit:?}: {args:?}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ok(Output {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.join().expect("stdout")).into_owned(),
        stderr: String::from_utf8_lossy(&err.join().expect("stderr")).into_owned(),
    })
}

fn json(corpus: &Corpus) -> String {
    let out = sane(&["print", "--corpus", corpus.path(), "--format", "json"]);
    assert_eq!(out.code, 0, "{out:?}");
    out.stdout
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

fn with_bom(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

// ---------------------------------------------------------------------------------------
// YAML bombs and deep nesting (the test harness would time out if any of these hung).

fn bomb() -> String {
    let mut bomb = String::from("title: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{p}"); 10].join(", ")
        ));
    }
    bomb.push_str("documents: *a11\n");
    bomb
}

#[test]
fn alias_bombs_and_deep_nesting_are_reported_by_every_command() {
    let n = 5000;
    let deep_seq = format!("title: {}{}\ndocuments: []\n", "[".repeat(n), "]".repeat(n));
    let deep_map = format!(
        "title: {}x{}\ndocuments: []\n",
        "{a: ".repeat(n),
        "}".repeat(n)
    );
    let deep_topics = format!(
        "title: T\ndocuments:\n  - id: vi-gov\nfigures:\n  - label: l\n    value: v\n    topics: {}{}\n    quotes: []\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    let unclosed = format!("title: {}\ndocuments: []\n", "[".repeat(n));
    let corpus = Corpus::good()
        .write_brief("bomb.yaml", &bomb())
        .write_brief("deep_seq.yaml", &deep_seq)
        .write_brief("deep_map.yaml", &deep_map)
        .write_brief("deep_topics.yaml", &deep_topics)
        .write_brief("unclosed.yaml", &unclosed);
    let out = check(&corpus);
    assert_eq!(out.code, 1, "{out:?}");
    let b = |name: &str| shown(&corpus, &format!("briefs/{name}"));
    let not_text = "expected text (a string, number or date), not a list or a mapping";
    for line in [
        format!(
            "{}:1:8: error: title: invalid type: list, {not_text}",
            b("bomb.yaml")
        ),
        format!(
            "{}:1:8: error: title: invalid type: list, {not_text}",
            b("deep_seq.yaml")
        ),
        format!(
            "{}:1:8: error: title: invalid type: mapping, {not_text}",
            b("deep_map.yaml")
        ),
        format!(
            "{}:7:14: error: figures[0].topics[0]: invalid type: list, {not_text}",
            b("deep_topics.yaml")
        ),
    ] {
        assert!(
            out.stdout.contains(&format!("{line}\n    {HINT}\n")),
            "{line}\n{}",
            out.stdout
        );
    }
    assert!(
        out.stdout.contains(&format!("{}:", b("unclosed.yaml"))),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with(
            "2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 5 errors, 0 warnings\n"
        ),
        "{}",
        out.stdout
    );
    // The other commands load the same briefs and finish too.
    for format in ["text", "markdown", "html", "json"] {
        let out = sane(&["print", "--corpus", corpus.path(), "--format", format]);
        assert_eq!(out.code, 0, "{format}: {out:?}");
        assert!(
            out.stderr.contains("the corpus has 5 error(s)"),
            "{}",
            out.stderr
        );
    }
    let out = sane(&["search", "--corpus", corpus.path(), "pham minh chinh"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, PHAM));
}

// ---------------------------------------------------------------------------------------
// A 10 MB document on one line.

#[test]
fn a_ten_megabyte_single_line_document_checks_searches_and_anchors() {
    let unit = "Kinh tế tăng trưởng ổn định trong quý. ";
    let half = unit.repeat(130_000);
    let text = format!("{half}Hiệp định CPTPP được ký kết. {half}");
    assert!(text.len() > 10_000_000);
    let brief = "title: Big\ndocuments:\n  - id: big\n    file: big.txt\n    lang: vi\ntopics:\n  - id: cptpp\n    title: CPTPP\nfigures:\n  - label: signed\n    value: \"1\"\n    topics: cptpp\n    quotes:\n      - doc: big\n        text: \"Hiệp định CPTPP được ký kết\"\n";
    let corpus = Corpus::good()
        .write_seed("big.txt", text.as_bytes())
        .write_brief("big.yaml", brief);
    let out = sane(&["check", "--strict", "--corpus", corpus.path()]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "3 documents, 2 briefs, 3 topics, 3 figures, 1 theme: 0 errors, 0 warnings\n"
        )
    );
    let column = half.chars().count() + 1;
    let json = json(&corpus);
    assert!(
        json.contains(&format!(
            "\"line\": 1,\n              \"column\": {column},"
        )),
        "column {column} not in the JSON"
    );
    let out = sane(&["search", "--corpus", corpus.path(), "cptpp"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // A line longer than 2,000 bytes is shown as the 800 bytes around the match.
    let prefix = format!("big.txt:1:{}: …", column + "Hiệp định ".chars().count());
    assert!(out.stdout.starts_with(&prefix), "{}", head(&out.stdout));
    assert!(out.stdout.ends_with("…\n"), "{}", out.stdout);
    assert!(
        out.stdout.contains(" Hiệp định CPTPP được ký kết. "),
        "{}",
        out.stdout
    );
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(
        out.stdout.len() < prefix.len() + 800 + 2 * "…".len() + 8,
        "{}",
        out.stdout.len()
    );
    // A quote that is not there: the nearest text on the long line.
    let corpus = Corpus::good()
        .write_seed("big.txt", text.as_bytes())
        .write_brief("big.yaml", &brief.replace("CPTPP được", "RCEP được"));
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with(&format!(
            "{}:15:15: error: quote not found in big (big.txt): \"Hiệp định RCEP được ký kết\"\n    nearest text: \"Hiệp định CPTPP được ký kết\" at line 1\n",
            shown(&corpus, "briefs/big.yaml")
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn ambiguous_quote_on_one_long_line_names_distinct_places() {
    let text = "Kinh tế tăng trưởng ổn định trong quý. ".repeat(1000);
    let brief = "title: Big\ndocuments:\n  - id: big\n    file: big.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: t\n    quotes:\n      - doc: big\n        text: \"Kinh tế\"\n";
    let corpus = Corpus::good()
        .write_seed("big.txt", text.as_bytes())
        .write_brief("big.yaml", brief);
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    let line = out.stdout.lines().next().unwrap_or_default();
    assert_eq!(
        line,
        format!(
            "{}:12:15: error: quote matches 1000 places in big (big.txt) (at 1:1, 1:40, 1:79, 1:118, 1:157, 1:196, 1:235, 1:274, 1:313, 1:352, …); add prefix: or suffix:",
            shown(&corpus, "briefs/big.yaml")
        )
    );
}

#[test]
fn search_output_stays_proportionate_on_a_long_line() {
    // 100 KB on one line with 1,000 matches: 100 MB of output before the fix (the whole
    // line once per match).
    let text = format!("cptpp {}", "x".repeat(94)).repeat(1000);
    let corpus = Corpus::good().write_seed("long.txt", text.as_bytes());
    let out = run_bounded(
        &["search", "--corpus", corpus.path(), "cptpp"],
        Duration::from_secs(60),
    )
    .expect("search finishes");
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.lines().count(), 1000);
    assert!(
        out.stdout.len() < 2_000_000,
        "{} bytes of output for a 100 KB file; cut long lines around the match",
        out.stdout.len()
    );
}

#[test]
fn a_long_quote_that_is_not_found_does_not_hang_check() {
    // Before the fix the nearest-text search was quadratic in the quote's length: a
    // 3,900-character quote took 27 s here (debug build), this 19,500-character one ~11 min.
    let text = "Kinh tế tăng trưởng ổn định trong quý. ".repeat(5000);
    let quote = "kinh tế tăng trưởng ổn định trong năm. ".repeat(500);
    let brief = format!(
        "title: Long\ndocuments:\n  - id: long\n    file: long.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: t\n    quotes:\n      - doc: long\n        text: \"{}\"\n",
        quote.trim()
    );
    let corpus = Corpus::good()
        .write_seed("long.txt", text.as_bytes())
        .write_brief("long.yaml", &brief);
    let out = run_bounded(
        &["check", "--corpus", corpus.path()],
        Duration::from_secs(60),
    )
    .expect("check answers");
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with(&format!(
            "{}:12:15: error: quote not found in long (long.txt): \"kinh tế tăng trưởng ổn định trong năm. kinh tế tăng trưởng ổn định trong năm.…\"\n    nearest text to its start: \"Kinh tế tăng trưởng ổn định trong quý. Kinh tế tăng trưởng ổn định trong quý.…\" at line 1\n",
            shown(&corpus, "briefs/long.yaml")
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn an_aliased_quote_is_looked_up_once_not_once_per_alias() {
    // A 1.2 KB brief that names one 311-character quote 410 times through YAML aliases:
    // 73 s before the fix (debug build).
    let text = "Kinh tế tăng trưởng ổn định trong quý. ".repeat(5000);
    let quote = "kinh tế tăng trưởng ổn định trong năm. ".repeat(8);
    let mut brief = format!(
        "title: Long\ndocuments:\n  - id: long\n    file: long.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: t\n    quotes: &q\n      - doc: long\n        text: &l \"{}\"\n",
        quote.trim()
    );
    for _ in 1..10 {
        brief.push_str("      - doc: long\n        text: *l\n");
    }
    for _ in 0..40 {
        brief.push_str("  - topics: t\n    quotes: *q\n");
    }
    let corpus = Corpus::good()
        .write_seed("long.txt", text.as_bytes())
        .write_brief("long.yaml", &brief);
    let out = run_bounded(
        &["check", "--corpus", corpus.path()],
        Duration::from_secs(60),
    )
    .expect("check answers");
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.ends_with(
            "3 documents, 2 briefs, 3 topics, 2 figures, 42 themes: 410 errors, 0 warnings\n"
        ),
        "{}",
        out.stdout
    );
}

// ---------------------------------------------------------------------------------------
// Encodings and line endings.

#[test]
fn a_binary_file_among_the_seeds_is_one_error_and_the_rest_loads() {
    let corpus = Corpus::good().write_seed("x.txt", PNG);
    let finding = format!(
        "{}:1:1: error: not UTF-8: byte 0x89 cannot start a character\n{NOT_UTF8_NOTE}\n",
        shown(&corpus, "seeds/x.txt")
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{finding}2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n"
        )
    );
    let out = sane(&["search", "--corpus", corpus.path(), "pham minh chinh"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, PHAM, finding.as_str())
    );
    let out = sane(&["print", "--corpus", corpus.path()]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "briefing: warning: the corpus has 1 error(s); unplaced quotes are marked. Run `briefing check` for details.\n"
    );
}

#[test]
fn nul_bytes_in_a_text_file_are_located() {
    let corpus = Corpus::good().write_seed("x.txt", b"Xin chao\nban\0 doc\n");
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with(&format!(
            "{}:2:4: error: NUL byte: this looks like a binary file, not a text\n    remove the file, or the NUL bytes, from the corpus\n",
            shown(&corpus, "seeds/x.txt")
        )),
        "{}",
        out.stdout
    );
    let out = sane(&["search", "--corpus", corpus.path(), "ban"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("x.txt:2:4: error: NUL byte"),
        "{}",
        out.stderr
    );
}

#[test]
fn latin1_vietnamese_is_not_utf8_at_the_first_bad_byte() {
    // "Hà Nội" cannot be Latin-1 in full; the accented letters it has come out as single bytes.
    let corpus = Corpus::good().write_seed("latin1.txt", b"Thu do\nH\xe0 N\xf4i\n");
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with(&format!(
            "{}:2:2: error: not UTF-8: byte 0xE0 cannot start a character\n{NOT_UTF8_NOTE}\n",
            shown(&corpus, "seeds/latin1.txt")
        )),
        "{}",
        out.stdout
    );
    let out = sane(&["search", "--corpus", corpus.path(), "pham minh chinh"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, PHAM));
    assert!(
        out.stderr.contains("latin1.txt:2:2: error: not UTF-8"),
        "{}",
        out.stderr
    );
}

#[test]
fn utf16_with_a_bom_is_named_with_what_to_do() {
    let text = "Phạm Minh Chính\n";
    let corpus = Corpus::good()
        .write_seed("le.txt", &utf16(text, false))
        .write_seed("be.txt", &utf16(text, true));
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:1:1: error: UTF-16 text; save it as UTF-8 (without BOM)\n{}:1:1: error: UTF-16 text; save it as UTF-8 (without BOM)\n\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, "seeds/be.txt"),
            shown(&corpus, "seeds/le.txt")
        )
    );
    let out = sane(&["search", "--corpus", corpus.path(), "pham minh chinh"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, PHAM));
    assert!(
        out.stderr.contains("be.txt:1:1: error: UTF-16 text"),
        "{}",
        out.stderr
    );
    // Without a BOM, UTF-16 is text with NUL bytes: still refused, at the first NUL.
    let mut no_bom = utf16("Pham Minh Chinh\n", false);
    no_bom.drain(..2);
    let corpus = Corpus::good().write_seed("le.txt", &no_bom);
    let out = check(&corpus);
    assert!(
        out.stdout.contains(&format!(
            "{}:1:2: error: NUL byte",
            shown(&corpus, "seeds/le.txt")
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn a_utf8_bom_is_dropped_not_an_error() {
    let good = Corpus::good();
    let corpus = Corpus::good().write_seed("vi.txt", &with_bom(VI));
    let out = sane(&["check", "--strict", "--corpus", corpus.path()]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
    assert_eq!(json(&corpus), json(&good));
    let out = sane(&["search", "--corpus", corpus.path(), "thu tuong pham"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "vi.txt:1:1: Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế.\n"
        )
    );
}

#[test]
fn crlf_and_lone_cr_seeds_count_lines_of_the_normalised_text() {
    let good = Corpus::good();
    for (name, eol) in [("CRLF", "\r\n"), ("CR", "\r")] {
        let corpus = Corpus::good().write_seed("vi.txt", VI.replace('\n', eol).as_bytes());
        let out = sane(&["check", "--strict", "--corpus", corpus.path()]);
        assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN), "{name}");
        assert_eq!(json(&corpus), json(&good), "{name}");
        let out = sane(&["search", "--corpus", corpus.path(), "nhap khau"]);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (0, "vi.txt:6:21: Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.\n"),
            "{name}"
        );
        let out = sane(&["search", "--corpus", corpus.path(), "khai thac"]);
        assert_eq!(
            out.stdout,
            "vi.txt:4:1: khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết.\n",
            "{name}"
        );
    }
}

#[test]
fn positions_after_a_bom_count_characters_of_the_text() {
    let corpus = Corpus::good()
        .write_seed("nul.txt", &with_bom("ab\0c\n"))
        .write_seed("bad.txt", &[&with_bom("ab")[..], b"\xe9c\n"].concat());
    let out = check(&corpus);
    assert!(
        out.stdout.contains(&format!(
            "{}:1:3: error: not UTF-8",
            shown(&corpus, "seeds/bad.txt")
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!(
            "{}:1:3: error: NUL byte",
            shown(&corpus, "seeds/nul.txt")
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn positions_in_a_lone_cr_file_count_its_lines() {
    let corpus = Corpus::good()
        .write_seed("bad.txt", b"one\rtwo\rab\xe9c\r")
        .write_seed("nul.txt", b"one\rtwo\rab\0c\r")
        .write_seed("crlf.txt", b"one\r\ntwo\r\nab\xe9c\r\n");
    let out = check(&corpus);
    for (file, what) in [
        ("bad.txt", "not UTF-8"),
        ("nul.txt", "NUL byte"),
        ("crlf.txt", "not UTF-8"),
    ] {
        let want = format!(
            "{}:3:3: error: {what}",
            shown(&corpus, &format!("seeds/{file}"))
        );
        assert!(out.stdout.contains(&want), "{want}\n{}", out.stdout);
    }
}

#[test]
fn nfd_seeds_take_nfc_quotes_and_nfc_seeds_take_nfd_quotes() {
    let good = Corpus::good();
    let nfd_seed = Corpus::good().write_seed("vi.txt", VI.nfd().collect::<String>().as_bytes());
    let out = sane(&["check", "--strict", "--corpus", nfd_seed.path()]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
    assert_eq!(json(&nfd_seed), json(&good));
    for query in [
        "nhập khẩu",
        "nhap khau",
        &"nhập khẩu".nfd().collect::<String>(),
    ] {
        let out = sane(&["search", "--corpus", nfd_seed.path(), query]);
        assert_eq!(
            (out.code, out.stdout.as_str()),
            (0, "vi.txt:6:21: Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.\n"),
            "{query:?}"
        );
    }
    let nfd_brief = Corpus::good().edit_brief(BRIEF, &BRIEF.nfd().collect::<String>());
    let out = sane(&["check", "--strict", "--corpus", nfd_brief.path()]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
    assert_eq!(json(&nfd_brief), json(&good));
}

#[test]
fn a_brief_saved_with_crlf_or_a_bom_loads_and_keeps_its_positions() {
    let bad_quote = |b: &str| b.replace("8,3-8,5% trong", "8.3-8.5% trong");
    let crlf = |b: &str| b.replace('\n', "\r\n").into_bytes();
    let bom = |b: &str| with_bom(b);
    for (name, save) in [("CRLF", &crlf as &dyn Fn(&str) -> Vec<u8>), ("BOM", &bom)] {
        let corpus = Corpus::good();
        let path = corpus.root().join("briefs/conference.yaml");
        fs::write(&path, save(BRIEF)).expect("write");
        let out = sane(&["check", "--strict", "--corpus", corpus.path()]);
        assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN), "{name}");
        fs::write(&path, save(&bad_quote(BRIEF))).expect("write");
        let out = check(&corpus);
        assert_eq!(out.code, 1, "{name}");
        assert!(
            out.stdout.starts_with(&format!(
                "{}:30:15: error: quote not found in vi-gov (vi.txt): \"tăng trưởng kinh tế từ 8.3-8.5% trong năm 2025\"\n    nearest text: \"tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025\" at line 3\n",
                path.display()
            )),
            "{name}: {}",
            out.stdout
        );
        fs::write(
            &path,
            save(&BRIEF.replace("title: Economic", "title: [Economic")),
        )
        .expect("write");
        let out = check(&corpus);
        assert!(
            out.stdout.starts_with(&format!(
                "{}:1:8: error: title: invalid type: list, expected text",
                path.display()
            )),
            "{name}: {}",
            out.stdout
        );
    }
}

// ---------------------------------------------------------------------------------------
// Empty things.

#[test]
fn an_empty_seed_is_an_empty_document_where_quotes_are_not_found() {
    let brief = "title: E\ndocuments:\n  - id: empty\n    file: empty.txt\ntopics:\n  - id: t\n    title: T\nfigures:\n  - label: x\n    value: \"1\"\n    topics: t\n    quotes:\n      - doc: empty\n        text: \"anything\"\n";
    let corpus = Corpus::good()
        .write_seed("empty.txt", b"")
        .write_brief("e.yaml", brief);
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:14:15: error: quote not found in empty (empty.txt): \"anything\"\n    no similar text in the document: copy the quote from it\n\
             3 documents, 2 briefs, 3 topics, 3 figures, 1 theme: 1 error, 0 warnings\n",
            shown(&corpus, "briefs/e.yaml")
        )
    );
    let out = sane(&["search", "--corpus", corpus.path(), "anything"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (1, "", "")
    );
    // Uncovered, it is one more document with a warning.
    let corpus = Corpus::good().write_seed("empty.txt", b"");
    let out = check(&corpus);
    assert_eq!(
        (out.code, out.stdout),
        (
            0,
            format!(
                "{}: warning: no brief covers this document\n    declare it under documents: in a brief (id, file, lang)\n\
                 3 documents, 1 brief, 2 topics, 2 figures, 1 theme: 0 errors, 1 warning\n",
                shown(&corpus, "seeds/empty.txt")
            )
        )
    );
}

#[test]
fn empty_and_blank_briefs_are_errors_that_say_what_a_brief_needs() {
    let corpus = Corpus::good()
        .write_brief("empty.yaml", "")
        .write_brief("blank.yaml", "\n   \n\t\n");
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    let hint = "    a brief needs at least `title:` and `documents:` (see the README)";
    assert_eq!(
        out.stdout,
        format!(
            "{}: error: empty brief\n{hint}\n{}: error: empty brief\n{hint}\n\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, "briefs/blank.yaml"),
            shown(&corpus, "briefs/empty.yaml")
        )
    );
}

#[test]
fn a_brief_of_only_comments_is_an_empty_brief() {
    let corpus = Corpus::good()
        .write_brief("comments.yaml", "# to do: fill in\n# later\n")
        .write_brief("dashes.yaml", "---\n");
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    let hint = "    a brief needs at least `title:` and `documents:` (see the README)";
    assert_eq!(
        out.stdout,
        format!(
            "{}: error: empty brief\n{hint}\n{}: error: empty brief\n{hint}\n\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, "briefs/comments.yaml"),
            shown(&corpus, "briefs/dashes.yaml")
        )
    );
}

#[test]
fn a_brief_that_is_not_a_mapping_says_what_a_brief_is() {
    let corpus = Corpus::good()
        .write_brief("null.yaml", "null\n")
        .write_brief("list.yaml", "- title: x\n")
        .write_brief("text.yaml", "just a sentence\n")
        .write_brief("doc.yaml", "title: t\ndocuments:\n  - - id: x\n");
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    // No Rust type names (`struct BriefFile`, `unit value`) in what a curator reads.
    assert!(!out.stdout.contains("struct"), "{}", out.stdout);
    assert!(!out.stdout.contains("unit value"), "{}", out.stdout);
    let brief = "expected a brief: a mapping with title:, documents: and more";
    for (name, line) in [
        (
            "null.yaml",
            format!("1:1: error: invalid type: nothing (null), {brief}"),
        ),
        (
            "list.yaml",
            format!("1:1: error: invalid type: list, {brief}"),
        ),
        (
            "text.yaml",
            format!("1:1: error: invalid type: string \"just a sentence\", {brief}"),
        ),
        (
            "doc.yaml",
            "3:5: error: documents[0]: invalid type: list, expected ".into(),
        ),
    ] {
        let want = format!("{}:{line}", shown(&corpus, &format!("briefs/{name}")));
        assert!(out.stdout.contains(&want), "{want}\n{}", out.stdout);
    }
    assert!(
        out.stdout.contains(&format!("\n    {HINT}\n")),
        "{}",
        out.stdout
    );
}

#[test]
fn figures_without_quotes_and_a_figure_with_empty_quotes() {
    let corpus = Corpus::good().write_brief(
        "f.yaml",
        "title: F\ndocuments:\n  - id: vi-gov\nfigures: []\n",
    );
    let out = sane(&["check", "--strict", "--corpus", corpus.path()]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "2 documents, 2 briefs, 2 topics, 2 figures, 1 theme: 0 errors, 0 warnings\n"
        )
    );
    let corpus = Corpus::good().write_brief(
        "q.yaml",
        "title: Q\ndocuments:\n  - id: vi-gov\ntopics:\n  - id: q\n    title: Q\nfigures:\n  - label: x\n    value: \"1\"\n    topics: q\n    quotes: []\n",
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:11:13: error: no quotes: an annotation must stand somewhere\n    add at least one `- doc: ID` / `text: \"...\"` under quotes:\n\
             2 documents, 2 briefs, 3 topics, 3 figures, 1 theme: 1 error, 0 warnings\n",
            shown(&corpus, "briefs/q.yaml")
        )
    );
}

#[test]
fn a_brief_with_no_documents_is_an_error() {
    let corpus = Corpus::good().write_brief("d.yaml", "title: D\ndocuments: []\n");
    let out = check(&corpus);
    assert_eq!(
        (out.code, out.stdout),
        (
            1,
            format!(
                "{}:2:12: error: no documents: a brief declares one or more\n    add `- id: ID` with `file:` (relative to seeds/) and `lang:`\n\
                 2 documents, 2 briefs, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n",
                shown(&corpus, "briefs/d.yaml")
            )
        )
    );
}

// ---------------------------------------------------------------------------------------
// Ids and keys.

#[test]
fn duplicate_ids_across_and_within_briefs() {
    // One file under two ids.
    let corpus = Corpus::good().write_brief(
        "other.yaml",
        "title: Other\ndocuments:\n  - id: other\n    file: vi.txt\n",
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:3:9: error: `vi.txt` is declared as both `vi-gov` and `other`\n    give each document one id and use it everywhere\n\
             2 documents, 2 briefs, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n",
            shown(&corpus, "briefs/other.yaml")
        )
    );
    // One id bound to two files, and one topic with two titles.
    let corpus = Corpus::good().write_brief(
        "other.yaml",
        "title: Other\ndocuments:\n  - id: vi-gov\n    file: id.txt\ntopics:\n  - id: fta\n    title: Trade\n",
    );
    let out = check(&corpus);
    let b = shown(&corpus, "briefs/other.yaml");
    assert_eq!(
        out.stdout,
        format!(
            "{b}:4:11: error: document `vi-gov` is bound to two files: `vi.txt` and `id.txt`\n    the first binding is in {}; one id names one file\n\
             {b}:7:12: error: topic `fta` has another title elsewhere: \"Free trade agreements\"\n    one id is one topic: make the titles agree\n\
             2 documents, 2 briefs, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, "briefs/conference.yaml")
        )
    );
    // The same topic with the same title, and a document declared by id only: fine.
    let corpus = Corpus::good().write_brief(
        "same.yaml",
        "title: Same\ndocuments:\n  - id: vi-gov\ntopics:\n  - id: fta\n    title: Free trade agreements\nthemes:\n  - topics: fta\n    quotes:\n      - doc: vi-gov\n        text: \"Thủ tướng Phạm Minh Chính\"\n",
    );
    let out = sane(&["check", "--strict", "--corpus", corpus.path()]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "2 documents, 2 briefs, 2 topics, 2 figures, 2 themes: 0 errors, 0 warnings\n"
        )
    );
    // Twice in one brief.
    let corpus = Corpus::good()
        .edit_brief("  - id: id-vna\n", "  - id: vi-gov\n  - id: id-vna\n")
        .edit_brief(
            "  - id: fta\n",
            "  - id: growth\n    title: Growth\n  - id: fta\n",
        );
    let out = check(&corpus);
    let b = shown(&corpus, "briefs/conference.yaml");
    assert!(
        out.stdout.contains(&format!(
            "{b}:10:9: error: document `vi-gov` declared twice in this brief\n"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!(
            "{b}:18:9: error: topic `growth` defined twice in this brief\n"
        )),
        "{}",
        out.stdout
    );
}

#[test]
fn a_quote_naming_an_undeclared_document() {
    let corpus = Corpus::good().edit_brief(
        "      - doc: id-vna\n        text: \"pertumbuhan",
        "      - doc: id-xx\n        text: \"pertumbuhan",
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:31:14: error: unknown document `id-xx`\n    declare it under documents:, or use one of: id-vna, vi-gov\n\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n",
            shown(&corpus, "briefs/conference.yaml")
        )
    );
}

#[test]
fn a_misspelt_key_is_an_error_at_every_depth() {
    let cases = [
        (
            "summary: Two",
            "sumary: Two",
            "3:1: error: unknown field `sumary`, expected one of `title`, `date`, `summary`, `documents`, `topics`, `figures`, `themes`",
        ),
        (
            "    lang: id\n",
            "    language: id\n",
            "12:5: error: documents[1]: unknown field `language`, expected one of `id`, `file`, `lang`, `title`, `title_en`, `date`, `source`, `parallel`, `event`, `note`",
        ),
        (
            "    title: Growth",
            "    titel: Growth",
            "16:5: error: topics[0]: unknown field `titel`, expected one of `id`, `title`, `summary`",
        ),
        (
            "    value: \"10 %\"",
            "    vaule: \"10 %\"",
            "34:5: error: figures[1]: unknown field `vaule`, expected one of `label`, `value`, `topics`, `note`, `kind`, `amount`, `amount_max`, `unit`, `period`, `quotes`",
        ),
        (
            "        prefix: \"Nhập",
            "        prefx: \"Nhập",
            "39:9: error: figures[1].quotes[0]: unknown field `prefx`, expected one of `doc`, `text`, `prefix`, `suffix`",
        ),
    ];
    for (from, to, want) in cases {
        let corpus = Corpus::good().edit_brief(from, to);
        let out = check(&corpus);
        assert_eq!(out.code, 1, "{to}");
        let want = format!(
            "{}:{want}\n    check the spelling of the key; the keys allowed here are listed above\n",
            shown(&corpus, "briefs/conference.yaml")
        );
        assert!(out.stdout.starts_with(&want), "{want}{}", out.stdout);
        assert!(
            out.stdout.ends_with(
                "2 documents, 0 briefs, 0 topics, 0 figures, 0 themes: 1 error, 0 warnings\n"
            ),
            "{}",
            out.stdout
        );
    }
}

// ---------------------------------------------------------------------------------------
// The file system.

#[test]
fn an_unreadable_seed_and_brief_are_findings_and_the_rest_loads() {
    let corpus = Corpus::good();
    symlink(
        "/nonexistent/briefing-target",
        corpus.root().join("seeds/x.txt"),
    )
    .expect("symlink");
    symlink("nowhere.yaml", corpus.root().join("briefs/y.yaml")).expect("symlink");
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    let seed = format!(
        "{}: error: cannot read: broken symbolic link to `/nonexistent/briefing-target`\n    check that the file exists and is readable\n",
        shown(&corpus, "seeds/x.txt")
    );
    assert_eq!(
        out.stdout,
        format!(
            "{}: error: cannot read: broken symbolic link to `nowhere.yaml`\n    check that the file exists and is readable\n{seed}\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, "briefs/y.yaml")
        )
    );
    let out = sane(&["search", "--corpus", corpus.path(), "pham minh chinh"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, PHAM));
    assert_eq!(
        out.stderr,
        seed.lines().next().unwrap_or_default().to_owned() + "\n"
    );
    // A folder named like a brief is a folder: walked, holding nothing.
    let corpus = Corpus::good();
    fs::create_dir(corpus.root().join("briefs/x.yaml")).expect("mkdir");
    fs::create_dir(corpus.root().join("seeds/x.txt")).expect("mkdir");
    let out = sane(&["check", "--strict", "--corpus", corpus.path()]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
}

#[test]
fn unusable_corpora_exit_2_from_every_command() {
    let no_seeds = tempfile::tempdir().expect("tempdir");
    fs::create_dir(no_seeds.path().join("briefs")).expect("mkdir");
    let seeds_file = Corpus::seeds_is_a_file();
    let a_file = tempfile::NamedTempFile::new().expect("temp file");
    let a_file = a_file.path().display().to_string();
    let no_seeds = no_seeds.path().display().to_string();
    let cases = [
        (
            no_seeds.clone(),
            format!(
                "briefing: {no_seeds}: no seeds/ folder; a corpus holds seeds/ (documents, *.txt) and briefs/ (*.yaml)\n"
            ),
        ),
        (
            seeds_file.path().to_string(),
            format!(
                "briefing: {}/seeds: seeds/ is not a directory; put the documents (*.txt) in a folder named seeds/\n",
                seeds_file.path()
            ),
        ),
        (
            a_file.clone(),
            format!(
                "briefing: {a_file}: not a directory; --corpus takes a directory holding seeds/ and briefs/\n"
            ),
        ),
    ];
    for (dir, message) in cases {
        for command in [
            &["check"][..],
            &["print"],
            &["print", "--format", "json"],
            &["search", "x"],
        ] {
            let mut args = command.to_vec();
            args.extend(["--corpus", &dir]);
            let out = sane(&args);
            assert_eq!(
                (out.code, out.stdout.as_str(), out.stderr.as_str()),
                (2, "", message.as_str()),
                "{args:?}"
            );
        }
    }
}

#[test]
fn a_briefs_that_is_a_file_is_reported() {
    let corpus = Corpus::good();
    fs::remove_dir_all(corpus.root().join("briefs")).expect("rm");
    fs::write(corpus.root().join("briefs"), "not a folder").expect("write");
    let out = check(&corpus);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.starts_with(&format!(
            "{}: error: briefs/ is not a directory\n    put the briefs (*.yaml) in a folder named briefs/\n",
            shown(&corpus, "briefs")
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with(
            "2 documents, 0 briefs, 0 topics, 0 figures, 0 themes: 1 error, 2 warnings\n"
        ),
        "{}",
        out.stdout
    );
    // search needs no briefs: it still works.
    let out = sane(&["search", "--corpus", corpus.path(), "pham minh chinh"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, PHAM));
}

#[test]
fn a_symlink_loop_inside_seeds_is_a_warning_not_a_hang() {
    let corpus = Corpus::good();
    symlink("..", corpus.root().join("seeds/loop")).expect("symlink");
    symlink(".", corpus.root().join("seeds/self")).expect("symlink");
    let out = check(&corpus);
    assert_eq!(
        (out.code, out.stdout),
        (
            0,
            format!(
                "{}: warning: folder visited twice (a symlink loop?); skipped\n{}: warning: folder visited twice (a symlink loop?); skipped\n\
                 2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 0 errors, 2 warnings\n",
                shown(&corpus, "seeds/loop/seeds"),
                shown(&corpus, "seeds/self")
            )
        )
    );
    assert_eq!(
        sane(&["check", "--strict", "--corpus", corpus.path()]).code,
        1
    );
    let out = sane(&["search", "--corpus", corpus.path(), "pham minh chinh"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, PHAM));
    assert!(out.stderr.contains("symlink loop"), "{}", out.stderr);
}

#[test]
fn hidden_files_and_editor_leftovers_are_ignored() {
    let corpus = Corpus::good()
        .write_brief(".conference.yaml.swp", "\0\x01binary swap")
        .write_brief("conference.yaml~", "title: [unclosed\n")
        .write_brief(".hidden.yaml", "title: [unclosed\n")
        .write_seed(".hidden.txt", PNG)
        .write_seed("vi.txt~", PNG)
        .write_seed(".vi.txt.swp", PNG)
        .write_seed("notes.md", PNG);
    fs::create_dir(corpus.root().join("seeds/.git")).expect("mkdir");
    fs::write(corpus.root().join("seeds/.git/x.txt"), PNG).expect("write");
    let out = sane(&["check", "--strict", "--corpus", corpus.path()]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
    let out = sane(&["search", "--corpus", corpus.path(), "pham minh chinh"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, PHAM, "")
    );
}

#[test]
fn a_seed_name_with_a_line_break_keeps_one_match_a_line() {
    let corpus = Corpus::good().write_seed("a\nb.txt", b"Pham\n");
    let out = sane(&["search", "--corpus", corpus.path(), "pham"]);
    assert_eq!(
        (out.code, out.stdout),
        (0, format!("a\\nb.txt:1:1: Pham\n{PHAM}"))
    );
}

// ---------------------------------------------------------------------------------------
// print -o.

#[test]
fn print_into_a_missing_directory_exits_2_naming_the_file() {
    let corpus = Corpus::good();
    let target = shown(&corpus, "nodir/out.txt");
    let out = sane(&["print", "--corpus", corpus.path(), "-o", &target]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr),
        (
            2,
            "",
            format!("briefing: {target}: No such file or directory (os error 2)\n")
        )
    );
    let dir = shown(&corpus, "");
    let out = sane(&["print", "--corpus", corpus.path(), "-o", &dir]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(&format!("briefing: {dir}: ")),
        "{}",
        out.stderr
    );
}

#[test]
fn a_failed_print_leaves_the_existing_file_untouched() {
    let corpus = Corpus::good();
    let target = shown(&corpus, "brief.txt");
    fs::write(&target, "the good brief\n").expect("write");
    let listing = || {
        let mut names: Vec<_> = fs::read_dir(corpus.root())
            .expect("ls")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    for (args, message) in [
        (
            &["--brief", "nope"][..],
            "briefing: no brief `nope`; briefs are: conference\n",
        ),
        (
            &["--topic", "nope"],
            "briefing: no topic `nope`; topics are: growth, fta\n",
        ),
    ] {
        let mut all = vec!["print", "--corpus", corpus.path(), "-o", &target];
        all.extend(args);
        let out = sane(&all);
        assert_eq!((out.code, out.stderr.as_str()), (2, message), "{args:?}");
        assert_eq!(
            fs::read_to_string(&target).expect("read"),
            "the good brief\n"
        );
        assert_eq!(listing(), before, "no temporary file left behind");
    }
    // A corpus that does not load at all leaves it too.
    let out = sane(&["print", "--corpus", "/no/such/corpus", "-o", &target]);
    assert_eq!(out.code, 2);
    assert_eq!(
        fs::read_to_string(&target).expect("read"),
        "the good brief\n"
    );
    // And a good print replaces it whole.
    let out = sane(&["print", "--corpus", corpus.path(), "-o", &target]);
    assert_eq!(out.code, 0);
    assert!(
        fs::read_to_string(&target)
            .expect("read")
            .contains("Economic diplomacy conference")
    );
    assert_eq!(listing(), before);
}

#[test]
fn print_through_a_symlink_writes_the_target() {
    let corpus = Corpus::good();
    let real = corpus.root().join("real.txt");
    let link = corpus.root().join("link.txt");
    fs::write(&real, "old\n").expect("write");
    symlink("real.txt", &link).expect("symlink");
    let out = sane(&[
        "print",
        "--corpus",
        corpus.path(),
        "-o",
        &link.display().to_string(),
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink(),
        "the link is gone"
    );
    assert!(
        fs::read_to_string(&real)
            .expect("read")
            .contains("Economic diplomacy"),
        "the target is stale"
    );
}

#[test]
fn print_into_a_fifo_writes_into_it_and_keeps_it() {
    let corpus = Corpus::good();
    let fifo = corpus.root().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = fifo.clone();
    // The reader blocks until a writer opens the FIFO; if print renamed a file over it
    // instead, the reader never wakes and the timeout below fails the test.
    std::thread::spawn(move || {
        let _ = tx.send(fs::read_to_string(&reader));
    });
    let out = sane(&[
        "print",
        "--corpus",
        corpus.path(),
        "-o",
        &fifo.display().to_string(),
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    let read = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the FIFO's reader got the brief")
        .expect("read");
    assert!(read.contains("Economic diplomacy conference"), "{read}");
    let kind = fs::symlink_metadata(&fifo).expect("stat").file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "the FIFO was replaced"
    );
}

#[test]
fn a_full_disk_on_standard_output_exits_2() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    if !full
        .metadata()
        .is_ok_and(|m| std::os::unix::fs::FileTypeExt::is_char_device(&m.file_type()))
    {
        return;
    }
    let corpus = Corpus::good();
    for args in [&["check"][..], &["print"], &["search", "pham"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .args(["--corpus", corpus.path()])
            .stdin(Stdio::null())
            .stdout(full.try_clone().expect("dup"))
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("briefing: ") && stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Hostile queries.

#[test]
fn hostile_search_queries() {
    let corpus = Corpus::good();
    let search = |q: &str| sane(&["search", "--corpus", corpus.path(), q]);
    // Only combining marks: nothing to search for.
    let out = search("\u{301}\u{323}\u{309}");
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            2,
            "",
            "briefing: empty query: give the words to find, e.g. briefing search 'pham minh chinh'\n"
        )
    );
    // 10,000 characters: no match, no trouble.
    let out = search(&"a".repeat(10_000));
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (1, "", "")
    );
    // ...and found where it stands.
    let long = "Phạm ".repeat(2_000);
    let corpus2 = Corpus::good().write_seed("long.txt", format!("x {long}\n").as_bytes());
    let out = sane(&["search", "--corpus", corpus2.path(), long.trim()]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.starts_with("long.txt:1:3: x Phạm Phạm"),
        "{}",
        head(&out.stdout)
    );
    // Regular-expression characters are literal.
    let out = search("(FTA)");
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "id.txt:4:57: dan pemanfaatan efektif 17 perjanjian perdagangan bebas (FTA).\n\
             vi.txt:4:50: khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết.\n"
        )
    );
    let out = search("FTA).");
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "id.txt:4:58: dan pemanfaatan efektif 17 perjanjian perdagangan bebas (FTA).\n"
        )
    );
    let out = search("8,3-8,5%");
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    for pattern in [
        ".*", "[a-z]+", "\\d", "^Thủ", "kết.$", "a|b", "(?i)pham", "\\", "*", "$",
    ] {
        let out = search(pattern);
        assert_eq!((out.code, out.stdout.as_str()), (1, ""), "{pattern:?}");
    }
    // A control character is a character like any other.
    let out = search("\u{1}");
    assert_eq!((out.code, out.stdout.as_str()), (1, ""));
}

#[test]
fn a_query_with_nul_cannot_reach_the_binary_and_the_engine_takes_it() {
    // The operating system refuses NUL in an argument, before briefing runs.
    let spawned = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["search", "a\0b"])
        .output();
    assert!(spawned.is_err(), "{spawned:?}");
    // The engine, given one anyway (the reader's search box), neither panics nor fails.
    let searcher = briefing::engine::search::Searcher::new("a\0b").expect("a query");
    assert_eq!(searcher.find_in("xa\0b a b"), vec![1..4]);
    assert!(briefing::engine::search::Searcher::new("\0").is_some());
}

// ---------------------------------------------------------------------------------------
// Every command on every hostile corpus.

/// The good corpus with its brief replaced by raw bytes.
fn brief_bytes(bytes: &[u8]) -> Corpus {
    let corpus = Corpus::good();
    fs::write(corpus.root().join("briefs/conference.yaml"), bytes).expect("write");
    corpus
}

fn head(s: &str) -> String {
    s.chars().take(200).collect()
}

fn hostile_corpora() -> Vec<(&'static str, Corpus)> {
    let mut all = vec![
        ("png", Corpus::good().write_seed("x.txt", PNG)),
        ("nul", Corpus::good().write_seed("x.txt", b"a\0b")),
        (
            "latin1",
            Corpus::good().write_seed("x.txt", b"H\xe0 N\xf4i"),
        ),
        (
            "utf16le",
            Corpus::good().write_seed("vi.txt", &utf16(VI, false)),
        ),
        (
            "utf16be",
            Corpus::good().write_seed("vi.txt", &utf16(VI, true)),
        ),
        ("bom", Corpus::good().write_seed("vi.txt", &with_bom(VI))),
        (
            "crlf",
            Corpus::good().write_seed("vi.txt", VI.replace('\n', "\r\n").as_bytes()),
        ),
        (
            "cr",
            Corpus::good().write_seed("vi.txt", VI.replace('\n', "\r").as_bytes()),
        ),
        (
            "nfd",
            Corpus::good().write_seed("vi.txt", VI.nfd().collect::<String>().as_bytes()),
        ),
        ("empty seed", Corpus::good().write_seed("vi.txt", b"")),
        ("bomb", Corpus::good().write_brief("bomb.yaml", &bomb())),
        (
            "empty brief",
            Corpus::good().write_brief("conference.yaml", ""),
        ),
        (
            "comments",
            Corpus::good().write_brief("conference.yaml", "# nothing\n"),
        ),
        (
            "null brief",
            Corpus::good().write_brief("conference.yaml", "~\n"),
        ),
        (
            "no documents",
            Corpus::good().write_brief("x.yaml", "title: x\ndocuments: []\n"),
        ),
        (
            "brief bom",
            Corpus::good().write_brief(
                "conference.yaml",
                &String::from_utf8(with_bom(BRIEF)).unwrap_or_default(),
            ),
        ),
        ("brief binary", brief_bytes(PNG)),
        (
            "brief latin1",
            brief_bytes(
                &[
                    &b"title: Econ\xe9mic\n"[..],
                    BRIEF
                        .split_once('\n')
                        .map_or("", |(_, rest)| rest)
                        .as_bytes(),
                ]
                .concat(),
            ),
        ),
        ("misspelt", Corpus::good().edit_brief("quotes:", "qoutes:")),
        (
            "undeclared doc",
            Corpus::good().edit_brief("doc: id-vna", "doc: nope"),
        ),
    ];
    let c = Corpus::good();
    symlink("..", c.root().join("seeds/loop")).expect("symlink");
    symlink("/nonexistent", c.root().join("seeds/x.txt")).expect("symlink");
    fs::create_dir(c.root().join("briefs/x.yaml")).expect("mkdir");
    all.push(("links", c));
    let c = Corpus::good();
    fs::remove_dir_all(c.root().join("briefs")).expect("rm");
    fs::write(c.root().join("briefs"), "file").expect("write");
    all.push(("briefs is a file", c));
    let c = Corpus::good();
    fs::remove_dir_all(c.root().join("briefs")).expect("rm");
    all.push(("no briefs", c));
    all.push(("seeds is a file", Corpus::seeds_is_a_file()));
    all.push(("empty seeds", Corpus::empty()));
    all
}

#[test]
fn every_command_on_every_hostile_corpus_never_panics() {
    for (name, corpus) in hostile_corpora() {
        let out_file = shown(&corpus, "out.html");
        let p = corpus.path();
        let commands: Vec<Vec<&str>> = vec![
            vec!["check"],
            vec!["check", "--strict"],
            vec!["print"],
            vec!["print", "--format", "markdown", "--width", "20"],
            vec!["print", "--format", "html", "-o", &out_file],
            vec!["print", "--format", "json", "--brief", "conference"],
            vec!["print", "--topic", "fta"],
            vec!["search", "pham minh chinh"],
            vec!["search", "đồng"],
            vec![], // the reader: refuses without a terminal
        ];
        for command in commands {
            let mut args = command.clone();
            args.extend(["--corpus", p]);
            let out = run(&args);
            assert_sane(&out, &format!("{name}: {args:?}"));
            if command.is_empty() {
                assert_eq!(out.code, 2, "{name}: the reader needs a terminal");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Random input through the binary.

/// Seed bytes: raw noise, or the good seed cut, spliced and salted with awkward bytes.
fn seed_bytes() -> impl Strategy<Value = Vec<u8>> {
    let awkward = prop::sample::select(vec![
        &b"\0"[..],
        b"\r",
        b"\r\n",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xE9",
        b"\xC3",
        b"\xCC\x81",
        b"\xE2\x80\x8B",
        b"\n\n",
        b"\t",
        "ạ".as_bytes(),
        "Đ".as_bytes(),
    ]);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2000),
        (
            0..VI.len(),
            0..VI.len(),
            prop::collection::vec((0..VI.len(), awkward), 0..8)
        )
            .prop_map(|(a, b, salt)| {
                let mut bytes = VI.as_bytes()[a.min(b)..a.max(b)].to_vec();
                for (at, s) in salt {
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, s.iter().copied());
                }
                bytes
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn check_and_search_survive_random_seeds(vi in seed_bytes(), extra in seed_bytes(), query in "\\PC{0,12}") {
        let corpus = Corpus::good().write_seed("vi.txt", &vi).write_seed("extra.txt", &extra);
        for args in [
            vec!["check", "--corpus", corpus.path()],
            vec!["search", "--corpus", corpus.path(), "tăng"],
            vec!["search", "--corpus", corpus.path(), &query],
        ] {
            let out = run(&args);
            prop_assert!((0..=2).contains(&out.code), "{args:?}: {out:?}");
            prop_assert!(!out.stderr.contains("panicked") && !out.stderr.contains("RUST_BACKTRACE"), "{out:?}");
        }
    }

    #[test]
    fn check_survives_random_briefs(cut in 0..BRIEF.len(), len in 0usize..40, noise in prop::collection::vec(any::<u8>(), 0..40)) {
        let bytes = BRIEF.as_bytes();
        let cut = cut.min(bytes.len());
        let end = (cut + len).min(bytes.len());
        let mutated = [&bytes[..cut], &noise[..], &bytes[end..]].concat();
        let corpus = Corpus::good();
        fs::write(corpus.root().join("briefs/conference.yaml"), &mutated).expect("write");
        let out = run(&["check", "--corpus", corpus.path()]);
        prop_assert!((0..=2).contains(&out.code), "{out:?}");
        prop_assert!(!out.stderr.contains("panicked") && !out.stdout.contains("panicked"), "{out:?}");
    }
}
