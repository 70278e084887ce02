//! One cause, one error: when a brief does not load, the documents and topics it declares
//! are missing for every other brief too. Those briefs' findings follow from the one
//! failure, so they fold into a single note on it instead of standing as errors of their own.

use std::collections::HashSet;

use crate::engine::brief::Declared;
use crate::engine::finding::{Finding, Wanted};

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
