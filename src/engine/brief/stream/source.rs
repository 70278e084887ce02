//! Where the streaming reader's events come from: the block reader, or saphyr-parser.

use saphyr_parser::{Event, Parser, StrInput};

use super::block::Block;

pub(super) enum Source<'a> {
    Block(Block<'a>),
    Saphyr(Box<Parser<'a, StrInput<'a>>>),
}

impl<'a> Source<'a> {
    /// The next event, or `None` at the end, where the source gives up, or on an error.
    pub(super) fn next_event(&mut self) -> Option<Event<'a>> {
        match self {
            Source::Block(block) => block.next_event(),
            Source::Saphyr(parser) => parser.next_event()?.ok().map(|(event, _)| event),
        }
    }
}
