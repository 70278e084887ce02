//! An untrusted corpus and the file system, end to end: output never lands in the corpus,
//! links never lead out of it unless asked, a FIFO or a device never hangs a command, any
//! file name is opened and shown, and output errors say what failed. See
//! docs/robustness.md.

use crate::common::assert_contains;
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::common::Corpus;
use crate::common::hostile::*;
use crate::common::pty_session::Session;

#[test]
fn print_never_writes_into_the_corpus() {
    let corpus = Corpus::good();
    let seed = corpus.root().join("seeds/vi.txt");
    let before = fs::read(&seed).expect("read");
    for target in [
        "seeds/vi.txt",
        "seeds/new.txt",
        "briefs/conference.yaml",
        "briefs/x.yaml",
    ] {
        let path = shown(&corpus, target);
        let out = sane_on(&corpus, "print", &["-o", &path]);
        assert_eq!(
            (out.code, out.stderr),
            (
                2,
                format!(
                    "briefing: {path} is inside the corpus's {}/ folder: print never writes into its corpus (documents and briefs are only read); give -o a path outside seeds/ and briefs/\n",
                    target.split('/').next().unwrap_or_default()
                )
            )
        );
    }
    // A link or a hard link to a corpus file, from outside seeds/ and briefs/.
    let link = corpus.root().join("link.txt");
    symlink(&seed, &link).expect("symlink");
    let out = sane_on(&corpus, "print", &["-o", &link.display().to_string()]);
    assert_eq!(out.code, 2, "{out:?}");
    let hard = corpus.root().join("hard.txt");
    fs::hard_link(&seed, &hard).expect("hard link");
    let out = sane_on(&corpus, "print", &["-o", &hard.display().to_string()]);
    assert_eq!(
        out.stderr,
        format!(
            "briefing: {} is the corpus file {}: print never writes into its corpus (documents and briefs are only read); give -o a path outside seeds/ and briefs/\n",
            hard.display(),
            shown(&corpus, "seeds/vi.txt")
        )
    );
    assert_eq!(
        fs::read(&seed).expect("read"),
        before,
        "the document is untouched"
    );
    assert!(!corpus.root().join("seeds/new.txt").exists());
    // `-o -` is standard output.
    let out = sane_on(&corpus, "print", &["-o", "-"]);
    assert_eq!(out.code, 0);
    assert_contains(&out.stdout, "Economic diplomacy conference");
}

#[test]
fn links_out_of_the_corpus_are_skipped_unless_followed() {
    let outside = tempfile::tempdir().expect("tempdir");
    fs::write(outside.path().join("secret.txt"), "Pham secret key\n").expect("write");
    let corpus = Corpus::good();
    let seeds = corpus.root().join("seeds");
    symlink(outside.path().join("secret.txt"), seeds.join("secret.txt")).expect("symlink");
    symlink(outside.path(), seeds.join("elsewhere")).expect("symlink");
    // A link that stays inside the corpus is followed as before.
    symlink("vi.txt", seeds.join("same.txt")).expect("symlink");
    let out = sane_on(&corpus, "search", &["secret"]);
    assert_eq!(out.code, 1, "{out:?}");
    let note = "    pass --follow to read files that links lead to elsewhere\n";
    let real = fs::canonicalize(outside.path()).expect("canonical");
    assert_eq!(
        out.stderr,
        format!(
            "{}: warning: symbolic link to `{}`, outside the corpus; skipped\n{note}\
             {}: warning: symbolic link to `{}`, outside the corpus; skipped\n{note}",
            shown(&corpus, "seeds/elsewhere"),
            real.display(),
            shown(&corpus, "seeds/secret.txt"),
            real.join("secret.txt").display(),
        )
    );
    let out = sane_on(&corpus, "search", &["chính"]);
    assert_contains(&out.stdout, "same.txt:1:");
    let out = sane_on(&corpus, "search", &["--follow", "secret"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            0,
            "elsewhere/secret.txt:1:6: Pham secret key\nsecret.txt:1:6: Pham secret key\n",
            ""
        )
    );
}

#[test]
fn seeds_that_is_a_link_out_of_the_corpus_needs_follow() {
    let outside = tempfile::tempdir().expect("tempdir");
    fs::write(outside.path().join("a.txt"), "Pham\n").expect("write");
    let corpus = Corpus::bare();
    symlink(outside.path(), corpus.file("seeds")).expect("symlink");
    let dir = corpus.path().to_string();
    let out = sane(&["check", "--corpus", &dir]);
    assert_eq!(
        (out.code, out.stderr),
        (
            2,
            format!(
                "briefing: {dir}/seeds: a symbolic link to `{}`, outside the corpus; pass --follow to read it\n",
                fs::canonicalize(outside.path())
                    .expect("canonical")
                    .display()
            )
        )
    );
    let out = sane(&["search", "-L", "--corpus", &dir, "pham"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, "a.txt:1:1: Pham\n"));
}

