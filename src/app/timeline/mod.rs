//! The interactive timeline: a canvas painted from the level-of-detail
//! scene of `dateline_reader::timeline`, mirrored by real buttons for what
//! the canvas shows (focusable, named for screen readers, and the targets of
//! clicks), with a card for the item under the pointer or in focus.
//! Zoom: wheel, pinch, +/− buttons or keys; pan: drag or arrow keys;
//! Shift+drag brushes a range that filters the article list; 0 fits.

mod card;
mod gestures;
mod mirror;
mod painter;
mod stage;

use super::Data;
use chrono::NaiveDate;
use dateline_engine::text::Span;
use dateline_reader::timeline::{date_of, Hit, TimelineModel, Viewport};
use painter::Palette;
use stage::{move_to, Inputs, Settle, Shared, Stage};
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub data: Data,
    pub visible: Rc<Vec<usize>>,
    pub open: Option<usize>,
    pub entity: Option<usize>,
    pub range: Option<(NaiveDate, NaiveDate)>,
    pub on_open: Callback<String>,
    /// An event was chosen: open this article at this sentence.
    pub on_event: Callback<(String, Span)>,
    pub on_range: Callback<Option<(NaiveDate, NaiveDate)>>,
}

use super::mark;

fn fit_all(data: &Data) -> Viewport {
    let corpus = &data.corpus;
    let dates: Vec<NaiveDate> = corpus.articles.iter().map(|a| a.article.date).collect();
    Viewport::fit_story(&dates, corpus.events.iter().map(|e| (e.start, e.end)))
}

/// What choosing an item does: open an article, open an event at its
/// sentence, or list a cluster's articles.
#[derive(Clone, PartialEq)]
pub struct Actions {
    data: Data,
    on_open: Callback<String>,
    on_event: Callback<(String, Span)>,
    on_range: Callback<Option<(NaiveDate, NaiveDate)>>,
}

impl Actions {
    fn activate(&self, hit: Hit) {
        let corpus = &self.data.corpus;
        match hit {
            Hit::Article(i) => {
                if let Some(a) = corpus.articles.get(i) {
                    self.on_open.emit(a.article.id.clone());
                }
            }
            Hit::Event(i) => {
                let Some(first) = corpus.events.get(i).and_then(|e| e.sources.first()) else {
                    return;
                };
                if let Some(a) = corpus.articles.get(first.article) {
                    self.on_event.emit((a.article.id.clone(), first.sentence));
                }
            }
            Hit::Cluster(from, to) => self.on_range.emit(Some((from, to))),
        }
    }
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let model = use_memo(props.data.layout.clone(), {
        let data = props.data.clone();
        move |_| {
            mark("dateline-timeline-model");
            let model = Rc::new(TimelineModel::new(&data.corpus, data.layout.salience()));
            mark("dateline-timeline-model-built");
            model
        }
    });
    let shown = {
        let model = (*model).clone();
        use_memo(
            (props.data.clone(), props.visible.clone()),
            move |(data, visible)| Rc::new(model.shown(&data.corpus, visible)),
        )
    };
    let mentions = {
        let model = (*model).clone();
        use_memo((props.data.clone(), props.entity), move |(data, entity)| {
            entity.and_then(|e| {
                let name = data.corpus.entities.get(e)?.name.clone();
                Some((e, name, Rc::new(model.mentions(&data.corpus, e))))
            })
        })
    };
    let settled = {
        let data = props.data.clone();
        use_state(move || fit_all(&data))
    };
    let width = use_state(|| 800.0_f64);
    let canvas_ref = use_node_ref();
    let plot_ref = use_node_ref();
    let card = use_state(|| None::<card::Card>);
    let stage: Shared = {
        let view = *settled;
        let canvas = canvas_ref.clone();
        let settled = settled.clone();
        let on_settle = Callback::from(move |v: Viewport| settled.set(v));
        use_mut_ref(move || Stage::new(view, canvas, on_settle))
    };
    let inputs = Inputs {
        data: props.data.clone(),
        model: (*model).clone(),
        shown: (*shown).clone(),
        entity: (*mentions).clone(),
        open: props.open,
        range: props.range,
    };
    let w = *width;
    let scene = inputs.compose(&settled, w);

