//! The YAML most briefs are written in, read a line at a time: block mappings and
//! sequences by indentation, keys of letters, digits and `_`, values that fit on their
//! line (plain, single- or double-quoted without escapes, a flow list of plain words),
//! folded and literal scalars at one indentation, comment lines. It gives the events saphyr-parser gives for the same text, several
//! times faster; on anything else (a tab, a carriage return, an escape, a value over
//! several lines, a flow mapping, an anchor, a tag, a character YAML does not print) it
//! gives up, and the brief is read by saphyr-parser from its start.

use std::borrow::Cow;
use std::collections::VecDeque;

use saphyr_parser::{Event, ScalarStyle};

use lines::Lines;

mod lines;

/// The events of a brief in the block subset, made as they are asked for.
pub(super) struct Block<'a> {
    lines: Lines<'a>,
    open: Vec<Open>,
    /// The indentation of a key whose value is on the lines after it.
    pending: Option<usize>,
    queue: VecDeque<Event<'a>>,
    state: State,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Body,
    Done,
}

/// A collection still open, and the column its entries start at.
#[derive(Clone, Copy)]
struct Open {
    seq: bool,
    indent: usize,
}

impl<'a> Block<'a> {
    /// The block reader of `source`, or `None` where some character is one it leaves to
    /// saphyr-parser.
    pub(super) fn new(source: &'a str) -> Option<Block<'a>> {
        if !plain_characters(source) {
            return None;
        }
        Some(Block {
            lines: Lines::new(source),
            open: Vec::new(),
            pending: None,
            queue: VecDeque::new(),
            state: State::Start,
        })
    }

    /// The next event; `None` where this reader gives up.
    pub(super) fn next_event(&mut self) -> Option<Event<'a>> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some(event);
            }
            match self.state {
                State::Start => {
                    self.queue.push_back(Event::StreamStart);
                    self.queue.push_back(Event::DocumentStart(false));
                    self.state = State::Body;
                }
                State::Body => match self.lines.next() {
                    Some(line) if line.passed_over() => {}
                    Some(line) if line.marker() => return None,
                    Some(line) => self.line(line.indent, line.content)?,
                    None => {
                        if self.open.is_empty() {
                            return None;
                        }
                        self.finish_pending();
                        while !self.open.is_empty() {
                            self.close();
                        }
                        self.queue.push_back(Event::DocumentEnd);
                        self.queue.push_back(Event::StreamEnd);
                        self.state = State::Done;
                    }
                },
                State::Done => return None,
            }
        }
    }

    /// The events of one line of content at column `indent`.
    fn line(&mut self, indent: usize, content: &'a str) -> Option<()> {
        let item = content == "-" || content.starts_with("- ");
        if let Some(key_indent) = self.pending {
            if item && indent >= key_indent {
                self.pending = None;
                self.open_collection(true, indent);
            } else if indent > key_indent && key_value(content).is_some() {
                self.pending = None;
                self.open_collection(false, indent);
            } else if indent > key_indent {
                return None;
            } else {
                self.finish_pending();
            }
        }
        if self.open.is_empty() {
            if indent != 0 || item {
                return None;
            }
            self.open_collection(false, 0);
        }
        while let Some(top) = self.open.last().copied() {
            if top.indent > indent || (top.seq && top.indent == indent && !item) {
                self.close();
            } else {
                break;
            }
        }
        let top = *self.open.last()?;
        if top.indent != indent {
            return None;
        }
        if top.seq {
            let rest = content.strip_prefix('-')?;
            let after = rest.trim_start_matches(' ');
            if after.is_empty() {
                return None;
            }
            let column = indent + 1 + (rest.len() - after.len());
            if key_value(after).is_some() {
                self.open_collection(false, column);
                self.entry(column, after)
            } else {
                self.value(after)
            }
        } else if item {
            None
        } else {
            self.entry(indent, content)
        }
    }

    /// A `key: value` line of the mapping at column `indent`.
    fn entry(&mut self, indent: usize, content: &'a str) -> Option<()> {
        let (key, value) = key_value(content)?;
        self.queue.push_back(Event::Scalar(
            Cow::Borrowed(key),
            ScalarStyle::Plain,
            0,
            None,
        ));
        if value.is_empty() {
            self.pending = Some(indent);
            Some(())
        } else {
            self.value(value)
        }
    }

    /// A value that fits on its line; a plain one must not go on on the next lines.
    fn value(&mut self, value: &'a str) -> Option<()> {
        let (text, style) = match value.as_bytes()[0] {
            b'"' => (quoted(value, '"')?, ScalarStyle::DoubleQuoted),
            b'\'' => (quoted(value, '\'')?, ScalarStyle::SingleQuoted),
            b'[' => return self.flow_list(value),
            b'>' | b'|' => return self.block_scalar(value),
            _ => (Cow::Borrowed(plain(value)?), ScalarStyle::Plain),
        };
        if style == ScalarStyle::Plain && self.continues() {
            return None;
        }
        self.queue.push_back(Event::Scalar(text, style, 0, None));
        Some(())
    }

    /// Whether the next line of content is indented past the innermost collection: it
    /// would go on a plain value (or be an error), which saphyr-parser decides.
    fn continues(&mut self) -> bool {
        let deepest = self.open.last().map_or(0, |o| o.indent);
        // The next line, split once for this and for the line after it.
        let next = match self.lines.peek() {
            Some(line) if line.content.is_empty() => {
                self.lines.clone().find(|l| !l.content.is_empty())
            }
            next => next,
        };
        next.is_some_and(|l| l.indent > deepest)
    }

    /// A folded (`>`) or literal (`|`) scalar, clipped or stripped (`-`), on the lines
    /// after its key, all at one indentation with no blank line inside and no space at
    /// the end of a line.
    fn block_scalar(&mut self, header: &str) -> Option<()> {
        let (style, separator, strip) = match header {
            ">" => (ScalarStyle::Folded, " ", false),
            ">-" => (ScalarStyle::Folded, " ", true),
            "|" => (ScalarStyle::Literal, "\n", false),
            "|-" => (ScalarStyle::Literal, "\n", true),
            _ => return None,
        };
        let parent = self.open.last().map_or(0, |o| o.indent);
        let mut parts: Vec<&str> = Vec::new();
        let mut indent = None;
        loop {
            let mut ahead = self.lines.clone();
            let Some(line) = ahead.next() else { break };
            if line.content.is_empty() {
                let next = self.lines.clone().find(|l| !l.content.is_empty());
                if next.is_some_and(|l| l.indent > parent) {
                    return None;
                }
                break;
            }
            if line.indent <= parent {
                break;
            }
            if line.indent != *indent.get_or_insert(line.indent)
                || line.trailing_spaces
                || !line.broken
            {
                return None;
            }
            parts.push(line.content);
            self.lines = ahead;
        }
        if parts.is_empty() {
            return None;
        }
        let mut text = parts.join(separator);
        if !strip {
            text.push('\n');
        }
        self.queue
            .push_back(Event::Scalar(Cow::Owned(text), style, 0, None));
        Some(())
    }

    /// `[a, b]`: a flow list of plain words.
    fn flow_list(&mut self, value: &'a str) -> Option<()> {
        let inner = value.strip_prefix('[')?.strip_suffix(']')?;
        if self.continues() {
            return None;
        }
        self.queue.push_back(Event::SequenceStart(0, None));
        if !inner.trim_matches(' ').is_empty() {
            for word in inner.split(',') {
                let word = word.trim_matches(' ');
                if word.is_empty() || !word.bytes().all(flow_word_byte) {
                    return None;
                }
                self.queue.push_back(Event::Scalar(
                    Cow::Borrowed(word),
                    ScalarStyle::Plain,
                    0,
                    None,
                ));
            }
        }
        self.queue.push_back(Event::SequenceEnd);
        Some(())
    }

    fn open_collection(&mut self, seq: bool, indent: usize) {
        self.queue.push_back(if seq {
            Event::SequenceStart(0, None)
        } else {
            Event::MappingStart(0, None)
        });
        self.open.push(Open { seq, indent });
    }

    /// Ends the innermost open collection.
    fn close(&mut self) {
        if let Some(open) = self.open.pop() {
            self.queue.push_back(if open.seq {
                Event::SequenceEnd
            } else {
                Event::MappingEnd
            });
        }
    }

    /// A key with nothing after it and nothing nested under it: an empty plain value.
    fn finish_pending(&mut self) {
        if self.pending.take().is_some() {
            self.queue.push_back(Event::Scalar(
                Cow::Borrowed(""),
                ScalarStyle::Plain,
                0,
                None,
            ));
        }
    }
}

