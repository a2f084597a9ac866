//! The reader's own library on top of the bundled corpus: added articles (as
//! saved, and tagged once), their problems, and the corrections log. A plain
//! reducer; the IO that feeds it (files, IndexedDB) lives in `io.rs`.

use dateline_engine::analysis::{self, Tagged};
use dateline_engine::corpus::{Corpus, Problem};
use dateline_reader::corrections::{self, Correction};
use dateline_reader::saved::{AddedArticle, SavedState};
use std::collections::HashSet;
use std::rc::Rc;
use yew::Reducible;

/// Saved state plus the per-article analysis of each added article.
#[derive(Clone, PartialEq, Default)]
pub struct Library {
    pub saved: SavedState,
    /// Tagged added articles, in `saved.added` order where readable.
    pub tagged: Vec<Tagged>,
    /// Added files that could not be read.
    pub problems: Vec<Problem>,
    /// Corrections undone, newest last, for redo.
    pub undone: Vec<Correction>,
    /// Bumped on every change, so views recompute only when it moves.
    pub revision: u64,
}

/// What can happen to the library.
pub enum Change {
    /// Articles read and tagged (from storage, a picker, or a drop).
    Added(Vec<(AddedArticle, Result<Tagged, Problem>)>),
    Removed(String),
    Corrected(Correction),
    Undo,
    Redo,
    /// An imported state replaces everything.
    Replaced(SavedState, Vec<(AddedArticle, Result<Tagged, Problem>)>),
}

impl Library {
    /// The corpus the reader shows: the bundled corpus as it was analysed
    /// at build time, or, once the reader has added articles, linked again
    /// with them (linking only: nothing bundled is tagged again); then the
    /// corrections applied.
    pub fn corpus(&self, bundled: &Corpus) -> Corpus {
        let mut corpus = if self.tagged.is_empty() && self.problems.is_empty() {
            bundled.clone()
        } else {
            let mut tagged: Vec<Tagged> =
                bundled.articles.iter().map(Tagged::from_analyzed).collect();
            tagged.extend(self.tagged.iter().cloned());
            let mut problems = bundled.problems.clone();
            problems.extend(self.problems.iter().cloned());
            analysis::assemble(tagged, problems)
        };
        corrections::apply(&mut corpus, &self.saved.corrections);
        corpus
    }

    /// True while the reader has added nothing and corrected nothing: the
    /// corpus shown is then the bundled one as it is.
    pub fn is_pristine(&self) -> bool {
        self.tagged.is_empty() && self.problems.is_empty() && self.saved.corrections.is_empty()
    }

    /// The ids of the articles the reader added: from the library's own
    /// articles, not by asking of every article of the corpus whether it
    /// is one (100,000 times the added articles, on every change).
    pub fn added_ids(&self) -> HashSet<String> {
        self.tagged.iter().map(|t| t.article.id.clone()).collect()
    }

    fn add(&mut self, batch: Vec<(AddedArticle, Result<Tagged, Problem>)>) {
        for (added, result) in batch {
            self.remove(&added.path);
            match result {
                Ok(tagged) => {
                    self.tagged.push(tagged);
                    self.saved.added.push(added);
                }
                Err(problem) => self.problems.push(problem),
            }
        }
    }

    fn remove(&mut self, path: &str) {
        self.saved.added.retain(|a| a.path != path);
        self.tagged.retain(|t| t.article.path != path);
        self.problems.retain(|p| p.path != path);
    }
}

impl Reducible for Library {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        next.revision += 1;
        match change {
            Change::Added(batch) => next.add(batch),
            Change::Removed(path) => next.remove(&path),
            Change::Corrected(c) => {
                next.saved.corrections.push(c);
                next.undone.clear();
            }
            Change::Undo => {
                if let Some(c) = next.saved.corrections.pop() {
                    next.undone.push(c);
                }
            }
            Change::Redo => {
                if let Some(c) = next.undone.pop() {
                    next.saved.corrections.push(c);
                }
            }
            Change::Replaced(state, batch) => {
                next = Library {
                    saved: SavedState {
                        added: Vec::new(),
                        corrections: state.corrections,
                    },
                    revision: next.revision,
                    ..Library::default()
                };
                next.add(batch);
            }
        }
        Rc::new(next)
    }
}
