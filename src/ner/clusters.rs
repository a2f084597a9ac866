//! Distributional word classes for the tagger, learned from unlabelled text
//! by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney
//! 1998): every word is moved to the class that most increases the
//! likelihood of a class-bigram model of the text, until few words move.
//!
//! Words that occur in similar contexts ("Reuters"/"AFP", "Monday"/"Friday",
//! "Clinton"/"Yeltsin") end up in one class, so a weight learned for a
//! frequent name carries over to a rare word of the same class. Only the
//! trainer runs this (native); the model stores a hashed word → class byte.

use std::collections::HashMap;

/// Words rarer than this are not clustered individually (their contexts are
/// too thin); they stand in the statistics as one pseudo-word per shape.
pub(crate) const MIN_COUNT: u32 = 3;

/// Exchange passes over the vocabulary (each pass moves fewer words).
const PASSES: usize = 12;

/// Learns `classes` word classes (at most 255; 255 means "none" in features) from `sentences` of word
/// forms. Returns each word with at least [`MIN_COUNT`] occurrences and its
/// class; deterministic for a given input order.
pub(crate) fn learn(sentences: &[Vec<String>], classes: usize) -> HashMap<String, u8> {
    let classes = classes.clamp(2, 255);
    // Vocabulary: frequent words keep their form, rare ones become shapes.
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut vocab: Vec<String> = Vec::new();
    let mut id_of = |w: String, ids: &mut HashMap<String, u32>| -> u32 {
        let n = ids.len() as u32;
        *ids.entry(w.clone()).or_insert_with(|| {
            vocab.push(w);
            n
        })
    };
    let boundary = id_of("\u{1}<s>".into(), &mut ids);
    let mut seqs: Vec<Vec<u32>> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut seq = vec![boundary];
        for w in s {
            let form = if freq[w.as_str()] >= MIN_COUNT {
                w.clone()
            } else {
                format!("\u{1}{}", rare_shape(w))
            };
            seq.push(id_of(form, &mut ids));
        }
        seq.push(boundary);
        seqs.push(seq);
    }
    let v = vocab.len();

    // Bigram counts as adjacency lists.
    let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
    let mut count = vec![0u32; v];
    for seq in &seqs {
        for &w in seq {
            count[w as usize] += 1;
        }
        for p in seq.windows(2) {
            *bigrams.entry((p[0], p[1])).or_default() += 1;
        }
    }
    let mut pairs: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
    pairs.sort_unstable();
    let mut succ: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let mut pred: Vec<Vec<(u32, u32)>> = vec![Vec::new(); v];
    let mut nl = vec![0f64; v];
    let mut nr = vec![0f64; v];
    let mut total = 0u64;
    for &((a, b), n) in &pairs {
        succ[a as usize].push((b, n));
        pred[b as usize].push((a, n));
        nl[a as usize] += f64::from(n);
        nr[b as usize] += f64::from(n);
        total += u64::from(n);
    }

    // x ln x for every count that can occur.
    let g_table: Vec<f64> = (0..=total)
        .map(|x| {
            if x == 0 {
                0.0
            } else {
                x as f64 * (x as f64).ln()
            }
        })
        .collect();
    let g = |x: f64| g_table.get(x as usize).copied().unwrap_or(0.0);

    // Initial classes: by frequency rank, round robin.
    let mut order: Vec<u32> = (0..v as u32).collect();
    order.sort_by_key(|&w| (std::cmp::Reverse(count[w as usize]), w));
    let mut class = vec![0usize; v];
    for (rank, &w) in order.iter().enumerate() {
        class[w as usize] = rank % classes;
    }
    let mut m = vec![0f64; classes * classes];
    let mut cl = vec![0f64; classes];
    let mut cr = vec![0f64; classes];
    for &((a, b), n) in &pairs {
        let (ca, cb) = (class[a as usize], class[b as usize]);
        m[ca * classes + cb] += f64::from(n);
        cl[ca] += f64::from(n);
        cr[cb] += f64::from(n);
    }

    let mut right = vec![0f64; classes];
    let mut left = vec![0f64; classes];
    let (mut nz_r, mut nz_l): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    for _ in 0..PASSES {
        let mut moved = 0;
        for &w in &order {
            let wi = w as usize;
            // Class profile of the word's neighbours (self-bigrams apart).
            let mut own = 0f64;
            for &(u, n) in &succ[wi] {
                if u == w {
                    own = f64::from(n);
                    continue;
                }
                let c = class[u as usize];
                if right[c] == 0.0 {
                    nz_r.push(c);
                }
                right[c] += f64::from(n);
            }
            for &(u, n) in &pred[wi] {
                if u == w {
                    continue;
                }
                let c = class[u as usize];
                if left[c] == 0.0 {
                    nz_l.push(c);
                }
                left[c] += f64::from(n);
            }
            // Take the word out of its class.
            let a = class[wi];
            for &d in &nz_r {
                m[a * classes + d] -= right[d];
            }
            for &d in &nz_l {
                m[d * classes + a] -= left[d];
            }
            m[a * classes + a] -= own;
            cl[a] -= nl[wi];
            cr[a] -= nr[wi];
            // The class where it adds most likelihood (ties keep it home).
            let gain = |c: usize| -> f64 {
                let mut s = 0.0;
                for &d in &nz_r {
                    if d != c {
                        let x = m[c * classes + d];
                        s += g(x + right[d]) - g(x);
                    }
                }
                for &d in &nz_l {
                    if d != c {
                        let x = m[d * classes + c];
                        s += g(x + left[d]) - g(x);
                    }
                }
                let x = m[c * classes + c];
                s += g(x + right[c] + left[c] + own) - g(x);
                s - (g(cl[c] + nl[wi]) - g(cl[c])) - (g(cr[c] + nr[wi]) - g(cr[c]))
            };
            let mut best = (a, gain(a));
            for c in 0..classes {
                if c != a {
                    let s = gain(c);
                    if s > best.1 + 1e-9 {
                        best = (c, s);
                    }
                }
            }
            let b = best.0;
            for &d in &nz_r {
                m[b * classes + d] += right[d];
            }
            for &d in &nz_l {
                m[d * classes + b] += left[d];
            }
            m[b * classes + b] += own;
            cl[b] += nl[wi];
            cr[b] += nr[wi];
            class[wi] = b;
            moved += usize::from(b != a);
            for &d in &nz_r {
                right[d] = 0.0;
            }
            for &d in &nz_l {
                left[d] = 0.0;
            }
            nz_r.clear();
            nz_l.clear();
        }
        if moved * 200 < v {
            break;
        }
    }
    vocab
        .into_iter()
        .zip(class)
        .filter(|(w, _)| !w.starts_with('\u{1}'))
        .map(|(w, c)| (w, c as u8))
        .collect()
}

/// Stand-in form of a rare word: capitalisation and digits only.
fn rare_shape(w: &str) -> &'static str {
    let first = w.chars().next();
    if w.chars().any(|c| c.is_ascii_digit()) {
        "d"
    } else if first.is_some_and(char::is_uppercase) {
        if w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        {
            "X"
        } else {
            "Xx"
        }
    } else if first.is_some_and(char::is_alphabetic) {
        "x"
    } else {
        "."
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_class() {
        let mut sents = Vec::new();
        for (i, (day, noun)) in [("Monday", "dog"), ("Tuesday", "cat"), ("Friday", "cow")]
            .iter()
            .enumerate()
        {
            for _ in 0..5 + i {
                sents.push(vec!["on".into(), day.to_string(), "at".into()]);
                sents.push(vec!["a".into(), noun.to_string(), "ran".into()]);
            }
        }
        let c = learn(&sents, 5);
        assert_eq!(learn(&sents, 5), c, "deterministic");
        assert!(c.values().all(|&k| k < 5));
        assert_eq!(c["Monday"], c["Friday"]);
        assert_eq!(c["dog"], c["cow"]);
    }
}
