//! The timeline's live state outside Yew's render cycle: the viewport while
//! a gesture runs, the last painted scene (for hit-testing), and when to
//! paint. A discrete step (key, button) paints the new view at once. A
//! gesture's steps (wheel, drag, pinch) move and stretch the last full paint
//! (one `drawImage`, whatever the scene holds) while it is fresh, and the
//! full paint follows as soon as the gesture pauses for a few frames, or
//! when the stretched image would be too old or too blurred: the input is
//! never kept waiting for a frame. Yew re-renders the accessible mirror
//! only once the view settles, so no DOM diff runs during a gesture.

use super::painter::{paint, Overlay, Palette};
use crate::app::Data;
use chrono::NaiveDate;
use dateline_reader::timeline::lod::Pyramid;
use dateline_reader::timeline::{day_number, Frame, Scene, Shown, TimelineModel, Viewport};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// How long after the last wheel step the mirror and labels follow.
const SETTLE_MS: u32 = 150;
/// A gesture step within this long of the last full paint (or of the
/// gesture's start) is drawn by transforming that paint: a long gesture
/// still gets a full paint this often.
const FRESH_MS: f64 = 100.0;
/// ... and only while the view is zoomed at most this much from it.
const MAX_STRETCH: f64 = 8.0;
/// The full paint follows once a gesture has paused this long.
const QUIET_MS: f64 = 40.0;

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

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
    /// Shift+drag in progress, in pixels.
    pub brush: Option<(f64, f64)>,
    /// The last full paint, and the view and width it shows.
    snapshot: Option<HtmlCanvasElement>,
    snap_view: Viewport,
    snap_width: f64,
    /// When the last full paint, the current gesture's first step and its
    /// last step happened (ms).
    last_full: f64,
    gesture_start: f64,
    last_step: f64,
    /// The canvas shows a transformed paint: a full one is owed.
    stale: bool,
    /// The canvas shows a full paint not yet copied to the snapshot.
    snapshot_owed: bool,
    /// The model whose first paint was marked: `scripts/bench-timeline`
    /// reads the marks around the model's build and its first paint.
    marked: Option<*const TimelineModel>,
    frame: Option<AnimationFrame>,
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
    pub fn new(view: Viewport, canvas: NodeRef, on_settle: Callback<Viewport>) -> Stage {
        Stage {
            view,
            width: 800.0,
            inputs: None,
            scene: Scene::default(),
            palette: Palette::default(),
            canvas,
            brush: None,
            snapshot: None,
            snap_view: view,
            snap_width: 0.0,
            last_full: f64::NEG_INFINITY,
            gesture_start: f64::NEG_INFINITY,
            last_step: f64::NEG_INFINITY,
            stale: false,
            snapshot_owed: false,
            marked: None,
            frame: None,
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
        // Copied on the next gesture step, when the canvas has been drawn
        // on screen: copying now would rasterise it here, in this frame.
        self.snapshot_owed = true;
        (self.snap_view, self.snap_width) = (self.view, self.width);
        self.last_full = now();
        self.stale = false;
        if first {
            self.marked = Some(model);
            super::mark("dateline-timeline-drawn");
        }
    }
}

impl Stage {
    /// Copies the canvas, which shows the last full paint, for the
    /// transformed frames of a gesture.
    fn keep_snapshot(&mut self, canvas: &HtmlCanvasElement) {
        let snapshot = self.snapshot.get_or_insert_with(|| {
            gloo::utils::document()
                .create_element("canvas")
                .ok()
                .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
                .unwrap_or_else(|| canvas.clone())
        });
        if snapshot == canvas {
            return;
        }
        if snapshot.width() != canvas.width() || snapshot.height() != canvas.height() {
            snapshot.set_width(canvas.width());
            snapshot.set_height(canvas.height());
        }
        if let Some(ctx) = context_2d(snapshot) {
            ctx.clear_rect(
                0.0,
                0.0,
                f64::from(canvas.width()),
                f64::from(canvas.height()),
            );
            let _ = ctx.draw_image_with_html_canvas_element(canvas, 0.0, 0.0);
        }
        self.snapshot_owed = false;
    }

