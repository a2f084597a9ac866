//! Paints a [`Scene`] on the timeline's canvas (Canvas 2D, sharp on any
//! device pixel ratio). What to draw is decided by the scene; this only
//! turns shapes into pixels, with colours taken from the page's CSS so
//! dark mode and the source colours stay in the stylesheet.

use dateline_reader::timeline::scene::{Scene, COLUMN, ROW, SPARK, STRIP};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};

/// Colours of the page, read from its CSS custom properties.
#[derive(Clone, Debug, Default)]
pub struct Palette {
    ink: String,
    muted: String,
    rule: String,
    panel: String,
    accent: String,
    focus: String,
    brush: String,
    event: String,
    /// Colour 0 (the other sources) then one per leading source.
    sources: Vec<String>,
}

impl Palette {
    /// The palette in effect for `el` (light or dark scheme).
    pub fn of(el: &Element) -> Palette {
        let style = gloo::utils::window().get_computed_style(el).ok().flatten();
        let var = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        let accent = var("--accent", "#1f5fae");
        let sources = (0..=5)
            .map(|i| var(&format!("--source-{i}"), &accent))
            .collect();
        Palette {
            ink: var("--ink", "#1d1c1a"),
            muted: var("--muted", "#5f5b55"),
            rule: var("--rule", "#e3dfd8"),
            panel: var("--panel", "#ffffff"),
            focus: var("--focus", "#d9480f"),
            brush: var("--brush", "rgba(31, 95, 174, 0.12)"),
            event: var("--event", "#fbe7a6"),
            accent,
            sources,
        }
    }
}

/// What besides the scene a frame shows.
pub struct Overlay {
    /// A brushed or filtered range, in pixels.
    pub range: Option<(f64, f64)>,
    /// The followed entity's name, for the sparkline's caption.
    pub entity: Option<String>,
}

/// The 2D context of `canvas`, sized to `width` × `height` CSS pixels at
/// the device pixel ratio, with its transform set to CSS pixels.
fn context(
    canvas: &HtmlCanvasElement,
    width: f64,
    height: f64,
) -> Option<CanvasRenderingContext2d> {
    let ratio = gloo::utils::window().device_pixel_ratio().max(1.0);
    let (w, h) = (
        (width * ratio).round() as u32,
        (height * ratio).round() as u32,
    );
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()?
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0).ok()?;
    Some(ctx)
}

/// Paints `scene` on `canvas`.
pub fn paint(canvas: &HtmlCanvasElement, scene: &Scene, palette: &Palette, overlay: &Overlay) {
    let Some(ctx) = context(canvas, scene.width, scene.height) else {
        return;
    };
    ctx.clear_rect(0.0, 0.0, scene.width, scene.height);
    if let Some((a, b)) = overlay.range {
        ctx.set_fill_style_str(&palette.brush);
        ctx.fill_rect(
            a.max(0.0),
            0.0,
            (b.min(scene.width) - a.max(0.0)).max(1.0),
            scene.height,
        );
    }
    ticks(&ctx, scene, palette);
    strips(&ctx, scene, palette);
    ctx.set_font("11px system-ui, sans-serif");
    ctx.set_text_baseline("middle");
    markers(&ctx, scene, palette);
    events(&ctx, scene, palette);
    // Lane titles on a plate of the panel's colour, drawn over the markers so
    // these never make them unreadable.
    for title in &scene.lane_titles {
        let width = dateline_reader::timeline::labels::width_of(&title.text) + 6.0;
        ctx.set_fill_style_str(&palette.panel);
        ctx.fill_rect(1.0, title.y, width, 13.0);
        ctx.set_fill_style_str(&palette.muted);
        let _ = ctx.fill_text(&title.text, 4.0, title.y + 6.5);
    }
    if let Some(spark) = &scene.sparkline {
        sparkline(
            &ctx,
            spark,
            palette,
            overlay.entity.as_deref().unwrap_or(""),
        );
    }
}

fn ticks(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    ctx.set_stroke_style_str(&palette.rule);
    ctx.set_line_width(1.0);
    ctx.begin_path();
    for t in &scene.ticks {
        let x = t.x.round() + 0.5;
        ctx.move_to(x, 18.0);
        ctx.line_to(x, scene.height);
    }
    ctx.stroke();
    ctx.set_fill_style_str(&palette.muted);
    ctx.set_font("12px system-ui, sans-serif");
    ctx.set_text_baseline("alphabetic");
    for t in &scene.ticks {
        let _ = ctx.fill_text(&t.label, t.x + 3.0, 13.0);
    }
}

// Shapes of one style go into one path and are filled (or stroked) once:
// a frame is a few dozen canvas operations, not thousands, whatever it shows.

