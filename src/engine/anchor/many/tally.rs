//! What the pass knows of each quote, held in 12 bytes a quote (a million quotes: 12 MB,
//! where the enum takes 16).

/// What the pass knows of one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tally {
    /// No words: nothing to look for.
    Empty,
    /// Given up by the pass (or never in it): placed another way.
    GivenUp,
    /// How many places so far, and the first one (original offsets).
    Counted { count: u32, start: u32, end: u32 },
}

/// A [`Tally`] packed: with no place counted, `start` says whether the quote is empty,
/// given up or still counted.
#[derive(Debug, Clone, Copy)]
pub(super) struct Packed {
    count: u32,
    start: u32,
    end: u32,
}

const EMPTY: u32 = u32::MAX;
const GIVEN_UP: u32 = u32::MAX - 1;

impl From<Tally> for Packed {
    fn from(tally: Tally) -> Packed {
        let (count, start, end) = match tally {
            Tally::Empty => (0, EMPTY, 0),
            Tally::GivenUp => (0, GIVEN_UP, 0),
            Tally::Counted { count: 0, .. } => (0, 0, 0),
            Tally::Counted { count, start, end } => (count, start, end),
        };
        Packed { count, start, end }
    }
}

impl Packed {
    pub(super) fn tally(self) -> Tally {
        match (self.count, self.start) {
            (0, EMPTY) => Tally::Empty,
            (0, GIVEN_UP) => Tally::GivenUp,
            (count, start) => Tally::Counted {
                count,
                start,
                end: self.end,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_packed_is_the_same_tally() {
        let counted = |count, start| Tally::Counted {
            count,
            start,
            end: start / 2 + 3,
        };
        for tally in [
            Tally::Empty,
            Tally::GivenUp,
            Tally::Counted {
                count: 0,
                start: 0,
                end: 0,
            },
            counted(1, 0),
            counted(1, EMPTY),
            counted(7, GIVEN_UP),
            counted(u32::MAX, u32::MAX),
        ] {
            assert_eq!(Packed::from(tally).tally(), tally);
        }
        assert_eq!(size_of::<Packed>(), 12);
    }
}
