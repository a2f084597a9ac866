//! The interactive timeline: a time axis (SVG), a lane of article markers and
//! a lane of the dated events the articles mention. Markers are real buttons
//! laid over the axis, so they are focusable and named for screen readers.
//! Zoom: wheel, pinch, +/− buttons or keys; pan: drag or arrow keys;
//! Shift+drag brushes a range that filters the article list.

use super::Data;
use chrono::NaiveDate;
use dateline_engine::text::Span;
use dateline_reader::timeline::{date_of, day_number, fold_overflow, stack_rows, Viewport};
use gloo::events::{EventListener, EventListenerOptions};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};
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

/// Viewport changes, reduced so long-lived listeners never see stale state.
enum Move {
    Zoom { factor: f64, anchor: f64 },
    Pan(f64),
    Set(Viewport),
}

#[derive(PartialEq)]
struct Vp(Viewport);

impl Reducible for Vp {
    type Action = Move;
    fn reduce(self: Rc<Self>, action: Move) -> Rc<Self> {
        Rc::new(Vp(match action {
            Move::Zoom { factor, anchor } => self.0.zoom(factor, anchor),
            Move::Pan(fraction) => self.0.pan(fraction),
            Move::Set(v) => v,
        }))
    }
}

/// An in-progress pointer gesture on the plot.
#[derive(Default)]
struct Gesture {
    /// Pointer id → last x (pixels from the plot's left edge).
    pointers: HashMap<i32, f64>,
    /// Brush start x while Shift-dragging.
    brush_from: Option<f64>,
}

const AXIS_HEIGHT: f64 = 28.0;
const ROW_HEIGHT: f64 = 20.0;
const MARKER_WIDTH: f64 = 14.0;
const MIN_EVENT_WIDTH: f64 = 10.0;
/// Rows of article markers before the rest of a crowded day folds into "+N".
const MAX_MARKER_ROWS: usize = 3;
/// Rows of events before the rest is left to the chronology.
const MAX_EVENT_ROWS: usize = 6;

