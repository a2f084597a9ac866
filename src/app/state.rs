//! The reader's state transitions, as a Yew reducer over the engine's [`View`].

use chrono::NaiveDate;
use dateline_engine::label::Label;
use dateline_engine::text::Span;
use dateline_reader::view::View;
use std::rc::Rc;
use yew::Reducible;

/// Everything a component can ask the shell to change.
pub enum Action {
    Open(String),
    /// Open an article and bring one sentence into view (from an event).
    OpenAt(String, Span),
    ToggleEntity(String),
    /// Follow this entity, or none (after a correction removed the followed one).
    Follow(Option<String>),
    Range(Option<(NaiveDate, NaiveDate)>),
    /// Only articles from this source, or from all.
    Source(Option<String>),
    Query(String),
    /// Follow an entity chosen in the search box: the query gives way to it.
    SearchEntity(String),
    ToggleLabel(Label),
    ClearSelection,
    /// Back/forward or an edited address: the fragment wins.
    Restore(View),
}

/// The view plus what is not worth a deep link.
#[derive(Clone, PartialEq)]
pub struct ViewState {
    pub view: View,
    /// The sentence to scroll to in the open article.
    pub focus: Option<Span>,
    /// The last change should replace the history entry (typing a query).
    pub replace_history: bool,
    /// The last change was typed into Search: the panels may lag the list.
    pub typing: bool,
}

impl ViewState {
    pub fn new(view: View) -> ViewState {
        ViewState {
            view,
            focus: None,
            replace_history: true,
            typing: false,
        }
    }
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.replace_history = false;
        next.typing = false;
        next.focus = None;
        match action {
            Action::Open(id) => next.view.article = Some(id),
            Action::OpenAt(id, sentence) => {
                next.view.article = Some(id);
                next.focus = Some(sentence);
            }
            Action::Follow(id) => next.view.entity = id,
            Action::ToggleEntity(id) => {
                next.view.entity = (next.view.entity.as_deref() != Some(&id)).then_some(id);
            }
            Action::Range(range) => next.view.range = range,
            Action::Source(source) => next.view.source = source,
            Action::Query(query) => {
                next.view.query = query;
                next.replace_history = true;
                next.typing = true;
            }
            Action::SearchEntity(id) => {
                next.view.entity = Some(id);
                next.view.query.clear();
            }
            Action::ToggleLabel(label) => {
                if !next.view.hidden.remove(&label) {
                    next.view.hidden.insert(label);
                }
            }
            Action::ClearSelection => {
                next.view.entity = None;
                next.view.range = None;
                next.view.source = None;
            }
            Action::Restore(view) => {
                next.view = view;
                next.replace_history = true;
            }
        }
        Rc::new(next)
    }
}