fn strips(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    for strip in &scene.strips {
        let bottom = strip.y + STRIP - 1.0;
        ctx.begin_path();
        for &(x, level) in &strip.bars {
            let h = (level * (STRIP - 2.0)).max(1.0);
            ctx.rect(x, bottom - h, 2.0, h);
        }
        ctx.set_fill_style_str(if strip.faint {
            &palette.rule
        } else {
            &palette.accent
        });
        ctx.fill();
    }
}

fn markers(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    let tau = std::f64::consts::TAU;
    let dot = |x: f64, y: f64, r: f64| {
        ctx.move_to(x + r, y);
        let _ = ctx.arc(x, y, r, 0.0, tau);
    };
    // Fill each colour's dots, then one white ring around them all.
    for (colour, fill) in palette.sources.iter().enumerate() {
        ctx.begin_path();
        let mut any = false;
        for m in scene
            .markers
            .iter()
            .filter(|m| !m.current && m.colour as usize == colour)
        {
            dot(m.x, m.y + ROW / 2.0, 6.0);
            any = true;
        }
        if any {
            ctx.set_fill_style_str(fill);
            ctx.fill();
        }
    }
    ctx.begin_path();
    for m in &scene.markers {
        dot(m.x, m.y + ROW / 2.0, if m.current { 7.0 } else { 6.0 });
    }
    ctx.set_stroke_style_str(&palette.panel);
    ctx.set_line_width(2.0);
    ctx.stroke();
    if let Some(m) = scene.markers.iter().find(|m| m.current) {
        ctx.begin_path();
        dot(m.x, m.y + ROW / 2.0, 7.0);
        ctx.set_fill_style_str(&palette.focus);
        ctx.fill();
    }
    ctx.set_fill_style_str(&palette.ink);
    for m in &scene.markers {
        if let Some(label) = &m.label {
            let _ = ctx.fill_text(label, m.x + COLUMN / 2.0, m.y + ROW / 2.0);
        }
    }
    clusters(ctx, scene, palette);
}

fn clusters(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    let (w, h) = (COLUMN - 2.0, ROW - 8.0);
    ctx.begin_path();
    for c in &scene.clusters {
        ctx.rect(c.x - w / 2.0 + 0.5, c.y + 4.5, w - 1.0, h - 1.0);
    }
    ctx.set_fill_style_str(&palette.panel);
    ctx.fill();
    ctx.set_stroke_style_str(&palette.accent);
    ctx.set_line_width(1.0);
    ctx.stroke();
    ctx.set_fill_style_str(&palette.accent);
    ctx.set_font("600 10px system-ui, sans-serif");
    ctx.set_text_align("center");
    for c in &scene.clusters {
        let _ = ctx.fill_text(&c.text(), c.x, c.y + ROW / 2.0);
    }
    ctx.set_text_align("start");
    ctx.set_font("11px system-ui, sans-serif");
}

fn events(ctx: &CanvasRenderingContext2d, scene: &Scene, palette: &Palette) {
    let bar =
        |e: &dateline_reader::timeline::scene::EventBar| (e.x0, e.y + 4.0, e.x1 - e.x0, ROW - 8.0);
    for involved in [false, true] {
        ctx.begin_path();
        for e in scene.events.iter().filter(|e| e.involved == involved) {
            let (x, y, w, h) = bar(e);
            ctx.rect(x, y, w, h);
        }
        ctx.set_fill_style_str(if involved {
            &palette.event
        } else {
            &palette.brush
        });
        ctx.fill();
    }
    ctx.set_stroke_style_str(&palette.accent);
    for multi in [false, true] {
        ctx.begin_path();
        for e in scene.events.iter().filter(|e| e.multi == multi) {
            let (x, y, w, h) = bar(e);
            ctx.rect(x + 0.5, y + 0.5, w - 1.0, h - 1.0);
        }
        ctx.set_line_width(if multi { 2.0 } else { 1.0 });
        ctx.stroke();
    }
    ctx.set_fill_style_str(&palette.ink);
    for e in &scene.events {
        if let Some(label) = &e.label {
            let _ = ctx.fill_text(label, e.x0.max(0.0) + 4.0, e.y + ROW / 2.0);
        }
    }
}

fn sparkline(
    ctx: &CanvasRenderingContext2d,
    spark: &dateline_reader::timeline::scene::Sparkline,
    palette: &Palette,
    entity: &str,
) {
    let bottom = spark.y + SPARK - 2.0;
    ctx.begin_path();
    for &(x, v) in &spark.points {
        let h = (v * (SPARK - 10.0)).max(1.0);
        ctx.rect(x - 1.5, bottom - h, 3.0, h);
    }
    ctx.set_fill_style_str(&palette.focus);
    ctx.fill();
    ctx.set_fill_style_str(&palette.muted);
    let caption = format!("{entity}: named in up to {} articles a column", spark.peak);
    let _ = ctx.fill_text(&caption, 4.0, spark.y + 6.0);
}
