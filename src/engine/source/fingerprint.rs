//! What a file's bytes were, in sixteen bytes: their length and a keyed SipHash of them.
//! The key is drawn at random once per process, so no corpus can be written to make two
//! different files share a fingerprint; it tells a file read again from the one a load
//! read without holding that one's bytes.

use std::hash::{BuildHasher, RandomState};
use std::sync::OnceLock;

/// The length and keyed hash of a file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes`.
    pub fn of(bytes: &[u8]) -> Fingerprint {
        static KEYS: OnceLock<RandomState> = OnceLock::new();
        Fingerprint {
            len: bytes.len() as u64,
            hash: KEYS.get_or_init(RandomState::new).hash_one(bytes),
        }
    }

    /// How many bytes it was taken of.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether it was taken of no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_give_the_same_fingerprint_and_any_change_another() {
        let text = "Tăng trưởng GDP đạt 8%.\n".as_bytes();
        let copy = String::from_utf8(text.to_vec()).expect("UTF-8");
        assert_eq!(Fingerprint::of(text), Fingerprint::of(copy.as_bytes()));
        let mut edited = text.to_vec();
        edited[0] ^= 1;
        assert_ne!(Fingerprint::of(text), Fingerprint::of(&edited));
        assert_ne!(Fingerprint::of(text), Fingerprint::of(&text[1..]));
        assert_ne!(Fingerprint::of(b""), Fingerprint::of(b"\0"));
    }
}
