//! Reading one brief: its bytes decoded, its YAML parsed into the serde types, and every
//! way that can fail said as a finding at its place, in the brief's words.

use crate::engine::brief::yaml::Yaml;
use crate::engine::brief::{BriefFile, Declared, compact, stream};
use crate::engine::finding::Finding;
use crate::engine::source::SourceFile;
use crate::engine::text::decode;

/// A brief that loaded, with its source, waiting for resolution. Live reload keeps a clone
/// of each (see `LastGood`) to reuse while the brief's text stays the same.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    /// Its name in briefs/.
    pub name: String,
    /// Its path as shown.
    pub shown: String,
    /// Its id: the file name without folder and extension.
    pub id: String,
    /// The decoded YAML, for positions and for live reload's last good version: held and
    /// shared (the version live reload keeps and the load's own are one text), or read
    /// again from its file when a finding asks.
    pub source: Yaml,
    pub brief: BriefFile,
}

/// A brief that did not load: why, and what it would have declared.
pub(crate) struct Failed {
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

/// A brief read and decoded, not yet parsed.
pub(crate) struct Decoded {
    pub name: String,
    pub shown: String,
    /// The decoded YAML.
    pub source: String,
}

/// Parses one brief, or reports why it does not load. A brief on disk is not held once
/// parsed: its findings read it again for their positions.
pub(crate) fn parse(file: SourceFile) -> Result<Parsed, Failed> {
    let again = file.path().is_some().then(|| file.clone());
    parse_keeping(read(file)?, again)
}

/// Reads and decodes one brief, or reports why it cannot be read.
pub(crate) fn read(file: SourceFile) -> Result<Decoded, Failed> {
    let shown = file.shown.clone();
    let name = file.name.clone();
    let bytes = file.into_bytes().map_err(|e| e.finding(&shown))?;
    let source = decode(&shown, bytes)?.into_string();
    Ok(Decoded {
        name,
        shown,
        source,
    })
}

/// Parses one decoded brief, its text kept by `file` where given, else held.
pub(crate) fn parse_keeping(decoded: Decoded, file: Option<SourceFile>) -> Result<Parsed, Failed> {
    let Decoded {
        name,
        shown,
        source,
    } = decoded;
    let id = name
        .rsplit('/')
        .next()
        .and_then(|n| n.rsplit_once('.'))
        .map_or(name.as_str(), |(stem, _)| stem)
        .to_string();
    let has_content = source
        .lines()
        .map(str::trim)
        .any(|l| !l.is_empty() && !l.starts_with('#') && l != "---" && l != "...");
    if !has_content {
        return Err(Finding::error(&shown, "empty brief")
            .note("a brief needs at least `title:` and `documents:` (see the README)")
            .into());
    }
    match compact::naming(|| stream::from_str::<BriefFile>(&source)) {
        Ok(mut brief) => Ok(Parsed {
            name,
            shown,
            id,
            source: Yaml::of(file, source),
            brief: {
                brief.fit();
                brief
            },
        }),
        Err(e) => Err(Failed {
            finding: yaml_error(&shown, &e),
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
