//! Helpers for the hostile-input tests (tests/it/robustness*.rs): running the binary with a
//! watchdog, checking that it stayed sane, and the texts they compare against.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{Corpus, Output, run};

pub const VI: &str = include_str!("../../fixtures/cli/good/seeds/vi.txt");
pub const BRIEF: &str = include_str!("../../fixtures/cli/good/briefs/conference.yaml");
pub const CLEAN: &str =
    "2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 0 errors, 0 warnings\n";
pub const PHAM: &str = "id.txt:1:17: Perdana Menteri Pham Minh Chinh memimpin konferensi diplomasi ekonomi.\n\
                    vi.txt:1:11: Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế.\n";
pub const NOT_UTF8_NOTE: &str =
    "    save the file as UTF-8, or convert it, e.g. `iconv -f WINDOWS-1258 -t UTF-8`";
/// The note under a value of the wrong type.
pub const HINT: &str = "write this value as the message says; the brief is skipped until it loads";
pub const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";

/// No panic, no backtrace, and an exit status from the contract.
#[track_caller]
pub fn assert_sane(out: &Output, what: &str) {
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
pub fn sane(args: &[&str]) -> Output {
    let out = run(args);
    assert_sane(&out, &args.join(" "));
    out
}

/// Runs `briefing CMD --corpus CORPUS ARGS...` and checks that it did not panic.
#[track_caller]
pub fn sane_on(corpus: &Corpus, cmd: &str, args: &[&str]) -> Output {
    sane(&corpus.args(cmd, args))
}

pub fn check(corpus: &Corpus) -> Output {
    sane(&["check", "--corpus", corpus.path()])
}

/// `DIR/briefs/NAME` or `DIR/seeds/NAME` as the binary shows it.
pub fn shown(corpus: &Corpus, rel: &str) -> String {
    format!("{}/{rel}", corpus.path())
}

/// `check` fails (exit 1) and its report starts with the path of `rel` then `tail`.
#[track_caller]
pub fn check_fails_at(corpus: &Corpus, rel: &str, tail: &str) -> Output {
    let out = check(corpus);
    assert_eq!(out.code, 1);
    let wanted = format!("{}{tail}", shown(corpus, rel));
    assert!(out.stdout.starts_with(&wanted), "{}", out.stdout);
    out
}

/// `search` still finds the Prime Minister in both documents of the good corpus; the run.
#[track_caller]
pub fn search_finds_pham(corpus: &Corpus) -> Output {
    let out = sane_on(corpus, "search", &["pham minh chinh"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, PHAM));
    out
}

/// Asserts that `text` holds `tail` right after the path of `rel` in `corpus`.
#[track_caller]
pub fn assert_names(text: &str, corpus: &Corpus, rel: &str, tail: &str) {
    let wanted = format!("{}{tail}", shown(corpus, rel));
    assert!(text.contains(&wanted), "{text}");
}

/// Runs the binary and kills it after `limit`: a hang becomes a failure, not a stuck suite.
pub fn run_bounded(args: &[&str], limit: Duration) -> Result<Output, String> {
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

pub fn json(corpus: &Corpus) -> String {
    let out = sane(&["print", "--corpus", corpus.path(), "--format", "json"]);
    assert_eq!(out.code, 0, "{out:?}");
    out.stdout
}

pub fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
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

pub fn with_bom(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

pub fn bomb() -> String {
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

pub fn head(s: &str) -> String {
    s.chars().take(200).collect()
}
