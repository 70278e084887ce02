//! Where each node of a YAML file stands. serde gives no positions for valid YAML, so a
//! brief that has findings is read once more with an event parser that does: paths such as
//! `figures[3].quotes[0].text` map to 1-based line and column. The happy path never runs it.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

/// Positions of the nodes of one YAML document, by path.
#[derive(Debug, Default)]
pub struct PositionIndex {
    values: HashMap<String, (usize, usize)>,
}

enum Frame {
    Map {
        path: String,
        pending_key: Option<String>,
    },
    Seq {
        path: String,
        next: usize,
    },
}

impl PositionIndex {
    /// Indexes `source`; a parse error simply ends the index where it stands.
    pub fn new(source: &str) -> PositionIndex {
        let mut index = PositionIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut parser = Parser::new_from_str(source);
        // Bounded by the source itself: an alias is one event, never an expansion.
        while let Some(Ok((event, span))) = parser.next_event() {
            // saphyr's column is 0-based; the contract's columns are 1-based.
            let pos = (span.start.line(), span.start.col() + 1);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map { pending_key, .. }) = stack.last_mut()
                        && pending_key.is_none()
                    {
                        *pending_key = Some(value.into_owned());
                        continue;
                    }
                    let path = child_path(&mut stack);
                    if let Some(path) = path {
                        index.values.insert(path, pos);
                    }
                }
                Event::Alias(_) => {
                    if let Some(path) = child_path(&mut stack) {
                        index.values.insert(path, pos);
                    }
                }
                Event::MappingStart(..) => {
                    let path = child_path(&mut stack).unwrap_or_default();
                    index.values.insert(path.clone(), pos);
                    stack.push(Frame::Map {
                        path,
                        pending_key: None,
                    });
                }
                Event::SequenceStart(..) => {
                    let path = child_path(&mut stack).unwrap_or_default();
                    index.values.insert(path.clone(), pos);
                    stack.push(Frame::Seq { path, next: 0 });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                Event::DocumentEnd => break,
                _ => {}
            }
        }
        index
    }

    /// Position of the value at `path` (`figures[0].label`), if it exists.
    pub fn value(&self, path: &str) -> Option<(usize, usize)> {
        self.values.get(path).copied()
    }
}

/// The path of the node that comes next in the innermost collection, advancing it.
fn child_path(stack: &mut [Frame]) -> Option<String> {
    match stack.last_mut() {
        None => Some(String::new()),
        Some(Frame::Map { path, pending_key }) => pending_key.take().map(|k| join(path, &k)),
        Some(Frame::Seq { path, next }) => {
            let p = format!("{path}[{next}]");
            *next += 1;
            Some(p)
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_keys() {
        let src = "title: T\nfigures:\n  - label: x\n    quotes:\n      - doc: a\n        text: \"hello\"\n";
        let idx = PositionIndex::new(src);
        assert_eq!(idx.value("title"), Some((1, 8)));
        assert_eq!(idx.value("figures[0]"), Some((3, 5)));
        assert_eq!(idx.value("figures[0].quotes[0].text"), Some((6, 15)));
    }

    #[test]
    fn flow_collections_and_broken_yaml() {
        let idx = PositionIndex::new("topics: [a, b]\nx: [");
        assert_eq!(idx.value("topics[1]"), Some((1, 13)));
        assert_eq!(idx.value("nothing"), None);
    }
}
