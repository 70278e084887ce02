//! Which id each seed file goes by, read from the briefs' `documents:` alone: what
//! `briefing search` needs for its headings, without resolving or anchoring anything.

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

/// File (as named under seeds/) to id, from every brief that reads; the first brief to
/// bind a file wins, as in the corpus. A brief that does not parse adds nothing: `check`
/// is where its problem is said.
pub fn document_ids(briefs: Vec<SourceFile>) -> HashMap<String, String> {
    let per_brief: Vec<_> = briefs
        .into_par_iter()
        .map(|file| {
            let bytes = file.into_bytes().ok()?;
            let text = String::from_utf8(bytes).ok()?;
            let declared: Declarations =
                stream::from_str(text.trim_start_matches('\u{feff}')).ok()?;
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
