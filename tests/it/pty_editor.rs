//! `E` opens the brief in $EDITOR at the annotation's line (`+LINE`), the reader steps
//! aside while it runs and shows what was saved when it returns.

use std::os::unix::fs::PermissionsExt;

use crate::common::pty_session::*;

#[test]
fn e_opens_the_brief_at_the_annotations_line_and_the_change_shows_on_return() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = fixture_dir();
    for sub in ["seeds", "briefs"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
    }
    for seed in ["vi-gov.txt", "id-vna.txt", "vi-vgp.txt"] {
        std::fs::copy(
            src.join("seeds").join(seed),
            dir.path().join("seeds").join(seed),
        )
        .expect("copy a seed");
    }
    let brief = dir.path().join("briefs/econ.yaml");
    let econ = std::fs::read_to_string(src.join("briefs/econ.yaml"))
        .expect("read the brief")
        .replace("xuất khẩu tăng 12%", "xuất khẩu, tiêu");
    std::fs::write(&brief, &econ).expect("write the brief");
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

    let mut app = briefing::reader::App::new(
        briefing::engine::load(&briefing::engine::CorpusSource::Dir(
            dir.path().to_path_buf(),
        ))
        .expect("loads"),
    );
    app.resize(120, 30);
    let mut presses = String::new();
    while presses.len() < 50
        && app
            .selected
            .map(|a| app.corpus.annotations[a].headline().to_string())
            .as_deref()
            != Some("Renew the traditional growth engines")
    {
        app.update(briefing::reader::Action::Next);
        presses.push('n');
    }
    let corpus_arg: std::ffi::OsString = dir.path().as_os_str().to_owned();
    let mut s = Session::start_with(
        &["--corpus".into(), corpus_arg],
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
    s.send("q");
    assert!(s.wait_exit().success());
}
