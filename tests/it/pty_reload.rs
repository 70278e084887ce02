//! Live reload end to end in a real pseudo-terminal: a brief saved in another window
//! shows at once, and a broken one keeps its last version on screen.

use crate::common::pty_session::*;

/// Writes `text` to `path` as editors save: a new file, renamed over the old one.
fn save_by_rename(path: &std::path::Path, text: &str) {
    let tmp = path.with_extension("yaml.tmp");
    std::fs::write(&tmp, text).expect("write the new version");
    std::fs::rename(&tmp, path).expect("rename it over the old one");
}

#[test]
fn a_brief_saved_in_another_window_shows_at_once_and_a_broken_one_keeps_its_last_version() {
    // The fixture's economy brief and its seeds, without its one unplaceable quote.
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
    let econ = std::fs::read_to_string(src.join("briefs/econ.yaml"))
        .expect("read the brief")
        .replace("xuất khẩu tăng 12%", "xuất khẩu, tiêu");
    let brief = dir.path().join("briefs/econ.yaml");
    std::fs::write(&brief, &econ).expect("write the brief");

    let mut s = Session::start_on(Some(dir.path().to_path_buf()), 120, 30);
    s.wait_for_text("vi-gov · vi");
    // As many `n` as the reader needs to reach the first theme from the reading line.
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
    s.send(&presses);
    s.wait_for_text("Renew the traditional growth engines");

    let edited = econ.replace(
        "Renew the traditional growth engines",
        "Revive the old growth engines",
    );
    save_by_rename(&brief, &edited);
    s.wait_for("the edited note and the reload in the status line", |s| {
        let text = s.text();
        text.contains("Revive the old growth engines")
            && text.lines().last().is_some_and(|l| l.contains("reloaded"))
    });
    assert!(!s.text().contains("Renew the traditional"), "{}", s.text());

    save_by_rename(&brief, &edited.replacen("quotes:", "qoutes:", 1));
    s.wait_for("the problem in the status line", |s| {
        s.text().contains("reloaded: 1 problem (e to list)")
    });
    assert!(
        s.text().contains("Revive the old growth engines"),
        "the last good version stays:\n{}",
        s.text()
    );
    s.send("e");
    s.wait_for_text("showing the last version of this brief that loaded");
    s.send("\x1b");
    s.wait_for("the problems list to close", |s| {
        !s.text().contains("Findings")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}
