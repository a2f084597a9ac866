//! Named-entity recognition with fine OntoNotes-style types.
//!
//! Two layers, each doing what it is good at:
//!
//! 1. a statistical tagger ([`perceptron`], [`features`], [`model`]) trained
//!    on CoNLL-2003 finds PER / ORG / LOC / MISC spans; it generalises to
//!    unseen names from shape, context and learned gazetteers;
//! 2. [`fine`] refines those four types into `PERSON ORG GPE LOC NORP
//!    PRODUCT EVENT LAW FAC` with open-data gazetteers and rules, and adds
//!    what the 1996 Reuters training text cannot know: weapon designators
//!    ("S-400s"), laws ("… Sanctions Act") and named exercises ("Allied
//!    Resolve 2022").
//!
//! The model ships inside the binary (`assets/models/ner.bin`) and is read
//! in place; retrain it with `cargo run --profile bench --example train_ner`.

mod features;
mod fine;
mod gazetteer;
mod model;
mod perceptron;
mod tokens;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use crate::label::Label;
use crate::text::Span;
use model::Model;
use perceptron::N_TAGS;
use std::sync::OnceLock;

/// The bundled model file.
static BUNDLED: &[u8] = include_bytes!("../../assets/models/ner.bin");

/// A stretch of text to tag; `headline` marks title/caption-style lines whose capitalisation is not informative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub span: crate::text::Span,
    pub headline: bool,
}

/// One recognised mention, before cross-article linking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMention {
    pub span: crate::text::Span,
    pub label: crate::label::Label,
}

/// A tagger with its model borrowed from static bytes (never copied).
pub struct Recognizer {
    /// `None` only if the bundled bytes are unreadable; then only the rules run.
    model: Option<Model<'static>>,
}

impl Recognizer {
    /// The model bundled into the binary (assets/models/ner.bin), parsed once.
    pub fn bundled() -> &'static Recognizer {
        static R: OnceLock<Recognizer> = OnceLock::new();
        R.get_or_init(|| Recognizer::from_bytes(BUNDLED).unwrap_or(Recognizer { model: None }))
    }

    /// A recognizer over another model file, e.g. one just trained, so it
    /// can be evaluated before it replaces the bundled one.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Recognizer, String> {
        gazetteer::warm();
        Ok(Recognizer {
            model: Some(Model::parse(bytes)?),
        })
    }

    /// Mentions inside the segments of `text`, sorted by start, non-overlapping.
    pub fn recognize(&self, text: &str, segments: &[Segment]) -> Vec<RawMention> {
        let empty = EmptyLexicon;
        let lex: &dyn features::Lexicon = match &self.model {
            Some(m) => m,
            None => &empty,
        };
        let (sentences, stats) = features::prepare(text, segments, lex);
        let mut out = Vec::new();
        for sent in &sentences {
            let ents = match &self.model {
                Some(m) => {
                    let feats = features::sentence_features(sent, &stats, m);
                    let emissions: Vec<[f32; N_TAGS]> = feats
                        .iter()
                        .map(|fs| {
                            let mut sc = [0f32; N_TAGS];
                            for &f in fs {
                                m.add(f, &mut sc);
                            }
                            sc
                        })
                        .collect();
                    perceptron::spans(&perceptron::viterbi(&emissions, &m.trans))
                }
                None => Vec::new(),
            };
            out.extend(fine::refine(sent, &ents));
        }
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut kept: Vec<RawMention> = Vec::with_capacity(out.len());
        for m in out {
            if kept.last().is_none_or(|k| k.span.end <= m.span.start) {
                kept.push(m);
            }
        }
        kept
    }
}

/// Stand-in lexicon when no model could be read.
struct EmptyLexicon;

impl features::Lexicon for EmptyLexicon {
    fn entity(&self, _: u64) -> Option<u8> {
        None
    }
    fn casing(&self, _: u64) -> Option<u8> {
        None
    }
}

/// Builds a mention from token spans.
fn mention(start: Span, end: Span, label: Label) -> RawMention {
    RawMention {
        span: Span::new(start.start, end.end),
        label,
    }
}
