//! Writing a file atomically: into a temporary file beside it, then a rename, so that an
//! interrupted write never leaves half a file in place of a good one.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// What to do when the path to write is a symbolic link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Replace the file the link names (the user named the link: `print -o`).
    Follow,
    /// Replace the link itself, never writing through it (a name the program made up).
    Replace,
}

/// Writes `path` through `write`; on any error the old file stays as it was. The
/// temporary file is created exclusively, with a random name, beside its target.
pub fn write_atomically<E: From<io::Error>>(
    path: &Path,
    links: Links,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() && links == Links::Follow => {
            resolved = resolve_link(path)?;
            resolved.as_path()
        }
        _ => path,
    };
    // A device or a pipe (/dev/stdout, a FIFO) cannot be replaced: it is written to.
    let special = match links {
        Links::Follow => fs::metadata(path),
        Links::Replace => fs::symlink_metadata(path),
    };
    if special.is_ok_and(|m| !m.is_file() && !m.is_dir() && !m.file_type().is_symlink()) {
        let mut out = BufWriter::new(fs::OpenOptions::new().write(true).open(path)?);
        write(&mut out)?;
        out.flush()?;
        return Ok(());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    // O_EXCL and a random name: nothing planted beforehand can be written through.
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(without_temp_path)?;
    let mut out = BufWriter::new(temp);
    write(&mut out)?;
    let temp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    temp.as_file().sync_all()?;
    // On an error above, dropping `temp` removes it.
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// tempfile's error names its random file ("... at path \"DIR/.x.Ab12Cd.tmp\""); the
/// caller names the file asked for, so that part is dropped.
fn without_temp_path(e: io::Error) -> io::Error {
    let message = e.to_string();
    match message.rfind(" at path \"") {
        Some(at) if e.get_ref().is_some() => {
            io::Error::new(e.kind(), message.get(..at).unwrap_or_default().to_owned())
        }
        _ => e,
    }
}

/// The file a symbolic link names, following a chain of links (a dangling one included).
fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    if let Ok(real) = fs::canonicalize(path) {
        return Ok(real);
    }
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::read_link(&current) {
            Ok(target) => {
                let base = current.parent().map(Path::to_path_buf).unwrap_or_default();
                current = base.join(target);
            }
            Err(_) => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.txt");
        fs::write(&path, "good").unwrap();
        let result: Result<(), io::Error> = write_atomically(&path, Links::Follow, |w| {
            w.write_all(b"half a bri")?;
            Err(io::Error::other("interrupted"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "good");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporary file removed"
        );
        write_atomically::<io::Error>(&path, Links::Follow, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn through_a_symlink_the_target_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_atomically::<io::Error>(&link, Links::Follow, |w| w.write_all(b"new")).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // A dangling link: the file it names is created.
        let dangling = dir.path().join("dangling.txt");
        std::os::unix::fs::symlink("made.txt", &dangling).unwrap();
        write_atomically::<io::Error>(&dangling, Links::Follow, |w| w.write_all(b"made")).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("made.txt")).unwrap(),
            "made"
        );
    }

    #[test]
    fn a_link_the_program_did_not_make_is_replaced_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        let link = dir.path().join("briefing-x.txt");
        fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        write_atomically::<io::Error>(&link, Links::Replace, |w| w.write_all(b"brief")).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert!(fs::symlink_metadata(&link).unwrap().is_file());
        assert_eq!(fs::read_to_string(&link).unwrap(), "brief");
    }

    #[test]
    fn temporary_files_have_random_names_and_never_follow_a_planted_link() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        // The name the old code would have used, planted as a link.
        let planted = dir
            .path()
            .join(format!(".out.txt.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomically::<io::Error>(&path, Links::Follow, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn a_device_is_written_to_not_replaced() {
        let null = Path::new("/dev/null");
        if fs::metadata(null).is_ok() {
            write_atomically::<io::Error>(null, Links::Follow, |w| w.write_all(b"x")).unwrap();
            assert!(!fs::metadata(null).unwrap().is_file());
        }
    }
}
