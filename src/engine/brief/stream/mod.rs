//! Reading a brief one YAML event at a time. serde_yaml's loader keeps every event of a
//! document before it deserialises any (about twenty bytes of memory per byte of brief,
//! 2 GB for a 100 MB brief), and it is half the time of `check` on a large corpus. This
//! reader drives serde from events as they come, so a brief costs the memory of what it
//! declares: the block reader's (`block.rs`, a line at a time, the YAML most briefs are
//! written in), else saphyr-parser's.
//!
//! It reads the YAML briefs are written in: no tags, anchors or aliases, nothing nested
//! deeper than [`MAX_DEPTH`]. On anything else, and on any error, it gives up, and
//! [`from_str`] reads the brief with serde_yaml instead: every finding about a brief that
//! does not load still quotes serde_yaml's words and places. Where this reader succeeds,
//! its value is serde_yaml's: plain scalars resolve by serde_yaml 0.9's rules (null, bool,
//! integers in four radixes, floats), and the tests compare the readers on generated
//! briefs (the block reader's events with saphyr-parser's, the values with serde_yaml's).

use std::fmt;

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use block::Block;
use plain::{is_null, untagged};
use source::Source;

mod block;
mod plain;
mod source;

/// Nesting deeper than this is left to serde_yaml (whose own limit is 128).
const MAX_DEPTH: usize = 100;

/// `source` read into `T`: by the streaming reader where it can, else by serde_yaml.
pub(crate) fn from_str<T: DeserializeOwned>(source: &str) -> Result<T, serde_yaml::Error> {
    match streaming(source) {
        Some(value) => Ok(value),
        None => serde_yaml::from_str(source),
    }
}

/// `source` read into `T` by the streaming reader alone; `None` where it gives up. The
/// block reader is tried first, then saphyr-parser.
pub(crate) fn streaming<T: DeserializeOwned>(source: &str) -> Option<T> {
    let from_blocks = Block::new(source).and_then(|block| read(Source::Block(block)));
    from_blocks.or_else(|| read(Source::Saphyr(Box::new(Parser::new_from_str(source)))))
}

/// Reads `T` from the events of `source`; `None` where the streaming reader gives up.
fn read<T: DeserializeOwned>(source: Source) -> Option<T> {
    let mut events = Events {
        source,
        peeked: None,
        depth: 0,
    };
    events.expect(|e| matches!(e, Event::StreamStart)).ok()?;
    events
        .expect(|e| matches!(e, Event::DocumentStart(_)))
        .ok()?;
    let value = T::deserialize(&mut events).ok()?;
    // One document, as serde_yaml::from_str requires, and no error after it.
    events.expect(|e| matches!(e, Event::DocumentEnd)).ok()?;
    events.expect(|e| matches!(e, Event::StreamEnd)).ok()?;
    Some(value)
}

/// Why the streaming reader stopped: it does not say, since serde_yaml then reads the
/// brief again and gives the message.
#[derive(Debug)]
pub(crate) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("left to serde_yaml")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> GiveUp {
        GiveUp
    }
}

struct Events<'a> {
    source: Source<'a>,
    peeked: Option<Event<'a>>,
    depth: usize,
}

impl<'a> Events<'a> {
    /// The next event, if it is one this reader takes: no alias, anchor or tag.
    fn next(&mut self) -> Result<Event<'a>, GiveUp> {
        if let Some(event) = self.peeked.take() {
            return Ok(event);
        }
        let Some(event) = self.source.next_event() else {
            return Err(GiveUp);
        };
        match &event {
            Event::Alias(_) | Event::Nothing => Err(GiveUp),
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag)
                if *anchor != 0 || tag.is_some() =>
            {
                Err(GiveUp)
            }
            _ => Ok(event),
        }
    }

    fn peek(&mut self) -> Result<&Event<'a>, GiveUp> {
        if self.peeked.is_none() {
            self.peeked = Some(self.next()?);
        }
        self.peeked.as_ref().ok_or(GiveUp)
    }

    fn expect(&mut self, wanted: impl Fn(&Event) -> bool) -> Result<(), GiveUp> {
        if wanted(&self.next()?) {
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// Runs `inside` one level deeper, then takes the collection's end.
    fn nested<T>(
        &mut self,
        end: fn(&Event) -> bool,
        inside: impl FnOnce(&mut Self) -> Result<T, GiveUp>,
    ) -> Result<T, GiveUp> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GiveUp);
        }
        let value = inside(self)?;
        self.expect(end)?;
        self.depth -= 1;
        Ok(value)
    }

    /// Skips one node, whatever it holds.
    fn skip(&mut self) -> Result<(), GiveUp> {
        let floor = self.depth;
        loop {
            match self.next()? {
                Event::SequenceStart(..) | Event::MappingStart(..) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(GiveUp);
                    }
                }
                // An end with nothing open here is no node: never from saphyr, but not
                // taken on trust.
                Event::SequenceEnd | Event::MappingEnd if self.depth == floor => {
                    return Err(GiveUp);
                }
                Event::SequenceEnd | Event::MappingEnd => self.depth -= 1,
                Event::Scalar(..) => {}
                _ => return Err(GiveUp),
            }
            if self.depth == floor {
                return Ok(());
            }
        }
    }
}

