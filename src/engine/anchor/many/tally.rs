//! What the pass knows of each quote, held in 8 bytes a quote (a million quotes: 8 MB,
//! where the enum takes 12).

/// What the pass knows of one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tally {
    /// No words: nothing to look for.
    Empty,
    /// Given up by the pass (or never in it): placed another way.
    GivenUp,
    /// How many places so far, and the first one (original offset).
    Counted { count: u32, first: u32 },
}

/// A [`Tally`] packed: with no place counted, `first` says whether the quote is empty,
/// given up or still counted.
#[derive(Debug, Clone, Copy)]
pub(super) struct Packed {
    count: u32,
    first: u32,
}

const EMPTY: u32 = u32::MAX;
const GIVEN_UP: u32 = u32::MAX - 1;

impl From<Tally> for Packed {
    fn from(tally: Tally) -> Packed {
        let (count, first) = match tally {
            Tally::Empty => (0, EMPTY),
            Tally::GivenUp => (0, GIVEN_UP),
            Tally::Counted { count: 0, .. } => (0, 0),
            Tally::Counted { count, first } => (count, first),
        };
        Packed { count, first }
    }
}

impl Packed {
    pub(super) fn tally(self) -> Tally {
        match (self.count, self.first) {
            (0, EMPTY) => Tally::Empty,
            (0, GIVEN_UP) => Tally::GivenUp,
            (count, first) => Tally::Counted { count, first },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_packed_is_the_same_tally() {
        let counted = |count, first| Tally::Counted { count, first };
        for tally in [
            Tally::Empty,
            Tally::GivenUp,
            counted(0, 0),
            counted(1, 0),
            counted(1, EMPTY),
            counted(7, GIVEN_UP),
            counted(u32::MAX, u32::MAX),
        ] {
            assert_eq!(Packed::from(tally).tally(), tally);
        }
        assert_eq!(size_of::<Packed>(), 8);
    }
}
