//! The fold against the rule it is built from: the same bytes, the same origins, the
//! same verdict on normal form, on hand-picked and on random text.

use proptest::prelude::*;

use super::*;

#[test]
fn vietnamese_tone_marks_and_d() {
    assert_eq!(fold_str("Phạm Minh Chính"), "pham minh chinh");
    assert_eq!(fold_str("ĐỒNG đồng Ướ ơ ư"), "dong dong uo o u");
    // Tone marks stacked two deep: circumflex + acute, breve + dot below.
    assert_eq!(fold_str("ẤẶỮ ấặữ"), "aau aau");
}

#[test]
fn decomposed_text_folds_like_composed() {
    let nfd = "Pha\u{323}m Chi\u{301}nh đo\u{302}\u{300}ng";
    assert_eq!(fold_str(nfd), "pham chinh dong");
}

#[test]
fn indonesian_and_other_latin() {
    assert_eq!(
        fold_str("Perdana Menteri Pham Minh Chinh"),
        "perdana menteri pham minh chinh"
    );
    assert_eq!(fold_str("Café Ñandú İstanbul"), "cafe nandu istanbul");
}

#[test]
fn eight_ascii_bytes_at_once() {
    let all: Vec<u8> = (0u8..0x80).collect();
    for chunk in all.chunks(8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap());
        let want: Vec<u8> = chunk.iter().map(u8::to_ascii_lowercase).collect();
        assert_eq!(lower_ascii8(x).to_le_bytes().to_vec(), want);
    }
    let mut f = Folded::default();
    f.fold("ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ Phạm");
    assert_eq!(f.to_text(), "abcdefghijklmnopqrstuvwxyz@[`{ pham");
}

#[test]
fn marked_characters() {
    assert!(is_marked('ồ'));
    assert!(is_marked('Đ'));
    assert!(!is_marked('D'));
    assert!(!is_marked('o'));
}

#[test]
fn origins_map_back() {
    let src = "Đo\u{302}\u{300}ng x";
    let mut f = Folded::default();
    f.fold(src);
    assert_eq!(f.to_text(), "dong x");
    assert_eq!(f.original_range(src, 0, 4), 0..src.find(' ').unwrap());
    assert_eq!(f.original_range(src, 5, 6), src.len() - 1..src.len());
    let long = "Ắ".repeat(300) + "x";
    f.fold(&long);
    assert_eq!(f.origin(&long, 299), 299 * "Ắ".len());
    assert_eq!(f.origin(&long, 300), long.len() - 1);
}

/// Where folded byte `i` of `src` comes from, walking from the start one character at a
/// time: the plain form of `Folded::origin`.
fn origin_by_walking(src: &str, i: usize) -> usize {
    let mut folded = 0;
    for (at, c) in src.char_indices() {
        let mut buf = String::new();
        fold_char_into(c, &mut buf);
        if folded + buf.len() > i {
            return at;
        }
        folded += buf.len();
    }
    src.len()
}

fn agrees_with_the_rule(src: &str) -> Result<(), TestCaseError> {
    let mut f = Folded::default();
    // Twice into one buffer: what is left of a longer text must not show through.
    f.fold(&"Ắ\u{301}x".repeat(200));
    f.fold(src);
    prop_assert_eq!(f.to_text(), fold_str(src), "{:?}", src);
    for i in 0..=f.as_bytes().len() {
        prop_assert_eq!(
            f.origin(src, i),
            origin_by_walking(src, i),
            "{:?} at {}",
            src,
            i
        );
    }
    let denormal = src.chars().any(|c| !surely_nfc(c as u32));
    prop_assert_eq!(f.maybe_denormalized(), denormal, "{:?}", src);
    Ok(())
}

#[test]
fn the_loop_agrees_with_the_rule_at_every_length_and_alignment() {
    let pieces = [
        "a", "Z", "\t", "ạ", "Ễ", "đ", "ß", "\u{301}", "İ", "Ⱥ", "“", "\u{2000}", "한", "字", "🇻🇳",
        "\u{1e9e}", "ﬁ", "\u{a0}", "\n",
    ];
    for a in pieces {
        for b in pieces {
            for pad in 0..10 {
                let src = format!("{}{a}{}{b}", "x".repeat(pad), "Y".repeat(pad % 3));
                agrees_with_the_rule(&src).unwrap();
            }
        }
    }
}

proptest! {
    #[test]
    fn the_loop_agrees_with_the_rule_on_random_text(
        src in "([a-zA-Z ]{0,9}|[à-ỹ]|[\u{300}-\u{36f}]|[\u{80}-\u{2100}]|\\PC){0,60}"
    ) {
        agrees_with_the_rule(&src)?;
    }
}