fn sequence_end(event: &Event) -> bool {
    matches!(event, Event::SequenceEnd)
}

fn mapping_end(event: &Event) -> bool {
    matches!(event, Event::MappingEnd)
}

/// Methods of serde's deserializer that no brief type calls: left to serde_yaml.
macro_rules! left_to_serde_yaml {
    ($($method:ident),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, GiveUp> {
            Err(GiveUp)
        })*
    };
}

impl<'de> de::Deserializer<'de> for &mut Events<'_> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        match self.next()? {
            Event::Scalar(value, ScalarStyle::Plain, ..) => untagged(visitor, value),
            Event::Scalar(value, ..) => plain::text(visitor, value),
            Event::SequenceStart(..) => {
                self.nested(sequence_end, |de| visitor.visit_seq(Items(de)))
            }
            Event::MappingStart(..) => {
                self.nested(mapping_end, |de| visitor.visit_map(Entries(de)))
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        match self.next()? {
            Event::Scalar(value, ..) => plain::text(visitor, value),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        match self.peek()? {
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() || is_null(value) => {
                self.next()?;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        match self.next()? {
            Event::SequenceStart(..) => {
                self.nested(sequence_end, |de| visitor.visit_seq(Items(de)))
            }
            // `quotes:` with nothing after it is an empty list, as serde_yaml reads it.
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() => {
                visitor.visit_seq(Nothing)
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        match self.next()? {
            Event::MappingStart(..) => {
                self.nested(mapping_end, |de| visitor.visit_map(Entries(de)))
            }
            Event::Scalar(value, ScalarStyle::Plain, ..) if value.is_empty() => {
                visitor.visit_map(Nothing)
            }
            _ => Err(GiveUp),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, GiveUp> {
        self.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        self.skip()?;
        visitor.visit_unit()
    }

    left_to_serde_yaml!(
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, GiveUp> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, GiveUp> {
        Err(GiveUp)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, GiveUp> {
        Err(GiveUp)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value, GiveUp> {
        Err(GiveUp)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, GiveUp> {
        Err(GiveUp)
    }
}

/// The items of a sequence, up to (not including) its end.
struct Items<'r, 'a>(&'r mut Events<'a>);

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, GiveUp> {
        if sequence_end(self.0.peek()?) {
            return Ok(None);
        }
        seed.deserialize(&mut *self.0).map(Some)
    }
}

/// The entries of a mapping, up to (not including) its end.
struct Entries<'r, 'a>(&'r mut Events<'a>);

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, GiveUp> {
        if mapping_end(self.0.peek()?) {
            return Ok(None);
        }
        seed.deserialize(&mut *self.0).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, GiveUp> {
        seed.deserialize(&mut *self.0)
    }
}

/// What an empty plain scalar holds where a list or a mapping is wanted.
struct Nothing;

impl<'de> SeqAccess<'de> for Nothing {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        _: T,
    ) -> Result<Option<T::Value>, GiveUp> {
        Ok(None)
    }
}

impl<'de> MapAccess<'de> for Nothing {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, _: K) -> Result<Option<K::Value>, GiveUp> {
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, _: V) -> Result<V::Value, GiveUp> {
        Err(GiveUp)
    }
}

#[cfg(test)]
mod tests;
