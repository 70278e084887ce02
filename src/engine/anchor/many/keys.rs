//! The key of each quote (eight bytes of it that the text holds rarely, by a sketch of
//! the text's counts; the whole quote when it is shorter) and the tables that find the
//! quotes of a key where the text holds it.

use super::pieces::Pieces;

/// Bytes of a key, at most: one `u64`.
pub(super) const KEY: usize = 8;

/// The eight bytes from `at` (fewer at the end, the rest zero), as one number.
pub(super) fn load(bytes: &[u8], at: usize) -> u64 {
    if let Some(word) = bytes.get(at..at + KEY).and_then(|w| w.try_into().ok()) {
        return u64::from_le_bytes(word);
    }
    let mut word = [0; KEY];
    let rest = bytes.get(at..).unwrap_or_default();
    for (w, b) in word.iter_mut().zip(rest) {
        *w = *b;
    }
    u64::from_le_bytes(word)
}

fn mix(v: u64) -> u64 {
    (v ^ (v >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// How often each eight bytes stand in a squeezed text, over-estimated (counts shared by
/// hash, saturating at 255): enough to tell the rare from the common.
pub(super) struct Sketch {
    counts: Vec<u8>,
    shift: u32,
    squeezed_len: usize,
}

impl Sketch {
    /// The sketch of `text` squeezed, read a piece at a time.
    pub(super) fn new(text: &str) -> Sketch {
        // The squeezed text is no longer than the text: its size is near enough.
        let bits = text.len().max(1).ilog2().clamp(12, 22);
        let mut sketch = Sketch {
            counts: vec![0; 1 << bits],
            shift: 64 - bits,
            squeezed_len: 0,
        };
        let mut pieces = Pieces::new(text, 0);
        while let Some(offsets) = pieces.advance() {
            for at in offsets.filter(|at| at + KEY <= pieces.end()) {
                let slot = sketch.slot(pieces.word(at));
                sketch.counts[slot] = sketch.counts[slot].saturating_add(1);
            }
        }
        sketch.squeezed_len = pieces.end();
        sketch
    }

    /// How long the squeezed text is.
    pub(super) fn squeezed_len(&self) -> usize {
        self.squeezed_len
    }

    fn slot(&self, key: u64) -> usize {
        (mix(key) >> self.shift) as usize
    }

    /// The offset of the rarest eight bytes of `quote` (at least `KEY` long), the first
    /// of the rarest ones; from any byte, since a character's last bytes and what
    /// follows them can be rarer than any eight from a character's start.
    pub(super) fn rarest(&self, quote: &[u8]) -> usize {
        (0..=quote.len() - KEY)
            .min_by_key(|&o| self.counts[self.slot(load(quote, o))])
            .unwrap_or(0)
    }
}

/// One key in a table: the key's bytes (zero past its length), its quote, and where
/// in the quote it starts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub bytes: u64,
    pub quote: u32,
    pub offset: u32,
}

/// Keys by their length.
pub(super) type ByLength = [Vec<Entry>; KEY + 1];

/// The keys of one length, by hash: the entries of each bucket together, each bucket's
/// live ones first (an entry is taken out when its quote is given up).
pub(super) struct Table {
    pub len: usize,
    /// The low `len` bytes of a word.
    pub mask: u64,
    shift: u32,
    entries: Vec<Entry>,
    /// Each bucket's first entry and the end of its live ones.
    spans: Vec<(u32, u32)>,
    /// One bit for each of finer buckets than `spans`, set where a key falls: most places
    /// of a text hold no key, and this tells them at the cost of a look into 1 MB at
    /// most, where `spans` is 8 bytes a key.
    filter: Vec<u64>,
    filter_shift: u32,
}

impl Table {
    /// `keys` (each with its length) by length; most of the `count` keys at most are
    /// `KEY` long.
    pub(super) fn gather(keys: impl IntoIterator<Item = (usize, Entry)>, count: usize) -> ByLength {
        let mut by_len: ByLength = Default::default();
        by_len[KEY].reserve_exact(count);
        for (len, entry) in keys {
            by_len[len.min(KEY)].push(entry);
        }
        by_len
    }

    /// The tables of the keys gathered, one per length, shortest first.
    pub(super) fn all(by_len: ByLength) -> Vec<Table> {
        by_len
            .into_iter()
            .enumerate()
            .filter(|(_, entries)| !entries.is_empty())
            .map(|(len, entries)| Table::new(len, entries))
            .collect()
    }

    fn new(len: usize, mut entries: Vec<Entry>) -> Table {
        entries.shrink_to_fit();
        let bits = entries.len().next_power_of_two().ilog2().max(1);
        let shift = 64 - bits;
        let bucket = |e: &Entry| (mix(e.bytes) >> shift) as usize;
        entries.sort_unstable_by_key(bucket);
        let mut spans = vec![(0, 0); 1 << bits];
        let filter_bits = (bits + 3).clamp(6, 23);
        let filter_shift = 64 - filter_bits;
        let mut filter = vec![0u64; 1 << (filter_bits - 6)];
        for (i, e) in entries.iter().enumerate() {
            let f = (mix(e.bytes) >> filter_shift) as usize;
            filter[f >> 6] |= 1 << (f & 63);
            let span = &mut spans[bucket(e)];
            if span.1 == 0 {
                span.0 = i as u32;
            }
            span.1 = i as u32 + 1;
        }
        Table {
            len,
            mask: if len == KEY {
                u64::MAX
            } else {
                (1u64 << (8 * len)) - 1
            },
            shift,
            entries,
            spans,
            filter,
            filter_shift,
        }
    }

    /// The bucket of `key` (masked already), or `None` when it surely holds no such key.
    pub(super) fn bucket(&self, key: u64) -> Option<usize> {
        let h = mix(key);
        let f = (h >> self.filter_shift) as usize;
        (self.filter[f >> 6] & (1 << (f & 63)) != 0).then_some((h >> self.shift) as usize)
    }

    /// The `i`-th live entry of `bucket`, if it has that many.
    pub(super) fn entry(&self, bucket: usize, i: usize) -> Option<Entry> {
        let (start, end) = self.spans[bucket];
        let at = start as usize + i;
        (at < end as usize).then(|| self.entries[at])
    }

    /// Takes the `i`-th live entry of `bucket` out: the last live one takes its place.
    pub(super) fn remove(&mut self, bucket: usize, i: usize) {
        let (start, end) = &mut self.spans[bucket];
        *end -= 1;
        self.entries.swap(*start as usize + i, *end as usize);
    }
}
