//! Reading one file of a corpus: regular files only, opened without blocking, never more
//! than [`MAX_FILE_BYTES`]; every way that fails is a [`ReadError`].

use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::engine::clean::clean_os;
use crate::engine::finding::Finding;
use crate::engine::source::walk::not_regular;

/// The largest file read: beyond it a document or brief is a finding, not a read that
/// runs the memory out (a huge sparse file).
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Why a file of the corpus could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// Shown with its target escaped.
    #[error("broken symbolic link to `{target}`")]
    BrokenLink { target: String },
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    /// `len` is known when the size was seen before reading.
    #[error("{}", too_large(*.len))]
    TooLarge { len: Option<u64> },
}

impl ReadError {
    /// The file shown as `shown` could not be read, as a finding.
    pub fn finding(&self, shown: &str) -> Finding {
        Finding::error(shown, format!("cannot read: {self}"))
            .note("check that the file exists and is readable")
    }
}

fn too_large(len: Option<u64>) -> String {
    match len {
        Some(len) => {
            format!("too large ({len} bytes; briefing reads files up to {MAX_FILE_BYTES} bytes)")
        }
        None => format!("too large (briefing reads files up to {MAX_FILE_BYTES} bytes)"),
    }
}

/// Reads a regular file into `buf` (whatever it held is replaced). Opened without blocking, so a FIFO put in place
/// after the walk cannot hang the read, and checked after opening, so what is read is
/// what was checked.
pub(super) fn read_regular(path: &Path, buf: &mut Vec<u8>) -> Result<(), ReadError> {
    const O_NONBLOCK: i32 = 0o4000;
    const O_NOCTTY: i32 = 0o400;
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK | O_NOCTTY)
        .open(path)
        .map_err(|e| read_error(path, e))?;
    let meta = file.metadata()?;
    if let Some(what) = not_regular(&meta.file_type()) {
        return Err(ReadError::NotRegular(what));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            len: Some(meta.len()),
        });
    }
    let len = usize::try_from(meta.len()).unwrap_or(usize::MAX);
    read_sized(file, len, buf).inspect_err(|_| buf.clear())
}

/// Reads `file`, `len` bytes long when it was looked at, into `buf`, overwriting what it
/// held and reusing its memory (only bytes past its old length are zeroed first). A file
/// that still has that size, as almost every one has, takes one read: room for a byte
/// more than `len` makes a read of `len` bytes say that the end is reached. A file that
/// changed since is read on to its end, the bound holding even if it grows meanwhile.
fn read_sized(mut file: impl Read, len: usize, buf: &mut Vec<u8>) -> Result<(), ReadError> {
    buf.resize(len.saturating_add(1), 0);
    let n = loop {
        match file.read(buf) {
            Ok(n) => break n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    };
    buf.truncate(n);
    if n != len {
        let room = MAX_FILE_BYTES.saturating_sub(n as u64).saturating_add(1);
        file.take(room).read_to_end(buf)?;
    }
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { len: None });
    }
    Ok(())
}

/// Why a file could not be opened, calling a broken symbolic link one.
fn read_error(path: &Path, e: io::Error) -> ReadError {
    let broken_link = e.kind() == io::ErrorKind::NotFound
        && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match fs::read_link(path) {
        Ok(target) if broken_link => ReadError::BrokenLink {
            target: clean_os(target.as_os_str()),
        },
        _ => ReadError::Io(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file that hands out `bytes` at most `step` at a time, counting its reads.
    struct Stepped<'a> {
        bytes: &'a [u8],
        step: usize,
        reads: usize,
    }

    impl Read for &mut Stepped<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            self.reads += 1;
            let n = out.len().min(self.step).min(self.bytes.len());
            out[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn read(bytes: &[u8], len: usize, step: usize, buf: &mut Vec<u8>) -> usize {
        let mut file = Stepped {
            bytes,
            step,
            reads: 0,
        };
        read_sized(&mut file, len, buf).unwrap();
        assert_eq!(buf, bytes);
        file.reads
    }

    #[test]
    fn a_file_of_the_size_it_had_takes_one_read_and_any_other_is_read_whole() {
        let mut buf = b"what the last file held, longer".to_vec();
        assert_eq!(read(b"abc", 3, usize::MAX, &mut buf), 1);
        assert_eq!(read(b"", 0, usize::MAX, &mut buf), 1);
        // Grown or shrunk since it was looked at, or read in short pieces: read to the end.
        assert!(read(b"abcdef", 3, usize::MAX, &mut buf) > 1);
        assert!(read(b"ab", 3, usize::MAX, &mut buf) > 1);
        assert!(read(b"abcdef", 6, 2, &mut buf) > 1);
        assert!(read(b"abcdef", 0, 1, &mut buf) > 1);
    }
}
