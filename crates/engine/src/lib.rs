//! Dateline's engine: everything that turns article files into a readable,
//! explorable corpus, with no web types, so the CLI, the tests and the wasm
//! reader all run the very same code.
//!
//! The pipeline is `article` (parse the seed format into typed blocks) →
//! `ner` + `timex` (find entity mentions and dates) → `linking` (one
//! canonical entity per real-world thing) → `events` (dated events for the
//! timeline), driven by [`analysis::analyze`].

pub mod analysis;
pub mod article;
mod cores;
pub mod corpus;
pub mod events;
pub mod import;
pub mod label;
pub mod linking;
pub mod ner;
pub mod salience;
pub mod serde_date;
pub mod text;
pub mod timex;
