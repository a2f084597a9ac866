//! The compact model file, read in place from `&'static [u8]`.
//!
//! Layout (all little endian), chosen so loading is a header check and a few
//! offset computations — no copying, no allocation, well under a millisecond:
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
//! A per-feature scale keeps one-byte weights precise for both heavy
//! features (bias, shapes) and light ones (rare words); the trainer keeps
//! only the features with the largest weights so the file stays ≤ 1.5 MB.

use super::features::Lexicon;
use super::perceptron::{Transitions, N_TAGS};

/// File signature and version.
pub(crate) const MAGIC: &[u8; 8] = b"DLNER\x01\0\0";

/// Bytes of the transition table.
pub(crate) const TRANS_BYTES: usize = (N_TAGS + 1) * (N_TAGS + 1) * 4;

/// A parsed view of a model file.
pub(crate) struct Model<'a> {
    bytes: &'a [u8],
    n_feat: usize,
    keys: usize,
    scales: usize,
    weights: usize,
    n_lex: usize,
    lex_keys: usize,
    lex_vals: usize,
    /// Transition scores, decoded once (1.3 KB).
    pub trans: Transitions,
}

fn u32_at(bytes: &[u8], off: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[off..off + 4]);
    u32::from_le_bytes(b)
}

/// Search for `key` in `n` ascending u32 values starting at `off`.
///
/// The keys are hashes, so uniformly spread: interpolation search finds a
/// key in two or three probes on average instead of binary search's sixteen.
fn find(bytes: &[u8], off: usize, n: usize, key: u32) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let (mut lo, mut hi) = (0usize, n - 1);
    let (mut klo, mut khi) = (u32_at(bytes, off), u32_at(bytes, off + 4 * hi));
    while lo <= hi && key >= klo && key <= khi {
        let mid = if khi == klo {
            lo
        } else {
            lo + ((u64::from(key - klo) * (hi - lo) as u64) / u64::from(khi - klo)) as usize
        };
        let k = u32_at(bytes, off + 4 * mid);
        match k.cmp(&key) {
            std::cmp::Ordering::Equal => return Some(mid),
            std::cmp::Ordering::Less => {
                lo = mid + 1;
                if lo > hi {
                    break;
                }
                klo = u32_at(bytes, off + 4 * lo);
            }
            std::cmp::Ordering::Greater => {
                if mid == 0 {
                    break;
                }
                hi = mid - 1;
                if lo > hi {
                    break;
                }
                khi = u32_at(bytes, off + 4 * hi);
            }
        }
    }
    None
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
        Ok(Model {
            bytes,
            n_feat,
            keys,
            scales,
            weights,
            n_lex,
            lex_keys,
            lex_vals,
            trans,
        })
    }

    /// Adds the weights of feature `key` to `scores`.
    pub fn add(&self, key: u64, scores: &mut [f32; N_TAGS]) {
        if let Some(i) = find(self.bytes, self.keys, self.n_feat, key as u32) {
            let scale = scale_of(self.bytes[self.scales + i]);
            let row = &self.bytes[self.weights + N_TAGS * i..self.weights + N_TAGS * (i + 1)];
            for (s, &w) in scores.iter_mut().zip(row) {
                *s += f32::from(w as i8) * scale;
            }
        }
    }

    fn lex(&self, key: u64) -> Option<u8> {
        find(self.bytes, self.lex_keys, self.n_lex, key as u32)
            .map(|i| self.bytes[self.lex_vals + i])
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
    fn interpolation_search_finds_every_key() {
        let keys: Vec<u32> = (0..1000u32)
            .map(|i| i.wrapping_mul(2_654_435_761) | 1)
            .collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        let bytes: Vec<u8> = sorted.iter().flat_map(|k| k.to_le_bytes()).collect();
        for (i, &k) in sorted.iter().enumerate() {
            assert_eq!(find(&bytes, 0, sorted.len(), k), Some(i));
            assert_eq!(find(&bytes, 0, sorted.len(), k - 1), None);
        }
        assert_eq!(find(&bytes, 0, sorted.len(), u32::MAX), None);
        assert_eq!(find(&[], 0, 0, 7), None);
    }

    #[test]
    fn scales_are_monotonic() {
        assert!(scale_of(128) == 1.0 && scale_of(136) == 2.0 && scale_of(120) == 0.5);
    }
}