/// `key: value` or `key:`, with a key of ASCII letters, digits and `_` (not starting
/// with a digit); the value without the spaces around it.
fn key_value(content: &str) -> Option<(&str, &str)> {
    let end = content
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_'))?;
    let (key, rest) = content.split_at(end);
    if key.is_empty() || key.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let value = rest.strip_prefix(':')?;
    if !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some((key, value.trim_matches(' ')))
}

/// The text of a quoted value taking its whole rest of line: borrowed where it holds no
/// escape; with `\"` and `\\` (double quotes) or `''` (single) unescaped; `None` for any
/// other escape and for a quote that ends before the line does.
fn quoted(value: &str, quote: char) -> Option<Cow<'_, str>> {
    let inner = value.strip_prefix(quote)?.strip_suffix(quote)?;
    let escape = if quote == '"' { '\\' } else { '\'' };
    if !inner.contains(quote) && !inner.contains(escape) {
        return Some(Cow::Borrowed(inner));
    }
    let mut text = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == escape {
            match chars.next()? {
                next if next == quote || next == escape => text.push(next),
                _ => return None,
            }
        } else if c == quote {
            return None;
        } else {
            text.push(c);
        }
    }
    Some(Cow::Owned(text))
}

/// A plain value: none of the characters that would make it something else or end it.
fn plain(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let starts_other = match bytes[0] {
        // `-5` is a plain value; `- x` is a list item.
        b'-' => bytes.get(1).is_none_or(|&b| b == b' '),
        b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' => true,
        _ => false,
    };
    if starts_other || value.contains(": ") || value.contains(" #") || value.ends_with(':') {
        return None;
    }
    Some(value)
}

/// A byte of a word in a flow list: what never ends one or starts something else.
fn flow_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/') || b >= 0x80
}

/// Whether every character is one this reader takes: no control character but the line
/// break (so no tab and no carriage return), no DEL, no C1 control (U+0080..U+009F), no
/// line or paragraph separator (U+2028, U+2029), no byte order mark (U+FEFF) and no
/// noncharacter U+FFFE, U+FFFF. Bytes are looked at; a character only where its lead
/// byte (C2, E2, EF) may start one of those.
fn plain_characters(source: &str) -> bool {
    let bytes = source.as_bytes();
    // A fold rather than `any`, so that the compiler vectorises it.
    let control = |b: u8| (b < 0x20 && b != b'\n') || b == 0x7F;
    if bytes.iter().fold(false, |found, &b| found | control(b)) {
        return false;
    }
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes).all(|i| match bytes[i] {
        0xC2 => !(0x80..0xA0).contains(&at(i + 1)),
        0xE2 => !(at(i + 1) == 0x80 && matches!(at(i + 2), 0xA8 | 0xA9)),
        _ => !matches!((at(i + 1), at(i + 2)), (0xBB, 0xBF) | (0xBF, 0xBE | 0xBF)),
    })
}

#[cfg(test)]
mod tests;
