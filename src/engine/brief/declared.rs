//! What a brief that does not load would have declared: its document and topic ids, read
//! as leniently as possible, so that one broken brief makes one error (see
//! resolve/cascade.rs).

use std::collections::HashSet;

use crate::engine::finding::Wanted;

/// The ids a brief that did not load would have declared, read as leniently as possible.
#[derive(Debug, Clone, Default)]
pub(crate) struct Declared {
    docs: HashSet<String>,
    topics: HashSet<String>,
}

impl Declared {
    /// The ids under `documents:` and `topics:` in `source`: from the YAML when it parses
    /// as YAML at all (a misspelt key), otherwise from lines of the form `- id: X` (a
    /// syntax error), which may then stand for either.
    pub(crate) fn read(source: &str) -> Declared {
        let mut declared = Declared::default();
        if let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(source) {
            let ids = |key: &str| -> HashSet<String> {
                value
                    .get(key)
                    .and_then(serde_yaml::Value::as_sequence)
                    .into_iter()
                    .flatten()
                    .filter_map(|item| item.get("id")?.as_str().map(str::to_string))
                    .collect()
            };
            declared.docs = ids("documents");
            declared.topics = ids("topics");
            return declared;
        }
        for line in source.lines() {
            let Some(rest) = line.trim_start().strip_prefix("- id:") else {
                continue;
            };
            let id = rest.trim().trim_matches(['"', '\'']).trim();
            if !id.is_empty() && !id.contains(char::is_whitespace) {
                declared.docs.insert(id.to_string());
                declared.topics.insert(id.to_string());
            }
        }
        declared
    }

    /// Whether this brief would have declared what `wanted` names.
    pub(crate) fn covers(&self, wanted: &Wanted) -> bool {
        match wanted {
            Wanted::Document(id) => self.docs.contains(id),
            Wanted::Topic(id) => self.topics.contains(id),
        }
    }
}
