//! Pointer, wheel and key input on the plot, turned into viewport moves on
//! the [`Stage`](super::stage::Stage): drag pans, two pointers pinch, Shift
//! drags a brush, a click without a drag activates what [`Scene::hit`]
//! finds, wheel zooms around the pointer, keys step.
//!
//! [`Scene::hit`]: dateline_reader::timeline::Scene::hit

use super::card::Card;
use super::stage::{move_to, repaint, settle_now, Settle, Shared};
use super::{fit_all, Actions};
use crate::app::Data;
use dateline_reader::timeline::{date_of, Viewport};
use gloo::events::{EventListener, EventListenerOptions};
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};
use yew::prelude::*;

/// An in-progress pointer gesture on the plot.
#[derive(Default)]
struct Gesture {
    /// Pointer id → last x (pixels from the plot's left edge).
    pointers: HashMap<i32, f64>,
    /// Where the first pointer went down, to tell a click from a drag.
    down_at: Option<(f64, f64)>,
    /// The pointer moved more than a few pixels.
    dragged: bool,
    /// Brush start x while Shift-dragging.
    brush_from: Option<f64>,
}

/// Pointer travel below which a press is a click.
const CLICK_SLOP: f64 = 4.0;

/// The plot's handlers.
pub struct Handlers {
    pub down: Callback<PointerEvent>,
    pub moved: Callback<PointerEvent>,
    pub up: Callback<PointerEvent>,
    pub leave: Callback<PointerEvent>,
    pub key: Callback<KeyboardEvent>,
}

/// Keeps the stage's width in step with the plot, and zooms on wheel (a
/// non-passive listener, so the page does not scroll while zooming).
#[hook]
pub fn use_resize_and_wheel(stage: &Shared, plot_ref: &NodeRef, width: &UseStateHandle<f64>) {
    let stage = stage.clone();
    let plot_ref = plot_ref.clone();
    let width = width.clone();
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
                    let anchor = (f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0);
                    let factor = (-e.delta_y() * 0.002).exp();
                    let view = stage.borrow().view.zoom(factor, anchor);
                    move_to(&stage, view, Settle::Later);
                },
            )
        });
        move || drop((resize, wheel))
    });
}

/// Pointer position relative to the plot.
fn local(plot_ref: &NodeRef, e: &PointerEvent) -> (f64, f64) {
    plot_ref.cast::<Element>().map_or((0.0, 0.0), |el| {
        let r = el.get_bounding_client_rect();
        (
            f64::from(e.client_x()) - r.left(),
            f64::from(e.client_y()) - r.top(),
        )
    })
}

/// The plot's pointer and key handlers.
#[hook]
pub fn use_handlers(
    stage: &Shared,
    plot_ref: &NodeRef,
    data: &Data,
    card: &UseStateHandle<Option<Card>>,
    actions: &Actions,
) -> Handlers {
    let gesture = use_mut_ref(Gesture::default);
    let down = {
        let (gesture, plot_ref, stage) = (gesture.clone(), plot_ref.clone(), stage.clone());
        Callback::from(move |e: PointerEvent| {
            let on_control = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| el.closest("button").ok().flatten().is_some());
            if on_control {
                return;
            }
            let (x, y) = local(&plot_ref, &e);
            let mut g = gesture.borrow_mut();
            g.pointers.insert(e.pointer_id(), x);
            if g.pointers.len() == 1 {
                g.down_at = Some((x, y));
                g.dragged = false;
            }
            if e.shift_key() && g.pointers.len() == 1 {
                g.brush_from = Some(x);
                stage.borrow_mut().brush = Some((x, x));
            }
            // Yew delegates events to the body, so `current_target` is not the
            // plot: capture on the plot itself to keep the drag when the pointer leaves it.
            if let Some(el) = plot_ref.cast::<Element>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let moved = {
        let (gesture, plot_ref, stage, card) = (
            gesture.clone(),
            plot_ref.clone(),
            stage.clone(),
            card.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let (x, y) = local(&plot_ref, &e);
            let mut g = gesture.borrow_mut();
            let Some(&last) = g.pointers.get(&e.pointer_id()) else {
                // Hovering: the card follows what is under the pointer.
                let hit = stage.borrow().scene.hit(x, y);
                let next = hit.map(|hit| Card { hit, x, y });
                if card.as_ref().map(|c| c.hit) != next.map(|c| c.hit) {
                    card.set(next);
                }
                return;
            };
            if let Some((x0, y0)) = g.down_at {
                g.dragged |= (x - x0).hypot(y - y0) > CLICK_SLOP;
            }
            if !g.dragged {
                return;
            }
            if card.is_some() {
                card.set(None);
            }
            if let Some(from) = g.brush_from {
                stage.borrow_mut().brush = Some((from.min(x), from.max(x)));
                repaint(&stage);
                return;
            }
            let (view, w) = {
                let s = stage.borrow();
                (s.view, s.width)
            };
            if g.pointers.len() == 2 {
                let other = g
                    .pointers
                    .iter()
                    .find(|(id, _)| **id != e.pointer_id())
                    .map(|(_, x)| *x)
                    .unwrap_or(x);
                let (before, after) = ((last - other).abs(), (x - other).abs());
                if before > 4.0 && after > 4.0 {
                    move_to(
                        &stage,
                        view.zoom(after / before, (x + other) / 2.0 / w),
                        Settle::Later,
                    );
                }
            } else {
                move_to(&stage, view.pan(-(x - last) / w), Settle::Later);
            }
            g.pointers.insert(e.pointer_id(), x);
        })
    };
    let up = {
        let (gesture, plot_ref, stage, actions) = (
            gesture.clone(),
            plot_ref.clone(),
            stage.clone(),
            actions.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            if g.pointers.remove(&e.pointer_id()).is_none() {
                return;
            }
            let brush = stage.borrow_mut().brush.take();
            let (view, w) = {
                let s = stage.borrow();
                (s.view, s.width)
            };
            if let (Some(_), Some((a, b))) = (g.brush_from.take(), brush) {
                repaint(&stage);
                if b - a > CLICK_SLOP {
                    actions.on_range.emit(Some((
                        date_of(view.day_at(a, w)),
                        date_of(view.day_at(b, w)),
                    )));
                }
                return;
            }
            if g.pointers.is_empty() {
                if g.dragged {
                    drop(g);
                    settle_now(&stage);
                } else if e.type_() == "pointerup" {
                    let (x, y) = local(&plot_ref, &e);
                    let hit = stage.borrow().scene.hit(x, y);
                    drop(g);
                    if let Some(hit) = hit {
                        actions.activate(hit);
                    }
                }
            }
        })
    };
    let leave = {
        let card = card.clone();
        let gesture = gesture.clone();
        Callback::from(move |_: PointerEvent| {
            if gesture.borrow().pointers.is_empty() && card.is_some() {
                card.set(None);
            }
        })
    };
    let key = {
        let (stage, data) = (stage.clone(), data.clone());
        Callback::from(move |e: KeyboardEvent| {
            let current: Viewport = stage.borrow().view;
            let view = match e.key().as_str() {
                "+" | "=" => current.zoom(1.5, 0.5),
                "-" | "_" => current.zoom(1.0 / 1.5, 0.5),
                "ArrowLeft" => current.pan(-0.15),
                "ArrowRight" => current.pan(0.15),
                "0" => fit_all(&data),
                _ => return,
            };
            e.prevent_default();
            move_to(&stage, view, Settle::Now);
        })
    };
    Handlers {
        down,
        moved,
        up,
        leave,
        key,
    }
}
