//! Bad input never panics: the whole analysis runs over truncated and
//! byte-mutated versions of the real seed files, and every span it returns
//! still lies on character boundaries of the text it was given.

mod common;

use dateline_engine::analysis::analyze;
use dateline_engine::corpus::Input;

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn seeds() -> Vec<Vec<u8>> {
    common::seed_files()
        .into_iter()
        .map(|(_, bytes)| bytes)
        .collect()
}

fn check(bytes: &[u8]) {
    let corpus = analyze([Input {
        path: "fuzz.txt",
        bytes,
    }]);
    for a in &corpus.articles {
        let text = &a.article.text;
        let spans = a
            .mentions
            .iter()
            .map(|m| m.span)
            .chain(a.timexes.iter().map(|t| t.span))
            .chain(a.article.blocks.iter().map(|b| b.span));
        for s in spans {
            assert!(s.fits(text), "{s:?} does not fit the text");
        }
    }
    assert_eq!(corpus.articles.len() + corpus.problems.len(), 1);
}

#[test]
fn truncated_seeds_never_panic() {
    for seed in seeds() {
        for cut in (0..seed.len()).step_by(29) {
            check(&seed[..cut]);
        }
    }
}

#[test]
fn mutated_seeds_never_panic() {
    const REPLACEMENTS: &[&[u8]] = &[
        b"\n",
        b"\r\n",
        b" ",
        b"(",
        b")",
        b"-",
        b"'s",
        "é".as_bytes(),
        "—".as_bytes(),
        b"\xff",
        b"2021",
        b"S-",
        b".",
        b"\t",
        "\u{feff}".as_bytes(),
    ];
    let mut rng = Lcg(7);
    for seed in seeds() {
        for _ in 0..100 {
            let mut bytes = seed.clone();
            for _ in 0..1 + rng.next() % 8 {
                let at = (rng.next() as usize) % bytes.len();
                let with = REPLACEMENTS[(rng.next() as usize) % REPLACEMENTS.len()];
                let len = (rng.next() as usize % 4).min(bytes.len() - at);
                bytes.splice(at..at + len, with.iter().copied());
            }
            check(&bytes);
        }
    }
}
