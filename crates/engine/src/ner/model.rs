//! The compact model file, read in place from `&'static [u8]`.
//!
//! Layout (all little endian), chosen so loading is a header check, a few
//! offset computations and one pass over the keys to index them, a few
//! milliseconds at most:
//!
//! | bytes | content |
//! | --- | --- |
//! | 8 | magic `DLNER\x01\0\0` |
//! | 4 + 4 | `n_feat`, `n_lex` |
//! | 18 × 18 × 4 | transition scores (f32), row/column 17 = sentence edge |
//! | 4 × n_feat | feature hashes (low 32 bits of FNV-1a 64), ascending |
//! | n_feat | per-feature scale exponent `e`: scale = 2^((e − 128) / 8) |
//! | 17 × n_feat | per-feature weights, i8, times the scale |
//! | 4 × n_lex | lexicon keys (phrase and casing hashes), ascending |
//! | n_lex | lexicon values ([`super::features::entity_code`], [`super::features::casing_code`]) |
//!
//! At load the feature keys, scales and weights are copied into an
//! open-addressing table ([`FeatureTable`]): a lookup then usually reads
//! one key instead of three dependent cache lines (bucket start, key,
//! weights), which made weight lookup the largest cost of tagging. It
//! costs 3.5 MB of memory for today's 64,000 features.
//!
//! A per-feature scale keeps one-byte weights precise for both heavy
//! features (bias, shapes) and light ones (rare words); the trainer keeps
//! only the features with the largest weights so the file stays ≤ 1.5 MB.
//!
//! The second pass's document features are ordinary hashed features in the
//! same table, so the format did not change: an older model simply has none
//! of them, and its second pass repeats the first.

use super::features::Lexicon;
use super::perceptron::{Transitions, N_TAGS};

/// File signature and version.
pub(crate) const MAGIC: &[u8; 8] = b"DLNER\x01\0\0";

/// Bytes of the transition table.
pub(crate) const TRANS_BYTES: usize = (N_TAGS + 1) * (N_TAGS + 1) * 4;

/// A parsed view of a model file.
pub(crate) struct Model<'a> {
    bytes: &'a [u8],
    lex_keys: usize,
    lex_vals: usize,
    /// Transition scores, decoded once (1.3 KB).
    pub trans: Transitions,
    /// Every feature's scale and weights by key.
    features: FeatureTable,
    /// Where each lexicon bucket (keys by their top bits) starts.
    lex_index: BucketIndex,
}

/// One feature's scale and weights (24 bytes).
#[derive(Clone, Copy)]
struct Row {
    /// The multiplier of the scale exponent, decoded at load so scoring
    /// never calls `exp2` (a software routine in wasm).
    scale: f32,
    weights: [i8; N_TAGS],
}

const NO_ROW: Row = Row {
    scale: 0.0,
    weights: [0; N_TAGS],
};

/// Open-addressing (linear probing) table of the features, at most half
/// full. Most lookups find nothing: they read only the keys (512 KB, about
/// one key per lookup, mostly in L2), and the rows of the keys found (3 MB
/// with the empty ones, never read) are fetched after a whole chunk of keys
/// has been resolved, so their cache misses overlap.
struct FeatureTable {
    shift: u32,
    /// Key of each slot, 0 when empty.
    keys: Vec<u32>,
    /// Row of each slot, then one for the key 0 (which cannot be stored in
    /// `keys`).
    rows: Vec<Row>,
    has_zero: bool,
}

impl FeatureTable {
    /// Copies the `n` features of the model file into a table.
    fn build(bytes: &[u8], layout: FeatureLayout, n: usize) -> FeatureTable {
        let bits = (usize::BITS - n.leading_zeros() + 1).clamp(4, 31);
        let mut table = FeatureTable {
            shift: 32 - bits,
            keys: vec![0; 1 << bits],
            rows: vec![NO_ROW; (1 << bits) + 1],
            has_zero: false,
        };
        for i in 0..n {
            let mut weights = [0i8; N_TAGS];
            let row = layout.weights + N_TAGS * i;
            for (w, &b) in weights.iter_mut().zip(&bytes[row..row + N_TAGS]) {
                *w = b as i8;
            }
            let row = Row {
                scale: scale_of(bytes[layout.scales + i]),
                weights,
            };
            table.insert(u32_at(bytes, layout.keys + 4 * i), row);
        }
        table
    }

