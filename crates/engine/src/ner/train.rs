//! The trainer: CoNLL-2003 → `assets/models/ner.bin`.
//!
//! Reads the seed-format conversion of `eng.train` (`train/corpus` +
//! `train/gold`) so training sees exactly the detokenized text, tokenizer and
//! document context the recognizer sees at run time, and selects the epoch
//! on `eng.testa` (`dev/…`) only. Everything is deterministic (fixed shuffle
//! seed, sorted files), so one command reproduces the committed weights.
//!
//! The learned gazetteer is built from the training entities with a two-fold
//! jack-knife: a training document only sees phrases counted in the *other*
//! half, so the tagger learns how far a gazetteer hit can be trusted on text
//! it has not memorised. Only hashes and packed counts are stored.
//!
//! Stacking: the training documents are tagged by a 4-fold jack-knife of
//! first-pass models (each fold by a model that never saw it), the document
//! features are computed from those tags, and the final model is trained on
//! every sentence twice: once with local features only (as the run-time
//! first pass sees it) and once with the document features added (the
//! second pass). One shared weight set serves both passes, so the file
//! format and size are unchanged. Epochs are selected on the two-pass dev
//! F1. Ten folds scored the same as four within noise; four train faster.

use super::features::{self, casing_code, entity_code, Lexicon, Sentence};
use super::keys::{casing_key, phrase_key};
use super::model::{MAGIC, TRANS_BYTES};
use super::perceptron::{spans, tags_of, viterbi, Transitions, N_TAGS, TYPES};
use super::Segment;
use crate::text::Span;
use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Training settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Maximum number of passes over the training data.
    pub epochs: usize,
    /// Size budget for the whole model file, in bytes.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            epochs: 14,
            max_bytes: 1_450_000,
        }
    }
}

/// Trains on `conll_dir/train`, selects on `conll_dir/dev` and returns the
/// model file bytes. Progress goes to stderr.
pub fn train(conll_dir: &Path) -> Result<Vec<u8>, String> {
    train_with(conll_dir, &Options::default())
}

