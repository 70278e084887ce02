//! A large corpus in a real pseudo-terminal: the first frame comes from the part of the
//! corpus the first screen needs, keys work from that frame on, and the rest loads in the
//! background (a change on disk meanwhile is reloaded after it).

use crate::common::Corpus;
use crate::common::assert_contains;
use crate::common::pty_session::Session;

const DOCS: usize = 1200;

/// DOCS documents: the first two a parallel pair in the first brief (with a topic), the
/// rest declared in two more briefs, each with a quote to anchor.
fn large_corpus() -> Corpus {
    let corpus = Corpus::new();
    for i in 0..DOCS {
        let text = format!(
            "Tài liệu số {i}. Thủ tướng Phạm Minh Chính chủ trì hội nghị.\n\n{}\n",
            "Kinh tế tăng trưởng 8,3% trong năm 2025. ".repeat(12)
        );
        corpus.write(&format!("seeds/d{i:05}.txt"), text);
    }
    corpus.write("briefs/a.yaml", first_brief("Growth"));
    for (name, range) in [("b", 2..DOCS / 2), ("c", DOCS / 2..DOCS)] {
        let mut brief = format!("title: {name}\ndocuments:\n");
        for i in range.clone() {
            brief.push_str(&format!(
                "  - id: d{i}\n    file: d{i:05}.txt\n    lang: vi\n"
            ));
        }
        brief.push_str("topics:\n  - id: other\n    title: Other\nthemes:\n");
        for i in range {
            brief.push_str(&format!(
                "  - topics: [other]\n    quotes:\n      - doc: d{i}\n        text: \"Tài liệu số {i}.\"\n"
            ));
        }
        corpus.write(&format!("briefs/{name}.yaml"), brief);
    }
    corpus
}

fn first_brief(topic: &str) -> String {
    format!(
        "title: First\ndocuments:\n  - id: pair-vi\n    file: d00000.txt\n    lang: vi\n    parallel: pair-id\n  - id: pair-id\n    file: d00001.txt\n    lang: id\n\
         topics:\n  - id: growth\n    title: {topic}\nthemes:\n  - topics: [growth]\n    note: The PM chairs\n    quotes:\n      - doc: pair-vi\n        text: \"Thủ tướng Phạm Minh Chính chủ trì hội nghị\"\n"
    )
}

#[test]
fn a_large_corpus_draws_at_once_and_keys_work_while_it_loads() {
    let corpus = large_corpus();
    let mut s = Session::start_on(Some(corpus.root().to_path_buf()), 160, 30);
    // The first frame: the first brief's pair, and the status line says the rest loads.
    s.wait_for_text("Tài liệu số 0.");
    // The first frame is drawn before the rest starts loading, so it always says so.
    let loading = format!("loading {DOCS} documents…");
    s.wait_for("the loading status", |s| {
        String::from_utf8_lossy(&s.raw).contains(&loading)
    });
    assert!(s.text().contains("pair-vi") && s.text().contains("pair-id"));
    // Keys work at once: choose the first topic and open it.
    s.send("]");
    s.wait_for_text("The PM chairs");
    // The whole corpus arrives and the place is kept.
    s.wait_for_text(&format!("loaded {DOCS} documents"));
    let screen = s.text();
    assert_contains(&screen, "The PM chairs");
    assert!(
        screen.contains("Other"),
        "the other briefs' topic is listed: {screen}"
    );
    assert!(!screen.contains("loading"), "{screen}");
    s.quit();
}

#[test]
fn a_brief_changed_while_the_corpus_loads_is_reloaded_after() {
    let corpus = large_corpus();
    let mut s = Session::start_on(Some(corpus.root().to_path_buf()), 160, 30);
    s.wait_for_text("Growth");
    corpus.write("briefs/a.yaml", first_brief("Growth rates"));
    s.wait_for_text("Growth rates");
    s.wait_for_text("Other");
    s.quit();
}
