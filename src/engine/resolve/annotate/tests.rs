//! A brief's lists are taken in order, their room given back as they go.

use proptest::prelude::*;

use super::{GIVE_BACK, taking};

proptest! {
    #[test]
    fn taking_gives_every_item_in_order(items in prop::collection::vec(any::<u16>(), 0..3 * GIVE_BACK)) {
        prop_assert_eq!(taking(items.clone()).collect::<Vec<_>>(), items);
    }
}

#[test]
fn the_room_of_what_was_taken_is_given_back() {
    let mut taken = taking(vec![7u64; 3 * GIVE_BACK]);
    for _ in 0..2 * GIVE_BACK {
        assert_eq!(taken.next(), Some(7));
    }
    assert!(
        taken.0.capacity() < GIVE_BACK + GIVE_BACK,
        "{}",
        taken.0.capacity()
    );
    assert_eq!(taken.count(), GIVE_BACK);
}
