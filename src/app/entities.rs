//! The entity panel: a legend whose entries toggle each type, and the
//! entities of the listed articles grouped by type with mention counts.

use super::reader::plural;
use super::Data;
use dateline::label::Label;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
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
}

#[function_component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    let corpus = &props.data.corpus;
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &a in props.visible.iter() {
        for m in &corpus.articles[a].mentions {
            *counts.entry(m.entity).or_insert(0) += 1;
        }
    }
    let mut groups: BTreeMap<Label, Vec<(usize, usize)>> = BTreeMap::new();
    for (&entity, &n) in &counts {
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
    let legend = Label::ALL.iter().filter(|l| groups.contains_key(l) || props.hidden.contains(l)).map(|&label| {
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
            <ul class="legend" aria-label="Entity types">{ for legend }</ul>
            if let Some(e) = selected {
                <div class="selection">
                    <p>{ "Following " }<strong>{ &e.name }</strong>
                        { format!(" · {} mention{} in {} article{}", e.mention_count, plural(e.mention_count), e.articles.len(), plural(e.articles.len())) }</p>
                    <button type="button" onclick={props.on_clear.reform(|_| ())}>{ "Clear (Esc)" }</button>
                </div>
            }
            { for groups.iter().filter(|(l, _)| !props.hidden.contains(l)).map(|(label, list)| html! {
                <section class="entity-group" aria-label={label.description()}>
                    <h3><span class={classes!("swatch", format!("label-{}", label.as_str().to_lowercase()))}></span>
                        { label.description() }<span class="count">{ list.len() }</span></h3>
                    <ul>
                        { for list.iter().map(|&(entity, n)| {
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
                </section>
            }) }
        </aside>
    }
}
