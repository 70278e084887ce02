//! Searching files as `briefing search` does, without holding the corpus: each file read,
//! decoded and searched in one pass on every core, only its matching lines kept (long
//! lines cut around each match), and handed on in order batch by batch while the next
//! batch is searched, so that printing overlaps searching and memory holds a few batches.

use std::cell::RefCell;
use std::sync::mpsc;
use std::thread;

use rayon::prelude::*;

use super::Searcher;
use super::documents::search_text;
use super::matches::FileMatches;
use crate::engine::finding::Finding;
use crate::engine::source::SourceFile;
use crate::engine::text::decode_bytes;
use crate::engine::text::fold::Folded;

/// Files searched together: large enough to keep every core busy, small enough that a
/// few batches of matching lines are little memory.
const BATCH: usize = 128;

/// Reads, decodes and searches files on every core, keeping only the matches: what
/// `briefing search` needs, without holding the corpus. The results come in the order
/// of `files` while later files are still being searched; a panic while searching is
/// raised again here, and dropping the iterator stops the search.
pub fn search_files(
    files: Vec<SourceFile>,
    searcher: &Searcher,
) -> impl Iterator<Item = Result<FileMatches, Finding>> + use<> {
    let searcher = searcher.clone();
    // One batch searched while one waits and one is read: three at most in memory.
    let (send, receive) = mpsc::sync_channel::<Vec<Result<FileMatches, Finding>>>(1);
    let worker = thread::spawn(move || {
        for batch in files.chunks(BATCH) {
            let found = batch
                .par_iter()
                .map(|f| search_file(f, &searcher))
                .collect();
            if send.send(found).is_err() {
                return;
            }
        }
    });
    let mut worker = Some(worker);
    std::iter::from_fn(move || match receive.recv() {
        Ok(batch) => Some(batch),
        Err(mpsc::RecvError) => {
            if let Some(Err(panic)) = worker.take().map(thread::JoinHandle::join) {
                std::panic::resume_unwind(panic);
            }
            None
        }
    })
    .flatten()
}

/// One file read, decoded and searched, with one buffer and one fold per thread.
fn search_file(entry: &SourceFile, searcher: &Searcher) -> Result<FileMatches, Finding> {
    thread_local! {
        static BUFFERS: RefCell<(Vec<u8>, Vec<u8>, Folded)> = RefCell::default();
    }
    BUFFERS.with_borrow_mut(|(bytes, lower, folded)| {
        entry
            .read_into(bytes)
            .map_err(|e| Finding::error(&entry.shown, format!("cannot read: {e}")))?;
        let mut found = FileMatches {
            file: entry.name.clone(),
            ..FileMatches::default()
        };
        if search_plain(bytes, searcher, (lower, folded), &mut found).is_some() {
            return Ok(found);
        }
        // Anything unusual (not UTF-8, NUL, CR, not NFC) takes the path that normalises.
        found = FileMatches {
            file: entry.name.clone(),
            ..FileMatches::default()
        };
        let whole = decode_bytes(&entry.shown, bytes)?;
        for m in search_text(&whole, 0, searcher, folded) {
            let line = whole.line_range(m.line - 1);
            let text = whole.line(m.line - 1);
            found.push(
                m.line,
                m.column,
                text,
                m.range.start - line.start..m.range.end - line.start,
            );
        }
        Ok(found)
    })
}

/// The fast path for a plain UTF-8 file (the usual case): searched in place, with no
/// normalised copy and no line index. `None` when the file needs the normalising path.
fn search_plain(
    bytes: &[u8],
    searcher: &Searcher,
    (lower, folded): (&mut Vec<u8>, &mut Folded),
    found: &mut FileMatches,
) -> Option<()> {
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if memchr::memchr2(b'\r', 0, text.as_bytes()).is_some() {
        return None;
    }
    let mut ranges = Vec::new();
    // Most texts need folding only around the places of the query's anchor.
    if !searcher.find_anchored(text, lower, folded, &mut ranges) {
        folded.fold(text);
        if folded.maybe_denormalized() {
            return None;
        }
        searcher.find_in_folded(text, folded, &mut ranges);
    }
    // Matches come in order: newlines are counted once, and on a line with several
    // matches each column counts on from the previous one, so a huge line stays linear.
    let bytes = text.as_bytes();
    let (mut line, mut counted) = (1, 0);
    let (mut line_start, mut line_end) = (0, None::<usize>);
    let (mut prev, mut column) = (0, 1);
    for range in ranges {
        if line_end.is_none_or(|end| range.start > end) {
            line += memchr::memchr_iter(b'\n', bytes.get(counted..range.start)?).count();
            counted = range.start;
            line_start = memchr::memrchr(b'\n', bytes.get(..range.start)?).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', bytes.get(range.start..)?)
                .map_or(text.len(), |i| range.start + i);
            line_end = Some(end);
            (prev, column) = (line_start, 1);
        }
        let line_text = text.get(line_start..line_end.unwrap_or(line_start))?;
        column += text.get(prev..range.start)?.chars().count();
        prev = range.start;
        found.push(
            line,
            column,
            line_text,
            range.start - line_start..range.end - line_start,
        );
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_each_match_and_columns_count_on() {
        let line = format!("{}Phạm{}", "ă".repeat(3000), "x".repeat(3000));
        let text = format!("first\n{line}\nPhạm\n");
        let searcher = Searcher::new("pham").unwrap();
        let mut found = FileMatches::default();
        search_plain(
            text.as_bytes(),
            &searcher,
            (&mut Vec::new(), &mut Folded::default()),
            &mut found,
        )
        .unwrap();
        let hits: Vec<(usize, usize, &str)> = found.iter().collect();
        assert_eq!((hits[0].0, hits[0].1), (2, 3001));
        assert!(
            hits[0].2.starts_with('…') && hits[0].2.ends_with('…'),
            "cut at both ends"
        );
        assert!(hits[0].2.contains("Phạm") && hits[0].2.len() < 900);
        assert_eq!(hits[1], (3, 1, "Phạm"));
    }
}
