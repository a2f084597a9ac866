//! The chronology: the dated events of the listed articles as a readable
//! list, oldest first, each sentence a way into its article. It is what the
//! main column shows before an article is opened.

use super::Data;
use dateline_engine::corpus::Event;
use dateline_engine::text::Span;
use dateline_reader::view::told_events;
use std::rc::Rc;
use yew::prelude::*;

/// Events listed before "Show all": enough to read, and a large corpus
/// still renders in a frame.
const FIRST_EVENTS: usize = 100;

#[derive(Properties, PartialEq)]
pub struct ChronologyProps {
    pub data: Data,
    pub visible: Rc<Vec<usize>>,
    /// When set, only events that involve this entity.
    pub entity: Option<usize>,
    pub on_event: Callback<(String, Span)>,
}

#[function_component(Chronology)]
pub fn chronology(props: &ChronologyProps) -> Html {
    let corpus = &props.data.corpus;
    let show_all = use_state(|| false);
    let told = use_memo(
        (props.data.clone(), props.visible.clone(), props.entity),
        |(data, visible, entity)| told_events(&data.corpus, visible, *entity),
    );
    let events: Vec<&Event> = told.iter().map(|&e| &corpus.events[e]).collect();
    let heading = match props.entity {
        Some(e) => format!("Chronology of {}", corpus.entities[e].name),
        None => "Chronology".to_string(),
    };
    html! {
        <section class="chronology" aria-labelledby="chronology-title">
            <h2 id="chronology-title" class="panel-title">{ heading }
                <span class="count">{ events.len() }</span></h2>
            if !props.data.complete {
                <p class="hint" aria-busy="true">{ "Loading the dated sentences…" }</p>
            } else if events.is_empty() {
                <p class="hint">{ "No dated event in the listed articles." }</p>
            }
            if props.data.complete {
            <ol>
                { for events.iter().take(if *show_all { usize::MAX } else { FIRST_EVENTS }).map(|e| {
                    let sources = e.sources.iter().map(|s| {
                        let article = &corpus.articles[s.article].article;
                        let (id, sentence) = (article.id.clone(), s.sentence);
                        let onclick = props.on_event.reform(move |_: MouseEvent| (id.clone(), sentence));
                        html! {
                            <li>
                                <button type="button" class="event-sentence" {onclick}>
                                    { s.sentence.of(&article.text) }
                                </button>
                                <span class="event-source">{ format!("{} · {}", article.date, article.title()) }</span>
                            </li>
                        }
                    });
                    html! {
                        <li class="chronology-item">
                            <time datetime={e.value.clone()}>{ e.when() }</time>
                            <ul>{ for sources }</ul>
                        </li>
                    }
                }) }
            </ol>
            }
            if events.len() > FIRST_EVENTS && !*show_all {
                <button type="button" class="show-all" onclick={{
                    let show_all = show_all.clone();
                    Callback::from(move |_: MouseEvent| show_all.set(true))
                }}>{ format!("Show all {} events", events.len()) }</button>
            }
        </section>
    }
}
