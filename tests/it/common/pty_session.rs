//! A run of the binary in a pseudo-terminal for the end-to-end reader tests: portable-pty
//! runs it, vt100 plays the screen, and every wait polls until a condition holds.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use briefing::engine::{Corpus, CorpusSource, load};
use briefing::reader::App;
use briefing::reader::Msg;
use briefing::reader::state::Pane;
use briefing::reader::view::{areas, inner};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
use ratatui::layout::Rect;
use unicode_normalization::UnicodeNormalization;

pub const TIMEOUT: Duration = Duration::from_secs(10);

pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reader/basic")
}

pub fn fixture() -> Corpus {
    load(&CorpusSource::Dir(fixture_dir())).expect("fixture loads")
}

/// One run of the binary in a pseudo-terminal.
pub struct Session {
    pub parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    size: (u16, u16),
    /// Every byte the program wrote, as it came (escape sequences included).
    pub raw: Vec<u8>,
}

impl Session {
    /// Starts `briefing` on the fixture corpus (or the built-in one) in a cols x rows terminal.
    pub fn start(cols: u16, rows: u16, built_in: bool) -> Session {
        Session::start_on((!built_in).then(fixture_dir), cols, rows)
    }

    /// Starts `briefing` on the corpus in `dir` (the built-in one for `None`).
    pub fn start_on(dir: Option<PathBuf>, cols: u16, rows: u16) -> Session {
        let mut args = Vec::new();
        if let Some(dir) = dir {
            args.push("--corpus".into());
            args.push(dir.into_os_string());
        }
        Session::start_with(&args, &[("TERM", "xterm-256color")], cols, rows)
    }

    /// Starts `briefing --corpus CORPUS` in the folder `cwd`.
    pub fn start_in(
        cwd: &std::path::Path,
        corpus: &std::path::Path,
        cols: u16,
        rows: u16,
    ) -> Session {
        let args = ["--corpus".into(), corpus.as_os_str().to_owned()];
        Session::spawn(&args, &[("TERM", "xterm-256color")], Some(cwd), cols, rows)
    }

    /// Starts `briefing ARGS` with these environment variables set.
    pub fn start_with(
        args: &[std::ffi::OsString],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Session {
        Session::spawn(args, env, None, cols, rows)
    }

    fn spawn(
        args: &[std::ffi::OsString],
        env: &[(&str, &str)],
        cwd: Option<&std::path::Path>,
        cols: u16,
        rows: u16,
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args);
        if let Some(cwd) = cwd {
            cmd.cwd(cwd);
        }
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
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
            raw: Vec::new(),
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Feeds whatever output arrives within `wait` to the screen.
    pub fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
            while let Ok(bytes) = self.output.try_recv() {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
        }
    }

    /// The screen, NFC (vt100 keeps combining marks as they came).
    pub fn text(&self) -> String {
        self.parser.screen().contents().nfc().collect()
    }

    /// Waits until `cond` holds for the screen; panics with the screen after the timeout.
    pub fn wait_for(&mut self, what: &str, cond: impl Fn(&Session) -> bool) {
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

    pub fn wait_for_text(&mut self, text: &str) {
        let text = text.to_string();
        self.wait_for(&format!("{text:?}"), move |s| s.text().contains(&text));
    }

    /// The text inside pane `i` (rows joined, white space collapsed), laid out as the
    /// reader lays out this terminal size.
    pub fn pane_text(&self, corpus: &Corpus, i: Pane) -> String {
        words(&self.pane_rows(corpus, i).join(" "))
    }

    /// The rows of pane `i` on the screen, each as text (NFC, blanks at either end cut).
    pub fn pane_rows(&self, corpus: &Corpus, i: Pane) -> Vec<String> {
        let mut app = App::new(corpus.clone());
        app.update(Msg::Size {
            width: self.size.0,
            height: self.size.1,
        });
        let Some(area) = areas(Rect::new(0, 0, self.size.0, self.size.1), &app).panes[i] else {
            return Vec::new();
        };
        let area = inner(area);
        let screen = self.parser.screen();
        (area.top()..area.bottom())
            .map(|row| {
                let mut line = String::new();
                for col in area.left()..area.right() {
                    match screen.cell(row, col) {
                        Some(cell) if cell.is_wide_continuation() => {}
                        // vt100 keeps a blank cell as empty contents.
                        Some(cell) if cell.contents().is_empty() => line.push(' '),
                        Some(cell) => line.push_str(cell.contents()),
                        None => {}
                    }
                }
                line.nfc().collect::<String>().trim().to_string()
            })
            .collect()
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
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

    /// Reads what the program wrote before it ended, up to the end of its output (the
    /// reader thread stops at end of file) or two seconds: its last bytes, such as the
    /// terminal's restore, may still be on their way when it has exited.
    fn drain(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            match self.output.recv_timeout(Duration::from_millis(100)) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// The child's process id, to send it a signal.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Sends `q` and asserts that the program ends with success.
    #[track_caller]
    pub fn quit(&mut self) {
        self.send("q");
        let status = self.wait_exit();
        assert!(status.success(), "{status:?}");
    }

    /// Waits for the program to end, still reading its output.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                self.drain();
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
pub fn words(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `n` presses that take the reader, on this corpus at cols x rows, from its first
/// screen to the annotation whose headline is `headline` (at most 50).
pub fn presses_to(corpus: Corpus, cols: u16, rows: u16, headline: &str) -> String {
    let mut app = App::new(corpus);
    app.update(Msg::Size {
        width: cols,
        height: rows,
    });
    let mut presses = String::new();
    while presses.len() < 50
        && app
            .selected()
            .map(|a| app.corpus().annotations()[a].headline().to_string())
            .as_deref()
            != Some(headline)
    {
        app.update(briefing::reader::Action::Next);
        presses.push('n');
    }
    presses
}
