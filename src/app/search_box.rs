//! The search box: searches the text as the reader types and offers the
//! entities whose names match; choosing one follows the entity instead of
//! searching for the words (it finds every article naming it, in any
//! spelling). A combobox in the WAI-ARIA 1.2 pattern: arrows move through
//! the offers, Enter takes one, Escape closes them.

use super::reader::plural;
use std::rc::Rc;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// An entity offered for what was typed.
#[derive(Clone, PartialEq)]
pub struct Offer {
    pub id: String,
    pub name: String,
    /// What kind of entity, in words ("Person").
    pub kind: &'static str,
    /// The alias that matched, when not the name.
    pub alias: Option<String>,
    pub articles: usize,
}

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub query: String,
    pub input_ref: NodeRef,
    pub offers: Rc<Vec<Offer>>,
    pub on_query: Callback<String>,
    /// Follows the entity with this id (and clears the query).
    pub on_entity: Callback<String>,
}

const LIST_ID: &str = "search-offers";

#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let active = use_state(|| None::<usize>);
    let closed = use_state(|| false);
    let open = !*closed && !props.offers.is_empty();
    let oninput = {
        let (active, closed) = (active.clone(), closed.clone());
        props.on_query.reform(move |e: InputEvent| {
            active.set(None);
            closed.set(false);
            e.target_unchecked_into::<HtmlInputElement>().value()
        })
    };
    let onkeydown = {
        let (active, closed) = (active.clone(), closed.clone());
        let offers = props.offers.clone();
        let on_entity = props.on_entity.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !open {
                return;
            }
            let n = offers.len();
            match e.key().as_str() {
                "ArrowDown" => {
                    e.prevent_default();
                    active.set(Some(active.map_or(0, |i| (i + 1) % n)));
                }
                "ArrowUp" => {
                    e.prevent_default();
                    active.set(Some(active.map_or(n - 1, |i| (i + n - 1) % n)));
                }
                "Enter" => {
                    if let Some(offer) = active.and_then(|i| offers.get(i)) {
                        e.prevent_default();
                        closed.set(true);
                        on_entity.emit(offer.id.clone());
                    }
                }
                "Escape" => {
                    // Close the offers only; a second Escape clears the view.
                    e.prevent_default();
                    e.stop_propagation();
                    closed.set(true);
                }
                _ => {}
            }
        })
    };
    let option_id = |i: usize| format!("search-offer-{i}");
    let options = props.offers.iter().enumerate().map(|(i, offer)| {
        let selected = *active == Some(i);
        // mousedown, not click: the box keeps its focus.
        let onmousedown = {
            let closed = closed.clone();
            let id = offer.id.clone();
            props.on_entity.reform(move |e: MouseEvent| {
                e.prevent_default();
                closed.set(true);
                id.clone()
            })
        };
        html! {
            <li id={option_id(i)} role="option" aria-selected={selected.to_string()}
                class={classes!("offer", selected.then_some("active"))} {onmousedown}>
                <span class="offer-name">{ &offer.name }</span>
                if let Some(alias) = &offer.alias {
                    <span class="offer-alias">{ format!(" (as {alias})") }</span>
                }
                <span class="offer-meta">{ format!(" {} · {} article{}", offer.kind, offer.articles, plural(offer.articles)) }</span>
            </li>
        }
    });
    html! {
        <div class="search" role="search">
            <label for="search" class="visually-hidden">{ "Search" }</label>
            <input id="search" ref={props.input_ref.clone()} type="search" aria-label="Search"
                placeholder="Search titles, text and names  ( / )" autocomplete="off"
                role="combobox" aria-autocomplete="list" aria-controls={LIST_ID}
                aria-expanded={open.to_string()}
                aria-activedescendant={active.filter(|_| open).map(option_id)}
                value={props.query.clone()} {oninput} {onkeydown}
                onblur={{ let closed = closed.clone(); Callback::from(move |_: FocusEvent| closed.set(true)) }}
                onfocus={{ let closed = closed.clone(); Callback::from(move |_: FocusEvent| closed.set(false)) }} />
            <ul id={LIST_ID} role="listbox" aria-label="Entities matching the search" class="offers" hidden={!open}>
                { for options }
            </ul>
        </div>
    }
}
