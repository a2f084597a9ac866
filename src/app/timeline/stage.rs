//! The timeline's live state outside Yew's render cycle: the viewport while
//! a gesture runs, the last painted scene (for hit-testing), and frame
//! scheduling. A wheel step or drag moves the viewport and repaints the
//! canvas at once (the first change in a frame paints synchronously, later
//! ones in that frame coalesce into one repaint on the next animation
//! frame); Yew re-renders the accessible mirror only when the gesture
//! settles, so input is never blocked by a DOM diff.

use super::painter::{paint, Overlay, Palette};
use crate::app::Data;
use chrono::NaiveDate;
use dateline_reader::timeline::lod::Pyramid;
use dateline_reader::timeline::{day_number, Frame, Scene, Shown, TimelineModel, Viewport};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// How long after the last wheel step the mirror and labels follow.
const SETTLE_MS: u32 = 150;

/// What the timeline shows, as of the last Yew render.
#[derive(Clone)]
pub struct Inputs {
    pub data: Data,
    pub model: Rc<TimelineModel>,
    pub shown: Rc<Shown>,
    /// The followed entity, its name and its mentions over time.
    pub entity: Option<(usize, String, Rc<Pyramid>)>,
    pub open: Option<usize>,
    pub range: Option<(NaiveDate, NaiveDate)>,
}

impl Inputs {
    /// The scene of `view` on a `width`-pixel plot.
    pub fn compose(&self, view: &Viewport, width: f64) -> Scene {
        let frame = Frame {
            corpus: &self.data.corpus,
            model: &self.model,
            shown: &self.shown,
            entity: self.entity.as_ref().map(|(e, _, p)| (*e, &**p)),
            open: self.open,
        };
        Scene::compose(&frame, view, width)
    }
}

/// The live state; shared by the listeners as `Rc<RefCell<Stage>>`.
pub struct Stage {
    pub view: Viewport,
    pub width: f64,
    pub inputs: Option<Inputs>,
    /// The scene on the canvas now.
    pub scene: Scene,
    pub palette: Palette,
    pub canvas: NodeRef,
    /// Hidden while a gesture runs: its buttons would point at stale places.
    pub mirror: NodeRef,
    /// Shift+drag in progress, in pixels.
    pub brush: Option<(f64, f64)>,
    /// The model whose first paint was marked: `scripts/bench-timeline`
    /// reads the marks around the model's build and its first paint.
    marked: Option<*const TimelineModel>,
    frame: Option<AnimationFrame>,
    dirty: bool,
    settle: Option<Timeout>,
    /// Tells the component which viewport to render the mirror for.
    pub on_settle: Callback<Viewport>,
}

/// When the mirror follows a move.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Settle {
    /// A discrete step (key, button, end of a drag): at once.
    Now,
    /// A continuous gesture (wheel): once it pauses.
    Later,
}

pub type Shared = Rc<RefCell<Stage>>;

impl Stage {
    pub fn new(
        view: Viewport,
        canvas: NodeRef,
        mirror: NodeRef,
        on_settle: Callback<Viewport>,
    ) -> Stage {
        Stage {
            view,
            width: 800.0,
            inputs: None,
            scene: Scene::default(),
            palette: Palette::default(),
            canvas,
            mirror,
            brush: None,
            marked: None,
            frame: None,
            dirty: false,
            settle: None,
            on_settle,
        }
    }

    /// Composes and paints the current viewport now.
    pub fn paint_now(&mut self) {
        let (Some(inputs), Some(canvas)) = (&self.inputs, self.canvas.cast::<HtmlCanvasElement>())
        else {
            return;
        };
        let model = Rc::as_ptr(&inputs.model);
        let first = self.marked != Some(model);
        if first {
            super::mark("dateline-timeline-paint");
        }
        self.scene = inputs.compose(&self.view, self.width);
        let range = self.brush.or_else(|| {
            inputs.range.map(|(from, to)| {
                (
                    self.view.x(day_number(from), self.width),
                    self.view.x(day_number(to) + 1.0, self.width),
                )
            })
        });
        let overlay = Overlay {
            range,
            entity: inputs.entity.as_ref().map(|(_, name, _)| name.clone()),
        };
        paint(&canvas, &self.scene, &self.palette, &overlay);
        if first {
            self.marked = Some(model);
            super::mark("dateline-timeline-drawn");
        }
    }
}

/// Repaints: now if nothing was painted since the last animation frame,
/// else once on the next one.
pub fn repaint(stage: &Shared) {
    let mut s = stage.borrow_mut();
    if s.frame.is_some() {
        s.dirty = true;
        return;
    }
    s.paint_now();
    let next = stage.clone();
    s.frame = Some(request_animation_frame(move |_| {
        let mut s = next.borrow_mut();
        s.frame = None;
        if std::mem::take(&mut s.dirty) {
            drop(s);
            repaint(&next);
        }
    }));
}

/// Moves the viewport, repaints, and lets the mirror follow per `settle`.
pub fn move_to(stage: &Shared, view: Viewport, settle: Settle) {
    {
        let mut s = stage.borrow_mut();
        s.view = view;
        set_mirror_hidden(&s, true);
    }
    repaint(stage);
    match settle {
        Settle::Now => settle_now(stage),
        Settle::Later => {
            let later = stage.clone();
            stage.borrow_mut().settle = Some(Timeout::new(SETTLE_MS, move || settle_now(&later)));
        }
    }
}

/// Shows the mirror again and has the component render it for this view.
pub fn settle_now(stage: &Shared) {
    let (callback, view) = {
        let mut s = stage.borrow_mut();
        s.settle = None;
        set_mirror_hidden(&s, false);
        (s.on_settle.clone(), s.view)
    };
    callback.emit(view);
}

fn set_mirror_hidden(stage: &Stage, hidden: bool) {
    if let Some(el) = stage.mirror.cast::<web_sys::HtmlElement>() {
        let _ = el
            .style()
            .set_property("visibility", if hidden { "hidden" } else { "visible" });
    }
}
