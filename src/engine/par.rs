//! A parallel map over a list, in order, on the machine's cores: loading and searching
//! thousands of documents is embarrassingly parallel, and needs no thread pool crate.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Items handed to a worker at a time: small enough to balance, large enough to be cheap.
const BATCH: usize = 4;

/// Applies `f` to every item, using up to `available_parallelism` threads; keeps order.
pub fn map<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    let len = items.len();
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(len))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(BATCH, Ordering::Relaxed);
                        if start >= len {
                            break;
                        }
                        for (i, slot) in slots.iter().enumerate().skip(start).take(BATCH) {
                            let item = slot.lock().map_or(None, |mut s| s.take());
                            if let Some(item) = item {
                                done.push((i, f(item)));
                            }
                        }
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                // A worker's panic is a bug: pass it on rather than lose its items.
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order() {
        let out = super::map((0..1000).collect(), |i: u32| i * 2);
        assert_eq!(out, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        assert!(super::map(Vec::<u8>::new(), |x| x).is_empty());
    }
}