/// [`train`] with explicit settings.
pub fn train_with(conll_dir: &Path, opts: &Options) -> Result<Vec<u8>, String> {
    let train_docs = load(&conll_dir.join("train"))?;
    let dev_docs = load(&conll_dir.join("dev"))?;
    if train_docs.is_empty() {
        return Err(format!(
            "no training documents under {}",
            conll_dir.display()
        ));
    }
    let lex = TrainLexicon::build(&train_docs);

    let mut index: HashMap<u64, u32> = HashMap::new();
    let mut train_set: Vec<Example> = Vec::new();
    // Per training document: its sentences and the range of its examples.
    let mut train_sents: Vec<(Vec<Sentence<'_>>, std::ops::Range<usize>)> = Vec::new();
    let mut misaligned = 0;
    for (d, doc) in train_docs.iter().enumerate() {
        lex.fold.set(Some(d % 2));
        let (sents, stats) = features::prepare(&doc.text, &doc.segments, &lex);
        let first = train_set.len();
        for sent in &sents {
            let (tags, bad) = gold_tags(sent, &doc.entities);
            misaligned += bad;
            let feats = features::sentence_features(sent, &stats, &lex)
                .into_iter()
                .map(|fs| {
                    fs.into_iter()
                        .map(|f| {
                            let n = index.len() as u32;
                            *index.entry(f).or_insert(n)
                        })
                        .collect()
                })
                .collect();
            train_set.push(Example { feats, tags });
        }
        train_sents.push((sents, first..train_set.len()));
    }
    lex.fold.set(None);
    let dev = dev_docs_of(&dev_docs, &lex, &index);
    eprintln!(
        "train: {} sentences, {} features, {misaligned} misaligned gold spans; dev: {} documents",
        train_set.len(),
        index.len(),
        dev.len()
    );

    // Jack-knifed first pass: each fold of documents is tagged by a model
    // trained on the others, so the stacked features seen in training are
    // as noisy as those the shipped model computes from its own output.
    let nf0 = index.len();
    let mut pass1: Vec<Vec<usize>> = vec![Vec::new(); train_set.len()];
    for fold in 0..FOLDS {
        let subset: Vec<usize> = train_sents
            .iter()
            .enumerate()
            .filter(|(d, _)| d % FOLDS != fold)
            .flat_map(|(_, (_, r))| r.clone())
            .collect();
        let (f1, w, t) = fit(&train_set, &subset, nf0, opts.epochs, |w, t| {
            evaluate(&dev, &index, w, t, false)
        })?;
        eprintln!("fold {fold}: first-pass dev F1 {f1:.4}");
        for (_, r) in train_sents
            .iter()
            .enumerate()
            .filter(|(d, _)| d % FOLDS == fold)
            .map(|(_, x)| x)
        {
            for k in r.clone() {
                pass1[k] = decode(&train_set[k].feats, &w, &t);
            }
        }
    }
    // Stacked copies of every training sentence: the local features plus
    // the document features. Training on both views shares one weight set,
    // so pass 2 at run time is pass 1's scores plus a few document weights.
    let mut all = Vec::with_capacity(train_set.len() * 2);
    for (sents, r) in &train_sents {
        let mut extra: Vec<Vec<Vec<u32>>> =
            sents.iter().map(|s| vec![Vec::new(); s.len()]).collect();
        features::each_doc_feature(sents, &pass1[r.clone()], |s, i, f| {
            let n = index.len() as u32;
            extra[s][i].push(*index.entry(f).or_insert(n));
        });
        for (k, ex_extra) in r.clone().zip(extra) {
            let ex = &train_set[k];
            let feats = ex
                .feats
                .iter()
                .zip(ex_extra)
                .map(|(a, b)| a.iter().copied().chain(b).collect())
                .collect();
            all.push(Example {
                feats,
                tags: ex.tags.clone(),
            });
        }
    }
    drop(train_sents);
    train_set.append(&mut all);
    eprintln!("stacked: {} document features", index.len() - nf0);
    let subset: Vec<usize> = (0..train_set.len()).collect();
    let (f1, avg, tavg) = fit(&train_set, &subset, index.len(), opts.epochs, |w, t| {
        let one = evaluate(&dev, &index, w, t, false);
        let two = evaluate(&dev, &index, w, t, true);
        eprintln!("  dev F1 pass 1 {one:.4}, pass 2 {two:.4}");
        two
    })?;
    eprintln!("selected dev F1 {f1:.4}");
    Ok(write_model(&index, &avg, &tavg, &lex, opts.max_bytes))
}

/// Folds of the first-pass jack-knife.
const FOLDS: usize = 4;

/// Averaged-perceptron training on the examples `subset` of `train`, with
/// `nf` feature rows; selects the epoch with the best `score` (dev F1).
fn fit(
    train: &[Example],
    subset: &[usize],
    nf: usize,
    epochs: usize,
    mut score: impl FnMut(&[f32], &Transitions) -> f64,
) -> Result<(f64, Vec<f32>, Transitions), String> {
    let mut w = vec![0f32; nf * N_TAGS];
    let mut u = vec![0f32; nf * N_TAGS];
    let mut tw: Transitions = [[0.0; N_TAGS + 1]; N_TAGS + 1];
    let mut tu: Transitions = [[0.0; N_TAGS + 1]; N_TAGS + 1];
    let mut c = 1f32;
    let mut order: Vec<usize> = subset.to_vec();
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut best: Option<(f64, Vec<f32>, Transitions)> = None;
    let mut since_best = 0;
    for epoch in 1..=epochs {
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &k in &order {
            let ex = &train[k];
            let pred = decode(&ex.feats, &w, &tw);
            if pred != ex.tags {
                errors += 1;
                for (i, fs) in ex.feats.iter().enumerate() {
                    let (g, p) = (ex.tags[i], pred[i]);
                    if g == p {
                        continue;
                    }
                    for &f in fs {
                        let base = f as usize * N_TAGS;
                        w[base + g] += 1.0;
                        u[base + g] += c;
                        w[base + p] -= 1.0;
                        u[base + p] -= c;
                    }
                }
                for (seq, sign) in [(&ex.tags, 1.0f32), (&pred, -1.0)] {
                    let mut prev = N_TAGS;
                    for &t in seq.iter().chain(std::iter::once(&N_TAGS)) {
                        tw[prev][t] += sign;
                        tu[prev][t] += sign * c;
                        prev = t;
                    }
                }
            }
            c += 1.0;
        }
        let avg: Vec<f32> = w.iter().zip(&u).map(|(a, b)| a - b / c).collect();
        let mut tavg = tw;
        for (r, ru) in tavg.iter_mut().zip(&tu) {
            for (x, y) in r.iter_mut().zip(ru) {
                *x -= y / c;
            }
        }
        let f1 = score(&avg, &tavg);
        eprintln!("epoch {epoch}: {errors} sentences wrong, dev F1 {f1:.4}");
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, avg, tavg));
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= 3 {
                break;
            }
        }
    }
    best.ok_or_else(|| "no epochs run".to_string())
}