    /// Home slot of `key` (Fibonacci hashing: the keys' top bits alone
    /// would do, but this does not rely on it).
    fn home(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9e37_79b9) >> self.shift) as usize
    }

    /// Adds `key` after any earlier slot of the same key, so a duplicate
    /// key finds the first, as the sorted search did.
    fn insert(&mut self, key: u32, row: Row) {
        if key == 0 {
            if !self.has_zero {
                self.has_zero = true;
                self.rows[self.keys.len()] = row;
            }
            return;
        }
        let mask = self.keys.len() - 1;
        let mut at = self.home(key);
        while self.keys[at] != 0 {
            at = (at + 1) & mask;
        }
        self.keys[at] = key;
        self.rows[at] = row;
    }

    /// Index in `rows` of `key`.
    fn find(&self, key: u32) -> Option<usize> {
        if key == 0 {
            return self.has_zero.then_some(self.keys.len());
        }
        let mask = self.keys.len() - 1;
        let mut at = self.home(key);
        loop {
            match self.keys[at] {
                0 => return None,
                k if k == key => return Some(at),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

/// Where the feature sections of a model file start.
#[derive(Clone, Copy)]
struct FeatureLayout {
    keys: usize,
    scales: usize,
    weights: usize,
}

/// Start of every bucket of ascending u32 keys grouped by their top
/// `bits` bits: a lookup reads one or two keys instead of searching, which
/// made key search the largest cost of tagging. Built in one pass at load
/// (the lexicon's is 64 KB).
struct BucketIndex {
    shift: u32,
    starts: Vec<u32>,
}

impl BucketIndex {
    /// Indexes the `n` keys at `off` with about one key per bucket.
    fn build(bytes: &[u8], off: usize, n: usize) -> BucketIndex {
        let bits = (usize::BITS - n.leading_zeros()).clamp(1, 16);
        let shift = 32 - bits;
        let mut starts = Vec::with_capacity((1 << bits) + 1);
        let mut i = 0;
        for b in 0..=(1u64 << bits) {
            while i < n && u64::from(u32_at(bytes, off + 4 * i) >> shift) < b {
                i += 1;
            }
            starts.push(i as u32);
        }
        BucketIndex { shift, starts }
    }

    /// Position of `key` among the `n` keys at `off`.
    fn find(&self, bytes: &[u8], off: usize, key: u32) -> Option<usize> {
        let b = (key >> self.shift) as usize;
        let (lo, hi) = (
            *self.starts.get(b)? as usize,
            *self.starts.get(b + 1)? as usize,
        );
        (lo..hi).find(|&i| u32_at(bytes, off + 4 * i) == key)
    }
}

fn u32_at(bytes: &[u8], off: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[off..off + 4]);
    u32::from_le_bytes(b)
}

impl<'a> Model<'a> {
    /// Checks the header and sizes; borrows `bytes` for all lookups.
    pub fn parse(bytes: &'a [u8]) -> Result<Model<'a>, String> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err("not a Dateline NER model (bad magic)".into());
        }
        let n_feat = u32_at(bytes, 8) as usize;
        let n_lex = u32_at(bytes, 12) as usize;
        let mut trans = [[0f32; N_TAGS + 1]; N_TAGS + 1];
        let mut off = 16;
        let expected =
            (off + TRANS_BYTES) as u64 + n_feat as u64 * (5 + N_TAGS) as u64 + n_lex as u64 * 5;
        if bytes.len() as u64 != expected {
            return Err(format!(
                "model has {} bytes, header says {expected}",
                bytes.len()
            ));
        }
        for row in trans.iter_mut() {
            for v in row.iter_mut() {
                *v = f32::from_bits(u32_at(bytes, off));
                off += 4;
            }
        }
        let keys = off;
        let scales = keys + 4 * n_feat;
        let weights = scales + n_feat;
        let lex_keys = weights + N_TAGS * n_feat;
        let lex_vals = lex_keys + 4 * n_lex;
        let layout = FeatureLayout {
            keys,
            scales,
            weights,
        };
        Ok(Model {
            features: FeatureTable::build(bytes, layout, n_feat),
            lex_index: BucketIndex::build(bytes, lex_keys, n_lex),
            bytes,
            lex_keys,
            lex_vals,
            trans,
        })
    }

    /// Adds the weights of feature `key` to `scores`.
    pub fn add(&self, key: u64, scores: &mut [f32; N_TAGS]) {
        if let Some(r) = self.features.find(key as u32) {
            let row = &self.features.rows[r];
            accumulate(&row.weights, row.scale, scores);
        }
    }

    /// Adds the weights of every `(token, key)` feature to its token's
    /// scores, in order (the sums are bit-identical to calling [`Self::add`]
    /// one by one). A chunk of keys is looked up, then the scales of the
    /// rows found are read, before any weight is added: each of these tight
    /// loops has its cache misses in flight together instead of one by one.
    pub fn add_all(&self, feats: &[(usize, u64)], scores: &mut [[f32; N_TAGS]]) {
        const CHUNK: usize = 64;
        let mut found: [Option<&Row>; CHUNK] = [None; CHUNK];
        let mut scales = [0f32; CHUNK];
        for chunk in feats.chunks(CHUNK) {
            for (f, &(_, key)) in found.iter_mut().zip(chunk) {
                *f = self
                    .features
                    .find(key as u32)
                    .map(|r| &self.features.rows[r]);
            }
            for (s, f) in scales.iter_mut().zip(&found) {
                if let Some(row) = f {
                    *s = row.scale;
                }
            }
            for ((f, &scale), &(i, _)) in found.iter().zip(&scales).zip(chunk) {
                if let Some(row) = f {
                    accumulate(&row.weights, scale, &mut scores[i]);
                }
            }
        }
    }

    fn lex(&self, key: u64) -> Option<u8> {
        self.lex_index
            .find(self.bytes, self.lex_keys, key as u32)
            .map(|i| self.bytes[self.lex_vals + i])
    }
}

/// Adds one feature's scaled weights to `scores`.
fn accumulate(weights: &[i8; N_TAGS], scale: f32, scores: &mut [f32; N_TAGS]) {
    for (s, &w) in scores.iter_mut().zip(weights) {
        *s += f32::from(w) * scale;
    }
}

/// The multiplier encoded by scale exponent `e`.
pub(crate) fn scale_of(e: u8) -> f32 {
    ((f32::from(e) - 128.0) / 8.0).exp2()
}

impl Lexicon for Model<'_> {
    fn entity(&self, key: u64) -> Option<u8> {
        self.lex(key)
    }
    fn casing(&self, key: u64) -> Option<u8> {
        self.lex(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_garbage() {
        assert!(Model::parse(b"").is_err());
        assert!(Model::parse(b"DLNER\x01\0\0\xff\xff\xff\xff\0\0\0\0").is_err());
    }

    #[test]
    fn bucket_index_finds_every_key() {
        for n in [0usize, 1, 7, 1000, 70_000] {
            let keys: Vec<u32> = (0..n as u32)
                .map(|i| i.wrapping_mul(2_654_435_761) | 1)
                .collect();
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            sorted.dedup();
            let bytes: Vec<u8> = sorted.iter().flat_map(|k| k.to_le_bytes()).collect();
            let index = BucketIndex::build(&bytes, 0, sorted.len());
            for (i, &k) in sorted.iter().enumerate() {
                assert_eq!(index.find(&bytes, 0, k), Some(i));
                assert_eq!(index.find(&bytes, 0, k - 1), None);
            }
            assert_eq!(index.find(&bytes, 0, u32::MAX), None);
            assert_eq!(index.find(&bytes, 0, 0), None);
        }
    }

    #[test]
    fn feature_table_finds_every_key_and_the_first_of_duplicates() {
        let keys: Vec<u32> = vec![0, 1, 1, 7, 0x8000_0000, 0x8000_0001, u32::MAX];
        let n = keys.len();
        let mut bytes: Vec<u8> = keys.iter().flat_map(|k| k.to_le_bytes()).collect();
        let layout = FeatureLayout {
            keys: 0,
            scales: 4 * n,
            weights: 5 * n,
        };
        bytes.extend(std::iter::repeat_n(128u8, n));
        bytes.extend((0..n).flat_map(|i| [i as u8; N_TAGS]));
        let table = FeatureTable::build(&bytes, layout, n);
        for (i, &k) in keys.iter().enumerate() {
            let row = &table.rows[table.find(k).unwrap()];
            let first = keys.iter().position(|&x| x == k).unwrap();
            assert_eq!(row.weights, [first as i8; N_TAGS], "key {k} (index {i})");
            assert_eq!(row.scale, 1.0);
        }
        for absent in [2, 6, 8, 0x7fff_ffff, u32::MAX - 1] {
            assert!(table.find(absent).is_none());
        }
        let empty = FeatureTable::build(&[], layout, 0);
        assert!(empty.find(0).is_none() && empty.find(5).is_none());
    }

    #[test]
    fn scales_are_monotonic() {
        assert!(scale_of(128) == 1.0 && scale_of(136) == 2.0 && scale_of(120) == 0.5);
    }
}
