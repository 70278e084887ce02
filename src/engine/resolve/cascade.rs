//! One cause, one error: when a brief does not load, the documents and topics it declares
//! are missing for every other brief too. Those briefs' findings follow from the one
//! failure, so they fold into a single note on it instead of standing as errors of their own.

use std::collections::HashSet;

use crate::engine::finding::{Finding, Wanted};

/// The ids a brief that did not load would have declared, read as leniently as possible.
#[derive(Debug, Clone, Default)]
pub(super) struct Declared {
    docs: HashSet<String>,
    topics: HashSet<String>,
}

impl Declared {
    /// The ids under `documents:` and `topics:` in `source`: from the YAML when it parses
    /// as YAML at all (a misspelt key), otherwise from lines of the form `- id: X` (a
    /// syntax error), which may then stand for either.
    pub(super) fn read(source: &str) -> Declared {
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

    fn covers(&self, wanted: &Wanted) -> bool {
        match wanted {
            Wanted::Document(id) => self.docs.contains(id),
            Wanted::Topic(id) => self.topics.contains(id),
        }
    }
}

/// Removes every finding of another file that wants an id one of `failed` (the briefs
/// that did not load, by the file shown) declares, and says on that brief's own finding
/// how many there were and for which ids.
pub(super) fn fold_cascades(findings: &mut Vec<Finding>, failed: &[(String, Box<Declared>)]) {
    if failed.is_empty() {
        return;
    }
    // (files, ids) that follow, per failed brief.
    let mut follow: Vec<(HashSet<String>, Vec<String>)> = vec![Default::default(); failed.len()];
    let mut kept = Vec::with_capacity(findings.len());
    let mut count = vec![0usize; failed.len()];
    for finding in std::mem::take(findings) {
        let cause = finding.wants.as_deref().and_then(|wanted| {
            let i = failed
                .iter()
                .position(|(file, declared)| *file != finding.file && declared.covers(wanted))?;
            Some((i, wanted))
        });
        let Some((i, wanted)) = cause else {
            kept.push(finding);
            continue;
        };
        count[i] += 1;
        let id = match wanted {
            Wanted::Document(id) => format!("document `{id}`"),
            Wanted::Topic(id) => format!("topic `{id}`"),
        };
        if !follow[i].1.contains(&id) {
            follow[i].1.push(id);
        }
        follow[i].0.insert(finding.file);
    }
    for (i, (file, _)) in failed.iter().enumerate() {
        if count[i] == 0 {
            continue;
        }
        let Some(root) = kept.iter_mut().find(|f| f.file == *file && f.is_error()) else {
            continue;
        };
        let mut files: Vec<&str> = follow[i].0.iter().map(String::as_str).collect();
        files.sort_unstable();
        let (n, s) = (count[i], if count[i] == 1 { "" } else { "s" });
        root.notes.push(format!(
            "{n} finding{s} in {} follow{} from this one, as this brief declares {}: \
             fix this brief and run check again",
            files.join(", "),
            if n == 1 { "s" } else { "" },
            follow[i].1.join(", "),
        ));
    }
    *findings = kept;
}