/// A training or development sentence.
struct Example {
    feats: Vec<Vec<u32>>,
    tags: Vec<usize>,
}

/// A development document: its sentences, their local features and gold spans.
struct DevDoc<'a> {
    sents: Vec<Sentence<'a>>,
    feats: Vec<Vec<Vec<u32>>>,
    gold: Vec<HashSet<(usize, usize, usize)>>,
}

fn dev_docs_of<'a>(
    docs: &'a [Doc],
    lex: &TrainLexicon,
    index: &HashMap<u64, u32>,
) -> Vec<DevDoc<'a>> {
    let mut out = Vec::new();
    for doc in docs {
        let (sents, stats) = features::prepare(&doc.text, &doc.segments, lex);
        let mut feats = Vec::new();
        let mut gold = Vec::new();
        for sent in &sents {
            feats.push(
                features::sentence_features(sent, &stats, lex)
                    .into_iter()
                    .map(|fs| fs.iter().filter_map(|f| index.get(f).copied()).collect())
                    .collect(),
            );
            let (tags, _) = gold_tags(sent, &doc.entities);
            gold.push(spans(&tags).into_iter().collect());
        }
        out.push(DevDoc { sents, feats, gold });
    }
    out
}

fn decode(feats: &[Vec<u32>], w: &[f32], trans: &Transitions) -> Vec<usize> {
    let em: Vec<[f32; N_TAGS]> = feats
        .iter()
        .map(|fs| {
            let mut s = [0f32; N_TAGS];
            for &f in fs {
                let row = &w[f as usize * N_TAGS..(f as usize + 1) * N_TAGS];
                for (a, b) in s.iter_mut().zip(row) {
                    *a += b;
                }
            }
            s
        })
        .collect();
    viterbi(&em, trans)
}

