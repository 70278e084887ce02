//! When to load again: a change on disk is debounced (the files must stay quiet for
//! [`DEBOUNCE`], but never longer than [`MAX_WAIT`] after the first change), and one load
//! runs at a time (a change during a load makes one more after it). Pure: the time is an
//! argument, so the tests drive it with a clock of their own.

use std::time::{Duration, Instant};

/// How long the files must stay quiet before the corpus is read again: an editor's save
/// (temp file, rename, attributes) arrives as one burst.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// Files that never stop changing still get a reload this long after the first change.
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// The loads to come: whether one is running, and when the next is due.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Debounce {
    /// The first change not yet loaded.
    since: Option<Instant>,
    due: Option<Instant>,
    loading: bool,
}

impl Debounce {
    /// Files changed at `now`: load once they have been quiet for [`DEBOUNCE`].
    pub fn changed(&mut self, now: Instant) {
        let since = *self.since.get_or_insert(now);
        self.due = Some((now + DEBOUNCE).min(since + MAX_WAIT));
    }

    /// When the next load is due, if one is and none is running (a running load says
    /// itself when it is done).
    pub fn due(&self) -> Option<Instant> {
        self.due.filter(|_| !self.loading)
    }

    /// Whether a load is running.
    pub fn loading(&self) -> bool {
        self.loading
    }

    /// Whether a load should start at `now`; if so, it counts as running from now on
    /// and the changes so far as loaded.
    pub fn start_if_due(&mut self, now: Instant) -> bool {
        if self.due().is_none_or(|due| due > now) {
            return false;
        }
        self.since = None;
        self.due = None;
        self.loading = true;
        true
    }

    /// A load starts that no change asked for (the whole corpus after its opening part).
    pub fn start(&mut self) {
        self.loading = true;
    }

    /// The running load is done.
    pub fn finished(&mut self) {
        self.loading = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// The times (ms after `t0`) loads start until `to`, the clock stepping by 10 ms and
    /// each load taking `load` ms.
    fn loads(d: &mut Debounce, t0: Instant, to: u64, load: u64) -> Vec<u64> {
        let mut started = Vec::new();
        let mut done_at = None;
        for step in (0..=to).step_by(10) {
            let now = t0 + ms(step);
            if done_at.is_some_and(|done| now >= done) {
                d.finished();
                done_at = None;
            }
            if d.start_if_due(now) {
                started.push(step);
                done_at = Some(now + ms(load));
            }
        }
        started
    }

    #[test]
    fn one_change_is_one_load_after_the_quiet_period() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        d.changed(t0);
        assert_eq!(d.due(), Some(t0 + DEBOUNCE));
        assert!(!d.start_if_due(t0 + ms(149)), "not before the quiet period");
        assert_eq!(loads(&mut d, t0, 2_000, 50), [150]);
        assert_eq!(d.due(), None);
        assert!(!d.loading());
    }

    #[test]
    fn a_burst_of_changes_is_one_load_after_the_last() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        for k in 0..5 {
            d.changed(t0 + ms(40 * k));
        }
        assert_eq!(d.due(), Some(t0 + ms(160) + DEBOUNCE));
        assert_eq!(loads(&mut d, t0, 2_000, 50), [310]);
    }

    #[test]
    fn changes_that_never_stop_still_load_after_the_longest_wait() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        let mut started = Vec::new();
        for step in (0..=1_500).step_by(10) {
            let now = t0 + ms(step);
            d.changed(now);
            if d.start_if_due(now) {
                started.push(step);
                d.finished();
            }
        }
        assert_eq!(started, [1_000]);
    }

    #[test]
    fn a_change_during_a_load_makes_one_more_load_after_it() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        d.changed(t0);
        assert!(d.start_if_due(t0 + DEBOUNCE));
        // Two changes while the load runs: nothing is due until it is done.
        d.changed(t0 + ms(200));
        d.changed(t0 + ms(220));
        assert_eq!(d.due(), None);
        assert!(!d.start_if_due(t0 + ms(900)), "one load at a time");
        d.finished();
        assert_eq!(d.due(), Some(t0 + ms(220) + DEBOUNCE));
        assert!(d.start_if_due(t0 + ms(900)));
        d.finished();
        assert_eq!(d.due(), None, "and no more");
        assert!(!d.start_if_due(t0 + ms(5_000)));
    }

    #[test]
    fn the_opening_load_holds_a_reload_until_it_is_done() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        d.start();
        d.changed(t0);
        assert!(!d.start_if_due(t0 + ms(500)));
        d.finished();
        assert!(d.start_if_due(t0 + ms(500)));
    }
}