    /// Draws the last full paint moved and stretched to the current view;
    /// false when it is too old, too stretched or of another size.
    fn paint_transformed(&mut self) -> bool {
        if self.snapshot_owed {
            if let Some(canvas) = self.canvas.cast::<HtmlCanvasElement>() {
                self.keep_snapshot(&canvas);
            }
        }
        let stretch = self.snap_view.span() / self.view.span();
        let usable = self.snap_width == self.width
            && (1.0 / MAX_STRETCH..=MAX_STRETCH).contains(&stretch)
            && now() - self.last_full.max(self.gesture_start) <= FRESH_MS;
        let (Some(snapshot), Some(canvas)) =
            (&self.snapshot, self.canvas.cast::<HtmlCanvasElement>())
        else {
            return false;
        };
        let Some(ctx) = context_2d(&canvas).filter(|_| usable && snapshot != &canvas) else {
            return false;
        };
        let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
        let shift = (self.snap_view.start - self.view.start) / self.view.span() * w;
        let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, w, h);
        let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
            snapshot,
            shift,
            0.0,
            w * stretch,
            h,
        );
        self.stale = true;
        true
    }
}

/// The first zoom's views are drawn unseen at this ratio apart...
const WARM_UP_FACTOR: f64 = 2.0;
/// ... down to a view this many days wide (labels and event bars show).
const WARM_UP_NARROWEST_DAYS: f64 = 30.0;

impl Stage {
    /// Composes and paints, off screen, the views a zoom into the middle
    /// of the current one passes through. The first run of the code that
    /// draws zoomed-in views (markers, labels, event bars) and of the
    /// glyphs it paints costs more than any later one: the first full paint
    /// of a zoom at 100,000 articles took 13-25 ms of its frame, the same
    /// paint 6-8 ms on a second zoom. Done once per corpus, while the page
    /// is idle. (The idea is Flutter's shader warm-up.)
    fn warm_up(&self) {
        let Some(inputs) = &self.inputs else {
            return;
        };
        let Some(canvas) = gloo::utils::document()
            .create_element("canvas")
            .ok()
            .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
        else {
            return;
        };
        let overlay = Overlay {
            range: None,
            entity: None,
        };
        let ladder = self
            .view
            .zoom_ladder(WARM_UP_FACTOR, WARM_UP_NARROWEST_DAYS);
        for view in ladder {
            paint(
                &canvas,
                &inputs.compose(&view, self.width),
                &self.palette,
                &overlay,
            );
        }
        // Rasterised now (glyphs included), not skipped as never shown.
        if let Some(ctx) = context_2d(&canvas) {
            let _ = ctx.get_image_data(0.0, 0.0, 1.0, 1.0);
        }
    }
}

/// Runs [`Stage::warm_up`] once the page is idle.
pub fn warm_up_when_idle(stage: &Shared) {
    let stage = stage.clone();
    let run = wasm_bindgen::closure::Closure::once_into_js(move || stage.borrow().warm_up());
    let _ = gloo::utils::window().request_idle_callback(run.unchecked_ref());
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten()?.dyn_into().ok()
}

/// Paints the current view in full now.
pub fn repaint(stage: &Shared) {
    stage.borrow_mut().paint_now();
}

/// One step of a gesture: the transformed last paint while that is fresh,
/// else a full paint; a full paint follows once the gesture pauses.
fn gesture_step(stage: &Shared) {
    let mut s = stage.borrow_mut();
    let at = now();
    if at - s.last_step >= QUIET_MS {
        s.gesture_start = at;
    }
    s.last_step = at;
    if !s.paint_transformed() {
        s.paint_now();
    }
    if s.stale && s.frame.is_none() {
        drop(s);
        watch_for_pause(stage);
    }
}

/// Checks each animation frame whether the gesture has paused, and then
/// pays the full paint owed.
fn watch_for_pause(stage: &Shared) {
    let next = stage.clone();
    let frame = request_animation_frame(move |_| {
        let mut s = next.borrow_mut();
        s.frame = None;
        if !s.stale {
            return;
        }
        if now() - s.last_step >= QUIET_MS {
            s.paint_now();
        } else {
            drop(s);
            watch_for_pause(&next);
        }
    });
    stage.borrow_mut().frame = Some(frame);
}

/// Moves the viewport, repaints, and lets the mirror follow per `settle`.
pub fn move_to(stage: &Shared, view: Viewport, settle: Settle) {
    {
        stage.borrow_mut().view = view;
    }
    match settle {
        Settle::Now => {
            repaint(stage);
            settle_now(stage);
        }
        Settle::Later => {
            gesture_step(stage);
            let later = stage.clone();
            stage.borrow_mut().settle = Some(Timeout::new(SETTLE_MS, move || settle_now(&later)));
        }
    }
}

/// Has the component render the mirror and the range label for this view.
pub fn settle_now(stage: &Shared) {
    let (callback, view) = {
        let mut s = stage.borrow_mut();
        s.settle = None;
        (s.on_settle.clone(), s.view)
    };
    callback.emit(view);
}
