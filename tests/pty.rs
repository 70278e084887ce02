//! The reader end to end in a real pseudo-terminal: portable-pty runs the binary, vt100
//! plays the screen. Every wait polls the screen until a condition holds (10 s at most).

#![cfg(all(unix, feature = "reader"))]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use briefing::engine::{Corpus, CorpusSource, load};
use briefing::reader::App;
use briefing::reader::view::{areas, inner};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use ratatui::layout::Rect;
use unicode_normalization::UnicodeNormalization;

const TIMEOUT: Duration = Duration::from_secs(10);

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader/basic")
}

fn fixture() -> Corpus {
    load(&CorpusSource::Dir(fixture_dir())).expect("fixture loads")
}

/// One run of the binary in a pseudo-terminal.
struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    size: (u16, u16),
}

impl Session {
    /// Starts `briefing` on the fixture corpus (or the built-in one) in a cols x rows terminal.
    fn start(cols: u16, rows: u16, built_in: bool) -> Session {
        Session::start_on((!built_in).then(fixture_dir), cols, rows)
    }

    /// Starts `briefing` on the corpus in `dir` (the built-in one for `None`).
    fn start_on(dir: Option<PathBuf>, cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        if let Some(dir) = dir {
            cmd.arg("--corpus");
            cmd.arg(dir);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair.slave.spawn_command(cmd).expect("spawn briefing");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new(rows, cols, 0),
            output,
            writer,
            child,
            master: pair.master,
            size: (cols, rows),
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Feeds whatever output arrives within `wait` to the screen.
    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
            }
        }
    }

    /// The screen, NFC (vt100 keeps combining marks as they came).
    fn text(&self) -> String {
        self.parser.screen().contents().nfc().collect()
    }

    /// Waits until `cond` holds for the screen; panics with the screen after the timeout.
    fn wait_for(&mut self, what: &str, cond: impl Fn(&Session) -> bool) {
        let start = Instant::now();
        while !cond(self) {
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{}",
                self.text()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn wait_for_text(&mut self, text: &str) {
        let text = text.to_string();
        self.wait_for(&format!("{text:?}"), move |s| s.text().contains(&text));
    }

    /// The text inside pane `i` (rows joined, white space collapsed), laid out as the
    /// reader lays out this terminal size.
    fn pane_text(&self, corpus: &Corpus, i: usize) -> String {
        let mut app = App::new(corpus.clone());
        app.resize(self.size.0, self.size.1);
        let Some(area) = areas(Rect::new(0, 0, self.size.0, self.size.1), &app).panes[i] else {
            return String::new();
        };
        let area = inner(area);
        let screen = self.parser.screen();
        let mut out = String::new();
        for row in area.top()..area.bottom() {
            for col in area.left()..area.right() {
                match screen.cell(row, col) {
                    Some(cell) if cell.is_wide_continuation() => {}
                    // vt100 keeps a blank cell as empty contents.
                    Some(cell) if cell.contents().is_empty() => out.push(' '),
                    Some(cell) => out.push_str(cell.contents()),
                    None => {}
                }
            }
            out.push(' ');
        }
        let nfc: String = out.nfc().collect();
        nfc.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
        self.parser.screen_mut().set_size(rows, cols);
        self.size = (cols, rows);
    }

    /// Waits for the program to end, still reading its output.
    fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                self.pump(Duration::from_millis(100));
                return status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "briefing did not exit; screen:\n{}",
                self.text()
            );
            self.pump(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Collapses white space, for comparing quotes with pane text.
fn words(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn two_panes_side_by_side_then_q_leaves_the_terminal_as_it_was() {
    let mut s = Session::start(120, 30, false);
    let corpus = fixture();
    s.wait_for("both panes side by side with their text", |s| {
        s.text()
            .lines()
            .any(|l| l.contains("vi-gov · vi") && l.contains("id-vna · id"))
            && s.pane_text(&corpus, 0).starts_with("Tại hội nghị")
            && s.pane_text(&corpus, 1).starts_with("Para pemimpin")
    });
    assert!(s.parser.screen().alternate_screen());
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
    assert_eq!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
}

#[test]
fn search_ignores_diacritics_and_shows_the_match() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    // Take the first pane down the page, so the match has to be brought back.
    s.send("GG");
    s.wait_for_text("100%");
    s.send("/pham minh chinh\r");
    let corpus = fixture();
    s.wait_for("the match in a pane", |s| {
        (0..2).any(|i| s.pane_text(&corpus, i).contains("Phạm Minh Chính"))
    });
    s.wait_for_text("matches");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn n_goes_to_the_next_annotation_in_every_pane_that_shows_it() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    let corpus = fixture();
    // The fifth annotation is the first theme, quoted in both documents on screen.
    let theme = &corpus.annotations[4];
    assert_eq!(theme.quotes.len(), 2);
    s.send("nnnnn");
    s.wait_for_text("Renew the traditional growth engines");
    for (i, q) in theme.quotes.iter().enumerate() {
        let pane = s.pane_text(&corpus, i);
        assert!(
            pane.contains(&words(&q.text)),
            "pane {i} lacks {:?}:\n{}",
            q.text,
            s.text()
        );
    }
    s.send("\x03");
    assert!(s.wait_exit().success());
}

#[test]
fn question_mark_shows_help_from_the_key_table() {
    let mut s = Session::start(100, 50, false);
    s.wait_for_text("vi-gov · vi");
    s.send("?");
    s.wait_for("every key of the table in the help", |s| {
        let text = s.text();
        text.contains("Keys")
            && briefing::reader::keymap::KEYS
                .iter()
                .all(|b| text.contains(b.help()))
    });
    s.send("?q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("1/43");
    s.send("s"); // sync off, so only the pane under the pointer moves
    // SGR mouse report: wheel down at column 50, row 10 (1-based), over the first pane.
    s.send("\x1b[<65;50;10M\x1b[<65;50;10M\x1b[<65;50;10M");
    s.wait_for("the first pane to scroll", |s| !s.text().contains(" 1/43 "));
    assert!(
        s.text().contains(" 1/10 "),
        "the other pane stays:\n{}",
        s.text()
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn tiny_and_resized_terminals_do_not_crash() {
    let mut s = Session::start(20, 5, false);
    s.wait_for_text("vi-gov");
    s.send("jG?");
    s.wait_for_text("Keys");
    // Each step waits for its effect before the next, so keys never race a resize.
    s.send("q]n/dong\r");
    s.wait_for_text("/dong");
    s.resize(1, 1);
    s.wait_for("a 1x1 frame", |s| s.text().trim().chars().count() <= 1);
    s.resize(60, 20);
    s.wait_for_text("Topics");
    s.resize(120, 30);
    s.wait_for("both panes after growing", |s| {
        s.text()
            .lines()
            .any(|l| l.contains("vi-gov · vi") && l.contains("id-vna · id"))
    });
    s.send("?");
    s.wait_for_text("Keys");
    s.send("qq");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn the_built_in_corpus_opens() {
    let mut s = Session::start(120, 30, true);
    s.wait_for_text("Topics");
    s.send("]nn?");
    s.wait_for_text("Keys");
    s.send("\x03");
    assert!(s.wait_exit().success());
}

/// crossterm's default event source (mio: edge-triggered epoll) forgets that keys are
/// waiting when they arrive in the same wake-up as a SIGWINCH and the resize is handled
/// first: the reader then sleeps with the keys unread until the next one comes (about one
/// run in eight hung here). Cargo.toml turns on crossterm's `use-dev-tty` source
/// (level-triggered poll), which does not.
#[test]
fn keys_and_resizes_in_quick_succession_leave_the_reader_answering() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    // No waiting between a key and a resize: the reader must take them in any order.
    for round in 0..20u16 {
        s.send("j");
        s.resize(80 + round * 2, 24 + round % 7);
        s.send("k");
    }
    s.resize(120, 30);
    s.pump(Duration::from_millis(10));
    s.send("?");
    s.wait_for_text("Keys");
    s.send("?q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

/// Writes `text` to `path` as editors save: a new file, renamed over the old one.
fn save_by_rename(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("yaml.tmp");
    std::fs::write(&tmp, text).expect("write the new version");
    std::fs::rename(&tmp, path).expect("rename it over the old one");
}

#[test]
fn a_brief_saved_in_another_window_shows_at_once_and_a_broken_one_keeps_its_last_version() {
    // The fixture's economy brief and its seeds, without its one unplaceable quote.
    let dir = tempfile::tempdir().expect("temp dir");
    let src = fixture_dir();
    for sub in ["seeds", "briefs"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
    }
    for seed in ["vi-gov.txt", "id-vna.txt", "vi-vgp.txt"] {
        std::fs::copy(
            src.join("seeds").join(seed),
            dir.path().join("seeds").join(seed),
        )
        .expect("copy a seed");
    }
    let econ = std::fs::read_to_string(src.join("briefs/econ.yaml"))
        .expect("read the brief")
        .replace("xuất khẩu tăng 12%", "xuất khẩu, tiêu");
    let brief = dir.path().join("briefs/econ.yaml");
    std::fs::write(&brief, &econ).expect("write the brief");

    let mut s = Session::start_on(Some(dir.path().to_path_buf()), 120, 30);
    s.wait_for_text("vi-gov · vi");
    s.send("nnnnn"); // the first theme
    s.wait_for_text("Renew the traditional growth engines");

    let edited = econ.replace(
        "Renew the traditional growth engines",
        "Revive the old growth engines",
    );
    save_by_rename(&brief, &edited);
    s.wait_for("the edited note and the reload in the status line", |s| {
        let text = s.text();
        text.contains("Revive the old growth engines")
            && text.lines().last().is_some_and(|l| l.contains("reloaded"))
    });
    assert!(!s.text().contains("Renew the traditional"), "{}", s.text());

    save_by_rename(&brief, &edited.replacen("quotes:", "qoutes:", 1));
    s.wait_for("the problem in the status line", |s| {
        s.text().contains("reloaded: 1 problem (e to list)")
    });
    assert!(
        s.text().contains("Revive the old growth engines"),
        "the last good version stays:\n{}",
        s.text()
    );
    s.send("e");
    s.wait_for_text("showing the last version of this brief that loaded");
    s.send("\x1b");
    s.wait_for("the problems list to close", |s| {
        !s.text().contains("Findings")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}