    // After every render: the canvas shows what the props say.
    {
        let stage = stage.clone();
        let inputs = inputs.clone();
        use_effect(move || {
            let mut s = stage.borrow_mut();
            s.inputs = Some(inputs);
            s.width = w;
            s.paint_now();
        });
    }
    // Once per corpus (the titles and texts change the labels), after its
    // first paint: the first zoom, drawn unseen.
    {
        let stage = stage.clone();
        use_effect_with(Rc::as_ptr(&props.data.corpus) as usize, move |_| {
            stage::warm_up_when_idle(&stage)
        });
    }
    gestures::use_resize_and_wheel(&stage, &plot_ref, &width);
    {
        let stage = stage.clone();
        let plot_ref = plot_ref.clone();
        use_effect_with((), move |_| {
            if let Some(el) = plot_ref.cast::<Element>() {
                stage.borrow_mut().palette = Palette::of(&el);
            }
        });
    }

    let step = |change: fn(&Viewport) -> Viewport| {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| {
            let view = change(&stage.borrow().view);
            move_to(&stage, view, Settle::Now);
        })
    };
    let fit = {
        let stage = stage.clone();
        let data = props.data.clone();
        Callback::from(move |_: MouseEvent| move_to(&stage, fit_all(&data), Settle::Now))
    };
    let vp = *settled;
    let filter_to_view = {
        let on_range = props.on_range.clone();
        Callback::from(move |_: MouseEvent| {
            on_range.emit(Some((date_of(vp.start), date_of(vp.end - 1.0))))
        })
    };
    let clear_range = props.on_range.reform(|_: MouseEvent| None);
    let actions = Actions {
        data: props.data.clone(),
        on_open: props.on_open.clone(),
        on_event: props.on_event.clone(),
        on_range: props.on_range.clone(),
    };
    let handlers = gestures::use_handlers(&stage, &plot_ref, &props.data, &card, &actions);
    let on_card = {
        let card = card.clone();
        use_callback((), move |c: Option<card::Card>, _| card.set(c))
    };
    let legend = model.legend.iter().map(|(source, colour)| {
        html! { <span class="key-source"><span class={format!("key-dot source-{colour}")}></span>{ source }</span> }
    });

    html! {
        <section class="timeline" aria-label="Timeline">
            <div class="timeline-bar">
                <h2 class="panel-title">{ "Timeline" }</h2>
                <span class="range-label" aria-live="polite">
                    { format!("{} – {}", date_of(vp.start).format("%-d %b %Y"), date_of(vp.end - 1.0).format("%-d %b %Y")) }
                </span>
                if scene.events_in_view as usize > scene.events.len() {
                    <span class="events-more">
                        { format!("{} of {} events in view drawn: zoom in, or see the chronology", scene.events.len(), scene.events_in_view) }
                    </span>
                }
                <span class="timeline-key" aria-hidden="true">
                    <span class="key-marker"></span>{ "published" }<span class="key-event"></span>{ "mentioned in the text" }
                    { for legend }
                </span>
                <div class="timeline-tools" role="group" aria-label="Timeline controls">
                    <button type="button" onclick={step(|v| v.zoom(1.5, 0.5))} aria-label="Zoom in" title="Zoom in (+)">{ "+" }</button>
                    <button type="button" onclick={step(|v| v.zoom(1.0 / 1.5, 0.5))} aria-label="Zoom out" title="Zoom out (−)">{ "−" }</button>
                    <button type="button" onclick={fit} title="Show everything (0)">{ "Fit" }</button>
                    if props.range.is_some() {
                        <button type="button" onclick={clear_range}>{ "Clear range" }</button>
                    } else {
                        <button type="button" onclick={filter_to_view} title="Filter the list to the visible dates (or Shift+drag)">{ "Filter to view" }</button>
                    }
                </div>
            </div>
            <div class="timeline-plot" ref={plot_ref} tabindex="0"
                aria-label="Time axis. Drag or arrow keys to pan, wheel or + and − to zoom, Shift+drag to filter by dates, 0 to fit. Tab to the articles and events shown."
                style={format!("height:{:.0}px", scene.height)}
                onpointerdown={handlers.down} onpointermove={handlers.moved}
                onpointerup={handlers.up.clone()} onpointercancel={handlers.up} onpointerleave={handlers.leave}
                onkeydown={handlers.key}>
                <canvas ref={canvas_ref} class="timeline-canvas" aria-hidden="true"
                    style={format!("width:{w:.0}px;height:{:.0}px", scene.height)}></canvas>
                <mirror::Mirror scene={Rc::new(scene)} data={props.data.clone()}
                    actions={actions} {on_card} />
                if let Some(c) = &*card {
                    <card::CardView card={*c} data={props.data.clone()} width={w} />
                }
            </div>
        </section>
    }
}
