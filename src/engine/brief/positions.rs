//! Where nodes of a YAML file stand. serde gives no positions for valid YAML, so a brief
//! that has findings is read once more with an event parser that does: paths such as
//! `figures[3].quotes[0].text` map to 1-based line and column. Only the paths asked for
//! are kept (a brief of a million quotes has millions of nodes, and a path each would
//! be hundreds of megabytes); the happy path never runs it.

use std::fmt::Write as _;

use saphyr_parser::{Event, Parser};

/// A 1-based line and column.
pub type Position = (usize, usize);

/// The position of the node at each of `paths` in `source`, in order; a path with no
/// node takes that of its nearest ancestor that has one (`themes[2].quotes` without
/// quotes: `themes[2]`), and `None` when none has. A parse error simply ends the walk
/// where it stands. The source is walked once, and once more for the ancestors of the
/// paths left without a node, if any.
pub fn positions_of(source: &str, paths: &[&str]) -> Vec<Option<Position>> {
    let mut found = walk_for(source, paths);
    let left: Vec<usize> = (0..paths.len()).filter(|&k| found[k].is_none()).collect();
    if left.is_empty() {
        return found;
    }
    // Every ancestor of each path left, nearest first (slices of the path: no copies).
    let ancestors: Vec<Vec<&str>> = left
        .iter()
        .map(|&k| std::iter::successors(parent(paths[k]), |p| parent(p)).collect())
        .collect();
    let all: Vec<&str> = ancestors.iter().flatten().copied().collect();
    let at = walk_for(source, &all);
    let mut at = at.into_iter();
    for (&k, ancestors) in left.iter().zip(&ancestors) {
        let theirs: Vec<Option<Position>> = at.by_ref().take(ancestors.len()).collect();
        found[k] = theirs.into_iter().flatten().next();
    }
    found
}

/// The position of the node at each of `paths`, if it has one.
fn walk_for(source: &str, paths: &[&str]) -> Vec<Option<Position>> {
    let mut wanted: Vec<&str> = paths.to_vec();
    wanted.sort_unstable();
    wanted.dedup();
    let at = walk(source, &wanted);
    paths
        .iter()
        .map(|p| wanted.binary_search(p).ok().and_then(|i| at[i]))
        .collect()
}

/// The path of the collection that holds `path`, if it is in one.
fn parent(path: &str) -> Option<&str> {
    path.get(..path.rfind(['.', '['])?)
}

/// Where the collection being walked has its path end, and what comes next in it.
enum Frame {
    Map {
        end: usize,
        pending_key: Option<String>,
    },
    Seq {
        end: usize,
        next: usize,
    },
}

/// The position of each of the `wanted` paths (sorted) that has a node, by index; the
/// last node of a path written twice (a key repeated) is the one kept.
fn walk(source: &str, wanted: &[&str]) -> Vec<Option<Position>> {
    let mut at = vec![None; wanted.len()];
    let mut stack: Vec<Frame> = Vec::new();
    // The path of the node at hand, made in one buffer rather than a string per node.
    let mut path = String::new();
    let mut parser = Parser::new_from_str(source);
    let mut record = |path: &str, position: Position| {
        if let Ok(i) = wanted.binary_search(&path) {
            at[i] = Some(position);
        }
    };
    // Bounded by the source itself: an alias is one event, never an expansion.
    while let Some(Ok((event, span))) = parser.next_event() {
        // saphyr's column is 0-based; the contract's columns are 1-based.
        let position = (span.start.line(), span.start.col() + 1);
        match event {
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map { pending_key, .. }) = stack.last_mut()
                    && pending_key.is_none()
                {
                    *pending_key = Some(value.into_owned());
                    continue;
                }
                let named = child_path(&mut stack, &mut path);
                if named {
                    record(&path, position);
                }
            }
            Event::Alias(_) => {
                let named = child_path(&mut stack, &mut path);
                if named {
                    record(&path, position);
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if !child_path(&mut stack, &mut path) {
                    // A collection as a key: indexed as the root is.
                    path.clear();
                }
                record(&path, position);
                let end = path.len();
                stack.push(match event {
                    Event::MappingStart(..) => Frame::Map {
                        end,
                        pending_key: None,
                    },
                    _ => Frame::Seq { end, next: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    at
}

/// Makes `path` that of the node that comes next in the innermost collection, advancing
/// it; false when that node has no path (a value with no key before it).
fn child_path(stack: &mut [Frame], path: &mut String) -> bool {
    match stack.last_mut() {
        None => path.clear(),
        Some(Frame::Map { end, pending_key }) => {
            let Some(key) = pending_key.take() else {
                return false;
            };
            path.truncate(*end);
            if *end > 0 {
                path.push('.');
            }
            path.push_str(&key);
        }
        Some(Frame::Seq { end, next }) => {
            path.truncate(*end);
            let _ = write!(path, "[{next}]");
            *next += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str =
        "title: T\nfigures:\n  - label: x\n    quotes:\n      - doc: a\n        text: \"hello\"\n";

    #[test]
    fn finds_nested_values_and_keys() {
        let paths = ["title", "figures[0]", "figures[0].quotes[0].text", ""];
        assert_eq!(
            positions_of(SRC, &paths),
            [Some((1, 8)), Some((3, 5)), Some((6, 15)), Some((1, 1))]
        );
    }

    #[test]
    fn a_path_with_no_node_takes_its_nearest_ancestors() {
        let paths = [
            "figures[0].quotes[0].prefix",
            "figures[3].label",
            "nothing",
            "figures[0].label",
        ];
        assert_eq!(
            positions_of(SRC, &paths),
            [Some((5, 9)), Some((3, 3)), None, Some((3, 12))]
        );
    }

    #[test]
    fn flow_collections_and_broken_yaml() {
        let paths = ["topics[1]", "nothing", "x"];
        assert_eq!(
            positions_of("topics: [a, b]\nx: [", &paths),
            [Some((1, 13)), None, Some((2, 4))]
        );
    }

    #[test]
    fn a_path_many_levels_below_its_nearest_node_is_found_in_two_walks() {
        let deep = format!("figures[0]{}", ".x".repeat(10_000));
        assert_eq!(
            positions_of(SRC, &[&deep, "title"]),
            [Some((3, 5)), Some((1, 8))]
        );
    }

    #[test]
    fn a_key_written_twice_is_where_it_is_written_last() {
        assert_eq!(positions_of("a: 1\nb: 2\na: 3\n", &["a"]), [Some((3, 4))]);
    }
}
