//! The hashed keys under which the model's lexicon and the gazetteers store
//! words and phrases (FNV-1a, 64 bit): one definition, so a phrase looked up
//! in either finds the same key, and neither module depends on the other.

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(crate) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `bytes`, continuing from `h`.
pub(crate) fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Lexicon key of a lower-cased phrase (tokens joined by one space).
pub(crate) fn phrase_key(lower_tokens: &[&str]) -> u64 {
    let mut h = fnv(FNV_OFFSET, b"E\xff");
    for (i, t) in lower_tokens.iter().enumerate() {
        if i > 0 {
            h = fnv(h, b" ");
        }
        h = fnv(h, t.as_bytes());
    }
    h
}

/// Lexicon key of a lower-cased word's casing statistics.
pub(crate) fn casing_key(lower: &str) -> u64 {
    fnv(fnv(FNV_OFFSET, b"C\xff"), lower.as_bytes())
}
