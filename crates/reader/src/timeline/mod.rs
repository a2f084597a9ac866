//! Timeline geometry without a DOM. The page draws a canvas from a
//! [`scene::Scene`] and mirrors it with focusable buttons; everything that
//! decides what goes where lives here and is tested natively:
//!
//! - [`viewport`]: the visible stretch of time, zoom and pan;
//! - [`ticks`]: axis ticks from days to centuries;
//! - [`lod`] and [`spans`]: per-zoom counts and salient items (the
//!   level-of-detail "mipmaps"), so a frame reads what its pixels show;
//! - [`model`]: those built once per corpus and once per filter;
//! - [`scene`]: one frame as shapes, and hit-testing;
//! - [`labels`]: how much of a label fits;
//! - `batches`: long loops cut into calls, for the page's first build;

mod batches;
pub mod labels;
pub mod lod;
pub mod model;
pub mod scene;
pub mod spans;
pub mod ticks;
pub mod viewport;

pub use model::{Shown, TimelineModel};
pub use scene::{Frame, Hit, Scene};
pub use ticks::Tick;
pub use viewport::{date_of, day_number, Viewport, STORY_REACH_YEARS};
