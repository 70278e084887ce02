//! Which id each seed file goes by, read from the briefs' `documents:` alone: what
//! `briefing search` needs for its headings, without resolving or anchoring anything, and
//! without reading the figures and themes that are the bulk of a large brief.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Deserialize;

use crate::engine::brief::stream;
use crate::engine::source::SourceFile;

#[derive(Deserialize)]
struct Declarations {
    #[serde(default)]
    documents: Vec<Declaration>,
}

#[derive(Deserialize)]
struct Declaration {
    id: String,
    #[serde(default)]
    file: Option<String>,
}

/// A brief's documents: from its `documents:` block alone where the brief is written in
/// block style (the usual case), else from the whole brief.
fn declarations(text: &str) -> Option<Declarations> {
    documents_block(text)
        .and_then(|block| stream::from_str(block).ok())
        .or_else(|| stream::from_str(text).ok())
}

/// The `documents:` block of a brief: from the line that starts with `documents:` at the
/// margin to the next line at the margin that is not an item of its list (`- `), a
/// comment or blank. A value of a key at the margin cannot reach back to the margin in
/// YAML, so the block holds all of it; anything unusual (a flow list closed at the
/// margin) fails to parse alone, and the whole brief is read instead.
fn documents_block(text: &str) -> Option<&str> {
    let mut start = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        match start {
            None if line.starts_with("documents:") => start = Some(at),
            Some(from) if at_the_margin(line) => return text.get(from..at),
            _ => {}
        }
        at += line.len();
    }
    text.get(start?..)
}

/// Whether `line` starts something new at the margin: a key, or a document marker.
fn at_the_margin(line: &str) -> bool {
    let bytes = line.as_bytes();
    match bytes.first() {
        None | Some(b' ' | b'\t' | b'#' | b'\n' | b'\r') => false,
        Some(b'-') => !matches!(bytes.get(1), None | Some(b' ' | b'\t' | b'\n' | b'\r')),
        Some(_) => true,
    }
}

/// File (as named under seeds/) to id, from every brief that reads; the first brief to
/// bind a file wins, as in the corpus. A brief that does not parse adds nothing: `check`
/// is where its problem is said.
pub fn document_ids(briefs: Vec<SourceFile>) -> HashMap<String, String> {
    let per_brief: Vec<_> = briefs
        .into_par_iter()
        .map(|file| {
            let bytes = file.into_bytes().ok()?;
            let text = String::from_utf8(bytes).ok()?;
            let declared = declarations(text.trim_start_matches('\u{feff}'))?;
            Some(
                declared
                    .documents
                    .into_iter()
                    .filter_map(|d| Some((d.file?, d.id)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let mut ids = HashMap::new();
    for (file, id) in per_brief.into_iter().flatten().flatten() {
        ids.entry(file).or_insert(id);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (file, id) of each document a brief declares.
    type Pairs = Option<Vec<(Option<String>, String)>>;

    /// The files and ids a brief declares, read from its block and from the whole brief.
    fn both(text: &str) -> (Pairs, Pairs) {
        let pairs = |d: Declarations| d.documents.into_iter().map(|d| (d.file, d.id)).collect();
        let cut = documents_block(text)
            .and_then(|b| stream::from_str(b).ok())
            .map(pairs);
        let whole = stream::from_str::<Declarations>(text).ok().map(pairs);
        (cut, whole)
    }

    #[test]
    fn the_documents_block_reads_as_the_whole_brief_does() {
        let figures =
            "figures:\n  - label: x\n    quotes:\n      - doc: a\n        text: \"- id: z\"\n";
        for text in [
            format!("title: T\ndocuments:\n  - id: a\n    file: a.txt\n{figures}"),
            format!("title: T\n{figures}documents:\n  - id: a\n    file: a.txt\n"),
            format!(
                "documents:\n- id: a\n  file: a.txt\n# a note\n\n- id: b\n  file: b.txt\n{figures}"
            ),
            "documents: [{id: a, file: a.txt}, {id: b, file: b.txt}]\ntitle: T\n".to_string(),
            format!(
                "documents:\n  - id: a\n    note: |\n      a\n\n      b\n    file: a.txt\n---\n{figures}"
            ),
            "title: T\ndocuments:\n  - id: a\n    file: a.txt".to_string(),
        ] {
            let (cut, whole) = both(&text);
            assert!(cut.is_some(), "{text}");
            if !text.contains("---") {
                assert_eq!(cut, whole, "{text}");
            }
        }
    }

    #[test]
    fn what_the_block_cannot_hold_is_read_from_the_whole_brief() {
        let closed_at_the_margin = "documents: [\n  {id: a, file: a.txt}\n]\ntitle: T\n";
        assert!(
            both(closed_at_the_margin).0.is_none(),
            "the cut fails alone"
        );
        let declared = declarations(closed_at_the_margin).expect("the whole brief reads");
        assert_eq!(declared.documents[0].file.as_deref(), Some("a.txt"));
        assert!(declarations("title: T\n").is_some_and(|d| d.documents.is_empty()));
        assert!(documents_block("documents2: x\n -documents: y\n").is_none());
    }

    #[test]
    fn the_built_in_briefs_read_alike() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
        for entry in std::fs::read_dir(dir).expect("briefs/") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("a brief");
            let (cut, whole) = both(&text);
            assert!(cut.is_some() && cut == whole, "{text}");
        }
    }
}