fn fit_all(data: &Data) -> Viewport {
    let corpus = &data.corpus;
    let dates: Vec<NaiveDate> = corpus.articles.iter().map(|a| a.article.date).collect();
    Viewport::fit_story(&dates, corpus.events.iter().map(|e| (e.start, e.end)))
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let viewport = {
        let data = props.data.clone();
        use_reducer(move || Vp(fit_all(&data)))
    };
    let width = use_state(|| 800.0_f64);
    let plot_ref = use_node_ref();
    let gesture = use_mut_ref(Gesture::default);
    let brush = use_state(|| None::<(f64, f64)>);

    {
        let plot_ref = plot_ref.clone();
        let width = width.clone();
        let viewport = viewport.clone();
        use_effect_with((), move |_| {
            let measure = {
                let plot_ref = plot_ref.clone();
                move || {
                    if let Some(el) = plot_ref.cast::<Element>() {
                        width.set(f64::from(el.client_width().max(200)));
                    }
                }
            };
            measure();
            let resize = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            // Wheel must be non-passive to keep the page from scrolling while zooming.
            let wheel = plot_ref.cast::<Element>().map(|el| {
                let target = el.clone();
                EventListener::new_with_options(
                    &el,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |e| {
                        let Some(e) = e.dyn_ref::<WheelEvent>() else {
                            return;
                        };
                        e.prevent_default();
                        let rect = target.get_bounding_client_rect();
                        let anchor =
                            (f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0);
                        let factor = (-e.delta_y() * 0.002).exp();
                        viewport.dispatch(Move::Zoom { factor, anchor });
                    },
                )
            });
            move || drop((resize, wheel))
        });
    }

    let w = *width;
    let vp = viewport.0;
    let corpus = &props.data.corpus;
    let x_of = |d: NaiveDate| vp.x(day_number(d), w);

    let local_x = {
        let plot_ref = plot_ref.clone();
        move |e: &PointerEvent| {
            plot_ref.cast::<Element>().map_or(0.0, |el| {
                f64::from(e.client_x()) - el.get_bounding_client_rect().left()
            })
        }
    };
    let on_pointer_down = {
        let gesture = gesture.clone();
        let plot_ref = plot_ref.clone();
        let brush = brush.clone();
        let local_x = local_x.clone();
        Callback::from(move |e: PointerEvent| {
            let on_control = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| el.closest("button").ok().flatten().is_some());
            if on_control {
                return;
            }
            let x = local_x(&e);
            let mut g = gesture.borrow_mut();
            g.pointers.insert(e.pointer_id(), x);
            if e.shift_key() && g.pointers.len() == 1 {
                g.brush_from = Some(x);
                brush.set(Some((x, x)));
            }
            // Yew delegates events to the body, so `current_target` is not the
            // plot: capture on the plot itself to keep the drag when the pointer leaves it.
            if let Some(el) = plot_ref.cast::<Element>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let on_pointer_move = {
        let gesture = gesture.clone();
        let brush = brush.clone();
        let viewport = viewport.clone();
        let local_x = local_x.clone();
        Callback::from(move |e: PointerEvent| {
            let x = local_x(&e);
            let mut g = gesture.borrow_mut();
            let Some(&last) = g.pointers.get(&e.pointer_id()) else {
                return;
            };
            if let Some(from) = g.brush_from {
                brush.set(Some((from.min(x), from.max(x))));
                return;
            }
            if g.pointers.len() == 2 {
                let other = g
                    .pointers
                    .iter()
                    .find(|(id, _)| **id != e.pointer_id())
                    .map(|(_, x)| *x)
                    .unwrap_or(x);
                let (before, after) = ((last - other).abs(), (x - other).abs());
                if before > 4.0 && after > 4.0 {
                    viewport.dispatch(Move::Zoom {
                        factor: after / before,
                        anchor: (x + other) / 2.0 / w,
                    });
                }
            } else {
                viewport.dispatch(Move::Pan(-(x - last) / w));
            }
            g.pointers.insert(e.pointer_id(), x);
        })
    };
    let on_pointer_up = {
        let gesture = gesture.clone();
        let brush = brush.clone();
        let on_range = props.on_range.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            g.pointers.remove(&e.pointer_id());
            if let (Some(_), Some((a, b))) = (g.brush_from.take(), *brush) {
                if b - a > 4.0 {
                    on_range.emit(Some((date_of(vp.day_at(a, w)), date_of(vp.day_at(b, w)))));
                }
                brush.set(None);
            }
        })
    };
    let zoom = |factor: f64| {
        let viewport = viewport.clone();
        Callback::from(move |_: MouseEvent| {
            viewport.dispatch(Move::Zoom {
                factor,
                anchor: 0.5,
            })
        })
    };
    let fit = {
        let viewport = viewport.clone();
        let data = props.data.clone();
        Callback::from(move |_: MouseEvent| viewport.dispatch(Move::Set(fit_all(&data))))
    };
    let on_key = {
        let viewport = viewport.clone();
        let data = props.data.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "+" | "=" => Move::Zoom {
                    factor: 1.5,
                    anchor: 0.5,
                },
                "-" | "_" => Move::Zoom {
                    factor: 1.0 / 1.5,
                    anchor: 0.5,
                },
                "ArrowLeft" => Move::Pan(-0.15),
                "ArrowRight" => Move::Pan(0.15),
                "0" => Move::Set(fit_all(&data)),
                _ => return,
            };
            e.prevent_default();
            viewport.dispatch(action);
        })
    };
    let filter_to_view = {
        let on_range = props.on_range.clone();
        Callback::from(move |_: MouseEvent| {
            on_range.emit(Some((date_of(vp.start), date_of(vp.end - 1.0))))
        })
    };
    let clear_range = props.on_range.reform(|_: MouseEvent| None);

    let ticks = vp.ticks(w);
    let visible_set: std::collections::HashSet<usize> = props.visible.iter().copied().collect();

    // Only what is on screen is stacked, so off-screen crowds do not push
    // the lanes down; rows past the cap fold into a "+N" button per day.
    let on_screen = |(a, b): (f64, f64)| b >= -MARKER_WIDTH && a <= w + MARKER_WIDTH;
    let shown_articles: Vec<usize> = (0..corpus.articles.len())
        .filter(|&i| {
            let x = vp.x(day_number(corpus.articles[i].article.date) + 0.5, w);
            on_screen((x, x))
        })
        .collect();
    let marker_spans: Vec<(f64, f64)> = shown_articles
        .iter()
        .map(|&i| {
            let x = vp.x(day_number(corpus.articles[i].article.date) + 0.5, w);
            (x - MARKER_WIDTH / 2.0, x + MARKER_WIDTH / 2.0)
        })
        .collect();
    let marker_rows = stack_rows(&marker_spans, 2.0);
    let overflow = fold_overflow(
        shown_articles
            .iter()
            .enumerate()
            .filter(|(k, _)| marker_rows[*k] >= MAX_MARKER_ROWS)
            .map(|(k, &i)| (marker_spans[k].0, corpus.articles[i].article.date)),
        MARKER_WIDTH,
    );
    let used_rows = marker_rows
        .iter()
        .max()
        .map_or(0, |r| r + 1)
        .min(MAX_MARKER_ROWS + usize::from(!overflow.is_empty()));
    let marker_lane = used_rows as f64 * ROW_HEIGHT;
    let markers = shown_articles.iter().enumerate().filter(|(k, _)| marker_rows[*k] < MAX_MARKER_ROWS).map(|(k, &i)| {
        let a = &corpus.articles[i];
        let (left, _) = marker_spans[k];
        let id = a.article.id.clone();
        let onclick = props.on_open.reform(move |_: MouseEvent| id.clone());
        let current = props.open == Some(i);
        let label = format!("{} — {} ({})", a.article.date, a.article.title(), a.article.source);
        html! {
            <button type="button" class={classes!("marker", current.then_some("current"), (!visible_set.contains(&i)).then_some("dimmed"))}
                style={format!("left:{left:.1}px;top:{:.0}px", marker_rows[k] as f64 * ROW_HEIGHT)}
                aria-label={label.clone()} title={label} aria-current={current.then_some("true")} {onclick}></button>
        }
    });
    let more_markers = overflow.iter().map(|o| {
        let (count, left, from, to) = (o.count, o.left, o.from, o.to);
        let onclick = props.on_range.reform(move |_: MouseEvent| Some((from, to)));
        let plural = if count == 1 { "" } else { "s" };
        let label = if from == to {
            format!("{count} more article{plural} on {from}: list them")
        } else {
            format!("{count} more article{plural} from {from} to {to}: list them")
        };
        html! {
            <button type="button" class="marker-more" {onclick} aria-label={label.clone()} title={label}
                style={format!("left:{left:.1}px;top:{:.0}px", MAX_MARKER_ROWS as f64 * ROW_HEIGHT)}>
                { format!("+{count}") }
            </button>
        }
    });

    let shown_events: Vec<usize> = (0..corpus.events.len())
        .filter(|&i| on_screen((x_of(corpus.events[i].start), x_of(corpus.events[i].end))))
        .collect();
    let event_spans_shown: Vec<(f64, f64)> = shown_events
        .iter()
        .map(|&i| {
            let a = x_of(corpus.events[i].start);
            (a, x_of(corpus.events[i].end).max(a + MIN_EVENT_WIDTH))
        })
        .collect();
    let event_rows_shown = stack_rows(&event_spans_shown, 3.0);
    let hidden_events = event_rows_shown
        .iter()
        .filter(|&&r| r >= MAX_EVENT_ROWS)
        .count();
    let event_lane = (event_rows_shown
        .iter()
        .max()
        .map_or(0, |r| r + 1)
        .min(MAX_EVENT_ROWS)) as f64
        * ROW_HEIGHT;
    let mut event_spans = vec![(f64::NAN, f64::NAN); corpus.events.len()];
    let mut event_rows = vec![usize::MAX; corpus.events.len()];
    for (k, &i) in shown_events.iter().enumerate() {
        event_spans[i] = event_spans_shown[k];
        event_rows[i] = event_rows_shown[k];
    }
    let events = corpus.events.iter().enumerate().filter(|(i, _)| event_rows[*i] < MAX_EVENT_ROWS).map(|(i, e)| {
        let (a, b) = event_spans[i];
        let (left, right) = (a.max(-2.0), b.min(w + 2.0));
        let first = e.sources[0];
        let article = &corpus.articles[first.article].article;
        let sentence = first.sentence.of(&article.text);
        let excerpt: String = sentence.chars().take(140).collect();
        let label = format!("{}: {}{} ({} source{})", e.value, excerpt, if excerpt.len() < sentence.len() { "…" } else { "" },
            e.sources.len(), if e.sources.len() == 1 { "" } else { "s" });
        let id = article.id.clone();
        let onclick = props.on_event.reform(move |_: MouseEvent| (id.clone(), first.sentence));
        let involved = props.entity.is_some_and(|en| e.entities.contains(&en));
        let shown = e.sources.iter().any(|s| visible_set.contains(&s.article));
        html! {
            <button type="button" class={classes!("event", involved.then_some("involved"), (!shown).then_some("dimmed"), (e.sources.len() > 1).then_some("multi"))}
                style={format!("left:{left:.1}px;width:{:.1}px;top:{:.0}px", (right - left).max(MIN_EVENT_WIDTH), event_rows[i] as f64 * ROW_HEIGHT)}
                aria-label={label.clone()} title={label} {onclick}>
                if right - left > 44.0 {
                    <span class="event-value">{ &e.value }</span>
                }
            </button>
        }
    });

    let range_rect = props.range.map(|(from, to)| {
        let a = x_of(from);
        let b = vp.x(day_number(to) + 1.0, w);
        (a, b)
    });
    let brush_rect = (*brush).or(range_rect);
    let height = AXIS_HEIGHT + marker_lane + event_lane + 28.0;
    html! {
        <section class="timeline" aria-label="Timeline">
            <div class="timeline-bar">
                <h2 class="panel-title">{ "Timeline" }</h2>
                <span class="range-label" aria-live="polite">
                    { format!("{} – {}", date_of(vp.start).format("%-d %b %Y"), date_of(vp.end - 1.0).format("%-d %b %Y")) }
                </span>
                <span class="timeline-key" aria-hidden="true">
                    <span class="key-marker"></span>{ "published" }<span class="key-event"></span>{ "mentioned in the text" }
                </span>
                <div class="timeline-tools" role="group" aria-label="Timeline controls">
                    <button type="button" onclick={zoom(1.5)} aria-label="Zoom in" title="Zoom in (+)">{ "+" }</button>
                    <button type="button" onclick={zoom(1.0 / 1.5)} aria-label="Zoom out" title="Zoom out (−)">{ "−" }</button>
                    <button type="button" onclick={fit} title="Show everything (0)">{ "Fit" }</button>
                    if props.range.is_some() {
                        <button type="button" onclick={clear_range}>{ "Clear range" }</button>
                    } else {
                        <button type="button" onclick={filter_to_view} title="Filter the list to the visible dates (or Shift+drag)">{ "Filter to view" }</button>
                    }
                </div>
            </div>
            <div class="timeline-plot" ref={plot_ref} tabindex="0"
                aria-label="Time axis. Drag or arrow keys to pan, wheel or + and − to zoom, Shift+drag to filter by dates, 0 to fit."
                style={format!("height:{height:.0}px")}
                onpointerdown={on_pointer_down} onpointermove={on_pointer_move}
                onpointerup={on_pointer_up.clone()} onpointercancel={on_pointer_up} onkeydown={on_key}>
                <svg class="axis" width={format!("{w:.0}")} height={format!("{height:.0}")} aria-hidden="true">
                    if let Some((a, b)) = brush_rect {
                        <rect class="brush" x={format!("{:.1}", a.max(0.0))} y="0" width={format!("{:.1}", (b.min(w) - a.max(0.0)).max(1.0))} height={format!("{height:.0}")} />
                    }
                    { for ticks.iter().map(|t| html! {
                        <g class="tick">
                            <line x1={format!("{:.1}", t.x)} x2={format!("{:.1}", t.x)} y1="18" y2={format!("{height:.0}")} />
                            <text x={format!("{:.1}", t.x + 3.0)} y="13">{ &t.label }</text>
                        </g>
                    }) }
                </svg>
                <div class="lane lane-articles" style={format!("top:{AXIS_HEIGHT:.0}px;height:{marker_lane:.0}px")}>
                    { for markers }
                    { for more_markers }
                </div>
                <div class="lane lane-events" style={format!("top:{:.0}px;height:{event_lane:.0}px", AXIS_HEIGHT + marker_lane + 8.0)}>
                    { for events }
                    if hidden_events > 0 {
                        <span class="events-more">{ format!("+{hidden_events} more here: zoom in, or see the chronology") }</span>
                    }
                </div>
            </div>
        </section>
    }
}
