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

/// Reads a regular file into `buf`. Opened without blocking, so a FIFO put in place
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
    // Room for exactly the size the file has: read_to_end would otherwise grow the buffer
    // by doubling, up to twice the text held for as long as the document lives. Through
    // `take` it asks for no size hint of its own (no second stat, no seek), and the bound
    // holds even if the file grows while it is read.
    buf.reserve_exact(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(buf)?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        buf.clear();
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
