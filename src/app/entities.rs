//! The entity panel: a legend whose entries toggle each type, and the
//! entities of the listed articles grouped by type, each with how many of
//! them name it.

use super::reader::plural;
use super::Data;
use dateline_engine::label::Label;
use dateline_engine::linking::{fold, Entity};
use dateline_reader::corrections::{Correction, EntityKey};
use dateline_reader::view::named_in;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    pub data: Data,
    pub visible: Rc<Vec<usize>>,
    pub entity: Option<usize>,
    pub hidden: BTreeSet<Label>,
    pub on_entity: Callback<String>,
    pub on_label: Callback<Label>,
    pub on_clear: Callback<()>,
    pub on_correct: Callback<Correction>,
    /// The last correction, described, when one can be undone.
    pub undo: Option<String>,
    pub redo: Option<String>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
}

#[function_component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    let corpus = &props.data.corpus;
    let filter = use_state(String::new);
    let expanded = use_state(BTreeSet::<Label>::new);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let wanted = fold(&filter);
    let matches_filter = |e: &Entity| {
        wanted.is_empty()
            || std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| fold(n).contains(&wanted))
    };
    let counts = use_memo(
        (props.data.clone(), props.visible.clone()),
        |(data, visible)| named_in(&data.corpus, visible),
    );
    let present: BTreeSet<Label> = counts
        .iter()
        .map(|&(e, _)| corpus.entities[e].label)
        .collect();
    let mut groups: BTreeMap<Label, Vec<(usize, usize)>> = BTreeMap::new();
    for &(entity, n) in counts
        .iter()
        .filter(|(e, _)| matches_filter(&corpus.entities[*e]))
    {
        groups
            .entry(corpus.entities[entity].label)
            .or_default()
            .push((entity, n));
    }
    for list in groups.values_mut() {
        list.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| corpus.entities[a.0].name.cmp(&corpus.entities[b.0].name))
        });
    }
    let legend = Label::ALL.iter().filter(|l| present.contains(l) || props.hidden.contains(l)).map(|&label| {
        let shown = !props.hidden.contains(&label);
        let onclick = props.on_label.reform(move |_: MouseEvent| label);
        html! {
            <li>
                <button type="button" class={classes!("legend-item", (!shown).then_some("off"))}
                    aria-pressed={shown.to_string()} {onclick}
                    title={format!("Show or hide {}", label.description().to_lowercase())}>
                    <span class={classes!("swatch", format!("label-{}", label.as_str().to_lowercase()))}></span>
                    { label.description() }
                </button>
            </li>
        }
    });
    let selected = props.entity.map(|e| &corpus.entities[e]);
    html! {
        <aside class="entity-panel" aria-label="Entities">
            <h2 class="panel-title">{ "Entities" }</h2>
            <input type="search" class="entity-filter" aria-label="Filter entities"
                placeholder="Filter entities" value={(*filter).clone()} oninput={on_filter} />
            <ul class="legend" aria-label="Entity types">{ for legend }</ul>
            if let Some(e) = selected {
                <div class="selection">
                    <p>{ "Following " }<strong>{ &e.name }</strong>
                        { format!(" · {} mention{} in {} article{}", e.mention_count, plural(e.mention_count), e.articles.len(), plural(e.articles.len())) }</p>
                    <button type="button" onclick={props.on_clear.reform(|_| ())}>{ "Clear (Esc)" }</button>
                    { correction_form(e, &corpus.entities, &props.on_correct) }
                </div>
            }
            if props.undo.is_some() || props.redo.is_some() {
                <div class="history">
                    if let Some(u) = &props.undo {
                        <button type="button" onclick={props.on_undo.reform(|_| ())}>{ format!("Undo: {u}") }</button>
                    }
                    if let Some(r) = &props.redo {
                        <button type="button" onclick={props.on_redo.reform(|_| ())}>{ format!("Redo: {r}") }</button>
                    }
                </div>
            }
            { for groups.iter().filter(|(l, _)| !props.hidden.contains(l)).map(|(label, list)| html! {
                <section class="entity-group" aria-label={label.description()}>
                    <h3><span class={classes!("swatch", format!("label-{}", label.as_str().to_lowercase()))}></span>
                        { label.description() }<span class="count">{ list.len() }</span></h3>
                    <ul>
                        { for first_rows(list, expanded.contains(label), props.entity).map(|&(entity, n)| {
                            let e = &corpus.entities[entity];
                            let id = e.id.clone();
                            let current = props.entity == Some(entity);
                            html! {
                                <li key={e.id.clone()}>
                                    <button type="button" class={classes!("entity-row", current.then_some("current"))}
                                        aria-pressed={current.to_string()} data-entity={e.id.clone()}
                                        onclick={props.on_entity.reform(move |_: MouseEvent| id.clone())}>
                                        <span class="name">{ &e.name }</span><span class="count">{ n }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                    if list.len() > FIRST_ROWS && !expanded.contains(label) {
                        <button type="button" class="show-all" onclick={{
                            let expanded = expanded.clone();
                            let label = *label;
                            Callback::from(move |_: MouseEvent| {
                                let mut all = (*expanded).clone();
                                all.insert(label);
                                expanded.set(all);
                            })
                        }}>{ format!("Show all {}", list.len()) }</button>
                    }
                </section>
            }) }
        </aside>
    }
}

/// Entities listed per type before "Show all".
const FIRST_ROWS: usize = 25;

/// The rows a group shows: all when expanded, else the most mentioned ones
/// and, wherever it ranks, the entity being followed.
fn first_rows(
    list: &[(usize, usize)],
    expanded: bool,
    followed: Option<usize>,
) -> impl Iterator<Item = &(usize, usize)> {
    let limit = if expanded { list.len() } else { FIRST_ROWS };
    let followed_later = list
        .iter()
        .skip(limit)
        .filter(move |(e, _)| Some(*e) == followed);
    list.iter().take(limit).chain(followed_later)
}

/// The value of the form control with this id.
fn value_of(id: &str) -> Option<String> {
    let el = gloo::utils::document().get_element_by_id(id)?;
    el.clone()
        .dyn_into::<HtmlInputElement>()
        .map(|i| i.value())
        .ok()
        .or_else(|| el.dyn_into::<HtmlSelectElement>().ok().map(|s| s.value()))
}

/// Fix the analysis for the selected entity: rename, change type, merge into
/// another entity, or hide it as not an entity at all.
fn correction_form(entity: &Entity, all: &[Entity], on_correct: &Callback<Correction>) -> Html {
    let key = EntityKey::of(entity);
    let submit_correction = |make: Box<dyn Fn(EntityKey) -> Option<Correction>>| {
        let cb = on_correct.clone();
        let key = key.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(c) = make(key.clone()) {
                cb.emit(c);
            }
        })
    };
    let rename = submit_correction(Box::new(|entity| {
        let name = value_of("fix-name")?.trim().to_string();
        (!name.is_empty()).then_some(Correction::Rename { entity, name })
    }));
    let relabel = submit_correction(Box::new(|entity| {
        let label = Label::parse(&value_of("fix-label")?)?;
        Some(Correction::Relabel { entity, label })
    }));
    let others: Vec<&Entity> = {
        let mut v: Vec<&Entity> = all.iter().filter(|o| o.id != entity.id).collect();
        v.sort_by(|a, b| a.name.cmp(&b.name));
        v
    };
    let merge = {
        let keys: Vec<(String, EntityKey)> = others
            .iter()
            .map(|o| (o.id.clone(), EntityKey::of(o)))
            .collect();
        submit_correction(Box::new(move |from| {
            let target = value_of("fix-merge")?;
            let into = keys.iter().find(|(id, _)| *id == target)?.1.clone();
            Some(Correction::Merge { from, into })
        }))
    };
    let hide = {
        let key = key.clone();
        on_correct.reform(move |_: MouseEvent| Correction::Hide {
            entity: key.clone(),
        })
    };
    html! {
        <details class="fix" key={entity.id.clone()}>
            <summary>{ "Correct this entity" }</summary>
            <form onsubmit={rename}>
                <label for="fix-name">{ "Name" }</label>
                <input id="fix-name" type="text" value={entity.name.clone()} />
                <button type="submit">{ "Rename" }</button>
            </form>
            <form onsubmit={relabel}>
                <label for="fix-label">{ "Type" }</label>
                <select id="fix-label">
                    { for Label::ALL.iter().map(|l| html! {
                        <option value={l.as_str()} selected={*l == entity.label}>{ l.description() }</option>
                    }) }
                </select>
                <button type="submit">{ "Change type" }</button>
            </form>
            <form onsubmit={merge}>
                <label for="fix-merge">{ "Same as" }</label>
                <select id="fix-merge">
                    <option value="" selected=true>{ "Choose the entity it is…" }</option>
                    { for others.iter().map(|o| html! {
                        <option value={o.id.clone()}>{ format!("{} ({})", o.name, o.label.as_str()) }</option>
                    }) }
                </select>
                <button type="submit">{ "Merge" }</button>
            </form>
            <button type="button" class="hide-entity" onclick={hide}>{ "Not an entity: hide it" }</button>
        </details>
    }
}
