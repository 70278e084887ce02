//! `E` opens the brief in $EDITOR at the annotation's line (`+LINE`), the reader steps
//! aside while it runs and shows what was saved when it returns.

use std::os::unix::fs::PermissionsExt;

use crate::common::Corpus;
use crate::common::pty_session::*;

#[test]
fn e_opens_the_brief_at_the_annotations_line_and_the_change_shows_on_return() {
    let (corpus, econ) = Corpus::econ();
    let brief = corpus.file("briefs/econ.yaml");
    let line = econ
        .lines()
        .position(|l| l.contains("Renew the traditional growth engines"))
        .expect("the note")
        + 1;
    // The "editor": records its arguments, then edits the note as a person would.
    let work = tempfile::tempdir().expect("work dir");
    let args = work.path().join("args");
    let script = work.path().join("editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nsed 's/Renew the traditional/Revive the old/' \"$2\" > \"$2.new\" && mv \"$2.new\" \"$2\"\n",
            args.display()
        ),
    )
    .expect("write the script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");

    let presses = presses_to(
        corpus.load(),
        120,
        30,
        "Renew the traditional growth engines",
    );
    let mut s = Session::start_with(
        &["--corpus".into(), corpus.root().into()],
        &[
            ("TERM", "xterm-256color"),
            ("EDITOR", script.to_str().expect("utf-8 path")),
            ("VISUAL", ""),
        ],
        120,
        30,
    );
    s.wait_for_text("vi-gov · vi");
    s.send(&presses);
    s.wait_for_text("Renew the traditional growth engines");
    s.send("E");
    s.wait_for("the editor to have run", |_| args.exists());
    s.wait_for("the reader back, with the saved note", |s| {
        let text = s.text();
        text.contains("Revive the old growth engines")
    });
    let given = std::fs::read_to_string(&args).expect("arguments");
    assert_eq!(
        given,
        format!("+{line}\n{}\n", brief.display()),
        "the editor gets +LINE and the brief"
    );
    s.quit();
}
