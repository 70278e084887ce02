//! Reading one brief: its bytes decoded, its YAML parsed into the serde types, and every
//! way that can fail said as a finding at its place, in the brief's words.

use super::Parsed;
use super::cascade::Declared;
use crate::engine::brief::BriefFile;
use crate::engine::finding::Finding;
use crate::engine::load::RawFile;

/// A brief that did not load: why, and what it would have declared.
pub(super) struct Failed {
    pub finding: Finding,
    pub declared: Box<Declared>,
}

impl From<Finding> for Failed {
    fn from(finding: Finding) -> Failed {
        Failed {
            finding,
            declared: Box::default(),
        }
    }
}

/// Parses one brief, or reports why it does not load.
pub(super) fn parse(file: RawFile) -> Result<Parsed, Failed> {
    let bytes = match file.bytes {
        Ok(bytes) => bytes,
        Err(e) => return Err(crate::engine::decode::cannot_read(&file.shown, &e).into()),
    };
    let source = crate::engine::load::decode(&file.shown, bytes)?.into_string();
    let id = file
        .name
        .rsplit('/')
        .next()
        .and_then(|n| n.rsplit_once('.'))
        .map_or(file.name.as_str(), |(stem, _)| stem)
        .to_string();
    let has_content = source
        .lines()
        .map(str::trim)
        .any(|l| !l.is_empty() && !l.starts_with('#') && l != "---" && l != "...");
    if !has_content {
        return Err(Finding::error(&file.shown, "empty brief")
            .note("a brief needs at least `title:` and `documents:` (see the README)")
            .into());
    }
    match serde_yaml::from_str::<BriefFile>(&source) {
        Ok(brief) => Ok(Parsed {
            name: file.name,
            shown: file.shown,
            id,
            source,
            brief,
        }),
        Err(e) => Err(Failed {
            finding: yaml_error(&file.shown, &e),
            declared: Box::new(Declared::read(&source)),
        }),
    }
}

/// A serde_yaml error as a finding: its location moved into the position, a hint added.
fn yaml_error(shown: &str, e: &serde_yaml::Error) -> Finding {
    let mut message = e.to_string();
    let position = e
        .location()
        .map(|l| (l.line(), l.column()))
        .or(Some((1, 1)));
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    // Say what is expected in the brief's words, not in the names of Rust types.
    for (internal, plain) in [
        (
            "struct BriefFile",
            "a brief: a mapping with title:, documents: and more",
        ),
        (
            "struct DocDecl",
            "a document: a mapping with id:, file:, lang:",
        ),
        ("struct TopicDecl", "a topic: a mapping with id: and title:"),
        (
            "struct FigureDecl",
            "a figure: a mapping with label:, value:, topics:, quotes:",
        ),
        (
            "struct ThemeDecl",
            "a theme: a mapping with topics:, note:, quotes:",
        ),
        ("struct QuoteDecl", "a quote: a mapping with doc: and text:"),
        (
            "struct PinDecl",
            "a pin: a mapping with quotes: (two) and note:",
        ),
        ("unit value", "nothing (null)"),
        ("type: sequence", "type: list"),
        ("expected a sequence", "expected a list"),
        ("type: map,", "type: mapping,"),
    ] {
        message = message.replace(internal, plain);
    }
    let hint = if message.contains("unknown field") {
        "check the spelling of the key; the keys allowed here are listed above"
    } else if message.contains("missing field") {
        "add the missing key to this mapping"
    } else if message.contains("invalid type") || message.contains("invalid value") {
        "write this value as the message says; the brief is skipped until it loads"
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        "the brief nests too deep or expands too many aliases; write it out plainly"
    } else {
        "fix the YAML here, or an unclosed quote or bracket above it; the brief is skipped until it loads"
    };
    Finding::error(shown, message).at(position).note(hint)
}
