//! Costs bounded (docs/robustness.md, "Costs"): the behaviour of the paths that a hostile
//! corpus makes expensive. The figures themselves are measured by benches/costs.sh; these
//! tests check that the fast paths say exactly what the plain ones say.

use std::fmt::Write as _;

use crate::common::Corpus;

/// A document of `lines` distinct lines, two repeated ones and a long run of "a ".
fn many_lines(lines: usize) -> String {
    let mut text = String::new();
    for i in 0..lines {
        let _ = writeln!(text, "dòng số {i} của văn bản.");
    }
    text.push_str("lặp lại\nlặp lại\n");
    text.push_str(&"a ".repeat(2000));
    text.push('\n');
    text
}

/// A brief with one theme per quote (text, prefix).
fn brief(quotes: &[(String, Option<&str>)]) -> String {
    let mut yaml = String::from(
        "title: Many\ndocuments:\n  - id: m\n    file: many.txt\n    lang: vi\ntopics:\n  - id: t\n    title: T\nthemes:\n",
    );
    for (text, prefix) in quotes {
        let _ = writeln!(
            yaml,
            "  - topics: [t]\n    quotes:\n      - doc: m\n        text: \"{text}\""
        );
        if let Some(p) = prefix {
            let _ = writeln!(yaml, "        prefix: \"{p}\"");
        }
    }
    yaml
}

/// Quotes enough to index the document (one per line), then the ones that fail.
fn quotes(lines: usize) -> Vec<(String, Option<&'static str>)> {
    let mut quotes: Vec<_> = (0..lines)
        .map(|i| (format!("dòng số {i} của"), None))
        .collect();
    quotes.push(("lặp lại".into(), None));
    quotes.push(("dòng số 7 cua văn bản".into(), None));
    quotes.push((" a a\\n a ".into(), Some("lại a")));
    quotes.push(("a a a".into(), Some("không")));
    quotes.push(("a a a a a a a a a a".into(), None));
    quotes
}

#[test]
fn a_document_with_many_quotes_reports_as_one_with_few() {
    let lines = 400;
    let corpus = Corpus::empty();
    std::fs::create_dir_all(corpus.root().join("briefs")).expect("mkdir");
    let corpus = corpus
        .write_seed("many.txt", many_lines(lines).as_bytes())
        .write_brief("many.yaml", &brief(&quotes(lines)));
    let out = corpus.run("check", &[]);
    let b = format!("{}/briefs/many.yaml", corpus.path());
    let at = |k: usize| 13 + 4 * k;
    let expected = format!(
        "{b}:{}:15: error: quote matches 2 places in m (many.txt) (lines 401, 402); add prefix: or suffix:\n\
         {b}:{}:15: error: quote not found in m (many.txt): \"dòng số 7 cua văn bản\"\n    \
         nearest text: \"dòng số 7 của văn bản\" at line 8\n\
         {b}:{}:15: error: quote not found in m (many.txt): \"a a a\"\n    \
         nearest text: \"a a a\" at line 403\n\
         {b}:{}:15: error: quote matches 1991 places in m (many.txt) (at 403:1, 403:3, 403:5, 403:7, 403:9, 403:11, 403:13, 403:15, 403:17, 403:19, …); add prefix: or suffix:\n\
         1 document, 1 brief, 1 topic, 0 figures, {} themes: 4 errors, 0 warnings\n",
        at(lines),
        at(lines + 1),
        at(lines + 3) + 1,
        at(lines + 4) + 2,
        lines + 5,
    );
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (1, expected.as_str()),
        "{}",
        out.stderr
    );
}

/// A brief whose quotes are not found in a large document: the nearest text of each is a
/// scan of the document per word, so only the first ones, within a budget of the
/// document, are searched; the rest say so and the check ends at once, whatever their
/// number.
#[test]
fn the_nearest_texts_of_many_quotes_not_found_stop_at_a_budget() {
    // 200 KB of distinct words; each quote ten words the document does not hold, so that
    // each search scans it ten times and then the whole of it.
    let mut text = String::new();
    for i in 0..20_000 {
        let _ = write!(text, "từ{i} ");
    }
    let quotes: Vec<(String, Option<&str>)> = (0..60)
        .map(|q| {
            let words: Vec<String> = (0..10).map(|w| format!("qzx{q}w{w}")).collect();
            (words.join(" "), None)
        })
        .collect();
    let corpus = Corpus::empty()
        .write_seed("many.txt", text.as_bytes())
        .write_brief("many.yaml", &brief(&quotes));
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let not_searched = "nearest text not searched: so many quotes are not found in this \
                        document that only the first ones were; fix those, then check again";
    let notes: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("    "))
        .map(str::trim)
        .collect();
    assert_eq!(notes.len(), 60, "{}", out.stdout);
    let searched = notes.iter().take_while(|n| **n != not_searched).count();
    assert!(
        searched > 0 && searched < 60,
        "{searched} searched:\n{}",
        out.stdout
    );
    assert!(
        notes[..searched]
            .iter()
            .all(|n| n.starts_with("no similar text")),
        "{notes:?}"
    );
    assert!(
        notes[searched..].iter().all(|n| *n == not_searched),
        "{notes:?}"
    );
    // The same ones on every run, whatever the cores.
    assert_eq!(corpus.run("check", &[]).stdout, out.stdout);
}
