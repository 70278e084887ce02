//! Loading in the background: the whole corpus after an opening part (so the first frame
//! does not wait for it), and every live reload after a change on disk (so no frame waits
//! for one). One load runs at a time; changes that arrive meanwhile make one more.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::engine::{Corpus, CorpusError, CorpusSource, LastGood};
use crate::reader::reload::{DEBOUNCE, MAX_WAIT, Reloader, Watch};
use crate::reader::state::App;

/// A load that finished on its worker thread, with the reloader it ran on.
#[derive(Debug)]
pub struct Loaded {
    result: Result<Corpus, CorpusError>,
    reloader: Reloader,
    took: Duration,
}

/// Live reload in the event loop: the watch (if it could start), the reloader (away on a
/// worker while a load runs), and the time the next reload is due.
pub struct Live {
    reloader: Option<Reloader>,
    watch: Option<Watch>,
    send: Arc<dyn Fn(Loaded) + Send + Sync>,
    /// The first change not yet reloaded.
    since: Option<Instant>,
    due: Option<Instant>,
    /// The whole corpus is still to come after an opening part.
    opening: bool,
}

impl Live {
    /// Live reload for `source` (nothing for the built-in corpus, which never changes):
    /// `changed` is called from the watcher's thread to wake the event loop, `send` from a
    /// worker to hand back a finished load. A watch that cannot start is said in `app`'s
    /// status line; the reader goes on without it.
    pub fn start(
        source: &CorpusSource,
        last_good: LastGood,
        app: &mut App,
        changed: impl Fn() + Send + 'static,
        send: impl Fn(Loaded) + Send + Sync + 'static,
    ) -> Option<Live> {
        let dir = source.dir()?;
        let watch = match Watch::start(dir, changed) {
            Ok(w) => Some(w),
            Err(e) => {
                app.message = Some(format!(
                    "live reload off: cannot watch {}: {e}",
                    dir.display()
                ));
                None
            }
        };
        Some(Live {
            reloader: Some(Reloader::with_last_good(source.clone(), last_good)),
            watch,
            send: Arc::new(send),
            since: None,
            due: None,
            opening: false,
        })
    }

    /// Loads the whole corpus now, in the background: the reader opened on a part of it.
    pub fn load_whole(&mut self) {
        self.opening = true;
        self.spawn();
    }

    /// Files changed: reload once they have been quiet for [`DEBOUNCE`].
    pub fn changed(&mut self) {
        let now = Instant::now();
        let since = *self.since.get_or_insert(now);
        self.due = Some((now + DEBOUNCE).min(since + MAX_WAIT));
    }

    /// When the pending reload is due, if one is and no load is running (a running load
    /// wakes the loop itself when it is done).
    pub fn due(&self) -> Option<Instant> {
        self.due.filter(|_| self.reloader.is_some())
    }

    /// Whether a load is running.
    pub fn loading(&self) -> bool {
        self.reloader.is_none()
    }

    /// The pending reload is due: start it in the background.
    pub fn reload(&mut self) {
        self.since = None;
        self.due = None;
        self.spawn();
    }

    fn spawn(&mut self) {
        let Some(mut reloader) = self.reloader.take() else {
            return;
        };
        // The worker owns the reloader until it hands it back with the corpus.
        let send = Arc::clone(&self.send);
        std::thread::spawn(move || {
            let start = Instant::now();
            let result = reloader.load();
            send(Loaded {
                result,
                reloader,
                took: start.elapsed(),
            });
        });
    }

    /// A load came back: the whole corpus after the opening part, or a reload. The whole
    /// corpus opens on its own first pair when the reader has not been touched yet, and
    /// otherwise keeps the place, as a reload does.
    pub fn finished(&mut self, loaded: Loaded, app: &mut App, touched: bool) {
        let Loaded {
            result,
            reloader,
            took,
        } = loaded;
        self.reloader = Some(reloader);
        if let Some(w) = &mut self.watch {
            w.refresh();
        }
        if !std::mem::take(&mut self.opening) {
            Reloader::apply(result, app);
            return;
        }
        app.progress = None;
        match result {
            Ok(corpus) => {
                let documents = corpus.documents().len();
                if touched {
                    app.replace_corpus(corpus);
                } else {
                    app.open_whole(corpus);
                }
                app.message = Some(format!(
                    "loaded {documents} documents in {:.1} s{}",
                    took.as_secs_f64(),
                    match app.problem_count() {
                        0 => String::new(),
                        1 => ": 1 problem (e to list)".to_string(),
                        n => format!(": {n} problems (e to list)"),
                    }
                ));
            }
            Err(e) => {
                app.message = Some(format!(
                    "the rest of the corpus did not load, showing a part: {e}"
                ));
            }
        }
    }
}
