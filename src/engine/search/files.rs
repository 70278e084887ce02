//! Searching files as `briefing search` does, without holding the corpus: each file read,
//! decoded, searched and its matching lines printed in one pass on every core (long lines
//! cut around each match), and handed on in order batch by batch while the next batch is
//! searched, so that writing overlaps searching and memory holds a few batches.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::mpsc;
use std::thread;

use rayon::prelude::*;

use super::Searcher;
use super::documents::search_text;
use super::matches::FileMatches;
use super::print::{Printed, SearchPrinter};
use crate::engine::finding::Finding;
use crate::engine::source::SourceFile;
use crate::engine::text::decode_bytes;
use crate::engine::text::fold::Folded;

/// Files searched together: large enough to keep every core busy, small enough that a
/// few batches of matching lines are little memory.
const BATCH: usize = 512;

/// What the search of files in a row gave, in their order.
#[derive(Debug)]
pub enum Searched {
    /// The matches of files in a row (those without a match print nothing).
    Printed(Printed),
    /// A file that could not be read or decoded.
    Unreadable(Finding),
}

/// Reads, decodes, searches and prints files on every core, keeping only what is printed:
/// what `briefing search` needs, without holding the corpus. Each file is printed as
/// `printer` would, its heading naming the document by its id in `ids` (file name to
/// id); the results come in the order of `files` while later files are still being
/// searched. A panic while searching is raised again here, and dropping the iterator
/// stops the search.
pub fn search_files(
    files: Vec<SourceFile>,
    searcher: &Searcher,
    printer: &SearchPrinter,
    ids: HashMap<String, String>,
) -> impl Iterator<Item = Searched> + use<> {
    let searcher = searcher.clone();
    let printer = printer.clone();
    // One batch searched while one waits and one is written: three at most in memory.
    let (send, receive) = mpsc::sync_channel::<Vec<Searched>>(1);
    let worker = thread::spawn(move || {
        for batch in files.chunks(BATCH) {
            let pieces: Vec<Vec<Searched>> = batch
                .par_iter()
                .fold(Vec::new, |mut pieces, file| {
                    search_and_print(file, &searcher, &printer, &ids, &mut pieces);
                    pieces
                })
                .collect();
            if send.send(pieces.into_iter().flatten().collect()).is_err() {
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

/// Searches one file and prints its matches after the `pieces` before it, with one set
/// of buffers per thread.
fn search_and_print(
    entry: &SourceFile,
    searcher: &Searcher,
    printer: &SearchPrinter,
    ids: &HashMap<String, String>,
    pieces: &mut Vec<Searched>,
) {
    thread_local! {
        static BUFFERS: RefCell<Buffers> = RefCell::default();
    }
    BUFFERS.with_borrow_mut(|buffers| {
        if let Err(finding) = search_file(entry, searcher, buffers) {
            pieces.push(Searched::Unreadable(finding));
            return;
        }
        if buffers.found.lines.is_empty() {
            return;
        }
        if !matches!(pieces.last(), Some(Searched::Printed(_))) {
            pieces.push(Searched::Printed(Printed::new(printer)));
        }
        if let Some(Searched::Printed(printed)) = pieces.last_mut() {
            printed.file(&buffers.found, ids.get(&entry.name).map(String::as_str));
        }
        // The matches of one huge file are not kept in memory for the files after it.
        if buffers.found.text.capacity() > KEPT_MATCHES {
            buffers.found = FileMatches::default();
        }
    });
}

/// Bytes of matching lines whose room a thread keeps from file to file, at most.
const KEPT_MATCHES: usize = 1 << 20;

/// What searching a file needs, kept from file to file: its bytes, their ASCII lower
/// case, their fold, and its matches.
#[derive(Default)]
struct Buffers {
    bytes: Vec<u8>,
    lower: Vec<u8>,
    folded: Folded,
    found: FileMatches,
}

/// One file read, decoded and searched, its matches left in `buffers.found`.
fn search_file(
    entry: &SourceFile,
    searcher: &Searcher,
    buffers: &mut Buffers,
) -> Result<(), Finding> {
    let Buffers {
        bytes,
        lower,
        folded,
        found,
    } = buffers;
    entry
        .read_into(bytes)
        .map_err(|e| Finding::error(&entry.shown, format!("cannot read: {e}")))?;
    found.clear(&entry.name);
    if search_plain(bytes, searcher, (lower, folded), found).is_some() {
        return Ok(());
    }
    // Anything unusual (not UTF-8, NUL, CR, not NFC) takes the path that normalises.
    found.clear(&entry.name);
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
    Ok(())
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

    /// Files over several batches, some matching, some not, some unreadable: the pieces,
    /// written one after another, are the files printed in their order.
    #[test]
    fn pieces_print_every_file_in_order_across_batches() {
        use crate::engine::clean::{CleanWriter, Escape};
        use crate::engine::search::print::{Colour, Layout};
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        let n = 3 * BATCH + 7;
        let mut expected = (Vec::new(), Vec::new());
        for k in 0..n {
            let name = format!("{k:04}.txt");
            let bytes: Vec<u8> = match k % 5 {
                0 | 3 => format!("một\nThủ tướng Phạm Minh Chính {k}\n").into(),
                1 => b"nothing here\n".to_vec(),
                2 => b"not \xff UTF-8\n".to_vec(),
                _ => format!("PHAM MINH CHINH ç {k}\n").into(),
            };
            std::fs::write(dir.path().join("seeds").join(&name), bytes).unwrap();
            match k % 5 {
                0 | 3 => expected
                    .0
                    .push(format!("{name}\n2:Thủ tướng Phạm Minh Chính {k}\n")),
                4 => expected
                    .0
                    .push(format!("{name}\n1:PHAM MINH CHINH ç {k}\n")),
                2 => expected.1.push(name),
                _ => {}
            }
        }
        let source = crate::engine::CorpusSource::Dir(dir.path().to_path_buf());
        let listing =
            crate::engine::source::list(&source, crate::engine::source::Parts::Seeds).unwrap();
        let mut printer = SearchPrinter::new(Layout::Heading, Colour::Off);
        let mut out = CleanWriter::new(Vec::new(), Escape::Visible);
        let mut unreadable = Vec::new();
        let searcher = Searcher::new("pham minh chinh").unwrap();
        for searched in search_files(listing.seeds, &searcher, &printer.clone(), HashMap::new()) {
            match searched {
                Searched::Printed(printed) => printer.printed(&mut out, printed).unwrap(),
                Searched::Unreadable(finding) => unreadable.push(finding.to_string()),
            }
        }
        let out = String::from_utf8(out.finish().unwrap()).unwrap();
        assert_eq!(out, expected.0.join("\n"));
        assert!(printer.printed_any());
        assert_eq!(unreadable.len(), expected.1.len());
        for (finding, name) in unreadable.iter().zip(&expected.1) {
            assert!(
                finding.contains(name.as_str()) && finding.contains("not UTF-8"),
                "{finding}"
            );
        }
    }

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
