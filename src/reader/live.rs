//! Loading in the background: the whole corpus after an opening part (so the first frame
//! does not wait for it), and every live reload after a change on disk (so no frame waits
//! for one). When to load is [`Debounce`]'s; a finished load comes back as a [`Msg`].

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::engine::{Corpus, CorpusError, CorpusSource, LastGood};
use crate::reader::debounce::Debounce;
use crate::reader::msg::Msg;
use crate::reader::reload::{Reloader, Watch};

/// A load that finished on its worker thread, with the reloader it ran on.
#[derive(Debug)]
pub struct Loaded {
    result: Result<Corpus, CorpusError>,
    reloader: Reloader,
    took: Duration,
}

/// Live reload in the event loop: the watch (if it could start), the reloader (away on a
/// worker while a load runs), and when the next load is due.
pub struct Live {
    reloader: Option<Reloader>,
    watch: Option<Watch>,
    /// Why there is no watch, for the status line.
    watch_failed: Option<String>,
    send: Arc<dyn Fn(Loaded) + Send + Sync>,
    debounce: Debounce,
    /// The whole corpus is still to come after an opening part.
    opening: bool,
}

impl Live {
    /// Live reload for `source` (nothing for the built-in corpus, which never changes):
    /// `changed` is called from the watcher's thread to wake the event loop, `send` from a
    /// worker to hand back a finished load. A watch that cannot start is said by
    /// [`Live::watch_failed`]; the reader goes on without it.
    pub fn start(
        source: &CorpusSource,
        last_good: LastGood,
        changed: impl Fn() + Send + 'static,
        send: impl Fn(Loaded) + Send + Sync + 'static,
    ) -> Option<Live> {
        let dir = source.dir()?;
        let (watch, watch_failed) = match Watch::start(dir, changed) {
            Ok(w) => (Some(w), None),
            Err(e) => (
                None,
                Some(format!(
                    "live reload off: cannot watch {}: {e}",
                    dir.display()
                )),
            ),
        };
        Some(Live {
            reloader: Some(Reloader::with_last_good(source.clone(), last_good)),
            watch,
            watch_failed,
            send: Arc::new(send),
            debounce: Debounce::default(),
            opening: false,
        })
    }

    /// Why the folder is not watched, if it is not.
    pub fn watch_failed(&self) -> Option<&str> {
        self.watch_failed.as_deref()
    }

    /// Loads the whole corpus now, in the background: the reader opened on a part of it.
    pub fn load_whole(&mut self) {
        self.opening = true;
        self.debounce.start();
        self.spawn();
    }

    /// Files changed at `now`.
    pub fn changed(&mut self, now: Instant) {
        self.debounce.changed(now);
    }

    /// When the pending reload is due, if one is and no load is running (a running load
    /// wakes the loop itself when it is done).
    pub fn due(&self) -> Option<Instant> {
        self.debounce.due()
    }

    /// Whether a load is running.
    pub fn loading(&self) -> bool {
        self.debounce.loading()
    }

    /// Starts the pending reload in the background if it is due at `now`.
    pub fn reload_if_due(&mut self, now: Instant) {
        if self.debounce.start_if_due(now) {
            self.spawn();
        }
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

    /// A load came back: the message for the state, the whole corpus after the opening
    /// part (`touched`: whether the user did anything before it came) or a reload.
    pub fn finished(&mut self, loaded: Loaded, touched: bool) -> Msg {
        let Loaded {
            result,
            reloader,
            took,
        } = loaded;
        self.reloader = Some(reloader);
        self.debounce.finished();
        if let Some(w) = &mut self.watch {
            w.refresh();
        }
        if std::mem::take(&mut self.opening) {
            Msg::Whole {
                result,
                took,
                touched,
            }
        } else {
            Msg::Reloaded(result)
        }
    }
}
