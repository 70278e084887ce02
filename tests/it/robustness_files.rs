//! Hostile input, end to end: the file system (links, loops, folders as files) and print -o.
//! Every case checks the exact message (file, line and column where there is one) and the
//! exit status, and that nothing panics; corpora are built in temporary directories from
//! tests/fixtures/cli/good (helpers in tests/it/common/hostile.rs). docs/robustness.md lists
//! what these tests found.

use crate::common::{assert_contains, assert_ends, assert_starts};
use std::fs;
use std::os::unix::fs::symlink;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::Corpus;
use crate::common::hostile::*;

// ---------------------------------------------------------------------------------------
// The file system.

#[test]
fn an_unreadable_seed_and_brief_are_findings_and_the_rest_loads() {
    let corpus = Corpus::good();
    symlink(
        "/nonexistent/briefing-target",
        corpus.root().join("seeds/x.txt"),
    )
    .expect("symlink");
    symlink("nowhere.yaml", corpus.root().join("briefs/y.yaml")).expect("symlink");
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    let seed = format!(
        "{}: error: cannot read: broken symbolic link to `/nonexistent/briefing-target`\n    check that the file exists and is readable\n",
        shown(&corpus, "seeds/x.txt")
    );
    assert_eq!(
        out.stdout,
        format!(
            "{}: error: cannot read: broken symbolic link to `nowhere.yaml`\n    check that the file exists and is readable\n{seed}\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, "briefs/y.yaml")
        )
    );
    let out = search_finds_pham(&corpus);
    assert_eq!(
        out.stderr,
        seed.lines().next().unwrap_or_default().to_owned() + "\n"
    );
    // A folder named like a brief is a folder: walked, holding nothing.
    let corpus = Corpus::good();
    fs::create_dir(corpus.root().join("briefs/x.yaml")).expect("mkdir");
    fs::create_dir(corpus.root().join("seeds/x.txt")).expect("mkdir");
    let out = sane_on(&corpus, "check", &["--strict"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
}

#[test]
fn unusable_corpora_exit_2_from_every_command() {
    let no_seeds = Corpus::bare().dir("briefs");
    let seeds_file = Corpus::seeds_is_a_file();
    let a_file = tempfile::NamedTempFile::new().expect("temp file");
    let a_file = a_file.path().display().to_string();
    let no_seeds = no_seeds.path().to_string();
    let cases = [
        (
            no_seeds.clone(),
            format!(
                "briefing: {no_seeds}: no seeds/ folder; a corpus holds seeds/ (documents, *.txt) and briefs/ (*.yaml)\n"
            ),
        ),
        (
            seeds_file.path().to_string(),
            format!(
                "briefing: {}/seeds: seeds/ is not a directory; put the documents (*.txt) in a folder named seeds/\n",
                seeds_file.path()
            ),
        ),
        (
            a_file.clone(),
            format!(
                "briefing: {a_file}: not a directory; --corpus takes a directory holding seeds/ and briefs/\n"
            ),
        ),
    ];
    for (dir, message) in cases {
        for command in [
            &["check"][..],
            &["print"],
            &["print", "--format", "json"],
            &["search", "x"],
        ] {
            let mut args = command.to_vec();
            args.extend(["--corpus", &dir]);
            let out = sane(&args);
            assert_eq!(
                (out.code, out.stdout.as_str(), out.stderr.as_str()),
                (2, "", message.as_str()),
                "{args:?}"
            );
        }
    }
}

#[test]
fn a_briefs_that_is_a_file_is_reported() {
    let corpus = Corpus::good();
    fs::remove_dir_all(corpus.root().join("briefs")).expect("rm");
    fs::write(corpus.root().join("briefs"), "not a folder").expect("write");
    let out = check(&corpus);
    assert_eq!(out.code, 1, "{out:?}");
    assert_starts(
        &out.stdout,
        &format!(
            "{}: error: briefs/ is not a directory\n    put the briefs (*.yaml) in a folder named briefs/\n",
            shown(&corpus, "briefs")
        ),
    );
    assert_ends(
        &out.stdout,
        "2 documents, 0 briefs, 0 topics, 0 figures, 0 themes: 1 error, 2 warnings\n",
    );
    // search needs no briefs: it still works.
    search_finds_pham(&corpus);
}

#[test]
fn a_symlink_loop_inside_seeds_is_a_warning_not_a_hang() {
    let corpus = Corpus::good();
    symlink("..", corpus.root().join("seeds/loop")).expect("symlink");
    symlink(".", corpus.root().join("seeds/self")).expect("symlink");
    let out = check(&corpus);
    assert_eq!(
        (out.code, out.stdout),
        (
            0,
            format!(
                "{}: warning: folder visited twice (a symlink loop?); skipped\n{}: warning: folder visited twice (a symlink loop?); skipped\n\
                 2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 0 errors, 2 warnings\n",
                shown(&corpus, "seeds/loop/seeds"),
                shown(&corpus, "seeds/self")
            )
        )
    );
    assert_eq!(sane_on(&corpus, "check", &["--strict"]).code, 1);
    let out = search_finds_pham(&corpus);
    assert_contains(&out.stderr, "symlink loop");
}

#[test]
fn hidden_files_and_editor_leftovers_are_ignored() {
    let corpus = Corpus::good()
        .write_brief(".conference.yaml.swp", "\0\x01binary swap")
        .write_brief("conference.yaml~", "title: [unclosed\n")
        .write_brief(".hidden.yaml", "title: [unclosed\n")
        .write_seed(".hidden.txt", PNG)
        .write_seed("vi.txt~", PNG)
        .write_seed(".vi.txt.swp", PNG)
        .write_seed("notes.md", PNG);
    fs::create_dir(corpus.root().join("seeds/.git")).expect("mkdir");
    fs::write(corpus.root().join("seeds/.git/x.txt"), PNG).expect("write");
    let out = sane_on(&corpus, "check", &["--strict"]);
    assert_eq!((out.code, out.stdout.as_str()), (0, CLEAN));
    let out = sane_on(&corpus, "search", &["pham minh chinh"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, PHAM, "")
    );
}

#[test]
fn a_seed_name_with_a_line_break_keeps_one_match_a_line() {
    let corpus = Corpus::good().write_seed("a\nb.txt", b"Pham\n");
    let out = sane_on(&corpus, "search", &["pham"]);
    assert_eq!(
        (out.code, out.stdout),
        (0, format!("a\\nb.txt:1:1: Pham\n{PHAM}"))
    );
}

// ---------------------------------------------------------------------------------------
// print -o.

#[test]
fn print_into_a_missing_directory_exits_2_naming_the_file() {
    let corpus = Corpus::good();
    let target = shown(&corpus, "nodir/out.txt");
    let out = sane_on(&corpus, "print", &["-o", &target]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr),
        (
            2,
            "",
            format!("briefing: {target}: No such file or directory (os error 2)\n")
        )
    );
    let dir = shown(&corpus, "");
    let out = sane_on(&corpus, "print", &["-o", &dir]);
    assert_eq!(out.code, 2);
    assert_starts(&out.stderr, &format!("briefing: {dir}: "));
}

#[test]
fn a_failed_print_leaves_the_existing_file_untouched() {
    let corpus = Corpus::good();
    let target = shown(&corpus, "brief.txt");
    fs::write(&target, "the good brief\n").expect("write");
    let listing = || {
        let mut names: Vec<_> = fs::read_dir(corpus.root())
            .expect("ls")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing();
    for (args, message) in [
        (
            &["--brief", "nope"][..],
            "briefing: no brief `nope`; briefs are: conference\n",
        ),
        (
            &["--topic", "nope"],
            "briefing: no topic `nope`; topics are: growth, fta\n",
        ),
    ] {
        let mut all = vec!["print", "--corpus", corpus.path(), "-o", &target];
        all.extend(args);
        let out = sane(&all);
        assert_eq!((out.code, out.stderr.as_str()), (2, message), "{args:?}");
        assert_eq!(
            fs::read_to_string(&target).expect("read"),
            "the good brief\n"
        );
        assert_eq!(listing(), before, "no temporary file left behind");
    }
    // A corpus that does not load at all leaves it too.
    let out = sane(&["print", "--corpus", "/no/such/corpus", "-o", &target]);
    assert_eq!(out.code, 2);
    assert_eq!(
        fs::read_to_string(&target).expect("read"),
        "the good brief\n"
    );
    // And a good print replaces it whole.
    let out = sane_on(&corpus, "print", &["-o", &target]);
    assert_eq!(out.code, 0);
    assert!(
        fs::read_to_string(&target)
            .expect("read")
            .contains("Economic diplomacy conference")
    );
    assert_eq!(listing(), before);
}

#[test]
fn print_through_a_symlink_writes_the_target() {
    let corpus = Corpus::good();
    let real = corpus.root().join("real.txt");
    let link = corpus.root().join("link.txt");
    fs::write(&real, "old\n").expect("write");
    symlink("real.txt", &link).expect("symlink");
    let out = sane_on(&corpus, "print", &["-o", &link.display().to_string()]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink(),
        "the link is gone"
    );
    assert!(
        fs::read_to_string(&real)
            .expect("read")
            .contains("Economic diplomacy"),
        "the target is stale"
    );
}

#[test]
fn print_into_a_fifo_writes_into_it_and_keeps_it() {
    let corpus = Corpus::good();
    let fifo = corpus.root().join("fifo");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = fifo.clone();
    // The reader blocks until a writer opens the FIFO; if print renamed a file over it
    // instead, the reader never wakes and the timeout below fails the test.
    std::thread::spawn(move || {
        let _ = tx.send(fs::read_to_string(&reader));
    });
    let out = sane_on(&corpus, "print", &["-o", &fifo.display().to_string()]);
    assert_eq!(out.code, 0, "{out:?}");
    let read = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the FIFO's reader got the brief")
        .expect("read");
    assert_contains(&read, "Economic diplomacy conference");
    let kind = fs::symlink_metadata(&fifo).expect("stat").file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "the FIFO was replaced"
    );
}

#[test]
fn a_full_disk_on_standard_output_exits_2() {
    let Ok(full) = fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    if !full
        .metadata()
        .is_ok_and(|m| std::os::unix::fs::FileTypeExt::is_char_device(&m.file_type()))
    {
        return;
    }
    let corpus = Corpus::good();
    for args in [&["check"][..], &["print"], &["search", "pham"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .args(["--corpus", corpus.path()])
            .stdin(Stdio::null())
            .stdout(full.try_clone().expect("dup"))
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("briefing: ") && stderr.contains("No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}