#[test]
fn a_fifo_a_device_and_a_link_to_dev_zero_are_skipped_not_read() {
    let corpus = Corpus::good();
    let seeds = corpus.root().join("seeds");
    let made = Command::new("mkfifo")
        .arg(seeds.join("fifo.txt"))
        .arg(corpus.root().join("briefs/fifo.yaml"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    symlink("/dev/zero", seeds.join("zero.txt")).expect("symlink");
    let dir = corpus.path();
    for args in [
        &["check"][..],
        &["search", "pham"],
        &["print"],
        &["check", "--follow"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--corpus", dir]);
        let out = run_bounded(&all, Duration::from_secs(20)).expect("no hang");
        assert_sane(&out, &all.join(" "));
        if args[0] == "print" {
            continue; // print says only that the corpus has errors
        }
        let text = format!("{}{}", out.stdout, out.stderr);
        assert!(
            text.contains(&format!(
                "{}: warning: not a regular file (a FIFO); skipped\n    documents and briefs are plain files; remove it or rename it",
                shown(&corpus, "seeds/fifo.txt")
            )),
            "{args:?}: {text}"
        );
    }
    let out = sane(&["check", "--follow", "--corpus", dir]);
    assert_names(
        &out.stdout,
        &corpus,
        "seeds/zero.txt",
        ": warning: not a regular file (a device); skipped",
    );
    assert_names(
        &out.stdout,
        &corpus,
        "briefs/fifo.yaml",
        ": warning: not a regular file (a FIFO); skipped",
    );
}

#[test]
fn a_file_name_that_is_not_utf8_is_opened_and_shown_by_its_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let corpus = Corpus::good();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    fs::write(
        corpus.root().join("seeds").join(name),
        "Pham in Latin-1 named file\n",
    )
    .expect("write");
    let out = sane_on(&corpus, "search", &["latin-1"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "caf\\xe9.txt:1:9: Pham in Latin-1 named file\n", "")
    );
}

#[test]
fn output_errors_are_named_and_a_closed_stdout_is_one() {
    let corpus = Corpus::good();
    // `>&-`: standard output closed by the shell.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' check --corpus '{}' >&-",
            env!("CARGO_BIN_EXE_briefing"),
            corpus.path()
        ))
        .output()
        .expect("sh");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "briefing: standard output: Bad file descriptor (os error 9)\n"
    );
    // Redirected to /dev/null is not closed.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' check --corpus '{}' >/dev/null",
            env!("CARGO_BIN_EXE_briefing"),
            corpus.path()
        ))
        .output()
        .expect("sh");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn a_corpus_path_that_reads_broken_pipe_is_no_broken_pipe() {
    let parent = tempfile::tempdir().expect("tempdir");
    let dir = parent.path().join("Broken pipe");
    let out = sane(&["check", "--corpus", &dir.display().to_string()]);
    assert_eq!(
        (out.code, out.stderr),
        (
            2,
            format!(
                "briefing: {}: no such directory; --corpus takes a directory holding seeds/ and briefs/\n",
                dir.display()
            )
        )
    );
}

#[test]
fn reader_print_names_are_safe_and_never_land_in_the_corpus() {
    // A topic id that would climb into seeds/: `p` writes a safe name where the reader
    // was started, and never through a link planted under that name.
    let corpus = Corpus::good().write_brief(
        "conference.yaml",
        &BRIEF.replace("growth", "\"x/../seeds/a\""),
    );
    assert_eq!(check(&corpus).code, 0, "{:?}", check(&corpus));
    let work = tempfile::tempdir().expect("tempdir");
    let victim = work.path().join("victim.txt");
    fs::write(&victim, "precious").expect("write");
    symlink(&victim, work.path().join("briefing-topic-x-seeds-a.txt")).expect("symlink");
    let mut s = reader_in(work.path(), corpus.root());
    s.wait_for_text("Growth");
    s.send("]");
    s.wait_for_text("Growth");
    s.send("p");
    s.wait_for_text("Wrote");
    s.send("q");
    s.wait_exit();
    assert_eq!(fs::read_to_string(&victim).expect("read"), "precious");
    let written = work.path().join("briefing-topic-x-seeds-a.txt");
    assert!(fs::symlink_metadata(&written).expect("stat").is_file());
    assert!(
        fs::read_to_string(&written)
            .expect("read")
            .contains("Growth")
    );
    assert!(!corpus.root().join("seeds/a.txt").exists());
    // Started inside the corpus's seeds/, `p` refuses.
    let mut s = reader_in(&corpus.root().join("seeds"), corpus.root());
    s.wait_for_text("Growth");
    s.send("p");
    s.wait_for_text("Not printed");
    s.send("q");
    s.wait_exit();
    let names: Vec<_> = fs::read_dir(corpus.root().join("seeds"))
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

fn reader_in(cwd: &Path, corpus: &Path) -> Session {
    Session::start_in(cwd, corpus, 160, 40)
}
