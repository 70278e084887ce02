//! The compact containers read exactly as what they replace.

use std::hash::{BuildHasher, RandomState};

use proptest::prelude::*;

use super::*;

proptest! {
    #[test]
    fn a_few_reads_as_the_vec_it_was_made_of(items in proptest::collection::vec(any::<u32>(), 0..5)) {
        let few = Few::from(items.clone());
        prop_assert_eq!(&*few, items.as_slice());
        prop_assert_eq!(format!("{few:?}"), format!("{items:?}"));
        prop_assert_eq!((&few).into_iter().copied().collect::<Vec<_>>(), items.clone());
        prop_assert_eq!(few.clone().into_iter().collect::<Vec<_>>(), items.clone());
        prop_assert_eq!(items.iter().copied().collect::<Few<u32>>(), few.clone());
        let mut doubled = few;
        for item in &mut doubled {
            *item = item.wrapping_mul(2);
        }
        let expected: Vec<u32> = items.iter().map(|i| i.wrapping_mul(2)).collect();
        prop_assert_eq!(&*doubled, expected.as_slice());
    }

    #[test]
    fn a_str_and_a_name_read_as_the_string(text in "\\PC{0,40}") {
        let keys = RandomState::new();
        let (s, name) = (Str::from(text.clone()), Name::from(text.as_str()));
        prop_assert_eq!(s.as_str(), text.as_str());
        prop_assert_eq!(&*name, text.as_str());
        prop_assert!(s == text && s == text.as_str() && name == text && name == *text.as_str());
        prop_assert_eq!(format!("{s} {s:?}"), format!("{text} {text:?}"));
        prop_assert_eq!(format!("{name} {name:?}"), format!("{text} {text:?}"));
        prop_assert_eq!(keys.hash_one(&s), keys.hash_one(&text));
        prop_assert_eq!(keys.hash_one(Some(&s)), keys.hash_one(Some(&text)));
    }

    #[test]
    fn an_opt_str_reads_as_the_option(text in proptest::option::of("\\PC{0,20}")) {
        let keys = RandomState::new();
        let opt = OptStr::from(text.as_deref());
        prop_assert_eq!(opt.as_deref(), text.as_deref());
        prop_assert_eq!((opt.is_some(), opt.is_none()), (text.is_some(), text.is_none()));
        prop_assert_eq!(format!("{opt:?}"), format!("{text:?}"));
        prop_assert_eq!(keys.hash_one(&opt), keys.hash_one(text.as_deref()));
        prop_assert_eq!(OptStr::from(text.clone().map(Str::from)), opt);
    }
}

#[test]
fn names_share_one_allocation_per_text() {
    let mut names = Names::default();
    let (a, b, c) = (names.name("d0"), names.name("d0"), names.name("d1"));
    assert!(Arc::ptr_eq(&a.0, &b.0));
    assert!(!Arc::ptr_eq(&a.0, &c.0));
    assert_eq!((a.as_str(), c.as_str()), ("d0", "d1"));
}

#[test]
fn one_item_and_its_text_take_no_more_room_than_a_string() {
    use std::mem::size_of;
    assert_eq!(size_of::<Str>(), 16);
    assert_eq!(size_of::<Option<Str>>(), 16);
    assert_eq!(size_of::<Name>(), 8);
    assert_eq!(size_of::<Few<usize>>(), 16);
    assert_eq!(size_of::<OptStr>(), 8);
    assert_eq!(size_of::<Context>(), 8);
}

#[test]
fn a_brief_read_names_each_of_its_ids_once_by_either_reader() {
    use crate::engine::brief::{BriefFile, stream};
    let brief = |anchor: &str| {
        format!(
            "title: T\ndocuments:\n  - id: a\n    file: a.txt\nthemes:\n  - topics: t\n    \
             quotes:\n      - doc: a\n        text: {anchor}x\n  - topics: [t, u]\n    \
             quotes:\n      - doc: a\n        text: y\n"
        )
    };
    // The streaming reader reads the first; an anchor leaves the second to serde_yaml.
    for yaml in [brief(""), brief("&k ")] {
        let read: BriefFile = naming(|| stream::from_str(&yaml)).expect("a brief");
        let themes: Vec<_> = read.themes.iter().collect();
        let (one, two) = (&themes[0], &themes[1]);
        assert!(Arc::ptr_eq(&one.quotes[0].doc.0, &two.quotes[0].doc.0));
        assert!(Arc::ptr_eq(&one.topics[0].0, &two.topics[0].0));
        assert_eq!(
            (two.topics[1].as_str(), one.quotes[0].text.as_str()),
            ("u", "x")
        );
        // Read outside a brief's reading, each is a name of its own.
        let apart: BriefFile = stream::from_str(&yaml).expect("a brief");
        let apart: Vec<_> = apart.themes.iter().collect();
        assert!(!Arc::ptr_eq(
            &apart[0].quotes[0].doc.0,
            &apart[1].quotes[0].doc.0
        ));
    }
    // Reading nested in another reading gives the outer one its names back.
    naming(|| {
        let outer = Name::read("d");
        naming(|| Name::read("d"));
        assert!(Arc::ptr_eq(&outer.0, &Name::read("d").0));
    });
}