/// Exact-span micro F1 over coarse types (conlleval semantics), of the
/// first pass or of both passes as the recognizer runs them.
fn evaluate(
    dev: &[DevDoc<'_>],
    index: &HashMap<u64, u32>,
    w: &[f32],
    trans: &Transitions,
    two_pass: bool,
) -> f64 {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for doc in dev {
        let mut paths: Vec<Vec<usize>> = doc.feats.iter().map(|f| decode(f, w, trans)).collect();
        if two_pass {
            let mut feats = doc.feats.clone();
            features::each_doc_feature(&doc.sents, &paths, |s, i, f| {
                if let Some(&k) = index.get(&f) {
                    feats[s][i].push(k);
                }
            });
            paths = feats.iter().map(|f| decode(f, w, trans)).collect();
        }
        for (path, gold) in paths.iter().zip(&doc.gold) {
            let pred: HashSet<(usize, usize, usize)> = spans(path).into_iter().collect();
            tp += pred.intersection(gold).count();
            np += pred.len();
            ng += gold.len();
        }
    }
    if tp == 0 {
        return 0.0;
    }
    let (p, r) = (tp as f64 / np as f64, tp as f64 / ng as f64);
    2.0 * p * r / (p + r)
}

/// BILOU tags of a sentence from byte-span gold entities, and how many
/// entities touching the sentence did not align with its tokens.
fn gold_tags(sent: &Sentence<'_>, ents: &[(Span, usize)]) -> (Vec<usize>, usize) {
    let (Some(first), Some(last)) = (sent.first(), sent.last()) else {
        return (Vec::new(), 0);
    };
    let mut spans_tok = Vec::new();
    let mut bad = 0;
    for &(sp, ty) in ents {
        if sp.end <= first.span.start || sp.start >= last.span.end {
            continue;
        }
        let s = sent.iter().position(|t| t.span.start == sp.start);
        let e = sent.iter().position(|t| t.span.end == sp.end);
        match (s, e) {
            (Some(s), Some(e)) if s <= e => spans_tok.push((s, e, ty)),
            _ => bad += 1,
        }
    }
    (tags_of(sent.len(), &spans_tok), bad)
}

/// One training/dev article.
struct Doc {
    text: String,
    segments: Vec<Segment>,
    entities: Vec<(Span, usize)>,
}

fn load(dir: &Path) -> Result<Vec<Doc>, String> {
    let corpus = dir.join("corpus");
    let gold = dir.join("gold");
    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .map_err(|e| format!("{}: {e}", corpus.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for path in names {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let gpath = gold.join(format!("{stem}.json"));
        let g: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&gpath).map_err(|e| format!("{}: {e}", gpath.display()))?,
        )
        .map_err(|e| format!("{}: {e}", gpath.display()))?;
        let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_at.push(text.len());
        let mut entities = Vec::new();
        for e in g["entities"].as_array().into_iter().flatten() {
            let s = e["start"].as_u64().and_then(|s| byte_at.get(s as usize));
            let t = e["end"].as_u64().and_then(|s| byte_at.get(s as usize));
            let ty = TYPES.iter().position(|&t| Some(t) == e["label"].as_str());
            if let (Some(&s), Some(&t), Some(ty)) = (s, t, ty) {
                entities.push((Span::new(s, t), ty));
            }
        }
        let segments = crate::article::parse(&path.to_string_lossy(), text.as_bytes())
            .map(|a| super::segments(&a))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        docs.push(Doc {
            text,
            segments,
            entities,
        });
    }
    Ok(docs)
}

/// The learned lexicon while training: casing statistics and jack-knifed
/// entity phrase counts.
struct TrainLexicon {
    casing: HashMap<u64, [u32; 4]>,
    entities: HashMap<u64, [[u32; 4]; 2]>,
    /// The fold of the document being featurised; `None` = final model view.
    fold: Cell<Option<usize>>,
}

/// Minimum counts for an entry to be kept in the shipped model.
const MIN_CASING: u32 = 3;
const MIN_ENTITY: u32 = 2;

impl TrainLexicon {
    fn build(docs: &[Doc]) -> TrainLexicon {
        let mut casing: HashMap<u64, [u32; 4]> = HashMap::new();
        let mut entities: HashMap<u64, [[u32; 4]; 2]> = HashMap::new();
        let none = TrainLexicon {
            casing: HashMap::new(),
            entities: HashMap::new(),
            fold: Cell::new(None),
        };
        for (d, doc) in docs.iter().enumerate() {
            let (sents, _) = features::prepare(&doc.text, &doc.segments, &none);
            for sent in &sents {
                for (i, t) in sent.iter().enumerate() {
                    if t.headline
                        || features::sentence_initial(sent, i)
                        || !t.raw.chars().any(char::is_alphabetic)
                    {
                        continue;
                    }
                    casing.entry(casing_key(&t.lower)).or_default()[features::case_class(t.raw)] +=
                        1;
                }
                let (tags, _) = gold_tags(sent, &doc.entities);
                for (s, e, ty) in spans(&tags) {
                    let words: Vec<&str> = sent[s..=e].iter().map(|t| t.lower.as_str()).collect();
                    entities.entry(phrase_key(&words)).or_default()[d % 2][ty] += 1;
                }
            }
        }
        TrainLexicon {
            casing,
            entities,
            fold: Cell::new(None),
        }
    }

    fn total(counts: &[[u32; 4]; 2]) -> [u32; 4] {
        let mut t = [0; 4];
        for f in counts {
            for (a, b) in t.iter_mut().zip(f) {
                *a += b;
            }
        }
        t
    }
}

impl Lexicon for TrainLexicon {
    fn entity(&self, key: u64) -> Option<u8> {
        let counts = self.entities.get(&key)?;
        match self.fold.get() {
            Some(f) => entity_code(counts[1 - f]),
            None => {
                let t = TrainLexicon::total(counts);
                (t.iter().sum::<u32>() >= MIN_ENTITY)
                    .then(|| entity_code(t))
                    .flatten()
            }
        }
    }
    fn casing(&self, key: u64) -> Option<u8> {
        let c = self.casing.get(&key)?;
        (c.iter().sum::<u32>() >= MIN_CASING)
            .then(|| casing_code(*c))
            .flatten()
    }
}

/// Prunes, quantises and serialises the model.
fn write_model(
    index: &HashMap<u64, u32>,
    avg: &[f32],
    trans: &Transitions,
    lex: &TrainLexicon,
    max_bytes: usize,
) -> Vec<u8> {
    // Lexicon entries, keyed by the low 32 bits like features.
    let mut lex_entries: HashMap<u32, u8> = HashMap::new();
    for (&k, counts) in &lex.entities {
        let t = TrainLexicon::total(counts);
        if t.iter().sum::<u32>() >= MIN_ENTITY {
            if let Some(code) = entity_code(t) {
                lex_entries.entry(k as u32).or_insert(code);
            }
        }
    }
    for &k in lex.casing.keys() {
        if let Some(code) = lex.casing(k) {
            lex_entries.entry(k as u32).or_insert(code);
        }
    }
    let mut lex_sorted: Vec<(u32, u8)> = lex_entries.into_iter().collect();
    lex_sorted.sort_unstable();

    // Features merged by their stored 32-bit key, then ranked by weight mass.
    let mut rows: HashMap<u32, [f32; N_TAGS]> = HashMap::new();
    for (&k, &i) in index {
        let row = &avg[i as usize * N_TAGS..(i as usize + 1) * N_TAGS];
        if row.iter().all(|&x| x == 0.0) {
            continue;
        }
        let e = rows.entry(k as u32).or_insert([0.0; N_TAGS]);
        for (a, b) in e.iter_mut().zip(row) {
            *a += b;
        }
    }
    let mut ranked: Vec<(u32, [f32; N_TAGS])> = rows.into_iter().collect();
    let mass = |r: &[f32; N_TAGS]| r.iter().map(|x| x.abs()).sum::<f32>();
    ranked.sort_by(|a, b| mass(&b.1).total_cmp(&mass(&a.1)).then(a.0.cmp(&b.0)));
    let fixed = 16 + TRANS_BYTES + lex_sorted.len() * 5;
    let budget = max_bytes.saturating_sub(fixed) / (5 + N_TAGS);
    ranked.truncate(budget);
    ranked.sort_by_key(|r| r.0);
    eprintln!(
        "model: {} features, {} lexicon entries",
        ranked.len(),
        lex_sorted.len()
    );

    let mut out = Vec::with_capacity(max_bytes);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(ranked.len() as u32).to_le_bytes());
    out.extend_from_slice(&(lex_sorted.len() as u32).to_le_bytes());
    for row in trans {
        for v in row {
            out.extend_from_slice(&v.to_bits().to_le_bytes());
        }
    }
    for (k, _) in &ranked {
        out.extend_from_slice(&k.to_le_bytes());
    }
    let mut scales = Vec::with_capacity(ranked.len());
    let mut weights = Vec::with_capacity(ranked.len() * N_TAGS);
    for (_, row) in &ranked {
        let max = row.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-9);
        let e = (128.0 + 8.0 * (max / 127.0).log2())
            .ceil()
            .clamp(0.0, 255.0) as u8;
        let scale = super::model::scale_of(e);
        scales.push(e);
        for &x in row {
            weights.push((x / scale).round().clamp(-127.0, 127.0) as i8 as u8);
        }
    }
    out.extend_from_slice(&scales);
    out.extend_from_slice(&weights);
    for (k, _) in &lex_sorted {
        out.extend_from_slice(&k.to_le_bytes());
    }
    out.extend(lex_sorted.iter().map(|(_, v)| *v));
    out
}
